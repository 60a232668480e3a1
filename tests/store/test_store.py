"""The store on SQLite and PostgreSQL: migrations, idempotent ingest, bitemporal re-coding,
clusters, exports, stats, changes and rejects — through the library and the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import time
from pathlib import Path

import pytest
from sqlalchemy import inspect, insert, select

from harmattan.schema import Article
from harmattan.store import Store, migrations
from harmattan.store import read
from harmattan.store import schema as t
from harmattan.store.export import ACLED_COLUMNS
from harmattan.store.ingest import ingest
from harmattan.store.stand_in import RuleCoder, make_rule_coder

from .conftest import write_jsonl

ARTICLES = [
    {"id": "w1", "date": "2023-08-01", "source": "Wire A", "url": "https://a.example/1",
     "text": "Mali attacked Niger near the border town of Ayorou on Monday morning and killed 4 "
             "people in the raid, officials said. Residents fled across the river to safety."},
    {"id": "w2", "date": "2023-08-02", "source": "Paper B", "url": "https://b.example/9",
     "text": "Mali attacked Niger near the border town of Ayorou on Monday morning and killed 7 "
             "people in the raid, officials said. Residents fled across the river to safety."},
    {"id": "x1", "date": "2023-08-03", "source": "Paper C",
     "text": "Chad met Senegal in Dakar to discuss trade. The talks were described as cordial."},
    {"id": "x2", "date": "2023-08-05", "source": "Paper C",
     "text": "Students protested in Accra over fees. Police said nobody was hurt."},
]


def _ingest(db: str, tmp_path: Path, records=ARTICLES, **kw):
    path = write_jsonl(tmp_path / f"in{time.monotonic_ns()}.jsonl", records)
    with Store.open(db) as store:
        return ingest(store, [path], workers=1, coder_factory=kw.pop("coder_factory", make_rule_coder), **kw)


def test_a_store_made_by_version_1_upgrades_in_place(db_url: str) -> None:
    store = Store.open(db_url, upgrade=False)
    migrations.build_at(store.engine, 1)
    with store.engine.begin() as conn:
        runs_v1 = migrations.snapshot(1).tables["runs"]
        run_id = conn.execute(insert(runs_v1).values(
            command="ingest", started_at=dt.datetime(2024, 1, 1), status="done",
            harmattan_version="0.0.1", n_read=0, n_articles=0, n_duplicates=0, n_events=0,
            n_rejects=0)).inserted_primary_key[0]
        assert not inspect(conn).has_table("event_clusters")
        assert "story_id" not in {c["name"] for c in inspect(conn).get_columns("articles")}
    store.close()

    with Store.open(db_url) as upgraded, upgraded.engine.connect() as conn:
        assert migrations.current_version(conn) == migrations.HEAD
        found = inspect(conn)
        for table in t.metadata.sorted_tables:
            assert {c["name"] for c in found.get_columns(table.name)} == set(table.columns.keys()), table.name
            assert {i["name"] for i in found.get_indexes(table.name)} >= {i.name for i in table.indexes}, table.name
        assert conn.execute(select(t.runs.c.harmattan_version).where(t.runs.c.run_id == run_id)).scalar() == "0.0.1"
    # Opening again applies nothing.
    with Store.open(db_url) as again:
        assert migrations.upgrade(again.engine) == []


def test_the_same_articles_twice_are_stored_once(db_url: str, tmp_path: Path) -> None:
    first = _ingest(db_url, tmp_path, ARTICLES + ARTICLES[:1])
    assert (first.articles, first.duplicates) == (4, 1)
    second = _ingest(db_url, tmp_path)
    assert (second.articles, second.duplicates, second.events) == (0, 4, 0)
    with Store.open(db_url) as store, store.reading() as conn:
        numbers = read.stats(conn)
    assert numbers["articles"] == 4
    assert numbers["events"] == 4
    assert numbers["runs"] == 2


def test_wire_copies_make_one_story_and_one_cluster_with_competing_claims(db_url: str, tmp_path: Path) -> None:
    _ingest(db_url, tmp_path)
    with Store.open(db_url) as store, store.reading() as conn:
        clusters = read.clusters(conn)
        stories = conn.execute(select(t.articles.c.article_id, t.articles.c.story_id)).all()
    story = dict(stories)
    assert story["w1"] == story["w2"] != story["x1"]
    assert len(clusters) == 3
    assault = next(c for c in clusters if c["event_type"] == "ASSAULT")
    assert assault["n_articles"] == 2
    assert assault["n_sources"] == 2
    assert (assault["first_report"], assault["last_report"]) == ("2023-08-01", "2023-08-02")
    assert assault["sources"] == ["Paper B", "Wire A"]
    assert [m["article_id"] for m in assault["mentions"]] == ["w1", "w2"]
    assert all(m["evidence"]["sentence"] for m in assault["mentions"])
    claims = assault["claims"]
    assert claims["fatalities_summary"] == {"low": 4, "best": 4, "high": 7}
    assert sorted((c["source"], c["fatalities"]) for c in claims["fatalities"]) == [("Paper B", 7), ("Wire A", 4)]
    assert claims["disputed"] is True


class _RecodingCoder(RuleCoder):
    """The stand-in, version 2: no longer codes meetings, and reads the raid as a fight."""

    version = "rules-2"

    def code(self, articles):
        events = [e for e in super().code(articles) if e.plover.event != "CONSULT"]
        for e in events:
            if e.plover.event == "ASSAULT":
                e.plover.event = "FIGHT"
        return events


def make_recoding_coder() -> _RecodingCoder:
    return _RecodingCoder()


def test_recoding_closes_the_old_coding_and_as_of_still_sees_it(db_url: str, tmp_path: Path) -> None:
    _ingest(db_url, tmp_path)
    with Store.open(db_url) as store, store.reading() as conn:
        before = conn.execute(select(t.events.c.valid_from)).scalars().all()
    moment = max(before) + dt.timedelta(microseconds=1)
    time.sleep(0.01)
    report = _ingest(db_url, tmp_path, recode=True, coder_factory=make_recoding_coder)
    assert report.articles == 0
    # Every event's payload changed (coder_version), the meeting is gone.
    assert (report.revised, report.withdrawn) == (3, 1)
    with Store.open(db_url) as store, store.reading() as conn:
        now_types = sorted(c["event_type"] for c in read.clusters(conn))
        then_types = sorted(c["event_type"] for c in read.clusters(conn, as_of=moment))
        assert read.stats(conn, as_of=moment)["events"] == 4
        assert read.stats(conn)["events"] == 3
        rows = conn.execute(select(t.events)).all()
        changes = read.changes(conn, since=moment)
    assert now_types == ["FIGHT", "PROTEST"]
    assert then_types == ["ASSAULT", "CONSULT", "PROTEST"]
    assert len(rows) == 7  # nothing deleted: 4 closed + 3 current
    assert sorted(c["change"] for c in changes) == ["revised", "revised", "revised", "withdrawn"]
    # The revised mentions stay in their clusters.
    assert {c["cluster_id"] for c in changes if c["change"] == "revised"} <= {r.cluster_id for r in rows}
    # Recoding again with the same coder changes nothing.
    again = _ingest(db_url, tmp_path, recode=True, coder_factory=make_recoding_coder)
    assert (again.revised, again.withdrawn, again.events) == (0, 0, 0)


def test_cli_ingest_export_stats_changes_rejects(db_url: str, tmp_path: Path, run_cli) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    (tmp_path / "a.jsonl").open("a").write("{truncated\n")
    result = run_cli("ingest", path, "--db", db_url, "--workers", "1", code=3)
    assert "rejected" in result.output and "invalid JSON" in result.output
    stats = json.loads(run_cli("stats", "--db", db_url, "--json", "-q").stdout)
    assert {k: stats[k] for k in ("articles", "events", "clusters", "rejects")} == \
        {"articles": 4, "events": 4, "clusters": 3, "rejects": 1}
    lines = run_cli("export", "--db", db_url, "-q").stdout.splitlines()
    assert [json.loads(x)["event_type"] for x in lines] == ["ASSAULT", "CONSULT", "PROTEST"]
    mentions = run_cli("export", "--db", db_url, "--mentions", "-q").stdout.splitlines()
    assert len(mentions) == 4
    assert json.loads(mentions[0])["article"]["id"] == "w1"
    # The meeting's country is where it took place (Dakar, from its location), not Chad's.
    only = run_cli("export", "--db", db_url, "--country", "SEN", "-q").stdout.splitlines()
    assert [json.loads(x)["event_type"] for x in only] == ["CONSULT"]
    assert run_cli("export", "--db", db_url, "--country", "TCD", "-q").stdout == ""
    window = run_cli("export", "--db", db_url, "--since", "2023-08-03", "--until", "2023-08-04", "-q").stdout
    assert len(window.splitlines()) == 1
    rejects = run_cli("rejects", "--db", db_url, "-q").stdout
    assert rejects.startswith(f"{path}:5\t-\tinvalid JSON")
    listed = run_cli("changes", "--db", db_url, "--since", "2000-01-01", "-q").stdout
    changes = [json.loads(x) for x in listed.splitlines()]
    assert sorted(c["change"] for c in changes) == ["added"] * 4
    future = run_cli("changes", "--db", db_url, "--since", "2999-01-01", "-q").stdout
    assert future == ""
    early = json.loads(run_cli("stats", "--db", db_url, "--json", "--as-of", "2000-01-01T00:00:00Z", "-q").stdout)
    assert (early["articles"], early["events"]) == (0, 0)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson", "acled-csv", "plover-json", "parquet"])
@pytest.mark.parametrize("mentions", [False, True], ids=["clusters", "mentions"])
def test_every_export_format(db_url: str, tmp_path: Path, run_cli, fmt: str, mentions: bool) -> None:
    _ingest(db_url, tmp_path)
    out = tmp_path / f"out.{fmt}"
    run_cli("export", "--db", db_url, "--format", fmt, "-o", out, "-q", *(["--mentions"] if mentions else []))
    n = 4 if mentions else 3
    if fmt == "parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(out)
        assert table.num_rows == n and "evidence" in table.column_names
        return
    content = out.read_text(encoding="utf-8")
    if fmt == "jsonl":
        assert len(content.splitlines()) == n
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(content)))
        assert len(rows) == n
        dakar = next(r for r in rows if r["location"] == "Dakar")
        assert (dakar["admin1"], dakar["geo_precision"], dakar["acled_event_type"]) == ("Dakar", "3", "")
    elif fmt == "acled-csv":
        # Only what ACLED records: the raid (w1, w2), not the meeting nor the protest the
        # stand-in coder gives no ACLED block.
        rows = list(csv.DictReader(io.StringIO(content)))
        assert tuple(rows[0]) == ACLED_COLUMNS
        assert len(rows) == (2 if mentions else 1)
        first = rows[0]
        assert first["event_date"] == "2023-08-01" and first["year"] == "2023"
        assert (first["disorder_type"], first["event_type"], first["sub_event_type"]) == \
            ("Political violence", "Violence against civilians", "Attack")
        assert (first["actor1"], first["actor2"]) == ("Government of Mali (2021-)",
                                                    "Military Forces of Niger (2023-)")
        assert (first["iso"], first["region"], first["country"]) == ("466", "Western Africa", "Mali")
        assert first["event_id_cnty"].startswith("MLI")
        assert first["fatalities"] == "4"
        assert first["admin1"] == "" and first["latitude"] == ""
    elif fmt == "geojson":
        data = json.loads(content)
        assert data["type"] == "FeatureCollection" and len(data["features"]) == n
        assert data["features"][0]["geometry"] is None  # no place in the raid's sentence
        dakar = next(f for f in data["features"] if f["properties"]["event_type"] == "CONSULT")
        assert dakar["geometry"] == {"type": "Point", "coordinates": [-17.4441, 14.6937]}
        assert dakar["properties"]["country"] == "SEN" and dakar["properties"]["location"] == "Dakar"
        assert (dakar["properties"]["admin1"], dakar["properties"]["geo_precision"]) == ("Dakar", 3)
    elif fmt == "plover-json":
        data = json.loads(content)
        assert len(data) == n
        assert {"id", "date", "actor", "recipient", "event", "quad_code", "event_loc",
                "event_text", "cite_info"} <= set(data[0])
        assert data[0]["event"] == ["ASSAULT"] and data[0]["actor"][0]["code"] == "MLI"


def test_export_is_identical_whatever_the_batching(db_url: str, tmp_path: Path, run_cli) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    run_cli("ingest", path, "--db", db_url, "--workers", "1", "--batch-size", "1", "-q")
    one = run_cli("export", "--db", db_url, "-q").stdout
    other = str(tmp_path / "other.db")
    run_cli("ingest", path, "--db", other, "--workers", "1", "--batch-size", "64", "-q")
    assert run_cli("export", "--db", other, "-q").stdout == one


def test_coder_failure_on_one_article_rejects_it_and_stores_the_rest(db_url: str, tmp_path: Path) -> None:
    records = [*ARTICLES, {"id": "boom", "date": "2023-08-09", "text": "FAIL-CODER please."}]
    report = _ingest(db_url, tmp_path, records)
    assert report.articles == 5
    with Store.open(db_url) as store, store.reading() as conn:
        status = dict(conn.execute(select(t.articles.c.article_id, t.articles.c.status)).all())
        reasons = [r["reason"] for r in read.reject_rows(conn)]
    assert status["boom"] == "failed" and status["w1"] == "coded"
    assert len(reasons) == 1 and reasons[0].startswith("coding failed")


def test_articles_with_one_id_and_two_texts_keep_their_own_events(db_url: str, tmp_path: Path) -> None:
    update = dict(ARTICLES[2], text=ARTICLES[2]["text"] + " Mali condemned Chad later.")
    report = _ingest(db_url, tmp_path, [ARTICLES[2], update])
    assert report.articles == 2
    with Store.open(db_url) as store, store.reading() as conn:
        per_article = conn.execute(
            select(t.articles.c.content_hash, t.events.c.event_type)
            .join(t.events, t.events.c.article_pk == t.articles.c.article_pk)).all()
    assert sorted(e for _, e in per_article) == ["CONSULT", "CONSULT", "DISAPPROVE"]


def test_store_open_rejects_bad_urls_and_names_the_fix() -> None:
    from harmattan.store import StoreError

    with pytest.raises(StoreError, match="unsupported database URL"):
        Store.open("mysql://x@y/z")


def test_an_article_object_round_trips(db_url: str) -> None:
    article = Article("r1", "Mali attacked Niger.", dt.date(2024, 1, 2), source="S")
    with Store.open(db_url) as store:
        report = ingest(store, records=[article], workers=1, coder_factory=make_rule_coder)
        assert report.articles == 1
        with store.reading() as conn:
            (m,) = read.mentions(conn)
    assert m["payload"]["article_id"] == "r1" and m["article_date"] == "2024-01-02"


def test_the_store_is_harmattan_db_here_unless_db_or_harmattan_db_says_otherwise(
        tmp_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from harmattan.store import resolve_url

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HARMATTAN_DB", raising=False)
    assert resolve_url() == "sqlite:///harmattan.db"
    assert resolve_url("postgresql://u@h/d") == "postgresql+psycopg://u@h/d"
    path = write_jsonl(tmp_path / "a.jsonl", ARTICLES[:1])
    run_cli("ingest", path, "--workers", "1", "-q")
    assert (tmp_path / "harmattan.db").is_file()
    monkeypatch.setenv("HARMATTAN_DB", str(tmp_path / "other.db"))
    run_cli("ingest", path, "--workers", "1", "-q")
    assert json.loads(run_cli("stats", "--json", "-q").stdout)["articles"] == 1
    assert (tmp_path / "other.db").is_file()
