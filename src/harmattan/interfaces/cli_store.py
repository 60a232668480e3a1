"""The store's commands: ingest, watch, export, stats, changes, rejects.

Each command opens the store named by ``--db`` (default ``$HARMATTAN_DB`` or
``./harmattan.db``) and calls one library function; ``register(main)`` adds them to the
``harmattan`` group.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import click

from harmattan.errors import HarmattanError
from harmattan.interfaces.cli_cluster import cluster_options, cluster_spec
from harmattan.schema import Reject, parse_date

EXIT_REJECTS = 3


def _db_option(func: Any) -> Any:
    return click.option(
        "--db", default=None, envvar="HARMATTAN_DB", show_envvar=True,
        help="The store: a SQLite file path or a URL (sqlite:///x.db, postgresql://user@host/db). "
             "Default: ./harmattan.db.",
    )(func)


def _quiet_option(func: Any) -> Any:
    return click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr.")(func)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _moment(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.datetime | None:
    from harmattan.store.read import parse_moment

    try:
        return parse_moment(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _open(db: str | None, create: bool = False) -> Any:
    """Open the store; only the commands that write (``create=True``) may start a new one."""
    from harmattan.store import Store

    try:
        return Store.open(db, create=create)
    except HarmattanError as exc:
        raise click.ClickException(str(exc)) from None


def _filters(func: Any) -> Any:
    func = click.option("--as-of", "as_of", callback=_moment, default=None,
                        help="Read the store as it stood at this moment (ISO time, UTC unless "
                             "an offset is given).")(func)
    func = click.option("--country", default=None, help="Only events in this country (ISO3).")(func)
    func = click.option("--until", callback=_date, default=None, help="Events up to this date.")(func)
    func = click.option("--since", callback=_date, default=None, help="Events from this date.")(func)
    return func


def register(main: click.Group) -> None:
    """Add the store's commands to the ``harmattan`` command group."""
    for command in (ingest, watch, export, stats, changes, rejects):
        main.add_command(command)


# -- ingest ------------------------------------------------------------------------------------


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@_db_option
@click.option("--workers", type=int, default=None, help="Worker processes (default: the machine's cores).")
@click.option("--batch-size", type=int, default=16, show_default=True,
              help="Articles per batch (and per transaction).")
@click.option("--recode", is_flag=True,
              help="Code articles already stored again; changed events are revised, not overwritten.")
@click.option("--allow-undated", is_flag=True,
              help="Store articles without a date (partition 'undated') instead of rejecting them.")
@cluster_options
@_quiet_option
def ingest(inputs: tuple[str, ...], db: str | None, workers: int | None, batch_size: int,
           recode: bool, allow_undated: bool, scheduler: str | None, dask_local: str | None,
           quiet: bool) -> None:
    """Store and code articles from files and folders (.jsonl, .csv, .txt, .html).

    An article already in the store (same text) is skipped, so running the same command
    again after an interruption finishes the work.  Bad records go to the rejects table with
    their reason (see `harmattan rejects`); the exit status is 3 when anything was rejected.

    Example:

        harmattan ingest samples/ pages/ --db harmattan.db

        harmattan ingest archive/ --db postgresql://harmattan@db/events --dask local:2
    """
    from harmattan.ingest.readers import count_records
    from harmattan.interfaces.cli import _progress
    from harmattan.pipeline import default_workers
    from harmattan.store.ingest import ingest as run_ingest

    cluster = cluster_spec(scheduler, dask_local, workers)
    store = _open(db, create=True)

    def on_reject(record: Reject) -> None:
        if not quiet:
            click.echo(f"rejected {record.where()}: {record.reason}", err=True)

    try:
        with _progress(quiet, lambda: count_records(inputs, every_file=True)) as progress:
            done = 0

            def on_batch(so_far: Any) -> None:
                # Records dealt with: stored, already there, or rejected.
                nonlocal done
                now = so_far.articles + so_far.duplicates + so_far.rejects
                progress(now - done)
                done = now

            report = run_ingest(store, inputs,
                                workers=default_workers() if workers is None else workers,
                                batch_size=batch_size, recode=recode, allow_undated=allow_undated,
                                on_reject=on_reject, on_batch=on_batch, cluster=cluster)
    except HarmattanError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
    if not quiet:
        click.echo(
            f"{report.articles} articles stored, {report.duplicates} already there, "
            f"{report.events} events, {report.revised} revised, {report.withdrawn} withdrawn, "
            f"{report.rejects} rejected ({report.seconds:.1f}s) into {store.display_url}", err=True)
    if report.rejects:
        sys.exit(EXIT_REJECTS)


