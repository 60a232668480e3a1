"""Files and folders → coded articles in the store, resumable and idempotent.

``ingest(store, inputs)`` reads JSONL, CSV, text and HTML files (or folders of them), checks
each record, skips articles already stored (same content hash), codes the rest in batches and
stores each batch in one transaction.  A killed run loses at most the batch in flight; running
the same command again skips what was stored and codes the rest, so the store ends as an
uninterrupted run would have left it.  Every bad record goes to the rejects table, with its
reason, and the rest goes on.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

from harmattan.errors import InputError, RecordsRefused
from harmattan.ingest import readers
from harmattan.ingest.html import HTML_SUFFIXES, read_html_file
from harmattan.nlp.language import article_language
from harmattan.schema import Article, Reject
from harmattan.store.store import Store

Record = Article | Reject
#: Articles whose hashes are looked up in the store at once before coding.
LOOKUP_CHUNK = 64
#: How far in the future a publication date may be (time zones) before it is impossible.
_FUTURE_SLACK = dt.timedelta(days=2)
#: The earliest publication date taken: older than any news archive, and far enough from
#: ``date.min`` that date arithmetic (clustering looks a day either side) cannot overflow.
EARLIEST_DATE = dt.date(1800, 1, 1)
MAX_URL_CHARS = 2048
#: The text fields an article is stored with, in the order their problems are reported.
_TEXT_FIELDS = ("id", "text", "title", "url", "source", "language")


@dataclass
class IngestReport:
    run_id: int
    read: int = 0
    articles: int = 0
    duplicates: int = 0
    events: int = 0
    revised: int = 0
    withdrawn: int = 0
    rejects: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def iter_records(inputs: Iterable[str | Path], stdin: BinaryIO | None = None) -> Iterator[Record]:
    """Articles and rejects from files and folders of any supported kind.

    Unlike ``readers.read_inputs``, a file that cannot be read at all (an unknown or binary
    file in a folder, a CSV without the needed header) is a reject, not the end of the run.
    """
    for item in inputs:
        if str(item) == "-":
            yield from readers.read_jsonl_stream(stdin or sys.stdin.buffer, origin="<stdin>")
            continue
        path = Path(item)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                yield from _read_path(file)
        elif path.is_file():
            yield from _read_path(path)
        else:
            raise InputError(f"no such file or folder: {path}", fix="check the path")


def _read_path(path: Path) -> Iterator[Record]:
    suffix = path.suffix.lower()
    try:
        if suffix in HTML_SUFFIXES:
            yield read_html_file(path)
        elif suffix in readers.SUFFIXES:
            yield from readers.read_file(path)
        else:
            with path.open("rb") as handle:
                head = handle.read(8192)
            kind = "binary file" if b"\x00" in head else f"unsupported file type {suffix or '(none)'!r}"
            yield Reject(str(path), f"{kind}: not .jsonl, .csv, .txt or .html")
    except InputError as exc:
        yield Reject(str(path), exc.message)
    except OSError as exc:
        yield Reject(str(path), f"cannot read the file: {exc.strerror or exc}")


def checked(records: Iterable[Record], allow_undated: bool = False,
            today: dt.date | None = None) -> Iterator[Record]:
    """What the store needs beyond the readers' checks: a plausible date and clean Unicode;
    each article's language is set too (``nlp/language.py``)."""
    for record in records:
        if isinstance(record, Article):
            reason = article_problem(record, allow_undated=allow_undated, today=today)
            if reason:
                where, line = _split_origin(record.origin)
                yield Reject(where, reason, line, record_id=record.id)
                continue
            # Decided here, in this process, so that the store keeps it whichever process
            # codes the article (feeds and the API make articles without the readers).
            article_language(record)
        yield record


