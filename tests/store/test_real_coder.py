"""The store with the real coder: what is stored is exactly what ``harmattan code`` gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harmattan.store import Store, read
from harmattan.store.ingest import ingest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.models
def test_stored_mentions_are_the_coders_events(db_url: str) -> None:
    from harmattan.ingest.readers import read_inputs
    from harmattan.pipeline import code_articles
    from harmattan.schema import Article

    articles = [r for r in read_inputs([SAMPLES]) if isinstance(r, Article)]
    expected = sorted(json.dumps(e.to_dict(), sort_keys=True) for e in code_articles(articles))
    assert expected, "the coder found no events in samples/"
    with Store.open(db_url) as store:
        report = ingest(store, [SAMPLES], workers=1, allow_undated=True)
        with store.reading() as conn:
            stored = sorted(json.dumps(m["payload"], sort_keys=True) for m in read.mentions(conn))
            stats = read.stats(conn)
    assert report.articles == len({a.content_hash for a in articles})
    assert stored == expected
    assert stats["clusters"] <= stats["events"] == len(expected)
