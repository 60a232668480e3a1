"""Source and target errors on the act annotations, by kind.

    .venv/bin/python benchmarks/acts_role_errors.py [--part train] [--show KIND] [--limit N]

Scores like ``harmattan eval acts`` (events/acts_eval.py): each event on an act sentence is
compared with the annotated event of its type in that sentence (else the first), and the
first annotated event of an act sentence that got no event counts as missed.  Each role that
is not right is put under one kind:

- ``no event``: the act sentence got no event (the gate or the sentence model, not the roles);
- ``spurious``: a code where the annotation has none;
- ``implicit``: no code, and the annotation names no words for the actor (the article says);
- ``pronoun``: no code, the annotated words are a pronoun or "the group"-like reference;
- ``found, not assigned``: no code, but the resolver found a coded actor on the words;
- ``bare agent``: no code; the resolver found the words but gave them no country;
- ``not found``: no code; the resolver found nothing on the words;
- ``swapped``: the code is the annotation's code of the other role;
- ``wrong code, same words``: the actor on the annotated words got another code;
- ``wrong code, other actor``: another actor of the sentence was taken.

The held-out part is never read unless asked for with ``--part heldout``: tune on train only.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from harmattan.events.acts_eval import ACT_KINDS, event_type
from harmattan.events.coder import EventCoder
from harmattan.schema import Article
from harmattan.training.act_gate import load_act_texts

LABELS = Path(__file__).resolve().parents[1] / "annotations" / "acts" / "labels.jsonl"
PRONOUN = re.compile(
    r"^(?:he|she|they|it|him|her|them|its|their|his|we|i|who|which|"
    r"the (?:group|organi[sz]ation|gang|cartel|latter|former|man|men|woman|suspects?))$",
    re.IGNORECASE)


def overlaps(actor, span) -> bool:
    return actor.start is not None and actor.start < span[1] and span[0] < actor.end


def classify(role, gold, other_gold, predicted, actors) -> str | None:
    wanted = gold.get(f"{role}_code") or ""
    codes = {a.code for a in predicted if a.code}
    if (wanted and wanted in codes) or (not wanted and not codes):
        return None
    if not wanted:
        return "spurious"
    span = gold.get(role)
    if codes:
        if other_gold and other_gold in codes:
            return "swapped"
        if span and any(overlaps(a, span) for a in predicted):
            return "wrong code, same words"
        return "wrong code, other actor"
    if not span:
        return "implicit"
    on_words = [a for a in actors if overlaps(a, span)]
    if any(a.code for a in on_words):
        return "found, not assigned"
    if on_words:
        return "bare agent"
    return "not found"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--part", default="train", choices=["train", "heldout", "all"])
    parser.add_argument("--show", default=None, help="print the cases of this kind (role:kind)")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--dump", default=None, help="write every case here (JSON)")
    args = parser.parse_args()
    labels, texts = load_act_texts(LABELS, args.part)
    coder = EventCoder().initialize()
    articles = [Article(id=r, text=texts[r], date=None) for r in sorted(texts)]
    stages: dict[tuple[str, int], str] = {}
    code_sentence, apply_gate = coder._code_sentence, coder._apply_gate

    def recording_code_sentence(candidate, doc):
        found = code_sentence(candidate, doc)
        key = (candidate.article.id, candidate.sentence.start)
        stages[key] = "parsed, no event" if not found else "coded"
        return found

    def recording_apply_gate(candidate, doc, act=None):
        apply_gate(candidate, doc, act)
        if not candidate.events:
            stages[(candidate.article.id, candidate.sentence.start)] = "dropped by the gate"

    coder._code_sentence, coder._apply_gate = recording_code_sentence, recording_apply_gate
    events = coder.code(articles)
    candidates = {}
    actors_of: dict[tuple[str, int], list] = {}
    for article in articles:
        for candidate in coder._sentences(article):
            actors_of[(article.id, candidate.sentence.start)] = candidate.actors
            candidates[(article.id, candidate.sentence.start)] = candidate
    rows = {(r["record_id"], r["start"]): r for r in labels}
    by_record = defaultdict(list)
    for r in labels:
        by_record[r["record_id"]].append(r)

    def locate(record_id, start, end):
        row = rows.get((record_id, start))
        if row is not None:
            return row
        return max(by_record[record_id],
                   key=lambda r: min(end, r["end"]) - max(start, r["start"]))

    kinds: Counter = Counter()
    cases = defaultdict(list)
    covered = set()
    for event in events:
        for mention in event.mentions:
            covered.add(locate(event.article_id, mention["start"], mention["end"])["key"])
        row = locate(event.article_id, event.evidence.start, event.evidence.end)
        if row["kind"] not in ACT_KINDS:
            continue
        covered.add(row["key"])
        gold_events = row.get("events") or []
        etype = event_type(event)
        gold = next((g for g in gold_events if g["type"] == etype),
                    gold_events[0] if gold_events else {})
        actors = actors_of.get((event.article_id, row["start"]), [])
        for role, other in (("source", "target"), ("target", "source")):
            predicted = getattr(event, role)
            kind = classify(role, gold, gold.get(f"{other}_code"), predicted, actors)
            kinds[(role, kind or "right")] += 1
            if kind:
                span = gold.get(role)
                text = texts[event.article_id]
                cases[f"{role}:{kind}"].append({
                    "sentence": event.evidence.sentence, "type": etype,
                    "gold": f"{text[span[0]:span[1]] if span else None!r} "
                            f"{gold.get(role + '_code')}/{gold.get(role + '_sector')}",
                    "predicted": [(a.text, a.code, a.sector, a.entry) for a in predicted],
                    "actors": [(a.text, a.code, a.sector) for a in actors],
                })
    missed: Counter = Counter()
    for row in labels:
        if row["kind"] in ACT_KINDS and row["key"] not in covered and not row.get("restates"):
            key = (row["record_id"], row["start"])
            candidate = candidates[key]
            if key in stages:
                why = stages[key]
            elif not candidate.candidate:
                why = "no actor" if not candidate.actors else "no trigger word"
            else:
                why = "sentence model: no event"
            if row.get("events"):
                missed[why] += 1
                cases[f"missed:{why}"].append({
                    "sentence": texts[row["record_id"]][row["start"]:row["end"]],
                    "type": row["events"][0]["type"],
                    "gold": f"{row['events'][0].get('source_code')} -> "
                            f"{row['events'][0].get('target_code')}",
                    "predicted": [], "actors": [(a.text, a.code, a.sector) for a in candidate.actors]})
            for gold in (row.get("events") or [])[:1]:
                for role in ("source", "target"):
                    if gold.get(f"{role}_code"):
                        kinds[(role, "no event")] += 1
    for role in ("source", "target"):
        print(role)
        for (r, kind), n in kinds.most_common():
            if r == role:
                print(f"  {kind:28s} {n}")
    print("act sentences with no event (first tellings)")
    for why, n in missed.most_common():
        print(f"  {why:28s} {n}")
    if args.dump:
        Path(args.dump).write_text(json.dumps(cases, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.show:
        for case in cases[args.show][:args.limit]:
            print()
            print(case["sentence"])
            print(f"  [{case['type']}] gold {case['gold']}")
            print(f"  predicted {case['predicted']}")
            print(f"  actors    {case['actors']}")


if __name__ == "__main__":
    main()