def article_problem(article: Article, allow_undated: bool = False,
                    today: dt.date | None = None) -> str | None:
    """Why the store cannot take ``article`` (None when it can).

    PostgreSQL refuses a NUL in any text value and neither database can store a lone
    surrogate; a date outside [1800-01-01, today + 2 days] is a typo or a placeholder.
    """
    latest = (today or dt.date.today()) + _FUTURE_SLACK
    if article.date is None and not allow_undated:
        return "missing date (the store files articles by publication date; " \
               "give a date, or ingest with --allow-undated)"
    if article.date is not None and article.date > latest:
        return f"impossible date {article.date_iso} (in the future)"
    if article.date is not None and article.date < EARLIEST_DATE:
        return f"impossible date {article.date_iso} (before {EARLIEST_DATE.isoformat()})"
    if article.url and len(article.url) > MAX_URL_CHARS:
        return f"url too long ({len(article.url):,} characters; limit {MAX_URL_CHARS:,})"
    for name in _TEXT_FIELDS:
        value = getattr(article, name)
        if value and "\x00" in value:
            return f"NUL character in {name}"
    if _bad_unicode(article):
        return "invalid Unicode (lone surrogate code points) in the text or metadata"
    return None


def _split_origin(origin: str | None) -> tuple[str, int | None]:
    """``path:12`` → (``path``, 12); ``path`` → (``path``, None)."""
    origin = origin or "<input>"
    head, _, tail = origin.rpartition(":")
    return (head, int(tail)) if head and tail.isdigit() else (origin, None)


def _bad_unicode(article: Article) -> bool:
    for name in _TEXT_FIELDS:
        value = getattr(article, name)
        if value:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return True
    return False


def is_record_fault(exc: BaseException) -> bool:
    """Whether ``exc`` is a value of one record the database refused (out of range, bad
    characters, a broken constraint) rather than the store being unreachable, locked or full."""
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, StatementError

    if isinstance(exc, (OperationalError, InterfaceError)):
        return False
    if isinstance(exc, DBAPIError):
        return True
    return isinstance(exc, (StatementError, OverflowError, ValueError, TypeError, UnicodeError))


def refusal_reason(exc: BaseException) -> str:
    """A one-line reason for a record the database refused (never the statement or its text)."""
    cause = exc.orig if getattr(exc, "orig", None) is not None else exc
    first = (str(cause).strip().splitlines() or [""])[0][:300]
    return f"the store refused the article: {type(cause).__name__}: {first}".rstrip(": ")


def _write_each(store: Store, run_id: int, result: Any, rejects: list[Reject],
                recode: bool) -> tuple[Any, list[Reject]]:
    """Write a batch article by article; (the summed counts, a reject per refused article)."""
    from harmattan.store.store import BatchCounts, _events_by_article

    total = BatchCounts()
    refused: list[Reject] = []
    store.add_rejects(run_id, [*rejects, *result.errors])  # idempotent: keyed by content
    grouped = _events_by_article(result.articles, result.events)
    for article, events in zip(result.articles, grouped, strict=True):
        errors = [e for e in result.errors if e.record_id == article.id]
        try:
            counts = store.write_batch(run_id, [article], events, errors=errors, recode=recode)
        except Exception as exc:
            if not is_record_fault(exc):
                raise
            where, line = _split_origin(article.origin)
            refused.append(Reject(where, refusal_reason(exc), line, record_id=article.id))
            continue
        for name in ("articles", "duplicates", "events", "revised", "withdrawn"):
            setattr(total, name, getattr(total, name) + getattr(counts, name))
        total.stored.extend(counts.stored)
    store.add_rejects(run_id, refused)
    return total, refused


def _refused_by_store(store: Store, run_id: int, result: Any, recode: bool) -> list[Reject]:
    """The articles of a batch the database refuses, each tried alone and rolled back."""
    from harmattan.store.store import _events_by_article

    refused: list[Reject] = []
    grouped = _events_by_article(result.articles, result.events)
    for article, events in zip(result.articles, grouped, strict=True):
        try:
            store.write_batch(run_id, [article], events, recode=recode, dry_run=True)
        except Exception as exc:
            if not is_record_fault(exc):
                raise
            where, line = _split_origin(article.origin)
            refused.append(Reject(where, refusal_reason(exc), line, record_id=article.id))
    return refused or [Reject("<request>", "the store refused the articles together")]


