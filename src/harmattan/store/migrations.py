"""Schema migrations: a store made by an older version upgrades in place when it is opened.

The tables in ``schema.py`` are the newest version.  Every table, column or index added after
version 1 carries ``info={"since": N}``; migration N creates exactly those, with Alembic's
operations (which know how to add a column on SQLite and on PostgreSQL).  So the history is
written once, in the table definitions, and a store at any version is brought to the newest by
applying the missing steps in order.  A change that is not an addition (a rename, a new type)
gets a hand-written step in ``_EXTRA_STEPS``.

Applied versions are recorded in ``schema_version``.  Upgrades take a lock (``BEGIN
IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL), so two processes opening a new store at
the same moment do not both build it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Connection, Engine, Index, MetaData, Table, inspect, select, text

from harmattan.store import schema

#: version → what it adds (shown by ``harmattan stats``).
VERSIONS: dict[int, str] = {
    1: "runs, articles, events (bitemporal), actors, places, rejects",
    2: "near-duplicate stories (MinHash bands) and event clusters",
    3: "feed polling state (ETag, Last-Modified, failures); articles indexed by URL",
    4: "alerts (anomalies and analyst rules) and their webhook deliveries",
    5: "the API's event listings, kept up to date on write, and its ingest jobs",
}
HEAD = max(VERSIONS)


def _fill_cluster_listings(conn: Connection) -> None:
    from harmattan.store.query import refresh_all_listings

    refresh_all_listings(conn)


_EXTRA_STEPS: dict[int, Callable[[Connection], None]] = {5: _fill_cluster_listings}
_PG_LOCK_KEY = 7_164_201_004  # any constant: the advisory lock that serialises upgrades


def _since(item: object) -> int:
    return int(getattr(item, "info", {}).get("since", 1))


def snapshot(version: int) -> MetaData:
    """The tables as they stood at ``version`` (for building a store at an older version)."""
    meta = MetaData()
    for table in schema.metadata.sorted_tables:
        if _since(table) > version:
            continue
        columns = [c._copy() for c in table.columns if _since(c) <= version]
        copy = Table(table.name, meta, *columns)
        for index in table.indexes:
            if _since(index) <= version:
                Index(index.name, *[copy.c[c.name] for c in index.columns], unique=index.unique)
    return meta


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    value = conn.execute(select(schema.schema_version.c.version).order_by(
        schema.schema_version.c.version.desc()).limit(1)).scalar()
    return int(value or 0)


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})


def _apply(conn: Connection, version: int) -> None:
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    target = snapshot(version)
    existing = set(inspect(conn).get_table_names())
    op = Operations(MigrationContext.configure(conn))
    for table in target.sorted_tables:
        if table.name not in existing:
            table.create(conn)
            continue
        source = schema.metadata.tables[table.name]
        for column in source.columns:
            if _since(column) == version:
                op.add_column(table.name, column._copy())
        for index in source.indexes:
            if _since(index) == version:
                op.create_index(index.name, table.name, [c.name for c in index.columns],
                                unique=index.unique)
    if version in _EXTRA_STEPS:
        _EXTRA_STEPS[version](conn)
    conn.execute(schema.schema_version.insert().values(
        version=version, description=VERSIONS[version],
        applied_at=dt.datetime.now(dt.UTC).replace(tzinfo=None)))


def upgrade(engine: Engine, target: int = HEAD) -> list[int]:
    """Bring the store to ``target``; return the versions applied (empty when up to date)."""
    with engine.connect() as conn:
        if current_version(conn) >= target:
            return []
    applied: list[int] = []
    with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
        _lock(conn)
        for version in range(current_version(conn) + 1, target + 1):
            _apply(conn, version)
            applied.append(version)
    return applied


def build_at(engine: Engine, version: int) -> None:
    """Build an empty store as version ``version`` made it (for upgrade tests)."""
    upgrade(engine, target=version)


__all__ = ["HEAD", "VERSIONS", "build_at", "current_version", "snapshot", "upgrade"]
