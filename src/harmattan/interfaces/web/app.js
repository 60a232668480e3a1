/* Harmattan dashboard.  Every panel reads the REST API with the same filters, which live in the
 * page's query string (?since=…&until=…&country=…&admin1=…&actor=…&type=…&acled_type=…&
 * min_confidence=…&language=…&text=…&event=…&lang=…), so a view can be shared as a link.
 * Every string of the interface comes from i18n.js (English and French; `lang=fr`).  Text from
 * articles is always inserted as text, never as HTML, and never translated (translate="no"). */
"use strict";

const FILTERS = ["since", "until", "country", "admin1", "actor", "type", "acled_type", "min_confidence", "language", "text"];
const PAGE = 25;
const QUAD_COLOURS = ["#8c959f", "#6aa84f", "#2e7d32", "#e69138", "#c0392b"];
const PALETTE = ["#c0392b", "#e67e22", "#f1c40f", "#16a085", "#2980b9", "#8e44ad", "#2c3e50",
                 "#d35400", "#27ae60", "#7f8c8d", "#e84393", "#00cec9", "#6c5ce7", "#b33939",
                 "#218c74", "#84817a", "#cc8e35", "#227093"];
const KIND_COLOURS = { state: "#2980b9", armed_group: "#c0392b", igo: "#27ae60", ngo: "#8e44ad" };

// lang: the page's language; langChosen: named by the URL or the switch (else the browser's).
const state = { filters: {}, event: null, offset: 0, generation: 0, weeks: [], lang: "en",
                langChosen: false, facets: null, health: null };
const colourOf = {};
let map, markers, countriesLayer, admin1Layer;

