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

from harmattan.events.act_model import ACT_MODEL_FILE, ACT_OOF_FILE
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
#: The gate keeps a sentence when P(act) + P(background) reaches the threshold.  By default
#: it is chosen on out-of-fold predictions as the lowest one whose precision on act sentences
#: reaches this (else the best-F1 one) ...
TARGET_PRECISION = 0.85
#: ... or, for a gate with a lexical head, the highest one that keeps this share of the act
#: sentences that reach the gate.
TARGET_RECALL = 0.70
#: ``--target-coverage`` chooses it on the coder's own figures on the train articles instead,
#: read with out-of-fold gates (:class:`CrossValidatedGate`): the highest threshold whose act
#: coverage reaches the target.  The coder's coverage falls faster than the gate's recall (a
#: restatement loses its coverage with the sentence it restates).  Whatever the rule, the
#: coder's out-of-fold figures at these thresholds go to ``metrics.json``.
COVERAGE_THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75,
                       0.8, 0.85, 0.9)
#: The lexical head: L2 regularisation, the fewest training sentences a feature needs, and how
#: much less the gate's regularisation holds its logit back than the other inputs (its
#: standardised value is multiplied by this).  Chosen by 5-fold cross-validation grouped by
#: article on the train part (see the model card).
LEXICAL_C = 0.3
LEXICAL_MIN_COUNT = 2
LEXICAL_BOOST = 10.0
#: The same for the act reader's two inputs (events/act_model.py).
ACT_BOOST = 10.0
#: With the act reader, the threshold is by default the highest whose out-of-fold act coverage
#: on the train articles reaches this: the coverage the gate without the reader gets there at
#: its own threshold (``harmattan train gate --no-act-model``: 0.570 at 0.56 on the 203 train
#: articles) — the same coverage, more precision.
READER_TARGET_COVERAGE = 0.57
#: With the act reader, a candidate sentence it reads as reporting no act with P(act or
#: background) below this is not read further (``EventCoder._screen``): out of fold on the
#: 203 train articles, a fifth of the sentences (841 of 4,260) and 5 of the 919 act or
#: background sentences.
ACT_SCREEN = 0.1


def shared_data_dir() -> Path:
    return Path(os.environ.get("HARMATTAN_SHARED_DATA", ROOT.parent / "shared" / "data"))


def load_act_labels(data_dir: Path, labels: Path | None = None) -> list[dict[str, Any]]:
    return load_labels(labels or ACTS_DIR / "labels.jsonl", data_dir, CORPUS_OF)


def load_act_texts(labels_path: Path, part: str = "heldout", data_dir: Path | None = None,
                   split_path: Path | None = None) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The labels of the articles of ``part`` and those articles' text: ``heldout``, the
    second and third held-out parts ``heldout2`` and ``heldout3`` (where the split has them),
    ``train`` (none of them) or ``all``."""
    data_dir = data_dir or shared_data_dir()
    labels = load_act_labels(data_dir, labels_path)
    if part != "all":
        split = load_split(split_path or labels_path.parent / "split.json")
        held = set().union(*(ids for name, ids in split.items() if name.startswith("heldout")))
        if part == "train":
            labels = [r for r in labels if r["record_id"] not in held]
        elif part not in split:
            from harmattan.errors import InputError

            raise InputError(f"{labels_path}: the act annotations have no part {part!r}: "
                             f"{', '.join(sorted(set(split) | {'train', 'all'}))}")
        else:
            labels = [r for r in labels if r["record_id"] in split.get(part, set())]
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


def _fit(x: np.ndarray, y: np.ndarray, c: float, seed: int, weight: np.ndarray | None = None,
         boost_last: float = 1.0, boost: tuple[tuple[int, float], ...] = ()):
    """The gate's regression; ``boost_last`` multiplies the standardised last input (the
    lexical head's logit), and ``boost`` the inputs of the given columns (the act reader's),
    so that the penalty holds them back less."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 1e-9, scaler.scale_, 1.0)
    if boost_last != 1.0 or boost:
        scale = scale.copy()
        scale[-1] /= boost_last
        for column, factor in boost:
            scale[column] /= factor
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


