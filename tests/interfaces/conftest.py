"""A store filled by the real pipeline from samples/, shared by the API and dashboard tests."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
RULES = Path(__file__).resolve().parents[2] / "src/harmattan/resources/alerts/rules.example.yaml"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store holding every article of samples/, coded by the real coder, and the
    alerts the shipped example rules and the anomaly baselines raise on them."""
    from harmattan.analysis import run_alerts
    from harmattan.store import Store
    from harmattan.store.ingest import ingest

    path = tmp_path_factory.mktemp("store") / "samples.db"
    with Store.open(str(path)) as store:
        report = ingest(store, [SAMPLES], workers=1)
        run_alerts(store, rules=RULES)
    assert report.articles >= 11 and report.events > 0 and report.rejects == 0
    return str(path)


@pytest.fixture(scope="session")
def api(sample_db: str) -> Iterator[object]:
    """A client of the read-only API over the sample store."""
    from fastapi.testclient import TestClient

    from harmattan.interfaces.api import create_app

    with TestClient(create_app(sample_db)) as client:
        yield client


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``harmattan serve --ingest samples/`` — the README's first command — in a subprocess on a
    free loopback port, with a new store; yields the server's base URL once it answers."""
    import json
    import subprocess
    import sys
    import time
    import urllib.request

    folder = tmp_path_factory.mktemp("served")
    port = free_port()
    log = (folder / "server.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "harmattan.interfaces.cli", "serve", "--ingest", str(SAMPLES),
         "--db", str(folder / "harmattan.db"), "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, cwd=folder)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"harmattan serve exited with {proc.returncode}:\n"
                            + (folder / "server.log").read_text())
            try:
                with urllib.request.urlopen(base + "/api/health", timeout=5) as response:
                    if json.load(response)["status"] == "ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("harmattan serve did not answer within 300 s:\n"
                            + (folder / "server.log").read_text())
            time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


#: The command of an ingest job's child process that codes with the stand-in coder (rules on
#: actor names, no models), for API tests of the job queue.
RULE_JOB = [sys.executable, "-c", "import sys\n"
            "from harmattan.runners import local\n"
            "from harmattan.store.stand_in import make_rule_coder\n"
            "local._make_default_coder = make_rule_coder\n"
            "from harmattan.store.jobs import main\n"
            "sys.exit(main())\n"]
