"""``harmattan watch`` killed with SIGKILL at several points, then run again: every article is
stored, once.  The feeds come from a local HTTP server that holds one request open, so the
process is killed at a known point, with no sleeps; the kill points are each side of a feed's
articles being committed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import func, select

from harmattan.store import Store
from harmattan.store import schema as t

#: The real ``harmattan`` command, coding with the stand-in coder (no models to load).
_WATCH = """
import sys
from harmattan.runners import local
from harmattan.store.stand_in import make_rule_coder
local._make_default_coder = make_rule_coder
from harmattan.interfaces.cli import main
sys.argv[0] = "harmattan"
main()
"""
FEEDS = {"a": ["Mali", "Niger"], "b": ["Chad", "Benin"]}
PAGES = 5
LAST_MODIFIED = "Wed, 16 Aug 2023 12:00:00 GMT"
#: How long the server holds a request at most: far beyond the kill, only a guard.
_HOLD_LIMIT = 120


def _feed(base: str, name: str) -> bytes:
    items = "".join(
        f"<item><title>Report {name}{i}</title><link>{base}/pages/{name}{i}.html</link>"
        f"<guid>{base}/pages/{name}{i}.html</guid><pubDate>Mon, {10 + i} Aug 2023 10:00:00 GMT</pubDate></item>"
        for i in range(1, PAGES + 1))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title>'
            f"<link>{base}/</link><description>d</description>{items}</channel></rss>").encode()


def _page(name: str, number: int) -> bytes:
    source, target = FEEDS[name]
    return (f'<html><head><title>Report {name}{number}</title><meta property="article:published_time" '
            f'content="2023-08-{10 + number}T09:00:00Z"></head><body><article><h1>Report {name}{number}</h1>'
            f"<p>{source} attacked {target} near outpost {name}{number} on Monday, the army said in a "
            f"statement broadcast on state television late in the evening after a day of fighting.</p>"
            f"<p>Residents of outpost {name}{number} said the fighting lasted several hours and that "
            f"families fled towards the river, according to local officials.</p></article></body></html>").encode()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        self.hold: str | None = None
        self.arrived = threading.Event()
        self.release = threading.Event()
        self.statuses: list[tuple[str, int]] = []


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path == self.server.hold:
            self.server.arrived.set()
            self.server.release.wait(_HOLD_LIMIT)
            return  # the watcher is dead by now: no answer
        if self.path.endswith(".rss"):
            name = self.path.strip("/").removesuffix(".rss")
            if self.headers.get("If-None-Match") == f'"{name}-1"':
                return self._send(304, b"", name)
            return self._send(200, _feed(self.server.base, name), name)
        stem = self.path.rsplit("/", 1)[-1].removesuffix(".html")
        return self._send(200, _page(stem[0], int(stem[1:])))

    def _send(self, status: int, body: bytes, name: str | None = None) -> None:
        self.server.statuses.append((self.path, status))
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        if name:
            self.send_header("ETag", f'"{name}-1"')
            self.send_header("Last-Modified", LAST_MODIFIED)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[_Server]:
    srv = _Server()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.release.set()
        srv.shutdown()
        srv.server_close()


def _watch(feeds: Path, db: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-c", _WATCH, "watch", str(feeds), "--db", db, "--once", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def _feeds_file(tmp_path: Path, server: _Server) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text("feeds:\n" + "".join(f"  - url: {server.base}/{n}.rss\n    name: Feed {n}\n" for n in FEEDS)
                    + "rate_limit: 0\nretries: 0\ntimeout: 60\n", encoding="utf-8")
    return path


def _articles(db: str) -> list[str]:
    with Store.open(db) as store, store.reading() as conn:
        return sorted(conn.execute(select(t.articles.c.url)).scalars())


def _events(db: str) -> int:
    with Store.open(db) as store, store.reading() as conn:
        return int(conn.execute(select(func.count()).select_from(t.events)).scalar_one())


def _all_urls(server: _Server) -> list[str]:
    return sorted(f"{server.base}/pages/{n}{i}.html" for n in FEEDS for i in range(1, PAGES + 1))


def _kill_at(server: _Server, feeds: Path, db: str, path: str, on_arrival=None) -> None:
    server.hold = path
    process = _watch(feeds, db)
    if not server.arrived.wait(_HOLD_LIMIT):
        process.kill()
        pytest.fail(f"the watcher never requested {path}: {process.communicate()[1]!r}")
    if on_arrival is not None:
        on_arrival()
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    server.hold = None
    server.release.set()


#: Where the watcher is killed: holding this request open (feeds are polled a, then b).
KILL_POINTS = {
    "fetching-feed-a": "/a.rss",
    "fetching-a-pages": "/pages/a3.html",
    "feed-a-stored-fetching-feed-b": "/b.rss",
    "fetching-b-last-page": f"/pages/b{PAGES}.html",
}


@pytest.mark.parametrize("path", list(KILL_POINTS.values()), ids=list(KILL_POINTS))
def test_watch_killed_then_restarted_stores_every_article_once(db_url: str, tmp_path: Path,
                                                              server: _Server, path: str) -> None:
    feeds = _feeds_file(tmp_path, server)
    _kill_at(server, feeds, db_url, path)
    before = _articles(db_url)
    restarted = _watch(feeds, db_url)
    out, err = restarted.communicate(timeout=_HOLD_LIMIT)
    assert restarted.returncode == 0, err
    assert _articles(db_url) == _all_urls(server)  # every article, each once
    assert _events(db_url) == len(FEEDS) * PAGES
    # Feed a is committed before feed b is fetched; nothing of a feed before all its pages are in.
    a_stored = path.startswith(("/b", "/pages/b"))
    assert before == [u for u in _all_urls(server) if a_stored and "/pages/a" in u]
    # A third run: both feeds unchanged (304), nothing fetched or stored again.
    server.statuses.clear()
    again = _watch(feeds, db_url)
    assert again.wait(_HOLD_LIMIT) == 0
    assert server.statuses == [("/a.rss", 304), ("/b.rss", 304)]
    assert _articles(db_url) == _all_urls(server)


def test_watch_killed_while_storing_loses_nothing(tmp_path: Path, server: _Server) -> None:
    """Killed while it waits to write feed a's articles (another writer holds the lock)."""
    db = str(tmp_path / "store.db")
    feeds = _feeds_file(tmp_path, server)
    with Store.open(db):
        pass  # the schema, so that the lock below is on a store
    blocker = sqlite3.connect(db, isolation_level=None)

    def lock_then_answer() -> None:
        blocker.execute("BEGIN IMMEDIATE")
        server.hold = None
        server.release.set()  # the last page of a is answered; the watcher goes on to store a

    try:
        _kill_at(server, feeds, db, f"/pages/a{PAGES}.html", on_arrival=lock_then_answer)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert _articles(db) == []
    restarted = _watch(feeds, db)
    assert restarted.wait(_HOLD_LIMIT) == 0, restarted.communicate()[1]
    assert _articles(db) == _all_urls(server) and _events(db) == len(FEEDS) * PAGES


