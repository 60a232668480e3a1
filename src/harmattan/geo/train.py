"""Train the toponym scorer on GeoWebNews and GeoVirus, cross-validated, and ship it.

One command, fixed seeds, from the corpora to ``resources/geo/toponym_scorer.json``::

    python -m harmattan.geo.train            # needs scikit-learn (the ``train`` extra)

Steps:

1. read the gold corpora (``../shared/data/geo/*.jsonl``: ``{"id", "text", "toponyms":
   [{"start", "end", ...}]}``); they are development data and are never shipped — only the
   trees learned from them are;
2. split the articles into ``FOLDS`` folds, by article and stratified by corpus; the split is
   written to ``resources/geo/cv_split.tsv`` the first time and read from it afterwards;
3. every capitalised gazetteer match of every article is a candidate
   (``toponyms.find_candidates``); it is a positive when it overlaps a gold toponym.
   Demonyms are left out (the corpora do not annotate adjectives, see ``scorer.py``);
4. for each fold, fit on the other folds and geoparse the fold's articles with that model:
   the out-of-fold figures per corpus (printed and written into the model file);
5. fit on everything and export the trees as JSON; the fold models go to
   ``benchmarks/geo/scorer_folds.json.gz`` so that ``tests/geo/test_accuracy_geo.py`` checks the
   out-of-fold figures without scikit-learn;
6. the same again with spaCy's entity recogniser run over each article: its entities add
   features (``scorer.NER_FEATURES``) and candidates, and the model that reads them goes to
   ``resources/geo/toponym_scorer_ner.json`` (its folds to ``scorer_folds_ner.json.gz``).

The corpora are the only data: there is no held-out part here, so every figure this prints is
out-of-fold; the held-out evaluation is on corpora this command never sees.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from harmattan.geo.evaluate import GeoReport, evaluate_geo, load_geo_gold
from harmattan.geo.parser import Geoparser, _recognise
from harmattan.geo.scorer import (FEATURES, HARD_RULES, NER_FEATURES, SCORER_NER_PATH,
                                  SCORER_PATH, ToponymScorer, feature_matrix)
from harmattan.geo.toponyms import find_candidates

REPO = Path(__file__).resolve().parents[3]
DATA = REPO.parent / "shared" / "data" / "geo"
CORPORA = {"geowebnews": DATA / "geowebnews.jsonl", "geovirus": DATA / "geovirus.jsonl"}
SPLIT_PATH = SCORER_PATH.parent / "cv_split.tsv"
#: The model of each fold (trained without it), for the out-of-fold floors in tests/geo.
FOLD_MODELS_PATH = REPO / "benchmarks" / "geo" / "scorer_folds.json.gz"
FOLD_MODELS_NER_PATH = REPO / "benchmarks" / "geo" / "scorer_folds_ner.json.gz"
FOLDS = 5
SEED = 13
#: Boosted trees: small enough to read in a JSON file, enough to combine a few cues.
PARAMS: dict[str, Any] = {"n_estimators": 150, "max_depth": 3, "learning_rate": 0.1,
                          "subsample": 0.8, "min_samples_leaf": 5, "random_state": SEED}
#: Chosen on the pooled out-of-fold predictions (0.35-0.5 tried): recall first, precision
#: held near 0.90 on both corpora (docs/geo.md).
THRESHOLD = 0.4


def load_corpora(corpora: dict[str, Path]) -> list[dict[str, Any]]:
    records = []
    for name, path in corpora.items():
        for record in load_geo_gold(path):
            records.append({**record, "corpus": name})
    return records


def read_or_write_split(records: list[dict[str, Any]], path: Path = SPLIT_PATH) -> dict[str, int]:
    """article id → fold, from ``path``; written there (seeded, stratified) when missing."""
    if path.is_file():
        split = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                rid, fold = line.split("\t")
                split[rid] = int(fold)
        missing = [r["id"] for r in records if r["id"] not in split]
        if missing:
            raise SystemExit(f"{path} has no fold for {len(missing)} articles (e.g. {missing[0]}): "
                             f"delete it to write a new split")
        return split
    split = {}
    rng = random.Random(SEED)
    for corpus in sorted({r["corpus"] for r in records}):
        ids = sorted(r["id"] for r in records if r["corpus"] == corpus)
        rng.shuffle(ids)
        for k, rid in enumerate(ids):
            split[rid] = k % FOLDS
    lines = [f"# article id -> cross-validation fold ({FOLDS} folds, seed {SEED}, stratified "
             f"by corpus); written by python -m harmattan.geo.train"]
    lines += [f"{rid}\t{split[rid]}" for rid in sorted(split)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return split


def candidate_table(records: list[dict[str, Any]], geoparser: Geoparser,
                    entities: dict[str, list[tuple[int, int, str]]] | None = None,
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and the index of the record of every non-demonym candidate
    (with the recogniser's features and candidates when ``entities`` are given, by text)."""
    rows, labels, owners = [], [], []
    features = FEATURES if entities is None else FEATURES + NER_FEATURES
    for k, record in enumerate(records):
        golds = [(int(g["start"]), int(g["end"])) for g in record["toponyms"]]
        found = find_candidates(record["text"], geoparser.gazetteer_,
                                None if entities is None else entities[record["text"]])
        mentions = [m for m in found if not m.demonym and m.rule_drop not in HARD_RULES]
        if not mentions:
            continue
        rows.append(feature_matrix(mentions, features))
        labels += [int(any(m.start < e and s < m.end for s, e in golds)) for m in mentions]
        owners += [k] * len(mentions)
    return np.vstack(rows), np.array(labels), np.array(owners)


