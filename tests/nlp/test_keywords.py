"""Keyword patterns answer exactly as their regular expressions, only faster."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from harmattan.nlp.keywords import KeywordPattern, literal_prefixes

ROOT = Path(__file__).resolve().parents[2]


def rx(*parts: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(parts) + r")", re.IGNORECASE)


@pytest.mark.parametrize(("parts", "expected"), [
    (("kill(?:ed|s)?\\b", "shot dead"), {"kill", "shot dea"}),
    (("(?:still )?investigating the",), {"investig", "still in"}),
    (("rebels?\\b", "rebel groups?"), {"rebel"}),
    (("withdr[ae]w from",), {"withdraw", "withdrew"}),
    (("(?-i:March)(?:ed|ers)\\b",), {"marched", "marchers"}),
    (("air ?strikes?",), {"airstrik", "air stri"}),
])
def test_the_beginnings_every_match_starts_with(parts, expected):
    assert literal_prefixes(rx(*parts)) == expected


@pytest.mark.parametrize("parts", [
    ("\\d+ years ago",),          # a digit: any Unicode digit matches
    ("is\\b", "attack"),          # "is" is too short to be worth a test
    (".{0,3}attack",),
    ("(?:\\w+ ){0,2}killed",),
])
def test_patterns_without_a_useful_beginning_are_always_searched(parts):
    assert literal_prefixes(rx(*parts)) is None
    pattern = KeywordPattern(rx(*parts))
    assert pattern.search("8 years ago is when 2 men killed the attacker") is not None


TEXTS = [
    "Gunmen KILLED three villagers near Gao.",
    "The minister said talks would resume.",
    "Soldiers were sHoT DeAd at a checkpoint; investigators are still investigating the attack.",
    "Troops withdrew from Kidal and rebels marched in.",
    "They March ed on the capital in March.",
    "K\u0130LLED in an ambush",          # İ matches i when case is ignored
    "\u017fhot dead by police",          # long s matches s
    "\u212aILLED in the north",          # the Kelvin sign matches k
    "Ki\u0307lled: a combining dot",
    "",
]


@pytest.mark.parametrize("parts", [
    ("kill(?:ed|s)?\\b", "shot dead"),
    ("(?:still )?investigating the",),
    ("withdr[ae]w from", "rebels?\\b"),
    ("(?-i:March)(?:ed|ers)?\\b",),
])
def test_search_answers_as_the_regular_expression(parts):
    regex = rx(*parts)
    pattern = KeywordPattern(regex)
    assert pattern.prefixes is not None
    for text in TEXTS:
        for pos in (0, 5):
            got, want = pattern.search(text, pos), regex.search(text, pos)
            assert (got and got.span()) == (want and want.span()), (text, pos)
    assert pattern.pattern == regex.pattern  # everything else is the regex's own
    assert [m.span() for m in pattern.finditer(TEXTS[0])] == [m.span() for m in regex.finditer(TEXTS[0])]


def _snippets() -> list[str]:
    texts = list(TEXTS)
    for path in sorted((ROOT / "benchmarks" / "acled").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    for path in sorted((ROOT / "samples").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    return texts


def test_every_acled_pattern_answers_as_its_regular_expression():
    from harmattan.events import acled

    patterns = [v for v in vars(acled).values() if isinstance(v, KeywordPattern)]
    patterns += [p for _, p in acled._ACTOR_WORDS]
    assert len(patterns) > 50
    assert sum(p.prefixes is not None for p in patterns) > 40  # most are skipped when they can be
    texts = _snippets()
    assert len(texts) > 300
    found = 0
    for text in texts:
        for pattern in patterns:
            got, want = pattern.search(text), pattern.regex.search(text)
            assert (got and got.span()) == (want and want.span()), (pattern, text)
            found += want is not None
    assert found > 500
