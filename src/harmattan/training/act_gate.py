"""Train the act gate (``events/gate.py``) on the act annotations of real news.

    harmattan train gate            # writes resources/models/act-gate/{weights,metrics}.json

Data: ``annotations/acts/labels.jsonl`` (stand-off labels of every sentence of real articles
in ``../shared/data``), split by article in ``annotations/acts/split.json``.  Only the
``train`` articles are used to fit and to choose anything (the regularisation and the
threshold, by 5-fold cross-validation grouped by article); the ``heldout`` articles are scored
once, at the end, and nothing is chosen on them.

Method: a multinomial logistic regression (scikit-learn, lbfgs, fixed seed) over the gate's
input (hand features, quad probabilities, the sentence model's vector), standardised.  Its
weights are written as JSON, so that the runtime needs numpy only.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from harmattan.events.gate import (
    FEATURES,
    GATE_CLASSES,
    GATE_DIR,
    TYPE_FEATURES,
    add_type_head,
    pattern_is_specific,
)
from harmattan.schema import PLOVER_EVENTS
from harmattan.schema import Article
from harmattan.training.annotations import load_labels, read_records

ROOT = Path(__file__).resolve().parents[3]
ACTS_DIR = ROOT / "annotations" / "acts"
SAHEL_CASES = ROOT / "tests" / "events" / "golden" / "sahel.jsonl"
CORPUS_OF = {"ic-": "news/insightcrime-train.jsonl", "gwn-": "geo/geowebnews.jsonl",
             "gv-": "geo/geovirus.jsonl", "bbcfr-": "news/bbc-afrique-fr-dev.jsonl"}
KIND_CLASS = {"act": 0, "background": 1}
#: The gate keeps a sentence when P(act) + P(background) reaches the threshold; it is chosen
#: on out-of-fold predictions as the lowest one whose precision on act sentences reaches this.
TARGET_PRECISION = 0.85


def shared_data_dir() -> Path:
    return Path(os.environ.get("HARMATTAN_SHARED_DATA", ROOT.parent / "shared" / "data"))


def load_act_labels(data_dir: Path, labels: Path | None = None) -> list[dict[str, Any]]:
    return load_labels(labels or ACTS_DIR / "labels.jsonl", data_dir, CORPUS_OF)


def load_act_texts(labels_path: Path, part: str = "heldout", data_dir: Path | None = None,
                   split_path: Path | None = None) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The labels of the articles of ``part`` (heldout, train or all) and those articles' text."""
    data_dir = data_dir or shared_data_dir()
    labels = load_act_labels(data_dir, labels_path)
    if part != "all":
        heldout = load_split(split_path or labels_path.parent / "split.json")["heldout"]
        labels = [r for r in labels if (r["record_id"] in heldout) == (part == "heldout")]
    texts: dict[str, str] = {}
    for prefix, corpus in CORPUS_OF.items():
        ids = {r["record_id"] for r in labels if r["record_id"].startswith(prefix)}
        if ids:
            records = read_records(data_dir, corpus)
            texts.update({i: records[i]["text"] for i in ids})
    return labels, texts


def load_split(path: Path | None = None) -> dict[str, set[str]]:
    data = json.loads((path or ACTS_DIR / "split.json").read_text(encoding="utf-8"))
    return {part: set(ids) for part, ids in data.items() if isinstance(ids, list)}


def record_vectors(texts: dict[str, str], coder: Any, dates: dict[str, Any] | None = None) -> Any:
    """Code the articles with a :class:`RecordingGate`, which keeps everything and records the
    gate's and the type head's input for every sentence that reaches them — exactly the
    sentences, and the events, that the heads will see in the coder."""
    from harmattan.events.gate import RecordingGate

    coder.gate = RecordingGate().initialize()
    articles = [Article(id=r, text=texts[r], date=(dates or {}).get(r)) for r in sorted(texts)]
    for start in range(0, len(articles), 16):
        coder.code(articles[start:start + 16])
    return coder.gate


def sentence_vectors(labels: list[dict[str, Any]], recorded: dict[tuple[str, int, int], Any]
                     ) -> tuple[list[Any], list[dict[str, Any]]]:
    """The recorded input of each labelled sentence that reached the head, with its label."""
    rows, vectors = [], []
    for label in labels:
        vector = recorded.get((label["record_id"], label["start"], label["end"]))
        if vector is not None:
            rows.append(label)
            vectors.append(vector)
    return vectors, rows


def targets(rows: list[dict[str, Any]]) -> np.ndarray:
    return np.asarray([KIND_CLASS.get(r["kind"], 2) for r in rows], dtype=np.int64)


