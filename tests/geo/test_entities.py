"""The entity recogniser as a second source of candidates (docs/geo.md, "Candidates")."""

from __future__ import annotations

import pytest

from harmattan.geo import Geoparser
from harmattan.geo.scorer import FEATURES, NER_FEATURES, SCORER_NER_PATH, ToponymScorer
from harmattan.geo.toponyms import find_candidates
from harmattan.schema import Article

TEXT = "Police in Lamar said the fire reached Royal Street before dawn."


def test_entity_features_mark_agreement_and_label(geoparser: Geoparser) -> None:
    entities = [(10, 15, "GPE"), (38, 50, "FAC")]
    mentions = find_candidates(TEXT, geoparser.gazetteer_, entities)
    lamar = next(m for m in mentions if m.text == "Lamar")
    assert lamar.ner and not lamar.ner_only
    assert lamar.features["ner_gpe"] == 1.0 and lamar.features["ner_exact"] == 1.0
    street = next(m for m in mentions if m.text == "Royal Street")
    assert street.ner_only and street.candidates == []
    assert street.features["ner_fac"] == 1.0 and street.features["ner_unresolved"] == 1.0


def test_without_entities_nothing_changes(geoparser: Geoparser) -> None:
    plain = find_candidates(TEXT, geoparser.gazetteer_)
    assert all(not m.ner and not m.ner_only for m in plain)
    assert all(not any(k.startswith("ner_") for k in m.features) for m in plain)


def test_entities_outside_the_ranges_read_are_ignored(geoparser: Geoparser) -> None:
    mentions = find_candidates(TEXT, geoparser.gazetteer_, [(38, 50, "FAC")],
                               ner_ranges=[(0, 20)])
    assert not any(m.text == "Royal Street" for m in mentions)


def test_unknown_place_is_put_at_the_article_town(geoparser: Geoparser) -> None:
    text = ("Flooding closed Royal Street in New Orleans on Monday. "
            "New Orleans officials said the water fell overnight.")
    start = text.index("Royal Street")
    ner = Geoparser(ner=False).initialize()
    places = ner.parse(Article(id="x", text=text),
                       entities=[(start, start + 12, "FAC"), (32, 43, "GPE")])
    by_text = {p.text: p for p in places}
    assert by_text["New Orleans"].admin1 == "Louisiana"
    street = by_text.get("Royal Street")
    if street is not None:  # the scorer decides; when kept, it lies at New Orleans
        assert street.approximate and street.geonameid is None
        assert (street.lat, street.lon) == (by_text["New Orleans"].lat, by_text["New Orleans"].lon)


def test_shipped_entity_scorer_reads_the_entity_features() -> None:
    scorer = ToponymScorer(SCORER_NER_PATH).initialize()
    assert scorer.features_ == FEATURES + NER_FEATURES and scorer.reads_entities_


@pytest.mark.models
def test_geoparser_runs_the_recogniser_when_asked() -> None:
    text = "Storms hit Paris, Texas, and flooded the Red River valley."
    places = Geoparser(ner=True).initialize().parse(Article(id="x", text=text))
    paris = next(p for p in places if p.text == "Paris")
    assert (paris.country, paris.admin1) == ("US", "Texas")
