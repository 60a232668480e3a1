"""A tiny rule coder with the real coder's interface, for the store's tests and benchmarks.

It codes a sentence that contains one of a few verbs, with the countries it names as actors and
"killed N" as a fatality claim.  It lets the store be tested on its own terms (thousands of
articles in seconds) and gives the tests events whose content is known in advance; the
integration tests run the real coder too.
"""

from __future__ import annotations

import re

from harmattan.schema import (
    Actor,
    Article,
    CameoCode,
    Event,
    Evidence,
    Modality,
    PloverCode,
    make_event_id,
)

VERBS = {"attacked": ("ASSAULT", "18", 4), "clashed": ("FIGHT", "19", 4), "met": ("CONSULT", "04", 1),
         "protested": ("PROTEST", "14", 4), "condemned": ("DISAPPROVE", "11", 3)}
COUNTRIES = {"Mali": "MLI", "Niger": "NER", "Burkina Faso": "BFA", "Chad": "TCD", "Nigeria": "NGA",
             "Senegal": "SEN", "Ghana": "GHA", "Benin": "BEN"}
#: Places the stand-in geocodes, as the geoparser's ``event_location`` gives them.
PLACES = {"Dakar": {"name": "Dakar", "lat": 14.6937, "lon": -17.4441, "country": "SN",
                    "admin1": "Dakar", "precision": 3},
          "Gao": {"name": "Gao", "lat": 16.2666, "lon": -0.0400, "country": "ML", "admin1": "Gao",
                  "precision": 3}}
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
_KILLED = re.compile(r"killed (\d+)")


class RuleCoder:
    """``code(articles) -> events`` like ``EventCoder``; ``initialize()`` returns itself."""

    version = "rules-1"

    def initialize(self) -> RuleCoder:
        return self

    def code(self, articles: list[Article]) -> list[Event]:
        events: list[Event] = []
        for article in articles:
            if "FAIL-CODER" in article.text:
                raise RuntimeError("stand-in failure requested by the text")
            ordinal = 0
            for match in _SENTENCE.finditer(article.text):
                sentence = match.group(0)
                for verb, (plover, cameo, quad) in VERBS.items():
                    at = sentence.find(verb)
                    if at < 0:
                        continue
                    before, after = sentence[:at], sentence[at:]
                    source = [Actor(name, code, "GOV") for name, code in COUNTRIES.items() if name in before]
                    target = [Actor(name, code, "MIL") for name, code in COUNTRIES.items() if name in after]
                    killed = _KILLED.search(sentence)
                    place = next((dict(p) for name, p in PLACES.items() if f" {name}" in sentence), None)
                    start, end = match.start(), match.end()
                    ordinal += 1
                    events.append(Event(
                        event_id=make_event_id(article, start, end, plover, ordinal),
                        article_id=article.id, date=article.date_iso,
                        plover=PloverCode(plover), cameo=CameoCode(quad, cameo), modality=Modality(),
                        source=source, target=target,
                        evidence=Evidence(sentence, start, end, verb, start + at, start + at + len(verb)),
                        confidence=0.9, coder_version=self.version,
                        acled={"fatalities": int(killed.group(1))} if killed else None,
                        location=place,
                    ))
                    break
        return events


def make_rule_coder() -> RuleCoder:
    """A picklable factory for ``code_records(coder_factory=...)``."""
    return RuleCoder()
