"""What the analyses count: the store's event clusters (or mentions) in force, as plain records.

Every analysis reads the store through ``occurrences``: one ``Occurrence`` per event cluster
(``unit="cluster"``, the default) or per mention (``unit="mention"``, one per article that
reports an event).  A cluster is described by its *lead* mention — the earliest report, then
the surest coding — exactly as ``harmattan export`` shows it, and it is selected when one of
its mentions in force matches the filters.

Denied acts (``modality.negated``: "the army did not attack") are left out: counting them
would count events that the report says did not happen.

Actors are reduced to *parties* for pairs and networks (see ``node_of``): a state's actors by
country and sector (``NER GOV``), an intergovernmental or non-governmental body by its id
(``IGO ECOWAS``), a non-state armed group by its id (``JNIM``).
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from harmattan.store import read
from harmattan.store import schema as t

UNITS = ("cluster", "mention")
INTERVALS = ("day", "week")
#: Sectors of non-state armed groups: such an actor is its group (``actor_id``), wherever it acts.
ARMED_SECTORS = frozenset({"REB", "INS", "UAF"})
#: Codes of international bodies: the node is the body, named by ``actor_id``.
BODY_CODES = frozenset({"IGO", "NGO", "IMG"})


@dataclass(frozen=True)
class ActorRef:
    code: str
    sector: str
    actor_id: str | None


@dataclass
class Occurrence:
    """One counted event: a cluster (its lead mention) or a single mention."""

    cluster_id: str
    event_id: str
    date: dt.date
    event_type: str  # PLOVER event, or "Q<quad>" when PLOVER has none
    plover: str | None
    quad_class: int
    acled_type: str | None
    country: str | None
    admin1: str | None
    source: tuple[ActorRef, ...]
    target: tuple[ActorRef, ...]
    context: tuple[str, ...]
    evidence: str
    #: Every mention's event id and evidence sentence (one pair for a mention).
    mentions: list[tuple[str, str]] = field(default_factory=list)


def occurrences(conn: Connection, *, since: dt.date | None = None, until: dt.date | None = None,
                country: str | None = None, admin1: str | None = None,
                unit: str = "cluster") -> list[Occurrence]:
    """Events in force, dated and not denied, sorted by (date, cluster id, event id).

    With ``unit="cluster"`` the filters apply to each cluster's lead mention (its date,
    country and place), chosen among all its mentions in force: a cluster whose reports
    straddle two weeks counts once, in its lead's week, whatever the period asked.
    """
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r} (expected one of: {', '.join(UNITS)})")
    where = [*read.event_filters(None, since, until, country), t.events.c.date.is_not(None)]
    cluster_key = read.CLUSTER_KEY
    columns = (t.events.c.event_id, t.events.c.cluster_id, t.events.c.date,
               t.events.c.event_type, t.events.c.quad_class, t.events.c.country,
               t.events.c.confidence, t.events.c.payload,
               t.articles.c.date.label("article_date"), t.articles.c.content_hash,
               t.places.c.admin1)
    order = (t.events.c.date, t.events.c.cluster_id, t.events.c.event_id, t.articles.c.content_hash)

    def query(*conditions: Any) -> Any:
        return (select(*columns)
                .join(t.articles, t.articles.c.article_pk == t.events.c.article_pk)
                .outerjoin(t.places, t.places.c.row_id == t.events.c.row_id)
                .where(*conditions).order_by(*order))

    wanted_admin1 = fold(admin1) if admin1 else None
    filtered = since is not None or until is not None or bool(country)
    if unit == "mention" or not filtered:
        rows = list(conn.execute(query(*where)))
    else:
        # Every mention in force of the clusters that have one matching mention.
        chosen = sorted(set(conn.execute(select(cluster_key).where(*where)).scalars()))
        rows = []
        for first in range(0, len(chosen), 500):
            rows.extend(conn.execute(query(read.current_at(None), t.events.c.date.is_not(None),
                                           cluster_key.in_(chosen[first:first + 500]))))
        rows.sort(key=lambda r: (r.date, r.cluster_id or "", r.event_id, r.content_hash))
    groups: dict[str, list[Occurrence]] = defaultdict(list)
    ranks: dict[str, tuple[str, float, str]] = {}
    singles: list[Occurrence] = []
    for row in rows:
        payload = json.loads(row.payload)
        if (payload.get("modality") or {}).get("negated"):
            continue
        day = _day(row.date)
        if day is None:
            continue
        place_admin1 = row.admin1 or (payload.get("location") or {}).get("admin1")
        item = _occurrence(row, payload, day, place_admin1)
        if unit == "mention":
            if wanted_admin1 and fold(place_admin1 or "") != wanted_admin1:
                continue
            singles.append(item)
            continue
        cluster = row.cluster_id or row.event_id
        # The lead mention, as in read.cluster_record: earliest report, then surest coding.
        rank = (row.article_date.isoformat() if row.article_date else "9999",
                -(row.confidence or 0.0), row.event_id)
        groups[cluster].append(item)
        if cluster not in ranks or rank < ranks[cluster]:
            ranks[cluster] = rank
            groups[cluster].insert(0, groups[cluster].pop())
    if unit == "mention":
        return singles

    def lead_matches(lead: Occurrence) -> bool:
        return ((since is None or lead.date >= since) and (until is None or lead.date <= until)
                and (not country or (lead.country or "") == country.upper())
                and (not wanted_admin1 or fold(lead.admin1 or "") == wanted_admin1))

    groups = {cluster: items for cluster, items in groups.items() if lead_matches(items[0])}
    result = []
    for cluster, items in groups.items():
        lead = items[0]
        seen = {lead.event_id}
        lead.mentions = [(lead.event_id, lead.evidence)]
        for other in items[1:]:
            if other.event_id not in seen:
                seen.add(other.event_id)
                lead.mentions.append((other.event_id, other.evidence))
        lead.cluster_id = cluster
        result.append(lead)
    result.sort(key=lambda o: (o.date, o.cluster_id))
    return result


def _occurrence(row: Any, payload: dict[str, Any], day: dt.date, admin1: str | None) -> Occurrence:
    plover = payload.get("plover") or None
    acled = payload.get("acled") or {}
    quad = row.quad_class if row.quad_class is not None else (payload.get("cameo") or {}).get("quad_class", 0)
    evidence = (payload.get("evidence") or {}).get("sentence") or ""
    return Occurrence(
        cluster_id=row.cluster_id or row.event_id, event_id=row.event_id, date=day,
        event_type=(plover or {}).get("event") or f"Q{quad}",
        plover=(plover or {}).get("event") or None, quad_class=int(quad or 0),
        acled_type=acled.get("event_type") if isinstance(acled, dict) else None,
        country=row.country, admin1=admin1,
        source=tuple(_actor(a) for a in payload.get("source") or []),
        target=tuple(_actor(a) for a in payload.get("target") or []),
        context=tuple((plover or {}).get("context") or ()), evidence=evidence,
        mentions=[(row.event_id, evidence)],
    )


def _actor(item: dict[str, Any]) -> ActorRef:
    return ActorRef(code=(item.get("code") or "").upper(), sector=(item.get("sector") or "").upper(),
                    actor_id=item.get("actor_id") or None)


def fold(name: str) -> str:
    """A place or context name for comparison: case and accents ignored (Tillabéri = tillaberi)."""
    decomposed = unicodedata.normalize("NFKD", name.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def period_of(day: dt.date, interval: str) -> dt.date:
    """The period a day falls in: itself, or the Monday starting its ISO week."""
    if interval == "day":
        return day
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())
    raise ValueError(f"unknown interval {interval!r} (expected one of: {', '.join(INTERVALS)})")


# -- actors as parties ------------------------------------------------------------------------


def node_of(actor: ActorRef) -> tuple[str, str] | None:
    """(node id, kind) of an actor, or None when it is not coded.

    * ``IGO``/``NGO`` bodies: ``"IGO ECOWAS"`` (code + ``actor_id``), kind ``igo``/``ngo``;
    * non-state armed groups (sector REB, INS or UAF with an ``actor_id``): the group's id
      (``"JNIM"``), kind ``armed_group`` — the same node in every country it acts in;
    * anything else tied to a state: code + sector (``"NER GOV"``, ``"MLI MIL"``, or ``"NER"``
      without a sector), kind ``state`` (``armed_group`` for a REB/INS/UAF actor without id).
    """
    if actor.code in BODY_CODES:
        name = actor.actor_id or ""
        return (f"{actor.code} {name}".strip(), "igo" if actor.code != "NGO" else "ngo")
    if actor.sector in ARMED_SECTORS and actor.actor_id:
        return (actor.actor_id.upper(), "armed_group")
    if not actor.code:
        return None
    label = f"{actor.code} {actor.sector}".strip()
    return (label, "armed_group" if actor.sector in ARMED_SECTORS else "state")


def party_of(actor: ActorRef) -> str | None:
    """The coarser party used for pairs over time (episodes, rules): a state by its country
    alone (``"NER"``: the junta's threats and the government's talks are one story), a body or
    an armed group as in ``node_of``."""
    node = node_of(actor)
    if node is None:
        return None
    if node[1] == "state":
        return actor.code
    return node[0]


def matches(actor: ActorRef, query: str) -> bool:
    """``query`` names this actor: a prefix of code + sector (``NER`` and ``NERMIL`` match
    ``NER MIL``; spaces are ignored) or its ``actor_id`` (``ECOWAS``), case-insensitively."""
    wanted = query.replace(" ", "").upper()
    if not wanted:
        return False
    if actor.actor_id and actor.actor_id.upper() == wanted:
        return True
    return f"{actor.code}{actor.sector}".startswith(wanted)


def involves(item: Occurrence, query: str) -> bool:
    return any(matches(a, query) for a in (*item.source, *item.target))
