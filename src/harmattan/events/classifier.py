"""Sentence-level event classifier: CAMEO quad class, PLOVER event type and PLOVER contexts.

A fine-tuned all-MiniLM-L6-v2 encoder with three heads, shipped as one int8 ONNX file in
``resources/models/event-classifier/`` (see its ``MODEL_CARD.md`` for data, scores and
limits; ``python -m harmattan.training`` rebuilds it).  Only onnxruntime and tokenizers are
needed at run time.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from harmattan.nlp.encoder import OnnxSentenceModel
from harmattan.perf import stage
from harmattan.schema import PLOVER_EVENTS, QUAD_CLASSES

SHIPPED_MODEL_DIR = Path(__file__).resolve().parents[1] / "resources" / "models" / "event-classifier"
#: ``HARMATTAN_EVENT_MODEL`` points the coder at another model folder (e.g. a retrained one).
DEFAULT_MODEL_DIR = Path(os.environ.get("HARMATTAN_EVENT_MODEL") or SHIPPED_MODEL_DIR)


@dataclass(frozen=True)
class SentencePrediction:
    """What the classifier thinks one sentence reports.

    ``quad_probs[k]`` is the probability of CAMEO quad class ``k`` (:data:`QUAD_CLASSES`);
    ``plover_probs`` maps each of the 18 :data:`PLOVER_EVENTS` to its probability (both are
    softmax distributions and sum to 1).  ``context_probs`` gives an independent probability
    for each PLOVER context the model was trained on (sigmoid; they need not sum to 1).
    """

    quad_probs: tuple[float, ...]
    plover_probs: dict[str, float]
    context_probs: dict[str, float] = field(default_factory=dict)
    #: The sentence's L2-normalised mean-pooled vector, when the model outputs one (the act
    #: gate reads it; see events/gate.py).
    embedding: tuple[float, ...] | None = field(default=None, compare=False, repr=False)

    @property
    def quad_class(self) -> int:
        """The most probable quad class."""
        return int(np.argmax(self.quad_probs))

    @property
    def plover_event(self) -> str:
        """The most probable PLOVER event type."""
        return max(self.plover_probs, key=self.plover_probs.__getitem__)


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits.astype(np.float64) - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


class EventClassifier:
    """Classify sentences into quad class, PLOVER event type and PLOVER contexts.

    Example::

        classifier = EventClassifier().initialize()
        [prediction] = classifier.predict(["Rebels attacked an army base."])
        prediction.quad_class  # 4
    """

    def __init__(self, model_dir: str | Path | None = None, threads: int = 1) -> None:
        self.model_dir = model_dir
        self.threads = threads

    def initialize(self) -> EventClassifier:
        """Load the labels, the ONNX session and the tokenizer; returns ``self``."""
        model_dir = Path(self.model_dir) if self.model_dir is not None else DEFAULT_MODEL_DIR
        labels_path = model_dir / "labels.json"
        if not labels_path.is_file():
            raise FileNotFoundError(
                f"no event classifier in {model_dir} (labels.json missing); rebuild it with "
                "`python -m harmattan.training --out " + str(model_dir) + "`"
            )
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        # The label order is fixed by the schema; a model trained on another order is refused
        # rather than silently mislabelled.
        if labels["plover"] != list(PLOVER_EVENTS) or len(labels["quad"]) != len(QUAD_CLASSES):
            raise ValueError(
                f"{labels_path} does not match harmattan.schema (PLOVER_EVENTS / QUAD_CLASSES); "
                "retrain the model with `python -m harmattan.training`"
            )
        self.labels_ = labels
        self.context_labels_: list[str] = list(labels.get("context", []))
        self.model_ = OnnxSentenceModel(
            model_dir / "model.onnx",
            model_dir / "tokenizer.json",
            max_length=int(labels.get("max_length", 128)),
            threads=self.threads,
        ).initialize()
        return self

    def predict(self, sentences: list[str]) -> list[SentencePrediction]:
        """One prediction per sentence, in input order; an empty batch gives an empty list."""
        if not sentences:
            return []
        if not hasattr(self, "model_"):
            raise RuntimeError("EventClassifier.predict called before initialize()")
        with stage("model"):
            outputs = self.model_.run(list(sentences))
        quad = _softmax(outputs["quad_logits"])
        plover = _softmax(outputs["plover_logits"])
        context_logits = outputs.get("context_logits")
        contexts = (
            1.0 / (1.0 + np.exp(-context_logits[:, : len(self.context_labels_)].astype(np.float64)))
            if context_logits is not None and self.context_labels_
            else None
        )
        embeddings = outputs.get("embedding")
        predictions = []
        for row in range(len(sentences)):
            predictions.append(
                SentencePrediction(
                    quad_probs=tuple(float(p) for p in quad[row]),
                    plover_probs={e: float(p) for e, p in zip(PLOVER_EVENTS, plover[row])},
                    context_probs=(
                        {c: float(p) for c, p in zip(self.context_labels_, contexts[row])}
                        if contexts is not None
                        else {}
                    ),
                    embedding=(tuple(float(v) for v in embeddings[row])
                               if embeddings is not None else None),
                )
            )
        return predictions


OOF_FILE = "oof.npz"


def text_key(text: str) -> str:
    """The key of a training sentence in the out-of-fold table."""
    import hashlib

    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


class CrossValidatedClassifier(EventClassifier):
    """The shipped classifier, except on its own training sentences, where it answers with the
    out-of-fold prediction of the cross-validation run (``oof.npz`` next to the model: for each
    training sentence, the logits of the fold model that did not see it).

    ``harmattan eval --cross-validated`` uses it to score the whole coder honestly on the data
    the model was trained on.
    """

    def initialize(self) -> CrossValidatedClassifier:
        super().initialize()
        model_dir = Path(self.model_dir) if self.model_dir is not None else DEFAULT_MODEL_DIR
        path = model_dir / OOF_FILE
        if not path.is_file():
            raise FileNotFoundError(
                f"no out-of-fold predictions in {model_dir}; produce them with "
                "`harmattan train --cv 5`"
            )
        data = np.load(path, allow_pickle=False)
        keys = [str(k) for k in data["key"]]
        self.oof_ = {
            key: {name: data[name][row] for name in ("quad_logits", "plover_logits", "context_logits")
                  if name in data.files}
            for row, key in enumerate(keys)
        }
        return self

    def predict(self, sentences: list[str]) -> list[SentencePrediction]:
        # Every sentence goes through the shipped model once: the out-of-fold table has the
        # heads' logits only, and the act gate needs the sentence's vector.
        computed = dict(zip(sentences, super().predict(list(sentences)))) if sentences else {}
        out = []
        for sentence in sentences:
            stored = self.oof_.get(text_key(sentence))
            if stored is None:
                out.append(computed[sentence])
                continue
            quad = _softmax(stored["quad_logits"][None, :])[0]
            plover = _softmax(stored["plover_logits"][None, :])[0]
            context = stored.get("context_logits")
            probs = (1.0 / (1.0 + np.exp(-context[: len(self.context_labels_)].astype(np.float64)))
                     if context is not None and self.context_labels_ else None)
            out.append(SentencePrediction(
                quad_probs=tuple(float(p) for p in quad),
                plover_probs={e: float(p) for e, p in zip(PLOVER_EVENTS, plover)},
                context_probs=({c: float(p) for c, p in zip(self.context_labels_, probs)}
                               if probs is not None else {}),
                embedding=computed[sentence].embedding,
            ))
        return out
