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


# -- the dashboard in French (lang=fr, the switch, a French browser) -------------------------------

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

# The interface's strings that are still in English on the page: every text node and tooltip
# (title, aria-label, placeholder) outside text marked translate="no" (articles, evidence,
# article titles and outlets, shown as written), matched against the English dictionary's
# values.  A value the same in both languages ("Date", "PLOVER") cannot tell, nor a piece of
# one that is also French ("articles,"); PLOVER codes and ACLED names are kept in tooltips on
# purpose, so they are looked for in the text only.
ENGLISH_LEFT = r"""() => {
    const en = I18N.en, fr = I18N.fr;
    const french = Object.values(fr).join('\n');
    const texts = [document.title], tooltips = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('script, style, [translate="no"]')) continue;
        texts.push(node.textContent);
    }
    for (const node of document.body.querySelectorAll('[title], [aria-label], [placeholder]')) {
        if (node.closest('[translate="no"]')) continue;
        for (const name of ['title', 'aria-label', 'placeholder']) {
            if (node.hasAttribute(name)) tooltips.push(node.getAttribute(name));
        }
    }
    const text = texts.join('\n'), tips = tooltips.join('\n');
    const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const left = [];
    for (const key of Object.keys(en)) {
        if (en[key] === fr[key]) continue;
        const code = key.startsWith('plover.') || key.startsWith('acled.');
        for (const piece of en[key].split(/\{\w+\}/)) {
            const words = piece.trim();
            if (!/[A-Za-z]{3}/.test(words) || french.includes(words)) continue;
            const pattern = new RegExp(`(^|[^\\p{L}])${escape(words)}($|[^\\p{L}])`, 'u');
            if (pattern.test(text)) left.push(`${key}: "${words}" in the text`);
            if (!code && pattern.test(tips)) left.push(`${key}: "${words}" in a tooltip`);
        }
    }
    return left;
}"""


def open_in(page: Any, url: str, query: str, lang: str, extra: str = "") -> None:
    """Open the dashboard at ``query`` plus ``extra`` (lang=…, event=…) and wait until every
    panel shows the view ``query`` in ``lang``."""
    full = "&".join(part for part in (query, extra) if part)
    page.goto(url + "/" + ("?" + full if full else ""))
    wait_lang(page, query, lang)


def wait_lang(page: Any, query: str, lang: str) -> None:
    page.wait_for_function(
        "([q, l]) => document.body.dataset.status === 'ready' && document.body.dataset.query === q"
        " && document.body.dataset.lang === l", arg=[query, lang], timeout=60_000)


def test_both_languages_have_the_same_strings(page: Any, served: str) -> None:
    open_dashboard(page, served)
    keys = page.evaluate("() => [Object.keys(I18N.en), Object.keys(I18N.fr)]")
    assert keys[0] and sorted(keys[0]) == sorted(keys[1])
    assert set(keys[0]) - set(keys[1]) == set() and set(keys[1]) - set(keys[0]) == set()
    mismatched = page.evaluate(r"""() => Object.keys(I18N.en).filter((k) => {
        const names = (s) => (s.match(/\{\w+\}/g) || []).sort().join();
        return !I18N.en[k] || !I18N.fr[k] || names(I18N.en[k]) !== names(I18N.fr[k]);
    })""")
    assert mismatched == [], "a string is empty or its {names} differ between languages"
    # Every PLOVER type and ACLED type of the store has a French label, different from its code.
    facets = api(served, "/api/facets")
    labels = page.evaluate("() => I18N.fr")
    plover = [t["value"] for t in facets["event_types"] if not t["value"].startswith("Q")]
    assert plover and all(labels.get(f"plover.{code}", code) != code for code in plover), plover
    acled = [t["value"] for t in facets["acled_types"]]
    assert acled and all(labels.get(f"acled.{name}", name) != name for name in acled), acled
    assert labels["plover.ASSAULT"] == "Agression" and labels["acled.Battles"] == "Batailles"


