"""The toponym scorer read without scikit-learn: trees as arrays, the feature contract, the
rule that still decides alone."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from harmattan.errors import ResourceError
from harmattan.geo import Geoparser
from harmattan.geo.scorer import FEATURES, ToponymScorer, feature_matrix
from harmattan.geo.toponyms import find_candidates, find_mentions


def _stump(feature: str, threshold: float, left: float, right: float) -> dict:
    return {"feature": [FEATURES.index(feature), 0, 0], "threshold": [threshold, 0.0, 0.0],
            "left": [1, -1, -1], "right": [2, -1, -1], "value": [0.0, left, right]}


def _model(**changes: object) -> dict:
    model = {"features": list(FEATURES), "threshold": 0.5, "bias": 0.0, "learning_rate": 1.0,
             "max_depth": 1, "trees": [_stump("cue", 0.5, -2.0, 2.0),
                                       _stump("single", 0.5, 1.0, 0.0)]}
    model.update(changes)
    return model


def test_trees_are_walked_like_scikit_learn() -> None:
    scorer = ToponymScorer().load(_model())
    x = np.zeros((3, len(FEATURES)))
    x[1, FEATURES.index("cue")] = 1.0
    x[2, FEATURES.index("cue")] = 1.0
    x[2, FEATURES.index("single")] = 1.0
    expected = [1 / (1 + math.exp(-raw)) for raw in (-2.0 + 1.0, 2.0 + 1.0, 2.0 + 0.0)]
    assert np.allclose(scorer.predict(x), expected)
    assert scorer.predict(np.zeros((0, len(FEATURES)))).shape == (0,)


def test_a_model_of_other_features_is_refused() -> None:
    with pytest.raises(ResourceError, match="other features"):
        ToponymScorer().load(_model(features=list(FEATURES[:-1])))


def test_unreadable_model_names_the_fix(tmp_path) -> None:
    path = tmp_path / "scorer.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ResourceError, match="harmattan.geo.train"):
        ToponymScorer(path).initialize()


def test_shipped_scorer_loads_and_names_every_feature() -> None:
    scorer = ToponymScorer().initialize()
    assert scorer.threshold_ == 0.4 and scorer.feature_.shape[0] == 150
    assert int(scorer.feature_.max()) < len(FEATURES)


def test_every_candidate_has_only_known_features(geoparser: Geoparser) -> None:
    text = "ATLANTA - Mr Chad met Gov. Kemp in Fargo-Moorhead and Savannah, Ga., with Malians."
    mentions = find_candidates(text, geoparser.gazetteer_)
    assert mentions and all(set(m.features) <= set(FEATURES) for m in mentions)
    assert feature_matrix(mentions).shape == (len(mentions), len(FEATURES))


def test_a_title_before_the_name_still_drops_it(geoparser: Geoparser) -> None:
    mentions = find_mentions("President Jordan spoke in Amman.", geoparser.gazetteer_,
                             geoparser.scorer_)
    assert [m.text for m in mentions] == ["Amman"]


def test_without_a_scorer_the_hand_rules_decide(geoparser: Geoparser) -> None:
    rules = Geoparser(scorer=None)
    rules.gazetteer_, rules.scorer_ = geoparser.gazetteer_, None
    # The old person-name rule: "Oakland" is dropped once "Oakland Smith" names a person.
    text = "Oakland Smith spoke. Later, in Oakland, police met."
    assert "Oakland" not in [p.text for p in rules.parse_text(text)]
    assert "Oakland" in [p.text for p in geoparser.parse_text(text)]
    assert json.dumps([p.to_dict() for p in rules.parse_text("Fighting in Mopti.")])
