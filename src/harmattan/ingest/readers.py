"""Read articles from JSONL, CSV, plain-text files, folders of these, and stdin.

Every reader yields ``Article`` or ``Reject`` records, never raises on a bad record: a bad line
becomes a ``Reject`` that names the file, the line and the reason, and reading goes on.
Only an input that cannot be opened at all raises ``InputError``.
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import io
import json
import re
import sys
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from harmattan.errors import InputError, InputWarning
from harmattan.nlp.language import article_language
from harmattan.schema import Article, Reject, parse_date

#: Text longer than this is rejected: it is not a news article and would stall the coder.
MAX_TEXT_CHARS = 2_000_000
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".txt": "txt"}
#: "date: <any form read_date reads>" on the first line, or "date 2024-01-02".
_TXT_DATE = re.compile(r"\A\s*date(?::[ \t]*([^\r\n]*?)[ \t]*(?:\r?\n\s*|\Z)|\s+(\d{4}-\S+)\s*)")
_RAW_LIMIT = 2000

Record = Article | Reject

#: HTML pages: the article is extracted from the page as ``ingest`` does (``ingest.html``).
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


def count_records(inputs: Iterable[str | Path], every_file: bool = False) -> int | None:
    """How many records reading ``inputs`` gives (lines, rows, files), for a progress bar's
    total: one cheap pass over the bytes, no parsing of JSON.  None when stdin is an input.
    ``every_file``: a folder's files of other kinds count too (``ingest`` rejects each)."""
    total = 0
    for item in inputs:
        if str(item) == "-":
            return None
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and (every_file or _readable_kind(p)))
        else:
            files = [path]
        for file in files:
            total += _count_file(file)
    return total


def _count_file(path: Path) -> int:
    kind = SUFFIXES.get(path.suffix.lower())
    try:
        if kind == "jsonl":
            with path.open("rb") as stream:
                return sum(1 for line in stream if line.strip())
        if kind == "csv":
            with path.open(encoding="utf-8-sig", errors="replace", newline="") as stream:
                csv.field_size_limit(MAX_TEXT_CHARS * 2)
                return max(0, sum(1 for _ in csv.reader(stream)) - 1)
    except (OSError, csv.Error):
        return 1
    return 1


def _readable_kind(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in SUFFIXES or suffix in HTML_SUFFIXES


def _read_readable(path: Path, **options: Any) -> Iterator[Record]:
    """``read_file``, and HTML pages too; a file the system cannot read is a reject, and the
    rest goes on."""
    try:
        if path.suffix.lower() in HTML_SUFFIXES:
            from harmattan.ingest.html import read_html_file  # trafilatura loads only when needed

            yield read_html_file(path)
        else:
            yield from read_file(path, **options)
    except OSError as exc:
        yield Reject(str(path), f"cannot read the file: {exc.strerror or exc}")


def read_inputs(inputs: Iterable[str | Path], stdin: BinaryIO | None = None,
                dates: bool = True) -> Iterator[Record]:
    """Yield articles and rejects from every input in order (``-`` is stdin, as JSONL).

    ``dates=False`` leaves every ``Article.date`` empty and never rejects a record for its
    date: for stages that need none (the geoparser).
    """
    for item in inputs:
        if str(item) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_jsonl_stream(stream, origin="<stdin>", dates=dates)
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _readable_kind(p))
            if not files:
                raise InputError(
                    f"folder {path} holds no .jsonl, .csv, .txt or .html files",
                    fix="point to the files themselves or a folder that contains them",
                )
            for file in files:
                yield from _read_readable(file, dates=dates)
        elif path.is_file():
            yield from _read_readable(path, dates=dates)
        else:
            raise InputError(f"no such file or folder: {path}", fix="check the path")


def read_file(path: Path, dates: bool = True) -> Iterator[Record]:
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError(
            f"{path}: unknown input format {path.suffix!r}",
            fix="use .jsonl, .csv or .txt (or a folder of these)",
        )
    if kind == "jsonl":
        with path.open("rb") as stream:
            yield from read_jsonl_stream(stream, origin=str(path), dates=dates)
    elif kind == "csv":
        yield from read_csv(path, dates=dates)
    else:
        yield read_txt(path, dates=dates)


