"""The REST API over a real SQLite store filled from samples/ by the real pipeline.

Every count the API gives is checked against the store read directly (``harmattan.store.read``),
with the filter applied in Python.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from harmattan.interfaces.api import MAX_PAGE, create_app
from harmattan.store import Store, read

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def mentions(sample_db: str) -> list[dict[str, Any]]:
    with Store.open(sample_db) as store, store.reading() as conn:
        return read.mentions(conn)


def clusters_where(mentions: list[dict[str, Any]], keep: Callable[[dict[str, Any]], bool]) -> set[str]:
    return {m["cluster_id"] for m in mentions if keep(m)}


def all_ids(api: TestClient, **params: Any) -> list[str]:
    ids, offset = [], 0
    while True:
        page = api.get("/api/events", params={**params, "limit": 7, "offset": offset}).json()
        ids += [e["id"] for e in page["events"]]
        offset += 7
        if offset >= page["total"]:
            return ids


def event_type(m: dict[str, Any]) -> str:
    """The stored type: the PLOVER event, else Q + the quad class."""
    return (m["payload"]["plover"] or {}).get("event") or f"Q{m['payload']['cameo']['quad_class']}"


def actors_of(m: dict[str, Any]) -> list[dict[str, Any]]:
    return [*m["payload"]["source"], *m["payload"]["target"]]


def test_every_event_once_across_pages_newest_first(api: TestClient, mentions: list[dict[str, Any]]) -> None:
    first = api.get("/api/events")
    assert first.status_code == 200
    body = first.json()
    expected = {m["cluster_id"] for m in mentions}
    assert body["total"] == len(expected) == int(first.headers["x-total-count"])
    ids = all_ids(api)
    assert len(ids) == len(set(ids)) and set(ids) == expected
    dates = [e["date"] for e in api.get("/api/events", params={"limit": MAX_PAGE}).json()["events"]]
    assert dates == sorted(dates, reverse=True)
    oldest = [e["date"] for e in api.get("/api/events", params={"order": "oldest"}).json()["events"]]
    assert oldest == sorted(oldest)


@pytest.mark.parametrize(("params", "keep"), [
    ({"country": "ner"}, lambda m: m["country"] == "NER"),
    ({"type": "FIGHT"}, lambda m: (m["payload"]["plover"] or {}).get("event") == "FIGHT"),
    ({"acled_type": "violence against civilians"},
     lambda m: (m["payload"]["acled"] or {}).get("event_type") == "Violence against civilians"),
    ({"actor": "ECOWAS"}, lambda m: any(a["actor_id"] == "ECOWAS" for a in actors_of(m))),
    ({"actor": "NER.MIL"}, lambda m: any((a["code"], a["sector"]) == ("NER", "MIL") for a in actors_of(m))),
    ({"actor": "BFA"}, lambda m: any(a["code"] == "BFA" for a in actors_of(m))),
    ({"text": "SANCTIONS"}, lambda m: "sanctions" in m["payload"]["evidence"]["sentence"].lower()
     or "sanctions" in (m["title"] or "").lower()),
    ({"since": "2023-08-01", "until": "2023-12-31"}, lambda m: "2023-08-01" <= m["payload"]["date"] <= "2023-12-31"),
    ({"country": "NER", "type": "THREATEN"},
     lambda m: m["country"] == "NER" and (m["payload"]["plover"] or {}).get("event") == "THREATEN"),
], ids=["country", "plover-type", "acled-type", "actor-id", "actor-code-sector", "actor-code",
        "text", "date-range", "country-and-type"])
def test_filters_select_the_events_the_store_holds(api: TestClient, mentions: list[dict[str, Any]],
                                                    params: dict[str, str], keep: Callable) -> None:
    expected = clusters_where(mentions, keep)
    assert expected, f"the samples hold no event for {params}"
    assert set(all_ids(api, **params)) == expected
    assert api.get("/api/events", params=params).json()["total"] == len(expected)


def test_geojson_has_one_point_per_located_event(api: TestClient, mentions: list[dict[str, Any]]) -> None:
    located = api.get("/api/events", params={"format": "geojson", "limit": 5000})
    assert located.status_code == 200
    assert located.headers["content-type"].startswith("application/geo+json")
    collection = located.json()
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert len(features) == collection["total"] == int(located.headers["x-total-count"])
    with_place = clusters_where(mentions, lambda m: bool(m["payload"].get("location"))
                                and m["payload"]["location"].get("lat") is not None)
    assert {f["id"] for f in features} == with_place
    for f in features:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["evidence"]


def test_bbox_keeps_the_events_inside_it(api: TestClient) -> None:
    # West Africa's Sahel: Mali, Burkina Faso, Niger and their neighbours.
    features = api.get("/api/events", params={"format": "geojson", "limit": 5000}).json()["features"]
    inside = {f["id"] for f in features
              if -6 <= f["geometry"]["coordinates"][0] <= 4 and 10 <= f["geometry"]["coordinates"][1] <= 16}
    boxed = api.get("/api/events", params={"format": "geojson", "bbox": "-6,10,4,16", "limit": 5000}).json()
    assert {f["id"] for f in boxed["features"]} == inside
    as_json = api.get("/api/events", params={"bbox": "-6,10,4,16"}).json()
    assert as_json["total"] == len(inside)


def test_csv_has_a_row_per_event(api: TestClient) -> None:
    response = api.get("/api/events", params={"format": "csv", "country": "MLI", "limit": 5000})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == int(response.headers["x-total-count"]) > 0
    assert {r["country"] for r in rows} == {"MLI"}
    assert all(r["evidence"] for r in rows)


def test_event_detail_has_the_evidence_inside_every_article(api: TestClient) -> None:
    listed = api.get("/api/events", params={"actor": "ECOWAS", "type": "SANCTION"}).json()["events"]
    assert listed
    detail = api.get(f"/api/events/{listed[0]['id']}").json()
    assert detail["id"] == listed[0]["id"] and detail["event_type"] == "SANCTION"
    assert detail["mentions"]
    for mention in detail["mentions"]:
        article = detail["articles"][mention["article_index"]]
        ev, text = mention["evidence"], article["text"]
        assert text[ev["start"]:ev["end"]] == ev["sentence"]
        assert mention["article"]["source"] == article["source"] == "harmattan-samples"
        assert mention["article"]["id"] == article["id"]
    assert len({a["id"] for a in detail["articles"]}) == len(detail["articles"]) == detail["n_articles"]
    bare = api.get(f"/api/events/{listed[0]['id']}", params={"text": "false"}).json()
    assert [a["text"] for a in bare["articles"]] == [None] * len(detail["articles"])
    assert bare["mentions"] == detail["mentions"]
    assert detail["evidence"] == detail["mentions"][0]["evidence"]
    # A mention's own event id finds its cluster too.
    by_event = api.get(f"/api/events/{detail['mentions'][0]['event_id']}").json()
    assert by_event["id"] == detail["id"]


def test_unknown_event_is_404(api: TestClient) -> None:
    response = api.get("/api/events/0000000000")
    assert response.status_code == 404
    assert "no event" in response.json()["detail"]


@pytest.mark.parametrize(("params", "status", "says"), [
    ({"limit": MAX_PAGE + 1}, 400, "at most 500"),
    ({"limit": 0}, 422, "greater than or equal to 1"),
    ({"since": "2024-01-01", "until": "2023-01-01"}, 400, "after until"),
    ({"since": "2023-02-30"}, 422, "date"),
    ({"bbox": "1,2,3"}, 400, "four numbers"),
    ({"bbox": "0,50,10,40"}, 400, "out of range"),
    ({"country": "NIGER"}, 422, "pattern"),
    ({"actor": "x' OR 1=1 --"}, 422, "pattern"),
    ({"text": "x" * 201}, 422, "at most 200"),
    ({"format": "xml"}, 422, "json"),
], ids=["page-too-big", "page-zero", "dates-reversed", "impossible-date", "bbox-short",
        "bbox-upside-down", "country", "actor-injection", "text-too-long", "format"])
def test_bad_parameters_are_refused_with_the_reason(api: TestClient, params: dict[str, Any],
                                                    status: int, says: str) -> None:
    response = api.get("/api/events", params=params)
    assert response.status_code == status
    assert says in response.text


def test_text_with_sql_wildcards_matches_literally(api: TestClient) -> None:
    assert api.get("/api/events", params={"text": "%"}).json()["total"] == 0
    assert api.get("/api/events", params={"text": "_"}).json()["total"] == 0


def test_text_search_ignores_accents(api: TestClient) -> None:
    # samples/ write "Ménaka" in one file and "Menaka" in another.
    totals = {needle: api.get("/api/events", params={"text": needle}).json()["total"]
              for needle in ("Ménaka", "menaka", "MENAKA", "Tillabéri", "tillaberi")}
    assert totals["Ménaka"] == totals["menaka"] == totals["MENAKA"] > 0
    assert totals["Tillabéri"] == totals["tillaberi"] > 0


def test_language_filter(api: TestClient) -> None:
    everything = api.get("/api/events").json()["total"]
    english = api.get("/api/events", params={"language": "en"}).json()["total"]
    french = api.get("/api/events", params={"language": "fr"}).json()["total"]
    # The French samples give French events (docs/coder.md, "Language").
    assert english > 0 and french > 0 and english + french <= everything
    assert api.get("/api/events", params={"language": "f1"}).status_code == 422


def test_facets_count_what_the_filters_leave(api: TestClient, mentions: list[dict[str, Any]]) -> None:
    facets = api.get("/api/facets", params={"country": "NER"}).json()
    assert [c["value"] for c in facets["countries"]] == ["NER"]
    by_type = {c["value"]: c["count"] for c in facets["event_types"]}
    for kind, n in by_type.items():
        assert n == len(clusters_where(mentions, lambda m: m["country"] == "NER"
                                       and event_type(m) == kind))
    everything = api.get("/api/facets").json()
    assert everything["first_date"] == min(m["payload"]["date"] for m in mentions)
    assert "ECOWAS" in {a["value"] for a in everything["actors"]}


def test_health_counts_the_store(api: TestClient, mentions: list[dict[str, Any]]) -> None:
    health = api.get("/api/health").json()
    assert health["status"] == "ok" and health["writes_enabled"] is False
    assert health["events"] == len({m["cluster_id"] for m in mentions})
    samples = Path(__file__).resolve().parents[2] / "samples"
    lines = [line for f in samples.glob("*.jsonl") for line in f.read_text(encoding="utf-8").splitlines()]
    assert health["articles"] == len(lines)


def test_who_held_a_role_on_a_date(api: TestClient) -> None:
    holders = api.get("/api/actors/who", params={"role": "NER.GOV", "on": "2023-07-27"}).json()
    assert {h["name"] for h in holders} >= {"Abdourahamane Tiani"}
    before = api.get("/api/actors/who", params={"role": "NER.GOV", "on": "2023-07-01"}).json()
    assert "Abdourahamane Tiani" not in {h["name"] for h in before}
    assert api.get("/api/actors/who", params={"role": "NER", "on": "2023-07-27"}).status_code == 422


def test_openapi_describes_every_endpoint(api: TestClient) -> None:
    spec = api.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/health", "/api/actors/who",
            "/api/ingest", "/api/facets"} <= set(spec["paths"])
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


# -- writing -----------------------------------------------------------------------------------

ARTICLES = [
    {"id": "api-1", "date": "2024-03-02", "title": "Protest in Niamey", "source": "api-test",
     "text": "Thousands of people protested in Niamey on Saturday against the presence of foreign "
             "troops. The demonstrators demanded the departure of US soldiers from Niger."},
    {"id": "api-undated", "text": "ECOWAS imposed sanctions on Niger."},
]


def finished(client: TestClient, job: dict[str, Any], timeout: float = 300) -> dict[str, Any]:
    """The ingest job once its worker is done with it."""
    import time

    deadline = time.monotonic() + timeout
    while job["status"] in {"queued", "running"} and time.monotonic() < deadline:
        time.sleep(0.2)
        job = client.get(f"/api/jobs/{job['job_id']}").json()
    assert job["status"] == "done", job
    return job


def test_ingest_needs_the_token_and_stores_coded_events(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    with TestClient(create_app(db)) as closed:
        refused = closed.post("/api/ingest", json={"articles": ARTICLES})
        assert refused.status_code == 403 and "--token" in refused.json()["detail"]
    with TestClient(create_app(db, token="s3cret")) as client:
        assert client.post("/api/ingest", json={"articles": ARTICLES}).status_code == 401
        wrong = client.post("/api/ingest", json={"articles": ARTICLES},
                            headers={"Authorization": "Bearer s3cre"})
        assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
        auth = {"Authorization": "Bearer s3cret"}
        refused = client.post("/api/ingest", json={"articles": ARTICLES}, headers=auth)
        assert refused.status_code == 422, refused.text  # all or nothing: the undated one
        problem = refused.json()
        assert problem["detail"].startswith("1 article refused, nothing stored: article 2 ('api-undated')")
        assert problem["rejected"] == [{"record_id": "api-undated", "line": 2,
                                        "reason": problem["rejected"][0]["reason"]}]
        assert problem["rejected"][0]["reason"].startswith("missing date")
        assert client.get("/api/health").json()["articles"] == 0
        queued = client.post("/api/ingest", json={"articles": ARTICLES[:1]}, headers=auth)
        assert queued.status_code == 202, queued.text
        report = finished(client, queued.json())["result"]
        assert report["articles"] == 1 and report["events"] > 0 and report["rejects"] == 0
        stored = client.get("/api/events", params={"text": "protested"}).json()
        assert stored["total"] >= 1
        assert stored["events"][0]["sources"] == ["api-test"]
        again = finished(client, client.post("/api/ingest", json={"articles": ARTICLES[:1]},
                                             headers=auth).json())["result"]
        assert again["articles"] == 0 and again["duplicates"] == 1
        bad = client.post("/api/ingest", json={"articles": [{"id": "x", "text": "y", "extra": 1}]},
                          headers=auth)
        assert bad.status_code == 422


# -- analysis ----------------------------------------------------------------------------------


def test_series_index_network_and_episodes_are_the_analysis_results(api: TestClient, sample_db: str) -> None:
    import datetime as dt

    from harmattan import analysis

    with Store.open(sample_db) as store, store.reading() as conn:
        weekly = analysis.series(conn)
        daily_army = analysis.series(conn, interval="day", by="acled", actor="NERMIL")
        index = analysis.dyad_index(conn, "ECOWAS", "NER", since=dt.date(2023, 7, 1))
        graph = analysis.network(conn)
        chains = analysis.episodes(conn, actor="NER")
    assert weekly and index and graph["nodes"] and chains
    assert api.get("/api/series").json() == weekly
    assert api.get("/api/series", params={"interval": "day", "by": "acled", "actor": "NER.MIL"}).json() == daily_army
    assert api.get("/api/index", params={"a": "ECOWAS", "b": "NER", "since": "2023-07-01"}).json() == index
    assert api.get("/api/network", params={"limit": 300}).json() == {**graph, "truncated": False}
    assert api.get("/api/episodes", params={"actor": "NER"}).json() == chains
    # Weekly periods start on Monday.
    assert all(dt.date.fromisoformat(r["period"]).weekday() == 0 for r in weekly)


def test_network_keeps_the_busiest_actors(api: TestClient) -> None:
    full = api.get("/api/network", params={"limit": 300}).json()
    top = api.get("/api/network", params={"limit": 3}).json()
    assert top["truncated"] is True and len(top["nodes"]) == 3
    threshold = sorted((n["count"] for n in full["nodes"]), reverse=True)[2]
    assert all(n["count"] >= threshold for n in top["nodes"])
    kept = {n["id"] for n in top["nodes"]}
    assert all(e["source"] in kept and e["target"] in kept for e in top["edges"])
    assert top["edges"] == [e for e in full["edges"] if e["source"] in kept and e["target"] in kept]


def test_analysis_parameters_are_checked(api: TestClient) -> None:
    assert api.get("/api/series", params={"interval": "year"}).status_code == 422
    assert api.get("/api/series", params={"since": "2024-01-01", "until": "2023-01-01"}).status_code == 400
    assert api.get("/api/index", params={"a": "ECOWAS"}).status_code == 422
    assert api.get("/api/network", params={"limit": 301}).status_code == 422


# -- alerts ------------------------------------------------------------------------------------


def test_alerts_are_the_stored_ones_with_their_events(api: TestClient, sample_db: str) -> None:
    from harmattan import analysis

    with Store.open(sample_db) as store, store.reading() as conn:
        stored = analysis.list_alerts(conn, limit=None)
    assert stored, "the samples raise no alert"
    listed = api.get("/api/alerts", params={"limit": 500}).json()
    assert listed == stored
    assert {a["kind"] for a in listed} >= {"rule"}
    first = listed[0]
    assert first["events"] and first["events"][0]["evidence"][0]["sentence"]
    one = api.get(f"/api/alerts/{first['alert_id']}")
    assert one.status_code == 200 and one.json() == first
    assert api.get("/api/alerts/00ff").status_code == 404
    country = next(a["country"] for a in listed if a["country"])
    by_country = api.get("/api/alerts", params={"country": country}).json()
    assert by_country == [a for a in listed if a["country"] == country]
    period = listed[-1]["period"]
    since = api.get("/api/alerts", params={"since": period}).json()
    assert since == [a for a in listed if a["period"] >= period]


def test_running_alerts_needs_the_token(tmp_path: Path, sample_db: str) -> None:
    import sqlite3

    db = tmp_path / "copy.db"
    with sqlite3.connect(sample_db) as source, sqlite3.connect(db) as target:
        source.backup(target)
    with TestClient(create_app(str(db))) as closed:
        assert closed.post("/api/alerts/run").status_code == 403
    with TestClient(create_app(str(db), token="t0k")) as client:
        assert client.post("/api/alerts/run").status_code == 401
        again = client.post("/api/alerts/run", headers={"Authorization": "Bearer t0k"})
        # Every alert the data calls for was stored by the fixture: nothing new.
        assert again.status_code == 200 and again.json() == []


def test_alerts_as_an_atom_feed(api: TestClient) -> None:
    import xml.etree.ElementTree as ET

    listed = api.get("/api/alerts").json()
    response = api.get("/api/alerts.atom")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring(response.text)
    entries = feed.findall("a:entry", ns)
    assert [e.find("a:id", ns).text for e in entries] == [f"urn:harmattan:alert:{a['alert_id']}" for a in listed]
    link = entries[0].find("a:link", ns).get("href")
    assert link.endswith(f"/api/alerts/{listed[0]['alert_id']}")
    assert api.get(link.replace("http://testserver", "")).json()["alert_id"] == listed[0]["alert_id"]


def test_facets_take_every_filter(api: TestClient) -> None:
    # Place and actor filters inside the facets' own joins with places and actors.
    for params in ({"admin1": "Tillabéri"}, {"bbox": "-6,10,4,16"}, {"actor": "NER.MIL"}):
        response = api.get("/api/facets", params=params)
        assert response.status_code == 200, response.text
        events = api.get("/api/events", params=params).json()["total"]
        assert sum(c["count"] for c in response.json()["event_types"]) == events


def test_listed_events_are_exactly_the_schema_s_summaries(api: TestClient) -> None:
    """Pages are joined from stored listings without a model in between: each must be what
    the EventSummary model gives, field for field, filtered or not."""
    from harmattan.interfaces.api import EventSummary

    everything = api.get("/api/events", params={"limit": MAX_PAGE}).json()["events"]
    assert everything
    for event in everything:
        assert EventSummary.model_validate(event).model_dump(mode="json") == event
    by_id = {e["id"]: e for e in everything}
    for event in api.get("/api/events", params={"country": "NER", "limit": MAX_PAGE}).json()["events"]:
        assert event == by_id[event["id"]]
