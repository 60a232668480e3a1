"""RSS/Atom feeds → articles in the store, polled on a schedule.

``FeedWatcher.run()`` polls each feed of a ``FEEDS.yaml`` when it is due, with a conditional
GET (``If-None-Match`` / ``If-Modified-Since`` from the last answer, kept in the store's
``feed_state`` table so a restart does not refetch everything), fetches the page of each entry
not stored yet, extracts its article (``harmattan.ingest.html``), and codes and stores what is
new through the same path as ``harmattan ingest``.

Nothing a feed does stops the watcher: a timeout, a 5xx or a 429 is retried with exponential
backoff, a feed that keeps failing is polled less often (up to its interval), and a malformed
feed or a junk page is logged (the page as a reject with its reason).  Requests to one host are
spaced by ``rate_limit`` seconds.

The network sits behind ``Fetcher`` (``fetch(url, headers) -> Response``): ``HttpFetcher``
talks HTTP with the standard library; tests use a local server, unit tests a dict.
"""

from __future__ import annotations

import calendar
import datetime as dt
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from harmattan import __version__
from harmattan.errors import ConfigError
from harmattan.ingest.html import article_from_html
from harmattan.schema import Article, Reject

USER_AGENT = f"harmattan/{__version__} (+news event coder; polite feed reader)"
MAX_BODY_BYTES = 10_000_000


@dataclass
class FeedSpec:
    url: str
    name: str | None = None


@dataclass
class FeedsConfig:
    feeds: list[FeedSpec]
    interval: float = 900.0
    rate_limit: float = 1.0
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 2.0


