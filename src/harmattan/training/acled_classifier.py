"""Train the ACLED classifier (``events/acled_model.py``).

    harmattan train acled     # writes resources/models/acled-classifier/{weights,oof,metrics}.json

Data, each snippet read as one incident (its sentences as the coder splits them):

- ``../shared/data/acled/case2021-task2-dev.jsonl``: 349 real snippets (CASE 2021 task 2),
  weight 1.  Scored by 5-fold stratified cross-validation: the out-of-fold probabilities are
  written to ``oof.json`` for ``harmattan eval acled --cross-validated``.
- ``annotations/acled/labels.jsonl``: real-news snippets labelled here (mostly hard
  non-events).  Articles listed as ``heldout`` in ``annotations/acled/split.json`` are never
  used to fit or choose anything; the others join every fold's training part, weight
  :data:`ANNOTATION_WEIGHT`.
- ``benchmarks/acled/notes_dev.jsonl`` and ``notes_tune.jsonl``: snippets written here in
  ACLED's notes style (another register), weight :data:`NOTES_WEIGHT`.  ``notes_test.jsonl``
  is never used.

Method: a multinomial logistic regression (scikit-learn, lbfgs, fixed seed) over the
standardised incident features; its weights are written as JSON, read with numpy at run time.
The CASE 2021 non-events are learned by kind (``acled_model.NONE_KINDS``: diplomacy, claims,
accidents, natural disasters, organised crime), each its own class, added up to NONE when the
model answers.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from harmattan.events.acled_model import (ACLED_MODEL_DIR, CLASSES, MODEL_CLASSES, NONE, NONE_KINDS, feature_names,
                                          fold_none_kinds, incident_features, text_key)
from harmattan.nlp.sentences import split_sentences
from harmattan.training.act_gate import ROOT, shared_data_dir
from harmattan.training.annotations import load_labels

ACLED_ANNOTATIONS = ROOT / "annotations" / "acled"
NOTES_DIR = ROOT / "benchmarks" / "acled"
CORPUS_OF = {"ic-": "news/insightcrime-train.jsonl", "gwn-": "geo/geowebnews.jsonl",
             "gv-": "geo/geovirus.jsonl", "quad-train-": "cameo-quad/train.jsonl"}
QUAD_PREFIX = "quad-train-"
#: Parts of the annotations: the articles' snippets and the quad sentences, each split in a
#: training part and a held-out one.  The quad sentences are not in the classifier's training
#: data: added at any weight they lowered the CASE 2021 out-of-fold figure (model card).
PARTS = ("heldout", "train", "quad-heldout", "quad-train", "all")
#: Weight of a snippet annotated here, and of one written in ACLED's notes style, against a
#: CASE 2021 snippet: the annotations are real text but 94% non-events of another mix; the
#: notes are another register.
ANNOTATION_WEIGHT = 0.5
NOTES_WEIGHT = 0.3
#: Regularisation (inverse strength) of the logistic regression.
C = 0.05
FOLDS = 5


def load_case(data_dir: Path) -> list[dict[str, Any]]:
    path = data_dir / "acled" / "case2021-task2-dev.jsonl"
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def load_annotations(data_dir: Path, part: str = "all", split_path: Path | None = None,
                     labels_path: Path | None = None) -> list[dict[str, Any]]:
    """The ACLED annotations as gold records ``{"id", "text", "acled"}`` of ``part`` of
    ``split.json``: the snippets of the articles (``train``, ``heldout``), the CAMEO quad
    sentences of the third draw (``quad-train``, ``quad-heldout``), or ``all``."""
    labels = load_labels(labels_path or ACLED_ANNOTATIONS / "labels.jsonl", data_dir, CORPUS_OF)
    if part not in PARTS:
        from harmattan.errors import InputError

        raise InputError(f"the ACLED annotations have no part {part!r}: {', '.join(PARTS)}")
    if part != "all":
        split = json.loads((split_path or ACLED_ANNOTATIONS / "split.json").read_text(encoding="utf-8"))
        heldout = set(split["heldout"]) | set(split.get("heldout_quad", []))
        quad = part.startswith("quad-")
        labels = [r for r in labels if r["record_id"].startswith(QUAD_PREFIX) == quad
                  and (r["record_id"] in heldout) == part.endswith("heldout")]
    return [{"id": r["key"], "text": r["text"], "record_id": r["record_id"],
             "acled": ({"event_type": r["event_type"], "sub_event_type": r["sub_event_type"]}
                       if r.get("sub_event_type") else None)} for r in labels]


def load_notes(names: tuple[str, ...] = ("notes_dev", "notes_tune")) -> list[dict[str, Any]]:
    out = []
    for name in names:
        with (NOTES_DIR / f"{name}.jsonl").open(encoding="utf-8") as handle:
            out.extend(json.loads(line) for line in handle if line.strip())
    return out


def write_split(data_dir: Path, path: Path | None = None, seed: int = 13, share: float = 0.2) -> dict[str, Any]:
    """Draw once the articles whose snippets are held out (a fifth, by article, fixed seed)."""
    labels = load_labels(ACLED_ANNOTATIONS / "labels.jsonl", data_dir, CORPUS_OF)
    ids = sorted({r["record_id"] for r in labels})
    rng = np.random.default_rng(seed)
    chosen = sorted(rng.choice(ids, size=round(share * len(ids)), replace=False).tolist())
    split = {"about": "Articles whose ACLED snippets are held out: never used to fit or choose "
                      "anything (training/acled_classifier.py).", "seed": seed, "heldout": chosen}
    (path or ACLED_ANNOTATIONS / "split.json").write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    return split


def write_quad_split(data_dir: Path, path: Path | None = None, seed: int = 13,
                     share: float = 0.2) -> dict[str, Any]:
    """Draw once the CAMEO quad sentences whose ACLED labels are held out (a fifth, fixed
    seed), kept in ``split.json`` as ``heldout_quad`` beside the articles drawn before."""
    path = path or ACLED_ANNOTATIONS / "split.json"
    split = json.loads(path.read_text(encoding="utf-8"))
    with (data_dir / CORPUS_OF[QUAD_PREFIX]).open(encoding="utf-8") as handle:
        ids = sorted(str(json.loads(line)["id"]) for line in handle if line.strip())
    rng = np.random.default_rng(seed + 1)
    split["heldout_quad"] = sorted(rng.choice(ids, size=round(share * len(ids)), replace=False).tolist())
    path.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    return split


def label_of(record: dict[str, Any]) -> int:
    """The record's class in :data:`CLASSES` (NONE for any non-event)."""
    gold = record.get("acled")
    return CLASSES.index(gold["sub_event_type"] if gold else NONE)


