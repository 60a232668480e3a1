"""Read the store: events (as clusters or raw mentions), counts, changes and rejects.

Every function takes an open read connection (``with store.reading() as conn``), so a caller
that needs several reads gets them from one snapshot, and ``as_of`` — a moment in the past —
returns the data as it stood then: the event codings recorded by that moment and not yet
replaced, the articles and rejects stored by then.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, and_, distinct, func, or_, select

from harmattan.dedup.clusters import claims
from harmattan.store import migrations
from harmattan.store import schema as t
from harmattan.store.store import count

_CHUNK = 500


def parse_moment(value: str | dt.datetime | dt.date | None) -> dt.datetime | None:
    """``2024-05-01``, ``2024-05-01T12:30:00`` or ``…Z`` / ``…+02:00`` → naive UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime.combine(value, dt.time())
    else:
        text = value.strip().replace("Z", "+00:00")
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"malformed timestamp {value!r} (expected e.g. 2024-05-01T12:00:00Z)") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment


def current_at(as_of: dt.datetime | None) -> Any:
    """The event rows in force at ``as_of`` (now when None)."""
    if as_of is None:
        return t.events.c.valid_to.is_(None)
    return and_(t.events.c.valid_from <= as_of,
                or_(t.events.c.valid_to.is_(None), t.events.c.valid_to > as_of))


def event_filters(as_of: dt.datetime | None, since: dt.date | None, until: dt.date | None,
                  country: str | None) -> list[Any]:
    """Conditions on event rows: in force at ``as_of``, dated within [since, until], in ``country``."""
    where = [current_at(as_of)]
    if since is not None:
        where.append(t.events.c.date >= since.isoformat())
    if until is not None:
        where.append(t.events.c.date <= until.isoformat())
    if country:
        where.append(t.events.c.country == country.upper())
    return where


#: A row's cluster: its cluster id, or its own event id for rows stored before clusters existed.
CLUSTER_KEY = func.coalesce(t.events.c.cluster_id, t.events.c.event_id)

_MENTION_COLUMNS = (
    t.events.c.event_id, t.events.c.cluster_id, t.events.c.payload, t.events.c.country,
    t.events.c.valid_from, t.articles.c.article_id, t.articles.c.source, t.articles.c.url,
    t.articles.c.title, t.articles.c.date.label("article_date"), t.articles.c.story_id,
)


def _mention(row: Any) -> dict[str, Any]:
    payload = json.loads(row.payload)
    return {
        # Rows stored before clusters existed (schema v1) have none: each is its own cluster.
        "payload": payload, "event_id": row.event_id, "cluster_id": row.cluster_id or row.event_id,
        "story_id": row.story_id, "country": row.country, "article_id": row.article_id,
        "source": row.source or _host(row.url) or None, "url": row.url, "title": row.title,
        "article_date": row.article_date.isoformat() if row.article_date else None,
        "coded_at": row.valid_from,
    }


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


def mentions(conn: Connection, *, as_of: dt.datetime | None = None, since: dt.date | None = None,
             until: dt.date | None = None, country: str | None = None,
             language: str | None = None) -> list[dict[str, Any]]:
    """Every event row in force (one per article that reports it), in a stable order.

    ``language`` keeps the events of articles in that language (ISO 639-1, e.g. ``fr``)."""
    where = event_filters(as_of, since, until, country)
    if language:
        where.append(t.articles.c.language == language.lower())
    stmt = (select(*_MENTION_COLUMNS).join(t.articles, t.articles.c.article_pk == t.events.c.article_pk)
            .where(*where)
            .order_by(t.events.c.date, t.events.c.event_id, t.articles.c.content_hash))
    return [_mention(row) for row in conn.execute(stmt)]


def mention_record(m: dict[str, Any]) -> dict[str, Any]:
    """A mention as exported: the contract v3 event plus its store ids and its article."""
    record = dict(m["payload"])
    record["cluster_id"] = m["cluster_id"]
    record["story_id"] = m["story_id"]
    record["country"] = m["country"]
    record["article"] = {"id": m["article_id"], "date": m["article_date"], "title": m["title"],
                         "source": m["source"], "url": m["url"]}
    return record


def clusters(conn: Connection, *, as_of: dt.datetime | None = None, since: dt.date | None = None,
             until: dt.date | None = None, country: str | None = None,
             language: str | None = None) -> list[dict[str, Any]]:
    """Event clusters in force: the event once, with every mention, source and claim.

    A cluster is selected when one of its mentions matches the filters; its counts then cover
    all its mentions in force.
    """
    selected = mentions(conn, as_of=as_of, since=since, until=until, country=country,
                        language=language)
    ids = sorted({m["cluster_id"] for m in selected})
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        stmt = (select(*_MENTION_COLUMNS)
                .join(t.articles, t.articles.c.article_pk == t.events.c.article_pk)
                .where(current_at(as_of), CLUSTER_KEY.in_(chunk))
                .order_by(t.events.c.event_id, t.articles.c.content_hash))
        for row in conn.execute(stmt):
            members[row.cluster_id or row.event_id].append(_mention(row))
    result = [cluster_record(cid, members[cid]) for cid in ids]
    result.sort(key=lambda c: (c["date"] or "", c["cluster_id"]))
    return result


