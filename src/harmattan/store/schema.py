"""The store's tables, as they stand at the newest migration (SQLAlchemy Core).

The same tables serve SQLite and PostgreSQL.  Times are naive UTC.  Rows are keyed by
publication day (``partition_key``: ``YYYY-MM-DD``, or ``undated``) so that a day can be
reprocessed, exported or counted on its own.

Events are bitemporal: ``valid_from`` is when a coding was recorded and ``valid_to`` when a
later coding replaced or withdrew it (``NULL`` while it is current).  A row is never updated in
any other way and never deleted, so the store can be read as it stood at any past moment.

``migrations.py`` builds these tables step by step (each table, column or index added after
version 1 carries ``info={"since": N}``); a test checks that a store built by the first version
and upgraded in place has exactly these tables.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

#: ``info`` of a table, column or index added after the first version: the migration that adds
#: it.  Everything untagged is version 1.  See ``migrations.py``.
V2 = {"since": 2}
V3 = {"since": 3}
V4 = {"since": 4}
V5 = {"since": 5}

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", Text, nullable=False),
    Column("applied_at", DateTime, nullable=False),
)

runs = Table(
    "runs", metadata,
    Column("run_id", Integer, primary_key=True),
    Column("command", String(32), nullable=False),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("status", String(16), nullable=False),  # running | done | failed
    Column("harmattan_version", String(32), nullable=False),
    Column("coder_version", String(64)),
    Column("config", Text),  # JSON: the options the run was started with
    Column("model_versions", Text),  # JSON: {package: version}
    Column("n_read", Integer, nullable=False, default=0),
    Column("n_articles", Integer, nullable=False, default=0),
    Column("n_duplicates", Integer, nullable=False, default=0),
    Column("n_events", Integer, nullable=False, default=0),
    Column("n_rejects", Integer, nullable=False, default=0),
)

articles = Table(
    "articles", metadata,
    Column("article_pk", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("article_id", String(512), nullable=False),
    Column("partition_key", String(10), nullable=False),
    Column("date", Date),
    Column("title", Text),
    Column("url", Text),
    Column("source", String(512)),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("origin", Text),
    Column("status", String(16), nullable=False),  # coded | failed
    Column("run_id", Integer, ForeignKey("runs.run_id"), nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    # Near-duplicate linking (migration 2).
    Column("story_id", String(64), info=V2),
    Column("minhash", LargeBinary, info=V2),
    Index("ix_articles_partition", "partition_key"),
    Index("ix_articles_article_id", "article_id"),
    Index("ix_articles_ingested_at", "ingested_at"),
    Index("ix_articles_story", "story_id", info=V2),
    Index("ix_articles_url", "url", info=V3),
)

events = Table(
    "events", metadata,
    Column("row_id", Integer, primary_key=True),
    Column("event_id", String(64), nullable=False),
    Column("article_pk", Integer, ForeignKey("articles.article_pk"), nullable=False),
    Column("partition_key", String(10), nullable=False),
    Column("date", String(10)),
    Column("event_type", String(16), nullable=False),  # PLOVER event, or "" for statements
    Column("quad_class", Integer),
    Column("cameo_code", String(8)),
    Column("country", String(3)),
    Column("fatalities", Integer),
    Column("confidence", Float),
    Column("coder_version", String(64)),
    Column("payload", Text, nullable=False),  # the contract v3 JSON of the event
    Column("valid_from", DateTime, nullable=False),
    Column("valid_to", DateTime),
    Column("run_id", Integer, ForeignKey("runs.run_id"), nullable=False),
    # The event cluster this mention belongs to (migration 2).
    Column("cluster_id", String(64), info=V2),
    Index("ix_events_event_id", "event_id", "valid_to"),
    Index("ix_events_article", "article_pk"),
    Index("ix_events_partition", "partition_key"),
    Index("ix_events_valid_from", "valid_from"),
    Index("ix_events_valid_to", "valid_to"),
    Index("ix_events_cluster", "cluster_id", info=V2),
    # The API's filtered pages group the events in force by cluster: this index holds every
    # column they read for a date, country or type filter, so the rows (with their payload)
    # are not read (docs/benchmarks.md, "API read speed").
    Index("ix_events_listing", "valid_to", "country", "date", "event_type", "cluster_id",
          "event_id", info=V5),
)

actors = Table(
    "actors", metadata,
    Column("row_id", Integer, ForeignKey("events.row_id"), primary_key=True, autoincrement=False),
    Column("role", String(8), primary_key=True),  # source | target
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("text", Text),
    Column("code", String(16)),
    Column("sector", String(16)),
    Column("actor_id", String(256)),
    Column("entry", String(256)),
    Index("ix_actors_code", "code", "sector"),
)

places = Table(
    "places", metadata,
    Column("row_id", Integer, ForeignKey("events.row_id"), primary_key=True, autoincrement=False),
    Column("name", Text),
    Column("country", String(3)),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("precision", String(32)),
    Column("geonames_id", String(32)),
    Index("ix_places_country", "country"),
)

rejects = Table(
    "rejects", metadata,
    Column("reject_pk", Integer, primary_key=True),
    # sha256 of origin, line, record id, reason and raw record: the same bad record read
    # twice (a re-run) is kept once.
    Column("reject_key", String(64), nullable=False, unique=True),
    Column("origin", Text, nullable=False),
    Column("line", Integer),
    Column("record_id", Text),
    Column("reason", Text, nullable=False),
    Column("raw", Text),
    Column("run_id", Integer, ForeignKey("runs.run_id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

# -- migration 2: stories and event clusters -------------------------------------------------

#: One row per (LSH band bucket, article): ``bucket`` is ``"<band>:<hash of the band>"``.
article_bands = Table(
    "article_bands", metadata,
    Column("bucket", String(24), primary_key=True),
    Column("article_pk", Integer, ForeignKey("articles.article_pk"), primary_key=True,
           autoincrement=False),
    info=V2,
)

event_clusters = Table(
    "event_clusters", metadata,
    Column("cluster_id", String(64), primary_key=True),
    Column("date", String(10)),
    Column("event_type", String(16), nullable=False),
    Column("created_at", DateTime, nullable=False),
    info=V2,
)

#: The keys under which later mentions find a cluster (see ``harmattan.dedup.clusters``).
cluster_keys = Table(
    "cluster_keys", metadata,
    Column("key", String(64), primary_key=True),
    Column("cluster_id", String(64), ForeignKey("event_clusters.cluster_id"), nullable=False),
    info=V2,
)

# -- migration 3: feed polling state ---------------------------------------------------------

#: What ``harmattan watch`` knows of each feed between polls (conditional GET, backoff).
feed_state = Table(
    "feed_state", metadata,
    Column("feed_url", String(2048), primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled_at", DateTime),
    Column("last_status", Text),
    Column("failures", Integer, nullable=False, default=0),
    info=V3,
)

# -- migration 4: alerts ---------------------------------------------------------------------

#: Alerts raised by ``harmattan.analysis`` (anomalies and analyst rules).  ``alert_id`` is a
#: hash of the rule and what it fired on, so raising the same alert again inserts nothing.
alerts = Table(
    "alerts", metadata,
    Column("alert_id", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),  # anomaly | rule
    Column("rule", String(128), nullable=False),
    Column("title", Text, nullable=False),
    Column("period", String(10), nullable=False),  # day or Monday of the week it is about
    Column("country", String(3)),
    Column("expected", Float),
    Column("observed", Float),
    Column("surprise", Float),
    Column("cluster_ids", Text, nullable=False),  # JSON list of event cluster ids
    Column("details", Text),  # JSON: what the rule or model saw
    Column("created_at", DateTime, nullable=False),
    Index("ix_alerts_period", "period"),
    Index("ix_alerts_created_at", "created_at"),
    info=V4,
)

#: Which alert was delivered to which webhook (``target_key``: sha256 of the URL), so that no
#: alert is sent twice to the same place.
alert_deliveries = Table(
    "alert_deliveries", metadata,
    Column("alert_id", String(64), ForeignKey("alerts.alert_id"), primary_key=True),
    Column("target_key", String(64), primary_key=True),
    Column("target", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("delivered_at", DateTime, nullable=False),
    info=V4,
)

# -- migration 5: the API's listing of event clusters ----------------------------------------

#: One row per event cluster with a mention in force: its listing as ``GET /api/events``
#: answers it (``query.listing``), kept up to date by every write (``query.refresh_listings``).
#: Derived data: ``date`` is the earliest date of its mentions in force (the order of a page).
#: Computing a listing reads every mention of its cluster, so it is done when a cluster
#: changes, not on every read (docs/benchmarks.md, "API read speed").
cluster_listings = Table(
    "cluster_listings", metadata,
    Column("cluster_id", String(64), primary_key=True),
    Column("date", String(10)),
    Column("listing", Text, nullable=False),  # JSON
    Index("ix_cluster_listings_date", "date", "cluster_id"),
    info=V5,
)

#: ``POST /api/ingest`` requests, coded one after the other by a worker process beside the
#: server (``harmattan.store.jobs``).  ``request`` holds the articles until the job ends.
ingest_jobs = Table(
    "ingest_jobs", metadata,
    Column("job_id", String(32), primary_key=True),
    Column("status", String(16), nullable=False),  # queued | running | done | failed
    Column("created_at", DateTime, nullable=False),
    Column("started_at", DateTime),
    Column("finished_at", DateTime),
    Column("n_articles", Integer, nullable=False),
    Column("request", Text),  # JSON list of articles (the input format); NULL once finished
    Column("result", Text),  # JSON: the ingest report and the rejected articles
    Column("error", Text),
    Index("ix_ingest_jobs_status", "status", "created_at"),
    info=V5,
)
