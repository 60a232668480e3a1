"""The act reader: a sentence model fine-tuned on real news annotated here to tell whether a
sentence reports a specific act (``act``), a specific past act told as background
(``background``), or neither (``none``: opinion, analysis, statistics, states, predictions,
generic statements).

It reads the words of the whole sentence, which the act gate's other inputs (hand features
and the vector of a sentence model tuned on event types) see only in part; its three
probabilities are two of the gate's inputs (``events/gate.py``).  Shipped as int8 ONNX next to
the gate's weights (``act-model.onnx``), run with onnxruntime, one sentence at a time
(``nlp/encoder.py``: each sentence's reading depends on that sentence only).  Trained by
``harmattan train act-model`` (``training/act_model.py``); model card:
``resources/models/act-gate/MODEL_CARD.md``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

ACT_CLASSES = ("act", "background", "none")
ACT_MODEL_FILE = "act-model.onnx"
#: Out-of-fold readings of the training sentences, for training the gate on them.
ACT_OOF_FILE = "act_oof.json"
MAX_LENGTH = 96
#: The reader shares the event classifier's WordPiece tokenizer (all-MiniLM-L6-v2).
TOKENIZER = Path(__file__).resolve().parents[1] / "resources" / "models" / "event-classifier" / \
    "tokenizer.json"


def act_features(probs: np.ndarray) -> np.ndarray:
    """The gate's inputs from a reading: the log-odds of an act (or background) against
    neither, and of background against act."""
    p = np.clip(np.asarray(probs, dtype=np.float64), 1e-6, 1.0)
    keep = min(p[0] + p[1], 1.0 - 1e-6)
    return np.asarray([np.log(keep / (1.0 - keep)), np.log(p[1] / p[0])])


class ActModel:
    """Example::

        reader = ActModel().initialize()
        reader.predict(["Police arrested the mayor on Monday."])  # [[P(act), P(bg), P(none)]]
    """

    def __init__(self, model_path: str | Path | None = None, threads: int = 1) -> None:
        self.model_path = model_path
        self.threads = threads

    def initialize(self) -> ActModel:
        from harmattan.events.gate import default_gate_dir
        from harmattan.nlp.encoder import OnnxSentenceModel

        path = Path(self.model_path or default_gate_dir() / ACT_MODEL_FILE)
        self.runner_ = OnnxSentenceModel(path, TOKENIZER, max_length=MAX_LENGTH,
                                         threads=self.threads).initialize()
        return self

    def predict(self, sentences: list[str]) -> np.ndarray:
        """``[P(act), P(background), P(none)]`` per sentence, in input order."""
        if not sentences:
            return np.zeros((0, len(ACT_CLASSES)))
        if not hasattr(self, "runner_"):
            raise RuntimeError("ActModel.predict called before initialize()")
        from harmattan.perf import stage

        with stage("reader"):
            logits = self.runner_.run(list(sentences))["act_logits"].astype(np.float64)
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        return probs / probs.sum(axis=1, keepdims=True)
