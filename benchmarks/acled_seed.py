"""ACLED coding on the hand-written seed sentences, with the metrics of ``harmattan eval acled``.

    python benchmarks/acled_seed.py            # the ACLED rules alone (no sentence model)
    python benchmarks/acled_seed.py --coder    # the whole coder (harmattan.pipeline.code_articles)
    python benchmarks/acled_seed.py --errors   # also list the misses

The seed sentences (tests/events/golden/acled_seed.jsonl) were written for the rules, so
scores on them are an upper bound and a regression check, not an estimate on news text.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from harmattan.events.acled_eval import evaluate_acled, load_acled_gold, rule_coder

SEED = Path(__file__).resolve().parents[1] / "tests" / "events" / "golden" / "acled_seed.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(SEED))
    parser.add_argument("--coder", action="store_true", help="Score the whole coder.")
    parser.add_argument("--errors", action="store_true", help="List the misclassified records.")
    args = parser.parse_args()
    records = load_acled_gold(args.gold)
    if args.coder:
        from harmattan.pipeline import code_articles as code
    else:
        code = rule_coder()
    started = time.perf_counter()
    report = evaluate_acled(records, code)
    elapsed = time.perf_counter() - started
    print(report.render())
    print(f"{len(records)} records in {elapsed:.2f}s")
    if args.errors:
        for row in report.errors:
            print(f"{row['id']}\tgold={row['gold']}\tpredicted={row['predicted']}\t{row['text']}")


if __name__ == "__main__":
    main()