def _fit(x: np.ndarray, y: np.ndarray, c: float, seed: int, weight: np.ndarray | None = None):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 1e-9, scaler.scale_, 1.0)
    model = LogisticRegression(C=c, max_iter=3000, random_state=seed, class_weight="balanced")
    model.fit((x - scaler.mean_) / scale, y, sample_weight=weight)
    # A class absent from the training data (background can be, in a small fold) keeps a very
    # low logit; a two-class fit gives one row, the logit of its second class against the first.
    coef = np.zeros((len(GATE_CLASSES), x.shape[1]))
    intercept = np.full(len(GATE_CLASSES), -30.0)
    if len(model.classes_) == 2:
        first, second = model.classes_
        intercept[first] = 0.0
        coef[second], intercept[second] = model.coef_[0], model.intercept_[0]
    else:
        for row, cls in enumerate(model.classes_):
            coef[cls], intercept[cls] = model.coef_[row], model.intercept_[row]
    return scaler.mean_, scale, coef, intercept


def _predict(params, x: np.ndarray) -> np.ndarray:
    mean, scale, coef, intercept = params
    logits = ((x - mean) / scale) @ coef.T + intercept
    logits -= logits.max(axis=1, keepdims=True)
    probs = np.exp(logits)
    return probs / probs.sum(axis=1, keepdims=True)


def _folds(groups: list[str], k: int, seed: int) -> list[np.ndarray]:
    names = sorted(set(groups))
    rng = np.random.default_rng(seed)
    rng.shuffle(names)
    fold_of = {name: i % k for i, name in enumerate(names)}
    assignment = np.asarray([fold_of[g] for g in groups])
    return [np.flatnonzero(assignment == f) for f in range(k)]


def sentence_scores(y: np.ndarray, keep: np.ndarray) -> dict[str, float]:
    """Precision / recall of the kept sentences against act-or-background sentences."""
    positive = y < 2
    tp = int((keep & positive).sum())
    precision = tp / max(1, int(keep.sum()))
    recall = tp / max(1, int(positive.sum()))
    return {"precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / max(1e-9, precision + recall), 4),
            "kept": int(keep.sum()), "act_sentences": int(positive.sum()), "sentences": len(y)}


def choose_threshold(p_keep: np.ndarray, y: np.ndarray, target: float = TARGET_PRECISION) -> float:
    """The lowest threshold whose precision reaches ``target`` (else the best-F1 one)."""
    best, best_f1 = 0.5, -1.0
    for threshold in np.arange(0.2, 0.96, 0.01):
        scores = sentence_scores(y, p_keep >= threshold)
        if scores["precision"] >= target:
            return round(float(threshold), 2)
        if scores["f1"] > best_f1:
            best, best_f1 = float(threshold), scores["f1"]
    return round(best, 2)


def _head(params: tuple, classes: list[str]) -> dict[str, Any]:
    mean, scale, coef, intercept = params
    return {"classes": classes, "mean": mean.round(6).tolist(), "scale": scale.round(6).tolist(),
            "coef": coef.round(6).tolist(), "intercept": intercept.round(6).tolist()}


def _fit_types(x: np.ndarray, y: np.ndarray, c: float, seed: int) -> tuple:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 1e-9, scaler.scale_, 1.0)
    model = LogisticRegression(C=c, max_iter=3000, random_state=seed)
    model.fit((x - scaler.mean_) / scale, y)
    coef = np.zeros((len(PLOVER_EVENTS), x.shape[1]))
    intercept = np.full(len(PLOVER_EVENTS), -30.0)
    for row, cls in enumerate(model.classes_):
        coef[cls], intercept[cls] = model.coef_[row], model.intercept_[row]
    return scaler.mean_, scale, coef, intercept


def _main_type(vector: np.ndarray, joint: dict[str, float], head: np.ndarray | None,
               weight: float) -> str:
    """The main act's type ``choose_acts`` gives with the head's probabilities added."""
    from harmattan.events.coder import CoderSettings, choose_acts

    n = len(PLOVER_EVENTS)
    main = [e for i, e in enumerate(PLOVER_EVENTS) if vector[n + i] > 0]

    class _Pattern:  # what choose_acts reads of the main verb pattern
        specificity = int(vector[2 * n] > 0)
        decisive = bool(vector[2 * n + 1] > 0)
        trigger_i = -1
        negated = False

    scores = (add_type_head(joint, head, weight, pattern_is_specific(vector))
              if head is not None and weight else dict(joint))
    pattern = (main[0], _Pattern()) if main else None
    return choose_acts(scores, pattern, [], CoderSettings(), lock_from=joint)[0][0]


