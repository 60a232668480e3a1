"""Train the act reader: a sentence model fine-tuned to tell whether a sentence of real news
reports a specific act, a specific past act told as background, or neither.

    harmattan train act-model           # torch needed: scripts/setup.sh --train

all-MiniLM-L6-v2 (the base of the event classifier), fine-tuned end to end with a three-class
head on every sentence of the ``train`` articles of ``annotations/acts/labels.jsonl``.  Five
models, each trained without one fold of articles, give every training sentence an
out-of-fold reading (``act_oof.json``, keyed by article id and sentence offsets); the act gate
is trained on those (``harmattan train gate``), so that it learns how far to trust the reader
on sentences the reader has not seen.  The sixth model, trained on every train article, is
exported to ONNX, quantized to int8 and shipped (``act-model.onnx``).
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from harmattan.events.act_model import ACT_CLASSES, ACT_MODEL_FILE, ACT_OOF_FILE, MAX_LENGTH
from harmattan.events.gate import GATE_DIR

KIND_INDEX = {"act": 0, "background": 1}


@dataclass(frozen=True)
class ActModelConfig:
    epochs: int = 2
    batch_size: int = 16
    encoder_lr: float = 5e-5
    head_lr: float = 1e-3
    weight_decay: float = 0.01
    warmup: float = 0.1
    label_smoothing: float = 0.05
    max_length: int = MAX_LENGTH
    #: The encoder's first layers kept (of 6): three read in about half the time, and the
    #: gate gains half as much from them (the model card has both readers' figures).
    layers: int = 6
    folds: int = 5
    seed: int = 13
    threads: int = 2


def _sentences(labels_path: Path | None, data_dir: Path | None
               ) -> tuple[list[dict[str, Any]], list[str], np.ndarray]:
    from harmattan.training.act_gate import ACTS_DIR, load_act_texts

    labels, texts = load_act_texts(labels_path or ACTS_DIR / "labels.jsonl", "train", data_dir)
    sentences = [texts[r["record_id"]][r["start"]:r["end"]] for r in labels]
    y = np.asarray([KIND_INDEX.get(r["kind"], 2) for r in labels], dtype=np.int64)
    return labels, sentences, y


def _model(config: ActModelConfig) -> Any:
    import torch
    from transformers import BertModel

    from harmattan.training.event_classifier import base_model_dir

    class ActReader(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = BertModel.from_pretrained(str(base_model_dir()), add_pooling_layer=False)
            if config.layers < len(self.encoder.encoder.layer):
                self.encoder.encoder.layer = self.encoder.encoder.layer[:config.layers]
                self.encoder.config.num_hidden_layers = config.layers
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(ACT_CLASSES))

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.head(self.dropout(pooled))

    return ActReader()


def _tokenizer(config: ActModelConfig) -> Any:
    from tokenizers import Tokenizer

    from harmattan.training.event_classifier import base_model_dir

    tokenizer = Tokenizer.from_file(str(base_model_dir() / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=config.max_length)
    tokenizer.no_padding()
    return tokenizer


def _batches(lengths: list[int], size: int, rng: random.Random) -> list[list[int]]:
    """Batches of sentences of similar length (less padding), in random order."""
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], rng.random()))
    batches = [order[i:i + size] for i in range(0, len(order), size)]
    rng.shuffle(batches)
    return batches


def train_reader(sentences: list[str], y: np.ndarray, config: ActModelConfig, log: Any = print
                 ) -> Any:
    """Fine-tune one reader on ``sentences`` (labels ``y``: 0 act, 1 background, 2 neither)."""
    import torch

    torch.manual_seed(config.seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(config.threads)
    rng = random.Random(config.seed)
    tokenizer = _tokenizer(config)
    encoded = [e.ids for e in tokenizer.encode_batch(list(sentences))]
    model = _model(config)
    counts = np.bincount(y, minlength=len(ACT_CLASSES)).astype(np.float64)
    # The acts (and background) weigh as much together as the sentences that report none.
    weight = np.ones(len(ACT_CLASSES))
    acts = counts[0] + counts[1]
    if acts:
        weight[0] = weight[1] = counts[2] / acts
    loss_fn = torch.nn.CrossEntropyLoss(weight=torch.tensor(weight, dtype=torch.float32),
                                        label_smoothing=config.label_smoothing)
    optimizer = torch.optim.AdamW(
        [{"params": model.encoder.parameters(), "lr": config.encoder_lr},
         {"params": model.head.parameters(), "lr": config.head_lr}],
        weight_decay=config.weight_decay)
    per_epoch = (len(encoded) + config.batch_size - 1) // config.batch_size
    total = config.epochs * per_epoch
    warmup = max(1, int(config.warmup * total))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, step / warmup) * max(0.0, (total - step) / total))
    start = time.time()
    for epoch in range(config.epochs):
        model.train()
        for batch in _batches([len(e) for e in encoded], config.batch_size, rng):
            width = max(len(encoded[i]) for i in batch)
            ids = torch.zeros((len(batch), width), dtype=torch.long)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            for row, i in enumerate(batch):
                ids[row, :len(encoded[i])] = torch.tensor(encoded[i])
                mask[row, :len(encoded[i])] = 1
            loss = loss_fn(model(ids, mask), torch.tensor(y[batch]))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
        log(f"  epoch {epoch + 1}/{config.epochs}: {time.time() - start:.0f} s")
    model.eval()
    return model


def export(model: Any, out_path: Path) -> None:
    """ONNX (dynamic batch and sequence axes), weights quantized to int8."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    ids = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]], dtype=torch.long)
    mask = (ids != 0).long()
    dynamic = {0: "batch", 1: "sequence"}
    with tempfile.TemporaryDirectory() as tmp:
        float_path = Path(tmp) / "float.onnx"
        torch.onnx.export(model, (ids, mask), str(float_path),
                          input_names=["input_ids", "attention_mask"], output_names=["act_logits"],
                          dynamic_axes={"input_ids": dynamic, "attention_mask": dynamic,
                                        "act_logits": {0: "batch"}},
                          opset_version=17, do_constant_folding=True, dynamo=False)
        quantize_dynamic(str(float_path), str(out_path), weight_type=QuantType.QInt8)


