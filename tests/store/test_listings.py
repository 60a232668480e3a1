"""The API's stored cluster listings (``cluster_listings``) follow every write: new articles,
re-coding (revised and withdrawn events), and the upgrade that builds them for an older store."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from harmattan.store import Store, migrations
from harmattan.store import query as q
from harmattan.store import schema as t
from harmattan.store.ingest import ingest
from harmattan.store.stand_in import make_rule_coder

from .conftest import write_jsonl
from .test_store import ARTICLES, make_recoding_coder

MORE = [
    {"id": "w3", "date": "2023-08-02", "source": "Paper D",
     "text": "Mali attacked Niger near the border town of Ayorou on Monday and killed 5 people."},
    {"id": "y1", "date": "2023-09-10", "source": "Paper E",
     "text": "Nigeria clashed with Chad at the border. Ghana condemned the fighting."},
]


def stored(db: str) -> dict[str, tuple[str | None, dict[str, Any]]]:
    with Store.open(db) as store, store.reading() as conn:
        rows = conn.execute(select(t.cluster_listings)).all()
    return {r.cluster_id: (r.date, json.loads(r.listing)) for r in rows}


def computed(db: str) -> dict[str, tuple[str | None, dict[str, Any]]]:
    """The listings as the API computed them on every read before they were stored."""
    with Store.open(db) as store, store.reading() as conn:
        sub = q._matching_clusters(conn, q.EventFilter()).subquery()
        dates = dict(conn.execute(select(sub.c.cluster_id, sub.c.date)).all())
        records = q.clusters_by_id(conn, list(dates))
    return {cid: (dates[cid], q.listing(r)) for cid, r in records.items()}


def _ingest(db: str, tmp_path: Path, records: list[dict[str, Any]], **kw: Any) -> Any:
    path = write_jsonl(tmp_path / f"in{time.monotonic_ns()}.jsonl", records)
    with Store.open(db) as store:
        return ingest(store, [path], workers=1, coder_factory=kw.pop("coder_factory", make_rule_coder), **kw)


def test_listings_follow_new_articles_and_recoding(db_url: str, tmp_path: Path) -> None:
    _ingest(db_url, tmp_path, ARTICLES)
    first = stored(db_url)
    assert first == computed(db_url) and len(first) == 3
    assault = next(v for v in first.values() if v[1]["event_type"] == "ASSAULT")[1]
    assert assault["n_mentions"] == 2 and assault["fatalities"] == {"low": 4, "best": 4, "high": 7}

    _ingest(db_url, tmp_path, MORE)  # a third report of the raid, and a new event
    second = stored(db_url)
    assert second == computed(db_url) and len(second) == 5
    assault = second[assault["id"]][1]
    assert assault["n_mentions"] == 3 and assault["fatalities"] == {"low": 4, "best": 5, "high": 7}

    # Re-coding: the meeting is withdrawn (its cluster goes), the raid becomes a fight.
    _ingest(db_url, tmp_path, [*ARTICLES, *MORE], recode=True, coder_factory=make_recoding_coder)
    third = stored(db_url)
    assert third == computed(db_url)
    assert "CONSULT" not in {v[1]["event_type"] for v in third.values()}
    assert "FIGHT" in {v[1]["event_type"] for v in third.values()}


def test_the_upgrade_to_version_5_builds_the_listings(db_url: str, tmp_path: Path) -> None:
    _ingest(db_url, tmp_path, [*ARTICLES, *MORE])
    expected = stored(db_url)
    with Store.open(db_url) as store, store.engine.begin() as conn:  # back to version 4
        conn.execute(text("DROP TABLE cluster_listings"))
        conn.execute(text("DROP TABLE ingest_jobs"))
        conn.execute(text("DROP INDEX ix_events_listing"))
        conn.execute(t.schema_version.delete().where(t.schema_version.c.version == 5))
    with Store.open(db_url) as store, store.engine.connect() as conn:
        assert migrations.current_version(conn) == migrations.HEAD == 5
    assert stored(db_url) == expected == computed(db_url)
