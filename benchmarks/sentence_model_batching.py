"""The sentence model alone: speed of each batching, and how far outputs move with it.

    .venv/bin/python benchmarks/sentence_model_batching.py            # 80 InSight Crime articles
    .venv/bin/python benchmarks/sentence_model_batching.py --limit 40 --json

The candidate sentences of the first ``--limit`` articles (those the coder sends to the model)
are run through the int8 ONNX model in one process, one thread: one at a time without padding
(the shipped setting), in length-sorted padded batches of 8 and 32 over all sentences, and in
batches of 32 per article.  Reported: sentences/s (best of ``--repeat``), and against the
one-at-a-time run the largest logit difference and how many sentences change quad class.
Results are in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from harmattan.benchmarking import default_bench_input


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=80)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from harmattan.events.coder import EventCoder
    from harmattan.ingest.readers import read_inputs
    from harmattan.schema import Article

    coder = EventCoder().initialize()
    articles = [r for r in read_inputs([args.input or default_bench_input()])
                if isinstance(r, Article)][: args.limit]
    # The coder's own candidate selection (a private step, used here read-only).
    per_article = [[c.sentence.text for c in coder._sentences(a) if c.candidate] for a in articles]
    everything = [s for group in per_article for s in group]
    model = coder.classifier.model_

    def run(batch_size: int, groups: list[list[str]]) -> tuple[float, np.ndarray]:
        best, logits = float("inf"), None
        for _ in range(args.repeat):
            start = time.perf_counter()
            logits = np.concatenate([model.run(g, batch_size=batch_size)["quad_logits"]
                                     for g in groups if g])
            best = min(best, time.perf_counter() - start)
        return best, logits

    variants = [("one at a time, no padding", 1, [everything]),
                ("sorted batches of 8", 8, [everything]),
                ("sorted batches of 32", 32, [everything]),
                ("batches of 32 per article", 32, per_article)]
    reference = None
    rows = []
    for name, batch_size, groups in variants:
        seconds, logits = run(batch_size, groups)
        if reference is None:
            reference = logits
        rows.append({
            "variant": name, "sentences": len(everything), "seconds": round(seconds, 2),
            "sentences_per_s": round(len(everything) / seconds, 1),
            "max_logit_diff": round(float(np.abs(logits - reference).max()), 3),
            "quad_class_changed": int((logits.argmax(1) != reference.argmax(1)).sum()),
        })
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        for r in rows:
            print(f"{r['variant']:<28} {r['sentences']} sentences {r['seconds']:6.2f}s "
                  f"{r['sentences_per_s']:7.1f}/s  max logit diff {r['max_logit_diff']:.3f}  "
                  f"quad class changed {r['quad_class_changed']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
