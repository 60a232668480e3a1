"""Golden toponym cases: spans, offsets and resolution (tests/geo/golden/toponyms.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harmattan.geo import Geoparser, Place
from harmattan.geo.folding import fold
from harmattan.schema import Article

GOLDEN = Path(__file__).parent / "golden" / "toponyms.jsonl"
#: Sentences in the style of local US news, written for these tests (not from any corpus):
#: datelines, counties, homonyms across states and countries, AP state abbreviations.
US_LOCAL = Path(__file__).parent / "golden" / "us_local.jsonl"
CASES = [json.loads(line) for path in (GOLDEN, US_LOCAL)
         for line in path.read_text(encoding="utf-8").splitlines() if line]


# A case with "xfail" is a known limit: it must keep failing until fixed (strict).
PARAMS = [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(strict=True, reason=c["xfail"])]
                       if c.get("xfail") else []) for c in CASES]


@pytest.mark.parametrize("case", PARAMS)
def test_golden_toponyms(geoparser: Geoparser, case: dict) -> None:
    places = geoparser.parse(Article(id=case["id"], text=case["text"]))
    for place in places:
        assert case["text"][place.start:place.end] == place.text
        assert 0.0 <= place.score <= 1.0
    got = {(p.start, p.end): p for p in places}
    for expected in case["places"]:
        place = got.get((expected["start"], expected["end"]))
        assert place is not None, f"missing {expected['text']!r}; got {[p.text for p in places]}"
        assert place.country == expected["country"]
        if "name" in expected:
            assert place.name == expected["name"]
        if "feature_code" in expected:
            assert place.feature_code == expected["feature_code"]
        if "admin1" in expected:
            assert place.admin1 == expected["admin1"]
    for word in case["absent"]:
        assert word not in {p.text for p in places}, f"{word!r} should not be a place"


def test_folding_covers_spellings() -> None:
    assert fold("Tillabéri") == fold("Tillaberi") == fold("TILLABERI")
    assert fold("Fada N'Gourma") == fold("Fada-Ngourma") == fold("Fada N’Gourma")
    assert fold("St. Louis") == fold("Saint Louis")


def test_exonyms_share_an_entry(geoparser: Geoparser) -> None:
    timbuktu = {e.geonameid for e in geoparser.gazetteer_.lookup("Timbuktu") if e.is_town}
    tombouctou = {e.geonameid for e in geoparser.gazetteer_.lookup("Tombouctou") if e.is_town}
    assert timbuktu & tombouctou


def test_country_name_never_resolves_to_a_town(geoparser: Geoparser) -> None:
    for name in ("Mexico", "Guatemala", "Panama", "Niger", "Djibouti", "Colombia"):
        places = geoparser.parse_text(f"Officials in {name} said nothing.")
        assert [p.feature_code for p in places] == ["PCLI"], name


def test_ambiguity_is_reported_by_the_score(geoparser: Geoparser) -> None:
    # Two San Joses of similar size and no context: the score must say it is unsure.
    place = geoparser.parse_text("The meeting took place in Springfield on Monday.")[0]
    assert place.score < 0.9


def test_user_places_file(tmp_path: Path) -> None:
    places = tmp_path / "places.yaml"
    places.write_text(
        "places:\n  - name: Kwaxwelo\n    country: NE\n    lat: 14.3\n    lon: 1.2\n"
        "    aliases: [Kouaxoualo]\n", encoding="utf-8")
    geoparser = Geoparser(user_places=places).initialize()
    found = geoparser.parse_text("Soldiers were ambushed near Kouaxoualo on Friday.")
    assert [(p.text, p.name, p.country, p.geonameid) for p in found] == [
        ("Kouaxoualo", "Kwaxwelo", "NE", None)]


def test_parse_many_keeps_order_and_empty_articles(geoparser: Geoparser) -> None:
    articles = [Article(id="a", text="Nothing here."), Article(id="b", text="Clashes in Gao.")]
    out = list(geoparser.parse_many(articles))
    assert [a.id for a, _ in out] == ["a", "b"]
    assert out[0][1] == [] and out[1][1][0].name == "Gao"


def test_deterministic(geoparser: Geoparser) -> None:
    text = CASES[3]["text"]
    assert geoparser.parse_text(text) == geoparser.parse_text(text)


def test_place_to_dict_has_the_contract_keys() -> None:
    place = Place("Gao", 0, 3, 2457161, "Gao", 16.27, -0.04, "ML", "Gao", "", "PPLA", 1.0, "in")
    assert list(place.to_dict()) == ["text", "start", "end", "geonameid", "name", "lat", "lon",
                                     "country", "admin1", "admin2", "feature_code", "score"]


def test_us_state_abbreviations_after_a_town(geoparser) -> None:
    text = "A tornado hit Joplin, Mo., and Jackson, Miss. Miss. Smith moved to Troy, N.Y. last May."
    found = [(p.text, p.name, p.admin1, p.feature_code) for p in geoparser.parse_text(text)]
    assert ("Joplin", "Joplin", "Missouri", "PPL") in found
    assert ("Mo.", "Missouri", "Missouri", "ADM1") in found
    assert ("Jackson", "Jackson", "Mississippi", "PPL") in found
    assert ("Troy", "Troy", "New York", "PPL") in found
    assert ("N.Y.", "New York", "New York", "ADM1") in found
    # "Miss." as a title, not after a town, is not a place.
    assert sum(1 for p in geoparser.parse_text(text) if p.text == "Miss.") == 1
