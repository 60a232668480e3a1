"""Reading articles: every format, and every kind of bad record rejected with its reason."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from harmattan.errors import InputError
from harmattan.ingest.readers import MAX_TEXT_CHARS, read_inputs
from harmattan.schema import Article, Reject

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"


def _split(records):
    records = list(records)
    return [r for r in records if isinstance(r, Article)], [r for r in records if isinstance(r, Reject)]


def test_jsonl_good_and_bad_lines_are_kept_apart(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Niger closed its border.", "date": "2023-08-01", "title": "T"}),
        "{not json",
        json.dumps({"id": "a2", "text": "   ", "date": "2023-08-01"}),
        json.dumps({"id": "a3", "text": "Mali spoke.", "date": "2023-02-30"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"text": "no id here"}),
        json.dumps({"id": "a4", "text": "Burkina Faso spoke.", "date": None}),
    ]
    path.write_bytes("\n".join(lines).encode() + b"\n" + b'{"id": "a5", "text": "caf\xe9"}\n')
    articles, rejects = _split(read_inputs([path]))
    assert [a.id for a in articles] == ["a1", "a4"]
    assert articles[0].date == dt.date(2023, 8, 1) and articles[0].title == "T"
    assert articles[0].origin == f"{path}:1"
    assert articles[1].date is None
    reasons = {(r.line, r.reason.split(":")[0].split(" (")[0]) for r in rejects}
    assert reasons == {
        (2, "invalid JSON"),
        (3, "no text"),
        (4, "impossible date '2023-02-30'"),
        (5, "expected a JSON object, got list"),
        (7, "missing id"),
        (9, "undecodable bytes"),
    }
    assert all(r.origin == str(path) for r in rejects)
    assert next(r for r in rejects if r.line == 2).raw == "{not json"


def test_txt_with_date_line_uses_file_name_as_id(tmp_path: Path) -> None:
    path = tmp_path / "report-1.txt"
    path.write_text(" date 2023-11-08 Niger has taken a step.\n\nMore text.", encoding="utf-8")
    (article,) = list(read_inputs([path]))
    assert article.id == "report-1"
    assert article.date == dt.date(2023, 11, 8)
    assert article.text == "Niger has taken a step.\n\nMore text."


def test_shared_seed_txt_and_jsonl_agree() -> None:
    (from_txt,) = list(read_inputs([SHARED / "seed" / "seed.txt"]))
    (from_jsonl,) = list(read_inputs([SHARED / "seed" / "seed.jsonl"]))
    assert from_txt.date == from_jsonl.date == dt.date(2023, 11, 8)
    assert from_txt.text.strip() == from_jsonl.text.strip()


def test_csv_rows_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        'id,date,title,text\n'
        'c1,2024-01-28,Exit,"Mali, Burkina Faso and Niger left ECOWAS."\n'
        'c2,2024-13-01,Bad,"A bad month."\n'
        'c3,,No date,"Text without a date."\n'
        'c4,2024-01-01,,\n',
        encoding="utf-8",
    )
    articles, rejects = _split(read_inputs([path]))
    assert [a.id for a in articles] == ["c1", "c3"]
    assert articles[0].text == "Mali, Burkina Faso and Niger left ECOWAS."
    assert [(r.record_id, r.line) for r in rejects] == [("c2", 3), ("c4", 5)]
    assert "impossible date" in rejects[0].reason and rejects[1].reason == "no text"


def test_csv_without_text_column_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    with pytest.raises(InputError, match="id and text"):
        list(read_inputs([path]))


def test_folder_reads_every_supported_file_in_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second file.", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "x", "text": "First."}) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    articles, rejects = _split(read_inputs([tmp_path]))
    assert [a.id for a in articles] == ["x", "b"] and not rejects


def test_stdin_is_jsonl() -> None:
    stream = io.BytesIO(b'{"id": "s1", "text": "From stdin."}\nnot json\n')
    articles, rejects = _split(read_inputs(["-"], stdin=stream))
    assert [a.id for a in articles] == ["s1"]
    assert rejects[0].origin == "<stdin>" and rejects[0].line == 2


def test_huge_and_binary_texts_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(
        json.dumps({"id": "huge", "text": "a" * (MAX_TEXT_CHARS + 1)}) + "\n"
        + json.dumps({"id": "nul", "text": "bin\u0000ary"}) + "\n",
        encoding="utf-8",
    )
    articles, rejects = _split(read_inputs([path]))
    assert not articles
    assert rejects[0].record_id == "huge" and "too long" in rejects[0].reason
    assert rejects[1].record_id == "nul" and "binary" in rejects[1].reason


def test_missing_path_and_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_inputs([tmp_path / "nope.jsonl"]))
    other = tmp_path / "x.pdf"
    other.write_bytes(b"%PDF")
    with pytest.raises(InputError, match="unknown input format"):
        list(read_inputs([other]))
