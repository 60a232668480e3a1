"""Score the coder on real articles annotated sentence by sentence (``annotations/acts/``).

    harmattan eval acts annotations/acts/labels.jsonl --part heldout

The whole coder runs on each annotated article; every event is placed on the annotated
sentence of its evidence (and of its ``mentions``).  The figures:

- ``event_precision``: share of events whose evidence lies on a sentence that reports a
  specific act (kind ``act`` or ``background``);
- ``act_coverage``: share of act sentences that are an event's evidence or one of its mentions;
- ``type_accuracy``: share of events on act sentences whose PLOVER type is one the sentence
  was annotated with;
- ``source`` / ``target``: precision and recall of actor codes (ISO alpha-3, IGO, NGO, IMG) of
  the events on act sentences against the annotated event of the same type in that sentence
  (else its first event); recall also counts the annotated events of act sentences that got
  no event at all;
- ``extra_per_act``: events beyond one per distinct annotated act (an act and its
  restatements in the article are one act), per act found;
- ``intervals``: for the first three, a 95% interval from resampling the articles (1,000
  draws with replacement, fixed seed): sentences of one article are not independent, so the
  article is the unit that varies from one sample of news to another;
- ``by_corpus``: the first three (with their intervals) for the articles of each corpus, told
  by the record id's prefix (``ic-``, ``gwn-``, ``gv-``), when there are several: a register
  the coder reads well can hide one it reads badly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from harmattan.events.acled import ACLED_TO_PLOVER
from harmattan.schema import Article, Event

ACT_KINDS = {"act", "background"}
#: Resamples of the articles for the figures' intervals, and their seed.
BOOTSTRAP_DRAWS = 1000
BOOTSTRAP_SEED = 13

def event_type(event: Event) -> str | None:
    if event.plover is not None:
        return event.plover.event
    return ACLED_TO_PLOVER.get((event.acled or {}).get("sub_event_type"))


@dataclass
class ActsReport:
    figures: dict[str, Any]
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.figures)

    def render(self) -> str:
        f = self.figures
        spans = f.get("intervals", {})

        def span(name: str) -> str:
            return f"  (95% {spans[name][0]:.3f}–{spans[name][1]:.3f})" if name in spans else ""

        lines = [
            f"articles {f['articles']}, sentences {f['sentences']}, act sentences "
            f"{f['act_sentences']}, annotated acts {f['acts']}, events {f['events']}",
            f"event precision (events on act sentences)  {f['event_precision']:.3f}{span('event_precision')}",
            f"act coverage (act sentences with an event)  {f['act_coverage']:.3f}{span('act_coverage')}",
            f"type accuracy (events on act sentences)    {f['type_accuracy']:.3f}{span('type_accuracy')}",
            f"source codes  P {f['source']['precision']:.3f}  R {f['source']['recall']:.3f}",
            f"target codes  P {f['target']['precision']:.3f}  R {f['target']['recall']:.3f}",
            f"extra events per act                       {f['extra_per_act']:.3f}",
        ]
        for corpus, c in f.get("by_corpus", {}).items():
            lines.append(f"  {corpus or '(no prefix)'}: {c['articles']} articles, {c['events']} events, "
                         f"on act sentences {c['event_precision']:.3f}, covered {c['act_coverage']:.3f}, "
                         f"type {c['type_accuracy']:.3f}")
        return "\n".join(lines)


def _codes(actors: list[Any]) -> set[str]:
    return {a.code for a in actors if a.code}


def _gold_codes(event: dict[str, Any], role: str) -> set[str]:
    code = event.get(f"{role}_code") or ""
    return {code} if code else set()


def article_intervals(counts: dict[str, dict[str, int]], ratios: dict[str, tuple[str, str]],
                      draws: int = BOOTSTRAP_DRAWS, seed: int = BOOTSTRAP_SEED) -> dict[str, list[float]]:
    """95% percentile intervals of ratios of summed per-article counts, the articles drawn
    with replacement: ``counts[article][name]``, ``ratios[figure] = (numerator, denominator)``."""
    if not counts:
        return {}
    names = sorted({n for pair in ratios.values() for n in pair})
    table = np.asarray([[row.get(n, 0) for n in names] for row in counts.values()], dtype=np.float64)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(table), size=(draws, len(table)))
    sums = table[picks].sum(axis=1)  # draws × names
    out = {}
    for figure, (numerator, denominator) in ratios.items():
        num, den = sums[:, names.index(numerator)], sums[:, names.index(denominator)]
        values = num[den > 0] / den[den > 0]
        if len(values):
            out[figure] = [round(float(np.percentile(values, 2.5)), 4),
                           round(float(np.percentile(values, 97.5)), 4)]
    return out


def evaluate_acts(labels: list[dict[str, Any]], texts: dict[str, str],
                  code_articles: Callable[[list[Article]], list[Event]]) -> ActsReport:
    """Score ``code_articles`` on the annotated sentences of the articles in ``texts``."""
    by_record: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for label in labels:
        by_record[label["record_id"]].append(label)
    articles = [Article(id=r, text=texts[r], date=None) for r in sorted(by_record)]
    events = code_articles(articles)
    sentence_of: dict[tuple[str, int], dict[str, Any]] = {}
    for record_id, rows in by_record.items():
        for row in rows:
            sentence_of[(record_id, row["start"])] = row

    def locate(record_id: str, start: int, end: int) -> dict[str, Any] | None:
        row = sentence_of.get((record_id, start))
        if row is not None:
            return row
        best, overlap = None, 0
        for row in by_record[record_id]:
            shared = min(end, row["end"]) - max(start, row["start"])
            if shared > overlap:
                best, overlap = row, shared
        return best

    def root(row: dict[str, Any]) -> str:
        seen = set()
        key = row["key"]
        keys = {r["key"]: r for r in by_record[row["record_id"]]}
        while keys.get(key, {}).get("restates") and key not in seen:
            seen.add(key)
            key = keys[key]["restates"]
        return key

    covered: set[str] = set()
    on_act = 0
    type_right = 0
    counts = {role: {"tp": 0, "pred": 0, "gold": 0} for role in ("source", "target")}
    acts_found: dict[tuple[str, str | None], int] = defaultdict(int)
    errors = []
    # per article, for the intervals
    tally: dict[str, dict[str, int]] = {r: defaultdict(int) for r in by_record}
    for event in events:
        row = locate(event.article_id, event.evidence.start, event.evidence.end)
        tally.setdefault(event.article_id, defaultdict(int))["events"] += 1
        for mention in event.mentions:
            other = locate(event.article_id, mention["start"], mention["end"])
            if other is not None and other["kind"] in ACT_KINDS:
                covered.add(other["key"])
        if row is None or row["kind"] not in ACT_KINDS:
            errors.append({"error": "not an act", "kind": row["kind"] if row else None,
                           "sentence": event.evidence.sentence, "type": event_type(event)})
            continue
        on_act += 1
        tally[event.article_id]["on_act"] += 1
        covered.add(row["key"])
        gold_events = row.get("events") or []
        etype = event_type(event)
        gold_types = {g["type"] for g in gold_events}
        if etype in gold_types:
            type_right += 1
            tally[event.article_id]["type_right"] += 1
        else:
            errors.append({"error": "type", "gold": sorted(gold_types), "type": etype,
                           "sentence": event.evidence.sentence})
        gold = next((g for g in gold_events if g["type"] == etype), gold_events[0] if gold_events else {})
        acts_found[(root(row), gold.get("type"))] += 1
        for role in ("source", "target"):
            predicted = _codes(getattr(event, role))
            wanted = _gold_codes(gold, role)
            counts[role]["tp"] += len(predicted & wanted)
            counts[role]["pred"] += len(predicted)
            counts[role]["gold"] += len(wanted)
            if predicted != wanted:
                errors.append({"error": role, "gold": sorted(wanted), "predicted": sorted(predicted),
                               "sentence": event.evidence.sentence})
    act_rows = [r for rows in by_record.values() for r in rows if r["kind"] in ACT_KINDS]
    for row in act_rows:
        tally[row["record_id"]]["act_rows"] += 1
        tally[row["record_id"]]["covered"] += row["key"] in covered
    # Recall of codes also counts the annotated acts that got no event at all (first tellings).
    for row in act_rows:
        if row["key"] in covered or row.get("restates"):
            continue
        errors.append({"error": "missed act", "gold": sorted({g["type"] for g in row.get("events") or []}),
                       "sentence": row.get("text") or texts[row["record_id"]][row["start"]:row["end"]]})
        for gold in (row.get("events") or [])[:1]:
            for role in ("source", "target"):
                counts[role]["gold"] += len(_gold_codes(gold, role))
    n_acts = len({(root(r), g["type"]) for r in act_rows for g in (r.get("events") or [])})
    extra = sum(n - 1 for n in acts_found.values())
    figures = {
        "articles": len(articles), "sentences": len(labels), "act_sentences": len(act_rows),
        "acts": n_acts, "events": len(events),
        "event_precision": round(on_act / max(1, len(events)), 4),
        "act_coverage": round(len(covered) / max(1, len(act_rows)), 4),
        "type_accuracy": round(type_right / max(1, on_act), 4),
        "extra_per_act": round(extra / max(1, len(acts_found)), 4),
    }
    for role, c in counts.items():
        figures[role] = {"precision": round(c["tp"] / max(1, c["pred"]), 4),
                         "recall": round(c["tp"] / max(1, c["gold"]), 4)}
    ratios = {"event_precision": ("on_act", "events"), "act_coverage": ("covered", "act_rows"),
              "type_accuracy": ("type_right", "on_act")}
    figures["intervals"] = article_intervals(tally, ratios)
    corpora: dict[str, dict[str, dict[str, int]]] = defaultdict(dict)
    for record_id, counts in tally.items():
        corpora[corpus_of(record_id)][record_id] = counts
    if len(corpora) > 1:
        figures["by_corpus"] = {}
        for corpus, part in sorted(corpora.items()):
            sums = {name: sum(c.get(name, 0) for c in part.values())
                    for name in ("events", "on_act", "type_right", "act_rows", "covered")}
            figures["by_corpus"][corpus] = {
                "articles": len(part), "events": sums["events"],
                **{figure: round(sums[num] / max(1, sums[den]), 4) for figure, (num, den) in ratios.items()},
                "intervals": article_intervals(part, ratios)}
    return ActsReport(figures, errors)


def corpus_of(record_id: str) -> str:
    """The corpus a record comes from, by its id's prefix (``gwn-12`` → ``gwn``)."""
    return record_id.split("-", 1)[0] if "-" in record_id else ""
