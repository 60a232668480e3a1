"""The Atom feed of alerts, the webhook against a real local HTTP server, and the CLI."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click
import feedparser
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from harmattan.analysis import list_alerts, run_alerts
from harmattan.analysis.delivery import atom_feed, deliver_webhook, target_key
from harmattan.interfaces.cli_alerts import register
from harmattan.store import Store
from harmattan.store import schema as t

from .builders import Spec, flat_store_with_surge, write_events
from .test_rules import CASES, EXAMPLE


class Receiver:
    """A local webhook: answers each request with the next planned status (then 200)."""

    def __init__(self, plan: list[int]) -> None:
        self.plan = list(plan)
        self.received: list[tuple[int, str, dict]] = []  # (status, alert id header, body)
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the http.server name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                status = receiver.plan.pop(0) if receiver.plan else 200
                receiver.received.append((status, self.headers["X-Harmattan-Alert-Id"], body))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def delivered(self) -> list[str]:
        return [alert_id for status, alert_id, _ in self.received if status == 200]


@pytest.fixture
def alerted(store: Store) -> Store:
    """A store with one anomaly and the three example rules' alerts."""
    flat_store_with_surge(store, 30)
    write_events(store, CASES)
    assert len(run_alerts(store, rules=EXAMPLE)) >= 4
    return store


def test_webhook_retries_delivers_each_alert_once_and_never_again(alerted: Store) -> None:
    with alerted.reading() as conn:
        stored = list_alerts(conn, limit=None)
    with Receiver([503]) as receiver:
        report = deliver_webhook(alerted, receiver.url, retries=2, backoff=0.01)
        again = deliver_webhook(alerted, receiver.url, retries=2, backoff=0.01)
    assert receiver.received[0][0] == 503
    assert receiver.received[1][1] == receiver.received[0][1]  # the same alert, retried
    assert sorted(receiver.delivered()) == sorted(a["alert_id"] for a in stored)
    assert len(receiver.received) == len(stored) + 1
    assert sorted(report.delivered) == sorted(a["alert_id"] for a in stored) and report.failed == {}
    assert again.delivered == [] and again.failed == {}
    # The body is the alert as list_alerts gives it, events and evidence included.
    bodies = {alert_id: body for status, alert_id, body in receiver.received if status == 200}
    for alert in stored:
        assert bodies[alert["alert_id"]] == json.loads(json.dumps(alert))
    with alerted.reading() as conn:
        rows = conn.execute(select(t.alert_deliveries)).all()
    assert len(rows) == len(stored)
    assert {r.target_key for r in rows} == {target_key(receiver.url)}
    assert sorted(r.attempts for r in rows) == [1] * (len(stored) - 1) + [2]


def test_an_undelivered_alert_is_sent_on_the_next_run(sqlite_store: Store) -> None:
    write_events(sqlite_store, CASES)
    raised = run_alerts(sqlite_store, rules=EXAMPLE)
    with Receiver([404]) as receiver:  # a 4xx is not retried
        first = deliver_webhook(sqlite_store, receiver.url, retries=3, backoff=0.01)
        second = deliver_webhook(sqlite_store, receiver.url, retries=3, backoff=0.01)
    assert list(first.failed.values()) == ["HTTP 404"]
    assert len(first.delivered) == len(raised) - 1
    assert second.delivered == list(first.failed)
    assert sorted(receiver.delivered()) == sorted(a.alert_id for a in raised)


def test_an_unreachable_webhook_fails_after_its_retries(sqlite_store: Store) -> None:
    write_events(sqlite_store, CASES)
    run_alerts(sqlite_store, rules=EXAMPLE)
    with Receiver([]) as receiver:
        url = receiver.url
    report = deliver_webhook(sqlite_store, url, retries=1, backoff=0.01, timeout=2)
    assert report.delivered == [] and len(report.failed) >= 3
    with sqlite_store.reading() as conn:
        assert conn.execute(select(t.alert_deliveries)).all() == []


def test_atom_feed_has_one_entry_per_alert(alerted: Store) -> None:
    with alerted.reading() as conn:
        stored = list_alerts(conn, limit=None)
    text = atom_feed(stored, base_url="https://harmattan.example.org/")
    feed = feedparser.parse(text)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Harmattan alerts"
    assert [e.id for e in feed.entries] == [f"urn:harmattan:alert:{a['alert_id']}" for a in stored]
    assert [e.title for e in feed.entries] == [a["title"] for a in stored]
    assert feed.entries[0].link == f"https://harmattan.example.org/api/alerts/{stored[0]['alert_id']}"
    anomaly = next(e for e, a in zip(feed.entries, stored, strict=True) if a["period"] == "2023-07-31")
    assert "observed 12, expected 2, surprise 5.86" in anomaly.summary
    assert "Event n" in anomaly.summary  # an evidence sentence
    assert json.loads(anomaly.content[0].value)["kind"] == "anomaly"
    assert feedparser.parse(atom_feed([], base_url="http://x")).entries == []
    assert feed.feed.id == "https://harmattan.example.org/api/alerts.atom"
    assert [link.href for link in feed.feed.links if link.rel == "self"] == \
        ["https://harmattan.example.org/api/alerts.atom"]