def skip_stored(store: Store, records: Iterable[Record], recode: bool,
                report: IngestReport) -> Iterator[Record]:
    """Drop articles stored already (unless re-coding) and repeats within this input."""
    seen: set[str] = set()
    buffer: list[Record] = []

    def flush() -> Iterator[Record]:
        hashes = [r.content_hash for r in buffer if isinstance(r, Article)]
        known = set() if recode else store.known_hashes(hashes)
        for record in buffer:
            if isinstance(record, Article):
                digest = record.content_hash
                if digest in known or digest in seen:
                    report.duplicates += 1
                    continue
                seen.add(digest)
            yield record
        buffer.clear()

    n_articles = 0
    for record in records:
        if isinstance(record, Article):
            report.read += 1
            n_articles += 1
        buffer.append(record)
        if n_articles >= LOOKUP_CHUNK:
            yield from flush()
            n_articles = 0
    yield from flush()


def ingest(store: Store, inputs: Iterable[str | Path] = (), *, records: Iterable[Record] | None = None,
           workers: int | None = None, batch_size: int = 16, recode: bool = False,
           allow_undated: bool = False, on_reject: Callable[[Reject], None] | None = None,
           on_batch: Callable[[IngestReport], None] | None = None,
           coder_factory: Callable[[], Any] | None = None, command: str = "ingest",
           cluster: str | None = None, atomic: bool = False) -> IngestReport:
    """Read, check, code and store ``inputs`` (or ``records``); return what was done.

    ``atomic`` (for a request, which is small): every record is stored, in one transaction,
    or none is — a bad record raises ``RecordsRefused`` naming it instead of being rejected.
    """
    from harmattan.pipeline import code_records

    if atomic:
        records = list(records if records is not None else iter_records(inputs))
        refused = [r for r in checked(records, allow_undated=allow_undated) if isinstance(r, Reject)]
        if refused:
            raise RecordsRefused(refused)
        batch_size = max(1, len(records))

    config = {"inputs": [str(i) for i in inputs], "workers": workers, "batch_size": batch_size,
              "recode": recode, "allow_undated": allow_undated}
    if cluster:
        config["cluster"] = cluster
    report = IngestReport(run_id=store.begin_run(command, config))
    started = time.perf_counter()
    pending: list[Reject] = []

    def reject(record: Reject) -> None:
        pending.append(record)
        if on_reject:
            on_reject(record)

    source = records if records is not None else iter_records(inputs)
    fresh = skip_stored(store, checked(source, allow_undated=allow_undated), recode, report)
    status = "failed"
    try:
        # With a cluster, a batch is a partition (one file, one date): committed whole or not.
        for result in code_records(fresh, reject, workers=workers, batch_size=batch_size,
                                   coder_factory=coder_factory, cluster=cluster):
            for error in result.errors:
                if on_reject:
                    on_reject(error)
            batch_rejects = list(pending)
            pending.clear()
            try:
                counts = store.write_batch(report.run_id, result.articles, result.events,
                                           errors=result.errors, rejects=batch_rejects, recode=recode)
            except Exception as exc:
                if not is_record_fault(exc):
                    raise
                if atomic:
                    raise RecordsRefused(_refused_by_store(store, report.run_id, result, recode)) from None
                # One article holds a value the database refuses: the batch was rolled back
                # whole; store its articles one by one and reject the one(s) refused.
                counts, refused = _write_each(store, report.run_id, result, batch_rejects, recode)
                for record in refused:
                    if on_reject:
                        on_reject(record)
                report.rejects += len(refused)
            report.articles += counts.articles
            report.duplicates += counts.duplicates
            report.events += counts.events
            report.revised += counts.revised
            report.withdrawn += counts.withdrawn
            report.rejects += len(batch_rejects) + len(result.errors)
            if on_batch:
                on_batch(report)
        report.rejects += len(pending)
        store.add_rejects(report.run_id, pending)
        pending.clear()
        status = "done"
    finally:
        report.seconds = time.perf_counter() - started
        try:
            store.finish_run(report.run_id, status, {
                "n_read": report.read, "n_articles": report.articles,
                "n_duplicates": report.duplicates, "n_events": report.events,
                "n_rejects": report.rejects})
        except Exception:  # noqa: BLE001 - never hide the error that stopped the run
            if status == "done":
                raise
    return report
