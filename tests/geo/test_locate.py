"""event_location: which place of the sentence, and ACLED precision."""

from __future__ import annotations

import pytest

from harmattan.geo import Geoparser, event_location


def _locate(geoparser: Geoparser, text: str, sentence: str, trigger: str | None = None):
    places = geoparser.parse_text(text)
    start = text.index(sentence)
    trigger_start = text.index(trigger) if trigger else None
    return event_location(places, start, start + len(sentence), trigger_start)


@pytest.mark.parametrize(
    ("case_id", "text", "sentence", "trigger", "expected_text", "precision"),
    [
        pytest.param("town-itself", "Gunmen attacked Djibo in Burkina Faso.",
         "Gunmen attacked Djibo in Burkina Faso.", "attacked", "Djibo", 1, id="town-itself"),
        pytest.param("near-town", "Soldiers were ambushed near Tillabéri, Niger, on Monday.",
         "Soldiers were ambushed near Tillabéri, Niger, on Monday.", "ambushed", "Tillabéri", 2, id="near-town"),
        pytest.param("km-from-town", "A bomb exploded 20 km from Gao, Mali.",
         "A bomb exploded 20 km from Gao, Mali.", "exploded", "Gao", 2, id="km-from-town"),
        pytest.param("region-only", "Clashes erupted in the Sahel region of Burkina Faso.",
         "Clashes erupted in the Sahel region of Burkina Faso.", "Clashes", "Sahel region", 3, id="region-only"),
        pytest.param("country-only", "Protests spread across Niger on Friday.",
         "Protests spread across Niger on Friday.", "Protests", "Niger", 3, id="country-only"),
        pytest.param("other-sentence-ignored", "Officials met in Niamey. Gunmen attacked Kidal, Mali.",
         "Gunmen attacked Kidal, Mali.", "attacked", "Kidal", 1, id="other-sentence-ignored"),
        pytest.param("nearest-trigger", "After talks in Bamako, gunmen attacked a camp in Mopti.",
         "After talks in Bamako, gunmen attacked a camp in Mopti.", "attacked", "Mopti", 1, id="nearest-trigger"),
        pytest.param("sea-is-a-region", "A migrant boat sank in the Mediterranean on Sunday.",
         "A migrant boat sank in the Mediterranean on Sunday.", "sank", "Mediterranean", 3, id="sea-is-a-region"),
        pytest.param("county", "Deputies shot a man in Cuyahoga County, Ohio.",
         "Deputies shot a man in Cuyahoga County, Ohio.", "shot", "Cuyahoga County", 2, id="county"),
    ],
)
def test_event_location(geoparser: Geoparser, case_id: str, text: str, sentence: str,
                        trigger: str | None, expected_text: str, precision: int) -> None:
    location = _locate(geoparser, text, sentence, trigger)
    assert location is not None, case_id
    assert location["text"] == expected_text
    assert text[location["start"]:location["end"]] == expected_text
    assert location["precision"] == precision
    assert set(location) == {"text", "start", "end", "geonameid", "name", "lat", "lon",
                             "country", "admin1", "admin2", "precision", "basis"}
    assert location["basis"] == "sentence"


def test_no_place_in_sentence_gives_none(geoparser: Geoparser) -> None:
    text = "Officials met in Niamey. The minister resigned."
    places = geoparser.parse_text(text)
    start = text.index("The minister")
    assert event_location(places, start, len(text)) is None


def test_accepts_place_dicts() -> None:
    places = [{"text": "Gao", "start": 10, "end": 13, "geonameid": 1, "name": "Gao", "lat": 16.3,
               "lon": -0.04, "country": "ML", "admin1": "Gao", "admin2": "",
               "feature_code": "PPLA", "cue": "near"}]
    assert event_location(places, 0, 30)["precision"] == 2


def test_article_country_is_the_country_named_most() -> None:
    from harmattan.geo import Geoparser, article_country

    text = ("Gunmen attacked a village near Djibo. Burkina Faso's army said it had repelled them. "
            "Mali closed its border. Burkinabe officials gave no toll.")
    places = Geoparser().initialize().parse_text(text)
    location = article_country(places)
    assert location is not None
    assert (location["country"], location["text"], location["precision"], location["basis"]) == \
        ("BF", "Burkina Faso", 3, "article")
    assert text[location["start"]:location["end"]] == "Burkina Faso"
    assert article_country([]) is None