def test_a_feed_whose_state_was_not_saved_is_read_again_without_doubles(db_url: str, tmp_path: Path,
                                                                       server: _Server) -> None:
    """Killed after a feed's articles were committed but before its state was: the next run
    fetches the feed again and skips every page it stored."""
    feeds = _feeds_file(tmp_path, server)
    assert _watch(feeds, db_url).wait(_HOLD_LIMIT) == 0
    with Store.open(db_url) as store, store.writing() as conn:
        conn.execute(t.feed_state.delete())
    server.statuses.clear()
    assert _watch(feeds, db_url).wait(_HOLD_LIMIT) == 0
    assert server.statuses == [("/a.rss", 200), ("/b.rss", 200)]  # no page fetched again
    assert _articles(db_url) == _all_urls(server) and _events(db_url) == len(FEEDS) * PAGES


def test_sigterm_stops_watch_cleanly_with_every_commit_in_the_db_file(tmp_path: Path, server: _Server) -> None:
    db = tmp_path / "store.db"
    feeds = _feeds_file(tmp_path, server)
    server.hold = "/b.rss"  # feed a is stored by then
    process = _watch(feeds, str(db))
    assert server.arrived.wait(_HOLD_LIMIT)
    process.send_signal(signal.SIGTERM)
    assert process.wait(_HOLD_LIMIT) == 0, process.communicate()[1]
    server.release.set()
    wal = Path(f"{db}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    import shutil

    shutil.copyfile(db, tmp_path / "copy.db")  # the .db alone
    with sqlite3.connect(tmp_path / "copy.db") as copy:
        assert copy.execute("SELECT count(*) FROM articles").fetchone()[0] == PAGES
