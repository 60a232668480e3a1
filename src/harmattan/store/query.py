"""Filtered, paged reads of event clusters for the API and the dashboard.

``harmattan.store.read`` reads whole exports; this module answers the questions a screen asks —
the events of a period, place, actor or type, one page at a time, with their count — in a
handful of SQL statements built with SQLAlchemy Core (values are always bound parameters).

As in the exports, an *event* is a cluster: a cluster is selected when one of its mentions in
force matches every filter, and it is shown whole (all its mentions, sources and claims).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, exists, func, or_, select

from harmattan.store import schema as t
from harmattan.store.folding import fold_text, folded
from harmattan.store.read import _host, cluster_record, current_at, iter_chunks


@dataclass(frozen=True)
class EventFilter:
    """What an event must match; ``None`` leaves a field open.

    ``actor`` is a country or body code (``NER``, ``IGO``), a code and sector (``NER.GOV`` or
    ``NER:GOV``) or a dictionary actor id (``ECOWAS``, ``TIANI``), in either role.  ``bbox`` is
    ``(west, south, east, north)`` in degrees and keeps located events only.  ``text`` is a
    case- and accent-insensitive substring of the evidence sentence or the article title
    ("elysee" finds « Élysée », the same on SQLite and PostgreSQL: ``store/folding.py``).
    """

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    actor: str | None = None
    event_type: str | None = None
    acled_type: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    text: str | None = None
    located: bool | None = None
    #: Only events the coder is at least this sure of (0–1).
    min_confidence: float | None = None
    #: Only events of articles in this language (ISO 639-1, "fr").
    language: str | None = None


def _json_text(conn: Connection, *path: str) -> Any:
    """The text at ``path`` inside an event's payload, in the connection's SQL dialect."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy import cast
        from sqlalchemy.dialects.postgresql import JSONB

        return func.jsonb_extract_path_text(cast(t.events.c.payload, JSONB), *path)
    return func.json_extract(t.events.c.payload, "$." + ".".join(path))


# The filters' subqueries read their own aliases of places and actors, so that they stay
# correct inside a statement that joins those tables itself (the facets do).
_P = t.places.alias("filter_places")
_A = t.actors.alias("filter_actors")


def _place_exists(*where: Any) -> Any:
    return exists().where(_P.c.row_id == t.events.c.row_id, *where)


def _actor_clause(value: str) -> Any:
    code, sep, sector = value.replace(".", ":").partition(":")
    code, sector = code.strip().upper(), sector.strip().upper()
    if sep and sector:
        match = and_(_A.c.code == code, _A.c.sector == sector)
    else:
        match = or_(_A.c.code == code, func.upper(_A.c.actor_id) == code)
    return exists().where(_A.c.row_id == t.events.c.row_id, match)


def where_clauses(conn: Connection, f: EventFilter) -> list[Any]:
    """The conditions on an ``events`` row (joined with its article) for ``f``."""
    where: list[Any] = [current_at(None)]
    if f.since is not None:
        where.append(t.events.c.date >= f.since.isoformat())
    if f.until is not None:
        where.append(t.events.c.date <= f.until.isoformat())
    if f.country:
        where.append(t.events.c.country == f.country.upper())
    if f.event_type:
        where.append(t.events.c.event_type == f.event_type.upper())
    if f.acled_type:
        where.append(func.lower(_json_text(conn, "acled", "event_type")) == f.acled_type.lower())
    if f.admin1:
        where.append(_place_exists(func.lower(_P.c.admin1) == f.admin1.lower()))
    if f.min_confidence is not None:
        where.append(t.events.c.confidence >= f.min_confidence)
    if f.actor:
        where.append(_actor_clause(f.actor))
    if f.bbox is not None:
        west, south, east, north = f.bbox
        lon = _P.c.longitude
        # A box across the antimeridian (west > east) wraps around.
        lon_ok = lon.between(west, east) if west <= east else or_(lon >= west, lon <= east)
        where.append(_place_exists(_P.c.latitude.between(south, north), lon_ok))
    if f.located is not None:
        located = _place_exists(_P.c.latitude.is_not(None), _P.c.longitude.is_not(None))
        where.append(located if f.located else ~located)
    if f.text:
        needle = fold_text(f.text)
        where.append(or_(
            folded(conn, _json_text(conn, "evidence", "sentence")).contains(needle, autoescape=True),
            folded(conn, func.coalesce(t.articles.c.title, "")).contains(needle, autoescape=True),
        ))
    if f.language:
        where.append(t.articles.c.language == f.language.lower())
    return where


#: An event's cluster: rows stored before clusters existed (schema v1) have none and stand
#: alone, under their own event id.
CLUSTER = func.coalesce(t.events.c.cluster_id, t.events.c.event_id)


def _matching_clusters(conn: Connection, f: EventFilter) -> Any:
    """``(cluster_id, date)`` of every selected cluster: its earliest matching mention's date."""
    return (select(CLUSTER.label("cluster_id"),
                   func.min(t.events.c.date).label("date"))
            .select_from(t.events.join(t.articles, t.articles.c.article_pk == t.events.c.article_pk))
            .where(*where_clauses(conn, f))
            .group_by(CLUSTER))


def count_events(conn: Connection, f: EventFilter) -> int:
    """How many event clusters match ``f``."""
    sub = _matching_clusters(conn, f).subquery()
    return int(conn.execute(select(func.count()).select_from(sub)).scalar_one())


