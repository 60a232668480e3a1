"""ACLED's vocabulary for the ACLED CSV export: actor names, countries' numeric codes and
regions, disorder types, source scales and tags.

The tables are shipped resources: ``resources/acled/actors.yaml`` (names by dictionary entry,
by sector and by the regime in power on the event's date) and ``resources/acled/countries.tsv``
(written by ``scripts/build-acled-countries.py``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from importlib import resources
from typing import Any

import yaml

#: ACLED's disorder type of each event type; two sub-event types are both at once.
DISORDER_TYPES = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_BOTH = {"Excessive force against protesters", "Mob violence"}

#: Outlets by the reach ACLED gives them (its `source_scale`); a source that is in none of
#: these is "Other".  Matched as whole words on the source name or its URL, case-insensitively.
SOURCE_SCALES = {
    "International": ("reuters", "afp", "agence france-presse", "associated press", "ap news",
                      "apnews.com", "bbc", "rfi", "al jazeera", "aljazeera", "france 24",
                      "france24", "voa", "voice of america", "le monde", "lemonde", "the guardian",
                      "theguardian", "new york times", "nytimes", "washington post", "bloomberg",
                      "deutsche welle", "dw.com", "the new humanitarian", "insight crime",
                      "insightcrime", "crisis group", "crisisgroup", "human rights watch", "hrw.org",
                      "amnesty", "un news", "news.un.org", "reliefweb"),
    "Regional": ("jeune afrique", "jeuneafrique", "africanews", "the africa report",
                 "theafricareport", "allafrica", "sahel intelligence", "west africa weekly"),
    "National": ("actuniger", "aniamey", "tamtaminfo", "studio tamani", "maliweb", "malijet",
                 "lefaso.net", "burkina24", "sidwaya", "premium times", "premiumtimesng", "punch",
                 "vanguard", "daily trust", "the cable", "seneweb", "ortb", "aib.media"),
}
_SCALE_ORDER = ("Local", "Subnational", "National", "Regional", "International", "Other")
_SCALE_PATTERNS = {scale: re.compile(r"\b(?:" + "|".join(re.escape(o) for o in outlets) + r")\b")
                   for scale, outlets in SOURCE_SCALES.items()}


@functools.lru_cache(maxsize=1)
def _tables() -> dict[str, Any]:
    root = resources.files("harmattan").joinpath("resources/acled")
    tables = yaml.safe_load(root.joinpath("actors.yaml").read_text("utf-8"))
    countries: dict[str, tuple[str, str]] = {}
    for line in root.joinpath("countries.tsv").read_text("utf-8").splitlines():
        if line.startswith("#") or line.startswith("iso3\t") or not line.strip():
            continue
        iso3, numeric, region = line.split("\t")
        countries[iso3] = (numeric, region)
    tables["countries"] = countries
    return tables


def iso_numeric(iso3: str | None) -> str:
    """ACLED's ``iso``: the ISO 3166-1 numeric code ("562" for Niger), or ""."""
    return _tables()["countries"].get(iso3 or "", ("", ""))[0]


def region(iso3: str | None) -> str:
    """ACLED's region of a country ("Western Africa"), or ""."""
    return _tables()["countries"].get(iso3 or "", ("", ""))[1]


def disorder_type(event_type: str, sub_event_type: str = "") -> str:
    if sub_event_type in _BOTH:
        return "Political violence; Demonstrations"
    return DISORDER_TYPES.get(event_type, "")


def regime(iso3: str, on: dt.date | None) -> str | None:
    """The period ACLED's names of a state's actors carry on a date ("2023-"), if known."""
    periods = _tables()["regimes"].get(iso3) or []
    if on is None:
        return None
    for period in periods:
        start, end = period.get("from"), period.get("until")
        if (start is None or start <= on) and (end is None or on < end):
            return str(period["label"])
    return None


def actor_name(actor: dict[str, Any], on: dt.date | None, event_type: str,
               country_name: Any) -> str:
    """ACLED's name for a coded actor: its dictionary entry's ACLED name, else a name made of
    its sector and country ("Military Forces of Niger (2023-)", "Civilians (Mali)"), else its
    text (an actor the tables do not know)."""
    tables = _tables()
    entry = (actor.get("entry") or "").split(":")[-1]
    for key in (actor.get("actor_id"), entry):
        if key and key in tables["entries"]:
            return tables["entries"][key]
    code, sector = actor.get("code") or "", actor.get("sector") or ""
    country = country_name(code) if code else ""
    if not country:
        return actor.get("actor_id") or actor.get("text") or ""
    if event_type in {"Protests", "Riots"} and sector in tables["street"]:
        return f"{'Protesters' if event_type == 'Protests' else 'Rioters'} ({country})"
    pattern = tables["sectors"].get(sector)
    if pattern is None:
        return actor.get("text") or country
    period = regime(code, on)
    name = pattern.format(country=country, regime=period or "")
    return name.replace(" ()", "")


def actor_names(actors: list[dict[str, Any]], on: dt.date | None, event_type: str,
                country_name: Any) -> list[str]:
    """The ACLED names of ``actors``, each once, in order."""
    names: list[str] = []
    for actor in actors:
        name = actor_name(actor, on, event_type, country_name)
        if name and name not in names:
            names.append(name)
    return names


def source_scale(sources: list[tuple[str | None, str | None]]) -> str:
    """ACLED's ``source_scale`` for (name, url) pairs: the scales found, joined as ACLED does
    ("National-International")."""
    found = set()
    for name, url in sources:
        haystack = f"{name or ''} {url or ''}".lower()
        scale = next((s for s, pattern in _SCALE_PATTERNS.items() if pattern.search(haystack)),
                     "Other")
        found.add(scale)
    return "-".join(s for s in _SCALE_ORDER if s in found)


def tags(event_type: str) -> str:
    """ACLED's ``tags``: a demonstration whose size the text does not give is tagged so."""
    return "crowd size=no report" if event_type in {"Protests", "Riots"} else ""
