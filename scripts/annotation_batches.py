#!/usr/bin/env python3
"""Write annotation batches (text for the annotator, never committed) and check label files.

    scripts/annotation_batches.py acts OUT_DIR         sentences of the chosen articles, 150 a batch
    scripts/annotation_batches.py acled OUT_DIR        ACLED-style snippets, 100 a batch
    scripts/annotation_batches.py acts-fr OUT_DIR      sentences of the chosen French articles:
                        the held-out articles first (batches acts-fr-00…), then the training
                        ones, then those of the second draw (acts-fr-06…)
    scripts/annotation_batches.py check BATCH LABELS   every unit labelled, values valid, actors found
    scripts/annotation_batches.py merge acts|acts-fr|acled RAW_DIR
                        checked label files RAW_DIR/<batch>.<annotator>.jsonl → annotations/<kind>/
                        labels.jsonl (first annotator of each batch) and double.jsonl (the second);
                        rows merged before are kept, only new label files are added
    scripts/annotation_batches.py split-acled-quad     a fifth of the quad sentences of the
                        third ACLED draw held out (split.json's heldout_quad), drawn once
    scripts/annotation_batches.py split                the held-out articles, drawn once, the
                        third draw as a second held-out part and the later draws as a
                        third (split.json)

The chosen articles and snippets depend only on the shared data and the fixed seeds below, so
the units (and their keys) can be made again from the repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from harmattan.training.annotations import (
    Unit, acled_targeted_units, acled_units, act_units, choose_articles, read_records,
    to_standoff,
)

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
ACT_CORPORA = [("news/insightcrime-train.jsonl", 110), ("geo/geowebnews.jsonl", 30),
               ("geo/geovirus.jsonl", 20)]
ACLED_CORPORA = [("news/insightcrime-train.jsonl", 1300), ("geo/geowebnews.jsonl", 400),
                 ("geo/geovirus.jsonl", 300)]
SEED = 11
#: A second draw of training articles, after the first 160 were annotated and split: articles
#: of 5–40 sentences not drawn before (all of them train; the held-out part stays the first's).
ACT_EXTRA_CORPORA = [("news/insightcrime-train.jsonl", 40), ("geo/geowebnews.jsonl", 25),
                     ("geo/geovirus.jsonl", 10)]
ACT_EXTRA_SEED = 17
#: A third draw, after the second was annotated: disjoint from both, the same rule.
ACT_THIRD_CORPORA = [("news/insightcrime-train.jsonl", 45), ("geo/geowebnews.jsonl", 20),
                     ("geo/geovirus.jsonl", 10)]
ACT_THIRD_SEED = 19
#: Later draws, each after the one before was annotated: disjoint from every earlier draw and
#: every article labelled before, the same rule.  Together they are the third held-out part
#: (split.json's heldout3).  Draw number → (corpus, articles), seed.
ACT_LATER_DRAWS = {
    4: ([("news/insightcrime-train.jsonl", 40), ("geo/geowebnews.jsonl", 20), ("geo/geovirus.jsonl", 10)], 23),
    5: ([("news/insightcrime-train.jsonl", 90), ("geo/geowebnews.jsonl", 40), ("geo/geovirus.jsonl", 30)], 29),
}
#: French articles (BBC Afrique), drawn per topic among those of 6–40 sentences; politics
#: first, the other topics give hard non-events.  Of each topic, the first FR_HELDOUT[topic]
#: articles drawn are held out (a little over half, so that at least 300 sentences are).
FR_CORPUS = "news/bbc-afrique-fr-dev.jsonl"
FR_TOPICS = {"politics": 22, "business": 4, "health": 3, "sports": 3, "technology": 2}
FR_HELDOUT = {"politics": 12, "business": 2, "health": 2, "sports": 2, "technology": 1}
FR_SEED = 15
#: A second draw of training articles, after the first was annotated: every remaining politics
#: article of 5–55 sentences, and a few of the other topics (hard non-events).
FR_EXTRA_OTHER = {"business": 3, "health": 2, "sports": 2}
FR_EXTRA_SEED = 16
KINDS = {"act", "background", "opinion", "statistic", "state", "prediction", "generic", "other"}
NON_EVENTS = {"crime", "justice", "accident", "disaster", "health", "diplomacy", "politics",
              "economy", "sport", "analysis", "other"}
ACLED_TYPES = {
    "Armed clash": "Battles", "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Air/drone strike": "Explosions/Remote violence", "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence", "Chemical weapon": "Explosions/Remote violence",
    "Attack": "Violence against civilians", "Sexual violence": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests", "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests", "Violent demonstration": "Riots",
    "Mob violence": "Riots", "Agreement": "Strategic developments",
    "Arrests": "Strategic developments", "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments", "Other": "Strategic developments",
}
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "DEMAND",
         "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
         "ASSAULT", "FIGHT", "INVESTIGATE"}


def _article_batches(parts: list[tuple[str, list[str]]], size: int) -> list[list[Unit]]:
    """The sentences of each part's articles (corpus, article ids), in batches of whole
    articles that close once they reach ``size`` sentences; a part never shares a batch."""
    batches: list[list[Unit]] = []
    for corpus, record_ids in parts:
        current: list[Unit] = []
        for record_id in record_ids:
            current.extend(act_units(DATA, corpus, [record_id]))
            if len(current) >= size:
                batches.append(current)
                current = []
        if current:
            batches.append(current)
    return batches


def act_extra_articles(corpus: str, count: int, third: bool = False, draw: int = 0) -> list[str]:
    """The second draw of English training articles of ``corpus`` (sorted), disjoint from the
    first; with ``third``, the third draw, disjoint from both; with ``draw`` (4, 5, …), that
    later draw (``ACT_LATER_DRAWS``), disjoint from every earlier one."""
    import random

    from harmattan.training.annotations import read_records
    from harmattan.nlp.sentences import split_sentences

    first = dict(ACT_CORPORA)
    used = set(choose_articles(DATA, corpus, first[corpus], SEED))
    if third or draw:
        used |= set(act_extra_articles(corpus, dict(ACT_EXTRA_CORPORA)[corpus]))
    if draw:
        # (and from every article labelled before it: the sentence splitter has changed since
        # the earlier draws were made, so the 5–40 sentence rule no longer gives all of them
        # back; the draws' articles are in labels.jsonl)
        used |= set(act_extra_articles(corpus, dict(ACT_THIRD_CORPORA)[corpus], third=True))
        for earlier in range(4, draw):
            used |= set(act_extra_articles(corpus, dict(ACT_LATER_DRAWS[earlier][0])[corpus], draw=earlier))
        labels = Path(__file__).resolve().parents[1] / "annotations" / "acts" / "labels.jsonl"
        used |= {json.loads(line)["key"].rsplit(":", 1)[0] for line in labels.open(encoding="utf-8")
                 if line.strip() and _draw_of(json.loads(line)) < draw}
    records = read_records(DATA, corpus)
    pool = [record_id for record_id in sorted(records) if record_id not in used
            and 5 <= len(split_sentences(records[record_id]["text"], record_id)) <= 40]
    seed = ACT_LATER_DRAWS[draw][1] if draw else ACT_THIRD_SEED if third else ACT_EXTRA_SEED
    return sorted(random.Random(seed).sample(pool, min(count, len(pool))))


#: Annotators of the later draws (the earlier ones are A–D, P–AB): draw 4 AI–AP, draw 5 AQ–AZ.
_LATER_ANNOTATORS = {4: {"AI", "AJ", "AK", "AL", "AM", "AN", "AO", "AP"},
                     5: {"AQ", "AR", "AS", "AT", "AU", "AV", "AW", "AX", "AY", "AZ"}}


def _draw_of(label: dict) -> int:
    """The draw a label line was made in: the later draws by their annotators, else 3 (or
    earlier: all that matters is that it came before draw 4)."""
    return next((d for d, names in _LATER_ANNOTATORS.items() if label.get("annotator") in names), 3)


def act_batches() -> list[list[Unit]]:
    first = _article_batches([(corpus, choose_articles(DATA, corpus, count, SEED))
                              for corpus, count in ACT_CORPORA], 150)
    second = _article_batches([(corpus, act_extra_articles(corpus, count))
                               for corpus, count in ACT_EXTRA_CORPORA], 150)
    third = _article_batches([(corpus, act_extra_articles(corpus, count, third=True))
                              for corpus, count in ACT_THIRD_CORPORA], 150)
    later = [batch for draw, (corpora, _) in sorted(ACT_LATER_DRAWS.items())
             for batch in _article_batches([(corpus, act_extra_articles(corpus, count, draw=draw))
                                            for corpus, count in corpora], 150)]
    return first + second + third + later


def french_articles() -> tuple[list[str], list[str]]:
    """The chosen French articles: (held out, training), each sorted."""
    import random

    from harmattan.training.annotations import read_records
    from harmattan.nlp.sentences import split_sentences

    records = read_records(DATA, FR_CORPUS)
    by_topic: dict[str, list[str]] = {}
    for record_id in sorted(records):
        record = records[record_id]
        if 6 <= len(split_sentences(record["text"], record_id)) <= 40:
            by_topic.setdefault(record["topic"], []).append(record_id)
    rng = random.Random(FR_SEED)
    heldout, train = [], []
    for topic, count in FR_TOPICS.items():
        chosen = rng.sample(by_topic[topic], count)
        heldout.extend(chosen[: FR_HELDOUT[topic]])
        train.extend(chosen[FR_HELDOUT[topic]:])
    return sorted(heldout), sorted(train)


def french_extra_articles() -> list[str]:
    """The second draw of French training articles (sorted), disjoint from the first."""
    import random

    from harmattan.training.annotations import read_records
    from harmattan.nlp.sentences import split_sentences

    heldout, train = french_articles()
    used = set(heldout) | set(train)
    records = read_records(DATA, FR_CORPUS)
    chosen, by_topic = [], {}
    for record_id in sorted(records):
        record = records[record_id]
        if record_id in used:
            continue
        n = len(split_sentences(record["text"], record_id))
        if record["topic"] == "politics" and 5 <= n <= 55:
            chosen.append(record_id)
        elif 6 <= n <= 40:
            by_topic.setdefault(record["topic"], []).append(record_id)
    rng = random.Random(FR_EXTRA_SEED)
    for topic, count in FR_EXTRA_OTHER.items():
        chosen.extend(rng.sample(by_topic[topic], count))
    return sorted(chosen)


def french_batches() -> list[list[Unit]]:
    return _article_batches([(FR_CORPUS, part) for part in (*french_articles(), french_extra_articles())],
                            110)


#: A second ACLED draw, after the first (random, 94% non-events) was annotated: snippets whose
#: sentence names what the weak ACLED groups are about (protests and riots, territory taken or
#: handed over, agreements, weapons seized or found, troops deployed, bases, abductions) —
#: positives and their hard look-alikes, in the same registers.
ACLED_TARGETED = (
    r"\b(?:protest|demonstrat|rall(?:y|ied)|riot|tear ?gas|rubber bullets|water cannon|dispers|"
    r"loot|torch|set fire|took control|seized control|recaptur|retook|regain|overr(?:an|un)|"
    r"handed over|withdr(?:ew|awn|aw) from|ceasefire|truce|peace (?:deal|agreement|accord)|"
    r"prisoner exchange|arms cache|weapons cache|defused|explosive device|(?:seized|confiscated|"
    r"found|discovered) .{0,40}(?:weapons|arms|rifles|ammunition|explosives|grenades)|deployed|"
    r"reinforcements|headquarters|military base|new base|kidnapp|abduct|disappeared)")
ACLED_TARGETED_CORPORA = [("news/insightcrime-train.jsonl", 300), ("geo/geowebnews.jsonl", 150),
                          ("geo/geovirus.jsonl", 50)]


def acled_batches() -> list[list[Unit]]:
    units: list[Unit] = []
    for corpus, count in ACLED_CORPORA:
        units.extend(acled_units(DATA, corpus, count, SEED + 1))
    batches = [units[i:i + 100] for i in range(0, len(units), 100)]
    seen = {u.key for u in units}
    targeted: list[Unit] = []
    for corpus, count in ACLED_TARGETED_CORPORA:
        targeted.extend(acled_targeted_units(DATA, corpus, ACLED_TARGETED, count, SEED + 2, seen))
    quad = acled_quad_units()
    return (batches + [targeted[i:i + 100] for i in range(0, len(targeted), 100)]
            + [quad[i:i + QUAD_BATCH] for i in range(0, len(quad), QUAD_BATCH)])


#: The third ACLED draw: every sentence of the CAMEO quad set (news sentences of the register
#: of CASE 2021's snippets: wars, attacks, protests, diplomacy), whole, in a fixed shuffled
#: order, 225 a batch (batches acled-24 to acled-29).
QUAD_CORPUS = "cameo-quad/train.jsonl"
QUAD_BATCH = 225


def acled_quad_units() -> list[Unit]:
    import random

    records = list(read_records(DATA, QUAD_CORPUS).values())
    random.Random(SEED + 3).shuffle(records)
    return [Unit(QUAD_CORPUS, str(r["id"]), 0, len(r["text"]), r["text"]) for r in records]


def write(batches: list[list[Unit]], out: Path, prefix: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for number, batch in enumerate(batches):
        with (out / f"{prefix}-{number:02d}.jsonl").open("w", encoding="utf-8") as handle:
            for unit in batch:
                handle.write(json.dumps({"key": unit.key, "text": unit.text},
                                        ensure_ascii=False) + "\n")
    print(f"{len(batches)} batches, {sum(map(len, batches))} units in {out}")


def check(batch_path: Path, labels_path: Path, quiet: bool = False,
          units: dict[str, Unit] | None = None, acled: bool | None = None) -> int:
    if units is None:
        units = {}
        for line in batch_path.open(encoding="utf-8"):
            row = json.loads(line)
            record_id, span = row["key"].rsplit(":", 1)
            start, end = (int(x) for x in span.split("-"))
            units[row["key"]] = Unit("", record_id, start, end, row["text"])
    problems, seen = [], set()
    if acled is None:
        acled = "acled" in batch_path.name
    for number, line in enumerate(labels_path.open(encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            label = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {number}: not JSON ({exc})")
            continue
        key = label.get("key")
        if key not in units:
            problems.append(f"line {number}: unknown key {key!r}")
            continue
        seen.add(key)
        if acled:
            sub, etype, non = label.get("sub_event_type"), label.get("event_type"), label.get("non_event")
            if sub is None and non not in NON_EVENTS:
                problems.append(f"line {number}: non_event {non!r} not in {sorted(NON_EVENTS)}")
            elif sub is not None and ACLED_TYPES.get(sub) != etype:
                problems.append(f"line {number}: {etype!r} / {sub!r} is not an ACLED type / sub-type")
            continue
        if label.get("kind") not in KINDS:
            problems.append(f"line {number}: kind {label.get('kind')!r} not in {sorted(KINDS)}")
        events = label.get("events") or []
        if label.get("kind") in {"act", "background"} and not events:
            problems.append(f"line {number}: kind {label['kind']} needs events")
        for event in events:
            if event.get("type") not in TYPES:
                problems.append(f"line {number}: event type {event.get('type')!r}")
        try:
            to_standoff(label, units[key])
        except ValueError as exc:
            problems.append(f"line {number}: {exc}")
    for key in units:
        if key not in seen:
            problems.append(f"missing label for {key}")
    if not quiet:
        print("\n".join(problems) if problems else f"ok: {len(seen)} labels")
    return 1 if problems else 0


def merge(kind: str, raw: Path) -> int:
    out_dir = Path(__file__).resolve().parents[1] / "annotations" / kind
    batches = {"acts": act_batches, "acts-fr": french_batches,
               "acled": acled_batches}[kind]()
    # Rows merged before are kept as they are: a batch made again today may differ from the
    # one annotated (the sentence splitter has changed since), so only label files with rows
    # not merged yet are read.
    kept: dict[str, list[dict]] = {}
    for name in ("labels.jsonl", "double.jsonl"):
        path = out_dir / name
        kept[name] = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()] \
            if path.exists() else []
    merged = {(r["key"], r["annotator"]) for rows in kept.values() for r in rows}
    primary, double = list(kept["labels.jsonl"]), list(kept["double.jsonl"])
    for number, batch in enumerate(batches):
        units = {u.key: u for u in batch}
        files = sorted(raw.glob(f"{kind}-{number:02d}.*.jsonl"))
        for rank, path in enumerate(files):
            annotator = path.name.split(".")[1]
            keys = [json.loads(line)["key"] for line in path.open(encoding="utf-8") if line.strip()]
            if keys and all((key, annotator) in merged for key in keys):
                continue
            if check(Path("/dev/null"), path, quiet=True, units=units, acled=kind == "acled"):
                print(f"skipped {path.name}: it does not pass the check", file=sys.stderr)
                continue
            rows = []
            for line in path.open(encoding="utf-8"):
                if line.strip():
                    label = json.loads(line)
                    row = to_standoff(label, units[label["key"]])
                    row["annotator"] = annotator
                    rows.append(row)
            (primary if rank == 0 else double).extend(rows)
    for name, rows in (("labels.jsonl", primary), ("double.jsonl", double)):
        with (out_dir / name).open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(primary)} labels, {len(double)} second labels in {out_dir}")
    return 0


def split() -> int:
    """A fifth of the chosen articles of each corpus, drawn with a fixed seed, held out; the
    third draw a second held-out part; the later draws a third.  Each part is drawn once: a
    part already in split.json is kept as it is (the sentence splitter has changed since the
    third draw was made, so the 5–40 sentence rule would not draw it again the same)."""
    import random

    out = Path(__file__).resolve().parents[1] / "annotations" / "acts" / "split.json"
    kept = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    heldout: list[str] = kept.get("heldout") or []
    if not heldout:
        for corpus, count in ACT_CORPORA:
            ids = choose_articles(DATA, corpus, count, SEED)
            heldout.extend(sorted(random.Random(SEED + 100).sample(ids, len(ids) // 5)))
    # The third draw, whole, is a second held-out part: drawn and annotated after the first
    # held-out part had been read to choose between gates, it is read by nothing but
    # `harmattan eval acts … --part heldout2`.
    second = kept.get("heldout2") or sorted(r for corpus, count in ACT_THIRD_CORPORA
                                            for r in act_extra_articles(corpus, count, third=True))
    # The later draws, whole, are a third: annotated after every rule of the coder was
    # written, so that its figures are those of news no rule was read from
    # (`harmattan eval acts … --part heldout3`).
    third = kept.get("heldout3") or sorted(r for draw, (corpora, _) in ACT_LATER_DRAWS.items()
                                           for corpus, count in corpora
                                           for r in act_extra_articles(corpus, count, draw=draw))
    out.write_text(json.dumps({"seed": SEED + 100, "heldout": heldout, "heldout2": second,
                               "heldout3": third}, indent=1) + "\n", encoding="utf-8")
    print(f"{len(heldout)} + {len(second)} + {len(third)} held-out articles in {out}")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "acts":
        write(act_batches(), Path(argv[1]), "acts")
    elif len(argv) == 2 and argv[0] == "acts-fr":
        write(french_batches(), Path(argv[1]), "acts-fr")
    elif len(argv) == 2 and argv[0] == "acled":
        write(acled_batches(), Path(argv[1]), "acled")
    elif len(argv) == 3 and argv[0] == "check":
        return check(Path(argv[1]), Path(argv[2]))
    elif len(argv) == 3 and argv[0] == "merge":
        return merge(argv[1], Path(argv[2]))
    elif argv == ["split-acled-quad"]:
        from harmattan.training.acled_classifier import write_quad_split

        held = write_quad_split(DATA)["heldout_quad"]
        print(f"{len(held)} held-out quad sentences in annotations/acled/split.json")
    elif argv == ["split"]:
        return split()
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
