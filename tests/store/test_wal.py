"""SQLite's write-ahead log is emptied into the database file when the store closes: a copied
``.db`` holds every commit, even while another connection (a reader) is still open."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from harmattan.store import Store
from harmattan.store.ingest import ingest
from harmattan.store.stand_in import make_rule_coder

from .conftest import write_jsonl


def test_closing_the_store_checkpoints_the_log(tmp_path: Path) -> None:
    db = tmp_path / "harmattan.db"
    source = write_jsonl(tmp_path / "in.jsonl", [
        {"id": f"w{i}", "date": "2023-08-01", "text": f"Mali attacked Niger near post {i}."} for i in range(5)])
    reader = None
    try:
        with Store.open(str(db)) as store:
            # A reader that stays open: SQLite's own checkpoint at the last close cannot run.
            reader = sqlite3.connect(db)
            assert reader.execute("SELECT count(*) FROM articles").fetchone() == (0,)
            report = ingest(store, [source], workers=1, coder_factory=make_rule_coder)
        assert report.articles == 5
        assert Path(f"{db}-wal").stat().st_size == 0
        shutil.copyfile(db, tmp_path / "copy.db")
        with sqlite3.connect(tmp_path / "copy.db") as copy:
            assert copy.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    finally:
        if reader is not None:
            reader.close()


def test_a_checkpoint_waits_for_no_reader(tmp_path: Path) -> None:
    db = tmp_path / "harmattan.db"
    with Store.open(str(db)) as store:
        reader = sqlite3.connect(db, isolation_level=None)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM articles").fetchone()  # a snapshot held open
        with store.writing() as conn:
            conn.exec_driver_sql("INSERT INTO feed_state (feed_url, failures) VALUES ('u', 0)")
        assert store.checkpoint() is False  # busy: it gives up instead of blocking
        reader.execute("COMMIT")
        reader.close()
        assert store.checkpoint() is True
