"""API ingest jobs: how long a large POST /api/ingest takes to answer, how reads fare while its
job runs, and how long SIGTERM takes to stop the server in the middle of it.

    .venv/bin/python benchmarks/api_ingest_stop.py

Starts ``harmattan serve --token`` on 127.0.0.1 over a new SQLite store, posts the first 100
shared InSight Crime articles (``--articles``) in one request, waits ``--coding`` seconds into
the job, times 20 ``GET /api/health`` and ``GET /api/events`` requests, sends SIGTERM and
times the exit, then starts the server again and reads the job's state.  Every wait has a
deadline.  Figures in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "data" / "news" / "insightcrime-train.jsonl"
HOST = "127.0.0.1"
TOKEN = "bench-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start(db: Path, port: int, timeout: float = 120) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "harmattan.interfaces.cli", "serve", "--db", str(db),
                             "--host", HOST, "--port", str(port), "--token", TOKEN, "--quiet"])
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            call(port, "/api/health")
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("harmattan serve did not answer")


def call(port: int, path: str, body: Any = None) -> tuple[Any, float]:
    request = urllib.request.Request(
        f"http://{HOST}:{port}{path}", method="POST" if body else "GET",
        data=json.dumps(body).encode() if body else None,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    began = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.load(response)
    return answer, time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--coding", type=float, default=15, help="seconds into the job before the reads and SIGTERM")
    args = parser.parse_args(argv)
    articles = []
    with ARTICLES.open(encoding="utf-8") as lines:
        for i, line in zip(range(args.articles), lines, strict=False):
            record = json.loads(line)
            articles.append({"id": record["id"], "text": record["text"], "date": f"2024-01-{1 + i % 28:02d}"})
    folder = Path(tempfile.mkdtemp(prefix="harmattan-ingest-stop-"))
    db, port = folder / "store.db", free_port()
    server = start(db, port)
    try:
        body = {"articles": articles}
        job, post_seconds = call(port, "/api/ingest", body)
        print(f"POST /api/ingest of {len(articles)} articles ({len(json.dumps(body)):,} bytes): "
              f"{job['status']} in {post_seconds * 1000:.0f} ms")
        deadline = time.monotonic() + 120
        while job["status"] == "queued" and time.monotonic() < deadline:
            time.sleep(0.2)
            job = call(port, f"/api/jobs/{job['job_id']}")[0]
        time.sleep(args.coding)
        job = call(port, f"/api/jobs/{job['job_id']}")[0]
        for path in ("/api/health", "/api/events?limit=100"):
            times = sorted(call(port, path)[1] for _ in range(20))
            print(f"GET {path} while the job is {job['status']}: median {statistics.median(times) * 1000:.1f} ms, "
                  f"max {times[-1] * 1000:.1f} ms")
        began = time.monotonic()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        print(f"SIGTERM to exit: {time.monotonic() - began:.2f} s (status {server.returncode})")
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    server = start(db, port)
    try:
        after = call(port, f"/api/jobs/{job['job_id']}")[0]
        health = call(port, "/api/health")[0]
        print(f"after a restart: job {after['status']} ({after['error']}); "
              f"{health['articles']} of {len(articles)} articles stored")
    finally:
        server.terminate()
        server.wait(timeout=60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
