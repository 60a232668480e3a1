"""One event per act per article.

A news article tells its main act several times: the headline, the lead, then details and
restatements.  Each telling is coded on its own sentence; here the events of one article that
tell the same act become one event whose ``evidence`` is the sentence an analyst would cite,
with every other telling in ``mentions`` (``{"sentence", "start", "end"}``, exact offsets).

Two events tell the same act when they have the same type (the PLOVER type, or the ACLED
sub-event type for events coded in ACLED terms only), the same modality (negated,
hypothetical) and actors that do not contradict each other: where both name a
source, the sources share a country or organisation code, and likewise the targets — and
neither sentence says it is another act ("again", "another") or dates it to another day.
"""

from __future__ import annotations

import re

from harmattan.schema import Actor, Event


def _kind(event: Event) -> tuple:
    if event.plover is not None:
        kind = ("plover", event.plover.event)
    else:
        kind = ("acled", (event.acled or {}).get("sub_event_type"))
    m = event.modality
    return kind + (m.negated, m.hypothetical)


def _codes(actors: list[Actor]) -> set[str]:
    # "JNIM militants" and "the militants" share their country's code, not an actor id.
    return {c for a in actors for c in (a.actor_id, a.code) if c}


def _compatible(a: list[Actor], b: list[Actor]) -> bool:
    codes_a, codes_b = _codes(a), _codes(b)
    return not codes_a or not codes_b or bool(codes_a & codes_b)


_DAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december) \d{1,2}|\d{1,2} (?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december))\b", re.IGNORECASE)
_DAY_FR = re.compile(
    r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd'hui|"
    r"\d{1,2}(?:er)? (?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|"
    r"octobre|novembre|décembre|decembre))\b", re.IGNORECASE)
#: A year the sentence dates its act by ("in 2008", « en 2014 »).
_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
_ANOTHER = re.compile(r"\b(?:again|another|a second|a third|once more|a new)\b"
                      r"|\b(?:à nouveau|de nouveau|une autre|un autre|une nouvelle|un nouvel|une deuxième|"
                      r"une seconde|de même)\b", re.IGNORECASE)


def _same_act(a: Event, b: Event) -> bool:
    if not (_kind(a) == _kind(b) and _compatible(a.source, b.source)
            and _compatible(a.target, b.target)):
        return False
    # "... attacked them again on Tuesday": another act of the same kind, not a retelling.
    if _ANOTHER.search(a.evidence.sentence) or _ANOTHER.search(b.evidence.sentence):
        return False
    for dates in (_DAY, _DAY_FR, _YEAR):
        # (told on other days or in other years: "In 2008 the Russian army invaded Georgia …
        # Likewise, in 2014 Russia intervened militarily" are two acts)
        days_a = {d.lower() for d in dates.findall(a.evidence.sentence)}
        days_b = {d.lower() for d in dates.findall(b.evidence.sentence)}
        if days_a and days_b and not days_a & days_b:
            return False
    return True


def _is_headline(event: Event) -> bool:
    """An article's first sentence when it reads as a title: no full stop, or title case."""
    if event.evidence.start != 0:
        return False
    text = event.evidence.sentence.rstrip()
    words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    title_case = bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.7
    return title_case or not text.endswith((".", '."', ".”"))


def _citation_rank(event: Event) -> tuple:
    """The sentence to cite: one that names both sides, then the surest; headlines last."""
    headline = _is_headline(event)
    return (not headline, bool(event.source) + bool(event.target), event.confidence,
            -event.evidence.start)


def merge_restatements(events: list[Event]) -> list[Event]:
    """The article's events with restatements of one act merged, in text order of the kept
    evidence.  ``events`` are one article's events."""
    groups: list[list[Event]] = []
    for event in sorted(events, key=lambda e: (e.evidence.start, -e.confidence)):
        for group in groups:
            if all(_same_act(event, other) for other in group):
                group.append(event)
                break
        else:
            groups.append([event])
    out = []
    for group in groups:
        lead = max(group, key=_citation_rank)
        if lead.acled is None:
            # The act keeps its ACLED coding when another telling carries it: the ACLED
            # classifier gives one event per incident the type (events/acled_model.py).
            carrier = next((e for e in sorted(group, key=lambda e: e.evidence.start) if e.acled is not None), None)
            if carrier is not None:
                lead.acled = carrier.acled
        seen = {(lead.evidence.start, lead.evidence.end)}
        for other in sorted(group, key=lambda e: e.evidence.start):
            if other is lead:
                continue
            # The act's sides, where the cited sentence leaves one unnamed.
            # (A side with no code — a person in no dictionary — is still unnamed here.)
            if not _codes(lead.source) and _codes(other.source):
                lead.source = list(other.source)
            if not _codes(lead.target) and _codes(other.target):
                lead.target = list(other.target)
            if lead.acled is not None and other.acled is not None:
                for key, value in other.acled.items():
                    if key.startswith("fatalities") and value and not lead.acled.get(key):
                        lead.acled[key] = value
            span = (other.evidence.start, other.evidence.end)
            if span not in seen:
                seen.add(span)
                lead.mentions.append({"sentence": other.evidence.sentence,
                                      "start": other.evidence.start, "end": other.evidence.end})
        lead.mentions.sort(key=lambda m: m["start"])
        lead.confidence = max(e.confidence for e in group)
        # The act is the news when any telling reads as news, not background.
        lead.background = all(e.background for e in group)
        out.append(lead)
    out.sort(key=lambda e: e.evidence.start)
    return out