# -- watch -------------------------------------------------------------------------------------


@click.command()
@click.argument("feeds_file", metavar="FEEDS.yaml", type=click.Path(exists=True, dir_okay=False))
@_db_option
@click.option("--once", is_flag=True, help="Poll every feed once, store what is new, and exit.")
@click.option("--interval", type=float, default=None,
              help="Seconds between polls of a feed (default: the file's 'interval', else 900).")
@click.option("--rounds", type=int, default=None, help="Stop after this many rounds (default: run until stopped).")
@click.option("--workers", type=int, default=1, show_default=True, help="Worker processes for coding.")
@_quiet_option
def watch(feeds_file: str, db: str | None, once: bool, interval: float | None, rounds: int | None,
          workers: int, quiet: bool) -> None:
    """Poll RSS/Atom feeds; fetch, extract, code and store each new article.

    FEEDS.yaml lists the feeds: `feeds: [{url: ..., name: ...}]`, with optional
    `interval` (seconds), `rate_limit` (seconds between requests to one host), `timeout`
    and `retries`.  A feed that is down, malformed or returns junk is logged and retried
    with backoff; the others go on.  The exit status is 1 when every feed failed.

    Example:

        harmattan watch feeds.yaml --db harmattan.db --once
    """
    from harmattan.ingest.feeds import FeedWatcher, load_feeds_config
    from harmattan.interfaces.cli import _progress

    class CountingWatcher(FeedWatcher):
        """Counts the feeds it polls and those that failed (the exit status), and moves the
        progress bar a round at a time."""

        polled = failed = 0

        def poll(self, feeds: list[Any]) -> None:
            errors_before = self.totals["feed_errors"]
            try:
                super().poll(feeds)
            finally:
                self.polled += len(feeds)
                self.failed += self.totals["feed_errors"] - errors_before
                progress(len(feeds))

    try:
        config = load_feeds_config(Path(feeds_file))
    except HarmattanError as exc:
        raise click.ClickException(str(exc)) from None
    if interval is not None:
        config.interval = interval
    store = _open(db, create=True)

    def log(message: str) -> None:
        if not quiet:
            click.echo(message, err=True)

    n_rounds = 1 if once else rounds
    # A bar over the feeds to poll: with a number of rounds its total is known.
    bar_total = len(config.feeds) * n_rounds if n_rounds else None
    # SIGTERM (a service manager's stop) ends the watcher as Ctrl+C does: the batch in flight
    # rolls back, the store is closed (on SQLite, its log checkpointed) and the totals shown.
    previous = _on_sigterm(_interrupt)
    try:
        with _progress(quiet, lambda: bar_total, unit="feed") as progress:
            watcher = CountingWatcher(store, config, workers=workers, log=log)
            try:
                total = watcher.run(rounds=n_rounds)
            except KeyboardInterrupt:
                total = watcher.totals
    finally:
        store.close()
        _on_sigterm(previous)
    log(f"{total['articles']} articles stored, {total['events']} events, "
        f"{total['rejects']} rejected, {total['feed_errors']} feed errors")
    if watcher.polled and watcher.failed == watcher.polled:
        raise click.ClickException(
            f"every feed failed ({total['feed_errors']} errors, nothing fetched); "
            f"check the URLs in {feeds_file} and the network")


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _on_sigterm(handler: Any) -> Any:
    """Set the SIGTERM handler (main thread only); return the one it replaces."""
    import signal
    import threading

    if handler is None or threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, handler)


# -- export ------------------------------------------------------------------------------------


@click.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "geojson", "acled-csv",
                                                    "plover-json"]),
              default="jsonl", show_default=True, help="Output format.")
@_filters
@click.option("--mentions", is_flag=True,
              help="One row per article that reports an event, instead of one per event cluster.")
@click.option("--language", default=None, metavar="CODE",
              help="Only events of articles in this language (ISO 639-1, e.g. fr).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write here (default: stdout; Parquet needs a file).")
