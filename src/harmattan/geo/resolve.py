"""Choose one gazetteer entry for each place mention, using the rest of the article.

Each candidate gets a score from:

- its kind and size: a country beats a sea or world region beats a first-level division beats
  a county beats a town; among towns, the larger wins
  (log of population), a capital or regional capital a little more;
- the article's countries: the countries the article names (or its demonyms, or its
  unambiguous places name) pull their own towns up;
- an explicit qualifier: "Paris, Texas" and "Diffa, Niger" pick the candidate in that region
  or country;
- nearness: a candidate within 300 km of a place the article names without ambiguity gains;
- the article's state or province (``article_divisions``, then the places a first pass
  resolved with confidence): its towns and counties gain, a little less than the gap between
  a city and a village;
- its own name: a town called by its name, not by a former or foreign one, gains.

The scores go through a softmax; the winner's share is its ``score`` in [0, 1], so a name with
two plausible readings says so (e.g. 0.55) instead of hiding it.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from harmattan.geo.folding import fold
from harmattan.geo.gazetteer import Entry, Gazetteer
from harmattan.geo.toponyms import NAMES_A_FEATURE, Mention

MAX_CANDIDATES = 60
#: A scorer probability above which a mention stands without its country named.
SURE = 0.6
NEAR_KM = 300.0


@dataclass
class Resolution:
    mention: Mention
    entry: Entry
    score: float


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def prior(entry: Entry) -> float:
    """Score of a candidate before context: kind, then size."""
    if entry.is_country:
        return 9.0
    if entry.feature_code == "CONT":
        return 8.5
    if entry.is_admin1:
        return 6.5
    if entry.is_area:
        return 7.0  # "the Pacific", "Middle East": the sea or region before a town so named
    if entry.is_admin2:
        return 4.5  # a county or province: as likely as a town of some 30,000 people
    score = math.log10(entry.population + 10)
    if entry.feature_code == "PPLC":
        score += 1.5
    elif entry.feature_code == "PPLA":
        score += 0.8
    if entry.flags == "user":
        score += 2.0
    return score


def article_countries(mentions: list[Mention], linked: set[int] | None = None) -> Counter[str]:
    """Countries the article names, directly or through unambiguous places (a reading
    ``linked`` to the county it lies in counts as unambiguous: "Paris … Lamar County")."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        cands = mention.candidates
        if not cands or mention.needs_context or NAMES_A_FEATURE in mention.reasons:
            continue
        if cands[0].feature_code == "CONT":
            continue
        paired = [c for c in cands if linked and id(c) in linked]
        if paired and not cands[0].is_country:
            counts[paired[0].country] += 1
        elif cands[0].is_country:
            counts[cands[0].country] += 2
        elif cands[0].is_admin1 and len({c.country for c in cands if c.is_admin1}) == 1:
            counts[cands[0].country] += 1
        elif len({c.country for c in cands}) == 1:
            counts[cands[0].country] += 1
        elif cands and max(c.population for c in cands) >= 1_000_000:
            biggest = max(cands, key=lambda c: c.population)
            counts[biggest.country] += 1
    return counts


def _matches_qualifier(entry: Entry, qualifier: str, gazetteer: Gazetteer) -> bool:
    if not qualifier:
        return False
    for other in gazetteer.lookup_key(qualifier):
        if other.is_country and other.country == entry.country:
            return True
        if other.is_admin1 and other.country == entry.country and (
                not entry.admin1 or entry.admin1 == other.admin1 or entry.admin1 == other.name):
            return True
    demonym = gazetteer.demonym_key(qualifier)
    return demonym is not None and demonym.country == entry.country


def article_divisions(mentions: list[Mention], gazetteer: Gazetteer) -> Counter[tuple[str, str]]:
    """First-level divisions the article names: ``(country, division)`` → how often.

    A division named outright ("Iowa"), as a qualifier ("Red Oak, Iowa"; "Columbus, Ga.") or
    through an unambiguous place of it.  US local news rarely repeats the state's name; its
    towns and counties then resolve inside the state the article is about.
    """
    counts: Counter[tuple[str, str]] = Counter()
    for mention in mentions:
        cands = mention.candidates
        # "the Ohio River near Louisville": the river's name is not the story's state.
        if not cands or mention.demonym or NAMES_A_FEATURE in mention.reasons:
            continue
        if cands[0].is_admin1 and not cands[0].is_country:
            admin1s = [c for c in cands if c.is_admin1]
            if len({(c.country, c.name) for c in admin1s}) == 1:
                counts[(admin1s[0].country, admin1s[0].name)] += 2
        elif len({(c.country, c.admin1) for c in cands}) == 1 and cands[0].admin1:
            counts[(cands[0].country, cands[0].admin1)] += 1
        if mention.qualifier:
            for other in gazetteer.lookup_key(mention.qualifier):
                if other.is_admin1:
                    counts[(other.country, other.name)] += 1
                    break
    return counts


