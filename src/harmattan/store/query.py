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
    # Only the text and language filters read the article; every event has one article.
    source = (t.events.join(t.articles, t.articles.c.article_pk == t.events.c.article_pk)
              if f.text or f.language else t.events)
    return (select(CLUSTER.label("cluster_id"),
                   func.min(t.events.c.date).label("date"))
            .select_from(source)
            .where(*where_clauses(conn, f))
            .group_by(CLUSTER))


def count_events(conn: Connection, f: EventFilter) -> int:
    """How many event clusters match ``f``."""
    sub = _matching_clusters(conn, f).subquery()
    return int(conn.execute(select(func.count()).select_from(sub)).scalar_one())


def _page_order(date: Any, cluster_id: Any, newest_first: bool) -> tuple[Any, Any]:
    """Newest first is oldest first reversed, ties included: the listings' index on (date,
    cluster_id) read backwards gives it without a sort."""
    return (date.desc(), cluster_id.desc()) if newest_first else (date, cluster_id)


def event_page(conn: Connection, f: EventFilter, *, limit: int, offset: int = 0,
               newest_first: bool = True) -> list[dict[str, Any]]:
    """One page of the clusters matching ``f``, by date (newest first by default), then id
    (in the same direction)."""
    sub = _matching_clusters(conn, f).subquery()
    order = _page_order(sub.c.date, sub.c.cluster_id, newest_first)
    ids = list(conn.execute(select(sub.c.cluster_id).order_by(*order).limit(limit).offset(offset))
               .scalars())
    records = clusters_by_id(conn, ids)
    return [records[cid] for cid in ids if cid in records]


def listing_page(conn: Connection, f: EventFilter, *, limit: int, offset: int = 0,
                 newest_first: bool = True) -> tuple[int, list[str]]:
    """``(total, listings)``: the count of clusters matching ``f`` and one page of their
    listings (JSON texts, see ``listing``), in ``event_page``'s order.

    Without filters both come from ``cluster_listings`` alone (two index reads); with filters
    the matching clusters are found in ``events`` and their listings read by id.
    """
    table = t.cluster_listings
    if f == EventFilter():
        total = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
        order = _page_order(table.c.date, table.c.cluster_id, newest_first)
        rows = conn.execute(select(table.c.listing).order_by(*order).limit(limit).offset(offset))
        return total, list(rows.scalars())
    sub = _matching_clusters(conn, f).subquery()
    order = _page_order(sub.c.date, sub.c.cluster_id, newest_first)
    # The page and the count from one grouping of the events (a page past the end has no
    # row to carry the count: then it is counted on its own).
    rows = conn.execute(select(sub.c.cluster_id, func.count().over().label("total"))
                        .order_by(*order).limit(limit).offset(offset)).all()
    ids = [r.cluster_id for r in rows]
    total = int(rows[0].total) if rows else count_events(conn, f)
    found = dict(conn.execute(select(table.c.cluster_id, table.c.listing)
                              .where(table.c.cluster_id.in_(ids))).all()) if ids else {}
    return total, [found[cid] for cid in ids if cid in found]


def listing(record: dict[str, Any]) -> dict[str, Any]:
    """A cluster as ``GET /api/events`` lists it (the API's ``EventSummary``), from a record
    of ``clusters_by_id``."""
    event = record["event"]
    summary = record["claims"].get("fatalities_summary")
    return {
        "id": record["cluster_id"], "date": record["date"], "event_type": record["event_type"],
        "quad_class": event["cameo"]["quad_class"], "cameo_code": event["cameo"].get("code"),
        "plover": event.get("plover"), "acled": event.get("acled"), "country": record["country"],
        "location": record["location"], "source": event.get("source", []),
        "target": event.get("target", []), "evidence": event["evidence"],
        "confidence": event.get("confidence", 0.0), "n_articles": record["n_articles"],
        "n_sources": record["n_sources"], "n_mentions": record["n_mentions"],
        "sources": record["sources"], "first_report": record["first_report"],
        "last_report": record["last_report"], "fatalities": summary or None,
        "disputed": bool(record["claims"].get("disputed")),
    }


def refresh_listings(conn: Connection, cluster_ids: Any) -> None:
    """Recompute the listings of these clusters (in the writer's transaction): a cluster
    without a mention in force any more loses its row."""
    ids = sorted(set(cluster_ids))
    if not ids:
        return
    table = t.cluster_listings
    for chunk in iter_chunks(ids):
        if conn.dialect.name == "postgresql":
            # Two writers may add mentions to one cluster at once: each locks its rows first
            # (in one order), so the second recomputes after the first commits and sees its
            # mentions (READ COMMITTED reads what is committed when the statement starts).
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            conn.execute(pg_insert(table).on_conflict_do_nothing(index_elements=["cluster_id"]),
                         [{"cluster_id": cid, "date": None, "listing": "{}"} for cid in chunk])
            conn.execute(select(table.c.cluster_id).where(table.c.cluster_id.in_(chunk))
                         .order_by(table.c.cluster_id).with_for_update())
        records = clusters_by_id(conn, chunk)
        dates = dict(conn.execute(
            select(CLUSTER, func.min(t.events.c.date)).where(current_at(None), CLUSTER.in_(chunk))
            .group_by(CLUSTER)).all())
        conn.execute(table.delete().where(table.c.cluster_id.in_(chunk)))
        rows = [{"cluster_id": cid, "date": dates.get(cid),
                 "listing": json.dumps(listing(records[cid]), ensure_ascii=False, separators=(",", ":"))}
                for cid in chunk if cid in records]
        if rows:
            conn.execute(table.insert(), rows)