def cluster_record(cluster_id: str, members: list[dict[str, Any]]) -> dict[str, Any]:
    members = sorted(members, key=lambda m: (m["article_date"] or "9999", -m["payload"]["confidence"],
                                             m["event_id"], m["article_id"]))
    lead = members[0]
    event = dict(lead["payload"])
    reports = sorted(m["article_date"] for m in members if m["article_date"])
    sources = {m["source"] or m["article_id"] for m in members}
    return {
        "cluster_id": cluster_id,
        "date": event.get("date"),
        "event_type": (event.get("plover") or {}).get("event") or f"Q{event['cameo']['quad_class']}",
        "country": lead["country"],
        "n_articles": len({m["article_id"] for m in members}),
        "n_sources": len(sources),
        "n_mentions": len(members),
        "first_report": reports[0] if reports else None,
        "last_report": reports[-1] if reports else None,
        "sources": sorted(sources),
        "event": event,
        "mentions": [
            {"event_id": m["event_id"], "article_id": m["article_id"], "story_id": m["story_id"],
             "source": m["source"], "url": m["url"], "date": m["article_date"],
             "evidence": m["payload"]["evidence"]}
            for m in members
        ],
        "claims": claims(members),
    }


def stats(conn: Connection, *, as_of: dt.datetime | None = None) -> dict[str, Any]:
    """Counts of what the store holds (as it stood at ``as_of``)."""
    in_force = current_at(as_of)
    art_where = [] if as_of is None else [t.articles.c.ingested_at <= as_of]
    rej_where = [] if as_of is None else [t.rejects.c.created_at <= as_of]
    first_last = conn.execute(select(func.min(t.articles.c.date), func.max(t.articles.c.date))
                              .where(*art_where)).one()
    return {
        "articles": count(conn, t.articles, *art_where),
        "events": count(conn, t.events, in_force),
        "clusters": int(conn.execute(
            select(func.count(distinct(CLUSTER_KEY))).where(in_force)).scalar_one()),
        "rejects": count(conn, t.rejects, *rej_where),
        "stories": int(conn.execute(
            select(func.count(distinct(t.articles.c.story_id))).where(*art_where)).scalar_one()),
        "failed_articles": count(conn, t.articles, t.articles.c.status == "failed", *art_where),
        "revised_or_withdrawn": count(conn, t.events, t.events.c.valid_to.is_not(None),
                                      *([] if as_of is None else [t.events.c.valid_to <= as_of])),
        "partitions": int(conn.execute(
            select(func.count(distinct(t.articles.c.partition_key))).where(*art_where)).scalar_one()),
        "first_date": first_last[0].isoformat() if first_last[0] else None,
        "last_date": first_last[1].isoformat() if first_last[1] else None,
        "runs": count(conn, t.runs),
        "schema_version": migrations.current_version(conn),
    }


def changes(conn: Connection, since: dt.datetime, until: dt.datetime | None = None) -> list[dict[str, Any]]:
    """What was added, revised or withdrawn after ``since`` (and up to ``until``)."""
    rows = conn.execute(
        select(t.events.c.row_id, t.events.c.event_id, t.events.c.cluster_id, t.events.c.date,
               t.events.c.event_type, t.events.c.coder_version, t.events.c.valid_from,
               t.events.c.valid_to, t.articles.c.article_id)
        .join(t.articles, t.articles.c.article_pk == t.events.c.article_pk)
        .where(or_(t.events.c.valid_from > since,
                   and_(t.events.c.valid_to.is_not(None), t.events.c.valid_to > since)))
    ).all()
    event_ids = sorted({r.event_id for r in rows})
    history: dict[str, list[Any]] = defaultdict(list)
    for start in range(0, len(event_ids), _CHUNK):
        for r in conn.execute(select(t.events.c.event_id, t.events.c.valid_from, t.events.c.valid_to)
                              .where(t.events.c.event_id.in_(event_ids[start:start + _CHUNK]))):
            history[r.event_id].append(r)
    out = []
    for r in rows:
        base = {"event_id": r.event_id, "article_id": r.article_id, "cluster_id": r.cluster_id,
                "date": r.date, "event_type": r.event_type, "coder_version": r.coder_version}
        if r.valid_from > since and (until is None or r.valid_from <= until):
            earlier = any(h.valid_from < r.valid_from for h in history[r.event_id])
            out.append({"change": "revised" if earlier else "added", "at": _iso(r.valid_from), **base})
        if r.valid_to is not None and r.valid_to > since and (until is None or r.valid_to <= until):
            replaced = any(h.valid_from == r.valid_to for h in history[r.event_id])
            if not replaced:
                out.append({"change": "withdrawn", "at": _iso(r.valid_to), **base})
    out.sort(key=lambda c: (c["at"], c["event_id"], c["change"]))
    return out


def reject_rows(conn: Connection, *, run_id: int | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    stmt = select(t.rejects).order_by(t.rejects.c.reject_pk)
    if run_id is not None:
        stmt = stmt.where(t.rejects.c.run_id == run_id)
    if limit:
        stmt = stmt.limit(limit)
    return [
        {"origin": r.origin, "line": r.line, "record_id": r.record_id, "reason": r.reason,
         "raw": r.raw, "run_id": r.run_id, "at": _iso(r.created_at)}
        for r in conn.execute(stmt)
    ]


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat(timespec="microseconds") + "Z" if moment else None


def iter_chunks(items: list[Any], size: int = _CHUNK) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
