"""``harmattan serve --ingest samples/``: the README's first command, run as a user runs it."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from harmattan.interfaces.cli import main

pytestmark = pytest.mark.models
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers["content-type"], response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["content-type"], exc.read().decode("utf-8")


def test_serve_stores_the_samples_and_answers(served: str) -> None:
    lines = [line for f in SAMPLES.glob("*.jsonl") for line in f.read_text(encoding="utf-8").splitlines()]
    status, kind, body = get(served + "/api/health")
    health = json.loads(body)
    assert status == 200 and kind == "application/json"
    assert health["articles"] == len(lines) and health["events"] > 0
    assert health["writes_enabled"] is False
    status, _, body = get(served + "/api/events?limit=1")
    assert status == 200 and json.loads(body)["total"] == health["events"]
    status, _, body = get(served + "/api/alerts")
    assert status == 200 and json.loads(body), "serve --ingest raised no alert on the samples"
    status, _, body = get(served + "/openapi.json")
    assert status == 200 and "/api/events" in json.loads(body)["paths"]


def test_serve_refuses_writes_without_a_token(served: str) -> None:
    request = urllib.request.Request(served + "/api/ingest", method="POST",
                                     data=b'{"articles": [{"id": "a", "text": "b"}]}',
                                     headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 403


def test_serve_help_has_the_readme_command() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "harmattan serve --ingest samples/" in result.output
