"""Score the coder on the hand-written Sahel cases (tests/events/golden/sahel.jsonl).

A case passes when the highest-confidence event has one of the expected PLOVER types and its
source and target include every expected country code (and sector, where one is given).

    .venv/bin/python benchmarks/sahel_cases.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from harmattan.pipeline import code_articles
from harmattan.schema import Article, parse_date

CASES = Path(__file__).resolve().parents[1] / "tests" / "events" / "golden" / "sahel.jsonl"


def _has(want: list[dict], actors: list) -> bool:
    have = {(a.code, a.sector) for a in actors}
    codes = {a.code for a in actors}
    return all(w["code"] in codes and (not w["sector"] or (w["code"], w["sector"]) in have) for w in want)


def main() -> int:
    cases = [json.loads(line) for line in CASES.open(encoding="utf-8")]
    articles = [Article(id=c["id"], text=c["text"], date=parse_date(c["date"])) for c in cases]
    events: dict[str, list] = {}
    for event in code_articles(articles):
        events.setdefault(event.article_id, []).append(event)
    passed = 0
    for case in cases:
        found = events.get(case["id"], [])
        best = max(found, key=lambda e: e.confidence) if found else None
        expect = case["expect"]
        ok = bool(best) and best.plover is not None and best.plover.event in expect["event"] \
            and _has(expect["source"], best.source) and _has(expect["target"], best.target)
        passed += ok
        if not ok:
            got = (best.plover.event if best and best.plover else None,
                   sorted((a.code, a.sector) for a in best.source) if best else [],
                   sorted((a.code, a.sector) for a in best.target) if best else [])
            print(f"FAIL {case['id']}: got {got}, expected {expect}")
    print(f"{passed}/{len(cases)} cases = {passed / len(cases):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