Clean = list[tuple[tuple[np.ndarray, dict[str, float]], set[str]]]


def train_type_head(x: np.ndarray, joints: list[dict[str, float]], golds: list[set[str]],
                    y: np.ndarray, groups: list[str], seed: int, plover: Clean, sahel: Clean
                    ) -> dict[str, Any]:
    """Fit the type head and choose its weight against the coder's own scores.

    The choice maximises the mean of three accuracies of the main act's type: on the annotated
    news, by 5-fold cross-validation grouped by article; on the PLOVER gold records; and on the
    hand-written Sahel cases (the head sees neither), so that the head helps on real news
    without undoing clean reports."""
    folds = _folds(groups, 5, seed)

    def clean_accuracy(rows: Clean, params: tuple | None, weight: float) -> float:
        hits = [_main_type(v, j, _predict(params, v[None, :])[0] if params else None, weight) in g
                for (v, j), g in rows]
        return float(np.mean(hits)) if hits else 0.0

    base = float(np.mean([_main_type(v, j, None, 0.0) in g for v, j, g in zip(x, joints, golds)]))
    base_clean = (clean_accuracy(plover, None, 0.0), clean_accuracy(sahel, None, 0.0))
    report: dict[str, Any] = {"sentences": len(y), "coder_alone": round(base, 4),
                              "plover_coder_alone": round(base_clean[0], 4),
                              "sahel_coder_alone": round(base_clean[1], 4)}
    best = ((base + sum(base_clean)) / 3, 0.0, 0.01, base, *base_clean)
    for c in (0.01, 0.1):
        oof = np.zeros((len(y), len(PLOVER_EVENTS)))
        for fold in folds:
            mask = np.ones(len(y), dtype=bool)
            mask[fold] = False
            oof[fold] = _predict(_fit_types(x[mask], y[mask], c, seed), x[fold])
        full = _fit_types(x, y, c, seed)
        for weight in (1.0, 2.0, 4.0, 8.0, 16.0):
            accuracy = float(np.mean([_main_type(v, j, h, weight) in g
                                      for v, j, h, g in zip(x, joints, oof, golds)]))
            on_plover = clean_accuracy(plover, full, weight)
            on_sahel = clean_accuracy(sahel, full, weight)
            report[f"C={c} weight={weight}"] = {"news_cv": round(accuracy, 4),
                                                "plover": round(on_plover, 4),
                                                "sahel": round(on_sahel, 4)}
            if (accuracy + on_plover + on_sahel) / 3 > best[0] + 1e-9:
                best = ((accuracy + on_plover + on_sahel) / 3, weight, c, accuracy, on_plover,
                        on_sahel)
    report["chosen"] = {"news_cv": round(best[3], 4), "plover": round(best[4], 4),
                        "sahel": round(best[5], 4), "weight": best[1], "C": best[2]}
    return report


#: Weight of a CAMEO quad sentence (all report an event) against an annotated sentence.
QUAD_WEIGHT = 0.3


def clean_event_sentences(data_dir: Path) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """The CAMEO quad sentences (each reports an event) and the PLOVER gold records."""
    from harmattan.evaluation import load_gold

    quad = {r["id"]: r["text"] for r in load_gold(data_dir / "cameo-quad" / "train.jsonl", "quad")}
    plover = load_gold(data_dir / "plover-gold" / "dev.jsonl", "plover")
    return quad, plover


