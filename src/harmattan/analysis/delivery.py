"""Alerts out of the store: an Atom feed, and a webhook that receives each alert once.

``deliver_webhook`` POSTs every stored alert not yet delivered to that URL as JSON (the
record ``list_alerts`` gives, with its events and evidence), retrying a timeout, a refused
connection, a 5xx or a 429 with exponential backoff.  Each alert is claimed in
``alert_deliveries`` before it is sent (the table's primary key makes the claim atomic), so
neither a rerun nor two runs at once send an alert twice to the same URL; a failed send
removes the claim, and a claim left by a run that died before sending expires after 15
minutes.  (The one gap: a crash between the receiver's answer and the record.  Each request
carries the alert id in ``X-Harmattan-Alert-Id`` so a receiver can drop a repeat.)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree as ET

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from harmattan import __version__
from harmattan.analysis.alerts import list_alerts
from harmattan.store import Store
from harmattan.store import schema as t
from harmattan.store.store import utcnow

ATOM = "http://www.w3.org/2005/Atom"
#: What XML 1.0 cannot hold at all, even escaped: C0 controls but tab and newlines, lone
#: surrogates, U+FFFE and U+FFFF.  An evidence sentence may carry a form feed from a PDF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_RETRY_STATUS = {429, 500, 502, 503, 504}


def atom_feed(alerts: list[dict[str, Any]], *, base_url: str) -> str:
    """An Atom 1.0 feed with one entry per alert (records as ``list_alerts`` gives them).

    Entry ids are ``urn:harmattan:alert:<alert_id>``, stable across runs; links point to
    ``<base_url>/api/alerts/<alert_id>``.  The feed's ``updated`` is its newest alert's.
    """
    base = base_url.rstrip("/")
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", f"{base}/api/alerts.atom")
    _text(feed, "title", "Harmattan alerts")
    stamps = [a["created_at"] for a in alerts if a.get("created_at")]
    _text(feed, "updated", max(stamps) if stamps else "1970-01-01T00:00:00Z")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=f"{base}/api/alerts.atom", rel="self")
    _text(feed, "generator", "Harmattan").set("version", __version__)
    for alert in alerts:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", f"urn:harmattan:alert:{alert['alert_id']}")
        _text(entry, "title", alert["title"])
        _text(entry, "updated", alert.get("created_at") or f"{alert['period']}T00:00:00Z")
        ET.SubElement(entry, f"{{{ATOM}}}link", href=f"{base}/api/alerts/{alert['alert_id']}",
                      rel="alternate")
        ET.SubElement(entry, f"{{{ATOM}}}category", term=xml_safe(alert["kind"]),
                      label=xml_safe(alert["rule"]))
        _text(entry, "summary", _summary(alert))
        content = _text(entry, "content", json.dumps(alert, ensure_ascii=False, sort_keys=True))
        content.set("type", "application/json")
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = xml_safe(value)
    return element


def xml_safe(value: str) -> str:
    """``value`` with each character XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", value)


def _summary(alert: dict[str, Any]) -> str:
    lines = [alert["title"]]
    if alert.get("expected") is not None and alert.get("surprise") is not None:
        lines.append(f"observed {alert['observed']:g}, expected {alert['expected']:g}, "
                     f"surprise {alert['surprise']:g}")
    for event in alert.get("events", [])[:5]:
        sentence = event["evidence"][0]["sentence"] if event.get("evidence") else ""
        lines.append(f"{event['date']} {event['event_type']}: {sentence}")
    return "\n".join(lines)


@dataclass
class DeliveryReport:
    url: str
    delivered: list[str] = field(default_factory=list)
    #: alert id → the last error, for alerts still undelivered after every retry.
    failed: dict[str, str] = field(default_factory=dict)


def target_key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def deliver_webhook(store: Store, url: str, *, retries: int = 3, timeout: float = 10.0,
                    backoff: float = 1.0, since: dt.date | None = None) -> DeliveryReport:
    """POST each stored alert not yet delivered to ``url`` (oldest first); record each success.

    An attempt that times out, cannot connect, or gets a 5xx or 429 is retried up to
    ``retries`` more times, waiting ``backoff × 2^n`` seconds; another 4xx is not retried.  An
    alert that still fails is left for the next run.
    """
    key = target_key(url)
    with store.reading() as conn:
        pending = [a for a in reversed(list_alerts(conn, since=since, limit=None))]
    report = DeliveryReport(url)
    for alert in pending:
        if not _claim(store, alert["alert_id"], key, url):
            continue  # delivered already, or being sent by another run right now
        attempts, error = _post(url, alert, retries=retries, timeout=timeout, backoff=backoff)
        cell = (t.alert_deliveries.c.alert_id == alert["alert_id"]) & (t.alert_deliveries.c.target_key == key)
        with store.writing() as conn:
            if error is not None:
                conn.execute(t.alert_deliveries.delete().where(cell))
            else:
                conn.execute(t.alert_deliveries.update().where(cell).values(
                    attempts=attempts, delivered_at=utcnow()))
        if error is not None:
            report.failed[alert["alert_id"]] = error
        else:
            report.delivered.append(alert["alert_id"])
    return report


#: A claim (a row with no attempt recorded) older than this was left by a run that died
#: before sending: the alert may be claimed again.
STALE_CLAIM = dt.timedelta(minutes=15)


def _claim(store: Store, alert_id: str, key: str, url: str) -> bool:
    """Record that this run is sending ``alert_id`` to ``url``, before it does; False when
    another run has delivered it or is sending it.  The primary key makes the claim atomic,
    so two runs at once never both send an alert."""
    cell = (t.alert_deliveries.c.alert_id == alert_id) & (t.alert_deliveries.c.target_key == key)
    try:
        with store.writing() as conn:
            held = conn.execute(select(t.alert_deliveries.c.attempts, t.alert_deliveries.c.delivered_at)
                                .where(cell)).first()
            if held is not None:
                if held.attempts > 0 or utcnow() - held.delivered_at < STALE_CLAIM:
                    return False
                conn.execute(t.alert_deliveries.delete().where(cell))
            conn.execute(t.alert_deliveries.insert().values(
                alert_id=alert_id, target_key=key, target=url, attempts=0, delivered_at=utcnow()))
        return True
    except IntegrityError:
        return False


def _post(url: str, alert: dict[str, Any], *, retries: int, timeout: float,
          backoff: float) -> tuple[int, str | None]:
    """(attempts made, None on success or the last error)."""
    body = json.dumps(alert, ensure_ascii=False, sort_keys=True).encode("utf-8")
    error = "not attempted"
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(backoff * 2 ** (attempt - 1))
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": "application/json", "User-Agent": f"harmattan/{__version__}",
            "X-Harmattan-Alert-Id": alert["alert_id"]})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                answer.read()
            return attempt + 1, None
        except urllib.error.HTTPError as exc:
            error = f"HTTP {exc.code}"
            if exc.code not in _RETRY_STATUS:
                return attempt + 1, error
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            error = str(getattr(exc, "reason", exc))
    return retries + 1, error
