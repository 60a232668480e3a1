"""API read speed: concurrent readers of ``GET /api/events`` while an ingest runs.

    .venv/bin/python benchmarks/api_read_speed.py --db /tmp/api-bench/base.db
    .venv/bin/python benchmarks/api_read_speed.py --db postgresql://me@127.0.0.1:5432/bench \\
        --source /tmp/api-bench/base.db

The base store holds the 1,002 shared real articles (``../shared/data/news/
insightcrime-train.jsonl``).  It is built once — coded by ``harmattan ingest`` into a SQLite
file, or copied table by table from one (``--source``) into an empty PostgreSQL database — and
reused: each run works on a copy (a SQLite backup, or ``CREATE DATABASE … TEMPLATE``), so the
base store never changes.

A run starts ``harmattan serve`` on the copy (127.0.0.1, a free port), measures ``--readers``
readers alone for ``--alone`` seconds, then starts ``harmattan ingest`` of ``--ingest``
articles (the first ones of the file under new ids, with a line added to each text, so that
they are coded and stored, not skipped as duplicates) and measures the same readers until that
ingest ends.  Each reader keeps one HTTP connection and asks for a 100-event page after page
(offsets 0–400 in turn: the newest events, as a dashboard does).  Every phase and subprocess
has a deadline; the whole run stops after ``--max-seconds``.  Results are recorded in
docs/benchmarks.md with the command that produced them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "data" / "news" / "insightcrime-train.jsonl"
HOST = "127.0.0.1"  # the benchmark talks to its own server on loopback only
PAGES = 5


def harmattan(*args: str) -> list[str]:
    return [sys.executable, "-m", "harmattan.interfaces.cli", *args]


def is_postgres(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://", "postgresql+"))


# -- the base store, built once ------------------------------------------------------------------


def dated(record: dict[str, Any], i: int) -> dict[str, Any]:
    """The shared articles carry no date: the ``i``-th gets a day of 2023–2024, in file order,
    so that pages sorted by date look like a real store's."""
    if not record.get("date"):
        record["date"] = (dt.date(2023, 1, 1) + dt.timedelta(days=(i * 730) // 1002)).isoformat()
    return record


def build_sqlite(path: Path, articles: Path, workers: int, deadline: float) -> None:
    """Code every article of ``articles`` (dated when undated) into a new SQLite store at ``path``."""
    print(f"building {path} from {articles} (once; a few minutes)...", file=sys.stderr)
    partial = path.with_suffix(".partial.db")
    source = path.with_suffix(".jsonl")
    with articles.open(encoding="utf-8") as src, source.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            dst.write(json.dumps(dated(json.loads(line), i), ensure_ascii=False) + "\n")
    subprocess.run(harmattan("ingest", str(source), "--db", str(partial), "--workers", str(workers)),
                   check=False, timeout=max(1.0, deadline - time.monotonic()))
    conn = sqlite3.connect(partial)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    partial.rename(path)
    for leftover in (Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)


def copy_tables(source: str, target: str) -> None:
    """Copy every row of the store ``source`` into the empty store ``target`` (PostgreSQL)."""
    from sqlalchemy import func, select, text

    from harmattan.store import Store
    from harmattan.store import schema as t

    print(f"copying {source} into {target}...", file=sys.stderr)
    with Store.open(source) as src, Store.open(target) as dst:
        with src.reading() as read, dst.writing() as write:
            for table in t.metadata.sorted_tables:
                if table is t.schema_version:
                    continue
                rows = read.execute(select(table)).mappings()
                batch: list[dict[str, Any]] = []
                for row in rows:
                    batch.append(dict(row))
                    if len(batch) == 2000:
                        write.execute(table.insert(), batch)
                        batch.clear()
                if batch:
                    write.execute(table.insert(), batch)
            for table in t.metadata.sorted_tables:  # serial keys go on after the copied rows
                for column in table.primary_key.columns:
                    if column.autoincrement is True or (column.autoincrement == "auto"
                                                        and len(table.primary_key.columns) == 1
                                                        and column.type.python_type is int):
                        top = write.execute(select(func.max(column))).scalar()
                        if top is not None:
                            write.execute(text("SELECT setval(pg_get_serial_sequence(:t, :c), :v)"),
                                          {"t": table.name, "c": column.name, "v": top})


def ensure_base(db: str, source: str | None, articles: Path, workers: int, deadline: float) -> None:
    if not is_postgres(db):
        if not Path(db).exists():
            build_sqlite(Path(db), articles, workers, deadline)
        return
    from harmattan.store import Store
    from harmattan.store import schema as t
    from harmattan.store.store import count

    with Store.open(db) as store, store.reading() as conn:
        n = count(conn, t.articles)
    if n == 0:
        if not source:
            raise SystemExit("the PostgreSQL base store is empty: give --source BASE.db to copy from")
        ensure_base(source, None, articles, workers, deadline)
        copy_tables(source, db)


def working_copy(db: str, folder: Path) -> tuple[str, Any]:
    """A copy of the base store for one run, and a function that removes it."""
    if not is_postgres(db):
        copy = folder / "run.db"
        src, dst = sqlite3.connect(db), sqlite3.connect(copy)
        src.backup(dst)
        src.close()
        dst.close()
        return str(copy), lambda: None
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from harmattan.store.engine import resolve_url

    url = make_url(resolve_url(db))
    name = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{url.database}"'))  # our names

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url.set(database=name).render_as_string(hide_password=False), drop


def fresh_articles(articles: Path, n: int, folder: Path) -> Path:
    """The first ``n`` articles under new ids, each text with a line added (new content)."""
    out = folder / "fresh.jsonl"
    with articles.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in zip(range(n), src, strict=False):
            record = dated(json.loads(line), i)
            record["id"] = f"{record.get('id', i)}#bench"
            record["text"] = record["text"] + "\n\nUpdated with reporting from the region."
            dst.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


# -- the server and the readers ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_server(db: str, port: int, log: Path, extra: list[str], timeout: float) -> subprocess.Popen:
    proc = subprocess.Popen(harmattan("serve", "--db", db, "--host", HOST, "--port", str(port),
                                      "--quiet", *extra),
                            stdout=log.open("w"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"harmattan serve exited with {proc.returncode}:\n{log.read_text()}")
        try:
            status, _ = get(port, "/api/health", timeout=5)
            if status == 200:
                return proc
        except OSError:
            pass
        time.sleep(0.3)
    stop(proc)
    raise SystemExit(f"harmattan serve did not answer within {timeout:.0f} s:\n{log.read_text()}")


def stop(proc: subprocess.Popen, grace: float = 10) -> float:
    """SIGTERM, then SIGKILL after ``grace`` seconds; return how long it took to exit."""
    started = time.monotonic()
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return time.monotonic() - started


def get(port: int, path: str, timeout: float = 30) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


class Readers:
    """``n`` threads, each asking for pages over one kept-alive connection until stopped."""

    def __init__(self, port: int, n: int, path: str) -> None:
        self.port, self.n, self.path = port, n, path
        self.samples: list[tuple[float, float, bool]] = []  # (finished at, seconds, ok)
        self.errors: list[str] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(n)]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)

    def _run(self, i: int) -> None:
        conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
        k = i
        while not self._stop.is_set():
            path = self.path.format(offset=(k % PAGES) * 100)
            k += 1
            began = time.monotonic()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                body = response.read()
                ok = response.status == 200 and body.startswith(b"{")
                if not ok:
                    self._error(f"{response.status} {body[:200]!r}")
            except (OSError, http.client.HTTPException) as exc:
                ok = False
                self._error(repr(exc))
                conn.close()
                conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
            ended = time.monotonic()
            with self._lock:
                self.samples.append((ended, ended - began, ok))
        conn.close()

    def _error(self, what: str) -> None:
        with self._lock:
            self.errors.append(what)

    def window(self, start: float, end: float) -> dict[str, Any]:
        with self._lock:
            chosen = [s for s in self.samples if start <= s[0] <= end]
        times = sorted(s[1] for s in chosen)
        errors = sum(1 for s in chosen if not s[2])
        return summarise(times, errors, end - start)


def summarise(times: list[float], errors: int, seconds: float) -> dict[str, Any]:
    def pct(p: float) -> float | None:
        if not times:
            return None
        return round(1000 * times[min(len(times) - 1, int(p * len(times)))], 1)

    return {"requests": len(times), "errors": errors, "seconds": round(seconds, 1),
            "per_second": round(len(times) / seconds, 1) if seconds else None,
            "p50_ms": pct(0.50), "p90_ms": pct(0.90), "p99_ms": pct(0.99),
            "max_ms": round(1000 * times[-1], 1) if times else None,
            "mean_ms": round(1000 * statistics.fmean(times), 1) if times else None}


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def run(args: argparse.Namespace) -> dict[str, Any]:
    started = time.monotonic()
    deadline = started + args.max_seconds
    ensure_base(args.db, args.source, args.articles, args.workers, deadline)
    folder = Path(tempfile.mkdtemp(prefix="harmattan-api-bench-"))
    copy, drop = working_copy(args.db, folder)
    port = free_port()
    server = start_server(copy, port, folder / "server.log", [], timeout=120)
    result: dict[str, Any] = {"db": "postgresql" if is_postgres(args.db) else "sqlite",
                              "readers": args.readers, "path": args.path, "load_before": load()}
    readers = Readers(port, args.readers, args.path)
    ingest = None
    try:
        for k in range(PAGES):  # the first answer of each page is not a steady state
            status, body = get(port, args.path.format(offset=k * 100))
            if status != 200:
                raise SystemExit(f"GET {args.path} answered {status}: {body[:300]!r}")
        result["page_bytes"] = len(body)
        readers.start()
        alone_start = time.monotonic()
        time.sleep(min(args.alone, max(0.0, deadline - time.monotonic())))
        result["alone"] = readers.window(alone_start, time.monotonic())
        if args.ingest:
            fresh = fresh_articles(args.articles, args.ingest, folder)
            ingest_log = (folder / "ingest.log").open("w")
            ingest_start = time.monotonic()
            ingest = subprocess.Popen(harmattan("ingest", str(fresh), "--db", copy,
                                                "--workers", str(args.workers)),
                                      stdout=ingest_log, stderr=subprocess.STDOUT)
            try:
                ingest.wait(timeout=max(1.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                stop(ingest)
            ingest_end = time.monotonic()
            result["ingest"] = {"articles": args.ingest, "seconds": round(ingest_end - ingest_start, 1),
                                "exit": ingest.returncode}
            result["during_ingest"] = readers.window(ingest_start, ingest_end)
        result["load_after"] = load()
    finally:
        readers.stop()
        result["reader_errors"] = readers.errors[:5]
        result["stop_seconds"] = round(stop(server), 1)
        drop()
        shutil.rmtree(folder, ignore_errors=True)
    result["total_seconds"] = round(time.monotonic() - started, 1)
    return result


def render(r: dict[str, Any]) -> str:
    lines = [f"{r['db']}: {r['readers']} readers of {r['path']} ({r.get('page_bytes', 0):,} bytes a page); "
             f"load {r['load_before']} → {r['load_after']}"]
    for phase in ("alone", "during_ingest"):
        if phase in r:
            s = r[phase]
            lines.append(f"  {phase:14} {s['requests']:6} requests in {s['seconds']:5} s "
                         f"({s['per_second']}/s)  p50 {s['p50_ms']} ms  p90 {s['p90_ms']} ms  "
                         f"p99 {s['p99_ms']} ms  max {s['max_ms']} ms  errors {s['errors']}")
    if "ingest" in r:
        lines.append(f"  ingest of {r['ingest']['articles']} articles: {r['ingest']['seconds']} s "
                     f"(exit {r['ingest']['exit']})")
    lines.append(f"  server stopped {r['stop_seconds']} s after SIGTERM; run {r['total_seconds']} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the base store: a SQLite path (built when "
                        "missing) or a PostgreSQL URL (filled from --source when empty)")
    parser.add_argument("--source", default=None, help="the SQLite base store to copy into an empty PostgreSQL one")
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--path", default="/api/events?limit=100&offset={offset}",
                        help="what the readers ask for; {offset} cycles over the first pages")
    parser.add_argument("--alone", type=float, default=15, help="seconds of reads before the ingest")
    parser.add_argument("--ingest", type=int, default=100, help="articles ingested during the reads (0: none)")
    parser.add_argument("--workers", type=int, default=2, help="coder workers of the ingest")
    parser.add_argument("--max-seconds", type=float, default=600, help="the whole run's deadline")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    os.environ.pop("HARMATTAN_DB", None)
    result = run(args)
    print(json.dumps(result, indent=2) if args.json else render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