def refresh_all_listings(conn: Connection) -> None:
    """Rebuild every listing (migration 5, or a store whose events were edited by hand)."""
    ids = conn.execute(select(CLUSTER).where(current_at(None)).distinct()).scalars().all()
    conn.execute(t.cluster_listings.delete())
    refresh_listings(conn, ids)


_COLUMNS = (
    t.events.c.row_id, t.events.c.event_id, CLUSTER.label("cluster_id"), t.events.c.payload,
    t.events.c.country, t.events.c.valid_from, t.articles.c.article_pk, t.articles.c.article_id,
    t.articles.c.source,
    t.articles.c.url, t.articles.c.title, t.articles.c.date.label("article_date"),
    t.articles.c.story_id, t.places.c.name.label("place_name"),
    t.places.c.country.label("place_country"), t.places.c.admin1, t.places.c.admin2,
    t.places.c.latitude, t.places.c.longitude, t.places.c.precision, t.places.c.geonames_id,
)


def clusters_by_id(conn: Connection, cluster_ids: list[str], with_articles: bool = False,
                   with_text: bool = True) -> dict[str, dict[str, Any]]:
    """Cluster records (as in ``read.clusters``) plus ``location``; ``with_articles`` adds
    ``articles``: each reporting article once, with its full text unless not ``with_text``.

    Texts are read once per article, not once per mention: a long article reports many events
    of one cluster, and a text per mention made the answer grow with the square of its length.
    """
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for chunk in iter_chunks(sorted(set(cluster_ids))):
        stmt = (select(*_COLUMNS)
                .select_from(t.events
                             .join(t.articles, t.articles.c.article_pk == t.events.c.article_pk)
                             .outerjoin(t.places, t.places.c.row_id == t.events.c.row_id))
                .where(current_at(None),
                       or_(t.events.c.cluster_id.in_(chunk),
                           and_(t.events.c.cluster_id.is_(None), t.events.c.event_id.in_(chunk))))
                .order_by(t.events.c.event_id, t.articles.c.content_hash))
        for row in conn.execute(stmt):
            members[row.cluster_id].append(_member(row))
    out = {}
    for cid, rows in members.items():
        record = cluster_record(cid, rows)
        by_event = {(m["event_id"], m["article_id"]): m for m in rows}
        ordered = [by_event[(m["event_id"], m["article_id"])] for m in record["mentions"]]
        record["location"] = next((m["place"] for m in ordered if m["place"] is not None), None)
        for mention, member in zip(record["mentions"], ordered, strict=True):
            mention["title"] = member["title"]
            mention["location"] = member["place"]
            mention["article_pk"] = member["article_pk"]
        out[cid] = record
    if with_articles:
        _add_articles(conn, out.values(), with_text)
    return out


def _add_articles(conn: Connection, records: Any, with_text: bool) -> None:
    """``record["articles"]``: the articles its mentions cite, in the order first cited, each
    once with its text (``None`` unless ``with_text``)."""
    records = list(records)
    pks = sorted({m["article_pk"] for r in records for m in r["mentions"]}) if with_text else []
    texts: dict[int, str] = {}
    for chunk in iter_chunks(pks):
        texts.update((pk, text) for pk, text in conn.execute(
            select(t.articles.c.article_pk, t.articles.c.text).where(t.articles.c.article_pk.in_(chunk))))
    for record in records:
        cited: dict[int, dict[str, Any]] = {}
        position: dict[int, int] = {}
        for m in record["mentions"]:
            if m["article_pk"] not in cited:
                position[m["article_pk"]] = len(cited)
                cited[m["article_pk"]] = {"id": m["article_id"], "title": m["title"],
                                          "source": m["source"], "url": m["url"],
                                          "date": m["date"], "text": texts.get(m["article_pk"])}
            # Article ids need not be unique (two sources may use the same one): the position
            # says which article a mention is from.
            m["article_index"] = position[m["article_pk"]]
        record["articles"] = list(cited.values())


def _member(row: Any) -> dict[str, Any]:
    place = None
    if row.latitude is not None and row.longitude is not None:
        place = {"name": row.place_name, "country": row.place_country, "admin1": row.admin1,
                 "admin2": row.admin2, "lat": row.latitude, "lon": row.longitude,
                 "precision": row.precision, "geonameid": row.geonames_id}
    return {
        "payload": json.loads(row.payload), "event_id": row.event_id, "cluster_id": row.cluster_id,
        "story_id": row.story_id, "country": row.country, "article_id": row.article_id,
        "source": row.source or _host(row.url) or None, "url": row.url, "title": row.title,
        "article_date": row.article_date.isoformat() if row.article_date else None,
        "coded_at": row.valid_from, "place": place, "article_pk": row.article_pk,
    }


def find_event(conn: Connection, event_or_cluster_id: str,
               with_text: bool = True) -> dict[str, Any] | None:
    """The cluster with this id, or the one holding the mention with this event id, with the
    articles that report it (each once, with its text unless not ``with_text``)."""
    cluster_id = conn.execute(
        select(CLUSTER)
        .where(current_at(None),
               or_(t.events.c.cluster_id == event_or_cluster_id,
                   t.events.c.event_id == event_or_cluster_id))
        .order_by((CLUSTER != event_or_cluster_id), CLUSTER).limit(1)
    ).scalar()
    if cluster_id is None:
        return None
    return clusters_by_id(conn, [cluster_id], with_articles=True,
                          with_text=with_text).get(cluster_id)


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
