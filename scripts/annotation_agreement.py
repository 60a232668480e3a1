#!/usr/bin/env python3
"""Agreement between the two annotations of the double-annotated batches.

    scripts/annotation_agreement.py acts     # annotations/acts/{labels,double}.jsonl
    scripts/annotation_agreement.py acled    # annotations/acled/{labels,double}.jsonl
    scripts/annotation_agreement.py acts-fr  # annotations/acts-fr/{labels,double}.jsonl

Prints JSON: raw agreement and Cohen's kappa on each label, on the units both annotated.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def kappa(a: list[str], b: list[str]) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def pair(a: list[str], b: list[str]) -> dict[str, float]:
    return {"n": len(a), "agreement": round(sum(x == y for x, y in zip(a, b)) / max(1, len(a)), 3),
            "kappa": round(kappa(a, b), 3) if a else None}


def load(path: Path) -> dict[str, dict]:
    return {row["key"]: row for row in map(json.loads, path.open(encoding="utf-8")) if row}


def main(kind: str) -> dict:
    folder = ROOT / "annotations" / kind
    first, second = load(folder / "labels.jsonl"), load(folder / "double.jsonl")
    keys = sorted(set(first) & set(second))
    one, two = [first[k] for k in keys], [second[k] for k in keys]
    pairs = sorted({f"{x['annotator']}/{y['annotator']}" for x, y in zip(one, two)})
    if kind in ("acts", "acts-fr"):
        acts = {"act", "background"}
        both = [(x, y) for x, y in zip(one, two) if x["kind"] in acts and y["kind"] in acts]
        return {
            "annotators": pairs,
            "kind (8 values)": pair([x["kind"] for x in one], [y["kind"] for y in two]),
            "reports an act (act or background)": pair(
                [str(x["kind"] in acts) for x in one], [str(y["kind"] in acts) for y in two]),
            "first event type, where both say act": pair(
                [x["events"][0]["type"] for x, _ in both], [y["events"][0]["type"] for _, y in both]),
            "source code, where both say act": pair(
                [x["events"][0].get("source_code") or "" for x, _ in both],
                [y["events"][0].get("source_code") or "" for _, y in both]),
            "target code, where both say act": pair(
                [x["events"][0].get("target_code") or "" for x, _ in both],
                [y["events"][0].get("target_code") or "" for _, y in both]),
        }
    return {
        "annotators": pairs,
        "ACLED event or not": pair([str(x["sub_event_type"] is not None) for x in one],
                                   [str(y["sub_event_type"] is not None) for y in two]),
        "sub-event type (or non-event kind)": pair(
            [x["sub_event_type"] or "none:" + str(x["non_event"]) for x in one],
            [y["sub_event_type"] or "none:" + str(y["non_event"]) for y in two]),
        "sub-event type (non-events as one)": pair(
            [x["sub_event_type"] or "none" for x in one], [y["sub_event_type"] or "none" for y in two]),
    }


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in {"acts", "acts-fr", "acled"}:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    print(json.dumps(main(sys.argv[1]), indent=1))
