"""Score the coder on gold records: ``harmattan eval plover|quad GOLD.jsonl``.

For each gold record the coder codes the text as an article; the highest-confidence event is
scored (no event: no type, quad class 0, no actors).

* ``plover`` records: ``{"id", "text", "date", "gold": {"event", "mode", "context", "source":
  [{"code", ...}], "target": [...]}}`` — event-type accuracy with per-type P/R/F1, and
  source/target actor-code F1 (micro, over the set of codes of each record).
* ``quad`` records: ``{"id", "text", "quad_class"}`` — per-class P/R/F1, macro-F1, accuracy.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harmattan.errors import InputError
from harmattan.schema import Article, Event, parse_date


@dataclass
class ClassScores:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class Report:
    kind: str
    n: int
    totals: dict[str, float]
    per_class: dict[str, ClassScores]
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "n": self.n, "totals": self.totals,
            "per_class": {k: vars(v) for k, v in self.per_class.items()},
        }

    def render(self) -> str:
        lines = [f"{self.kind}: {self.n} records"]
        lines.append(f"{'class':<14}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}")
        for name, s in sorted(self.per_class.items()):
            lines.append(f"{name:<14}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.support:>6}")
        for key, value in self.totals.items():
            lines.append(f"{key}: {value:.3f}")
        return "\n".join(lines)


def per_class_scores(gold: list[str], predicted: list[str]) -> dict[str, ClassScores]:
    labels = sorted(set(gold) | set(predicted))
    out = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = ClassScores(precision, recall, f1, tp + fn)
    return out


def set_f1(gold_sets: list[set[str]], predicted_sets: list[set[str]]) -> float:
    """Micro F1 over the sets of codes of each record (two empty sets agree: nothing counted)."""
    tp = sum(len(g & p) for g, p in zip(gold_sets, predicted_sets))
    fp = sum(len(p - g) for g, p in zip(gold_sets, predicted_sets))
    fn = sum(len(g - p) for g, p in zip(gold_sets, predicted_sets))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def top_events(records: list[dict[str, Any]],
               code: Callable[[list[Article]], list[Event]]) -> list[Event | None]:
    """The highest-confidence event of each record (None when the coder found none)."""
    articles = [
        Article(id=str(r["id"]), text=r["text"], date=parse_date(r.get("date")))
        for r in records
    ]
    best: dict[str, Event] = {}
    for start in range(0, len(articles), 32):
        for event in code(articles[start:start + 32]):
            held = best.get(event.article_id)
            if held is None or event.confidence > held.confidence:
                best[event.article_id] = event
    return [best.get(a.id) for a in articles]


def evaluate_plover(records: list[dict[str, Any]],
                    code: Callable[[list[Article]], list[Event]]) -> Report:
    events = top_events(records, code)
    gold_types = [r["gold"]["event"] for r in records]
    predicted = [e.plover.event if e and e.plover else "NONE" for e in events]
    gold_src = [{a["code"] for a in r["gold"]["source"] if a.get("code")} for r in records]
    gold_tgt = [{a["code"] for a in r["gold"]["target"] if a.get("code")} for r in records]
    pred_src = [{a.code for a in e.source if a.code} if e else set() for e in events]
    pred_tgt = [{a.code for a in e.target if a.code} if e else set() for e in events]
    accuracy = sum(g == p for g, p in zip(gold_types, predicted)) / max(1, len(records))
    per_class = per_class_scores(gold_types, predicted)
    errors = [
        {"id": r["id"], "gold": g, "predicted": p}
        for r, g, p in zip(records, gold_types, predicted) if g != p
    ]
    return Report(
        kind="plover", n=len(records), per_class=per_class, errors=errors,
        totals={
            "event_accuracy": accuracy,
            "source_code_f1": set_f1(gold_src, pred_src),
            "target_code_f1": set_f1(gold_tgt, pred_tgt),
            "macro_f1": _macro([s for k, s in per_class.items() if k != "NONE"]),
        },
    )


def evaluate_quad(records: list[dict[str, Any]],
                  code: Callable[[list[Article]], list[Event]]) -> Report:
    events = top_events(records, code)
    gold = [str(int(r["quad_class"])) for r in records]
    predicted = [str(e.cameo.quad_class) if e else "0" for e in events]
    per_class = per_class_scores(gold, predicted)
    errors = [
        {"id": r["id"], "gold": g, "predicted": p,
         "code": e.cameo.code if e and e.cameo else None}
        for r, g, p, e in zip(records, gold, predicted, events) if g != p
    ]
    return Report(
        kind="quad", n=len(records), per_class=per_class, errors=errors,
        totals={
            "accuracy": sum(g == p for g, p in zip(gold, predicted)) / max(1, len(records)),
            "macro_f1": _macro(list(per_class.values())),
            "weighted_f1": _weighted(per_class),
        },
    )


def _macro(scores: list[ClassScores]) -> float:
    return sum(s.f1 for s in scores) / len(scores) if scores else 0.0


def _weighted(per_class: dict[str, ClassScores]) -> float:
    total = sum(s.support for s in per_class.values())
    return sum(s.f1 * s.support for s in per_class.values()) / total if total else 0.0


def load_gold(path: str | Path, kind: str) -> list[dict[str, Any]]:
    """Read plover or quad gold JSONL (see :func:`read_gold_lines`)."""
    required = {"plover": ("id", "text", "gold"), "quad": ("id", "text", "quad_class")}[kind]
    return [record for _, record in read_gold_lines(path, required, kind)]


def read_gold_lines(path: str | Path, required: tuple[str, ...], kind: str
                    ) -> list[tuple[int, dict[str, Any]]]:
    """Read gold JSONL as (line number, record); a bad line stops the evaluation with its line
    number (a score over a silently shortened gold set would mislead)."""
    records = []
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: invalid JSON ({exc.msg})") from None
            missing = [k for k in required if k not in record]
            if missing:
                raise InputError(f"{path}:{number}: missing {', '.join(missing)}",
                                 fix=f"{kind} gold records need the fields {', '.join(required)}")
            records.append((number, record))
    return records


# -- hand-written cases (tests/events/golden/sahel*.jsonl) ----------------------------------------


def case_problems(case: dict[str, Any], events: list[Event]) -> list[str]:
    """What the coder got wrong on one hand-written case; [] when it passes.

    The case's highest-confidence event must have one of the expected PLOVER types, a source
    and a target that include every expected code (and sector, where one is given), and —
    where the case says — the expected negation, ACLED sub-event type and evidence offsets
    (sentence and trigger, into the case's text).
    """
    if not events:
        return ["no event"]
    best = max(events, key=lambda e: e.confidence)
    expect = case["expect"]
    problems = []
    got = best.plover.event if best.plover else None
    if got not in expect["event"]:
        problems.append(f"event {got} not in {expect['event']}")
    for role in ("source", "target"):
        actors = getattr(best, role)
        codes = {a.code for a in actors}
        for want in expect[role]:
            if want["code"] not in codes:
                problems.append(f"{role} {sorted(codes)} lacks {want['code']}")
            elif want["sector"] and not any(a.code == want["code"] and a.sector == want["sector"] for a in actors):
                problems.append(f"{role} {want['code']} lacks sector {want['sector']}")
    if "negated" in expect and best.modality.negated != expect["negated"]:
        problems.append(f"negated {best.modality.negated}, expected {expect['negated']}")
    if expect.get("acled"):
        sub = (best.acled or {}).get("sub_event_type")
        if sub != expect["acled"]:
            problems.append(f"ACLED {sub!r}, expected {expect['acled']!r}")
    evidence = expect.get("evidence")
    if evidence:
        have = {"start": best.evidence.start, "end": best.evidence.end,
                "trigger_start": best.evidence.trigger_start, "trigger_end": best.evidence.trigger_end}
        if have != evidence:
            problems.append(f"evidence {have}, expected {evidence}")
    return problems


def case_articles(cases: list[dict[str, Any]]) -> list[Article]:
    """The cases as articles (a case may give its language, as a feed would)."""
    return [Article(id=c["id"], text=c["text"], date=parse_date(c["date"]), language=c.get("language"))
            for c in cases]


#: Fields of a case that are names, not text.
_CASE_NAMES = frozenset({"id", "part", "date", "language", "code", "sector"})


def typographic_case(case: Any, key: str = "") -> Any:
    """A French case as much of the press types it: ’ for ', and a narrow no-break space
    (U+202F) after « and before » : ; ? ! %, one character for one so that its expected
    offsets hold (``benchmarks/sahel_cases_fr.py --typographic``)."""
    if isinstance(case, str):
        if key in _CASE_NAMES:
            return case
        text = case.replace("'", "\u2019")
        text = re.sub(r"(?<=«) ", "\u202f", text)
        return re.sub(r" (?=[»:;?!%])", "\u202f", text)
    if isinstance(case, list):
        return [typographic_case(value, key) for value in case]
    if isinstance(case, dict):
        return {k: typographic_case(value, k) for k, value in case.items()}
    return case