@_quiet_option
def export(db: str | None, fmt: str, since: dt.date | None, until: dt.date | None,
           country: str | None, as_of: dt.datetime | None, mentions: bool, language: str | None,
           output: str, quiet: bool) -> None:
    """Export events: one row per event cluster (or per mention with --mentions).

    A cluster row gives the event once, with n_sources, n_articles, the first and last
    report, every mention with its evidence, and the competing claims (fatalities as
    low/best/high, each claim with its source).  The export reads one consistent snapshot,
    even while an ingest is writing.

    Example:

        harmattan export --db harmattan.db --format acled-csv --country MLI --since 2023-01-01 -o mali.csv
    """
    from harmattan.store import read
    from harmattan.store.export import write_export

    if fmt == "parquet" and output == "-":
        raise click.UsageError("--format parquet needs -o FILE")
    store = _open(db)
    try:
        with store.reading() as conn:
            fetch = read.mentions if mentions else read.clusters
            records = fetch(conn, as_of=as_of, since=since, until=until, country=country,
                            language=language)
        records = [read.mention_record(r) for r in records] if mentions else records
        if output == "-":
            n = write_export(records, fmt, sys.stdout, clustered=not mentions)
        else:
            n = write_export(records, fmt, Path(output), clustered=not mentions)
    except HarmattanError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
    if not quiet:
        click.echo(f"{n} {'mentions' if mentions else 'event clusters'} exported", err=True)


# -- stats -------------------------------------------------------------------------------------


@click.command()
@_db_option
@click.option("--as-of", "as_of", callback=_moment, default=None,
              help="Count what the store held at this moment.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@_quiet_option
def stats(db: str | None, as_of: dt.datetime | None, as_json: bool, quiet: bool) -> None:
    """Count articles, events, clusters, stories and rejects in the store.

    Example:

        harmattan stats --db harmattan.db --json
    """
    from harmattan.store import read

    store = _open(db)
    try:
        with store.reading() as conn:
            numbers = read.stats(conn, as_of=as_of)
    finally:
        store.close()
    numbers["db"] = store.display_url
    if as_json:
        click.echo(json.dumps(numbers, indent=2))
        return
    for key, value in numbers.items():
        click.echo(f"{key:<22}{value}")


# -- changes -----------------------------------------------------------------------------------


@click.command()
@_db_option
@click.option("--since", "since", callback=_moment, required=True,
              help="List changes recorded after this moment (ISO date or time).")
@click.option("--until", "until", callback=_moment, default=None, help="…and up to this moment.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@_quiet_option
def changes(db: str | None, since: dt.datetime, until: dt.datetime | None, fmt: str, quiet: bool) -> None:
    """List events added, revised or withdrawn since a moment.

    A re-coding never overwrites: the older coding is closed and the new one recorded, so
    every change can be listed and every past state exported with --as-of.

    Example:

        harmattan changes --db harmattan.db --since 2024-05-01T00:00:00Z
    """
    from harmattan.store import read

    store = _open(db)
    try:
        with store.reading() as conn:
            rows = read.changes(conn, since, until)
    finally:
        store.close()
    if fmt == "table":
        for row in rows:
            click.echo(f"{row['at']}  {row['change']:<9} {row['event_id']}  {row['date'] or '?'}  "
                       f"{row['event_type'] or '-':<11} {row['article_id']}")
    else:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    if not quiet:
        click.echo(f"{len(rows)} changes", err=True)


# -- rejects -----------------------------------------------------------------------------------


@click.command()
@_db_option
@click.option("--run", "run_id", type=int, default=None, help="Only the rejects of this run.")
@click.option("--limit", type=int, default=None, help="At most this many.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@_quiet_option
def rejects(db: str | None, run_id: int | None, limit: int | None, fmt: str, quiet: bool) -> None:
    """List the records that could not be stored, with where they came from and why.

    Example:

        harmattan rejects --db harmattan.db --format jsonl
    """
    from harmattan.store import read

    store = _open(db)
    try:
        with store.reading() as conn:
            rows = read.reject_rows(conn, run_id=run_id, limit=limit)
    finally:
        store.close()
    for row in rows:
        if fmt == "jsonl":
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            where = row["origin"] + (f":{row['line']}" if row["line"] is not None else "")
            click.echo(f"{where}\t{row['record_id'] or '-'}\t{row['reason']}")
    if not quiet:
        click.echo(f"{len(rows)} rejects", err=True)