def model_label_of(record: dict[str, Any]) -> int:
    """The record's class in :data:`MODEL_CLASSES`: a CASE 2021 non-event of a kind in
    :data:`NONE_KINDS` is that kind; other non-events (the annotations', the notes') are NONE."""
    if record.get("acled") is None and record.get("case_label") in NONE_KINDS:
        return MODEL_CLASSES.index(f"{NONE}:{record['case_label']}")
    return label_of(record)


def featurize(records: list[dict[str, Any]], classifier: Any) -> np.ndarray:
    """The incident features of each record, with the sentence model run on its sentences."""
    split = [[s.text for s in split_sentences(r["text"], str(r["id"]))] or [r["text"]] for r in records]
    flat = [s for sentences in split for s in sentences]
    predictions = []
    for start in range(0, len(flat), 64):
        predictions.extend(classifier.predict(flat[start:start + 64]))
    rows, at = [], 0
    for sentences in split:
        rows.append(incident_features(sentences, predictions[at:at + len(sentences)]))
        at += len(sentences)
    return np.vstack(rows)


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray, c: float = C, seed: int = 13) -> tuple:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    model = LogisticRegression(C=c, max_iter=2000, random_state=seed)
    model.fit((x - mean) / scale, y, sample_weight=weight)
    coef = np.zeros((len(MODEL_CLASSES), x.shape[1]))
    intercept = np.full(len(MODEL_CLASSES), -30.0)
    for row, cls in enumerate(model.classes_):
        coef[cls], intercept[cls] = model.coef_[row], model.intercept_[row]
    return mean, scale, coef, intercept


def predict(params: tuple, x: np.ndarray) -> np.ndarray:
    mean, scale, coef, intercept = params
    logits = ((x - mean) / scale) @ coef.T + intercept
    logits -= logits.max(axis=1, keepdims=True)
    probs = np.exp(logits)
    return fold_none_kinds(probs / probs.sum(axis=1, keepdims=True))