def test_the_page_in_french(page: Any, served: str) -> None:
    open_in(page, served, "language=fr", "fr", "lang=fr")
    assert page.get_attribute("html", "lang") == "fr"
    assert page.title() == "Harmattan — événements"
    assert page.locator("#events thead th").all_inner_texts() == \
        ["Date", "Type", "Qui → sur qui", "Lieu", "Morts", "Sources"]
    health = api(served, "/api/health")
    assert (f"{health['events']} événements (regroupements de dépêches) tirés de "
            f"{health['articles']} articles" in page.inner_text("#store-status"))
    total = api(served, "/api/events", limit=1, language="fr")["total"]
    assert page.inner_text("#events-count") == f"{total} événements correspondants"
    assert page.inner_text("#f-reset") == "Réinitialiser" and page.inner_text("#f-share") == "Copier le lien"
    assert page.get_attribute("#lang-switch button[data-lang='fr']", "aria-pressed") == "true"
    assert page.get_attribute("#f-text", "placeholder") == "dans l’extrait"
    assert page.get_attribute(".leaflet-control-zoom-in", "title") == "Zoom avant"
    # PLOVER types show their French label, the code in the tooltip.
    labels = page.evaluate("() => I18N.fr")
    badges = page.evaluate("""() => [...document.querySelectorAll('#events tbody .badge')]
        .map((b) => [b.textContent, b.title])""")
    assert badges and all(text == labels[f"plover.{code}"] for text, code in badges), badges
    battles = page.locator("#f-acled_type option[value='Battles']")
    assert battles.inner_text().startswith("Batailles (") and battles.get_attribute("title") == "Battles"
    # Dates and numbers the French way.
    first = api(served, "/api/events", limit=1, language="fr")["events"][0]
    y, m, d = first["date"].split("-")
    assert page.locator("#events tbody tr[data-id] td").first.inner_text() == f"{d}/{m}/{y}"
    # The event panel, a map popup and every other panel: no English left.
    page.locator("#events tbody tr[data-id]").first.click()
    page.wait_for_selector("#detail mark.evidence")
    assert page.locator("#detail dt").all_inner_texts() == [
        "Date", "PLOVER", "CAMEO", "ACLED", "Auteur", "Cible", "Lieu", "Morts", "Dépêches", "Confiance"]
    confidence = page.locator("#detail dd").nth(9).inner_text()
    assert "," in confidence and "." not in confidence
    page.evaluate("""() => {  // the first point's popup, clustered or not
        const marker = markers.getLayers()[0];
        marker.getPopup().setLatLng(marker.getLatLng()).openOn(map);
    }""")
    page.wait_for_selector(".leaflet-popup-content .popup")
    assert "Lire dans l’article" in page.inner_text(".leaflet-popup-content")
    assert page.get_attribute(".leaflet-popup-close-button", "aria-label") == "Fermer la bulle"
    assert page.evaluate(ENGLISH_LEFT) == []
    assert "Alertes" in page.inner_text("#alerts-panel h2")
    assert page.outside == [] and page.errors == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-fr.png"), full_page=True)


def test_the_whole_store_in_french_leaves_no_english(page: Any, served: str) -> None:
    """Every event, English articles' included: the interface around them is French."""
    open_in(page, served, "", "fr", "lang=fr")
    assert page.evaluate(ENGLISH_LEFT) == []
    alerts = api(served, "/api/alerts", limit=100)
    assert alerts and page.locator("#alerts .alert-title[translate='no']").count() == 0, \
        "an alert's title was left as the server wrote it"
    assert page.outside == [] and page.errors == []


def test_the_switch_toggles_the_language_and_the_url_keeps_it(page: Any, served: str) -> None:
    open_dashboard(page, served)
    assert page.get_attribute("html", "lang") == "en" and "lang=" not in page.url
    assert page.inner_text("#f-reset") == "Reset"
    page.click("#lang-switch button[data-lang='fr']")
    wait_lang(page, "", "fr")
    assert page.get_attribute("html", "lang") == "fr" and "lang=fr" in page.url
    assert page.inner_text("#f-reset") == "Réinitialiser"
    assert page.inner_text("#map-panel h2").startswith("Carte")
    # A filter keeps the language in the URL; the panels are the API's numbers as in English.
    page.select_option("#f-country", "NER")
    wait_lang(page, "country=NER", "fr")
    assert "country=NER" in page.url and "lang=fr" in page.url
    expected = expected_panels(served, country="NER")
    shown = panels(page)
    assert {k: shown[k] for k in expected} == expected
    # Back to the view before the filter: still French; back again: English.
    page.go_back()
    wait_lang(page, "", "fr")
    page.go_back()
    wait_lang(page, "", "en")
    assert page.get_attribute("html", "lang") == "en"
    page.click("#lang-switch button[data-lang='fr']")
    wait_lang(page, "", "fr")
    page.click("#lang-switch button[data-lang='en']")
    wait_lang(page, "", "en")
    assert page.inner_text("#f-reset") == "Reset" and "lang=en" in page.url
    assert page.outside == [] and page.errors == []


