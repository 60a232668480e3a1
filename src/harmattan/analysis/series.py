"""Counts over time: events per day or ISO week, by PLOVER type, ACLED type or quad class."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import Connection

from harmattan.analysis.data import involves, occurrences, period_of

BYS = ("plover", "acled", "quad")


def key_of(item: object, by: str) -> str | None:
    """The series an event counts in; None when it has no code of that kind.

    ``plover``: the PLOVER event type (events without one are left out); ``acled``: the ACLED
    event type; ``quad``: ``Q0`` … ``Q4`` (``harmattan.schema.QUAD_CLASSES`` names them).
    """
    if by == "plover":
        return item.plover  # type: ignore[attr-defined]
    if by == "acled":
        return item.acled_type  # type: ignore[attr-defined]
    if by == "quad":
        return f"Q{item.quad_class}"  # type: ignore[attr-defined]
    raise ValueError(f"unknown grouping {by!r} (expected one of: {', '.join(BYS)})")


def series(conn: Connection, *, since: dt.date | None = None, until: dt.date | None = None,
           country: str | None = None, admin1: str | None = None, actor: str | None = None,
           interval: str = "week", by: str = "plover", unit: str = "cluster") -> list[dict]:
    """Rows ``{"period": "YYYY-MM-DD", "key": str, "count": int}`` sorted by (period, key).

    ``period`` is the day, or the Monday of the ISO week; periods and keys without events are
    absent.  ``unit="cluster"`` counts an event once however many articles report it;
    ``"mention"`` counts reports.  ``actor`` keeps events with a source or target it names
    (a code prefix such as ``NER`` or ``NERMIL``, or an ``actor_id``).
    """
    if by not in BYS:
        raise ValueError(f"unknown grouping {by!r} (expected one of: {', '.join(BYS)})")
    period_of(dt.date(2000, 1, 3), interval)  # rejects an unknown interval before reading
    counts: Counter[tuple[str, str]] = Counter()
    for item in occurrences(conn, since=since, until=until, country=country, admin1=admin1, unit=unit):
        if actor and not involves(item, actor):
            continue
        key = key_of(item, by)
        if key is None:
            continue
        counts[(period_of(item.date, interval).isoformat(), key)] += 1
    return [{"period": period, "key": key, "count": n} for (period, key), n in sorted(counts.items())]
