"""Speed and memory of the geoparser alone, on real news articles.

Runs in a fresh process so that the figures include loading the gazetteer, as a user sees it:

* ``load_s``: opening the gazetteer (its SQLite cache once built) and reading the place files;
* ``articles_per_s``: ``Geoparser.parse`` over every article (loading excluded);
* ``peak_rss_mb``: the process's peak resident memory (``ru_maxrss``) at the end.

Usage (on the shared 2-core machine, run it niced; ``--ner`` for ``geoparse --ner``)::

    nice -n 10 .venv/bin/python benchmarks/geo_speed.py \\
        --input ../shared/data/news/insightcrime-train.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path
from typing import Any

from harmattan.geo import Geoparser
from harmattan.ingest.readers import read_inputs
from harmattan.schema import Article

DEFAULT_INPUT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / \
    "insightcrime-train.jsonl"


def run(path: Path, repeat: int = 1, ner: bool = False) -> dict[str, Any]:
    articles = [a for a in read_inputs([path]) if isinstance(a, Article)]
    started = time.perf_counter()
    geoparser = Geoparser(ner=ner).initialize()
    if ner:
        geoparser.recognise_(["Warm-up."])  # loading the recogniser counts as loading
    load_s = time.perf_counter() - started
    words = sum(len(a.text.split()) for a in articles)
    places = 0
    started = time.perf_counter()
    for _ in range(repeat):
        for _article, found in geoparser.parse_many(articles):
            places += len(found)
    seconds = (time.perf_counter() - started) / repeat
    return {
        "input": str(path), "ner": ner, "articles": len(articles), "words": words,
        "places": places // repeat, "load_s": round(load_s, 2), "seconds": round(seconds, 2),
        "articles_per_s": round(len(articles) / seconds, 1),
        "words_per_s": round(words / seconds),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "cpu_count": os.cpu_count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", type=Path,
                        default=Path(os.environ.get("HARMATTAN_GEO_BENCH_INPUT", DEFAULT_INPUT)))
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--ner", action="store_true",
                        help="run spaCy's entity recogniser too (harmattan geoparse --ner)")
    args = parser.parse_args()
    print(json.dumps(run(args.input, args.repeat, args.ner), indent=2))


if __name__ == "__main__":
    main()
