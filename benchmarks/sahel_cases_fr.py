"""Score the coder on the hand-written French Sahel cases (tests/events/golden/sahel_fr.jsonl).

A case passes when the highest-confidence event has one of the expected PLOVER types, its
source and target include every expected code (and sector), and its negation, ACLED
sub-event type (where the case gives one) and evidence offsets (sentence and trigger) are the
expected ones (``harmattan.evaluation.case_problems``).  The cases are split into a ``dev``
part, used to develop the French coder, and a ``heldout`` part, only reported.
``--typographic`` rewrites every case as much of the press types it — ’ for ', and U+202F
after « and before » : ; ? ! % — one character for one, so the expected offsets hold.

    .venv/bin/python benchmarks/sahel_cases_fr.py [--verbose] [--typographic]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from harmattan.evaluation import case_articles, case_problems, typographic_case
from harmattan.pipeline import code_articles

CASES = Path(__file__).resolve().parents[1] / "tests" / "events" / "golden" / "sahel_fr.jsonl"


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    cases = [json.loads(line) for line in CASES.open(encoding="utf-8")]
    if "--typographic" in argv:
        cases = [typographic_case(case) for case in cases]
    events: dict[str, list] = {}
    for event in code_articles(case_articles(cases)):
        events.setdefault(event.article_id, []).append(event)
    for part in ("dev", "heldout"):
        chosen = [c for c in cases if c["part"] == part]
        passed = 0
        for case in chosen:
            problems = case_problems(case, events.get(case["id"], []))
            passed += not problems
            if problems and (verbose or part == "dev"):
                print(f"FAIL {part} {case['id']}: {'; '.join(problems)}")
        print(f"{part}: {passed}/{len(chosen)} cases = {passed / len(chosen):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
