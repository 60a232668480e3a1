"""Raise alerts (anomalies and analyst rules), keep them in the store, read them back.

``run_alerts`` reads the store's event clusters once, computes the anomaly alerts
(``anomaly.py``) and the alerts of each rule of a rule file (``rules.py``), and inserts those
not stored yet.  An alert's id is a hash of its rule and what it fired on, so running again —
on the same data or after more articles came in — never raises the same alert twice; it
returns only the alerts that are new.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from harmattan.analysis.anomaly import anomalies
from harmattan.analysis.data import occurrences
from harmattan.analysis.rules import evaluate, load_rules
from harmattan.schema import Alert
from harmattan.store import Store, read
from harmattan.store import schema as t
from harmattan.store.store import utcnow

_CHUNK = 500


def detect(store: Store, *, rules: str | Path | None = None, since: dt.date | None = None,
           until: dt.date | None = None, anomaly_threshold: float = 4.0,
           anomaly_min_count: int = 3) -> list[Alert]:
    """Every alert the store's data raises for events between ``since`` and ``until``
    (stored or not), anomalies first, then each rule's in file order."""
    loaded = load_rules(rules) if rules is not None else []
    with store.reading() as conn:
        items = occurrences(conn)
    found = anomalies(items, since=since, until=until, min_count=anomaly_min_count,
                      threshold=anomaly_threshold)
    for rule in loaded:
        found.extend(evaluate(rule, items, since=since, until=until))
    return found


def run_alerts(store: Store, *, rules: str | Path | None = None, since: dt.date | None = None,
               until: dt.date | None = None) -> list[Alert]:
    """Compute anomalies and rule alerts, store the new ones, return them (oldest period first).

    ``rules`` is a YAML rule file (``docs/alerts.md``); without it only anomalies are raised.
    ``since``/``until`` bound the dates of the events an alert is about; the whole store is
    still read, as history for baselines and for "never before".
    """
    found = detect(store, rules=rules, since=since, until=until)
    unique: dict[str, Alert] = {}
    for alert in found:
        unique.setdefault(alert.alert_id, alert)
    with store.writing() as conn:
        now = utcnow()
        stored = _existing(conn, sorted(unique))
        fresh = [a for a in unique.values() if a.alert_id not in stored]
        for alert in fresh:
            alert.created_at = now
        if fresh:
            # A concurrent run may have stored some of them meanwhile: keep only ours.
            inserted = set(conn.execute(_insert_ignore(conn).returning(t.alerts.c.alert_id),
                                        [_row(a) for a in fresh]).scalars())
            fresh = [a for a in fresh if a.alert_id in inserted]
    fresh.sort(key=lambda a: (a.period, a.kind, a.rule, a.alert_id))
    return fresh


def _existing(conn: Connection, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk in read.iter_chunks(ids, _CHUNK):
        found.update(conn.execute(select(t.alerts.c.alert_id).where(t.alerts.c.alert_id.in_(chunk))).scalars())
    return found


def _insert_ignore(conn: Connection) -> Any:
    # Two runs at once: the second's insert of the same alert is a no-op, not an error.
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(t.alerts).on_conflict_do_nothing(index_elements=["alert_id"])
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(t.alerts).on_conflict_do_nothing(index_elements=["alert_id"])


def _row(alert: Alert) -> dict[str, Any]:
    return {
        "alert_id": alert.alert_id, "kind": alert.kind, "rule": alert.rule, "title": alert.title,
        "period": alert.period, "country": alert.country, "expected": alert.expected,
        "observed": alert.observed, "surprise": alert.surprise,
        "cluster_ids": json.dumps(alert.cluster_ids), "created_at": alert.created_at,
        "details": json.dumps(alert.details, sort_keys=True, ensure_ascii=False, default=str),
    }


def alert_from_row(row: Any) -> Alert:
    return Alert(alert_id=row.alert_id, kind=row.kind, rule=row.rule, title=row.title,
                 period=row.period, country=row.country, expected=row.expected,
                 observed=row.observed, surprise=row.surprise,
                 cluster_ids=json.loads(row.cluster_ids), created_at=row.created_at,
                 details=json.loads(row.details) if row.details else {})


def list_alerts(conn: Connection, *, since: dt.date | None = None, limit: int | None = 100,
                until: dt.date | None = None) -> list[dict[str, Any]]:
    """Stored alerts, newest period first, each with its events and their evidence.

    ``since``/``until`` bound the alert's period.  Each alert is ``Alert.to_dict()`` plus
    ``events``: ``[{"cluster_id", "date", "event_type", "country", "evidence": [{"sentence",
    "article_id", "source", "url"}]}]`` — the clusters in force that raised it, with every
    report's evidence sentence.
    """
    stmt = select(t.alerts).order_by(t.alerts.c.period.desc(), t.alerts.c.created_at.desc(),
                                     t.alerts.c.alert_id)
    if since is not None:
        stmt = stmt.where(t.alerts.c.period >= since.isoformat())
    if until is not None:
        stmt = stmt.where(t.alerts.c.period <= until.isoformat())
    if limit:
        stmt = stmt.limit(limit)
    alerts = [alert_from_row(row) for row in conn.execute(stmt)]
    events = _events(conn, sorted({c for a in alerts for c in a.cluster_ids}))
    result = []
    for alert in alerts:
        record = alert.to_dict()
        record["events"] = [events[c] for c in alert.cluster_ids if c in events]
        result.append(record)
    return result


def _events(conn: Connection, cluster_ids: list[str]) -> dict[str, dict[str, Any]]:
    rows: dict[str, list[Any]] = defaultdict(list)
    for chunk in read.iter_chunks(cluster_ids, _CHUNK):
        stmt = (select(t.events.c.cluster_id, t.events.c.event_id, t.events.c.date,
                       t.events.c.event_type, t.events.c.country, t.events.c.payload,
                       t.articles.c.article_id, t.articles.c.source, t.articles.c.url,
                       t.articles.c.date.label("article_date"))
                .join(t.articles, t.articles.c.article_pk == t.events.c.article_pk)
                .where(read.current_at(None), t.events.c.cluster_id.in_(chunk))
                .order_by(t.events.c.cluster_id, t.articles.c.date, t.events.c.event_id))
        for row in conn.execute(stmt):
            rows[row.cluster_id].append(row)
    result = {}
    for cluster_id, members in rows.items():
        lead = members[0]
        result[cluster_id] = {
            "cluster_id": cluster_id, "date": lead.date, "event_type": lead.event_type or None,
            "country": lead.country,
            "evidence": [{"sentence": json.loads(m.payload)["evidence"]["sentence"],
                          "article_id": m.article_id, "source": m.source, "url": m.url}
                         for m in members],
        }
    return result