def resolve_mentions(mentions: list[Mention], gazetteer: Gazetteer) -> list[Resolution]:
    """Pick an entry per mention; drop mentions whose only support was missing context.

    Two passes: the places the first pass resolves with confidence tell the second which
    state or province the article is about ("Dallas" makes "Dallas County" the Texan one).
    Then one sense per article: a name resolved through its qualifier ("London, Ontario")
    keeps that sense where the article repeats it bare.
    """
    _states_named_like_countries(mentions)
    divisions = article_divisions(mentions, gazetteer)
    linked = _towns_in_named_counties(mentions)
    first = _resolve(mentions, gazetteer, divisions, linked)
    for res in first:
        e = res.entry
        if res.score >= 0.6 and e.admin1 and not (e.is_country or e.is_admin1) \
                and not res.mention.demonym:
            divisions[(e.country, e.admin1)] += 1
    results = _resolve(mentions, gazetteer, divisions, linked)
    qualified = {r.mention.key: r for r in results if r.mention.qualifier
                 and _matches_qualifier(r.entry, r.mention.qualifier, gazetteer)}
    for k, res in enumerate(results):
        held = qualified.get(res.mention.key)
        if held is not None and held is not res and not res.mention.qualifier \
                and res.entry is not held.entry and not res.entry.is_country:
            results[k] = Resolution(res.mention, held.entry, held.score)
    return results


#: A town at least this large counts as the place its name means when no context says
#: otherwise ("Savannah", "Macon" are the Georgian ones; "Tbilisi" the Georgian capital).
_LANDMARK = 10_000


def _states_named_like_countries(mentions: list[Mention]) -> None:
    """"Georgia" beside Savannah and Macon is the US state: a country's name that is also a
    first-level division elsewhere means the division when more of the article's other names
    are, by their largest bearer, towns of that division than towns of that country.  The
    mention then keeps the division and not the country, so that the article's countries (and
    what they decide for its other towns) follow."""
    largest: Counter[tuple[str, str]] = Counter()
    seen: set[str] = set()
    for mention in mentions:
        towns = [c for c in mention.candidates if c.is_town]
        if mention.demonym or mention.key in seen or not towns or any(
                c.is_country or c.is_admin1 for c in mention.candidates):
            continue
        seen.add(mention.key)
        top = max(towns, key=lambda c: c.population)
        if top.population >= _LANDMARK:
            largest[(top.country, top.admin1)] += 1
            largest[(top.country, "")] += 1
    if not largest:
        return
    for mention in mentions:
        cands = mention.candidates
        if mention.demonym or not cands or not cands[0].is_country:
            continue
        country = cands[0].country
        states = [c for c in cands if c.is_admin1 and c.country != country]
        for state in states:
            if largest[(state.country, state.name)] > largest[(country, "")]:
                mention.candidates = [state] + [c for c in cands
                                                if not c.is_country and c is not state]
                break


#: What a town and the county it lies in, both named, add to each reading ("Paris … Lamar
#: County": the Texan pair), about what separates a city of 25,000 from one of 2 million.
LINKED = 4.0


def _towns_in_named_counties(mentions: list[Mention]) -> set[int]:
    """The ids of the readings that pair a town with the county it lies in, both named in the
    article ("Paris" and "Lamar County"; "Marion police" and "Marion County")."""
    counties: dict[tuple[str, str, str], list[tuple[str, Entry]]] = {}
    for mention in mentions:
        for c in mention.candidates[:MAX_CANDIDATES]:
            # Named as the county ("Texas County"), not as a state that shares its name.
            if c.is_admin2 and fold(c.name) == mention.key:
                counties.setdefault((c.country, c.admin1, fold(c.name)), []).append(
                    (mention.key, c))
    if not counties:
        return set()
    linked: set[int] = set()
    for mention in mentions:
        for t in mention.candidates[:MAX_CANDIDATES]:
            if t.is_town and t.admin2:
                # Another name of the article: "Paris" is no pair with the Paris département.
                pair = [c for key, c in counties.get((t.country, t.admin1, fold(t.admin2)), ())
                        if key != mention.key]
                if pair:
                    linked.add(id(t))
                    linked.update(id(c) for c in pair)
    return linked