// -- helpers ---------------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (key === "class") node.className = value;
    else if (key === "style") node.style.cssText = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function params(extra = {}, keys = FILTERS) {
  const query = new URLSearchParams();
  for (const key of keys) {
    if (state.filters[key]) query.set(key, state.filters[key]);
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  return query;
}

async function api(path, query) {
  const url = query && [...query].length ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    } catch (e) { /* not JSON */ }
    const error = new Error(`${path}: ${response.status} ${detail}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function colour(key) {
  if (!(key in colourOf)) colourOf[key] = PALETTE[Object.keys(colourOf).length % PALETTE.length];
  return colourOf[key];
}

/** The URL if it is an http(s) link, else null: no javascript: or data: links from stored text. */
function webUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function actorLabel(actor) {
  if (actor.actor_id) return actor.actor_id;
  return [actor.code, actor.sector].filter(Boolean).join(".") || actor.text || "?";
}

function actorsLabel(list) {
  return list.length ? list.map(actorLabel).join(", ") : t("not_named");
}

/** A PLOVER type as words: its label ("Agression" for ASSAULT in French; the code in English),
 * and "Q4" (an event coded by quad class only) as "material conflict (no PLOVER type)". */
function typeLabel(eventType) {
  const quad = /^Q([0-4])$/.exec(eventType || "");
  return quad ? t("quad.only", { quad: t(`quad.${quad[1]}`) }) : codeLabel("plover", eventType);
}

/** The type's label, with its code in a tooltip where the label is not the code itself. */
function typeBadge(eventType, attrs = {}) {
  const label = typeLabel(eventType);
  return el("span", { ...attrs, title: label === eventType ? null : eventType }, label);
}

/** The type's label followed by its code ("Agression (ASSAULT)"), or the code alone. */
function typeWithCode(eventType) {
  const label = typeLabel(eventType);
  return label === eventType ? [eventType] : [label, " (", el("code", { translate: "no" }, eventType), ")"];
}

function acledLabel(name) {
  return codeLabel("acled", name);
}

function whoLabel(event) {
  if (!event.source.length && !event.target.length) return t("actors_not_named");
  return `${actorsLabel(event.source)} → ${actorsLabel(event.target)}`;
}

function fatalitiesLabel(fatalities) {
  if (!fatalities || fatalities.best === null || fatalities.best === undefined) return "";
  const { low, best, high } = fatalities;
  return low !== high && low !== null && high !== null
    ? `${formatNumber(best)} (${formatNumber(low)}–${formatNumber(high)})` : formatNumber(best);
}

function placeLabel(event) {
  const loc = event.location;
  if (loc) return [...new Set([loc.name, loc.admin1, loc.country].filter(Boolean))].join(", ");
  return event.country || t("not_located");
}

function showError(container, error) {
  container.replaceChildren(el("p", { class: "empty" }, t("load_error", { message: error.message })));
}

// -- the page's language ----------------------------------------------------------------------

/** Every string on the page in the page's language: the fixed ones (setLanguage), the facets'
 * options, the status line, the slider and the map's controls.  The panels are drawn again by
 * refresh(). */
function applyLanguage() {
  setLanguage(state.lang);
  for (const button of document.querySelectorAll("#lang-switch button")) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === state.lang));
  }
  for (const option of document.querySelectorAll("#f-min_confidence option.at-least")) {
    option.textContent = t("f.at_least", { value: Number(option.value) });
  }
  labelFacets();
  renderStatus();
  syncSlider();
  labelMap();
}

function switchLanguage(lang) {
  if (lang === state.lang && state.langChosen) return;
  state.lang = lang;
  state.langChosen = true;
  applyLanguage();
  writeUrl(true);
  refresh();
}

/** The link to this view, in the language shown. */
function shareUrl() {
  const url = new URL(window.location.href);
  if (state.lang !== "en" || state.langChosen) url.searchParams.set("lang", state.lang);
  return url.href;
}

// -- filters and the URL -------------------------------------------------------------------------

function readUrl() {
  const query = new URLSearchParams(window.location.search);
  state.filters = {};
  for (const key of FILTERS) {
    const value = query.get(key);
    if (value) state.filters[key] = value;
  }
  state.event = query.get("event");
  const lang = query.get("lang");
  state.langChosen = LANGUAGES.includes(lang);
  state.lang = state.langChosen ? lang : browserLanguage();
  state.offset = 0;
  for (const key of FILTERS) {
    const input = document.getElementById(`f-${key}`);
    if (input) {
      if (input.tagName === "SELECT" && state.filters[key] &&
          ![...input.options].some((o) => o.value === state.filters[key])) {
        input.append(el("option", { value: state.filters[key] }, state.filters[key]));
      }
      input.value = state.filters[key] || "";
    }
  }
}

function writeUrl(push) {
  const query = params({ event: state.event, lang: state.langChosen ? state.lang : null });
  const url = `${window.location.pathname}${[...query].length ? "?" + query : ""}`;
  if (url !== window.location.pathname + window.location.search) {
    if (push) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }
}

function setFilters(changes) {
  Object.assign(state.filters, changes);
  for (const key of Object.keys(state.filters)) if (!state.filters[key]) delete state.filters[key];
  state.offset = 0;
  readFormFrom(state.filters);
  writeUrl(true);
  refresh();
}

function readFormFrom(filters) {
  for (const key of FILTERS) {
    const input = document.getElementById(`f-${key}`);
    if (!input) continue;
    if (input.tagName === "SELECT" && filters[key] &&
        ![...input.options].some((o) => o.value === filters[key])) {
      input.append(el("option", { value: filters[key] }, filters[key]));
    }
    input.value = filters[key] || "";
  }
}

function bindForm() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const changes = {};
    for (const key of FILTERS) changes[key] = form.elements[key].value.trim();
    setFilters(changes);
  });
  for (const id of ["f-country", "f-admin1", "f-type", "f-acled_type", "f-min_confidence", "f-language", "f-since", "f-until"]) {
    document.getElementById(id).addEventListener("change", () => form.requestSubmit());
  }
  document.getElementById("f-reset").addEventListener("click", () => {
    state.filters = {};
    state.event = null;
    setFilters({});
  });
  document.getElementById("f-share").addEventListener("click", async (event) => {
    try {
      await navigator.clipboard.writeText(shareUrl());
      event.target.textContent = t("f.share.done");
    } catch (e) {
      window.prompt(t("f.share.prompt"), shareUrl());
    }
  });
  for (const button of document.querySelectorAll("#lang-switch button")) {
    button.addEventListener("click", () => switchLanguage(button.dataset.lang));
  }
  window.addEventListener("popstate", () => {
    const before = state.lang;
    readUrl();
    if (state.lang !== before) applyLanguage();
    refresh();
  });
  document.getElementById("prev-page").addEventListener("click", () => {
    state.offset = Math.max(0, state.offset - PAGE);
    loadTable(state.generation);
  });
  document.getElementById("next-page").addEventListener("click", () => {
    state.offset += PAGE;
    loadTable(state.generation);
  });
}

// The facets' options: a value, its label in the page's language and its count.
const FACETS = [["f-country", "countries", (v) => v], ["f-type", "event_types", typeLabel],
                ["f-acled_type", "acled_types", acledLabel], ["f-admin1", "admin1", (v) => v]];

async function loadFacets() {
  const facets = await api("/api/facets");
  state.facets = facets;
  for (const [id, key] of FACETS) {
    const select = document.getElementById(id);
    for (const item of facets[key]) select.append(el("option", { value: item.value, "data-count": item.count }));
  }
  document.getElementById("actor-list").replaceChildren(
    ...facets.actors.map((a) => el("option", { value: a.value, "data-count": a.count })));
  labelFacets();
  readFormFrom(state.filters);
  if (facets.first_date && facets.last_date) initSlider(facets.first_date, facets.last_date);
}

function labelFacets() {
  for (const [id, , label] of FACETS) {
    for (const option of document.querySelectorAll(`#${id} option[data-count]`)) {
      const shown = label(option.value);
      option.textContent = t("facet.count", { label: shown, count: Number(option.dataset.count) });
      if (shown !== option.value) option.title = option.value; else option.removeAttribute("title");
    }
  }
  for (const option of document.querySelectorAll("#actor-list option[data-count]")) {
    option.textContent = t("facet.actor", { count: Number(option.dataset.count) });
  }
}

