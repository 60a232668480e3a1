"""The REST API and the dashboard's server: a thin FastAPI layer over the store and analysis.

``create_app(db, token)`` opens the store once; every read endpoint takes one snapshot
(``Store.reading()``) and calls one library function.  Reads are open — the server binds to
loopback unless told otherwise; writes (``POST /api/ingest``) need ``Authorization: Bearer
TOKEN`` and are refused outright when the operator set no token.  Every query parameter is
validated before it reaches SQL, and every statement binds its values (SQLAlchemy Core).
See docs/api.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import hmac
import io
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from harmattan import __version__
from harmattan.errors import RecordsRefused
from harmattan.store import Store
from harmattan.store import query as q
from harmattan.store import read

WEB_DIR = Path(__file__).resolve().parent / "web"

#: Events per page as JSON, and as CSV or GeoJSON (whose pages feed a map or a file).
MAX_PAGE = 500
MAX_EXPORT_PAGE = 5000
MAX_OFFSET = 1_000_000
MAX_TEXT_QUERY = 200
#: Articles per ``POST /api/ingest`` and bytes per request body.
MAX_INGEST_ARTICLES = 100
MAX_BODY_BYTES = 10 * 1024 * 1024
#: Ingest jobs waiting or running at once; a request beyond them gets 429.
MAX_PENDING_JOBS = 20
#: Nodes the network answers at most (the busiest actors).
MAX_NETWORK_NODES = 300

ISO3 = r"^[A-Za-z]{3}$"
ACTOR = r"^[A-Za-z0-9_\-]{1,64}([.:][A-Za-z]{0,16})?$"
ROLE = r"^[A-Za-z0-9_\-]{1,64}[.:]([A-Za-z]{1,16}|\*)$"
EVENT_TYPE = r"^[A-Za-z0-9]{1,16}$"
PLAIN = r"^[^\x00-\x1f]*$"


# -- response models -----------------------------------------------------------------------------


class Problem(BaseModel):
    """An error: what went wrong and how to fix it."""

    detail: str


class Actor(BaseModel):
    text: str | None = None
    code: str | None = None
    sector: str | None = None
    actor_id: str | None = None
    entry: str | None = None
    start: int | None = None
    end: int | None = None


class Evidence(BaseModel):
    sentence: str
    start: int
    end: int
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None


class Plover(BaseModel):
    event: str
    mode: str = ""
    context: list[str] = []


class Cameo(BaseModel):
    quad_class: int
    code: str | None = None


class Acled(BaseModel):
    model_config = ConfigDict(extra="allow")

    event_type: str | None = None
    sub_event_type: str | None = None
    fatalities: int | None = None


class Location(BaseModel):
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float
    lon: float
    precision: str | None = None
    geonameid: str | None = None


class Fatalities(BaseModel):
    low: int | None = None
    best: int | None = None
    high: int | None = None


class EventSummary(BaseModel):
    """An event (a cluster of mentions) as listed."""

    id: str = Field(description="The cluster id (use it with /api/events/{id}).")
    date: str | None
    event_type: str = Field(description="PLOVER event, or Q0–Q4 for an event coded by quad class only.")
    quad_class: int
    cameo_code: str | None
    plover: Plover | None
    acled: Acled | None
    country: str | None
    location: Location | None
    source: list[Actor]
    target: list[Actor]
    evidence: Evidence
    confidence: float
    n_articles: int
    n_sources: int
    n_mentions: int
    sources: list[str]
    first_report: str | None
    last_report: str | None
    fatalities: Fatalities | None
    disputed: bool


class EventPage(BaseModel):
    total: int = Field(description="Events matching the filters, all pages together.")
    limit: int
    offset: int
    events: list[EventSummary]


class ArticleRef(BaseModel):
    """The article a mention comes from; its text is in the event's ``articles``."""

    id: str
    title: str | None
    source: str | None
    url: str | None
    date: str | None


class ArticleText(ArticleRef):
    text: str | None = Field(description="The full text (null with text=false); evidence "
                                         "offsets point into it.")


class Mention(BaseModel):
    """One article's report of the event."""

    event_id: str
    story_id: str | None
    evidence: Evidence
    location: Location | None
    article: ArticleRef
    article_index: int = Field(description="Its article's position in the event's `articles`.")


class EventDetail(EventSummary):
    mentions: list[Mention]
    articles: list[ArticleText] = Field(description=(
        "Every article that reports the event, once, in the order of the mentions."))
    claims: dict[str, Any]
    event: dict[str, Any] = Field(description="The earliest report's event, contract v3 (docs/formats.md).")


class PointGeometry(BaseModel):
    type: Literal["Point"] = "Point"
    coordinates: list[float] = Field(min_length=2, max_length=2)


