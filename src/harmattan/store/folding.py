"""Accent- and case-insensitive text search, the same on SQLite and on PostgreSQL.

« Élysée » must find "Elysée", "ELYSEE" and "élysée".  SQLite's ``lower()`` folds ASCII only
and PostgreSQL's ``unaccent`` is an extension a team's database may not have, so both sides
fold with one table of accented Latin letters: PostgreSQL with ``translate()`` then
``lower()``, SQLite with the same table in a function registered on each connection
(``harmattan_fold``, see ``engine.py``).  The searched words are folded in Python alike.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func

ACCENTED = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿœæÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸŒÆ’"
PLAIN = "aaaaaaceeeeiiiinooooouuuuyyoaaaaaaaceeeeiiiinooooouuuuyyoa'"
_TABLE = str.maketrans(ACCENTED, PLAIN)
#: The SQLite function's name.
SQLITE_FUNCTION = "harmattan_fold"


def fold_text(value: str | None) -> str | None:
    """``value`` without accents and in lower case, as the database folds it."""
    if value is None:
        return None
    return value.translate(_TABLE).lower()


def folded(conn: Connection, expression: Any) -> Any:
    """``expression`` folded in SQL by the connection's dialect, as ``fold_text`` does."""
    if conn.dialect.name == "postgresql":
        return func.lower(func.translate(expression, ACCENTED, PLAIN))
    return getattr(func, SQLITE_FUNCTION)(expression)
