"""``harmattan serve`` as a process: it answers only to its own host names, links its Atom
feed from its base URL, and a clean stop (SIGTERM) leaves every commit in the ``.db`` file."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import free_port

#: The real ``harmattan`` command, coding with the stand-in coder (no models to load).
_HARMATTAN = """
import sys
from harmattan.runners import local
from harmattan.store.stand_in import make_rule_coder
local._make_default_coder = make_rule_coder
from harmattan.interfaces.cli import main
sys.argv[0] = "harmattan"
main()
"""


def _request(url: str, host: str | None = None, body: dict | None = None) -> tuple[int, str]:
    headers = {"Host": host} if host else {}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers |= {"Content-Type": "application/json", "Authorization": "Bearer s3cret"}
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


@pytest.fixture
def server(tmp_path: Path):
    articles = tmp_path / "in.jsonl"
    articles.write_text("".join(json.dumps({"id": f"s{i}", "date": f"2023-08-0{i}",
                                            "text": f"Mali attacked Niger near post {i}."}) + "\n"
                                for i in range(1, 4)), encoding="utf-8")
    port = free_port()
    db = tmp_path / "harmattan.db"
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-c", _HARMATTAN, "serve", "--db", str(db), "--port", str(port), "--token", "s3cret",
         "--ingest", str(articles), "--base-url", "https://events.example.org/news/"],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    try:
        while True:  # until it answers (a start-up failure ends the wait)
            if process.poll() is not None:
                pytest.fail((tmp_path / "serve.log").read_text())
            try:
                if _request(base + "/api/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        yield process, base, port, db
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        log.close()


def test_serve_answers_its_own_host_names_only(server) -> None:
    process, base, port, _ = server
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "events.example.org"):
        assert _request(base + "/api/health", host)[0] == 200, host
    status, body = _request(base + "/api/health", f"rebind.attacker.example:{port}")
    assert status == 400 and "--allowed-host" in json.loads(body)["detail"]
    # The Atom links come from --base-url, whatever Host the request names.
    status, feed = _request(base + "/api/alerts.atom", f"localhost:{port}")
    assert status == 200
    assert '<link href="https://events.example.org/news/api/alerts.atom" rel="self" />' in feed


def test_a_clean_stop_leaves_every_commit_in_the_db_file(server, tmp_path: Path) -> None:
    process, base, port, db = server
    status, body = _request(base + "/api/ingest", body={"articles": [
        {"id": "posted", "date": "2023-08-09", "text": "Chad attacked Benin near the river."}]})
    assert status == 202, body
    job = json.loads(body)
    deadline = time.monotonic() + 300
    while job["status"] in {"queued", "running"} and time.monotonic() < deadline:
        time.sleep(0.2)
        job = json.loads(_request(base + f"/api/jobs/{job['job_id']}")[1])
    assert job["status"] == "done" and job["result"]["articles"] == 1, job
    process.send_signal(signal.SIGTERM)
    # uvicorn shuts down, then ends the process by the signal it caught.
    assert process.wait(timeout=60) in (0, -signal.SIGTERM)
    assert "Application shutdown complete" in (tmp_path / "serve.log").read_text()
    wal = Path(f"{db}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    copy = tmp_path / "copy.db"  # the .db alone, as a backup or a copy to a laptop takes it
    shutil.copyfile(db, copy)
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
