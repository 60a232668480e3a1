"""The API against its own OpenAPI document, with Schemathesis: generated requests (valid and
invalid) to every operation of ``/openapi.json``; no answer may be a 5xx, and every answer must
match the status codes, content types and schemas the document declares.  The write
endpoints are called without the token and must answer 401.

The app runs in-process (ASGI) over a copy of the sample store, with a token configured, so
that the write endpoints are live but closed to requests that do not send it.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from harmattan.interfaces.api import create_app

pytestmark = [pytest.mark.models, pytest.mark.slow]
TOKEN = "schema-test-token"


@pytest.fixture(scope="module")
def app(sample_db: str, tmp_path_factory: pytest.TempPathFactory) -> Any:
    copy = tmp_path_factory.mktemp("schema") / "store.db"
    with sqlite3.connect(sample_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return create_app(str(copy), token=TOKEN)


@pytest.fixture(scope="module")
def api_schema(app: Any) -> Any:
    # A schema-valid request may still break a rule across parameters that OpenAPI cannot
    # state (since after until, a bbox with south above north): the API answers a documented
    # 400 then, so 400 counts as an accepted answer to valid data.
    config = schemathesis.Config.from_dict({"checks": {"positive_data_acceptance": {
        "expected-statuses": ["2xx", "400", "401", "403", "404"]}}})
    return schemathesis.openapi.from_asgi("/openapi.json", app, config=config)


def test_every_operation_answers_as_documented(api_schema: Any) -> None:
    # Schemathesis' pytest plugin does not run under this pytest; its Python API does the same:
    # one Hypothesis test per operation, each case called in-process and checked.
    from hypothesis import given

    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 14
    failures = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case: Any) -> None:
            case.call_and_validate()

        try:
            check()
        except Exception as exc:  # noqa: BLE001 - collect every operation's failure
            failures.append(f"{operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)


def test_write_endpoints_need_the_token(app: Any) -> None:
    spec = TestClient(app).get("/openapi.json").json()
    writes = sorted(path for path, item in spec["paths"].items() if "post" in item)
    assert writes == ["/api/alerts/run", "/api/ingest"]
    article = {"articles": [{"id": "x", "date": "2024-01-01", "text": "ECOWAS imposed sanctions on Niger."}]}
    with TestClient(app) as client:
        for path in writes:
            assert "HTTPBearer" in str(spec["paths"][path]["post"]["security"])
            for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
                response = client.post(path, json=article if path == "/api/ingest" else None,
                                       headers=headers)
                assert response.status_code == 401, (path, headers, response.text)
                assert response.headers["www-authenticate"] == "Bearer"


def test_docs_name_every_endpoint(app: Any) -> None:
    documented = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    spec = TestClient(app).get("/openapi.json").json()
    def bare(text: str) -> str:  # /api/events/{id} and /api/events/{event_id} are one path
        return re.sub(r"\{[^}]*\}", "{}", text)

    named = set(re.findall(r"(?:GET|POST) (/api/[^\s`?]*)", bare(documented)))
    missing = [path for path in spec["paths"] if bare(path) not in named]
    assert not missing, f"docs/api.md does not describe {missing}"