// The period slider: two handles over the store's weeks, the same period as From and To.

function mondayOf(day) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

function sundayAfter(monday) {
  const date = new Date(`${monday}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 6);
  return date.toISOString().slice(0, 10);
}

function initSlider(first, last) {
  state.weeks = mondays(mondayOf(first), mondayOf(last));
  const since = document.getElementById("slider-since");
  const until = document.getElementById("slider-until");
  for (const input of [since, until]) input.max = String(state.weeks.length - 1);
  const label = () => {
    const a = state.weeks[Number(since.value)], b = sundayAfter(state.weeks[Number(until.value)]);
    document.getElementById("slider-label").textContent = t("slider.label", { from: formatDate(a), to: formatDate(b) });
  };
  let pushed = false;  // one handle pushed the other along: both bounds change
  const moved = (event) => {
    if (Number(since.value) > Number(until.value)) {
      if (event.target === since) until.value = since.value; else since.value = until.value;
      pushed = true;
    }
    label();
  };
  // A handle at the end of its track leaves that bound open; only the bounds moved change.
  const sinceValue = () => (Number(since.value) === 0 ? "" : state.weeks[Number(since.value)]);
  const untilValue = () => (Number(until.value) === state.weeks.length - 1 ? ""
                            : sundayAfter(state.weeks[Number(until.value)]));
  const chosen = (event) => {
    const changes = {};
    if (event.target === since || pushed) changes.since = sinceValue();
    if (event.target === until || pushed) changes.until = untilValue();
    pushed = false;
    setFilters(changes);
  };
  for (const input of [since, until]) {
    input.addEventListener("input", moved);
    input.addEventListener("change", chosen);
  }
  syncSlider();
}

/** Put the slider's handles on the weeks of the From and To filters. */
function syncSlider() {
  if (!state.weeks.length) return;
  const since = document.getElementById("slider-since");
  const until = document.getElementById("slider-until");
  const last = state.weeks.length - 1;
  const at = (day, fallback) => {
    if (!day) return fallback;
    const index = state.weeks.indexOf(mondayOf(day));
    if (index >= 0) return index;
    return day < state.weeks[0] ? 0 : last;
  };
  since.value = String(at(state.filters.since, 0));
  until.value = String(at(state.filters.until, last));
  document.getElementById("slider-label").textContent = t("slider.label", {
    from: formatDate(state.weeks[Number(since.value)]),
    to: formatDate(sundayAfter(state.weeks[Number(until.value)])) });
}

// -- the panels ------------------------------------------------------------------------------------

async function refresh() {
  const generation = ++state.generation;
  document.body.dataset.status = "loading";
  const query = params().toString();
  updateDownloads();
  syncSlider();
  const panels = [loadMap(generation), loadTable(generation), loadTimeline(generation),
                  loadNetwork(generation), loadAlerts(generation)];
  if (state.event) panels.push(showEvent(state.event, false));
  await Promise.allSettled(panels);
  if (generation === state.generation) {
    document.body.dataset.query = query;
    document.body.dataset.lang = state.lang;
    document.body.dataset.status = "ready";
  }
}

/** The download links give the events of the current view (every filter), up to 5,000. */
function updateDownloads() {
  for (const format of ["csv", "geojson"]) {
    document.getElementById(`download-${format}`).href = `/api/events?${params({ format, limit: 5000 })}`;
  }
}

async function loadStatus() {
  state.health = await api("/api/health");
  renderStatus();
}

function renderStatus() {
  const health = state.health;
  if (!health) return;
  document.getElementById("store-status").textContent = t("status.store", {
    events: health.events, articles: health.articles,
    first: formatDate(health.first_date) || "…", last: formatDate(health.last_date) || "…" });
}

// Map

function initMap() {
  map = L.map("map", { preferCanvas: true, worldCopyJump: false, minZoom: 2, maxZoom: 12 });
  map.attributionControl.setPrefix(false);
  labelMap();
  map.on("popupopen", (event) => {
    const close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
    if (close) close.setAttribute("aria-label", t("map.close_popup"));
  });
  map.fitBounds([[2, -19], [25, 26]]);
  markers = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
  map.addLayer(markers);
  fetch("/static/vendor/boundaries/countries.geojson").then((r) => r.json()).then((data) => {
    countriesLayer = L.geoJSON(data, {
      style: countryStyle, interactive: true,
      onEachFeature: (feature, layer) => {
        layer.bindTooltip(feature.properties.name, { sticky: true });
        layer.on("click", () => {
          const iso3 = feature.properties.iso3;
          if (iso3) setFilters({ country: state.filters.country === iso3 ? "" : iso3 });
        });
      },
    }).addTo(map);
    countriesLayer.bringToBack();
  });
  fetch("/static/vendor/boundaries/admin1-west-africa.geojson").then((r) => r.json()).then((data) => {
    admin1Layer = L.geoJSON(data, {
      style: { color: "#9a8f80", weight: 0.6, dashArray: "2 3", fill: false }, interactive: false,
    }).addTo(map);
  });
}

/** The map's own words: the attribution and the zoom buttons' tooltips; an open popup closes. */
function labelMap() {
  if (!map) return;
  if (state.attribution) map.attributionControl.removeAttribution(state.attribution);
  state.attribution = t("map.attribution");
  map.attributionControl.addAttribution(state.attribution);
  for (const [button, key] of [[map.zoomControl._zoomInButton, "map.zoom_in"],
                               [map.zoomControl._zoomOutButton, "map.zoom_out"]]) {
    button.title = t(key);
    button.setAttribute("aria-label", t(key));
  }
  map.closePopup();
}

function countryStyle(feature) {
  const selected = feature.properties.iso3 && feature.properties.iso3 === state.filters.country;
  return { color: "#7d7466", weight: selected ? 1.8 : 0.8, fillColor: selected ? "#f3d9c6" : "#f7f3ea",
           fillOpacity: 1 };
}

async function loadMap(generation) {
  const counter = document.getElementById("map-count");
  try {
    const features = [];
    let offset = 0;
    let total = 0;
    do {
      const page = await api("/api/events", params({ format: "geojson", limit: 5000, offset }));
      total = page.total;
      features.push(...page.features);
      offset += 5000;
    } while (offset < total);
    if (generation !== state.generation) return;
    markers.clearLayers();
    const layers = features.map((feature) => {
      const [lon, lat] = feature.geometry.coordinates;
      const p = feature.properties;
      // Bigger for deadlier events: the area grows with the fatalities.
      const marker = L.circleMarker([lat, lon], {
        radius: 6 + Math.min(10, Math.sqrt(p.fatalities || 0)), weight: 1, color: "#333", fillOpacity: 0.85,
        fillColor: QUAD_COLOURS[p.quad_class] || "#888",
      });
      marker.featureId = feature.id;
      marker.bindPopup(() => el("div", { class: "popup" },
        el("strong", {}, typeBadge(p.event_type), ` · ${formatDate(p.date) || t("undated")}`),
        el("div", {}, p.source || p.target ? `${p.source || t("not_named")} → ${p.target || t("not_named")}` : t("actors_not_named")),
        el("div", {}, [p.place, p.admin1, p.country].filter(Boolean).join(", ")),
        p.fatalities !== null && p.fatalities !== undefined
          ? el("div", { class: "popup-fatalities" }, t("popup.fatalities", { value: p.fatalities })) : null,
        el("p", { class: "popup-evidence", translate: "no" }, p.evidence),
        el("button", { type: "button", onclick: () => selectEvent(feature.id) }, t("popup.read"))));
      return marker;
    });
    markers.addLayers(layers);
    if (countriesLayer) countriesLayer.setStyle(countryStyle);
    const shown = markers.getLayers().length;
    counter.dataset.count = String(shown);
    counter.dataset.total = String(total);
    counter.textContent = t("map.count", { count: shown });
  } catch (error) {
    counter.textContent = t("map.error", { message: error.message });
  }
}

// Events table

async function loadTable(generation) {
  const body = document.querySelector("#events tbody");
  try {
    const page = await api("/api/events", params({ limit: PAGE, offset: state.offset }));
    if (generation !== state.generation) return;
    document.getElementById("events-count").textContent = t("events.count", { count: page.total });
    document.getElementById("events-count").dataset.total = String(page.total);
    body.replaceChildren(...page.events.map((event) => el("tr", {
      "data-id": event.id, class: event.id === state.event ? "selected" : null,
      onclick: () => selectEvent(event.id),
    },
      el("td", {}, formatDate(event.date) || t("undated")),
      el("td", {}, typeBadge(event.event_type, { class: "badge", style: `--badge:${QUAD_COLOURS[event.quad_class]}` })),
      el("td", {}, whoLabel(event)),
      el("td", {}, placeLabel(event)),
      el("td", { class: "number fatalities" }, fatalitiesLabel(event.fatalities)),
      el("td", { class: "number" }, formatNumber(event.n_sources)))));
    if (!page.events.length) {
      body.replaceChildren(el("tr", {}, el("td", { colspan: 6, class: "empty" }, t("events.none"))));
    }
    const last = Math.min(page.total, state.offset + page.events.length);
    document.getElementById("page-info").textContent =
      page.total ? t("pager.info", { first: state.offset + 1, last, total: page.total }) : "";
    document.getElementById("prev-page").disabled = state.offset === 0;
    document.getElementById("next-page").disabled = last >= page.total;
  } catch (error) {
    body.replaceChildren(el("tr", {}, el("td", { colspan: 6, class: "empty" }, error.message)));
  }
}

// Event detail: the evidence sentence highlighted inside each article that reports it

function selectEvent(id) {
  state.event = id;
  writeUrl(true);
  for (const row of document.querySelectorAll("#events tbody tr")) {
    row.classList.toggle("selected", row.dataset.id === id);
  }
  return showEvent(id, true);
}

// Characters of context shown on each side of the evidence: a long article that reports many
// mentions of one event is not repeated whole under each of them.
const CONTEXT = 1500;

function highlighted(text, evidence) {
  const from = Math.max(0, evidence.start - CONTEXT);
  const to = Math.min(text.length, evidence.end + CONTEXT);
  const before = (from > 0 ? "… " : "") + text.slice(from, evidence.start);
  const sentence = text.slice(evidence.start, evidence.end);
  const after = text.slice(evidence.end, to) + (to < text.length ? " …" : "");
  const mark = el("mark", { class: "evidence" });
  const ts = evidence.trigger_start, te = evidence.trigger_end;
  if (ts !== null && ts !== undefined && ts >= evidence.start && te <= evidence.end && te > ts) {
    mark.append(sentence.slice(0, ts - evidence.start),
                el("strong", {}, sentence.slice(ts - evidence.start, te - evidence.start)),
                sentence.slice(te - evidence.start));
  } else {
    mark.append(sentence);
  }
  return el("div", { class: "article-text", translate: "no" }, before, mark, after);
}

async function showEvent(id, scroll) {
  const box = document.getElementById("detail");
  try {
    const event = await api(`/api/events/${encodeURIComponent(id)}`);
    const acled = event.acled;
    const plover = event.plover;
    const acledNames = acled ? [acled.event_type, acled.sub_event_type].filter(Boolean) : [];
    const codes = [
      ["detail.date", formatDate(event.date) || t("undated")],
      ["detail.plover", plover ? [typeWithCode(plover.event), plover.mode, (plover.context || []).join(", ")]
        .filter((x) => x && x.length).flatMap((x, i) => (i ? [" · ", x] : [x])) : t("detail.no_plover")],
      ["detail.cameo", `${event.cameo_code || t("detail.no_code")} ` +
        t("detail.quad", { quad: event.quad_class, name: t(`quad.${event.quad_class}`) })],
      ["detail.acled", acled ? el("span", { title: acledNames.map(acledLabel).join() === acledNames.join() ? null
                                                   : acledNames.join(" / ") }, acledNames.map(acledLabel).join(" / "))
        : t("detail.no_acled")],
      ["detail.source", actorsLabel(event.source)],
      ["detail.target", actorsLabel(event.target)],
      ["detail.where", placeLabel(event)],
      ["detail.fatalities", fatalitiesLabel(event.fatalities) || t("detail.not_reported")],
      ["detail.reports", [t("detail.articles", { count: event.n_articles }), t("detail.sources", { count: event.n_sources }),
                          event.disputed ? t("detail.disputed") : null].filter(Boolean).join(", ")],
      ["detail.confidence", formatNumber(event.confidence, { minimumFractionDigits: 2, maximumFractionDigits: 2 })],
    ];
    const articles = event.mentions.map((m) => el("div", { class: "article", "data-event-id": m.event_id },
      el("h3", { translate: "no" }, m.article.title || m.article.id),
      el("div", { class: "meta" }, el("span", { translate: "no" }, m.article.source || ""),
         m.article.source && m.article.date ? " · " : "", formatDate(m.article.date) || "",
         webUrl(m.article.url) ? [" · ", el("a", { href: webUrl(m.article.url), rel: "noopener noreferrer", target: "_blank" }, t("detail.original"))] : null),
      highlighted(event.articles[m.article_index].text || "", m.evidence)));
    box.replaceChildren(
      el("h3", {}, t("detail.heading", { type: typeLabel(event.event_type) }), " ",
         el("span", { class: "evidence-sentence", translate: "no" }, event.evidence.sentence)),
      el("dl", {}, codes.flatMap(([k, v]) => [el("dt", {}, t(k)), el("dd", {}, v)])),
      ...articles);
    box.dataset.id = event.id;
    for (const text of box.querySelectorAll(".article-text")) {
      const mark = text.querySelector("mark");
      if (mark) text.scrollTop = Math.max(0, mark.offsetTop - text.offsetTop - 30);
    }
    if (scroll && window.innerWidth < 900) box.scrollIntoView({ behavior: "smooth" });
  } catch (error) {
    showError(box, error);
  }
}

// Timeline: events per week, stacked by type (or by ACLED type)

async function loadTimeline(generation) {
  const chart = document.getElementById("timeline");
  const legend = document.getElementById("timeline-legend");
  try {
    const rows = await api("/api/series", params({ interval: "week", by: "plover" },
                                                 ["since", "until", "country", "admin1", "actor"]));
    if (generation !== state.generation) return;
    const kept = rows.filter((r) => !state.filters.type || r.key === state.filters.type.toUpperCase());
    drawTimeline(chart, legend, kept);
    const caption = document.getElementById("timeline-caption");
    const total = kept.reduce((n, r) => n + r.count, 0);
    caption.textContent = t("timeline.caption", { count: total });
    caption.dataset.total = String(total);
  } catch (error) {
    chart.replaceChildren();
    showError(legend, error);
  }
}

function mondays(first, last) {
  const out = [];
  const day = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`);
  while (day <= end && out.length < 2000) {
    out.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 7);
  }
  return out;
}

