"""``harmattan alerts``: raise anomaly and rule alerts, list them, send them to a webhook.

A thin layer over ``harmattan.analysis``: ``run_alerts`` stores what is new, ``list_alerts``
reads them back, ``atom_feed`` and ``deliver_webhook`` take them out.  ``register(main)`` adds
the command to the ``harmattan`` group.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import click

from harmattan.errors import HarmattanError
from harmattan.interfaces.cli_store import _date, _db_option, _open, _quiet_option


def register(main: click.Group) -> None:
    """Add ``alerts`` to the ``harmattan`` command group."""
    main.add_command(alerts)


@click.command()
@_db_option
@click.option("--rules", type=click.Path(exists=True, dir_okay=False), default=None,
              help="A YAML file of analyst rules (see docs/alerts.md). Without it only anomalies "
                   "are raised.")
@click.option("--since", callback=_date, default=None,
              help="Alerts about events from this date (the whole store is still the history).")
@click.option("--until", callback=_date, default=None, help="Alerts about events up to this date.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "atom"]), default="table",
              show_default=True, help="How to print the alerts.")
@click.option("--base-url", default="http://localhost:8000", show_default=True,
              help="Where the API serves alerts: the links of the Atom feed.")
@click.option("--webhook", default=None,
              help="POST each alert not yet sent there as JSON (retried; never sent twice).")
@_quiet_option
def alerts(db: str | None, rules: str | None, since: dt.date | None, until: dt.date | None,
           fmt: str, base_url: str, webhook: str | None, quiet: bool) -> None:
    """Raise anomaly and rule alerts on the store, then list the alerts of the period.

    New alerts are stored (an alert is never raised twice); the output lists every stored
    alert about events between --since and --until, newest first, with its events and their
    evidence (jsonl, atom).  With --webhook, alerts not yet delivered to that URL are POSTed;
    the exit status is 1 when some could not be delivered.

    Example:

        harmattan alerts --rules rules.yaml --since 2024-01-01

        harmattan alerts --webhook https://hooks.example.org/harmattan --quiet

        harmattan alerts --format atom > alerts.atom
    """
    from harmattan.analysis import list_alerts, run_alerts
    from harmattan.analysis.delivery import deliver_webhook

    store = _open(db)
    try:
        fresh = run_alerts(store, rules=rules, since=since, until=until)
        with store.reading() as conn:
            listed = list_alerts(conn, since=since, until=until, limit=None)
        report = deliver_webhook(store, webhook, since=since) if webhook else None
    except HarmattanError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
    _print(listed, fmt, base_url)
    if not quiet:
        click.echo(f"{len(fresh)} new alerts, {len(listed)} listed", err=True)
        if report is not None:
            click.echo(f"{len(report.delivered)} delivered to {webhook}, {len(report.failed)} failed",
                       err=True)
    if report is not None and report.failed:
        first = next(iter(report.failed.items()))
        raise click.ClickException(f"{len(report.failed)} alerts could not be delivered to {webhook} "
                                   f"(first: {first[0]}: {first[1]}); they are sent on the next run")


def _print(listed: list[dict[str, Any]], fmt: str, base_url: str) -> None:
    from harmattan.analysis.delivery import atom_feed

    if fmt == "atom":
        click.echo(atom_feed(listed, base_url=base_url), nl=False)
        return
    for alert in listed:
        if fmt == "jsonl":
            click.echo(json.dumps(alert, ensure_ascii=False, sort_keys=True))
            continue
        numbers = "-"
        if alert["expected"] is not None:
            numbers = f"{alert['observed']:g}/{alert['expected']:g}"
        surprise = f"{alert['surprise']:g}" if alert["surprise"] is not None else "-"
        click.echo("\t".join([alert["period"], alert["kind"], alert["rule"], alert["country"] or "-",
                              numbers, surprise, alert["title"]]))
