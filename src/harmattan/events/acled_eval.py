"""Score the ACLED coding on gold records: ``harmattan eval acled GOLD.jsonl``.

Records: ``{"id", "text", "acled": {"event_type", "sub_event_type"} | null}``.  Each record is
coded as an article; the highest-confidence event with a non-null ``acled`` is scored (none:
``NONE``).  The report gives per-sub-event-type P/R/F1, weighted and macro F1 over the
sub-event types the gold set holds, the same at the level of event types, and the false-alarm
rate: the share of ``acled: null`` records coded as political violence (Battles,
Explosions/Remote violence, Violence against civilians) — plus, for information, the share
coded with any ACLED type — and the confusion between event types.

``harmattan eval acled GOLD --cross-validated`` reads, for the CASE 2021 dev snippets the
classifier was trained on, the out-of-fold predictions of ``harmattan train acled``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from harmattan.errors import InputError
from harmattan.evaluation import ClassScores, Report, per_class_scores, read_gold_lines
from harmattan.events.acled import SUB_EVENT_TYPES, VIOLENCE_TYPES
from harmattan.schema import Article, Event, parse_date

if TYPE_CHECKING:
    from harmattan.actors.resolver import ActorResolver

NONE = "NONE"


@dataclass
class AcledReport(Report):
    """A :class:`Report` with the confusion between event types (gold → predicted → count;
    ``NONE`` for no ACLED event), where most of the costly errors are."""

    family_confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    #: 95% intervals of the sub-event weighted F1 and the violence false-alarm rate, from
    #: resampling the records (:func:`acled_intervals`).
    intervals: dict[str, list[float]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "family_confusion": self.family_confusion,
                "intervals": self.intervals}

    def render(self) -> str:
        names = sorted({g for g in self.family_confusion}
                       | {p for row in self.family_confusion.values() for p in row})
        short = {n: n.split("/")[0].split()[0][:9] for n in names}
        spans = "; ".join(f"{name} {low:.3f}–{high:.3f}" for name, (low, high) in self.intervals.items())
        lines = [super().render()] + ([f"95% intervals (records resampled): {spans}"] if spans else []) + [
            "", "event types, gold (rows) by predicted (columns):",
                 f"{'':<12}" + "".join(f"{short[n]:>10}" for n in names)]
        for gold in names:
            row = self.family_confusion.get(gold, {})
            lines.append(f"{short[gold]:<12}" + "".join(f"{row.get(n, 0):>10}" for n in names))
        return "\n".join(lines)


def top_acled(records: list[dict[str, Any]],
              code: Callable[[list[Article]], list[Event]]) -> list[dict[str, Any] | None]:
    """The ``acled`` of the highest-confidence event with one, per record (None: no such event)."""
    articles = [Article(id=str(r["id"]), text=r["text"], date=parse_date(r.get("date"))) for r in records]
    best: dict[str, Event] = {}
    for start in range(0, len(articles), 32):
        for event in code(articles[start:start + 32]):
            if event.acled is None:
                continue
            held = best.get(event.article_id)
            if held is None or event.confidence > held.confidence:
                best[event.article_id] = event
    return [best[a.id].acled if a.id in best else None for a in articles]


def acled_intervals(gold_sub: list[str], pred_sub: list[str], null: list[bool], violent: list[bool],
                    draws: int = 1000, seed: int = 13) -> dict[str, list[float]]:
    """95% percentile intervals of the sub-event weighted F1 (over the gold sub-event types of
    each draw, NONE left out, as the report's) and of the violence false-alarm rate, the
    records drawn with replacement ``draws`` times."""
    import numpy as np

    if not gold_sub:
        return {}
    names = sorted(set(gold_sub) | set(pred_sub))
    index = {n: i for i, n in enumerate(names)}
    gold = np.asarray([index[g] for g in gold_sub])
    pred = np.asarray([index[p] for p in pred_sub])
    null_a, violent_a = np.asarray(null), np.asarray(violent)
    scored = np.asarray([n != NONE for n in names])
    rng = np.random.default_rng(seed)
    f1s, alarms = [], []
    for pick in rng.integers(0, len(gold), size=(draws, len(gold))):
        g, p = gold[pick], pred[pick]
        tp = np.bincount(g[g == p], minlength=len(names)).astype(float)
        support = np.bincount(g, minlength=len(names)).astype(float)
        predicted = np.bincount(p, minlength=len(names)).astype(float)
        precision = np.divide(tp, predicted, out=np.zeros_like(tp), where=predicted > 0)
        recall = np.divide(tp, support, out=np.zeros_like(tp), where=support > 0)
        total = precision + recall
        f1 = np.divide(2 * precision * recall, total, out=np.zeros_like(tp), where=total > 0)
        weight = support * scored
        if weight.sum():
            f1s.append(float((f1 * weight).sum() / weight.sum()))
        if null_a[pick].any():
            alarms.append(float((null_a[pick] & violent_a[pick]).sum() / null_a[pick].sum()))
    out = {}
    for name, values in (("sub_event_weighted_f1", f1s), ("violence_false_alarm_rate", alarms)):
        if values:
            out[name] = [round(float(np.percentile(values, 2.5)), 4),
                         round(float(np.percentile(values, 97.5)), 4)]
    return out


def evaluate_acled(records: list[dict[str, Any]],
                   code: Callable[[list[Article]], list[Event]]) -> Report:
    coded = top_acled(records, code)
    gold_sub = [(r["acled"] or {}).get("sub_event_type") or NONE for r in records]
    pred_sub = [(c or {}).get("sub_event_type") or NONE for c in coded]
    gold_type = [(r["acled"] or {}).get("event_type") or NONE for r in records]
    pred_type = [(c or {}).get("event_type") or NONE for c in coded]
    per_class = per_class_scores(gold_sub, pred_sub)
    by_type = per_class_scores(gold_type, pred_type)
    null = [i for i, r in enumerate(records) if r["acled"] is None]
    false_alarms = sum(1 for i in null if pred_type[i] in VIOLENCE_TYPES)
    any_coded = sum(1 for i in null if pred_type[i] != NONE)
    errors = [
        {"id": r["id"], "text": r["text"], "gold": g, "predicted": p, "acled": c}
        for r, g, p, c in zip(records, gold_sub, pred_sub, coded) if g != p
    ]
    confusion: dict[str, dict[str, int]] = {}
    for gold, predicted in zip(gold_type, pred_type):
        row = confusion.setdefault(gold, {})
        row[predicted] = row.get(predicted, 0) + 1
    intervals = acled_intervals(gold_sub, pred_sub, [r["acled"] is None for r in records],
                                [t in VIOLENCE_TYPES for t in pred_type])
    return AcledReport(
        kind="acled", n=len(records), per_class=per_class, errors=errors, family_confusion=confusion,
        intervals=intervals,
        totals={
            "sub_event_weighted_f1": _weighted(per_class),
            "sub_event_macro_f1": _macro(per_class),
            "event_type_weighted_f1": _weighted(by_type),
            "event_type_macro_f1": _macro(by_type),
            "violence_false_alarm_rate": false_alarms / len(null) if null else 0.0,
            "null_coded_rate": any_coded / len(null) if null else 0.0,
            "null_records": float(len(null)),
        },
    )


def _gold_classes(per_class: dict[str, ClassScores]) -> list[ClassScores]:
    # Scored over the classes the gold set holds, not NONE: a class only ever predicted would
    # count with weight 0 anyway, and NONE is measured by the false-alarm rate.
    return [s for k, s in per_class.items() if k != NONE and s.support > 0]


def _weighted(per_class: dict[str, ClassScores]) -> float:
    scores = _gold_classes(per_class)
    total = sum(s.support for s in scores)
    return sum(s.f1 * s.support for s in scores) / total if total else 0.0


def _macro(per_class: dict[str, ClassScores]) -> float:
    scores = _gold_classes(per_class)
    return sum(s.f1 for s in scores) / len(scores) if scores else 0.0


def load_acled_gold(path: str | Path, part: str = "heldout") -> list[dict[str, Any]]:
    """Read ACLED gold JSONL; a bad line stops the evaluation with its line number.

    Stand-off labels (lines with a ``key``, as ``annotations/acled/labels.jsonl``) are read
    with their text from the shared data, the articles of ``part`` of the split beside them."""
    with open(path, encoding="utf-8") as handle:
        first = handle.readline()
    if first.strip() and '"key"' in first and '"text"' not in first:
        from harmattan.training.acled_classifier import load_annotations
        from harmattan.training.act_gate import shared_data_dir

        path = Path(path)
        return load_annotations(shared_data_dir(), part, path.parent / "split.json", path)
    records = []
    for number, record in read_gold_lines(path, ("id", "text", "acled"), "acled"):
        gold = record["acled"]
        if gold is not None:
            sub = gold.get("sub_event_type") if isinstance(gold, dict) else None
            if sub not in SUB_EVENT_TYPES:
                raise InputError(f"{path}:{number}: unknown sub_event_type {sub!r}",
                                 fix="use one of ACLED's 25 sub-event types (docs/acled.md)")
            if gold.get("event_type") not in (None, SUB_EVENT_TYPES[sub]):
                raise InputError(f"{path}:{number}: {sub!r} belongs to {SUB_EVENT_TYPES[sub]!r}, "
                                 f"not {gold.get('event_type')!r}")
        records.append(record)
    return records


def rule_coder(resolver: ActorResolver | None = None) -> Callable[[list[Article]], list[Event]]:
    """The ACLED rules alone, without the sentence model or the parse: every sentence with an
    ACLED keyword goes through ``acled_only_event`` with the actors the dictionaries find.
    For benchmarks and tests of the rules; the coder runs them on its own events."""
    from harmattan.events.acled import acled_keywords, acled_only_event
    from harmattan.nlp.sentences import split_sentences

    if resolver is None:
        from harmattan.actors.resolver import ActorResolver

        resolver = ActorResolver().initialize()

    def code(articles: list[Article]) -> list[Event]:
        events = []
        for article in articles:
            for sentence in split_sentences(article.text, article.id):
                if not acled_keywords(sentence.text):
                    continue
                actors = resolver.find_actors(sentence.text, on=article.date, offset=sentence.start)
                event = acled_only_event(article, sentence, actors)
                if event is not None:
                    events.append(event)
        return events

    return code