def fit(x: np.ndarray, y: np.ndarray, threshold: float = THRESHOLD,
        features: tuple[str, ...] = FEATURES) -> dict[str, Any]:
    """Fit the boosted trees and return them as the JSON-able dict ``ToponymScorer`` loads."""
    from sklearn.ensemble import GradientBoostingClassifier

    model = GradientBoostingClassifier(**PARAMS).fit(x, y)
    trees = []
    for estimator in model.estimators_[:, 0]:
        tree = estimator.tree_
        trees.append({
            "feature": [int(f) if f >= 0 else 0 for f in tree.feature],
            "threshold": [float(t) for t in tree.threshold],
            "left": [int(c) for c in tree.children_left],
            "right": [int(c) for c in tree.children_right],
            "value": [round(float(v), 6) for v in tree.value[:, 0, 0]],
        })
    bias = float(model._raw_predict_init(x[:1])[0, 0])
    exported = {"features": list(features), "threshold": threshold, "bias": bias,
                "learning_rate": PARAMS["learning_rate"], "max_depth": PARAMS["max_depth"],
                "trees": trees}
    # The exported trees must give sklearn's own probabilities.
    ours = ToponymScorer().load(exported).predict(x[:200])
    assert np.allclose(ours, model.predict_proba(x[:200])[:, 1], atol=1e-4), "export mismatch"
    return exported


def cross_validate(records: list[dict[str, Any]], split: dict[str, int], geoparser: Geoparser,
                   x: np.ndarray, y: np.ndarray, owners: np.ndarray,
                   errors: list[dict[str, Any]] | None = None, threshold: float = THRESHOLD,
                   folds_path: Path = FOLD_MODELS_PATH,
                   entities: dict[str, list[tuple[int, int, str]]] | None = None,
                   ) -> dict[str, dict[str, dict[str, Any]]]:
    """Out-of-fold figures per corpus, with and without counting unannotated demonyms.

    ``errors``, when given, receives the out-of-fold misses and mistakes (demonyms ignored).
    ``entities`` (by text): the recogniser's, for the model that reads them.
    """
    features = FEATURES if entities is None else FEATURES + NER_FEATURES
    fold_of_row = np.array([split[records[k]["id"]] for k in owners])
    reports: dict[str, dict[str, GeoReport]] = {}
    fold_models = []
    for fold in range(FOLDS):
        fold_models.append(fit(x[fold_of_row != fold], y[fold_of_row != fold], threshold,
                               features))
        model = ToponymScorer().load(fold_models[-1])
        parser = fold_parser(geoparser, model, entities)
        held = [r for r in records if split[r["id"]] == fold]
        for corpus in sorted({r["corpus"] for r in held}):
            part = [r for r in held if r["corpus"] == corpus]
            for mode, ignore in (("all", False), ("demonyms_ignored", True)):
                report = evaluate_geo(part, parser, ignore_demonyms=ignore)
                if ignore and errors is not None:
                    errors.extend({**e, "corpus": corpus} for e in report.errors)
                total = reports.setdefault(corpus, {}).setdefault(mode, GeoReport())
                for field in ("records", "gold", "predicted", "predicted_matched", "found",
                              "accurate", "within_161km"):
                    setattr(total, field, getattr(total, field) + getattr(report, field))
    # The fold models let the tests recompute these figures without scikit-learn.
    # mtime 0: the same models give the same bytes.
    with open(folds_path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                       filename="", compresslevel=9) as handle:
        handle.write(json.dumps({"folds": fold_models}, separators=(",", ":")).encode("utf-8"))
    return {corpus: {mode: r.to_dict() for mode, r in modes.items()}
            for corpus, modes in reports.items()}


