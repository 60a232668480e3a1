"""``harmattan watch`` against a local HTTP server serving recorded feeds and pages, bad ones
included: a feed that is down, malformed, junk, slow or flaky never stops the others."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from harmattan.errors import ConfigError
from harmattan.ingest.feeds import (
    FeedsConfig,
    FeedSpec,
    FeedWatcher,
    HostRateLimiter,
    Response,
    TransientError,
    fetch_with_retries,
    load_feeds_config,
    parse_feed,
)
from harmattan.store import Store
from harmattan.store import read
from harmattan.store import schema as t
from harmattan.store.stand_in import make_rule_coder

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
LAST_MODIFIED = "Wed, 16 Aug 2023 12:00:00 GMT"


class _Handler(BaseHTTPRequestHandler):
    server: _FeedServer

    def log_message(self, *args: object) -> None:  # keep pytest output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = self.path.split("?")[0]
        count = self.server.hits.get(path, 0) + 1
        self.server.hits[path] = count
        if path == "/down.rss":
            return self._send(500, b"internal error")
        if path == "/flaky.rss" and count <= 2:
            return self._send(503, b"try later")
        if path == "/slow.rss":
            time.sleep(1.5)
        name = {"/flaky.rss": "good.rss", "/slow.rss": "good.rss"}.get(path, path.lstrip("/"))
        file = FIXTURES / name
        if not file.is_file():
            return self._send(404, b"not found")
        body = file.read_bytes().replace(b"{BASE}", self.server.base.encode())
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            return self._send(304, b"", etag=etag)
        kind = "text/html" if name.endswith(".html") else "application/rss+xml"
        return self._send(200, body, etag=etag, kind=kind)

    def _send(self, status: int, body: bytes, etag: str | None = None, kind: str = "text/plain") -> None:
        self.server.log.append((time.monotonic(), self.path, status))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
        self.end_headers()
        if body:
            self.wfile.write(body)


class _FeedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        self.hits: dict[str, int] = {}
        self.log: list[tuple[float, str, int]] = []


@pytest.fixture
def server() -> Iterator[_FeedServer]:
    srv = _FeedServer()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


def _feeds_file(tmp_path: Path, server: _FeedServer, *paths: str, **settings: float) -> Path:
    lines = ["feeds:"] + [f"  - url: {server.base}{p}\n    name: Feed{p.split('.')[0]}" for p in paths]
    lines += [f"{k}: {v}" for k, v in {"rate_limit": 0.01, "timeout": 5, "retries": 2, "backoff": 0.01,
                                       **settings}.items()]
    path = tmp_path / "feeds.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _watch(tmp_path: Path, feeds: Path, db: str, *extra: str) -> click.testing.Result:
    from harmattan.interfaces.cli_store import register
    from harmattan.runners import local

    group = click.Group("harmattan")
    register(group)
    original = local._make_default_coder
    local._make_default_coder = make_rule_coder
    try:
        return CliRunner().invoke(group, ["watch", str(feeds), "--db", db, "--once", *extra],
                                  catch_exceptions=False)
    finally:
        local._make_default_coder = original


def test_watch_once_stores_the_good_and_survives_the_bad(tmp_path: Path, server: _FeedServer) -> None:
    db = str(tmp_path / "store.db")
    feeds = _feeds_file(tmp_path, server, "/good.rss", "/atom.xml", "/malformed.xml", "/junk.rss",
                        "/down.rss", "/missing.rss")
    result = _watch(tmp_path, feeds, db)
    assert result.exit_code == 0, result.output
    with Store.open(db) as store, store.reading() as conn:
        stored = {r.title: r for r in conn.execute(select(t.articles))}
        rejects = {Path(r["origin"]).name: r["reason"] for r in read.reject_rows(conn)}
        state = {Path(r.feed_url).name: r for r in conn.execute(select(t.feed_state))}
        events = read.mentions(conn)
    assert sorted(stored) == ["Benin condemns border closure", "Chad and Senegal hold talks",
                              "Mali and Niger clash near Ayorou", "Students protest over fees"]
    clash = stored["Mali and Niger clash near Ayorou"]
    assert clash.date.isoformat() == "2023-08-14"  # the page's own date
    assert clash.source == "Feed/good"
    assert clash.text.startswith("Mali clashed with Niger")  # no menu, no title line
    assert "Football" not in clash.text and "rights reserved" not in clash.text
    assert stored["Benin condemns border closure"].date.isoformat() == "2023-08-17"  # the entry's
    assert rejects["nav.html"].startswith("no article found")
    assert rejects["gone.html"] == "page unavailable: HTTP 404"
    assert {e["payload"]["plover"]["event"] for e in events} == {"FIGHT", "CONSULT", "PROTEST", "DISAPPROVE"}
    for bad in ("junk.rss", "down.rss", "missing.rss"):
        assert state[bad].failures == 1 and state[bad].last_status.startswith("error"), bad
    # feedparser recovers the half item of the truncated feed: kept, and the feed flagged.
    assert "malformed" in state["malformed.xml"].last_status
    assert any(r == "feed entry has neither a link nor any content" for r in rejects.values())
    assert state["good.rss"].failures == 0 and state["good.rss"].etag
    assert server.hits["/down.rss"] == 3  # the first try and 2 retries
    assert "feed errors" in result.output


def test_a_second_poll_uses_etags_and_fetches_nothing_again(tmp_path: Path, server: _FeedServer) -> None:
    db = str(tmp_path / "store.db")
    feeds = _feeds_file(tmp_path, server, "/good.rss", "/atom.xml")
    assert _watch(tmp_path, feeds, db).exit_code == 0
    pages_before = sum(n for p, n in server.hits.items() if p.startswith("/pages/"))
    assert _watch(tmp_path, feeds, db).exit_code == 0
    statuses = [s for _, p, s in server.log if p in {"/good.rss", "/atom.xml"}]
    assert statuses == [200, 200, 304, 304]
    assert sum(n for p, n in server.hits.items() if p.startswith("/pages/")) == pages_before
    with Store.open(db) as store, store.reading() as conn:
        assert read.stats(conn)["articles"] == 4


def test_flaky_feeds_are_retried_with_backoff(tmp_path: Path, server: _FeedServer) -> None:
    config = FeedsConfig([FeedSpec(f"{server.base}/flaky.rss")], rate_limit=0.0, retries=3, backoff=0.5)
    naps: list[float] = []
    with Store.open(str(tmp_path / "store.db")) as store:
        watcher = FeedWatcher(store, config, coder_factory=make_rule_coder, sleep=naps.append)
        totals = watcher.run(rounds=1)
    assert totals["articles"] == 2 and totals["feed_errors"] == 0
    assert naps[:2] == [0.5, 1.0]  # exponential backoff before the 2nd and 3rd try


def test_a_slow_feed_times_out_and_the_others_go_on(tmp_path: Path, server: _FeedServer) -> None:
    config = FeedsConfig([FeedSpec(f"{server.base}/slow.rss"), FeedSpec(f"{server.base}/atom.xml")],
                         rate_limit=0.0, retries=1, backoff=0.01, timeout=0.3)
    with Store.open(str(tmp_path / "store.db")) as store:
        totals = FeedWatcher(store, config, coder_factory=make_rule_coder).run(rounds=1)
    assert totals["feed_errors"] == 1 and totals["articles"] == 2


def test_requests_to_one_host_are_spaced_by_the_rate_limit(tmp_path: Path, server: _FeedServer) -> None:
    config = FeedsConfig([FeedSpec(f"{server.base}/good.rss")], rate_limit=0.2, retries=0)
    with Store.open(str(tmp_path / "store.db")) as store:
        FeedWatcher(store, config, coder_factory=make_rule_coder).run(rounds=1)
    times = [when for when, _, _ in server.log]
    assert len(times) == 5  # the feed and its 4 pages
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.18, gaps


def test_rate_limiter_with_a_fake_clock() -> None:
    now = [100.0]
    naps: list[float] = []

    def nap(seconds: float) -> None:
        naps.append(round(seconds, 3))
        now[0] += seconds

    limiter = HostRateLimiter(2.0, clock=lambda: now[0], sleep=nap)
    limiter.wait("http://a.example/1")
    limiter.wait("http://b.example/1")  # another host: no wait
    now[0] += 0.5
    limiter.wait("http://a.example/2")
    assert naps == [1.5]


def test_fetch_gives_up_after_the_retries_with_the_reason() -> None:
    class Down:
        calls = 0

        def fetch(self, url: str, headers: dict, timeout: float) -> Response:
            Down.calls += 1
            raise ConnectionRefusedError("refused")

    config = FeedsConfig([], retries=2, backoff=1.0)
    naps: list[float] = []
    with pytest.raises(TransientError, match="after 3 attempts"):
        fetch_with_retries(Down(), HostRateLimiter(0), "http://x.example/f", {}, config, sleep=naps.append)
    assert Down.calls == 3 and naps == [1.0, 2.0]


def test_parse_feed_rejects_what_is_not_a_feed() -> None:
    with pytest.raises(ValueError, match="not a readable RSS/Atom feed"):
        parse_feed((FIXTURES / "junk.rss").read_bytes())
    with pytest.raises(ValueError, match="not a readable RSS/Atom feed"):
        parse_feed(b"<html><body>Service unavailable</body></html>")


def test_parse_feed_reads_rss_and_atom() -> None:
    rss = parse_feed((FIXTURES / "good.rss").read_bytes().replace(b"{BASE}", b"http://h"))
    assert [e.link for e in rss][:2] == ["http://h/pages/clash.html", "http://h/pages/talks.html"]
    assert rss[0].date.isoformat() == "2023-08-14"
    atom = parse_feed((FIXTURES / "atom.xml").read_bytes().replace(b"{BASE}", b"http://h"))
    assert atom[1].link == "urn:test:accra:2"  # feedparser takes the id for the missing link
    assert "Malanville" in atom[1].summary_html


def test_feeds_file_errors_name_the_fix(tmp_path: Path) -> None:
    bad = tmp_path / "feeds.yaml"
    bad.write_text("feeds: []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no 'feeds' list"):
        load_feeds_config(bad)
    bad.write_text("feeds:\n  - url: ftp://x\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad feed entry"):
        load_feeds_config(bad)
    good = tmp_path / "ok.yaml"
    good.write_text(json.dumps({"feeds": ["https://a.example/rss"], "interval": 60}), encoding="utf-8")
    assert load_feeds_config(good).interval == 60.0


def test_the_schedule_polls_each_feed_once_per_interval(tmp_path: Path, server: _FeedServer) -> None:
    now = [0.0]
    naps: list[float] = []

    def nap(seconds: float) -> None:
        naps.append(seconds)
        now[0] += seconds

    config = FeedsConfig([FeedSpec(f"{server.base}/atom.xml")], interval=100.0, rate_limit=0.0)
    with Store.open(str(tmp_path / "store.db")) as store:
        watcher = FeedWatcher(store, config, coder_factory=make_rule_coder, sleep=nap, clock=lambda: now[0])
        totals = watcher.run(rounds=3)
    assert naps == [100.0, 100.0]
    assert [s for _, p, s in server.log if p == "/atom.xml"] == [200, 304, 304]
    assert totals["rounds"] == 3 and totals["articles"] == 2


def test_watch_fails_when_every_feed_failed(tmp_path: Path, server: _FeedServer) -> None:
    db = str(tmp_path / "store.db")
    feeds = _feeds_file(tmp_path, server, "/down.rss", "/missing.rss")
    result = _watch(tmp_path, feeds, db)
    assert result.exit_code == 1
    assert result.output.endswith(
        "0 articles stored, 0 events, 0 rejected, 2 feed errors\n"
        f"Error: every feed failed (2 errors, nothing fetched); check the URLs in {feeds} "
        "and the network\n")
    # One feed that answers is enough: the others are retried at the next poll.
    feeds = _feeds_file(tmp_path, server, "/down.rss", "/good.rss")
    assert _watch(tmp_path, feeds, db).exit_code == 0


def test_watch_draws_a_bar_over_the_feeds_on_a_terminal(tmp_path: Path, server: _FeedServer,
                                                        run_on_a_terminal) -> None:
    import re

    feeds = _feeds_file(tmp_path, server, "/down.rss", "/missing.rss")
    status, drawn = run_on_a_terminal(["watch", str(feeds), "--db", str(tmp_path / "store.db"),
                                       "--once"], timeout=120)
    assert status == 1
    assert re.search(r"100%\|[^|]*\| 2/2 \[\d\d:\d\d<\d\d:\d\d", drawn), drawn
