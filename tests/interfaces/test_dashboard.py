"""The dashboard in a real Chromium (Debian's, driven by Playwright) against ``harmattan serve
--ingest samples/`` on a loopback port.

Chromium comes from ``scripts/chromium.sh`` (``HARMATTAN_TEST_CHROMIUM``).  Without it the
tests are skipped on a workstation and fail under ``CI``, so they cannot silently stop running.
Screenshots of the page are saved to ``test-artifacts/`` (``dashboard.png``: everything, one
event open).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.models, pytest.mark.slow]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    return os.environ.get("HARMATTAN_TEST_CHROMIUM") or shutil.which("chromium") \
        or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path = chromium_path()
    if not path or not Path(path).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: CI must run the browser tests "
                        '(eval "$(scripts/chromium.sh)" installs it and sets HARMATTAN_TEST_CHROMIUM)')
        pytest.skip("no Chromium: apt-get install chromium, or eval \"$(scripts/chromium.sh)\"")
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="harmattan-chromium-")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=path, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1300})
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser: Any, served: str) -> Iterator[Any]:
    """A new tab; records every request that leaves the server and every script error."""
    tab = browser.new_page()
    tab.outside: list[str] = []
    tab.errors: list[str] = []
    tab.on("request", lambda r: None if r.url.startswith(served) or r.url.startswith("data:")
           else tab.outside.append(r.url))
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    yield tab
    tab.close()


def api(served: str, path: str, **params: Any) -> Any:
    query = urllib.parse.urlencode({k: v for k, v in params.items() if v not in (None, "")})
    with urllib.request.urlopen(f"{served}{path}{'?' + query if query else ''}", timeout=60) as response:
        return json.load(response)


def open_dashboard(page: Any, url: str, query: str = "") -> None:
    page.goto(url + ("/?" + query if query else "/"))
    wait_ready(page, query)


def wait_ready(page: Any, query: str) -> None:
    """Every panel has loaded the view whose filters are ``query``."""
    page.wait_for_function(
        "q => document.body.dataset.status === 'ready' && document.body.dataset.query === q",
        arg=query, timeout=60_000)


def panels(page: Any) -> dict[str, Any]:
    """What each panel shows, read from the page."""
    return page.evaluate("""() => ({
        events: Number(document.getElementById('events-count').dataset.total),
        rows: document.querySelectorAll('#events tbody tr[data-id]').length,
        map: Number(document.getElementById('map-count').dataset.count),
        timeline: Number(document.getElementById('timeline-caption').dataset.total),
        nodes: Number(document.getElementById('network').dataset.nodes),
        edges: Number(document.getElementById('network').dataset.edges),
        alerts: Number(document.getElementById('alerts-count').dataset.count),
        countryShown: document.getElementById('f-country').value,
    })""")


def expected_panels(served: str, **filters: str) -> dict[str, int]:
    """The same numbers from the API, for the same filters."""
    events = api(served, "/api/events", limit=1, **filters)["total"]
    located = api(served, "/api/events", format="geojson", limit=5000, **filters)["total"]
    timeline_filters = {k: v for k, v in filters.items() if k in ("since", "until", "country", "admin1", "actor")}
    series = api(served, "/api/series", interval="week", by="plover", **timeline_filters)
    if filters.get("type"):
        series = [r for r in series if r["key"] == filters["type"]]
    graph_filters = {k: v for k, v in filters.items() if k in ("since", "until", "country")}
    graph = api(served, "/api/network", limit=40, **graph_filters)
    edges = [e for e in graph["edges"] if not filters.get("type") or e["by_type"].get(filters["type"])]
    alert_filters = {k: v for k, v in filters.items() if k in ("since", "until", "country")}
    alerts = api(served, "/api/alerts", limit=100, **alert_filters)
    return {"events": events, "rows": min(events, 25), "map": located,
            "timeline": sum(r["count"] for r in series),
            "nodes": len({n for e in edges for n in (e["source"], e["target"])}),
            "edges": len(edges), "alerts": len(alerts)}


def test_dashboard_loads_the_sample_data_offline(page: Any, served: str) -> None:
    open_dashboard(page, served)
    health = api(served, "/api/health")
    assert (f"{health['events']} events (clusters of reports) from {health['articles']} articles"
            in page.inner_text("#store-status"))
    shown = panels(page)
    assert shown["events"] == health["events"] and shown["rows"] == min(25, health["events"])
    assert shown["timeline"] > 0 and shown["nodes"] > 0 and shown["alerts"] > 0
    # The boundaries are drawn (countries and West African regions) without any tile server.
    assert page.locator("#map path.leaflet-interactive").count() + page.evaluate(
        "() => document.querySelectorAll('#map canvas').length") > 0
    assert page.outside == [], f"the page fetched from outside the server: {page.outside}"
    assert page.errors == []
    page.locator("#events tbody tr[data-id]").first.click()
    page.wait_for_selector("#detail mark.evidence")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    assert (ARTIFACTS / "dashboard.png").stat().st_size > 50_000


def test_map_shows_as_many_events_as_the_api_locates(page: Any, served: str) -> None:
    for query, filters in [("", {}), ("country=NER", {"country": "NER"}),
                           ("since=2024-01-01", {"since": "2024-01-01"})]:
        open_dashboard(page, served, query)
        located = api(served, "/api/events", format="geojson", limit=5000, **filters)
        assert len(located["features"]) == located["total"]
        assert panels(page)["map"] == located["total"], query
        markers = page.evaluate("() => markers.getLayers().map((m) => m.featureId).sort()")
        assert markers == sorted(f["id"] for f in located["features"])


def test_clicking_an_event_shows_its_evidence_in_the_article(page: Any, served: str) -> None:
    open_dashboard(page, served, "type=SANCTION")
    row = page.locator("#events tbody tr[data-id]").first
    event_id = row.get_attribute("data-id")
    row.click()
    page.wait_for_selector(f"#detail[data-id='{event_id}'] mark.evidence")
    detail = api(served, f"/api/events/{event_id}")
    marks = page.locator("#detail mark.evidence")
    assert marks.count() == len(detail["mentions"])
    assert marks.first.inner_text() == detail["mentions"][0]["evidence"]["sentence"]
    assert page.locator("#detail mark.evidence strong").first.inner_text() == detail["evidence"]["trigger"]
    text = page.locator("#detail .article-text").first.inner_text()
    assert detail["articles"][detail["mentions"][0]["article_index"]]["text"].split()[:5] == text.split()[:5]
    assert "SANCTION" in page.inner_text("#detail dl")
    assert f"event={event_id}" in page.url and "type=SANCTION" in page.url
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-event.png"), full_page=True)


def test_changing_a_filter_updates_every_panel(page: Any, served: str) -> None:
    open_dashboard(page, served)
    before = panels(page)
    assert {k: before[k] for k in expected_panels(served)} == expected_panels(served)
    page.select_option("#f-country", "NER")
    wait_ready(page, "country=NER")
    after = panels(page)
    assert "country=NER" in page.url
    assert {k: after[k] for k in expected_panels(served, country="NER")} == expected_panels(served, country="NER")
    changed = [k for k in ("events", "timeline", "nodes", "alerts") if after[k] != before[k]]
    assert changed == ["events", "timeline", "nodes", "alerts"], (before, after)
    rows = page.locator("#events tbody tr[data-id] td:nth-child(4)").all_inner_texts()
    assert rows and all("NER" in r or "Niger" in r for r in rows)
    # A second filter narrows every panel again, and the URL carries both.
    page.select_option("#f-type", "THREATEN")
    wait_ready(page, "country=NER&type=THREATEN")
    both = panels(page)
    expected = expected_panels(served, country="NER", type="THREATEN")
    assert {k: both[k] for k in expected} == expected
    assert 0 < both["events"] < after["events"]


def test_a_shared_link_restores_the_view(page: Any, served: str) -> None:
    open_dashboard(page, served, "since=2023-01-01&country=MLI")
    assert page.input_value("#f-country") == "MLI" and page.input_value("#f-since") == "2023-01-01"
    expected = expected_panels(served, country="MLI", since="2023-01-01")
    shown = panels(page)
    assert {k: shown[k] for k in expected} == expected
    page.click("#f-reset")
    wait_ready(page, "")
    assert panels(page)["events"] == api(served, "/api/health")["events"]


def test_acled_type_region_and_confidence_filter_the_events(page: Any, served: str) -> None:
    facets = api(served, "/api/facets")
    assert facets["acled_types"] and facets["admin1"]
    open_dashboard(page, served)
    page.select_option("#f-acled_type", "Battles")
    wait_ready(page, "acled_type=Battles")
    battles = api(served, "/api/events", limit=500, acled_type="Battles")
    assert 0 < panels(page)["events"] == battles["total"]
    assert panels(page)["map"] == api(served, "/api/events", format="geojson", limit=5000,
                                      acled_type="Battles")["total"]
    page.select_option("#f-min_confidence", "0.8")
    wait_ready(page, "acled_type=Battles&min_confidence=0.8")
    sure = api(served, "/api/events", limit=500, acled_type="Battles", min_confidence=0.8)
    assert sure["total"] <= battles["total"]
    assert all(e["confidence"] >= 0.8 for e in sure["events"])
    assert any(e["confidence"] < 0.8 for e in battles["events"]) == (sure["total"] < battles["total"])
    assert panels(page)["events"] == sure["total"]
    page.click("#f-reset")
    wait_ready(page, "")
    region = facets["admin1"][0]["value"]
    page.select_option("#f-admin1", region)
    wait_ready(page, urllib.parse.urlencode({"admin1": region}))
    expected = expected_panels(served, admin1=region)
    shown = panels(page)
    assert shown["events"] == expected["events"] and shown["timeline"] == expected["timeline"]
    places = page.locator("#events tbody tr[data-id] td:nth-child(4)").all_inner_texts()
    assert places and all(region in p for p in places)


def test_language_filters_the_events(page: Any, served: str) -> None:
    open_dashboard(page, served)
    page.select_option("#f-language", "en")
    wait_ready(page, "language=en")
    english = api(served, "/api/events", limit=500, language="en")["total"]
    assert 0 < panels(page)["events"] == english
    # The French samples give French events.
    page.select_option("#f-language", "fr")
    wait_ready(page, "language=fr")
    assert panels(page)["events"] == api(served, "/api/events", limit=500, language="fr")["total"] > 0


def test_fatalities_are_in_the_table_and_on_the_map(page: Any, served: str) -> None:
    open_dashboard(page, served, "acled_type=Battles")
    assert page.locator("#events thead th").all_inner_texts()[4] == "Fatalities"
    listed = api(served, "/api/events", limit=25, acled_type="Battles")["events"]
    cells = page.locator("#events tbody tr[data-id] td.fatalities").all_inner_texts()
    assert cells == [_fatalities(e["fatalities"]) for e in listed]
    assert any(cells)
    located = api(served, "/api/events", format="geojson", limit=5000, acled_type="Battles")["features"]
    deadly = next(f for f in located if f["properties"]["fatalities"])
    radius = page.evaluate("id => markers.getLayers().find((m) => m.featureId === id).options.radius",
                           deadly["id"])
    assert radius > 6
    popup = page.evaluate("""id => {
        const marker = markers.getLayers().find((m) => m.featureId === id);
        return marker.getPopup()._content().innerText || marker.getPopup()._content().textContent;
    }""", deadly["id"])
    assert f"Fatalities: {deadly['properties']['fatalities']}" in popup


def _fatalities(claims: dict | None) -> str:
    if not claims or claims.get("best") is None:
        return ""
    low, best, high = claims["low"], claims["best"], claims["high"]
    return f"{best} ({low}–{high})" if low != high else str(best)


def test_the_current_view_can_be_downloaded(page: Any, served: str) -> None:
    open_dashboard(page, served, "country=NER")
    total = api(served, "/api/events", limit=1, country="NER")["total"]
    csv_href = page.get_attribute("#download-csv", "href")
    geojson_href = page.get_attribute("#download-geojson", "href")
    assert csv_href == "/api/events?country=NER&format=csv&limit=5000"
    assert geojson_href == "/api/events?country=NER&format=geojson&limit=5000"
    with urllib.request.urlopen(served + csv_href, timeout=60) as response:
        lines = response.read().decode("utf-8").splitlines()
    assert lines[0].startswith("id,date,event_type") and len(lines) == total + 1
    with urllib.request.urlopen(served + geojson_href, timeout=60) as response:
        collection = json.load(response)
    assert collection["type"] == "FeatureCollection" and collection["features"]
    assert all(f["properties"]["country"] == "NER" for f in collection["features"])


def test_labels_are_words(page: Any, served: str) -> None:
    open_dashboard(page, served)
    status = page.inner_text("#store-status")
    assert "events (clusters of reports)" in status
    assert "not of articles" in page.inner_text("#events-panel .hint")
    quad_only = [t["value"] for t in api(served, "/api/facets")["event_types"] if t["value"].startswith("Q")]
    for value in quad_only:
        label = page.locator(f"#f-type option[value='{value}']").inner_text()
        assert "(no PLOVER type)" in label and not label.startswith("Q"), label
    seen = []
    for offset_page in range(5):
        texts = page.locator("#events tbody tr[data-id] td").all_inner_texts()
        seen.extend(texts)
        if page.locator("#next-page").is_disabled():
            break
        page.click("#next-page")
        page.wait_for_function("n => document.getElementById('page-info').textContent.startsWith(String(n))",
                               arg=25 * (offset_page + 1) + 1)
    assert seen
    assert "— → —" not in seen and "—" not in seen
    assert not [t for t in seen if t in {"Q0", "Q1", "Q2", "Q3", "Q4"}]


def test_the_period_slider_sets_the_period(page: Any, served: str) -> None:
    open_dashboard(page, served)
    facets = api(served, "/api/facets")
    weeks = page.evaluate("() => state.weeks")
    assert weeks[0] <= facets["first_date"] <= weeks[-1] <= facets["last_date"]
    assert page.inner_text("#slider-label").startswith(weeks[0])
    # Drag the handles to the last year of weeks (as a user does: input, then change).
    start = max(0, len(weeks) - 52)
    page.evaluate("""i => {
        const since = document.getElementById('slider-since');
        since.value = String(i);
        since.dispatchEvent(new Event('input'));
        since.dispatchEvent(new Event('change'));
    }""", start)
    wait_ready(page, f"since={weeks[start]}")
    assert page.input_value("#f-since") == weeks[start]
    expected = expected_panels(served, since=weeks[start])
    shown = panels(page)
    assert {k: shown[k] for k in expected} == expected
    # Typing a date moves the handle to its week.
    page.fill("#f-until", "2023-12-31")
    page.dispatch_event("#f-until", "change")
    wait_ready(page, f"since={weeks[start]}&until=2023-12-31")
    assert weeks[int(page.input_value("#slider-until"))] == "2023-12-25"


def test_network_labels_do_not_overlap(page: Any, served: str) -> None:
    open_dashboard(page, served)
    boxes = page.evaluate("""() => [...document.querySelectorAll('#network g.node text')]
        .filter((t) => t.getAttribute('display') !== 'none')
        .map((t) => { const b = t.getBBox(); return [b.x, b.y, b.width, b.height]; })""")
    hidden = page.evaluate("""() => [...document.querySelectorAll('#network g.node')]
        .filter((g) => g.querySelector('text').getAttribute('display') === 'none')
        .map((g) => g.querySelector('title').textContent)""")
    assert len(boxes) > 5
    for i, (x, y, w, h) in enumerate(boxes):
        for (x2, y2, w2, h2) in boxes[i + 1:]:
            assert not (x < x2 + w2 and x2 < x + w and y < y2 + h2 and y2 < y + h), (boxes[i], (x2, y2, w2, h2))
    assert all(": " in title for title in hidden)  # a hidden label's actor is still named on hover
