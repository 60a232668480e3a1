"""The location of one event: the place of the event's sentence where it happened.

Precision follows ACLED's ``geo_precision``:

- 1: the place itself (a town or village named as where the event happened);
- 2: near a town ("near X", "outside X", "N km from X") or part of a region smaller than a
  first-level division (an admin2 entry);
- 3: only a first-level region or province is known — and, by our choice, also when only the
  country is named: ACLED then codes the country's centre or capital with precision 3, and a
  separate level would mean nothing to ACLED users.  A country-only location is still useful
  (for country aggregates) and its precision warns against mapping it.

Only places inside the event's evidence sentence count: an article names many places and
most of them are not where this event happened.  No place in the sentence → None; the coder
then falls back to the country the article is about (``article_country``), with precision 3
and ``"basis": "article"`` instead of ``"sentence"``, so that country counts and maps still
see the event and nobody mistakes it for a located one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from harmattan.geo.gazetteer import AREA_CODES
from harmattan.geo.parser import Place

NEAR_CUES = frozenset({"near", "outside", "around", "nearby", "off", "close", "km", "kilometres",
                       "kilometers", "miles", "outskirts", "north", "south", "east", "west",
                       "northeast", "northwest", "southeast", "southwest", "border"})
COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "TERR", "CONT"})


def _get(place: Place | dict[str, Any], key: str, default: Any = None) -> Any:
    if isinstance(place, dict):
        return place.get(key, default)
    return getattr(place, key, default)


def _tier(place: Place | dict[str, Any]) -> int:
    """0 town, 1 second-level division, 2 first-level region, 3 country or continent."""
    code = _get(place, "feature_code", "") or ""
    if code in COUNTRY_CODES:
        return 3
    if code == "ADM1" or code in AREA_CODES:
        return 2  # a sea, a region, an island: known no better than a province
    if code.startswith("ADM"):
        return 1
    return 0


def event_location(places_in_article: Sequence[Place | dict[str, Any]], evidence_start: int,
                   evidence_end: int, trigger_start: int | None = None) -> dict[str, Any] | None:
    """Choose where an event happened among the article's places.

    Args:
        places_in_article: the article's places (``Place`` or their dicts, with ``cue`` when
            known), as returned by ``Geoparser.parse``.
        evidence_start, evidence_end: the event's sentence, as offsets into the article.
        trigger_start: offset of the words that state the act; the nearest place wins.

    Returns:
        ``{"text", "start", "end", "geonameid", "name", "lat", "lon", "country", "admin1",
        "admin2", "precision"}`` or None when the sentence names no place.
    """
    inside = [p for p in places_in_article
              if _get(p, "start", -1) >= evidence_start and _get(p, "end", 10**12) <= evidence_end]
    if not inside:
        return None
    anchor = trigger_start if trigger_start is not None else evidence_start

    def rank(place: Place | dict[str, Any]) -> tuple[int, int, int, int]:
        start = _get(place, "start", 0)
        # Towns first; then places after the trigger (English puts where after what:
        # "attacked a camp in Mopti"), nearest first; then the earlier one.
        before = 1 if trigger_start is not None and start < trigger_start else 0
        # A place put at the article's town is known no better than the places named.
        tier = 4 if _get(place, "approximate", False) else _tier(place)
        return (tier, before, abs(start - anchor), start)

    best = min(inside, key=rank)
    tier = _tier(best)
    cue = (_get(best, "cue", "") or "").lower()
    if tier == 0:
        precision = 2 if cue in NEAR_CUES else 1
    elif tier == 1:
        precision = 2
    else:
        precision = 3
    return {
        "text": _get(best, "text"), "start": _get(best, "start"), "end": _get(best, "end"),
        "geonameid": _get(best, "geonameid"), "name": _get(best, "name"),
        "lat": _get(best, "lat"), "lon": _get(best, "lon"), "country": _get(best, "country"),
        "admin1": _get(best, "admin1"), "admin2": _get(best, "admin2"), "precision": precision,
        "basis": "sentence",
    }


def article_country(places_in_article: Sequence[Place | dict[str, Any]]) -> dict[str, Any] | None:
    """The country an article is about, as a location with precision 3, or None.

    The country named most often (by its name or a demonym, or as the country of the article's
    towns and regions) wins; ties go to the one named first.  Its first mention by name gives
    ``text`` and the coordinates; an article whose main country is never named as such (only
    its towns are) gives None rather than a place the text does not state.
    """
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for k, place in enumerate(places_in_article):
        country = _get(place, "country")
        if country:
            counts[country] = counts.get(country, 0) + 1
            first.setdefault(country, k)
    if not counts:
        return None
    top = min(counts, key=lambda c: (-counts[c], first[c]))
    named = [p for p in places_in_article if _get(p, "country") == top and _tier(p) == 3]
    if not named:
        return None
    place = named[0]
    return {
        "text": _get(place, "text"), "start": _get(place, "start"), "end": _get(place, "end"),
        "geonameid": _get(place, "geonameid"), "name": _get(place, "name"),
        "lat": _get(place, "lat"), "lon": _get(place, "lon"), "country": top,
        "admin1": "", "admin2": "", "precision": 3, "basis": "article",
    }
