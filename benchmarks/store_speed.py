"""Store speed: ``harmattan ingest`` into SQLite against ``harmattan code`` alone.

    .venv/bin/python benchmarks/store_speed.py                       # real coder, 200 articles
    .venv/bin/python benchmarks/store_speed.py --coder rules --limit 1000
    .venv/bin/python benchmarks/store_speed.py --json

The same measurement is ``harmattan bench --store``.  Results are recorded in docs/store.md
with the command that produced them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from harmattan.benchmarking import default_bench_input
from harmattan.store.bench import render, run_store_benchmark


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=None,
                        help="articles (JSONL); default: the shared InSight Crime sample")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--coder", choices=["real", "rules"], default="real")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run_store_benchmark(args.input or default_bench_input(), limit=args.limit,
                                 workers=args.workers, coder=args.coder, repeat=args.repeat)
    print(json.dumps(result, indent=2) if args.json else render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
