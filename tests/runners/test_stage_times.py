"""A run reports the seconds of each stage, wherever its batches were coded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harmattan.pipeline import code_records
from harmattan.schema import Article

pytestmark = pytest.mark.models

CODING_STAGES = {"sentences", "actors", "model", "parse", "verbs", "roles", "acled", "other"}


@pytest.mark.parametrize("workers", [1, 2])
def test_each_batch_reports_its_stages_and_the_run_writes_the_totals(
        runner_articles: list[Article], workers: int, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "stages.json"
    monkeypatch.setenv("HARMATTAN_STAGE_TIMES", str(out))
    articles = runner_articles[:6]
    results = list(code_records(articles, on_reject=pytest.fail, workers=workers, batch_size=3))
    assert [a for r in results for a in r.articles] == articles
    for result in results:
        assert CODING_STAGES <= set(result.stage_seconds), result.stage_seconds
    totals = json.loads(out.read_text(encoding="utf-8"))["stage_seconds"]
    assert CODING_STAGES | {"read", "write"} <= set(totals)
    assert all(seconds >= 0 for seconds in totals.values())
