"""The coder codes English only: a French article gives no events, not English-lexicon accidents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harmattan.pipeline import code_articles
from harmattan.schema import Article

pytestmark = pytest.mark.models

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FRENCH = [json.loads(line) for line in (SAMPLES / "sahel-fr.jsonl").open(encoding="utf-8")]


def _article(record: dict, **changes) -> Article:
    fields = {k: record.get(k) for k in ("id", "text", "date", "title", "source", "language")}
    return Article(**{**fields, **changes})


def test_french_articles_give_no_events() -> None:
    articles = [_article(r) for r in FRENCH]
    assert code_articles(articles) == []
    assert {a.language for a in articles} == {"fr"}


def test_a_detected_french_article_gives_no_events_either() -> None:
    article = _article(FRENCH[0], language=None)
    assert code_articles([article]) == []
    assert article.language == "fr"


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