function drawTimeline(chart, legend, rows) {
  chart.replaceChildren();
  legend.replaceChildren();
  const width = chart.clientWidth || 500, height = chart.clientHeight || 190;
  if (!rows.length) {
    chart.append(svg("text", { x: 10, y: 20, class: "axis" }, t("timeline.none")));
    return;
  }
  const periods = mondays(rows[0].period, rows[rows.length - 1].period);
  const index = Object.fromEntries(periods.map((p, i) => [p, i]));
  const stacks = periods.map(() => []);
  for (const row of rows) stacks[index[row.period]].push(row);
  const top = Math.max(...stacks.map((s) => s.reduce((n, r) => n + r.count, 0)));
  const left = 26, bottom = 18, plotW = width - left - 6, plotH = height - bottom - 8;
  const barW = Math.min(plotW / periods.length, 36);
  for (const tick of [0, Math.ceil(top / 2), top]) {
    const y = 8 + plotH - (tick / top) * plotH;
    chart.append(svg("line", { x1: left, x2: width - 6, y1: y, y2: y, stroke: "#eee" }),
                 svg("text", { x: left - 4, y: y + 3, "text-anchor": "end", class: "axis" }, formatNumber(tick)));
  }
  periods.forEach((period, i) => {
    let y = 8 + plotH;
    for (const row of stacks[i].sort((a, b) => a.key.localeCompare(b.key))) {
      const h = (row.count / top) * plotH;
      y -= h;
      chart.append(svg("rect", {
        class: "bar", x: left + i * barW + 0.5, y, width: Math.max(1, barW - 1), height: h,
        fill: colour(row.key), "data-period": period,
        onclick: () => {
          const end = new Date(`${period}T00:00:00Z`);
          end.setUTCDate(end.getUTCDate() + 6);
          setFilters({ since: period, until: end.toISOString().slice(0, 10) });
        },
      }, svg("title", {}, t("timeline.bar", { week: formatDate(period), count: row.count, type: typeLabel(row.key) }))));
    }
  });
  const months = [...new Set(periods.map((p) => p.slice(0, 7)))];
  let lastLabel = -Infinity;
  for (const month of months) {
    const x = left + periods.findIndex((p) => p.startsWith(month)) * barW;
    if (x - lastLabel < 50) continue;  // labels never overlap
    chart.append(svg("text", { x, y: height - 4, class: "axis" }, formatMonth(month)));
    lastLabel = x;
  }
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  legend.append(...keys.map((k) => typeBadge(k, { style: `--swatch:${colour(k)}` })));
}