def read_jsonl_stream(stream: BinaryIO, origin: str, dates: bool = True) -> Iterator[Record]:
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        raw = raw.rstrip(b"\r\n")
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Reject(origin, f"undecodable bytes (not UTF-8) at byte {exc.start}", number,
                         raw=raw[:_RAW_LIMIT].decode("utf-8", "replace"))
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject(origin, f"invalid JSON: {exc.msg} at column {exc.colno}", number,
                         raw=line[:_RAW_LIMIT])
            continue
        if not isinstance(record, dict):
            yield Reject(origin, f"expected a JSON object, got {type(record).__name__}", number,
                         raw=line[:_RAW_LIMIT])
            continue
        yield article_from_record(record, origin, number, raw=line, dates=dates)


def read_csv(path: Path, dates: bool = True) -> Iterator[Record]:
    origin = str(path)
    try:
        content = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # A CSV cannot be split into rows safely around bad bytes: decode the rest leniently
        # and reject only the rows that contain the replacement character.
        content = path.read_bytes().decode("utf-8-sig", errors="replace")
        bad_at = exc.start
    else:
        bad_at = None
    csv.field_size_limit(MAX_TEXT_CHARS * 2)
    reader = csv.DictReader(io.StringIO(content, newline=""))
    if not reader.fieldnames or "text" not in reader.fieldnames or "id" not in reader.fieldnames:
        raise InputError(
            f"{path}: CSV header must name at least the columns id and text "
            f"(found {reader.fieldnames})",
            fix="add a header line such as: id,date,title,text",
        )
    if "date" not in reader.fieldnames:
        warnings.warn(InputWarning(
            f"{path}: no 'date' column, so every article is undated "
            f"(its events have no date; `ingest` rejects undated articles)"), stacklevel=2)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Reject(origin, f"malformed CSV: {exc}", reader.line_num)
            continue
        line = reader.line_num
        if bad_at is not None and any("\ufffd" in (v or "") for v in row.values() if isinstance(v, str)):
            yield Reject(origin, "undecodable bytes (not UTF-8)", line, record_id=row.get("id"),
                         raw=json.dumps(row, ensure_ascii=False)[:_RAW_LIMIT])
            continue
        if None in row:
            yield Reject(origin, "more fields than the header names", line, record_id=row.get("id"))
            continue
        yield article_from_record(row, origin, line, raw=json.dumps(row, ensure_ascii=False),
                                  dates=dates)


def read_txt(path: Path, dates: bool = True) -> Record:
    origin = str(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Reject(origin, f"undecodable bytes (not UTF-8) at byte {exc.start}", None,
                      record_id=path.stem, raw=data[:_RAW_LIMIT].decode("utf-8", "replace"))
    date_value: str | None = None
    match = _TXT_DATE.match(text)
    if match:
        date_value = match.group(1) if match.group(1) is not None else match.group(2)
        text = text[match.end():]
    record = {"id": path.stem, "text": text, "date": date_value}
    return article_from_record(record, origin, None, raw=None, dates=dates)


def article_from_record(record: dict[str, Any], origin: str, line: int | None,
                        raw: str | None, dates: bool = True) -> Record:
    """Validate one record; return an Article or a Reject naming the reason."""
    raw_kept = raw[:_RAW_LIMIT] if raw else None
    rid = record.get("id")
    if rid is None or (isinstance(rid, str) and not rid.strip()):
        return Reject(origin, "missing id", line, raw=raw_kept)
    if not isinstance(rid, (str, int)):
        return Reject(origin, f"id must be a string, got {type(rid).__name__}", line, raw=raw_kept)
    rid = str(rid).strip()
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Reject(origin, "no text", line, record_id=rid, raw=raw_kept)
    if len(text) > MAX_TEXT_CHARS:
        return Reject(origin, f"text too long ({len(text):,} characters; limit {MAX_TEXT_CHARS:,})",
                      line, record_id=rid, raw=raw_kept)
    if "\x00" in text:
        return Reject(origin, "binary content (NUL bytes) in text", line, record_id=rid, raw=None)
    try:
        date = read_date(record.get("date")) if dates else None
    except ValueError as exc:
        return Reject(origin, str(exc), line, record_id=rid, raw=raw_kept)
    optional: dict[str, str | None] = {}
    for key in ("title", "url", "source", "language"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return Reject(origin, f"{key} must be a string, got {type(value).__name__}", line,
                          record_id=rid, raw=raw_kept)
        optional[key] = value or None
    where = f"{origin}:{line}" if line is not None else origin
    article = Article(id=rid, text=text, date=date, origin=where, **optional)
    article_language(article)  # the record's own, normalised ("fr-FR" → "fr"), else detected
    return article


# -- dates ------------------------------------------------------------------------------------

_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_MONTH = r"(?P<month>[a-z]{3,9})\.?"
_TIME = r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{1,5})?(?:\s*[+\-]\d{2}:?\d{2})?)?"
#: "2 January 2024", "Tuesday, 2 Jan. 2024"; "January 2, 2024", "Jan 2nd 2024 10:00 AM ET".
_DAY_MONTH_YEAR = re.compile(
    rf"\A{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}}){_TIME}\Z")
