"""Hardening of the REST API: CSV cells, legacy rows, body limits, rules, article links."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from harmattan.interfaces.api import MAX_BODY_BYTES, create_app

pytestmark = pytest.mark.models


def copy_store(sample_db: str, tmp_path: Path) -> str:
    db = tmp_path / "copy.db"
    with sqlite3.connect(sample_db) as source, sqlite3.connect(db) as target:
        source.backup(target)
    return str(db)


def relist(db: str) -> None:
    """Rebuild the stored listings after a test edited events by hand, as the upgrade to
    schema version 5 does for a store with such rows."""
    from harmattan.store import Store
    from harmattan.store.query import refresh_all_listings

    with Store.open(db) as store, store.writing() as conn:
        refresh_all_listings(conn)


def test_csv_cells_that_a_spreadsheet_would_run_get_a_quote(sample_db: str, tmp_path: Path) -> None:
    db = copy_store(sample_db, tmp_path)
    with sqlite3.connect(db) as conn:
        row_id, payload = conn.execute("SELECT row_id, payload FROM events ORDER BY row_id LIMIT 1").fetchone()
        event = json.loads(payload)
        event["evidence"]["sentence"] = '=HYPERLINK("http://evil.example","x")'
        conn.execute("UPDATE events SET payload = ? WHERE row_id = ?", (json.dumps(event), row_id))
        cluster = conn.execute("SELECT cluster_id FROM events WHERE row_id = ?", (row_id,)).fetchone()[0]
    with TestClient(create_app(db)) as client:
        body = client.get("/api/events", params={"format": "csv", "limit": 5000}).text
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(body))}
    assert rows[cluster]["evidence"] == '\'=HYPERLINK("http://evil.example","x")'
    numbers = {"latitude", "longitude"}  # numbers stay numbers (a negative longitude is no formula)
    for r in rows.values():
        for column, value in r.items():
            assert column in numbers or not value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_rows_without_a_cluster_are_listed_and_found(sample_db: str, tmp_path: Path) -> None:
    """Stores upgraded from schema v1 hold rows with no cluster id: each stands alone."""
    db = copy_store(sample_db, tmp_path)
    with sqlite3.connect(db) as conn:
        orphans = [r[0] for r in conn.execute(
            "SELECT event_id FROM events WHERE valid_to IS NULL ORDER BY row_id LIMIT 3")]
        conn.execute(f"UPDATE events SET cluster_id = NULL WHERE event_id IN ({','.join('?' * len(orphans))})",
                     orphans)
    relist(db)
    with TestClient(create_app(db)) as client:
        listed = client.get("/api/events", params={"limit": 500})
        assert listed.status_code == 200, listed.text
        ids = [e["id"] for e in listed.json()["events"]]
        assert set(orphans) <= set(ids) and len(ids) == len(set(ids)) == listed.json()["total"]
        for event_id in orphans:
            found = client.get(f"/api/events/{event_id}")
            assert found.status_code == 200, found.text
            assert found.json()["id"] == event_id
            assert [m["event_id"] for m in found.json()["mentions"]] == [event_id]
        assert client.get("/api/events", params={"format": "csv", "limit": 5000}).status_code == 200
        assert client.get("/api/facets").status_code == 200
        health = client.get("/api/health").json()
    # The export and the counts see them too, each as a cluster of its own.
    from harmattan.store import Store, read

    with Store.open(db) as store, store.reading() as conn:
        clusters = read.clusters(conn)
        counts = read.stats(conn)
    exported = {c["cluster_id"]: c for c in clusters}
    assert set(orphans) <= set(exported)
    assert all([m["event_id"] for m in exported[o]["mentions"]] == [o] for o in orphans)
    assert counts["clusters"] == len(clusters)
    assert health is not None


def test_articles_without_a_source_count_by_host_as_the_export_does(sample_db: str, tmp_path: Path) -> None:
    from harmattan.store import Store, read

    db = copy_store(sample_db, tmp_path)
    with sqlite3.connect(db) as conn:
        # One event reported by two articles: the first two articles' first events, merged.
        (cluster, _), (_, second) = conn.execute(
            "SELECT min(cluster_id), article_pk FROM events WHERE valid_to IS NULL "
            "GROUP BY article_pk ORDER BY article_pk LIMIT 2").fetchall()
        conn.execute("UPDATE events SET cluster_id = ? WHERE article_pk = ? AND cluster_id = "
                     "(SELECT min(cluster_id) FROM events WHERE article_pk = ?)", (cluster, second, second))
        pks = [r[0] for r in conn.execute(
            "SELECT DISTINCT article_pk FROM events WHERE cluster_id = ? ORDER BY article_pk", (cluster,))]
        for n, pk in enumerate(pks):
            conn.execute("UPDATE articles SET source = NULL, url = ? WHERE article_pk = ?",
                         (f"https://news.example.org/story-{n}", pk))
    relist(db)
    with Store.open(db) as store, store.reading() as conn:
        exported = next(c for c in read.clusters(conn) if c["cluster_id"] == cluster)
    with TestClient(create_app(db)) as client:
        listed = next(e for e in client.get("/api/events", params={"limit": 500}).json()["events"]
                      if e["id"] == cluster)
        detail = client.get(f"/api/events/{cluster}").json()
    assert exported["sources"] == ["news.example.org"] and exported["n_sources"] == 1
    assert listed["sources"] == exported["sources"] and listed["n_sources"] == exported["n_sources"]
    assert detail["n_sources"] == 1
    assert {m["article"]["source"] for m in detail["mentions"]} == {"news.example.org"}


# -- writes: the token before the body, and the body limit ------------------------------------------


def chunks(*parts: bytes):  # noqa: ANN201 - a generator makes TestClient send no Content-Length
    yield from parts


def test_writes_check_the_token_before_reading_the_body(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    with TestClient(create_app(db)) as closed:
        refused = closed.post("/api/ingest", content=chunks(b"{not json"))
        assert refused.status_code == 403 and "--token" in refused.json()["detail"]
    with TestClient(create_app(db, token="s3cret")) as client:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret"}):
            answer = client.post("/api/ingest", content=chunks(b"{not json"), headers=headers)
            assert answer.status_code == 401, (headers, answer.text)
            assert answer.headers["www-authenticate"] == "Bearer"
        # A body too large is refused for its token first: nothing about it is read.
        big = client.post("/api/ingest", content=b"x" * (MAX_BODY_BYTES + 1))
        assert big.status_code == 401
        with_token = client.post("/api/ingest", content=chunks(b"{not json"),
                                 headers={"Authorization": "Bearer s3cret",
                                          "Content-Type": "application/json"})
        assert with_token.status_code == 422


def test_a_body_over_the_limit_is_refused_chunked_or_not(tmp_path: Path) -> None:
    auth = {"Authorization": "Bearer s3cret", "Content-Type": "application/json"}
    megabyte = b" " * (1024 * 1024)
    with TestClient(create_app(str(tmp_path / "w.db"), token="s3cret")) as client:
        announced = client.post("/api/ingest", content=b" " * (MAX_BODY_BYTES + 1), headers=auth)
        assert announced.status_code == 413 and "bytes" in announced.json()["detail"]
        chunked = client.post("/api/ingest", content=chunks(b"{", *[megabyte] * 11, b"}"), headers=auth)
        assert chunked.status_code == 413, chunked.text
        assert "bytes" in chunked.json()["detail"]
        small = client.post("/api/ingest", content=chunks(b'{"articles": ', b"[]}"), headers=auth)
        assert small.status_code == 422 and "articles" in small.text


# -- serve --rules -------------------------------------------------------------------------------------


def test_a_bad_rule_file_stops_serve_before_it_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from click.testing import CliRunner

    from harmattan.errors import ConfigError
    from harmattan.interfaces.cli import main

    served: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.append(app))
    bad = tmp_path / "rules.yaml"
    bad.write_text("rules:\n  - name: odd\n    kind: nonsense\n", encoding="utf-8")
    empty = tmp_path / "none.jsonl"
    empty.write_text("", encoding="utf-8")
    db = str(tmp_path / "s.db")
    for extra in ([], ["--ingest", str(empty)]):
        result = CliRunner().invoke(main, ["serve", "--db", db, "--rules", str(bad), "--quiet", *extra])
        assert result.exit_code != 0, result.output
        assert isinstance(result.exception, SystemExit), result.exception
        assert str(bad) in result.output and "nonsense" in result.output
        assert "Traceback" not in result.output
    assert served == []
    with pytest.raises(ConfigError, match="nonsense"):
        create_app(db, rules=str(bad))


# -- article links ---------------------------------------------------------------------------------


def test_ingest_takes_web_links_only(tmp_path: Path) -> None:
    auth = {"Authorization": "Bearer s3cret"}
    with TestClient(create_app(str(tmp_path / "w.db"), token="s3cret")) as client:
        for url in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>x</b>",
                    "file:///etc/passwd", "//example.org/a", "example.org/a"):
            article = {"id": "a", "text": "ECOWAS imposed sanctions on Niger.", "date": "2023-08-01",
                       "url": url}
            answer = client.post("/api/ingest", json={"articles": [article]}, headers=auth)
            assert answer.status_code == 422, url
            problem = answer.json()["detail"][0]
            assert problem["loc"][-1] == "url" and "http" in problem["msg"], problem
        # A web link passes (the article is then refused for its missing date, as usual).
        fine = client.post("/api/ingest", headers=auth, json={"articles": [
            {"id": "b", "text": "ECOWAS imposed sanctions on Niger.", "url": "HTTPS://example.org/b"}]})
        assert fine.status_code == 422 and fine.json()["rejected"][0]["reason"].startswith("missing date")
