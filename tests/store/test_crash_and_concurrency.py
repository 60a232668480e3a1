"""Kill -9 in the middle of an ingest, run it again: the store ends as an uninterrupted run
leaves it.  And an export that runs while an ingest writes sees one consistent snapshot."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from harmattan.store import Store, read
from harmattan.store import schema as t

from .synthetic import write_synthetic

N_ARTICLES = int(os.environ.get("HARMATTAN_CRASH_ARTICLES", "5000"))

#: An ingest in its own process, with the stand-in coder (the real coder: see below).
_DRIVER = """
import sys
from harmattan.store import Store
from harmattan.store.ingest import ingest
from harmattan.store.stand_in import make_rule_coder
with Store.open(sys.argv[1]) as store:
    ingest(store, [sys.argv[2]], workers=int(sys.argv[3]), batch_size=16, coder_factory=make_rule_coder)
"""

#: The real ``harmattan`` command with the store's commands added.
_CLI = """
from harmattan.interfaces.cli import main
from harmattan.interfaces.cli_store import register
register(main)
main()
"""


def _stored(db: str) -> int:
    with Store.open(db) as store, store.reading() as conn:
        return int(conn.execute(select(func.count()).select_from(t.articles)).scalar_one())


def _export(db: str, mentions: bool = False) -> list[str]:
    with Store.open(db) as store, store.reading() as conn:
        records = read.mentions(conn) if mentions else read.clusters(conn)
    if mentions:
        records = [read.mention_record(r) for r in records]
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in records)


def _kill_when(process: subprocess.Popen, db: str, at_least: int, timeout: float = 300) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the ingest finished before it could be killed: {process.stderr.read()!r}")
        try:
            n = _stored(db)
        except Exception:  # noqa: BLE001 - the store may not exist yet
            n = 0
        if n >= at_least:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            return n
        time.sleep(0.05)
    process.kill()
    pytest.fail("the ingest made no progress")


@pytest.mark.slow
def test_kill_9_during_ingest_then_rerun_gives_the_uninterrupted_store(db_url: str, tmp_path: Path) -> None:
    source = write_synthetic(tmp_path / "articles.jsonl", N_ARTICLES)
    reference = str(tmp_path / "reference.db")

    def command(db: str) -> list[str]:
        return [sys.executable, "-c", _DRIVER, db, str(source), "1"]

    env = {**os.environ}
    subprocess.run(command(reference), check=True, env=env, capture_output=True)
    process = subprocess.Popen(command(db_url), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    killed_at = _kill_when(process, db_url, at_least=N_ARTICLES // 3)
    assert 0 < killed_at < N_ARTICLES
    subprocess.run(command(db_url), check=True, env=env, capture_output=True)
    assert _export(db_url) == _export(reference)
    assert _export(db_url, mentions=True) == _export(reference, mentions=True)
    with Store.open(db_url) as store, store.reading() as conn:
        ids = conn.execute(select(t.articles.c.article_id)).scalars().all()
        n_events = conn.execute(select(func.count()).select_from(t.events)).scalar_one()
    with Store.open(reference) as store, store.reading() as conn:
        ref_ids = conn.execute(select(t.articles.c.article_id)).scalars().all()
        ref_events = conn.execute(select(func.count()).select_from(t.events)).scalar_one()
    assert sorted(ids) == sorted(ref_ids)  # none missing, none twice
    assert len(ids) == len(set(ids))
    assert n_events == ref_events


@pytest.mark.slow
@pytest.mark.models
def test_kill_9_with_the_real_coder_and_cli(tmp_path: Path) -> None:
    """The acceptance run: the real coder through ``harmattan ingest`` (SQLite)."""
    n = int(os.environ.get("HARMATTAN_CRASH_ARTICLES_REAL", "5000"))
    source = write_synthetic(tmp_path / "articles.jsonl", n)
    db, reference = str(tmp_path / "crashed.db"), str(tmp_path / "reference.db")

    def command(target: str) -> list[str]:
        return [sys.executable, "-c", _CLI, "ingest", str(source), "--db", target, "-q"]

    subprocess.run(command(reference), check=True, capture_output=True)
    process = subprocess.Popen(command(db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    killed_at = _kill_when(process, db, at_least=n // 3)
    assert 0 < killed_at < n
    subprocess.run(command(db), check=True, capture_output=True)
    assert _export(db) == _export(reference)
    assert _export(db, mentions=True) == _export(reference, mentions=True)
    assert _stored(db) == _stored(reference)


def test_an_export_during_an_ingest_sees_a_consistent_snapshot(db_url: str, tmp_path: Path) -> None:
    source = write_synthetic(tmp_path / "articles.jsonl", 1500)
    Store.open(db_url).close()  # create the schema before the writer and readers race
    process = subprocess.Popen([sys.executable, "-c", _DRIVER, db_url, str(source), "1"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = []
    try:
        with Store.open(db_url) as store:
            while process.poll() is None:
                with store.reading() as conn:
                    before = conn.execute(select(func.count()).select_from(t.events)).scalar_one()
                    clusters = read.clusters(conn)
                    mentions = read.mentions(conn)
                    after = conn.execute(select(func.count()).select_from(t.events)).scalar_one()
                # One snapshot: the counts did not move under the reader, and the clusters
                # account for exactly the mentions.
                assert before == after == len(mentions)
                assert sum(c["n_mentions"] for c in clusters) == len(mentions)
                seen.append(len(mentions))
                time.sleep(0.05)
    finally:
        process.wait(timeout=600)
    assert process.returncode == 0, process.stderr.read()
    assert seen == sorted(seen)  # monotonic: a reader never sees a batch half-written
    assert len(set(seen)) > 2, seen  # the reader really ran while the writer wrote


def test_two_ingests_of_overlapping_inputs_at_once_store_each_article_once(db_url: str, tmp_path: Path) -> None:
    from .synthetic import synthetic_articles

    records = synthetic_articles(600, seed=11)
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in records[:400]), encoding="utf-8")
    second.write_text("".join(json.dumps(r) + "\n" for r in records[200:]), encoding="utf-8")
    Store.open(db_url).close()
    writers = [subprocess.Popen([sys.executable, "-c", _DRIVER, db_url, str(path), "1"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for path in (first, second)]
    for writer in writers:
        writer.wait(timeout=600)
        assert writer.returncode == 0, writer.stderr.read()
    with Store.open(db_url) as store, store.reading() as conn:
        hashes = conn.execute(select(t.articles.c.content_hash)).scalars().all()
        expected = len({json.dumps(r["text"]) for r in records})
    assert len(hashes) == len(set(hashes)) == expected
    # Both wrote to the same clusters at once: the API's listings still hold every mention.
    from .test_listings import computed, stored

    assert stored(db_url) == computed(db_url)


def test_a_server_that_is_down_is_an_error_with_the_fix() -> None:
    from harmattan.store import StoreError

    with pytest.raises(StoreError, match="cannot open the store") as info:
        Store.open("postgresql://nobody@127.0.0.1:1/nothing")
    assert "fix:" in str(info.value) and "nobody@127.0.0.1:1" in str(info.value)
