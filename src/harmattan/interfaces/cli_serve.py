"""``harmattan serve``: the REST API and the dashboard over a store.

``register(main)`` adds the command to the ``harmattan`` group.  The server is uvicorn running
``harmattan.interfaces.api.create_app``; ``--ingest`` first stores articles (skipping those
already there) and raises the alerts they call for, so one command takes a fresh machine to a
dashboard with data.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

import click

from harmattan.errors import HarmattanError


#: How long a stopping server lets requests in flight finish.
GRACEFUL_SHUTDOWN_SECONDS = 3


def register(main: click.Group) -> None:
    """Add ``serve`` to the ``harmattan`` command group."""
    main.add_command(serve)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_unspecified(host: str) -> bool:
    """0.0.0.0 or :: — every interface: no one address that users reach the server by."""
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def _base_url(value: str | None) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise click.BadParameter(f"{value!r} is not an http(s) URL such as https://events.example.org/")
    return value.strip()


def allowed_host_names(host: str, base_url: str | None, extra: tuple[str, ...] | list[str] = ()) -> list[str]:
    """The names ``serve`` answers to: its address, the loopback names, the base URL's host,
    those given; with every interface, this machine's name too."""
    from harmattan.interfaces.api import host_of

    names = [host, "localhost", "127.0.0.1", "::1"]
    if _is_unspecified(host):
        names.append(socket.gethostname())
    if base_url:
        names.append(host_of(urlsplit(base_url).netloc))
    names.extend(h for value in extra for h in value.replace(",", " ").split())
    return list(dict.fromkeys(n.lower() for n in names if n))


@click.command()
@click.option("--db", default=None, envvar="HARMATTAN_DB", show_envvar=True,
              help="The store: a SQLite file path or a URL (sqlite:///x.db, postgresql://user@host/db). "
                   "Default: ./harmattan.db.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--token", default=None, envvar="HARMATTAN_API_TOKEN", show_envvar=True,
              help="Bearer token that enables the write endpoints (POST /api/ingest); without "
                   "one they are refused.")
@click.option("--ingest", "inputs", multiple=True, type=click.Path(exists=True),
              help="Store these files or folders first (articles already stored are skipped). "
                   "Repeatable.")
@click.option("--rules", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Analyst alert rules (YAML, docs/alerts.md) checked with the anomaly baselines "
                   "after --ingest and by POST /api/alerts/run.")
@click.option("--base-url", default=None, envvar="HARMATTAN_BASE_URL", show_envvar=True,
              callback=lambda ctx, param, value: _base_url(value),
              help="The address users reach the server by, e.g. https://events.example.org/ "
                   "(behind a proxy); links in the Atom feed start with it. Default: "
                   "http://HOST:PORT/.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, envvar="HARMATTAN_ALLOWED_HOSTS",
              show_envvar=True,
              help="Another name the server answers to in the Host header (repeatable; "
                   "'*.example.org' for its subdomains, '*' for any). It always answers to the "
                   "--host address, localhost, 127.0.0.1, ::1 and the --base-url host; other "
                   "names are refused (400), which stops DNS rebinding.")
@click.option("--quiet", "-q", is_flag=True, help="Only warnings and errors on stderr.")
def serve(db: str | None, host: str, port: int, token: str | None, inputs: tuple[str, ...],
          rules: str | None, base_url: str | None, allowed_hosts: tuple[str, ...], quiet: bool) -> None:
    """Serve the dashboard at / and the REST API at /api (OpenAPI at /openapi.json).

    --ingest stores articles first (skipping those already stored) and raises the alerts
    they call for.  Read endpoints are open to whoever can reach the server, so it listens
    on loopback unless --host says otherwise.  See docs/api.md and docs/dashboard.md.

    Example:

        harmattan serve --ingest samples/ --port 8000
    """
    import uvicorn

    from harmattan.interfaces.api import create_app
    from harmattan.store import Store

    if rules:
        from harmattan.analysis import load_rules

        # A bad rule file stops the server before it starts, not at the first alert run.
        try:
            load_rules(rules)
        except HarmattanError as exc:
            raise click.ClickException(str(exc)) from None
    try:
        store = Store.open(db)
    except HarmattanError as exc:
        raise click.ClickException(str(exc)) from None
    if inputs:
        from harmattan.store.ingest import ingest

        def on_reject(record: object) -> None:
            if not quiet:
                click.echo(f"rejected {record.where()}: {record.reason}", err=True)  # type: ignore[attr-defined]

        try:
            report = ingest(store, inputs, workers=1, on_reject=on_reject)
        except HarmattanError as exc:
            store.close()
            raise click.ClickException(str(exc)) from None
        from harmattan.analysis import run_alerts

        raised = run_alerts(store, rules=rules)
        if not quiet:
            click.echo(f"{report.articles} articles stored, {report.duplicates} already there, "
                       f"{report.events} events, {report.rejects} rejected into {store.display_url}; "
                       f"{len(raised)} new alerts", err=True)
    if not _is_loopback(host):
        click.echo(f"warning: listening on {host}: anyone who can reach it can read the store",
                   err=True)
    shown = f"[{host}]" if ":" in host else host
    if base_url is None and not _is_unspecified(host):
        base_url = f"http://{shown}:{port}/"
    hosts = allowed_host_names(host, base_url, allowed_hosts)
    if not _is_loopback(host) and not quiet:
        click.echo(f"answering to the hosts {', '.join(hosts)} (add others with --allowed-host)",
                   err=True)
    # The app opens the store again and closes it (a SQLite checkpoint) when the server stops:
    # uvicorn ends a SIGTERM by raising the signal again, so no ``finally`` here would run.
    store.close()
    app = create_app(store.url, token=token, rules=rules, base_url=base_url, allowed_hosts=hosts)
    if not quiet:
        click.echo(f"Harmattan dashboard: http://{shown}:{port}/  (API: /api, stop: Ctrl+C)", err=True)
    # SIGTERM or Ctrl+C: requests in flight get a few seconds, then the ingest worker is
    # stopped and its job marked failed (docs/api.md, "Ingest jobs"); the app's shutdown closes
    # the store (on SQLite, its log checkpointed).
    uvicorn.run(app, host=host, port=port, log_level="warning" if quiet else "info",
                access_log=not quiet, timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS)