def train_act_gate(data_dir: Path, out_dir: Path = GATE_DIR, seed: int = 13,
                   labels_path: Path | None = None, split_path: Path | None = None) -> dict[str, Any]:
    """Fit the gate and the type head on the ``train`` articles; score the gate on the
    ``heldout`` ones; write ``weights.json`` and ``metrics.json`` to ``out_dir``."""
    from harmattan.events.coder import CoderSettings, EventCoder

    coder = EventCoder(settings=CoderSettings(locate=False, gate=False,
                                              merge_restatements=False)).initialize()
    labels, texts = load_act_texts(labels_path or ACTS_DIR / "labels.jsonl", "all", data_dir,
                                   split_path)
    heldout = load_split(split_path)["heldout"]
    recorder = record_vectors(texts, coder)
    # The clean event sentences the sentence model was trained on are read with its
    # out-of-fold predictions, as `eval --cross-validated` reads them.
    from harmattan.events.classifier import CrossValidatedClassifier
    from harmattan.schema import parse_date

    clean = EventCoder(classifier=CrossValidatedClassifier(),
                       settings=CoderSettings(locate=False, gate=False,
                                              merge_restatements=False)).initialize()
    quad_texts, plover = clean_event_sentences(data_dir)
    quad_vectors = list(record_vectors(quad_texts, clean).records_.values())
    plover_recorder = record_vectors({r["id"]: r["text"] for r in plover}, clean,
                                     {r["id"]: parse_date(r.get("date")) for r in plover})
    cases = [json.loads(line) for line in SAHEL_CASES.open(encoding="utf-8")]
    sahel_recorder = record_vectors({c["id"]: c["text"] for c in cases}, coder,
                                    {c["id"]: parse_date(c["date"]) for c in cases})
    vectors, rows = sentence_vectors(labels, recorder.records_)
    x, y = np.vstack(vectors), targets(rows)
    groups = [r["record_id"] for r in rows]
    train_idx = np.asarray([i for i, g in enumerate(groups) if g not in heldout])
    held_idx = np.asarray([i for i, g in enumerate(groups) if g in heldout])
    x_train, y_train = x[train_idx], y[train_idx]
    folds = _folds([groups[i] for i in train_idx], 5, seed)
    # Quad sentences join every fold's training part, never its scored part.
    xq = np.vstack(quad_vectors)
    yq = np.zeros(len(xq), dtype=np.int64)
    wq = np.full(len(xq), QUAD_WEIGHT)
    cv: dict[str, Any] = {}
    best_c, best_f1 = None, -1.0
    for c in (0.003, 0.01, 0.03, 0.1):
        oof = np.zeros((len(train_idx), len(GATE_CLASSES)))
        for fold in folds:
            mask = np.ones(len(train_idx), dtype=bool)
            mask[fold] = False
            params = _fit(np.vstack([x_train[mask], xq]), np.concatenate([y_train[mask], yq]), c,
                          seed, np.concatenate([np.ones(int(mask.sum())), wq]))
            oof[fold] = _predict(params, x_train[fold])
        keep = oof[:, 0] + oof[:, 1]
        threshold = choose_threshold(keep, y_train)
        scores = sentence_scores(y_train, keep >= threshold)
        cv[str(c)] = {"threshold": threshold, **scores}
        if scores["f1"] > best_f1:
            best_c, best_f1 = c, scores["f1"]
    assert best_c is not None
    threshold = cv[str(best_c)]["threshold"]
    gate = _fit(np.vstack([x_train, xq]), np.concatenate([y_train, yq]), best_c, seed,
                np.concatenate([np.ones(len(y_train)), wq]))
    report: dict[str, Any] = {
        "gate": {"C": best_c, "threshold": threshold, "train_sentences": len(train_idx),
                 "train_articles": len({groups[i] for i in train_idx}),
                 "cross_validated": cv[str(best_c)], "cv_by_C": cv},
    }
    if len(held_idx):
        held = _predict(gate, x[held_idx])
        report["gate"]["heldout"] = sentence_scores(y[held_idx], held[:, 0] + held[:, 1] >= threshold)
        report["gate"]["heldout"]["articles"] = len({groups[i] for i in held_idx})

    # The type head: act sentences of the train articles, labelled with their first act.
    typed = [(label, recorder.type_records_[(label["record_id"], label["start"], label["end"])])
             for label in labels
             if label["kind"] in KIND_CLASS and label.get("events")
             and label["record_id"] not in heldout
             and (label["record_id"], label["start"], label["end"]) in recorder.type_records_]
    tx = np.vstack([v for _, (v, _) in typed])
    joints = [j for _, (_, j) in typed]
    ty = np.asarray([PLOVER_EVENTS.index(label["events"][0]["type"]) for label, _ in typed])
    golds = [{e["type"] for e in label["events"]} for label, _ in typed]
    plover_typed = [(plover_recorder.type_records_[key], {r["gold"]["event"]})
                    for r in plover for key in plover_recorder.type_records_ if key[0] == r["id"]]
    sahel_typed = [(sahel_recorder.type_records_[key], set(c["expect"]["event"]))
                   for c in cases for key in sahel_recorder.type_records_ if key[0] == c["id"]]
    type_report = train_type_head(tx, joints, golds, ty, [label["record_id"] for label, _ in typed],
                                  seed, plover_typed, sahel_typed)
    report["type"] = type_report
    chosen = type_report["chosen"]
    out_dir.mkdir(parents=True, exist_ok=True)
    weights = {"features": list(FEATURES), "type_features": list(TYPE_FEATURES),
               "threshold": threshold, "type_weight": chosen["weight"],
               "gate": _head(gate, list(GATE_CLASSES)),
               "type": _head(_fit_types(tx, ty, chosen["C"], seed), list(PLOVER_EVENTS))}
    (out_dir / "weights.json").write_text(json.dumps(weights) + "\n", encoding="utf-8")
    (out_dir / "metrics.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report
