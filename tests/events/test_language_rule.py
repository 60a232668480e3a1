"""The coder reads the languages it knows: English and French articles give events in their
own language; an article in another language gives none, not English-lexicon accidents."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from harmattan.events.coder import CoderSettings, EventCoder
from harmattan.pipeline import code_articles
from harmattan.schema import Article

pytestmark = pytest.mark.models

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FRENCH = [json.loads(line) for line in (SAMPLES / "sahel-fr.jsonl").open(encoding="utf-8")]
SPANISH = ("Soldados de la guardia presidencial detuvieron al presidente Mohamed Bazoum en el palacio "
           "presidencial de Niamey, y el ejército dijo que había suspendido la constitución del país.")


def _article(record: dict, **changes) -> Article:
    fields = {k: record.get(k) for k in ("id", "text", "date", "title", "source", "language")}
    return Article(**{**fields, **changes})


def test_french_articles_are_coded_from_the_french_text() -> None:
    articles = [_article(r) for r in FRENCH]
    events = code_articles(articles)
    assert {a.language for a in articles} == {"fr"}
    assert events and {e.language for e in events} == {"fr"}
    texts = {a.id: a.text for a in articles}
    for event in events:
        text = texts[event.article_id]
        assert text[event.evidence.start:event.evidence.end] == event.evidence.sentence
        assert text[event.evidence.trigger_start:event.evidence.trigger_end] == event.evidence.trigger
    # French lexicon acts, not English-lexicon accidents ("pays" read as a verb)
    kinds = {(e.article_id, e.plover.event) for e in events if e.plover}
    assert ("fr-niger-coup-2023-07-27", "DISAPPROVE") in kinds
    assert ("fr-cedeao-sanctions-2023-07-31", "SANCTION") in kinds


def test_a_detected_french_article_is_coded_as_french() -> None:
    article = _article(FRENCH[0], language=None)
    events = code_articles([article])
    assert article.language == "fr"
    assert events and {e.language for e in events} == {"fr"}


def test_french_left_out_of_the_languages_gives_no_events() -> None:
    coder = EventCoder(settings=replace(CoderSettings(), languages=("en",))).initialize()
    assert coder.code([_article(r) for r in FRENCH]) == []


def test_an_unread_language_gives_no_events() -> None:
    article = Article("es-1", SPANISH, date="2023-07-27")
    assert code_articles([article]) == []
    assert article.language == "es"


def test_the_same_text_read_as_english_gives_the_accidents_the_rule_avoids() -> None:
    # Forced to English, the English lexicon codes French words: what the rule prevents.
    assert code_articles([_article(r, language="en") for r in FRENCH])


def test_english_events_carry_their_language() -> None:
    article = Article("en-1", "Soldiers of Niger's presidential guard detained President Mohamed "
                      "Bazoum in the presidential palace in Niamey on Wednesday, and the army "
                      "said it had suspended the constitution.", date="2023-07-27")
    events = code_articles([article])
    assert events and {e.language for e in events} == {"en"}
    assert all(e.to_dict()["language"] == "en" for e in events)


def test_a_text_too_short_to_tell_is_coded_as_english() -> None:
    article = Article("short", "Soldiers detained President Bazoum.", date="2023-07-27")
    events = code_articles([article])
    assert article.language is None
    assert events and all(e.language is None for e in events)