def stratified_folds(y: np.ndarray, k: int, seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    assignment = np.zeros(len(y), dtype=int)
    for cls in sorted(set(y.tolist())):
        members = np.flatnonzero(y == cls)
        rng.shuffle(members)
        start = int(rng.integers(k))
        for i, member in enumerate(members):
            assignment[member] = (start + i) % k
    return [np.flatnonzero(assignment == f) for f in range(k)]


def scores(y: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    """Sub-event weighted F1 over the gold ACLED types, event-type accuracy, false alarms."""
    from harmattan.events.acled import SUB_EVENT_TYPES, VIOLENCE_TYPES

    none = CLASSES.index(NONE)
    f1s, supports = [], []
    for cls in sorted(set(y.tolist()) - {none}):
        tp = int(((predicted == cls) & (y == cls)).sum())
        precision = tp / max(1, int((predicted == cls).sum()))
        recall = tp / max(1, int((y == cls).sum()))
        f1s.append(2 * precision * recall / max(1e-9, precision + recall))
        supports.append(int((y == cls).sum()))
    null = y == none
    violent = np.asarray([c != none and SUB_EVENT_TYPES[CLASSES[c]] in VIOLENCE_TYPES for c in predicted])
    return {"sub_event_weighted_f1": round(float(np.average(f1s, weights=supports)), 4) if supports else 0.0,
            "accuracy": round(float((y == predicted).mean()), 4),
            "violence_false_alarm_rate": round(float(violent[null].mean()), 4) if null.any() else 0.0,
            "records": len(y), "null_records": int(null.sum())}


def train_acled(data_dir: Path | None = None, out_dir: Path = ACLED_MODEL_DIR, seed: int = 13,
                classifier: Any = None) -> dict[str, Any]:
    """Fit the classifier; score it out of fold on the CASE dev file and on the held-out
    annotations; write ``weights.json``, ``oof.json`` and ``metrics.json`` to ``out_dir``."""
    from harmattan.events.classifier import EventClassifier

    data_dir = data_dir or shared_data_dir()
    classifier = classifier or EventClassifier().initialize()
    case = load_case(data_dir)
    annotated = load_annotations(data_dir, "train")
    heldout = load_annotations(data_dir, "heldout")
    notes = load_notes()
    x_case, x_ann, x_held, x_notes = (featurize(r, classifier) for r in (case, annotated, heldout, notes))
    y_case, y_ann, y_held, y_notes = (np.asarray([label_of(r) for r in rs]) for rs in (case, annotated, heldout, notes))
    kinds_case = np.asarray([model_label_of(r) for r in case])  # what the model learns
    extra_x = np.vstack([x_ann, x_notes])
    extra_y = np.concatenate([y_ann, y_notes])
    extra_w = np.concatenate([np.full(len(y_ann), ANNOTATION_WEIGHT), np.full(len(y_notes), NOTES_WEIGHT)])

    oof = np.zeros((len(case), len(CLASSES)))
    for fold in stratified_folds(y_case, FOLDS, seed):
        mask = np.ones(len(case), dtype=bool)
        mask[fold] = False
        params = fit(np.vstack([x_case[mask], extra_x]), np.concatenate([kinds_case[mask], extra_y]),
                     np.concatenate([np.ones(int(mask.sum())), extra_w]), seed=seed)
        oof[fold] = predict(params, x_case[fold])
    final = fit(np.vstack([x_case, extra_x]), np.concatenate([kinds_case, extra_y]),
                np.concatenate([np.ones(len(y_case)), extra_w]), seed=seed)
    held = predict(final, x_held)
    report: dict[str, Any] = {
        "C": C, "seed": seed, "weights": {"case": 1.0, "annotations": ANNOTATION_WEIGHT, "notes": NOTES_WEIGHT},
        "training": {"case2021_dev": len(case), "annotations_train": len(annotated),
                     "annotations_train_events": int((y_ann != CLASSES.index(NONE)).sum()),
                     "notes": len(notes)},
        "case2021_dev_out_of_fold": scores(y_case, oof.argmax(axis=1)),
        "annotations_heldout": scores(y_held, held.argmax(axis=1)),
        "annotations_heldout_labels": dict(Counter(CLASSES[c] for c in y_held.tolist())),
    }
    mean, scale, coef, intercept = final
    weights = {"classes": list(MODEL_CLASSES), "features": feature_names(), "C": C, "seed": seed,
               "mean": mean.round(6).tolist(), "scale": scale.round(6).tolist(),
               "coef": coef.round(5).tolist(), "intercept": intercept.round(5).tolist()}
    oof_by_text = {}
    for record, probs in zip(case, oof):
        sentences = [s.text for s in split_sentences(record["text"], str(record["id"]))] or [record["text"]]
        oof_by_text[text_key(sentences)] = probs.round(5).tolist()
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "weights.json").write_text(json.dumps(weights) + "\n", encoding="utf-8")
    (out_dir / "oof.json").write_text(json.dumps(oof_by_text, sort_keys=True) + "\n", encoding="utf-8")
    (out_dir / "metrics.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report