class FeatureProperties(BaseModel):
    id: str
    date: str | None
    event_type: str
    quad_class: int
    acled_event_type: str | None
    country: str | None
    admin1: str | None
    place: str | None
    precision: str | None
    source: str
    target: str
    evidence: str
    n_sources: int
    fatalities: int | None = Field(default=None, description="The best claim of the reports.")
    confidence: float | None = None


class Feature(BaseModel):
    type: Literal["Feature"] = "Feature"
    id: str
    geometry: PointGeometry
    properties: FeatureProperties


class FeatureCollection(BaseModel):
    type: Literal["FeatureCollection"] = "FeatureCollection"
    total: int
    features: list[Feature]


class Count(BaseModel):
    value: str
    count: int


class Facets(BaseModel):
    first_date: str | None
    last_date: str | None
    countries: list[Count]
    admin1: list[Count]
    event_types: list[Count]
    acled_types: list[Count]
    actors: list[Count]


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: str
    schema_version: int
    articles: int
    events: int
    first_date: str | None
    last_date: str | None
    writes_enabled: bool


class RoleHolder(BaseModel):
    name: str
    entry: str
    code: str
    sector: str
    start: str | None
    end: str | None
    source: str
    actor_id: str | None


class SeriesRow(BaseModel):
    period: str = Field(description="The day, or the Monday of the ISO week (YYYY-MM-DD).")
    key: str
    count: int


class IndexRow(BaseModel):
    period: str
    score: float
    n_events: int
    by_type: dict[str, int]


class Node(BaseModel):
    id: str
    label: str
    kind: str = Field(description="state, armed_group, igo or ngo.")
    count: int


class Edge(BaseModel):
    source: str
    target: str
    count: int
    by_type: dict[str, int]


class Network(BaseModel):
    nodes: list[Node]
    edges: list[Edge]
    truncated: bool = Field(description="Some actors were left out (see limit).")


class ChainLink(BaseModel):
    cluster_id: str
    date: str
    event_type: str
    summary: str | None


class Episode(BaseModel):
    episode_id: str
    actors: list[str]
    start: str
    end: str
    chain: list[ChainLink]


class AlertEvidence(BaseModel):
    sentence: str
    article_id: str
    source: str | None
    url: str | None


class AlertEvent(BaseModel):
    cluster_id: str
    date: str | None
    event_type: str | None
    country: str | None
    evidence: list[AlertEvidence]


class AlertOut(BaseModel):
    """An anomalous count or an analyst rule that fired, with the events that raised it."""

    alert_id: str
    kind: str = Field(description="anomaly or rule.")
    rule: str
    title: str
    period: str = Field(description="The day, or the Monday of the week, the alert is about.")
    country: str | None
    expected: float | None
    observed: float | None
    surprise: float | None = Field(description="−log10 of the chance of a count this high under the baseline.")
    cluster_ids: list[str]
    details: dict[str, Any]
    created_at: str | None
    events: list[AlertEvent]