def _resolve(mentions: list[Mention], gazetteer: Gazetteer,
             divisions: Counter[tuple[str, str]],
             linked: set[int] | None = None) -> list[Resolution]:
    countries = article_countries(mentions, linked)
    top_country = countries.most_common(1)[0][0] if countries else None
    anchors = [m.candidates[0] for m in mentions
               if m.candidates and not m.needs_context and len(m.candidates) == 1
               and not m.candidates[0].is_country and NAMES_A_FEATURE not in m.reasons]
    results: list[Resolution] = []
    for mention in mentions:
        cands = mention.candidates[:MAX_CANDIDATES] if not mention.demonym else mention.candidates
        if mention.needs_context:
            in_context = [c for c in cands if c.country in countries or c.flags == "user"]
            # The scorer may be sure of a place whose country the article never names.
            if not in_context and mention.probability < SURE:
                continue
            cands = in_context or cands
        own_named = any(c.is_town and fold(c.name) == mention.key for c in cands)
        scores = []
        for entry in cands:
            score = prior(entry)
            if not entry.is_country:
                if entry.country in countries:
                    score += 2.5 + min(countries[entry.country], 6) * 0.3
                if entry.country == top_country:
                    score += 1.0
                # (Not for a county named like its state: "Sinaloa" is the state.)
                # (Less than the gap between a city and a village: Boston, Massachusetts
                # stays Boston in an article about New York.)
                if not entry.is_admin1 and divisions.get((entry.country, entry.admin1)) \
                        and fold(entry.name) != fold(entry.admin1):
                    score += 0.75 + min(divisions[(entry.country, entry.admin1)], 3) * 0.25
                # A town named by its own name, not a former or foreign one ("Salisbury" is
                # the English town before it is Harare's colonial name).
                if not entry.is_town or fold(entry.name) == mention.key:
                    score += 1.5
                elif own_named:
                    score -= 1.0  # "Salem" is some Salem before it is Jerusalem
            if linked and id(entry) in linked:
                score += LINKED
            if _matches_qualifier(entry, mention.qualifier, gazetteer):
                score += 6.0
            if anchors and not entry.is_country and any(
                    a is not entry and haversine_km(a.lat, a.lon, entry.lat, entry.lon) < NEAR_KM
                    for a in anchors):
                score += 1.0
            scores.append(score)
        best = max(range(len(cands)), key=lambda k: (scores[k], cands[k].population))
        best = _country_or_town(mention, cands, scores, best, top_country, gazetteer, divisions)
        chosen = cands[best]
        if chosen.is_country:
            # The name is the country's own: only its size-free prior competes with towns.
            scores = [prior(c) + (3.0 if c.is_country else 0.0) for c in cands]
        peak = max(scores)
        weights = [math.exp(s - peak) for s in scores]
        # The score is the weight of every reading that puts the place where we put it
        # (a region and its same-named capital agree), so it measures real ambiguity.
        agree = sum(w for c, w in zip(cands, weights)
                    if c is chosen or (not chosen.is_country and not c.is_country
                                       and haversine_km(c.lat, c.lon, chosen.lat, chosen.lon) < 161))
        results.append(Resolution(mention, chosen, round(agree / sum(weights), 3)))
    return results


REGION_WORDS = frozenset({"region", "province", "state", "department", "governorate",
                          "prefecture"})


def _country_or_town(mention: Mention, cands: list[Entry], scores: list[float], best: int,
                     top_country: str | None, gazetteer: Gazetteer,
                     divisions: Counter[tuple[str, str]] | None = None) -> int:
    """Apply the rules that a score cannot express well.

    - A sea's or world region's name means it ("Atlantic", "Middle East"), unless a qualifier
      names a town's state or country.
    - A country's name means the country (never a town or building that shares it), unless the
      article is about another country that has a region of that name ("Georgia" in US news)
      or a qualifier says otherwise.
    - A region named like its capital ("Tillabéri", "Chihuahua") is read as the town unless
      the text says region/province/state: events happen in towns, and news names the region
      with that word.
    """
    if mention.demonym:
        return best
    countries = [k for k, c in enumerate(cands) if c.is_country]
    qualified = [k for k, c in enumerate(cands) if _matches_qualifier(c, mention.qualifier, gazetteer)]
    areas = [k for k, c in enumerate(cands) if c.is_area]
    if areas and not countries and not qualified:
        return areas[0]  # "the Atlantic", "the Pacific": the ocean, not a town named after it
    if countries and not qualified:
        country = countries[0]
        # ... or whose towns the article names ("Georgia" beside Atlanta and Savannah).
        regional = [k for k, c in enumerate(cands)
                    if c.is_admin1 and (c.country == top_country != cands[country].country
                                        or (divisions or {}).get((c.country, c.name), 0) >= 1)]
        return regional[0] if regional else country
    chosen = cands[best]
    if chosen.is_admin1 and mention.cue not in REGION_WORDS \
            and "qualifies the previous place" not in mention.reasons:
        towns = [k for k, c in enumerate(cands)
                 if c.is_town and c.country == chosen.country and c.population >= 5000
                 and c.admin1 == chosen.name
                 and (fold(c.name) == fold(chosen.name) or c.feature_code == "PPLA")]
        if towns:
            return max(towns, key=lambda k: cands[k].population)
    if chosen.is_town and "direction before" in mention.reasons:
        # "upstate New York", "northern Chihuahua": a part of the region, not of the city.
        regions = [k for k, c in enumerate(cands) if c.is_admin1
                   and c.country == chosen.country and fold(c.name) == mention.key]
        if regions:
            return regions[0]
    return best