// Network: actors on a circle, an edge per (source, target) pair

function nodeMatches(id, actor) {
  if (!actor) return false;
  const wanted = actor.replace(/[.:\s]/g, "").toUpperCase();
  const compact = id.replace(/\s/g, "").toUpperCase();
  return compact.startsWith(wanted) || id.toUpperCase().split(" ").includes(wanted);
}

function actorFilterOf(node) {
  if (node.kind === "igo" || node.kind === "ngo") return node.id.split(" ").slice(1).join(" ") || node.id;
  return node.id.replace(" ", ".");
}

async function loadNetwork(generation) {
  const chart = document.getElementById("network");
  try {
    const graph = await api("/api/network", params({ limit: 40 }, ["since", "until", "country"]));
    if (generation !== state.generation) return;
    const type = state.filters.type ? state.filters.type.toUpperCase() : null;
    let edges = graph.edges.map((e) => ({ ...e, count: type ? (e.by_type[type] || 0) : e.count }))
      .filter((e) => e.count > 0);
    if (state.filters.actor) {
      edges = edges.filter((e) => nodeMatches(e.source, state.filters.actor) || nodeMatches(e.target, state.filters.actor));
    }
    const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
    const nodes = graph.nodes.filter((n) => linked.has(n.id));
    drawNetwork(chart, nodes, edges);
    document.getElementById("network-caption").textContent =
      t("network.caption", { nodes: nodes.length, edges: edges.length }) + (graph.truncated ? ` ${t("network.busiest")}` : "");
    chart.dataset.nodes = String(nodes.length);
    chart.dataset.edges = String(edges.length);
  } catch (error) {
    chart.replaceChildren(svg("text", { x: 10, y: 20 }, t("load_error", { message: error.message })));
  }
}

