"""Dates as news files write them: the common forms read, a missing day left empty, only the
unreadable rejected (naming the record and the value), and no date needed to geoparse."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from harmattan.ingest.readers import read_date, read_inputs
from harmattan.interfaces.cli import main
from harmattan.schema import Article, Reject

DAY = dt.date(2024, 1, 2)


@pytest.mark.parametrize("value", [
    "2024-01-02", "2024-01-02T10:00:00Z", "2024-01-02T10:00:00.123+02:00",
    "2024-01-02 10:00:00", "Tue, 02 Jan 2024 10:00:00 +0000", "Tue, 2 Jan 2024 10:00:00 GMT",
    "2 January 2024", "2 Jan. 2024", "January 2, 2024", "Jan 2, 2024 7:58 AM ET",
    "Tuesday, 2nd of January 2024", "2024/01/02", "20240102", dt.date(2024, 1, 2),
    dt.datetime(2024, 1, 2, 23, 59),
], ids=str)
def test_common_forms_are_read(value: object) -> None:
    assert read_date(value) == DAY


@pytest.mark.parametrize("value", [None, "", "  ", "7:58 AM ET", "10:15", "Wed Nov 23",
                                   "Nov 23", "23 November", "Wed, Nov 23 7:58 AM"], ids=repr)
def test_a_value_that_names_no_day_is_an_unknown_date(value: object) -> None:
    assert read_date(value) is None


@pytest.mark.parametrize("value, reason", [
    ("yesterday", "malformed date 'yesterday'"),
    ("2024-02-30", "impossible date '2024-02-30'"),
    ("30 February 2024", "impossible date '30 February 2024'"),
    ("Smarch 2, 2024", "malformed date 'Smarch 2, 2024'"),
    (20240102, "date must be a string, got int 20240102"),
], ids=repr)
def test_only_unreadable_dates_are_errors(value: object, reason: str) -> None:
    with pytest.raises(ValueError) as raised:
        read_date(value)
    assert str(raised.value).startswith(reason)


def _write(path: Path, dates: list[object]) -> Path:
    path.write_text("".join(json.dumps({"id": f"a{k}", "text": "Fighting in Mopti.", "date": d}) + "\n"
                            for k, d in enumerate(dates)), encoding="utf-8")
    return path


def test_readers_reject_only_what_cannot_be_read_and_name_record_and_value(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.jsonl", ["Wed Nov 23", "7:58 AM ET", "2 January 2024", "soon"])
    records = list(read_inputs([path]))
    assert [type(r).__name__ for r in records] == ["Article", "Article", "Article", "Reject"]
    assert [r.date for r in records[:3]] == [None, None, DAY]
    reject = records[3]
    assert isinstance(reject, Reject)
    assert (reject.record_id, reject.line) == ("a3", 4)
    assert reject.reason.startswith("malformed date 'soon'")


def test_txt_date_line_takes_any_readable_form(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("date: Tue, 02 Jan 2024 10:00:00 +0000\nClashes in Gao.", encoding="utf-8")
    (article,) = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert (article.date, article.text) == (DAY, "Clashes in Gao.")


def test_without_dates_nothing_is_rejected_for_its_date(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.jsonl", ["soon", "2024-02-30", None])
    records = list(read_inputs([path], dates=False))
    assert all(isinstance(r, Article) and r.date is None for r in records)


def test_geoparse_ignores_dates(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.jsonl", ["7:58 AM ET", "Wed Nov 23", "not a date at all"])
    result = CliRunner().invoke(main, ["geoparse", str(path), "--workers", "1", "-q"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["article_id"] for line in lines] == ["a0", "a1", "a2"]
    assert all(line["places"][0]["name"] == "Mopti" for line in lines)
