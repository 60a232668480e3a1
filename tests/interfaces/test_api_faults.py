"""Bad input through the API, on SQLite and PostgreSQL: a request is stored whole or refused
with 422 naming the record; odd bytes in a path or a body are answered, never a 500."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from harmattan.interfaces.api import create_app
from harmattan.store import Store
from harmattan.store import schema as t

from .conftest import RULE_JOB

AUTH = {"Authorization": "Bearer s3cret"}


def _job(client: TestClient, answer) -> dict:
    """The ingest job a 202 answer queued, once its worker is done with it."""
    assert answer.status_code == 202, answer.text
    job = answer.json()
    deadline = time.monotonic() + 300
    while job["status"] in {"queued", "running"} and time.monotonic() < deadline:
        time.sleep(0.2)
        job = client.get(f"/api/jobs/{job['job_id']}").json()
    return job


@pytest.fixture
def client(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """A writable API over a new store, coding with the stand-in coder."""
    from harmattan.runners import local
    from harmattan.store.stand_in import make_rule_coder

    monkeypatch.setattr(local, "_make_default_coder", make_rule_coder)
    with TestClient(create_app(db_url, token="s3cret", job_command=RULE_JOB)) as api:
        yield api


def _articles(n: int = 20) -> list[dict]:
    return [{"id": f"a{i}", "date": f"2023-08-{i:02d}", "text": f"Mali attacked Niger near post {i}."}
            for i in range(1, n + 1)]


def _stored(db_url: str) -> list[str]:
    with Store.open(db_url) as store, store.reading() as conn:
        return sorted(conn.execute(select(t.articles.c.article_id)).scalars())


@pytest.mark.parametrize(("field", "value", "reason"), [
    ("date", "0001-01-01", "impossible date 0001-01-01 (before 1800-01-01)"),
    ("id", "a\x0017", "NUL character in id"),
    ("language", "e\x00n", "NUL character in language"),
], ids=["ancient-date", "nul-in-id", "nul-in-language"])
def test_one_bad_article_refuses_the_whole_request(client: TestClient, db_url: str, field: str,
                                                   value: str, reason: str) -> None:
    articles = _articles()
    articles[16][field] = value
    answer = client.post("/api/ingest", json={"articles": articles}, headers=AUTH)
    assert answer.status_code == 422, answer.text
    body = answer.json()
    assert "article 17" in body["detail"] and "nothing stored" in body["detail"]
    assert [(r["line"], r["record_id"]) for r in body["rejected"]] == [(17, articles[16]["id"])]
    assert body["rejected"][0]["reason"].startswith(reason)
    assert _stored(db_url) == []
    del articles[16]
    assert _job(client, client.post("/api/ingest", json={"articles": articles},
                                    headers=AUTH))["status"] == "done"
    assert len(_stored(db_url)) == 19


def test_an_article_the_database_refuses_once_coded_is_rejected_and_the_rest_stored(
        client: TestClient, db_url: str) -> None:
    # Known only once coded: a fatality figure past 64 bits, which both databases refuse.
    articles = _articles()
    articles[16]["text"] = "Chad attacked Benin and killed 99999999999999999999."
    job = _job(client, client.post("/api/ingest", json={"articles": articles}, headers=AUTH))
    assert job["status"] == "done", job
    assert [(r["line"], r["record_id"]) for r in job["result"]["rejected"]] == [(17, "a17")]
    assert job["result"]["rejected"][0]["reason"].startswith("the store refused the article")
    assert len(_stored(db_url)) == 19 and "a17" not in _stored(db_url)


def test_a_lone_surrogate_is_answered_422_in_json(client: TestClient, db_url: str) -> None:
    text = '{"id": "s\\ud800", "date": "2023-08-01", "text": "Mali attacked \\udc00 Niger."}'
    answer = client.post("/api/ingest", content=f'{{"articles": [{text}]}}'.encode(),
                         headers={**AUTH, "Content-Type": "application/json"})
    assert answer.status_code == 422, answer.text
    problems = answer.json()["detail"]  # the request model's message, which repeats the input
    assert [p["loc"][-1] for p in problems] == ["id", "text"]
    assert [p["input"] for p in problems] == ["s\\ud800", "Mali attacked \\udc00 Niger."]
    bad_url = '{"id": "u", "date": "2023-08-01", "text": "x", "url": "\\ud800"}'
    answer = client.post("/api/ingest", content=f'{{"articles": [{bad_url}]}}'.encode(),
                         headers={**AUTH, "Content-Type": "application/json"})
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"][0]["loc"][-1] == "url"
    assert _stored(db_url) == []


def test_a_nul_in_an_event_id_is_not_found(client: TestClient) -> None:
    for path in ("/api/events/%00", "/api/events/a%00b", "/api/alerts/%00"):
        answer = client.get(path)
        assert answer.status_code in (404, 422), (path, answer.text)
        assert "detail" in answer.json()


def test_requests_naming_another_host_are_refused(tmp_path) -> None:
    allowed = ["127.0.0.1", "localhost", "::1", "*.example.org"]
    app = create_app(str(tmp_path / "h.db"), allowed_hosts=allowed, base_url="https://events.example.org/")
    answers = {}
    for host in ("127.0.0.1:8000", "localhost", "[::1]:8000", "LOCALHOST:8000", "news.example.org",
                 "evil.example", "127.0.0.1.nip.io", "example.org.evil.example", "", "[::2]:80"):
        with TestClient(app, base_url="http://testserver") as api:
            answers[host] = api.get("/api/health", headers={"Host": host}).status_code
    assert answers == {"127.0.0.1:8000": 200, "localhost": 200, "[::1]:8000": 200, "LOCALHOST:8000": 200,
                       "news.example.org": 200, "evil.example": 400, "127.0.0.1.nip.io": 400,
                       "example.org.evil.example": 400, "": 400, "[::2]:80": 400}
    with TestClient(app, base_url="http://localhost:8000") as api:
        feed = api.get("/api/alerts.atom").text
    assert '<link href="https://events.example.org/api/alerts.atom" rel="self" />' in feed
    # An app embedded without allowed hosts answers any Host (its server decides).
    with TestClient(create_app(str(tmp_path / "h.db"))) as api:
        assert api.get("/api/health", headers={"Host": "anything.example"}).status_code == 200