function drawNetwork(chart, nodes, edges) {
  chart.replaceChildren();
  const width = chart.clientWidth || 500, height = chart.clientHeight || 360;
  if (!nodes.length) {
    chart.append(svg("text", { x: 10, y: 20 }, t("network.none")));
    return;
  }
  const order = [...nodes].sort((a, b) => (a.kind + a.id).localeCompare(b.kind + b.id));
  const cx = width / 2, cy = height / 2, radius = Math.min(width, height) / 2 - 55;
  const position = {};
  order.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / order.length - Math.PI / 2;
    position[node.id] = [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle), angle];
  });
  const most = Math.max(...edges.map((e) => e.count));
  chart.append(svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 22, refY: 5,
    markerWidth: 7, markerHeight: 7, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
    svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#999" }))));
  for (const edge of edges) {
    const [x1, y1] = position[edge.source], [x2, y2] = position[edge.target];
    const types = Object.entries(edge.by_type).map(([k, v]) => `${typeLabel(k)} ${formatNumber(v)}`).join(", ");
    chart.append(svg("line", {
      x1, y1, x2, y2, stroke: "#9aa3ab", "stroke-opacity": 0.7, "marker-end": "url(#arrow)",
      "stroke-width": 0.8 + 3 * (edge.count / most),
    }, svg("title", {}, t("network.edge", { source: edge.source, target: edge.target, count: edge.count, types }))));
  }
  const busiest = Math.max(...order.map((n) => n.count));
  for (const node of order) {
    const [x, y, angle] = position[node.id];
    const selected = nodeMatches(node.id, state.filters.actor);
    const group = svg("g", { class: "node", "data-id": node.id, "data-count": node.count, onclick: () => setFilters({
      actor: selected ? "" : actorFilterOf(node) }) },
      svg("circle", { cx: x, cy: y, r: 4 + 8 * Math.sqrt(node.count / busiest),
                      fill: KIND_COLOURS[node.kind] || "#777", stroke: selected ? "#000" : "#fff",
                      "stroke-width": selected ? 2 : 1 }),
      svg("title", {}, t("network.node", { label: node.label, count: node.count, kind: t(`kind.${node.kind}`) })));
    const outside = 16;
    const lx = x + outside * Math.cos(angle), ly = y + outside * Math.sin(angle);
    group.append(svg("text", { x: lx, y: ly + 3, "text-anchor": Math.cos(angle) < -0.2 ? "end" : Math.cos(angle) > 0.2 ? "start" : "middle" }, node.label));
    chart.append(group);
  }
  hideOverlappingLabels(chart);
}

