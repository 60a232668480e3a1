"""What a first-time user meets: bad paths and missing pieces give a clear message, not a
traceback; what can go on goes on.  Each test runs the CLI and checks its output and status."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from harmattan.interfaces.cli import EXIT_REJECTS, main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NIGER = "ECOWAS imposed sanctions on Niger."


def _jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _unreadable(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Make ``path`` unreadable, also for root (whom file modes do not stop)."""
    path.chmod(0)
    real_open = Path.open

    def refusing_open(self: Path, *args: object, **kwargs: object):  # noqa: ANN202
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)


# -- code: inputs ------------------------------------------------------------------------------


def test_code_rejects_an_unreadable_file_and_codes_its_neighbours(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _jsonl(folder / "a.jsonl", {"id": "a", "date": "2023-07-31", "text": NIGER})
    bad = _jsonl(folder / "b.jsonl", {"id": "b", "date": "2023-07-31", "text": NIGER})
    _jsonl(folder / "c.jsonl", {"id": "c", "date": "2023-07-31", "text": NIGER})
    _unreadable(monkeypatch, bad)
    out, rejects = tmp_path / "events.jsonl", tmp_path / "rejects.jsonl"
    result = CliRunner().invoke(main, ["code", str(folder), "-o", str(out), "--rejects", str(rejects),
                                       "--workers", "1"])
    assert result.exit_code == EXIT_REJECTS, result.output
    assert f"rejected {bad}: cannot read the file: Permission denied\n" in result.output
    assert result.output.endswith("2 articles, 2 events, 1 rejected\n")
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [e["article_id"] for e in events] == ["a", "c"]
    kept = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert kept == [{"origin": str(bad), "line": None, "record_id": None,
                     "reason": "cannot read the file: Permission denied", "raw": None}]


def test_code_reads_html_as_ingest_does() -> None:
    page = FIXTURES / "feeds" / "pages" / "clash.html"
    result = CliRunner().invoke(main, ["code", str(page), "--workers", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.output.splitlines()]
    assert {(e["article_id"], e["date"]) for e in events} == {("clash", "2023-08-14")}
    assert "FIGHT" in {e["plover"]["event"] for e in events if e["plover"]}


def test_a_csv_without_a_date_column_warns(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(f'id,text\na,"{NIGER}"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(path), "--workers", "1", "-o", str(tmp_path / "e.jsonl")])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"warning: {path}: no 'date' column, so every article is undated (its events have no "
        "date; `ingest` rejects undated articles)\n1 articles, 1 events, 0 rejected\n")
    # Said again on the next run in the same process (not Python's once-per-place default).
    again = CliRunner().invoke(main, ["code", str(path), "--workers", "1", "-o", str(tmp_path / "e.jsonl")])
    assert again.output.startswith("warning: ")


# -- the store ---------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["stats"], ["export"], ["changes", "--since", "2024-01-01"],
                                     ["rejects"], ["alerts"]])
def test_read_commands_refuse_a_store_that_does_not_exist(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "typo" / "harmattan.db"
    result = CliRunner().invoke(main, [*command, "--db", str(missing)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: [E010] no store at {missing}\n"
        f"  fix: check the path (--db / HARMATTAN_DB), or fill a store first: "
        f"harmattan ingest INPUT... --db {missing}\n")
    assert not (tmp_path / "typo").exists()


def test_db_pointing_at_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    for command in (["stats"], ["ingest", str(tmp_path)]):
        result = CliRunner().invoke(main, [*command, "--db", str(notes)])
        assert result.exit_code == 1, result.output
        assert result.output == (
            f"Error: [E010] {notes} is not a SQLite database (not a Harmattan store)\n"
            "  fix: check --db / HARMATTAN_DB; a new store needs a new file name\n")
    assert notes.read_text(encoding="utf-8") == "my notes\n"


def test_db_pointing_at_a_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--db", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == (f"Error: [E010] --db {tmp_path} is a folder, not a store file\n"
                             f"  fix: name a file, e.g. --db {tmp_path / 'harmattan.db'}\n")


def test_a_damaged_sqlite_store_is_a_message_without_the_server_hint(tmp_path: Path) -> None:
    db = tmp_path / "damaged.db"
    with sqlite3.connect(db) as conn:
        conn.execute("create table t (x)")
    db.write_bytes(db.read_bytes()[:16] + b"\xff" * 84)
    result = CliRunner().invoke(main, ["stats", "--db", str(db)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: [E010] cannot open the store sqlite:///{db}: ")
    assert result.output.endswith("  fix: check --db / HARMATTAN_DB\n")


# -- bench, train ------------------------------------------------------------------------------


def test_bench_without_the_shared_data_says_what_to_give(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HARMATTAN_SHARED_DATA", str(tmp_path / "nowhere"))
    result = CliRunner().invoke(main, ["bench", "--limit", "200", "--workers", "1,2"])
    assert result.exit_code == 1
    missing = tmp_path / "nowhere" / "news" / "insightcrime-train.jsonl"
    assert result.output == (
        f"Error: no benchmark input at {missing} (the shared news data is not beside this "
        "checkout); give one: --input FILE.jsonl (e.g. --input samples/sahel-2024.jsonl), "
        "or set HARMATTAN_SHARED_DATA to the shared data folder\n")


def test_train_without_the_train_extra_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real_find_spec = importlib.util.find_spec
    installed = {"transformers", "sklearn"}  # whether they are here or not, say they are

    def find_spec(name: str, *args: object) -> object:
        if name in {"torch", "onnx"}:
            return None
        return object() if name in installed else real_find_spec(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    result = CliRunner().invoke(main, ["train", "--cv", "0", "--out", os.devnull])
    assert result.exit_code == 1
    assert result.output == ("Error: training needs the train extra, and torch, onnx are not "
                             "installed; install it with: scripts/setup.sh --train\n")
