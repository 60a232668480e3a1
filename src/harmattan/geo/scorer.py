"""The learned toponym scorer: is this capitalised gazetteer match a place?

A small ensemble of gradient-boosted decision trees (``harmattan.geo.train`` fits it with
scikit-learn and exports it) reads the features ``toponyms.find_candidates`` gives each span —
the words around it, what the gazetteer says of the name, the article's other places, and
what the old hand rules would have done — and returns the probability that the span is a
toponym.  The trees are stored as plain arrays in ``resources/geo/toponym_scorer.json`` and
evaluated here with numpy: neither scikit-learn nor any model runtime is needed to geoparse.

Demonyms ("Malian", "Palestinians") are not scored: the corpora the model learns from leave
adjectival uses out, so the model could only learn to drop them.  They are kept or dropped by
the rules (``Mention.rule_drop``).

Example::

    scorer = ToponymScorer().initialize()
    scorer.score(mentions)          # sets mention.probability
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from harmattan.errors import ResourceError
from harmattan.geo.toponyms import Mention

SCORER_PATH = Path(__file__).resolve().parent.parent / "resources" / "geo" / "toponym_scorer.json"

#: The features, in the order the trees index them (``Mention.features`` keys).
FEATURES = (
    "n_words", "single", "all_caps", "dateline", "initial", "stop_word", "lower_elsewhere",
    "titled", "possessive", "speaks", "in_parentheses", "hyphen_before", "hyphen_after",
    "length", "nickname", "after_the", "cue", "cue_in", "place_noun_after", "qualifier",
    "state_after", "next_glued", "next_org_head", "prev_glued", "prev_article", "prev_stop",
    "person", "big", "needs_context", "rule_keep", "best_country", "best_admin1",
    "best_continent", "best_admin2", "best_area", "has_town", "other_kind", "user_place",
    "ambiguous_country", "alias_only", "log_population", "capital", "n_candidates",
    "n_countries", "country_named", "repeats", "kept_elsewhere", "article_places",
    "qualifier_matches", "coordinated",
)

#: The entity recogniser's features (``toponyms._entity_candidates``), read by the model
#: trained with them (``SCORER_NER_PATH``) after ``FEATURES``: the label of the entity that
#: overlaps the span most, whether the two spans agree, whether only the recogniser proposed
#: the span, and whether the gazetteer knows it.
NER_FEATURES = (
    "ner_gpe", "ner_loc", "ner_fac", "ner_norp", "ner_person", "ner_org", "ner_other",
    "ner_none", "ner_exact", "ner_inside", "ner_only", "ner_unresolved",
)
SCORER_NER_PATH = SCORER_PATH.with_name("toponym_scorer_ner.json")

#: Hand rules that decide alone (``Mention.rule_drop`` values).
HARD_RULES = frozenset({"title before"})


def feature_matrix(mentions: list[Mention],
                   features: tuple[str, ...] = FEATURES) -> np.ndarray:
    """One row per mention, one column per feature name (0 where a feature is absent)."""
    return np.array([[m.features.get(name, 0.0) for name in features] for m in mentions],
                    dtype=np.float64).reshape(len(mentions), len(features))


class ToponymScorer:
    """Boosted trees over ``FEATURES``, loaded from the JSON ``harmattan.geo.train`` writes.

    Args:
        path: the exported model (default: the shipped one; ``SCORER_NER_PATH`` is the one
            that also reads the entity recogniser).
    """

    def __init__(self, path: str | Path = SCORER_PATH) -> None:
        self.path = path

    def initialize(self) -> ToponymScorer:
        path = Path(self.path)
        try:
            model = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ResourceError(
                f"cannot read the toponym scorer {path}: {exc}",
                fix="reinstall harmattan, or retrain it: python -m harmattan.geo.train") from None
        return self.load(model)

    def load(self, model: dict[str, Any]) -> ToponymScorer:
        if tuple(model["features"]) not in (FEATURES, FEATURES + NER_FEATURES):
            raise ResourceError("the toponym scorer was trained on other features",
                                fix="retrain it: python -m harmattan.geo.train")
        self.features_ = tuple(model["features"])
        self.reads_entities_ = self.features_ != FEATURES
        self.threshold_ = float(model["threshold"])
        self.bias_ = float(model["bias"])
        self.rate_ = float(model["learning_rate"])
        trees = model["trees"]
        width = max(len(t["feature"]) for t in trees)

        def pad(key: str, fill: float) -> np.ndarray:
            return np.array([t[key] + [fill] * (width - len(t[key])) for t in trees])

        self.feature_ = pad("feature", 0).astype(np.int64)
        self.threshold_values_ = pad("threshold", 0.0).astype(np.float64)
        self.value_ = pad("value", 0.0).astype(np.float64)
        left, right = pad("left", -1).astype(np.int64), pad("right", -1).astype(np.int64)
        # A leaf points to itself, so every row can walk the same number of steps.
        nodes = np.arange(width)[None, :].repeat(len(trees), axis=0)
        self.left_ = np.where(left < 0, nodes, left)
        self.right_ = np.where(right < 0, nodes, right)
        self.depth_ = int(model["max_depth"])
        return self

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The probability of each row of a ``feature_matrix``."""
        if len(x) == 0:
            return np.zeros(0)
        # The trees were grown on float32 features (scikit-learn's): compare as they did.
        x = x.astype(np.float32).astype(np.float64)
        n_trees = self.feature_.shape[0]
        rows = np.arange(len(x))[:, None]
        trees = np.arange(n_trees)[None, :]
        node = np.zeros((len(x), n_trees), dtype=np.int64)
        for _ in range(self.depth_):
            feature = self.feature_[trees, node]
            go_left = x[rows, feature] <= self.threshold_values_[trees, node]
            node = np.where(go_left, self.left_[trees, node], self.right_[trees, node])
        raw = self.bias_ + self.rate_ * self.value_[trees, node].sum(axis=1)
        return 1.0 / (1.0 + np.exp(-raw))

    def score(self, mentions: list[Mention]) -> None:
        """Set ``probability`` on each mention (demonyms: 1 unless a rule drops them).

        The one hand rule precise enough to stand on its own — a title before the name ("Mr
        Chad", "President Jordan"; 165 of 167 wrong on the training corpora) — still drops.
        """
        scored = [m for m in mentions if not m.demonym and m.rule_drop not in HARD_RULES]
        for m in mentions:
            if m.demonym or m.rule_drop in HARD_RULES:
                m.probability = 0.0 if m.rule_drop else 1.0
        if scored:
            for m, p in zip(scored, self.predict(feature_matrix(scored, self.features_))):
                m.probability = round(float(p), 4)