/** Labels that would overlap a busier actor's label are hidden; the node's tooltip still
 * names it. */
function hideOverlappingLabels(chart) {
  const kept = [];
  const groups = [...chart.querySelectorAll("g.node")]
    .sort((a, b) => Number(b.dataset.count) - Number(a.dataset.count));
  for (const group of groups) {
    const text = group.querySelector("text");
    const box = text.getBBox();
    const clash = kept.some((k) => box.x < k.x + k.width && k.x < box.x + box.width &&
                                   box.y < k.y + k.height && k.y < box.y + box.height);
    if (clash) text.setAttribute("display", "none");
    else kept.push(box);
  }
}

// Alerts

async function loadAlerts(generation) {
  const list = document.getElementById("alerts");
  const count = document.getElementById("alerts-count");
  try {
    const kept = await api("/api/alerts", params({ limit: 100 }, ["since", "until", "country"]));
    if (generation !== state.generation) return;
    count.textContent = formatNumber(kept.length);
    count.dataset.count = String(kept.length);
    list.replaceChildren(...kept.map((alert) => el("li", { "data-id": alert.alert_id },
      alertTitle(alert),
      el("div", { class: "meta" }, [...new Set([alertKind(alert.kind), alertKind(alert.rule)])]
        .concat([formatDate(alert.period), alert.country]).filter(Boolean).join(" · ")),
      (alert.events || []).slice(0, 5).map((event) => el("button", {
        type: "button", onclick: () => selectEvent(event.cluster_id),
      }, `${formatDate(event.date)} ${typeLabel(event.event_type)}`)))));
    if (!kept.length) list.replaceChildren(el("li", { class: "empty" }, t("alerts.none")));
  } catch (error) {
    count.textContent = "";
    list.replaceChildren(el("li", { class: "empty" },
      error.status === 404 ? t("alerts.unavailable") : t("load_error", { message: error.message })));
  }
}