def test_a_shared_link_in_french_restores_the_view(page: Any, served: str, browser: Any) -> None:
    event = api(served, "/api/events", limit=1, language="fr", country="MLI")["events"][0]
    open_in(page, served, "since=2023-01-01&country=MLI", "fr", f"event={event['id']}&lang=fr")
    assert page.get_attribute("html", "lang") == "fr"
    assert page.input_value("#f-country") == "MLI" and page.input_value("#f-since") == "2023-01-01"
    expected = expected_panels(served, country="MLI", since="2023-01-01")
    shown = panels(page)
    assert {k: shown[k] for k in expected} == expected
    page.wait_for_selector(f"#detail[data-id='{event['id']}'] mark.evidence")
    assert page.inner_text("#detail dl").startswith("Date")
    assert "Auteur" in page.inner_text("#detail dl")
    # Copy link: the link it copies keeps French; the button says so in French.
    browser.grant_permissions(["clipboard-read", "clipboard-write"], origin=served)
    prompted: list[Any] = []
    page.once("dialog", lambda dialog: (prompted.append((dialog.message, dialog.default_value)), dialog.dismiss()))
    page.click("#f-share")
    if prompted:
        message, link = prompted[0]
        assert message == "Lien vers cette vue :"
    else:
        page.wait_for_function("() => document.getElementById('f-share').textContent === 'Lien copié'")
        link = page.evaluate("() => navigator.clipboard.readText()")
    assert "lang=fr" in link and "country=MLI" in link and f"event={event['id']}" in link
    assert page.outside == [] and page.errors == []


def test_a_french_browser_gets_french_unless_the_link_says_otherwise(page: Any, served: str) -> None:
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'language', { get: () => 'fr-FR' })")
    open_in(page, served, "", "fr")
    assert page.get_attribute("html", "lang") == "fr" and "lang=" not in page.url
    assert page.inner_text("#events-panel h2").startswith("Événements")
    open_in(page, served, "", "en", "lang=en")
    assert page.get_attribute("html", "lang") == "en"
    assert page.inner_text("#events-panel h2").startswith("Events")
    assert page.errors == []


def test_french_evidence_is_shown_as_written(page: Any, served: str) -> None:
    written = {}
    for line in (SAMPLES / "sahel-fr.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            article = json.loads(line)
            written[article["id"]] = article
    events = api(served, "/api/events", limit=100, language="fr")["events"]
    assert events
    accented = 0
    for lang in ("fr", "en"):
        open_in(page, served, "language=fr", lang, f"lang={lang}")
        for index in range(len(events)):
            row = page.locator("#events tbody tr[data-id]").nth(index)
            event_id = row.get_attribute("data-id")
            row.click()
            page.wait_for_selector(f"#detail[data-id='{event_id}'] mark.evidence")
            detail = api(served, f"/api/events/{event_id}")
            marks = page.locator("#detail mark.evidence").all_inner_texts()
            titles = page.locator("#detail .article h3").all_inner_texts()
            texts = page.locator("#detail .article-text").all_inner_texts()
            for mention, mark, title, text in zip(detail["mentions"], marks, titles, texts, strict=True):
                sample = written[mention["article"]["id"]]
                sentence = mention["evidence"]["sentence"]
                assert mark == sentence and sentence in sample["text"], (mark, sentence)
                assert title == sample["title"]
                assert text.split()[:8] == sample["text"][max(0, mention["evidence"]["start"] - 1500):].split()[:8]
                accented += any(c in sentence for c in "éèêàâçôûîÉÈÀÇ«»")
            assert page.locator("#detail .article-text[translate='no']").count() == len(texts)
    assert accented >= 2, "no French evidence with accents was shown"
    assert page.outside == [] and page.errors == []