_MONTH_DAY_YEAR = re.compile(
    rf"\A{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_TIME}\Z")
#: "2024/01/02", "2024.01.02", "20240102".
_YMD = re.compile(r"\A(?P<year>\d{4})(?P<sep>[/.]?)(?P<month>\d{2})(?P=sep)(?P<day>\d{2})\Z")
#: Readable, but not a day: a time alone ("7:58 AM ET"), a day without its year ("Wed Nov
#: 23"), a weekday.  The date is unknown, which is not an error: guessing a year would invent one.
_NO_DAY = (
    re.compile(r"\A\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{1,5})?\Z"),
    re.compile(rf"\A{_WEEKDAY}{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?{_TIME}\Z"),
    re.compile(rf"\A{_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}{_TIME}\Z"),
    re.compile(rf"\A{_WEEKDAY[:-1]}{_TIME}\Z"),
)


def read_date(value: Any) -> dt.date | None:
    """The publication day of a record's ``date`` value, or None when it gives none.

    Reads ISO 8601 with or without a time and zone ("2024-01-02", "2024-01-02T10:00:00Z"),
    RFC 2822 as feeds write it ("Tue, 02 Jan 2024 10:00:00 +0000"), "2 January 2024",
    "January 2, 2024" (with an optional weekday and time) and "2024/01/02".  A value that is
    readable but names no day — a time alone ("7:58 AM ET"), a day without a year ("Wed Nov
    23") — gives None.  Raises ValueError quoting the value for anything else, and for
    impossible days ("2024-02-30").
    """
    if value is None or value == "" or isinstance(value, (dt.date, dt.datetime)):
        return parse_date(value)
    if not isinstance(value, str):
        raise ValueError(f"date must be a string, got {type(value).__name__} {value!r}")
    text = " ".join(value.split())
    if not text:
        return None
    if re.match(r"\A\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            return parse_date(text)  # raises, naming the value, when it is no day at all
    lowered = text.lower()
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _YMD):
        match = pattern.match(lowered)
        if match is None:
            continue
        month = match.group("month")
        month_number = int(month) if month.isdigit() else _MONTHS.get(month)
        if month_number is None:
            break
        try:
            return dt.date(int(match.group("year")), month_number, int(match.group("day")))
        except ValueError:
            raise ValueError(f"impossible date {value!r}") from None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    for pattern in _NO_DAY:
        match = pattern.match(lowered)
        if match is not None and match.groupdict().get("month", "jan") in _MONTHS:
            return None
    raise ValueError(f"malformed date {value!r} (write e.g. 2024-01-02, 2024-01-02T10:00:00Z, "
                     "'Tue, 02 Jan 2024 10:00:00 +0000' or '2 January 2024')")
