"""Stand-off annotations: units, offsets, and the shipped label files checked against the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harmattan.training.act_gate import ACTS_DIR, CORPUS_OF, load_act_texts, load_split
from harmattan.training.annotations import Unit, load_labels, locate, to_standoff

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
ROOT = Path(__file__).resolve().parents[2]


def test_actor_words_become_article_offsets() -> None:
    unit = Unit("news/x.jsonl", "ic-1", 100, 140, "Police arrested four gang members.")
    row = to_standoff({"key": "ignored", "kind": "act", "events": [
        {"type": "COERCE", "source": "Police", "target": "four gang members", "source_code": "MEX"}]},
        unit)
    assert row["key"] == "ic-1:100-140"
    assert row["events"][0]["source"] == [100, 106]
    assert row["events"][0]["target"] == [116, 133]
    assert locate("GANG", unit.text) == (21, 25)  # case-insensitive when not exact
    with pytest.raises(ValueError, match="not in the sentence"):
        to_standoff({"events": [{"type": "COERCE", "source": "the army"}]}, unit)


def test_labels_outside_their_record_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "labels.jsonl"
    bad.write_text(json.dumps({"key": "ic-0000:0-99999999", "kind": "other"}) + "\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match="outside ic-0000"):
        load_labels(bad, SHARED, CORPUS_OF)


def test_shipped_act_labels_point_into_the_shared_text() -> None:
    labels = load_labels(ACTS_DIR / "labels.jsonl", SHARED, CORPUS_OF)
    assert len(labels) == 10189 and len({r["key"] for r in labels}) == 10189
    kinds = {"act", "background", "opinion", "statistic", "state", "prediction", "generic", "other"}
    assert {r["kind"] for r in labels} == kinds
    for row in labels:
        assert row["text"].strip() and row["text"] == row["text"].strip()
        for event in row.get("events") or []:
            for role in ("source", "target"):
                if event.get(role):
                    start, end = event[role]
                    assert row["start"] <= start < end <= row["end"]
    split = load_split()
    heldout, second = split["heldout"], split["heldout2"]
    assert len(heldout) == 32 and len({r["record_id"] for r in labels} & heldout) == 32
    # The third draw is the second held-out part: annotated, and read by no training.
    assert len(second) == 75 and not heldout & second
    assert len({r["record_id"] for r in labels} & second) == 75
    # The fourth and fifth draws are the third held-out part: annotated, read by no training.
    third = split["heldout3"]
    assert len(third) == 230 and not third & (heldout | second)
    assert len({r["record_id"] for r in labels} & third) == 230
    train, _ = load_act_texts(ACTS_DIR / "labels.jsonl", "train", SHARED)
    assert len(train) == 4260 and not {r["record_id"] for r in train} & (heldout | second | third)
    held3, texts = load_act_texts(ACTS_DIR / "labels.jsonl", "heldout3", SHARED)
    assert len(held3) == 4028 and set(texts) == third


def test_shipped_acled_labels_have_valid_types() -> None:
    rows = [json.loads(line) for line in (ROOT / "annotations" / "acled" / "labels.jsonl")
            .open(encoding="utf-8")]
    # 1,984 of the first draw, 355 of the targeted one, 1,349 quad sentences of the third
    assert len(rows) == 3688
    assert sum(r["key"].startswith("quad-train-") for r in rows) == 1349
    assert all((r["sub_event_type"] is None) == (r["event_type"] is None) for r in rows)
    assert all(r["sub_event_type"] is not None or r["non_event"] for r in rows)


def test_the_acled_parts_split_the_labels_and_keep_quad_out_of_training() -> None:
    from harmattan.errors import InputError
    from harmattan.training.acled_classifier import PARTS, load_annotations

    parts = {part: {r["id"] for r in load_annotations(SHARED, part)} for part in PARTS}
    assert len(parts["all"]) == 3688
    assert parts["train"] | parts["heldout"] | parts["quad-train"] | parts["quad-heldout"] == parts["all"]
    assert sum(len(parts[p]) for p in PARTS if p != "all") == 3688  # no snippet in two parts
    assert len(parts["quad-heldout"]) == 270 and len(parts["quad-train"]) == 1079
    assert all(key.startswith("quad-train-") for key in parts["quad-heldout"] | parts["quad-train"])
    # The classifier trains on "train": the articles' snippets only, as before the quad draw.
    assert len(parts["train"]) == 1864 and len(parts["heldout"]) == 475
    assert not any(key.startswith("quad-") for key in parts["train"] | parts["heldout"])
    with pytest.raises(InputError, match="no part 'heldout2'"):
        load_annotations(SHARED, "heldout2")


def test_an_act_part_the_split_lacks_is_an_error() -> None:
    from harmattan.errors import InputError

    with pytest.raises(InputError, match="no part 'quad-heldout'"):
        load_act_texts(ROOT / "annotations" / "acts-fr" / "labels.jsonl", "quad-heldout", SHARED)


def test_a_targeted_acled_draw_matches_its_pattern_and_skips_what_was_drawn(tmp_path: Path) -> None:
    from harmattan.training.annotations import acled_targeted_units

    news = tmp_path / "news"
    news.mkdir()
    records = [
        {"id": "a-1", "text": "Protesters marched in the capital on Monday. The rally ended peacefully. "
                              "Prices rose in March."},
        {"id": "a-2", "text": "Police seized 40 rifles and ammunition at the port. Officials said nothing more."},
        {"id": "a-3", "text": "The weather was mild all week. Farmers sold their crops at the market."},
    ]
    (news / "x.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    pattern = r"\b(?:rally|protest|seized .{0,40}rifles)"
    units = acled_targeted_units(tmp_path, "news/x.jsonl", pattern, 10, seed=1, exclude={"a-1:0-44"})
    assert units and all(u.record_id in {"a-1", "a-2"} for u in units)
    text = {r["id"]: r["text"] for r in records}
    for unit in units:
        assert text[unit.record_id][unit.start:unit.end] == unit.text
        assert not (unit.record_id == "a-1" and unit.start < 44)  # overlaps the excluded snippet
    assert len({(u.record_id, u.start) for u in units}) == len(units)