def test_two_runs_at_once_send_each_alert_once(alerted: Store) -> None:
    """Overlapping runs (two cron jobs, a slow receiver): the claim before each send keeps
    every alert to one POST."""
    with alerted.reading() as conn:
        stored = list_alerts(conn, limit=None)
    with Receiver([]) as receiver:
        original = receiver.server.RequestHandlerClass.do_POST

        def slow_post(handler) -> None:
            time.sleep(0.05)
            original(handler)

        receiver.server.RequestHandlerClass.do_POST = slow_post
        reports = []
        runs = [threading.Thread(target=lambda: reports.append(
            deliver_webhook(alerted, receiver.url, backoff=0.01))) for _ in range(2)]
        for run in runs:
            run.start()
        for run in runs:
            run.join()
    assert sorted(receiver.delivered()) == sorted(a["alert_id"] for a in stored)
    assert sorted(i for r in reports for i in r.delivered) == sorted(a["alert_id"] for a in stored)
    assert all(r.failed == {} for r in reports)


@pytest.fixture
def cli() -> click.Group:
    group = click.Group("harmattan")
    register(group)
    return group


def test_cli_raises_lists_and_sends_alerts(cli: click.Group, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    with Store.open(db) as store:
        flat_store_with_surge(store, 30)
    runner = CliRunner()
    first = runner.invoke(cli, ["alerts", "--db", db])
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines() == [
        "2023-07-31\tanomaly\tanomaly\tNER\t12/2\t5.86\t"
        "NER ASSAULT: 12 events in the week of 2023-07-31, 2.0 expected"]
    assert first.stderr == "1 new alerts, 1 listed\n"
    second = runner.invoke(cli, ["alerts", "--db", db, "--format", "jsonl"])
    assert second.stderr == "0 new alerts, 1 listed\n"
    record = json.loads(second.stdout)
    assert (record["period"], record["observed"], len(record["events"])) == ("2023-07-31", 12.0, 12)
    atom = runner.invoke(cli, ["alerts", "--db", db, "--format", "atom", "--quiet"])
    assert atom.stderr == ""
    assert len(feedparser.parse(atom.stdout).entries) == 1
    later = runner.invoke(cli, ["alerts", "--db", db, "--since", "2023-08-01", "-q"])
    assert later.exit_code == 0 and later.stdout == ""
    with Receiver([500]) as receiver:
        sent = runner.invoke(cli, ["alerts", "--db", db, "--webhook", receiver.url])
        resent = runner.invoke(cli, ["alerts", "--db", db, "--webhook", receiver.url])
    assert sent.exit_code == 0, sent.output
    assert f"1 delivered to {receiver.url}, 0 failed" in sent.stderr
    assert f"0 delivered to {receiver.url}, 0 failed" in resent.stderr
    assert [status for status, _, _ in receiver.received] == [500, 200]


def test_cli_with_rules_and_a_bad_rule_file(cli: click.Group, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    with Store.open(db) as store:
        write_events(store, [Spec("2024-03-01", "THREATEN", ["MLI REB JNIM"], ["MLI CVL"]),
                             Spec("2024-03-04", "ASSAULT", ["MLI REB JNIM"], ["MLI CVL"])])
    result = CliRunner().invoke(cli, ["alerts", "--db", db, "--rules", str(EXAMPLE), "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ("2024-03-04\trule\tthreat-then-assault\tMLI\t-\t-\t"
                             "threat-then-assault: ASSAULT between JNIM and MLI 3 days after THREATEN\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - {name: x, kind: surge}\n", encoding="utf-8")
    failed = CliRunner().invoke(cli, ["alerts", "--db", db, "--rules", str(bad)])
    assert failed.exit_code == 1
    assert "unknown kind 'surge'" in failed.output and "fix:" in failed.output


def test_atom_stays_xml_when_evidence_holds_control_characters(cli: click.Group, tmp_path: Path) -> None:
    from xml.etree import ElementTree as ET

    db = str(tmp_path / "ctl.db")
    with Store.open(db) as store:
        flat_store_with_surge(store, 30)
        with store.writing() as conn:  # a form feed and a NUL, as text pulled from a PDF holds
            for row in conn.execute(select(t.events.c.row_id, t.events.c.payload)).all():
                payload = json.loads(row.payload)
                payload["evidence"]["sentence"] = "Page one\x0cpage two\x01 end."
                conn.execute(t.events.update().where(t.events.c.row_id == row.row_id)
                             .values(payload=json.dumps(payload)))
    atom = CliRunner().invoke(cli, ["alerts", "--db", db, "--format", "atom", "--quiet"])
    assert atom.exit_code == 0, atom.output
    root = ET.fromstring(atom.stdout.encode())  # strict XML: raises on a control character
    summary = root.find("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}summary").text
    assert "Page one\ufffdpage two\ufffd end." in summary
    content = root.find("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}content").text
    assert json.loads(content)["events"][0]["evidence"][0]["sentence"] == "Page one\x0cpage two\x01 end."
