"""Open a store from a URL: SQLite by default, PostgreSQL for teams.

``--db`` (or ``HARMATTAN_DB``) is either a path (``harmattan.db``, the default, is a SQLite file
in the current folder) or a URL: ``sqlite:///path.db`` or ``postgresql://user@host:5432/name``.

SQLite runs in WAL mode: readers see a consistent snapshot and never block the one writer.
Python's sqlite3 module does not open a transaction before a SELECT, so every statement of an
export would see a different moment; we take over transaction control (the recipe from the
SQLAlchemy docs) and emit ``BEGIN`` ourselves — ``BEGIN IMMEDIATE`` for writers, so that two
writers queue on the lock instead of failing half-way.  ``synchronous=FULL``: a committed batch
survives a power cut, not only a killed process.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from harmattan.errors import HarmattanError
from harmattan.store.folding import SQLITE_FUNCTION, fold_text

DEFAULT_DB = "harmattan.db"
_SQLITE_BEGIN = {"DEFERRED": "BEGIN DEFERRED", "IMMEDIATE": "BEGIN IMMEDIATE"}


class StoreError(HarmattanError):
    """The store cannot be opened or used (bad URL, server down, newer schema)."""

    code = "E010"


def resolve_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for ``--db`` / ``HARMATTAN_DB`` / the default ``./harmattan.db``."""
    value = (db or os.environ.get("HARMATTAN_DB") or DEFAULT_DB).strip()
    if "://" not in value:
        return f"sqlite:///{Path(value)}"
    scheme = value.split("://", 1)[0].lower()
    if scheme in {"postgresql", "postgres"}:
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if scheme.startswith("postgresql+") or scheme.startswith("sqlite"):
        return value
    raise StoreError(
        f"unsupported database URL {redact(value)!r}",
        fix="use a file path, sqlite:///path.db or postgresql://user@host:5432/dbname",
    )


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


#: Connections kept open per process: the API server's readers each hold one for a request
#: (20 concurrent readers in docs/benchmarks.md); a connection opened past the pool is closed
#: after use, and opening one costs a PostgreSQL server process.  Opened on demand only.
POOL_SIZE = 20
POOL_OVERFLOW = 10


def create_store_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    try:
        return create_engine(url, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot use {redact(url)}: {exc}",
                         fix="pip install 'psycopg[binary]' and check the URL") from None


def _sqlite_engine(url: str) -> Engine:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 120}, pool_size=POOL_SIZE,
                           max_overflow=POOL_OVERFLOW)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, see above
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=120000")
        cursor.close()
        # Accent-insensitive search (store/folding.py): PostgreSQL folds with translate().
        dbapi_connection.create_function(SQLITE_FUNCTION, 1, fold_text, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(_SQLITE_BEGIN[mode])

    return engine


_SQLITE_HEADER = b"SQLite format 3\x00"


def check_sqlite_file(url: str, create: bool = True) -> None:
    """Refuse a SQLite path that is a folder or another kind of file, with a message naming it.

    With ``create=False`` (the commands that only read) a store that does not exist is refused
    too, instead of creating an empty one (and its folders) at a mistyped path.
    """
    if not url.startswith("sqlite"):
        return
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database).expanduser()
    if path.is_dir():
        raise StoreError(f"--db {path} is a folder, not a store file",
                         fix=f"name a file, e.g. --db {path / DEFAULT_DB}")
    if not path.exists():
        if not create:
            raise StoreError(f"no store at {path}",
                             fix="check the path (--db / HARMATTAN_DB), or fill a store first: "
                                 f"harmattan ingest INPUT... --db {path}")
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"cannot read the store {path}: {exc.strerror or exc}",
                         fix="check the file's permissions") from None
    if header and header != _SQLITE_HEADER:
        raise StoreError(f"{path} is not a SQLite database (not a Harmattan store)",
                         fix="check --db / HARMATTAN_DB; a new store needs a new file name")
