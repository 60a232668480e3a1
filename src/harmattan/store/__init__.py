"""The store: SQLite by default, PostgreSQL for teams; bitemporal events, stories, clusters.

    store = Store.open("harmattan.db")          # or "postgresql://user@host/db"
    ingest(store, ["articles.jsonl"])           # read, check, code, store (resumable)
    for row in export_rows(store, as_of=...):   # clusters, or mentions=True for raw rows
        ...
"""

from harmattan.store.engine import DEFAULT_DB, StoreError, resolve_url
from harmattan.store.store import Store

__all__ = ["DEFAULT_DB", "Store", "StoreError", "resolve_url"]