function alertKind(kind) {
  return kind in { anomaly: 1, rule: 1 } ? t(`alert.kind.${kind}`) : kind;
}

// The server writes an alert's title in English, in one of four shapes
// (harmattan.analysis.anomaly and .rules); in French it is written again from its parts.
const ALERT_TITLES = [
  ["alert.anomaly", /^(\S+) (\S+): (\d+) events in the week of (\d{4}-\d\d-\d\d), ([\d.]+) expected$/,
   (m) => ({ country: m[1], type: typeLabel(m[2]), count: Number(m[3]), week: formatDate(m[4]),
             expected: Number(m[5]) })],
  ["alert.first", /^(.+?): first (\S+) between (.+?) and (.+?)( \(.+\))?$/,
   (m) => ({ rule: m[1], type: typeLabel(m[2]), a: m[3], b: m[4], context: m[5] || "" })],
  ["alert.sequence", /^(.+?): (\S+) between (.+?) and (.+?) (\d+) days after (\S+)$/,
   (m) => ({ rule: m[1], type: typeLabel(m[2]), a: m[3], b: m[4], count: Number(m[5]), first: typeLabel(m[6]) })],
  ["alert.threshold", /^(.+?): (\d+) events in (.+) in the week of (\d{4}-\d\d-\d\d) \(more than (\d+)\)$/,
   (m) => ({ rule: m[1], count: Number(m[2]), where: m[3], week: formatDate(m[4]), above: Number(m[5]) })],
];

function alertTitle(alert) {
  if (state.lang !== "en") {
    for (const [key, pattern, parts] of ALERT_TITLES) {
      const match = pattern.exec(alert.title || "");
      if (match) {
        const vars = parts(match);
        return el("div", { class: "alert-title" }, t(key, vars) + (vars.context || ""));
      }
    }
  }
  return el("div", { class: "alert-title", translate: "no", lang: "en" }, alert.title);
}

// -- start -----------------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", async () => {
  readUrl();
  applyLanguage();
  bindForm();
  initMap();
  loadStatus().catch((error) => { document.getElementById("store-status").textContent = error.message; });
  await loadFacets().catch(() => {});
  await refresh();
});