def fold_parser(geoparser: Geoparser, model: ToponymScorer,
                entities: dict[str, list[tuple[int, int, str]]] | None = None) -> Geoparser:
    """A geoparser sharing ``geoparser``'s gazetteer that scores with ``model``; with
    ``entities`` (by text) it reads the recogniser's entities from there instead of running it."""
    parser = Geoparser(scorer=model, ner=entities is not None, ner_scorer=model)
    parser.gazetteer_, parser.scorer_, parser.ner_scorer_ = geoparser.gazetteer_, model, model
    if entities is not None:
        parser.recognise_ = lambda texts: [entities[t] for t in texts]
    return parser


def recognise_corpora(records: list[dict[str, Any]]) -> dict[str, list[tuple[int, int, str]]]:
    """The recogniser's entities of each article, by text (a minute or so on two cores)."""
    texts = [r["text"] for r in records]
    return dict(zip(texts, _recognise(texts)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m harmattan.geo.train", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=SCORER_PATH)
    parser.add_argument("--output-ner", type=Path, default=SCORER_NER_PATH)
    parser.add_argument("--split", type=Path, default=SPLIT_PATH)
    parser.add_argument("--folds", type=Path, default=FOLD_MODELS_PATH,
                        help="where to write the fold models (for the out-of-fold tests)")
    parser.add_argument("--folds-ner", type=Path, default=FOLD_MODELS_NER_PATH)
    parser.add_argument("--no-cv", action="store_true", help="skip the out-of-fold figures")
    parser.add_argument("--no-ner", action="store_true",
                        help="train only the model that does not read the entity recogniser")
    parser.add_argument("--threshold", type=float, default=THRESHOLD,
                        help=f"probability from which a candidate is a place (default {THRESHOLD})")
    parser.add_argument("--errors", type=Path, default=None,
                        help="write the out-of-fold misses and mistakes here (JSONL; with the "
                             "recogniser's model, NAME.ner.jsonl beside it)")
    args = parser.parse_args(argv)

    records = load_corpora(CORPORA)
    split = read_or_write_split(records, args.split)
    geoparser = Geoparser(scorer=None).initialize()
    runs = [("without the recogniser", None, args.output, args.folds, args.errors)]
    if not args.no_ner:
        errors_ner = None if args.errors is None else args.errors.with_suffix(".ner.jsonl")
        runs.append(("with the recogniser", recognise_corpora(records), args.output_ner,
                     args.folds_ner, errors_ner))
    for title, entities, output, folds_path, errors_path in runs:
        x, y, owners = candidate_table(records, geoparser, entities)
        print(f"{title}: {len(records)} articles, {len(y)} candidates, {int(y.sum())} positive",
              file=sys.stderr)
        errors: list[dict[str, Any]] = []
        figures = {} if args.no_cv else cross_validate(
            records, split, geoparser, x, y, owners, errors, args.threshold, folds_path, entities)
        if errors_path is not None:
            errors_path.write_text(
                "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors),
                encoding="utf-8")
        for corpus, modes in figures.items():
            for mode, d in modes.items():
                print(f"{title:22} {corpus:11} {mode:17} P {d['precision']:.3f}  "
                      f"R {d['recall']:.3f}  acc@161 {d['accuracy_161km']:.3f} "
                      f"(by distance alone {d['within_161km'] / max(d['found'], 1):.3f})  "
                      f"({d['found']}/{d['gold_toponyms']} found)")
        features = FEATURES if entities is None else FEATURES + NER_FEATURES
        model = fit(x, y, args.threshold, features)
        model["provenance"] = {
            "command": "python -m harmattan.geo.train",
            "data": {name: f"../shared/data/geo/{path.name}" for name, path in CORPORA.items()},
            "entity_recogniser": None if entities is None else "en_core_web_sm 3.8.0 (ner pipe)",
            "articles": len(records), "candidates": int(len(y)), "positives": int(y.sum()),
            "folds": FOLDS, "seed": SEED, "params": PARAMS, "out_of_fold": figures,
        }
        output.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