def _scores(y: np.ndarray, probs: np.ndarray) -> dict[str, float]:
    """Act (or background) against neither, at P ≥ 0.5, and the area under the ROC curve."""
    from sklearn.metrics import roc_auc_score

    truth = y < 2
    keep = probs[:, 0] + probs[:, 1]
    chosen = keep >= 0.5
    tp = int((chosen & truth).sum())
    precision = tp / max(1, int(chosen.sum()))
    recall = tp / max(1, int(truth.sum()))
    return {"sentences": int(len(y)), "acts": int(truth.sum()),
            "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / max(1e-9, precision + recall), 4),
            "auc": round(float(roc_auc_score(truth, keep)), 4),
            "background_vs_act": round(float(np.mean(
                (probs[truth, 1] > probs[truth, 0]) == (y[truth] == 1))), 4)}


def train_act_model(out_dir: Path = GATE_DIR, labels_path: Path | None = None,
                    data_dir: Path | None = None, config: ActModelConfig | None = None,
                    log: Any = print) -> dict[str, Any]:
    """Out-of-fold readings of every train sentence, then the shipped reader; writes
    ``act_oof.json``, ``act-model.onnx`` and ``act_metrics.json`` to ``out_dir``."""
    from harmattan.events.act_model import ActModel
    from harmattan.training.act_gate import _folds

    config = config or ActModelConfig()
    out_dir.mkdir(parents=True, exist_ok=True)
    labels, sentences, y = _sentences(labels_path, data_dir)
    groups = [r["record_id"] for r in labels]
    folds = _folds(groups, config.folds, config.seed)
    oof = np.zeros((len(y), len(ACT_CLASSES)))
    with tempfile.TemporaryDirectory() as tmp:
        for k, fold in enumerate(folds):
            log(f"fold {k + 1}/{len(folds)}: {len(y) - len(fold)} sentences to train, "
                f"{len(fold)} to read")
            inner = np.setdiff1d(np.arange(len(y)), fold)
            model = train_reader([sentences[i] for i in inner], y[inner], config, log)
            path = Path(tmp) / f"fold{k}.onnx"
            export(model, path)
            oof[fold] = ActModel(path).initialize().predict([sentences[i] for i in fold])
    cv = _scores(y, oof)
    log(f"out of fold: {cv}")
    log(f"final reader: {len(y)} sentences")
    export(train_reader(sentences, y, config, log), out_dir / ACT_MODEL_FILE)
    table = {f"{r['record_id']}:{r['start']}-{r['end']}": [round(float(p), 5) for p in row]
             for r, row in zip(labels, oof)}
    (out_dir / ACT_OOF_FILE).write_text(json.dumps(table, sort_keys=True, indent=0) + "\n",
                                        encoding="utf-8")
    metrics = {"config": asdict(config), "train_articles": len(set(groups)),
               "cross_validated": cv}
    (out_dir / "act_metrics.json").write_text(json.dumps(metrics, indent=1) + "\n",
                                              encoding="utf-8")
    return metrics
