"""The geo evaluation on a small hand-made gold file (tests/geo/golden/geo_gold.jsonl)."""

from __future__ import annotations

from pathlib import Path

import pytest

from harmattan.errors import InputError
from harmattan.geo import Geoparser
from harmattan.geo.evaluate import evaluate_geo, load_geo_gold

GOLD = Path(__file__).parent / "golden" / "geo_gold.jsonl"


def test_own_gold_scores(geoparser: Geoparser) -> None:
    report = evaluate_geo(load_geo_gold(GOLD), geoparser)
    assert report.records == 10 and report.gold == 30
    assert report.precision >= 0.9
    assert report.recall >= 0.9
    assert report.accuracy_161km >= 0.9
    assert "accuracy@161km" in report.render()
    # "the Sahel" (the belt across Africa), long a miss, is in the gazetteer's regions now.
    assert {e["text"] for e in report.errors if e["kind"] == "missed"} == set()


def test_bad_gold_line_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "x", "text": "a", "toponyms": []}\n{"id": 2}\n', encoding="utf-8")
    with pytest.raises(InputError, match="gold.jsonl:2"):
        load_geo_gold(bad)
