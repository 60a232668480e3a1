"""Long commands show a bar with the total on a terminal, and nothing more on a pipe or a file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from harmattan.ingest.readers import count_records
from harmattan.interfaces.cli import main

TEXT = "ECOWAS imposed sanctions on Niger."


def _inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        "".join(json.dumps({"id": f"a{i}", "date": "2023-07-31", "text": TEXT}) + "\n" for i in range(3))
        + "\n{broken\n", encoding="utf-8")
    (folder / "b.csv").write_text(f'id,date,text\nb1,2023-07-31,"{TEXT}\nSecond line."\n', encoding="utf-8")
    (folder / "c.txt").write_text(TEXT, encoding="utf-8")
    (folder / "notes.md").write_text("not an input", encoding="utf-8")
    return folder


def test_count_records_counts_lines_rows_and_files(tmp_path: Path) -> None:
    folder = _inputs(tmp_path)
    assert count_records([folder]) == 6  # 4 JSONL lines (one broken), 1 CSV row, 1 text file
    assert count_records([folder], every_file=True) == 7  # ingest rejects notes.md
    assert count_records([folder / "a.jsonl", "-"]) is None


@pytest.mark.parametrize("command", [
    ["code", "IN", "-o", "events.jsonl", "--workers", "1"],
    ["geoparse", "IN", "-o", "places.jsonl", "--workers", "1"],
    ["ingest", "IN", "--db", "store.db", "--workers", "1"],
])
def test_a_terminal_gets_a_bar_with_the_total(tmp_path: Path, command: list[str],
                                              run_on_a_terminal) -> None:
    folder = _inputs(tmp_path)
    status, drawn = run_on_a_terminal([str(folder) if a == "IN" else a for a in command], tmp_path)
    assert status in {0, 3}
    total = 7 if command[0] == "ingest" else 6
    # tqdm's bar: "100%|██████████| 6/6 [00:01<00:00,  4.20article/s]" — the total and the time left.
    assert re.search(rf"100%\|[^|]*\| {total}/{total} \[\d\d:\d\d<\d\d:\d\d", drawn), drawn


def test_a_pipe_gets_no_bar(tmp_path: Path) -> None:
    folder = _inputs(tmp_path)
    result = CliRunner().invoke(main, ["code", str(folder), "-o", str(tmp_path / "e.jsonl"), "--workers", "1"])
    assert result.exit_code == 3
    assert result.output == (f"rejected {folder / 'a.jsonl'}:5: invalid JSON: Expecting property name "
                             "enclosed in double quotes at column 2\n5 articles, 5 events, 1 rejected\n")
