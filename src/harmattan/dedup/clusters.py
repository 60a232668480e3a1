"""The same event told by several articles: one cluster, many mentions.

A mention joins an existing cluster when it shares one of its keys:

* story key — the same story (near-duplicate articles), the same event type, and the same
  rank among that article's events of that type: the 2nd FIGHT of a wire story is the 2nd
  FIGHT of its syndicated copy, even when the copy is dated a day later;
* actor key — the same event type and coded source and target actors (both sides coded),
  dated within a day of each other, so that independent reports of one clash meet even when
  their wording differs.

The first mention of a cluster gives it its id (its ``event_id``) and its keys; later mentions
add their own keys, so a cluster found through the wire copy is found again through the
actors.  Clusters are never merged after the fact: the assignment depends only on what was
stored before, so a re-run over the same input in the same order gives the same clusters.

Mentions of one cluster may disagree (fatalities, actors): ``claims`` keeps every claim with
its source and sums up the figures as low / best (median) / high.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import statistics
from collections.abc import Iterable
from typing import Any

from harmattan.schema import Actor, Event


def event_type(event: Event) -> str:
    if event.plover is not None:
        return event.plover.event
    return f"Q{event.cameo.quad_class}"


def actor_signature(actors: Iterable[Actor]) -> str:
    labels = sorted({f"{a.code}:{a.sector}:{a.actor_id or ''}" for a in actors if a.code})
    return "|".join(labels)


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def cluster_keys(event: Event, story_id: str | None, rank: int) -> tuple[list[str], list[str]]:
    """(keys this mention adds, keys to look up, strongest first) — see the module docs.

    The story key ignores the date: a syndicated copy published a day later tells the same
    event.  The actor key looks one day either side, for reports dated by publication.
    """
    date = event.date or ""
    kind = event_type(event)
    own: list[str] = []
    lookup: list[str] = []
    if story_id:
        own.append(_digest("story", story_id, kind, str(rank)))
        lookup.append(own[-1])
    source, target = actor_signature(event.source), actor_signature(event.target)
    if date and source and target:
        own.append(_digest("actors", date, kind, source, target))
        lookup.append(own[-1])
        try:
            day = dt.date.fromisoformat(date[:10])
        except ValueError:
            day = None
        if day is not None:
            for delta in (-1, 1):
                try:
                    near = (day + dt.timedelta(days=delta)).isoformat()
                except OverflowError:  # 0001-01-01 has no day before it: nothing to meet there
                    continue
                lookup.append(_digest("actors", near, kind, source, target))
    return own, lookup


def fatalities_of(payload: dict[str, Any]) -> int | None:
    """The fatality figure a mention claims, if any (ACLED block or top level)."""
    for holder in (payload.get("acled") or {}, payload):
        value = holder.get("fatalities") if isinstance(holder, dict) else None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
            return int(value)
    return None


def claims(mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """Competing claims of a cluster's mentions, each with its source.

    ``mentions`` are dicts with ``payload`` (contract v3), ``source`` and ``article_id``.
    """
    figures = []
    actor_claims: dict[tuple[str, str], list[str]] = {}
    for m in mentions:
        fat = fatalities_of(m["payload"])
        if fat is not None:
            figures.append({"fatalities": fat, "source": m.get("source"), "article_id": m["article_id"]})
        src = actor_signature(_actors(m["payload"]["source"]))
        tgt = actor_signature(_actors(m["payload"]["target"]))
        actor_claims.setdefault((src, tgt), []).append(m.get("source") or m["article_id"])
    summary = None
    if figures:
        values = sorted(f["fatalities"] for f in figures)
        summary = {"low": values[0], "best": int(statistics.median_low(values)), "high": values[-1]}
    return {
        "fatalities": figures,
        "fatalities_summary": summary,
        "actors": [
            {"source": s, "target": t, "reported_by": sorted(set(by))}
            for (s, t), by in sorted(actor_claims.items())
        ],
        "disputed": (summary is not None and summary["low"] != summary["high"]) or len(actor_claims) > 1,
    }


def _actors(items: list[dict[str, Any]]) -> list[Actor]:
    return [Actor(text=a.get("text") or "", code=a.get("code") or "", sector=a.get("sector") or "",
                  actor_id=a.get("actor_id")) for a in items]
