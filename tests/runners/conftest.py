"""Articles shared by the runner tests: the samples and a slice of real InSight Crime reports."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from harmattan.ingest.readers import read_inputs
from harmattan.runners.local import local_coder
from harmattan.schema import Article, Event

REPO = Path(__file__).resolve().parents[2]
INSIGHTCRIME = REPO.parent / "shared" / "data" / "news" / "insightcrime-train.jsonl"
#: InSight Crime articles taken after the samples: enough to fill several batches/partitions.
N_INSIGHTCRIME = 24


def _insightcrime_lines() -> list[str]:
    if not INSIGHTCRIME.is_file():
        pytest.fail(f"{INSIGHTCRIME} is missing: the runner tests need ../shared/data beside the repo")
    lines = []
    with INSIGHTCRIME.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                lines.append(line)
            if len(lines) == N_INSIGHTCRIME:
                break
    return lines


@pytest.fixture(scope="session")
def runner_inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two input files: the samples and the InSight Crime slice, which gets dates spread over
    three days, eight articles each (the originals are undated), so that partitioning by date
    has something to do."""
    folder = tmp_path_factory.mktemp("runner-inputs")
    dated = []
    for i, line in enumerate(_insightcrime_lines()):
        record = json.loads(line)
        record["date"] = f"2024-03-0{1 + i // 8}"
        dated.append(json.dumps(record, ensure_ascii=False))
    news = folder / "insightcrime.jsonl"
    news.write_text("\n".join(dated) + "\n", encoding="utf-8")
    return [REPO / "samples" / "sahel.jsonl", REPO / "samples" / "seed.jsonl", news]


@pytest.fixture(scope="session")
def runner_articles(runner_inputs: list[Path]) -> list[Article]:
    return [r for r in read_inputs(runner_inputs) if isinstance(r, Article)]


@pytest.fixture(scope="session")
def reference_events(runner_articles: list[Article]) -> list[Event]:
    """Every article coded alone, in this process: what every runner must give."""
    coder = local_coder()
    return [event for article in runner_articles for event in coder.code([article])]


def events_by_article(events: list[Event]) -> dict[str, list[dict]]:
    """Each article's events as JSON-ready dicts, in output order, by article id."""
    out: dict[str, list[dict]] = defaultdict(list)
    for event in events:
        out[event.article_id].append(event.to_dict())
    return dict(out)