class ArticleIn(BaseModel):
    """An article to code and store (the JSONL input format of docs/formats.md)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=512)
    text: str = Field(min_length=1, max_length=2_000_000)
    date: str | None = Field(default=None, description="YYYY-MM-DD; required unless undated articles are allowed.")
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=2048)
    source: str | None = Field(default=None, max_length=512)
    language: str | None = Field(default=None, max_length=16)

    @field_validator("url")
    @classmethod
    def _web_url(cls, value: str | None) -> str | None:
        """Only web links: the dashboard links to the article (no javascript:, data:…)."""
        if value and urlsplit(value.strip()).scheme.lower() not in ("http", "https"):
            raise ValueError("url must start with http:// or https://")
        return value


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_INGEST_ARTICLES)


class Rejected(BaseModel):
    record_id: str | None
    line: int | None = Field(description="The article's position in the request, from 1.")
    reason: str


class IngestResult(BaseModel):
    run_id: int
    read: int
    articles: int = Field(description="New articles stored.")
    duplicates: int = Field(description="Articles already stored (same text), skipped.")
    events: int
    rejects: int
    rejected: list[Rejected]
    seconds: float


class Job(BaseModel):
    """An ingest job: ``POST /api/ingest`` queues one, ``GET /api/jobs/{id}`` follows it."""

    job_id: str
    status: Literal["queued", "running", "done", "failed"]
    articles: int = Field(description="Articles in the request.")
    created_at: str
    started_at: str | None
    finished_at: str | None
    result: IngestResult | None = Field(description="The ingest's counts and rejects, once done.")
    error: str | None = Field(description="Why the job failed.")


# -- conversions -----------------------------------------------------------------------------------


def _summary(record: dict[str, Any]) -> dict[str, Any]:
    return q.listing(record)


def _detail(record: dict[str, Any]) -> dict[str, Any]:
    detail = _summary(record)
    detail["claims"] = record["claims"]
    detail["event"] = record["event"]
    detail["mentions"] = [
        {"event_id": m["event_id"], "story_id": m["story_id"], "evidence": m["evidence"],
         "location": m["location"],
         "article": {"id": m["article_id"], "title": m["title"], "source": m["source"],
                     "url": m["url"], "date": m["date"]},
         "article_index": m["article_index"]}
        for m in record["mentions"]
    ]
    detail["articles"] = record["articles"]
    return detail


def _event_page_json(store: Store, f: q.EventFilter, limit: int, offset: int,
                     newest_first: bool) -> Response:
    """A JSON page of events from the stored listings, joined as they are (see
    ``query.listing_page``): no event is parsed or rebuilt on a read."""
    with store.reading() as conn:
        total, listings = q.listing_page(conn, f, limit=limit, offset=offset, newest_first=newest_first)
    body = (f'{{"total":{total},"limit":{limit},"offset":{offset},"events":['
            + ",".join(listings) + "]}")
    return Response(body.encode("utf-8"), media_type="application/json",
                    headers={"X-Total-Count": str(total)})


def _actor_label(actors: list[dict[str, Any]]) -> str:
    return "; ".join(a.get("actor_id") or ":".join(p for p in (a.get("code"), a.get("sector")) if p)
                     or (a.get("text") or "") for a in actors)


def _feature(record: dict[str, Any]) -> dict[str, Any]:
    loc, event = record["location"], record["event"]
    return {
        "type": "Feature", "id": record["cluster_id"],
        "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
        "properties": {
            "id": record["cluster_id"], "date": record["date"], "event_type": record["event_type"],
            "quad_class": event["cameo"]["quad_class"],
            "acled_event_type": (event.get("acled") or {}).get("event_type"),
            "country": record["country"], "admin1": loc.get("admin1"), "place": loc.get("name"),
            "precision": loc.get("precision"), "source": _actor_label(event.get("source", [])),
            "target": _actor_label(event.get("target", [])),
            "evidence": event["evidence"]["sentence"], "n_sources": record["n_sources"],
            "fatalities": (record["claims"].get("fatalities_summary") or {}).get("best"),
            "confidence": event.get("confidence"),
        },
    }


CSV_COLUMNS = ["id", "date", "event_type", "quad_class", "cameo_code", "acled_event_type",
               "acled_sub_event_type", "country", "admin1", "place", "latitude", "longitude",
               "source_actors", "target_actors", "fatalities_best", "n_articles", "n_sources",
               "evidence"]


#: A text cell starting with one of these is a formula to a spreadsheet: it gets a leading '.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv(records: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        event, loc = r["event"], r["location"] or {}
        acled = event.get("acled") or {}
        writer.writerow(_cell(v) for v in [
            r["cluster_id"], r["date"], r["event_type"], event["cameo"]["quad_class"],
            event["cameo"].get("code"), acled.get("event_type"), acled.get("sub_event_type"),
            r["country"], loc.get("admin1"), loc.get("name"), loc.get("lat"), loc.get("lon"),
            _actor_label(event.get("source", [])), _actor_label(event.get("target", [])),
            (r["claims"].get("fatalities_summary") or {}).get("best"), r["n_articles"],
            r["n_sources"], event["evidence"]["sentence"],
        ])
    return out.getvalue()


# -- request checks --------------------------------------------------------------------------------


def _bad(detail: str) -> HTTPException:
    return HTTPException(status_code=400, detail=detail)


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None or value == "":
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise _bad("bbox must be four numbers: west,south,east,north (degrees)") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise _bad("bbox out of range: longitudes in [-180, 180], latitudes in [-90, 90], south <= north")
    return west, south, east, north


def event_filter(
    since: Annotated[dt.date | None, Query(description="Events from this date (YYYY-MM-DD).")] = None,
    until: Annotated[dt.date | None, Query(description="Events up to this date (YYYY-MM-DD).")] = None,
    country: Annotated[str | None, Query(pattern=ISO3, description="ISO3 country code, e.g. NER.")] = None,
    admin1: Annotated[str | None, Query(max_length=100, pattern=PLAIN,
                                        description="First-level region by name, e.g. Tillabéri.")] = None,
    actor: Annotated[str | None, Query(pattern=ACTOR, description=(
        "An actor in either role: a code (NER, IGO), a code and sector (NER.GOV) or an actor id "
        "(ECOWAS)."))] = None,
    type: Annotated[str | None, Query(pattern=EVENT_TYPE, description=(
        "PLOVER event type (ASSAULT, PROTEST…), or Q0–Q4 for events coded by quad class only."))] = None,
    acled_type: Annotated[str | None, Query(max_length=64, pattern=PLAIN, description=(
        "ACLED event type, e.g. 'Violence against civilians'."))] = None,
    bbox: Annotated[str | None, Query(max_length=100, description=(
        "west,south,east,north in degrees; keeps located events inside the box."))] = None,
    text: Annotated[str | None, Query(max_length=MAX_TEXT_QUERY, pattern=PLAIN, description=(
        "Words in the evidence sentence or the article title (case- and accent-insensitive)."))] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description=(
        "Only events coded with at least this confidence (0–1)."))] = None,
    language: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}$", description=(
        "Only events of articles in this language (ISO 639-1, e.g. fr)."))] = None,
) -> q.EventFilter:
    if since and until and since > until:
        raise _bad(f"since ({since}) is after until ({until})")
    return q.EventFilter(since=since, until=until, country=country, admin1=admin1 or None,
                         actor=actor, event_type=type, acled_type=acled_type or None,
                         bbox=_bbox(bbox), text=text or None, min_confidence=min_confidence,
                         language=language or None)


Filters = Annotated[q.EventFilter, Depends(event_filter)]
BAD_REQUEST = {400: {"model": Problem, "description": "A filter is out of range or inconsistent."}}
WRITE_ERRORS = {**BAD_REQUEST,
                401: {"model": Problem, "description": "No or wrong bearer token."},
                403: {"model": Problem, "description": "Writes are disabled (no token set)."},
                413: {"model": Problem, "description": "Request body too large."}}


# -- the app ---------------------------------------------------------------------------------------

_bearer = HTTPBearer(auto_error=False, description="The token the server was started with "
                                                   "(--token or HARMATTAN_API_TOKEN).")


WRITES_DISABLED = ("writes are disabled on this server: start it with --token or "
                   "HARMATTAN_API_TOKEN to enable them")
WRONG_TOKEN = "missing or wrong bearer token (send Authorization: Bearer TOKEN)"


class TokenCheck:
    """The write endpoints' guard: 403 when the server has no token, 401 without the right one.

    ``WriteGuard`` answers first, before the body is read; this keeps the check (and the
    bearer scheme in the OpenAPI document) on the endpoints themselves.
    """

    def __init__(self, token: str | None) -> None:
        self.token = token

    def __call__(self, credentials: Annotated[HTTPAuthorizationCredentials | None,
                                              Depends(_bearer)]) -> None:
        if not self.token:
            raise HTTPException(403, detail=WRITES_DISABLED)
        given = credentials.credentials if credentials else ""
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            raise HTTPException(401, detail=WRONG_TOKEN, headers={"WWW-Authenticate": "Bearer"})


class _BodyTooLarge(Exception):
    """The request body went past ``MAX_BODY_BYTES`` while the app read it."""


def _problem(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail}, status, headers=headers)


def _token_problem(token: str | None, authorization: str | None) -> JSONResponse | None:
    """The write guard's answer to a request's ``Authorization`` header: None lets it in."""
    if not token:
        return _problem(403, WRITES_DISABLED)
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer":
        given = ""
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        return _problem(401, WRONG_TOKEN, {"WWW-Authenticate": "Bearer"})
    return None


class WriteGuard:
    """ASGI middleware run before any body is read.

    ``POST /api/…`` needs the bearer token (403 when the server has none, 401 without the right
    one), checked before the body is read; every body is limited to ``limit`` bytes (413),
    whether announced by ``Content-Length`` or sent in chunks.
    """

    def __init__(self, app: ASGIApp, token: str | None, limit: int = MAX_BODY_BYTES) -> None:
        self.app, self.token, self.limit = app, token, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if scope["method"] == "POST" and scope["path"].startswith("/api/"):
            refused = _token_problem(self.token, headers.get("authorization"))
            if refused is not None:
                await refused(scope, receive, send)
                return
        too_large = _problem(413, f"request body over {self.limit:,} bytes")
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await too_large(scope, receive, send)
            return
        received = 0
        over = False
        started = False

        async def counted_receive() -> Message:
            nonlocal received, over
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    over = True
                    raise _BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if over:  # the app's answer to a body cut short: ours replaces it
                return
            started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except Exception:
            if not over or started:
                raise
        if over and not started:
            await too_large(scope, receive, send)



# -- faults: answers that always encode, hosts that are ours ---------------------------------------


def _encodable(value: Any) -> Any:
    """``value`` with every string made UTF-8-encodable (a lone surrogate becomes ``\\udXXX``),
    so that the answer naming a bad input can itself be sent."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {_encodable(k): _encodable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encodable(v) for v in value]
    return value