def load_feeds_config(path: Path) -> FeedsConfig:
    """Read ``FEEDS.yaml``: ``feeds:`` (URLs or ``{url, name}``) and optional settings."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the feeds file: {exc}",
                          fix="write YAML such as:  feeds: [{url: https://example.org/rss, name: Example}]") from None
    if isinstance(data, list):
        data = {"feeds": data}
    if not isinstance(data, dict) or not isinstance(data.get("feeds"), list) or not data["feeds"]:
        raise ConfigError(f"{path}: no 'feeds' list",
                          fix="write YAML such as:  feeds: [{url: https://example.org/rss, name: Example}]")
    feeds = []
    for item in data["feeds"]:
        spec = FeedSpec(item) if isinstance(item, str) else FeedSpec(item.get("url"), item.get("name")) \
            if isinstance(item, dict) else None
        if spec is None or not isinstance(spec.url, str) or urlsplit(spec.url).scheme not in {"http", "https", "file"}:
            raise ConfigError(f"{path}: bad feed entry {item!r}", fix="give each feed an http(s) url")
        feeds.append(spec)
    settings = {k: float(data[k]) for k in ("interval", "rate_limit", "timeout", "backoff") if k in data}
    if "retries" in data:
        settings["retries"] = int(data["retries"])
    return FeedsConfig(feeds=feeds, **settings)


# -- fetching ----------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    url: str = ""


class Fetcher(Protocol):
    def fetch(self, url: str, headers: dict[str, str], timeout: float) -> Response: ...


class HttpFetcher:
    """HTTP GET with the standard library; any status comes back as a ``Response``."""

    def fetch(self, url: str, headers: dict[str, str], timeout: float) -> Response:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **headers})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310 - feeds are http(s) by config check
                body = answer.read(MAX_BODY_BYTES + 1)
                return Response(answer.status, body, {k.lower(): v for k, v in answer.headers.items()},
                                answer.geturl())
        except urllib.error.HTTPError as exc:
            return Response(exc.code, b"", {k.lower(): v for k, v in (exc.headers or {}).items()}, url)


class TransientError(Exception):
    """Worth retrying: a timeout, a refused connection, a 5xx, a 429."""


class HostRateLimiter:
    """At most one request per ``interval`` seconds to each host."""

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.interval = interval
        self.clock = clock
        self.sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last.get(host)
        if last is not None:
            delay = last + self.interval - self.clock()
            if delay > 0:
                self.sleep(delay)
        self._last[host] = self.clock()


def fetch_with_retries(fetcher: Fetcher, limiter: HostRateLimiter, url: str, headers: dict[str, str],
                       config: FeedsConfig, sleep: Callable[[float], None] = time.sleep) -> Response:
    """Fetch ``url``; retry transient failures with exponential backoff; raise the last one."""
    attempt = 0
    while True:
        limiter.wait(url)
        try:
            response = fetcher.fetch(url, headers, config.timeout)
            if response.status == 429 or response.status >= 500:
                raise TransientError(f"HTTP {response.status}")
            return response
        except (TransientError, OSError, TimeoutError) as exc:
            attempt += 1
            if attempt > config.retries:
                raise TransientError(f"{url}: {exc} (after {attempt} attempts)") from None
            sleep(min(60.0, config.backoff * 2 ** (attempt - 1)))


# -- parsing -----------------------------------------------------------------------------------


@dataclass
class FeedEntry:
    link: str | None
    title: str | None
    date: dt.date | None
    summary_html: str | None
    entry_id: str | None


def parse_feed(body: bytes) -> list[FeedEntry]:
    """The entries of a feed; ``ValueError`` when the body is not a feed at all.

    A malformed feed whose entries can still be read (feedparser is lenient) gives those.
    """
    return parse_feed_checked(body)[0]


def parse_feed_checked(body: bytes) -> tuple[list[FeedEntry], str | None]:
    """(entries, what was wrong with the feed or None)."""
    import feedparser

    parsed = feedparser.parse(body)
    problem = f"{parsed.get('bozo_exception')}" if parsed.bozo else None
    if not parsed.entries:
        if parsed.bozo or not parsed.get("version"):
            raise ValueError(f"not a readable RSS/Atom feed ({problem or 'no entries, no feed element'})")
        return [], None
    entries = []
    for item in parsed.entries:
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        date = dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.UTC).date() if stamp else None
        content = item.get("content") or []
        summary = (content[0].get("value") if content else None) or item.get("summary")
        entries.append(FeedEntry(item.get("link"), item.get("title"), date, summary, item.get("id")))
    return entries, problem


# -- the watcher -------------------------------------------------------------------------------


class FeedWatcher:
    """Poll the feeds of a config into a store (see the module docs)."""

    def __init__(self, store: Any, config: FeedsConfig, *, fetcher: Fetcher | None = None,
                 workers: int = 1, log: Callable[[str], None] = lambda message: None,
                 coder_factory: Callable[[], Any] | None = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.config = config
        self.fetcher = fetcher or HttpFetcher()
        self.workers = workers
        self.log = log
        self.coder_factory = coder_factory
        self.sleep = sleep
        self.clock = clock
        self.limiter = HostRateLimiter(config.rate_limit, clock=clock, sleep=sleep)
        self.totals = {"articles": 0, "events": 0, "rejects": 0, "feed_errors": 0, "rounds": 0}
        self._due: dict[str, float] = {}

    def run(self, rounds: int | None = None) -> dict[str, int]:
        """Poll until stopped (or for ``rounds`` rounds); return the totals."""
        done = 0
        while rounds is None or done < rounds:
            now = self.clock()
            due = [f for f in self.config.feeds if self._due.get(f.url, 0.0) <= now]
            if not due:
                self.sleep(max(0.5, min(self._due.values()) - now))
                continue
            self.poll(due)
            done += 1
        return self.totals

    def poll(self, feeds: list[FeedSpec]) -> None:
        """One round: every feed in ``feeds`` once; new articles coded and stored together."""
        from harmattan.store.ingest import ingest

        records: list[Article | Reject] = []
        for feed in feeds:
            try:
                records.extend(self._poll_feed(feed))
                self._set_state(feed.url, failures=0)
                self._due[feed.url] = self.clock() + self.config.interval
            except Exception as exc:  # noqa: BLE001 - one feed's trouble must not stop the rest
                self.totals["feed_errors"] += 1
                failures = self._set_state(feed.url, status=f"error: {exc}", increment=True)
                wait = min(self.config.interval, self.config.backoff * 2 ** failures * 30)
                self._due[feed.url] = self.clock() + wait
                self.log(f"feed {feed.url}: {exc} (next try in {wait:.0f}s)")
        if records:
            report = ingest(self.store, records=records, workers=self.workers, command="watch",
                            coder_factory=self.coder_factory,
                            on_reject=lambda r: self.log(f"rejected {r.where()}: {r.reason}"))
            self.totals["articles"] += report.articles
            self.totals["events"] += report.events
            self.totals["rejects"] += report.rejects
        self.totals["rounds"] += 1

    def _poll_feed(self, feed: FeedSpec) -> list[Article | Reject]:
        state = self._get_state(feed.url)
        headers = {}
        if state.get("etag"):
            headers["If-None-Match"] = state["etag"]
        if state.get("last_modified"):
            headers["If-Modified-Since"] = state["last_modified"]
        response = fetch_with_retries(self.fetcher, self.limiter, feed.url, headers, self.config, self.sleep)
        if response.status == 304:
            self._set_state(feed.url, status="304 not modified")
            return []
        if response.status != 200:
            raise ValueError(f"HTTP {response.status}")
        if len(response.body) > MAX_BODY_BYTES:
            raise ValueError(f"feed larger than {MAX_BODY_BYTES:,} bytes")
        entries, problem = parse_feed_checked(response.body)
        if problem:
            self.log(f"feed {feed.url}: malformed ({problem}); {len(entries)} entries recovered")
        records: list[Article | Reject] = []
        for entry in entries:
            record = self._entry_article(feed, entry)
            if record is not None:
                records.append(record)
        self._set_state(feed.url, status=f"200, {len(entries)} entries"
                        + (f", malformed: {problem}" if problem else ""),
                        etag=response.headers.get("etag"),
                        last_modified=response.headers.get("last-modified"))
        return records

    def _entry_article(self, feed: FeedSpec, entry: FeedEntry) -> Article | Reject | None:
        origin = entry.link or f"{feed.url}#{entry.entry_id or entry.title}"
        if entry.link and self._known_url(entry.link):
            return None
        source = feed.name or urlsplit(feed.url).hostname
        if entry.link and urlsplit(entry.link).scheme in {"http", "https"}:
            try:
                page = fetch_with_retries(self.fetcher, self.limiter, entry.link, {}, self.config, self.sleep)
            except TransientError as exc:
                self.log(f"page {entry.link}: {exc}; will retry at the next poll")
                return None
            if page.status != 200:
                return Reject(origin, f"page unavailable: HTTP {page.status}", record_id=entry.link)
            return article_from_html(page.body, origin=origin, article_id=entry.link, url=entry.link,
                                     source=source, date=entry.date, title=entry.title)
        if entry.summary_html:
            return article_from_html(f"<html><body><article>{entry.summary_html}</article></body></html>",
                                     origin=origin, article_id=entry.entry_id or entry.link,
                                     url=entry.link, source=source, date=entry.date, title=entry.title)
        return Reject(origin, "feed entry has neither a link nor any content", record_id=entry.entry_id)

    # -- state in the store ----------------------------------------------------------------

    def _known_url(self, url: str) -> bool:
        from sqlalchemy import select

        from harmattan.store import schema as t

        with self.store.reading() as conn:
            found = conn.execute(select(t.articles.c.article_pk).where(t.articles.c.url == url).limit(1))
            return found.first() is not None

    def _get_state(self, url: str) -> dict[str, Any]:
        from sqlalchemy import select

        from harmattan.store import schema as t

        with self.store.reading() as conn:
            row = conn.execute(select(t.feed_state).where(t.feed_state.c.feed_url == url)).first()
        return dict(row._mapping) if row else {}

    def _set_state(self, url: str, status: str | None = None, etag: str | None = None,
                   last_modified: str | None = None, failures: int | None = None,
                   increment: bool = False) -> int:
        from sqlalchemy import insert, select, update

        from harmattan.store import schema as t
        from harmattan.store.store import utcnow

        with self.store.writing() as conn:
            row = conn.execute(select(t.feed_state).where(t.feed_state.c.feed_url == url)).first()
            values: dict[str, Any] = {"last_polled_at": utcnow()}
            if status is not None:
                values["last_status"] = status[:1000]
            if etag is not None or last_modified is not None:
                values["etag"] = etag
                values["last_modified"] = last_modified
            current = row.failures if row else 0
            new_failures = current + 1 if increment else (failures if failures is not None else current)
            values["failures"] = new_failures
            if row is None:
                conn.execute(insert(t.feed_state).values(feed_url=url, **values))
            else:
                conn.execute(update(t.feed_state).where(t.feed_state.c.feed_url == url).values(**values))
        return new_failures


def http_date(moment: dt.datetime) -> str:
    """An HTTP date (for test servers' Last-Modified)."""
    from email.utils import format_datetime

    return format_datetime(moment.astimezone(dt.UTC), usegmt=True)


__all__ = ["FeedWatcher", "FeedsConfig", "HttpFetcher", "Response", "load_feeds_config", "parse_feed"]
