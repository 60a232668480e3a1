"""Language of an article: the record's own, normalised, else detected from its text."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from harmattan.nlp.language import article_language, detect_language, normalize_language
from harmattan.schema import Article

NEWS = Path(__file__).resolve().parents[3] / "shared" / "data" / "news"


@pytest.mark.parametrize("text, expected", [
    ("Les soldats nigériens ont arrêté le président Bazoum dans la nuit de mercredi à jeudi.", "fr"),
    ("La CEDEAO a levé les sanctions contre le Niger, selon un communiqué publié à Abuja.", "fr"),
    ("Soldiers of the presidential guard detained President Bazoum in Niamey on Wednesday.", "en"),
    ("El ejército de Malí anunció que había tomado el control de la ciudad, según un comunicado del gobierno.", "es"),
    ("قال الجيش إنه سيطر على المدينة", "ar"),
], ids=["fr-arrest", "fr-cedeao", "en-arrest", "es", "ar"])
def test_detects_the_language_of_a_sentence(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", ".", "Niamey", "Mali 2023", "Tiani, Goïta, Traoré"],
                         ids=["empty", "dot", "a-name", "name-and-year", "names"])
def test_too_little_text_is_undetermined(text: str) -> None:
    assert detect_language(text) is None


@pytest.mark.parametrize("value, expected", [
    ("fr", "fr"), ("fr-FR", "fr"), ("FR_fr", "fr"), ("French", "fr"), ("français", "fr"),
    ("fra", "fr"), ("en-GB", "en"), ("EN", "en"), ("ha", "ha"), ("", None), ("  ", None), (None, None),
])
def test_record_language_is_normalised(value: str | None, expected: str | None) -> None:
    assert normalize_language(value) == expected


def test_article_language_prefers_the_record_and_keeps_what_it_decided() -> None:
    given = Article("a", "Soldiers detained the president of the republic in the capital.", language="fr-FR")
    assert article_language(given) == "fr" and given.language == "fr"
    detected = Article("b", "Les militaires ont pris le pouvoir dans la capitale et suspendu la constitution.")
    assert article_language(detected) == "fr" and detected.language == "fr"


@pytest.mark.parametrize("name, language, minimum", [
    ("bbc-afrique-fr-dev.jsonl", "fr", 210),   # 211 articles; one is the text "."
    ("insightcrime-train.jsonl", "en", 1002),  # every article
])
def test_accuracy_on_the_shared_corpora(name: str, language: str, minimum: int) -> None:
    path = NEWS / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    counts = Counter(detect_language(json.loads(line)["text"]) for line in path.open(encoding="utf-8"))
    assert counts[language] >= minimum, counts
    assert set(counts) <= {language, None}, counts