def event_page(conn: Connection, f: EventFilter, *, limit: int, offset: int = 0,
               newest_first: bool = True) -> list[dict[str, Any]]:
    """One page of the clusters matching ``f``, by date (newest first by default), then id."""
    sub = _matching_clusters(conn, f).subquery()
    order = (sub.c.date.desc(), sub.c.cluster_id) if newest_first else (sub.c.date, sub.c.cluster_id)
    ids = list(conn.execute(select(sub.c.cluster_id).order_by(*order).limit(limit).offset(offset))
               .scalars())
    records = clusters_by_id(conn, ids)
    return [records[cid] for cid in ids if cid in records]


_COLUMNS = (
    t.events.c.row_id, t.events.c.event_id, CLUSTER.label("cluster_id"), t.events.c.payload,
    t.events.c.country, t.events.c.valid_from, t.articles.c.article_id, t.articles.c.source,
    t.articles.c.url, t.articles.c.title, t.articles.c.date.label("article_date"),
    t.articles.c.story_id, t.places.c.name.label("place_name"),
    t.places.c.country.label("place_country"), t.places.c.admin1, t.places.c.admin2,
    t.places.c.latitude, t.places.c.longitude, t.places.c.precision, t.places.c.geonames_id,
)


def clusters_by_id(conn: Connection, cluster_ids: list[str],
                   with_text: bool = False) -> dict[str, dict[str, Any]]:
    """Cluster records (as in ``read.clusters``) plus ``location``; ``with_text`` adds each
    article's full text to its mention."""
    columns = (*_COLUMNS, t.articles.c.text) if with_text else _COLUMNS
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for chunk in iter_chunks(sorted(set(cluster_ids))):
        stmt = (select(*columns)
                .select_from(t.events
                             .join(t.articles, t.articles.c.article_pk == t.events.c.article_pk)
                             .outerjoin(t.places, t.places.c.row_id == t.events.c.row_id))
                .where(current_at(None),
                       or_(t.events.c.cluster_id.in_(chunk),
                           and_(t.events.c.cluster_id.is_(None), t.events.c.event_id.in_(chunk))))
                .order_by(t.events.c.event_id, t.articles.c.content_hash))
        for row in conn.execute(stmt):
            members[row.cluster_id].append(_member(row, with_text))
    out = {}
    for cid, rows in members.items():
        record = cluster_record(cid, rows)
        by_event = {(m["event_id"], m["article_id"]): m for m in rows}
        ordered = [by_event[(m["event_id"], m["article_id"])] for m in record["mentions"]]
        record["location"] = next((m["place"] for m in ordered if m["place"] is not None), None)
        for mention, member in zip(record["mentions"], ordered, strict=True):
            mention["title"] = member["title"]
            mention["location"] = member["place"]
            if with_text:
                mention["text"] = member["text"]
        out[cid] = record
    return out


def _member(row: Any, with_text: bool) -> dict[str, Any]:
    place = None
    if row.latitude is not None and row.longitude is not None:
        place = {"name": row.place_name, "country": row.place_country, "admin1": row.admin1,
                 "admin2": row.admin2, "lat": row.latitude, "lon": row.longitude,
                 "precision": row.precision, "geonameid": row.geonames_id}
    member = {
        "payload": json.loads(row.payload), "event_id": row.event_id, "cluster_id": row.cluster_id,
        "story_id": row.story_id, "country": row.country, "article_id": row.article_id,
        "source": row.source or _host(row.url) or None, "url": row.url, "title": row.title,
        "article_date": row.article_date.isoformat() if row.article_date else None,
        "coded_at": row.valid_from, "place": place,
    }
    if with_text:
        member["text"] = row.text
    return member


def find_event(conn: Connection, event_or_cluster_id: str) -> dict[str, Any] | None:
    """The cluster with this id, or the one holding the mention with this event id; each
    mention carries its article's text."""
    cluster_id = conn.execute(
        select(CLUSTER)
        .where(current_at(None),
               or_(t.events.c.cluster_id == event_or_cluster_id,
                   t.events.c.event_id == event_or_cluster_id))
        .order_by((CLUSTER != event_or_cluster_id), CLUSTER).limit(1)
    ).scalar()
    if cluster_id is None:
        return None
    return clusters_by_id(conn, [cluster_id], with_text=True).get(cluster_id)


def facets(conn: Connection, f: EventFilter, *, top: int = 50) -> dict[str, Any]:
    """What the events matching ``f`` hold — for filter menus: countries, admin1 regions,
    event types, ACLED types and actors (each with its cluster count), and the date range."""
    base = (t.events.join(t.articles, t.articles.c.article_pk == t.events.c.article_pk))
    where = where_clauses(conn, f)

    def counted(column: Any, source: Any = base, *extra: Any) -> list[dict[str, Any]]:
        n = func.count(func.distinct(CLUSTER)).label("n")
        rows = conn.execute(select(column.label("value"), n).select_from(source)
                            .where(*where, column.is_not(None), column != "", *extra)
                            .group_by(column).order_by(n.desc(), column).limit(top))
        return [{"value": str(r.value), "count": int(r.n)} for r in rows]

    with_places = base.join(t.places, t.places.c.row_id == t.events.c.row_id)
    with_actors = base.join(t.actors, t.actors.c.row_id == t.events.c.row_id)
    span = conn.execute(select(func.min(t.events.c.date), func.max(t.events.c.date))
                        .select_from(base).where(*where)).one()
    actor_key = func.coalesce(func.nullif(t.actors.c.actor_id, ""),
                              func.rtrim(t.actors.c.code + "." + func.coalesce(t.actors.c.sector, ""), "."))
    return {
        "first_date": span[0], "last_date": span[1],
        "countries": counted(t.events.c.country),
        "admin1": counted(t.places.c.admin1, with_places),
        "event_types": counted(t.events.c.event_type),
        "acled_types": counted(_json_text(conn, "acled", "event_type")),
        "actors": counted(actor_key, with_actors),
    }