async def _invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
    return JSONResponse({"detail": _encodable(jsonable_encoder(exc.errors()))}, 422)


async def _records_refused(request: Request, exc: RecordsRefused) -> JSONResponse:
    rejected = [{"record_id": r.record_id, "line": r.line, "reason": r.reason} for r in exc.rejects]
    return JSONResponse(_encodable({"detail": exc.message, "rejected": rejected}), 422)


def host_of(value: str) -> str:
    """The host of a ``Host`` header or a URL's netloc, lower case, without port or brackets."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value[1:]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class HostCheck:
    """ASGI middleware: refuse a request whose ``Host`` is not one of ``allowed`` (400), so a
    web page cannot reach a loopback server through a name it controls (DNS rebinding), and
    a path holding a NUL, which no resource has (404).

    ``allowed`` holds host names or addresses, ``*.example.org`` for its subdomains, or ``*``.
    """

    def __init__(self, app: ASGIApp, allowed: list[str] | None) -> None:
        self.app = app
        self.allowed = None if allowed is None or "*" in allowed else [host_of(h) for h in allowed]

    def allows(self, host: str) -> bool:
        if self.allowed is None:
            return True
        name = host_of(host)
        return any(name == a or (a.startswith("*.") and name.endswith(a[1:])) for a in self.allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = Headers(scope=scope).get("host", "")
        if not self.allows(host):
            refused_detail = (f"this server does not answer to the host {host[:100]!r}: open it "
                              "by its own address, or start it with --allowed-host")
            await _problem(400, _encodable(refused_detail))(scope, receive, send)
            return
        if "\x00" in scope["path"]:
            await _problem(404, "no such resource (the path holds a NUL character)")(scope, receive, send)
            return
        await self.app(scope, receive, send)


def create_app(db: str | None = None, token: str | None = None, *, store: Store | None = None,
               rules: str | None = None, base_url: str | None = None,
               allowed_hosts: list[str] | None = None,
               job_command: list[str] | None = None) -> FastAPI:
    """The API (``/api/…``) and the dashboard (``/``) over the store ``db`` (or an open ``store``).

    ``token`` enables the write endpoints for requests that send it as a bearer token; without
    it they answer 403.  ``rules`` is the analyst rule file ``POST /api/alerts/run`` checks;
    it is read here, so a bad one raises ``ConfigError`` now rather than on every run.
    ``base_url`` is where the server is reached (links in the Atom feed); without it, links
    follow the request.  ``allowed_hosts`` are the names requests may use in ``Host``
    (see ``HostCheck``); None answers any (``harmattan serve`` always sets them).
    ``job_command`` replaces the child process that runs an ingest job (``api_jobs``).
    """
    if rules:
        from harmattan.analysis import load_rules

        load_rules(rules)
    own_store = store is None
    store = store or Store.open(db)
    ingest_lock = threading.Lock()
    runner = _job_runner(store, token, job_command)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # noqa: ANN202 - FastAPI's protocol
        if runner is not None:
            runner.start()
        yield
        if runner is not None:
            runner.stop()
        if own_store:
            store.close()

    app = FastAPI(
        title="Harmattan", version=__version__, lifespan=lifespan,
        # The interactive docs pages load their scripts from a CDN; the server stays offline.
        docs_url=None, redoc_url=None,
        description="Political and security events coded from dated news reports (PLOVER, "
                    "CAMEO, ACLED), with the sentence that states each one. See docs/api.md.",
    )
    app.state.store = store
    app.state.base_url = base_url
    require_token = TokenCheck(token)

    app.add_middleware(WriteGuard, token=token)
    app.add_middleware(HostCheck, allowed=allowed_hosts)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(RecordsRefused, _records_refused)

    # -- events --

    @app.get("/api/events", response_model=EventPage, tags=["events"],
             responses={**BAD_REQUEST, 200: {"content": {
                 "text/csv": {"schema": {"type": "string"}},
                 "application/geo+json": {"schema": {"$ref": "#/components/schemas/FeatureCollection"}},
             }, "description": "A page of events; `format=csv` a CSV file, `format=geojson` a "
                               "FeatureCollection of the located events."}})
    def list_events(
        f: Filters,
        format: Annotated[Literal["json", "csv", "geojson"], Query()] = "json",
        limit: Annotated[int, Query(ge=1, le=MAX_EXPORT_PAGE, description=(
            f"Events per page: at most {MAX_PAGE} as JSON, {MAX_EXPORT_PAGE} as CSV or GeoJSON."))] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        order: Annotated[Literal["newest", "oldest"], Query()] = "newest",
    ) -> Any:
        """Events (clusters of mentions) matching every filter, one page at a time.

        The total is in the body (JSON, GeoJSON) and in the `X-Total-Count` header.  GeoJSON
        keeps the located events only: one Point feature per event.
        """
        if format == "json" and limit > MAX_PAGE:
            raise _bad(f"limit is at most {MAX_PAGE} for JSON (up to {MAX_EXPORT_PAGE} with format=csv or geojson)")
        if format == "json":
            return _event_page_json(store, f, limit, offset, order == "newest")
        if format == "geojson":
            f = q.EventFilter(**{**f.__dict__, "located": True})
        with store.reading() as conn:
            total = q.count_events(conn, f)
            records = q.event_page(conn, f, limit=limit, offset=offset, newest_first=order == "newest")
        headers = {"X-Total-Count": str(total)}
        if format == "csv":
            return Response(_csv(records), media_type="text/csv; charset=utf-8", headers=headers)
        body = {"type": "FeatureCollection", "total": total,
                "features": [_feature(r) for r in records if r["location"] is not None]}
        return JSONResponse(FeatureCollection.model_validate(body).model_dump(mode="json"),
                            media_type="application/geo+json", headers=headers)

    @app.get("/api/events/{event_id}", response_model=EventDetail, tags=["events"],
             responses={404: {"model": Problem, "description": "No such event."}})
    def get_event(
        event_id: Annotated[str, PathParam(max_length=64)],
        text: Annotated[bool, Query(description="Include each article's full text.")] = True,
    ) -> Any:
        """One event: its codes, its evidence, its mentions and the articles that report it
        (each once, with its text unless `text=false`).

        `event_id` is a cluster id, or the event id of one of its mentions.
        """
        with store.reading() as conn:
            record = q.find_event(conn, event_id, with_text=text)
        if record is None:
            raise HTTPException(404, detail=f"no event {event_id[:64]!r} in the store")
        return _detail(record)

    @app.get("/api/facets", response_model=Facets, tags=["events"], responses=BAD_REQUEST)
    def get_facets(f: Filters) -> Any:
        """What the matching events hold, for filter menus: countries, regions, types and
        actors with their event counts (the 50 commonest of each), and the date range."""
        with store.reading() as conn:
            return q.facets(conn, f)

    # -- the rest --

    @app.get("/api/health", response_model=Health, tags=["service"])
    def health() -> Any:
        """The server is up and the store readable; what it holds."""
        with store.reading() as conn:
            s = read.stats(conn)
        return {"version": __version__, "schema_version": s["schema_version"],
                "articles": s["articles"], "events": s["clusters"], "first_date": s["first_date"],
                "last_date": s["last_date"], "writes_enabled": bool(token)}

    @app.get("/api/actors/who", response_model=list[RoleHolder], tags=["actors"])
    def actors_who(
        role: Annotated[str, Query(pattern=ROLE, description="CODE.SECTOR, e.g. NER.GOV (sector * for any).")],
        on: Annotated[dt.date, Query(description="The day, YYYY-MM-DD.")],
    ) -> Any:
        """Who held a role on a date, and from which dictionary entry."""
        from harmattan.actors.resolver import default_resolver

        code, _, sector = role.replace(":", ".").partition(".")
        return [h.to_dict() for h in default_resolver().who(code.upper(), sector.upper(), on)]

    @app.post("/api/ingest", response_model=Job, status_code=202, tags=["write"],
              dependencies=[Depends(require_token)],
              responses={**WRITE_ERRORS, 429: {"model": Problem, "description": (
                  f"{MAX_PENDING_JOBS} ingest jobs are waiting already; try again later.")}})
    def ingest_articles(body: IngestRequest) -> Any:
        """Queue articles to code and store (the same path as `harmattan ingest`); answers 202
        with the job at once.  Follow it at `/api/jobs/{job_id}` (the `Location` header).

        A request is stored whole or not at all: an article that cannot be stored (no or an
        impossible date, characters the database refuses…) is answered 422 naming it and
        why, and nothing of the request is stored.  An article already stored (same text)
        is skipped.
        """
        from harmattan.ingest.readers import article_from_record
        from harmattan.schema import Reject
        from harmattan.store.ingest import checked

        # What can be told before coding is told now: 422 naming the article, nothing queued.
        records = [article_from_record(a.model_dump(), "api", i + 1, raw=None)
                   for i, a in enumerate(body.articles)]
        refused = [r for r in checked(records) if isinstance(r, Reject)]
        if refused:
            raise RecordsRefused(refused)
        return _queue_ingest(store, runner, body)

    @app.get("/api/jobs/{job_id}", response_model=Job, tags=["write"],
             responses={404: {"model": Problem, "description": "No such job."}})
    def get_job(job_id: Annotated[str, PathParam(max_length=32, pattern=r"^[0-9a-f]+$")]) -> Any:
        """An ingest job: queued, running, done (with its counts and rejects) or failed (with
        the reason)."""
        from harmattan.store import jobs

        with store.reading() as conn:
            found = jobs.job(conn, job_id)
        if found is None:
            raise HTTPException(404, detail=f"no ingest job {job_id!r} in the store")
        return found

    @app.post("/api/alerts/run", response_model=list[AlertOut], tags=["write", "alerts"],
              dependencies=[Depends(require_token)], responses=WRITE_ERRORS)
    def run_alerts(since: Since = None, until: Until = None) -> Any:
        """Check the anomaly baselines and the server's rules (`serve --rules`); store and
        return the new alerts.  `since`/`until` bound the events an alert may be about."""
        from harmattan import analysis

        _period(since, until)
        with ingest_lock:
            raised = analysis.run_alerts(store, rules=rules, since=since, until=until)
        if not raised:
            return []
        with store.reading() as conn:
            stored = {a["alert_id"]: a for a in analysis.list_alerts(conn, limit=None)}
        return [stored[a.alert_id] for a in raised if a.alert_id in stored]

    _analysis_routes(app, store)

    # -- the dashboard --

    if (WEB_DIR / "index.html").exists():
        app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")

        @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
        def dashboard() -> FileResponse:
            return FileResponse(WEB_DIR / "index.html", media_type="text/html")

    return app


def _job_runner(store: Store, token: str | None, command: list[str] | None) -> Any:
    """The ingest worker, on a server that takes writes (a token is set)."""
    if not token:
        return None
    from harmattan.interfaces.api_jobs import JOB_COMMAND, JobRunner

    return JobRunner(store, command or JOB_COMMAND)


def _queue_ingest(store: Store, runner: Any, body: IngestRequest) -> JSONResponse:
    """Queue an ingest request as a job: 202 with the job, or 429 when the queue is full."""
    from harmattan.store import jobs

    if jobs.waiting(store) >= MAX_PENDING_JOBS:
        return _problem(429, f"{MAX_PENDING_JOBS} ingest jobs are waiting already: try again "
                             "when one has finished (GET /api/jobs/{job_id})", {"Retry-After": "30"})
    job_id = jobs.submit(store, [a.model_dump() for a in body.articles])
    runner.wake()
    with store.reading() as conn:
        queued = jobs.job(conn, job_id)
    return JSONResponse(Job.model_validate(queued).model_dump(mode="json"), 202,
                        headers={"Location": f"/api/jobs/{job_id}"})


def _analysis_actor(value: str | None) -> str | None:
    """``NER.MIL`` / ``NER:MIL`` → ``NERMIL``, the code + sector prefix analysis matches."""
    return value.replace(".", "").replace(":", "") if value else None


def _period(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise _bad(f"since ({since}) is after until ({until})")


Since = Annotated[dt.date | None, Query(description="From this date (YYYY-MM-DD).")]
Until = Annotated[dt.date | None, Query(description="Up to this date (YYYY-MM-DD).")]
Interval = Annotated[Literal["day", "week"], Query(description="Days, or ISO weeks (periods start on Monday).")]
ActorQuery = Annotated[str | None, Query(pattern=ACTOR, description=(
    "An actor in either role: a code or code prefix (NER, NER.MIL) or an actor id (ECOWAS)."))]


def _alerts(conn: Any, since: dt.date | None, until: dt.date | None, country: str | None,
            limit: int) -> list[dict[str, Any]]:
    from harmattan import analysis

    if not country:
        return analysis.list_alerts(conn, since=since, until=until, limit=limit)
    wanted = country.upper()
    return [a for a in analysis.list_alerts(conn, since=since, until=until, limit=None)
            if a["country"] == wanted][:limit]


def _analysis_routes(app: FastAPI, store: Store) -> None:
    """Series, the dyadic index, the network and episodes (``harmattan.analysis``)."""
    from harmattan import analysis

    @app.get("/api/series", response_model=list[SeriesRow], tags=["analysis"], responses=BAD_REQUEST)
    def get_series(
        since: Since = None, until: Until = None,
        country: Annotated[str | None, Query(pattern=ISO3)] = None,
        admin1: Annotated[str | None, Query(max_length=100, pattern=PLAIN)] = None,
        actor: ActorQuery = None, interval: Interval = "week",
        by: Annotated[Literal["plover", "acled", "quad"], Query(description=(
            "One series per PLOVER type, ACLED type or quad class (Q0–Q4)."))] = "plover",
        unit: Annotated[Literal["cluster", "mention"], Query(description=(
            "Count events once (cluster) or once per report (mention)."))] = "cluster",
    ) -> Any:
        """Events per period and per type; periods and types without events are absent.
        Denied acts are not counted (docs/analysis.md)."""
        _period(since, until)
        with store.reading() as conn:
            return analysis.series(conn, since=since, until=until, country=country.upper() if country else None,
                                   admin1=admin1 or None, actor=_analysis_actor(actor),
                                   interval=interval, by=by, unit=unit)

    @app.get("/api/index", response_model=list[IndexRow], tags=["analysis"], responses=BAD_REQUEST)
    def get_index(
        a: Annotated[str, Query(pattern=ACTOR, description="One side: NER, NER.MIL, ECOWAS…")],
        b: Annotated[str, Query(pattern=ACTOR, description="The other side.")],
        since: Since = None, until: Until = None, interval: Interval = "week",
        directed: Annotated[bool, Query(description="Only events from a to b.")] = False,
    ) -> Any:
        """The conflict–cooperation score of a pair of actors per period: the mean Goldstein-style
        weight of their events, from −10 (most violent) to +10 (most cooperative)."""
        _period(since, until)
        with store.reading() as conn:
            return analysis.dyad_index(conn, _analysis_actor(a), _analysis_actor(b), since=since,
                                       until=until, interval=interval, directed=directed)

    @app.get("/api/network", response_model=Network, tags=["analysis"], responses=BAD_REQUEST)
    def get_network(
        since: Since = None, until: Until = None,
        country: Annotated[str | None, Query(pattern=ISO3)] = None,
        min_count: Annotated[int, Query(ge=1, le=100_000)] = 1,
        limit: Annotated[int, Query(ge=1, le=MAX_NETWORK_NODES, description=(
            "Keep the busiest actors (by event count) and the edges between them."))] = 100,
    ) -> Any:
        """Who acts on whom: actors as nodes, an edge per (source, target) pair with its
        event count and types."""
        _period(since, until)
        with store.reading() as conn:
            graph = analysis.network(conn, since=since, until=until,
                                     country=country.upper() if country else None, min_count=min_count)
        nodes = sorted(graph["nodes"], key=lambda n: (-n["count"], n["id"]))[:limit]
        kept = {n["id"] for n in nodes}
        edges = [e for e in graph["edges"] if e["source"] in kept and e["target"] in kept]
        return {"nodes": sorted(nodes, key=lambda n: n["id"]), "edges": edges,
                "truncated": len(nodes) < len(graph["nodes"])}

    @app.get("/api/alerts", response_model=list[AlertOut], tags=["alerts"], responses=BAD_REQUEST)
    def get_alerts(
        since: Since = None, until: Until = None,
        country: Annotated[str | None, Query(pattern=ISO3)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    ) -> Any:
        """Stored alerts (anomalies and rules that fired), newest period first, each with the
        events that raised it and their evidence.  `since`/`until` bound the alert's period."""
        _period(since, until)
        with store.reading() as conn:
            return _alerts(conn, since, until, country, limit)

    @app.get("/api/alerts.atom", tags=["alerts"], response_class=Response, responses={
        **BAD_REQUEST,
        200: {"content": {"application/atom+xml": {"schema": {"type": "string"}}},
              "description": "An Atom 1.0 feed, one entry per alert (for feed readers)."}})
    def get_alerts_atom(
        request: Request, since: Since = None, until: Until = None,
        country: Annotated[str | None, Query(pattern=ISO3)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    ) -> Response:
        """The same alerts as an Atom feed; entries link to `/api/alerts/{alert_id}`."""
        from harmattan.analysis.delivery import atom_feed

        _period(since, until)
        with store.reading() as conn:
            alerts = _alerts(conn, since, until, country, limit)
        return Response(atom_feed(alerts, base_url=request.app.state.base_url or str(request.base_url)),
                        media_type="application/atom+xml")

    @app.get("/api/alerts/{alert_id}", response_model=AlertOut, tags=["alerts"],
             responses={404: {"model": Problem, "description": "No such alert."}})
    def get_alert(alert_id: Annotated[str, PathParam(max_length=64, pattern=r"^[0-9a-f]+$")]) -> Any:
        """One alert with its events."""
        from sqlalchemy import select

        from harmattan.store import schema as t

        with store.reading() as conn:
            period = conn.execute(select(t.alerts.c.period)
                                  .where(t.alerts.c.alert_id == alert_id)).scalar()
            found = [] if period is None else [
                a for a in analysis.list_alerts(conn, since=dt.date.fromisoformat(period),
                                                until=dt.date.fromisoformat(period), limit=None)
                if a["alert_id"] == alert_id]
        if not found:
            raise HTTPException(404, detail=f"no alert {alert_id!r} in the store")
        return found[0]

    @app.get("/api/episodes", response_model=list[Episode], tags=["analysis"], responses=BAD_REQUEST)
    def get_episodes(
        since: Since = None, until: Until = None, actor: ActorQuery = None,
        window_days: Annotated[int, Query(ge=1, le=365)] = 30,
    ) -> Any:
        """Chains of events between the same two parties, each within `window_days` of the last."""
        _period(since, until)
        with store.reading() as conn:
            return analysis.episodes(conn, since=since, until=until, actor=_analysis_actor(actor),
                                     window_days=window_days)