def choose_precision_threshold(p_keep: np.ndarray, y: np.ndarray,
                               target: float = TARGET_PRECISION) -> float:
    """The lowest threshold whose precision reaches ``target`` (else the best-F1 one)."""
    best, best_f1 = 0.5, -1.0
    for threshold in np.arange(0.2, 0.96, 0.01):
        scores = sentence_scores(y, p_keep >= threshold)
        if scores["precision"] >= target:
            return round(float(threshold), 2)
        if scores["f1"] > best_f1:
            best, best_f1 = float(threshold), scores["f1"]
    return round(best, 2)


def choose_threshold(p_keep: np.ndarray, y: np.ndarray, target: float = TARGET_RECALL) -> float:
    """The highest threshold whose recall of act sentences reaches ``target`` (0.2 at least)."""
    for threshold in np.arange(0.95, 0.195, -0.01):
        if sentence_scores(y, p_keep >= threshold)["recall"] >= target:
            return round(float(threshold), 2)
    return 0.2


def _fit_lexical(features: list[list[str]], y: np.ndarray, seed: int,
                 c: float = LEXICAL_C) -> dict[str, Any]:
    """The lexical head: a binary logistic regression (act or background vs none) over the
    features that at least ``LEXICAL_MIN_COUNT`` training sentences have, as JSON."""
    from collections import Counter

    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for row in features for f in set(row))
    vocab = sorted(f for f, n in counts.items() if n >= LEXICAL_MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    pairs = [(i, index[f]) for i, row in enumerate(features) for f in set(row) if f in index]
    matrix = sparse.csr_matrix(
        (np.ones(len(pairs)), ([r for r, _ in pairs], [k for _, k in pairs])),
        shape=(len(features), len(vocab)))
    model = LogisticRegression(C=c, solver="liblinear", max_iter=3000, random_state=seed,
                               class_weight="balanced")
    model.fit(matrix, (y < 2).astype(np.int64))
    return {"weights": {f: round(float(w), 6) for f, w in zip(vocab, model.coef_[0])},
            "intercept": round(float(model.intercept_[0]), 6), "C": c,
            "min_count": LEXICAL_MIN_COUNT}


def _lexical_logits(head: dict[str, Any], features: list[list[str]]) -> np.ndarray:
    weights = head["weights"]
    return np.asarray([head["intercept"] + sum(weights.get(f, 0.0) for f in set(row))
                       for row in features])


def lexical_stack(features: list[list[str]], y: np.ndarray, groups: list[str], seed: int
                  ) -> np.ndarray:
    """Out-of-fold logits of the lexical head (5 folds grouped by article): the gate learns
    its last input from logits made without the sentence's own article, as at run time."""
    out = np.zeros(len(y))
    for fold in _folds(groups, 5, seed):
        mask = np.ones(len(y), dtype=bool)
        mask[fold] = False
        head = _fit_lexical([features[i] for i in np.flatnonzero(mask)], y[mask], seed)
        out[fold] = _lexical_logits(head, [features[i] for i in fold])
    return out


class ActReadings:
    """The act reader's readings for training the gate: out of fold (``act_oof.json``) for the
    sentences it was trained on, the shipped reader's for any other (held-out articles, the
    clean event sentences, the Sahel cases).  A train sentence the table lacks (the splitter
    cut it otherwise than when it was annotated) is read by the shipped reader too, and
    counted in ``missing``."""

    def __init__(self, model_dir: Path, trained_on: set[str]) -> None:
        from harmattan.events.act_model import ActModel

        self.model_dir = model_dir
        self.table = json.loads((model_dir / ACT_OOF_FILE).read_text(encoding="utf-8"))
        self.model = ActModel(model_dir / ACT_MODEL_FILE).initialize()
        self.trained_on = trained_on
        self.missing: set[tuple[str, int, int]] = set()
        self.cache: dict[str, np.ndarray] = {}

    def read(self, sentences: list[str], keys: list[tuple[str, int, int]]) -> np.ndarray:
        out: list[np.ndarray | None] = []
        todo = []
        for i, (text, key) in enumerate(zip(sentences, keys)):
            stored = self.table.get(f"{key[0]}:{key[1]}-{key[2]}")
            if stored is not None:
                out.append(np.asarray(stored, dtype=np.float64))
                continue
            if key[0] in self.trained_on:
                self.missing.add(key)
            out.append(self.cache.get(text))
            if out[-1] is None:
                todo.append(i)
        if todo:
            for i, row in zip(todo, self.model.predict([sentences[i] for i in todo])):
                self.cache[sentences[i]] = row
                out[i] = row
        return np.vstack(out) if out else np.zeros((0, 3))

    def features(self, texts: dict[str, str], keys: list[tuple[str, int, int]]) -> np.ndarray:
        """The gate's act inputs for recorded sentences (key: record id, start, end)."""
        from harmattan.events.act_model import act_features

        readings = self.read([texts[k[0]][k[1]:k[2]] for k in keys], keys)
        return np.vstack([act_features(r) for r in readings]) if len(keys) else np.zeros((0, 2))


class CrossValidatedGate:
    """Training and evaluation only, never at run time: the gate that reads each train
    article's sentences with the gate of the cross-validation fold that did not see the
    article (as ``CrossValidatedClassifier`` reads the sentence model's out-of-fold
    predictions), so that the coder's figures on the train articles are honest estimates of
    its figures on unseen news.  ``threshold_`` is shared by the folds and may be changed
    between runs."""

    lexical = True

    def __init__(self, fold_weights: list[dict[str, Any]], fold_of: dict[str, int],
                 threshold: float, act_reader: ActReadings | None = None) -> None:
        from harmattan.events.gate import ActGate

        self.gates_ = [ActGate().load(w, f"fold {i}") for i, w in enumerate(fold_weights)]
        self.fold_of = fold_of
        self.threshold_ = threshold
        self.act_reader = act_reader
        # The folds screen as the shipped gate does, on the out-of-fold readings.
        self.screen_ = self.gates_[0].screen_ if act_reader is not None and self.gates_ else 0.0

    def act_readings(self, sentences: list[str], keys: list[tuple[str, int, int]]
                     ) -> np.ndarray | None:
        # The act reader's out-of-fold readings of the train articles' sentences.
        return self.act_reader.read(sentences, keys) if self.act_reader is not None else None

    def initialize(self) -> CrossValidatedGate:
        return self

    def _gate(self, key: tuple[str, int, int] | None) -> Any:
        if key is None or key[0] not in self.fold_of:
            raise KeyError(f"no cross-validation fold holds out {key and key[0]!r}")
        return self.gates_[self.fold_of[key[0]]]

    def decide(self, vector: np.ndarray, key: tuple[str, int, int] | None = None,
               lexical: list[str] | None = None, act: np.ndarray | None = None) -> Any:
        return self._gate(key).decide(vector, key, lexical, act)

    def type_scores(self, vector: np.ndarray, joint: dict[str, float],
                    key: tuple[str, int, int] | None = None) -> dict[str, float]:
        return self._gate(key).type_scores(vector, joint, key)

    def keeps(self, decision: Any) -> bool:
        return decision.keep_probability >= self.threshold_


class _ParseCache:
    """spaCy's pipeline with its parses kept by text: the threshold sweep codes the same
    articles again and again, and only the gate's decisions change between runs."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.docs: dict[tuple[str, tuple[str, ...]], Any] = {}

    def pipe(self, texts: Any, batch_size: int = 64, disable: Any = ()) -> Any:
        texts = list(texts)
        key = tuple(disable)
        missing = [t for t in dict.fromkeys(texts) if (t, key) not in self.docs]
        for text, doc in zip(missing, self.nlp.pipe(missing, batch_size=batch_size,
                                                    disable=list(disable))):
            self.docs[(text, key)] = doc
        return iter([self.docs[(t, key)] for t in texts])

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)


class _PredictionCache:
    """The sentence model with its predictions kept by text (see :class:`_ParseCache`)."""

    def __init__(self, classifier: Any) -> None:
        self.classifier = classifier
        self.cache: dict[str, Any] = {}

    def predict(self, texts: list[str]) -> list[Any]:
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            self.cache.update(zip(missing, self.classifier.predict(missing)))
        return [self.cache[t] for t in texts]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.classifier, name)


def coder_sweep(gate: CrossValidatedGate, labels: list[dict[str, Any]], texts: dict[str, str],
                thresholds: tuple[float, ...], min_event_probability: float
                ) -> dict[str, dict[str, Any]]:
    """The coder's figures (``evaluate_acts``) on the train articles at each threshold, the
    gate read out of fold."""
    from harmattan.events.acts_eval import evaluate_acts
    from harmattan.events.coder import CoderSettings, EventCoder

    coder = EventCoder(gate=gate, settings=CoderSettings(
        locate=False, min_event_probability=min_event_probability)).initialize()
    coder.nlp_ = _ParseCache(coder.nlp_)
    coder.classifier = _PredictionCache(coder.classifier)
    out = {}
    for threshold in thresholds:
        gate.threshold_ = threshold
        out[f"{threshold:.2f}"] = evaluate_acts(labels, texts, coder.code).to_dict()
    return out


def choose_coder_threshold(sweep: dict[str, dict[str, Any]], target: float) -> float:
    """The highest threshold whose out-of-fold act coverage reaches ``target`` (else the one
    with the highest coverage)."""
    reaching = [float(t) for t, f in sweep.items() if f["act_coverage"] >= target]
    if reaching:
        return max(reaching)
    return float(max(sweep, key=lambda t: (sweep[t]["act_coverage"], -float(t))))


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
        for weight in (1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0):
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
QUAD_WEIGHT = 0.6


def clean_event_sentences(data_dir: Path) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """The CAMEO quad sentences (each reports an event) and the PLOVER gold records."""
    from harmattan.evaluation import load_gold

    quad = {r["id"]: r["text"] for r in load_gold(data_dir / "cameo-quad" / "train.jsonl", "quad")}
    plover = load_gold(data_dir / "plover-gold" / "dev.jsonl", "plover")
    return quad, plover


def _act_reader(out_dir: Path, trained_on: set[str]) -> ActReadings | None:
    """The act reader of ``out_dir``, else of the shipped gate's folder, else None."""
    for folder in (out_dir, GATE_DIR):
        if (folder / ACT_MODEL_FILE).is_file() and (folder / ACT_OOF_FILE).is_file():
            return ActReadings(folder, trained_on)
    return None


def train_act_gate(data_dir: Path, out_dir: Path = GATE_DIR, seed: int = 13,
                   labels_path: Path | None = None, split_path: Path | None = None,
                   min_event_probability: float | None = None, lexical: bool = False,
                   target_coverage: float | None = None,
                   thresholds: tuple[float, ...] = COVERAGE_THRESHOLDS,
                   act_model: bool = True) -> dict[str, Any]:
    """Fit the gate and the type head on the ``train`` articles; run the coder on them with
    out-of-fold gates (:func:`coder_sweep`); score the gate on the ``heldout`` ones; write
    ``weights.json`` and ``metrics.json`` to ``out_dir``.

    ``min_event_probability`` (default: the coder's) is the sentence model's P(event) from
    which a sentence is parsed and so reaches the gate: the gate is trained on the sentences
    that reach it with that setting, and the coder is run with it.  ``lexical`` adds the
    lexical head; ``target_coverage`` chooses the threshold on the coder's out-of-fold act
    coverage (:func:`choose_coder_threshold`) rather than on the gate's own scores.
    ``act_model``: read the act reader (``act-model.onnx`` and its out-of-fold table
    ``act_oof.json``, from ``out_dir`` or else the shipped gate's folder; ``harmattan train
    act-model`` makes them) as two more inputs, when there is one."""
    from harmattan.events.coder import CoderSettings, EventCoder

    if min_event_probability is None:
        min_event_probability = CoderSettings().min_event_probability
    recording = CoderSettings(locate=False, gate=False, merge_restatements=False,
                              min_event_probability=min_event_probability)
    coder = EventCoder(settings=recording).initialize()
    labels, texts = load_act_texts(labels_path or ACTS_DIR / "labels.jsonl", "all", data_dir,
                                   split_path)
    split = load_split(split_path)
    heldout = split["heldout"]
    # The second and third held-out parts are never read here.
    second = set().union(*(ids for name, ids in split.items() if name.startswith("heldout") and name != "heldout"))
    labels = [r for r in labels if r["record_id"] not in second]
    texts = {r: t for r, t in texts.items() if r not in second}
    recorder = record_vectors(texts, coder)
    # The clean event sentences the sentence model was trained on are read with its
    # out-of-fold predictions, as `eval --cross-validated` reads them.
    from harmattan.events.classifier import CrossValidatedClassifier
    from harmattan.schema import parse_date

    clean = EventCoder(classifier=CrossValidatedClassifier(), settings=recording).initialize()
    quad_texts, plover = clean_event_sentences(data_dir)
    quad_recorder = record_vectors(quad_texts, clean)
    quad_keys = list(quad_recorder.records_)
    quad_vectors = [quad_recorder.records_[k] for k in quad_keys]
    quad_lexical = [quad_recorder.lexical_records_[k] for k in quad_keys]
    plover_recorder = record_vectors({r["id"]: r["text"] for r in plover}, clean,
                                     {r["id"]: parse_date(r.get("date")) for r in plover})
    cases = [json.loads(line) for line in SAHEL_CASES.open(encoding="utf-8")]
    sahel_recorder = record_vectors({c["id"]: c["text"] for c in cases}, coder,
                                    {c["id"]: parse_date(c["date"]) for c in cases})
    vectors, rows = sentence_vectors(labels, recorder.records_)
    x, y = np.vstack(vectors), targets(rows)
    groups = [r["record_id"] for r in rows]
    xq = np.vstack(quad_vectors)
    reader = _act_reader(out_dir, {g for g in groups if g not in heldout}) if act_model else None
    if reader is not None:
        x = np.column_stack([x, reader.features(
            texts, [(r["record_id"], r["start"], r["end"]) for r in rows])])
        xq = np.column_stack([xq, reader.features(quad_texts, quad_keys)])
    boosts = ((((-3, ACT_BOOST), (-2, ACT_BOOST)) if lexical else ((-2, ACT_BOOST), (-1, ACT_BOOST)))
              if reader is not None else ())
    if reader is not None and target_coverage is None:
        target_coverage = READER_TARGET_COVERAGE
    train_idx = np.asarray([i for i, g in enumerate(groups) if g not in heldout])
    held_idx = np.asarray([i for i, g in enumerate(groups) if g in heldout])
    x_train, y_train = x[train_idx], y[train_idx]
    train_groups = [groups[i] for i in train_idx]
    folds = _folds(train_groups, 5, seed)
    # Quad sentences join every fold's training part, never its scored part.
    yq = np.zeros(len(xq), dtype=np.int64)
    wq = np.full(len(xq), QUAD_WEIGHT)
    if lexical:
        # The lexical head's logit is the gate's last input.  In each fold, the training
        # part's logits are out-of-fold within it (nested), the scored part's and the quad
        # sentences' come from the head fitted on the whole training part: no sentence's logit
        # has seen it.
        words = [recorder.lexical_records_[(r["record_id"], r["start"], r["end"])] for r in rows]
        words_train = [words[i] for i in train_idx]
        stacked = []
        for fold in folds:
            inner = np.setdiff1d(np.arange(len(train_idx)), fold)
            head = _fit_lexical([words_train[i] for i in inner], y_train[inner], seed)
            stacked.append((inner, head,
                            np.column_stack([x_train[inner], lexical_stack(
                                [words_train[i] for i in inner], y_train[inner],
                                [train_groups[i] for i in inner], seed)]),
                            np.column_stack([x_train[fold], _lexical_logits(
                                head, [words_train[i] for i in fold])]),
                            np.column_stack([xq, _lexical_logits(head, quad_lexical)])))
        lexical_oof = np.zeros(len(train_idx))
        for fold, item in zip(folds, stacked):
            lexical_oof[fold] = item[3][:, -1]
    else:
        stacked = [(inner, None, x_train[inner], x_train[fold], xq)
                   for fold in folds
                   for inner in [np.setdiff1d(np.arange(len(train_idx)), fold)]]
    cv: dict[str, Any] = {}
    if lexical:
        cv["lexical_alone"] = {"threshold": 0.5, **sentence_scores(y_train, lexical_oof >= 0.0)}
    best_c, best_score = None, -1.0
    fold_params: dict[float, list[tuple]] = {}
    oof_keep: dict[float, np.ndarray] = {}
    boost = LEXICAL_BOOST if lexical else 1.0
    for c in (0.003, 0.01, 0.03, 0.1):
        oof = np.zeros((len(train_idx), len(GATE_CLASSES)))
        fold_params[c] = []
        for fold, (inner, _, x_inner, x_fold, x_quad) in zip(folds, stacked):
            params = _fit(np.vstack([x_inner, x_quad]), np.concatenate([y_train[inner], yq]), c,
                          seed, np.concatenate([np.ones(len(inner)), wq]), boost, boosts)
            oof[fold] = _predict(params, x_fold)
            fold_params[c].append(params)
        keep = oof_keep[c] = oof[:, 0] + oof[:, 1]
        # With the lexical head: C by the precision at a fixed recall of the gate; without
        # it, by F1 at the threshold of the precision rule (the shipped gate's way).
        threshold = (choose_threshold(keep, y_train, TARGET_RECALL) if lexical
                     else choose_precision_threshold(keep, y_train))
        scores = sentence_scores(y_train, keep >= threshold)
        cv[str(c)] = {"threshold": threshold, **scores}
        score = scores["precision"] if lexical else scores["f1"]
        if score > best_score:
            best_c, best_score = c, score
    assert best_c is not None
    rule_threshold = cv[str(best_c)]["threshold"]
    if lexical:
        lexical_head = _fit_lexical(words_train, y_train, seed)
        x_full = np.column_stack([x_train, lexical_stack(words_train, y_train, train_groups, seed)])
        xq_full = np.column_stack([xq, _lexical_logits(lexical_head, quad_lexical)])
        held_x = (np.column_stack([x[held_idx], _lexical_logits(
            lexical_head, [words[i] for i in held_idx])]) if len(held_idx) else None)
    else:
        lexical_head, x_full, xq_full = None, x_train, xq
        held_x = x[held_idx] if len(held_idx) else None
    gate = _fit(np.vstack([x_full, xq_full]), np.concatenate([y_train, yq]), best_c, seed,
                np.concatenate([np.ones(len(y_train)), wq]), boost, boosts)
    report: dict[str, Any] = {
        "gate": {"C": best_c, "rule_threshold": rule_threshold,
                 "min_event_probability": min_event_probability,
                 "lexical": ({"C": LEXICAL_C, "min_count": LEXICAL_MIN_COUNT,
                              "boost": LEXICAL_BOOST, "features": len(lexical_head["weights"])}
                             if lexical_head is not None else None),
                 "train_sentences": len(train_idx),
                 "train_articles": len(set(train_groups)), "cv_by_C": cv},
    }

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

    # The threshold: the coder run on the train articles, each read by the gate (and type
    # head) of the fold that did not see it.
    fold_of = {g: k for k, fold in enumerate(folds) for g in {train_groups[i] for i in fold}}
    # An article none of whose sentences reached the gate trains no gate; it still needs a
    # fold, for the type head.
    unfolded = sorted(r for r in texts if r not in heldout and r not in fold_of)
    for i, record_id in enumerate(unfolded):
        fold_of[record_id] = i % len(folds)
    typed_fold = np.asarray([fold_of.get(label["record_id"], -1) for label, _ in typed])
    act_file = ACT_MODEL_FILE if reader is not None else None
    fold_weights = []
    for k, (_, head, _, _, _) in enumerate(stacked):
        mask = typed_fold != k
        fold_weights.append({
            "features": list(FEATURES), "type_features": list(TYPE_FEATURES), "threshold": 0.5,
            "type_weight": chosen["weight"], "act_model": act_file,
            "screen": ACT_SCREEN if act_file else 0.0,
            "gate": _head(fold_params[best_c][k], list(GATE_CLASSES)), "lexical": head,
            "type": _head(_fit_types(tx[mask], ty[mask], chosen["C"], seed),
                          list(PLOVER_EVENTS))})
    train_labels = [label for label in labels if label["record_id"] not in heldout]
    sweep = coder_sweep(CrossValidatedGate(fold_weights, fold_of, 0.5, reader), train_labels,
                        {r: t for r, t in texts.items() if r not in heldout}, thresholds,
                        min_event_probability)
    # The gate off (every sentence kept): the most the threshold can give back.
    ceiling = coder_sweep(CrossValidatedGate(fold_weights, fold_of, 0.0, reader), train_labels,
                          {r: t for r, t in texts.items() if r not in heldout}, (0.0,),
                          min_event_probability)["0.00"]
    threshold = (choose_coder_threshold(sweep, target_coverage) if target_coverage is not None
                 else rule_threshold)
    if f"{threshold:.2f}" not in sweep:
        sweep.update(coder_sweep(CrossValidatedGate(fold_weights, fold_of, threshold, reader),
                                 train_labels, {r: t for r, t in texts.items() if r not in heldout},
                                 (threshold,), min_event_probability))
    report["gate"]["threshold"] = threshold
    report["gate"]["threshold_rule"] = (
        f"highest with the coder's out-of-fold act coverage >= {target_coverage}"
        if target_coverage is not None else
        ("highest with the gate's out-of-fold recall >= "
         f"{TARGET_RECALL}" if lexical else
         f"lowest with the gate's out-of-fold precision >= {TARGET_PRECISION}, else best F1"))
    report["gate"]["cross_validated"] = {
        "threshold": threshold, **sentence_scores(y_train, oof_keep[best_c] >= threshold)}
    report["gate"]["coder_cross_validated"] = sweep[f"{threshold:.2f}"]
    report["gate"]["coder_without_gate"] = ceiling
    report["gate"]["coder_cv_by_threshold"] = {
        t: {k: f[k] for k in ("event_precision", "act_coverage", "type_accuracy", "source",
                              "target", "extra_per_act", "events")} for t, f in sweep.items()}
    if held_x is not None:
        held = _predict(gate, held_x)
        report["gate"]["heldout"] = sentence_scores(y[held_idx], held[:, 0] + held[:, 1] >= threshold)
        report["gate"]["heldout"]["articles"] = len({groups[i] for i in held_idx})
    out_dir.mkdir(parents=True, exist_ok=True)
    weights = {"features": list(FEATURES), "type_features": list(TYPE_FEATURES),
               "threshold": threshold, "type_weight": chosen["weight"],
               "gate": _head(gate, list(GATE_CLASSES)),
               "type": _head(_fit_types(tx, ty, chosen["C"], seed), list(PLOVER_EVENTS))}
    if reader is not None:
        import shutil

        weights["act_model"] = ACT_MODEL_FILE
        weights["screen"] = ACT_SCREEN
        for name in (ACT_MODEL_FILE, ACT_OOF_FILE):
            if (reader.model_dir / name).resolve() != (out_dir / name).resolve():
                shutil.copyfile(reader.model_dir / name, out_dir / name)
        report["gate"]["act_model"] = {"boost": ACT_BOOST,
                                       "train_sentences_read_by_shipped_reader": len(reader.missing)}
    if lexical_head is not None:
        weights["lexical"] = lexical_head
    (out_dir / "weights.json").write_text(json.dumps(weights) + "\n", encoding="utf-8")
    (out_dir / "metrics.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report
