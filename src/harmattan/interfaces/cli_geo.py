"""``harmattan geoparse``: every place an article names, resolved offline to GeoNames.

``register(main)`` adds the command to the ``harmattan`` group (cli.py calls it).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from harmattan.errors import HarmattanError
from harmattan.schema import Article, Reject

EXIT_REJECTS = 3


def register(main: click.Group) -> None:
    """Add the geo commands to the ``harmattan`` command group."""
    main.add_command(geoparse)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write one JSON line per article here (default: stdout).")
@click.option("--rejects", type=click.Path(dir_okay=False), default=None,
              help="Write rejected records here as JSONL, with their reason.")
@click.option("--places", "places_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="A places.yaml of your own places (default: $HARMATTAN_GEO_PLACES).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes that geoparse in parallel (default: the machine's cores).")
@click.option("--ner", is_flag=True,
              help="Also read spaCy's place entities as candidates: a few more places found, "
                   "about a quarter of the speed (docs/geo.md).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary on stderr.")
def geoparse(inputs: tuple[str, ...], output: str, rejects: str | None,
             places_file: str | None, workers: int | None, ner: bool, quiet: bool) -> None:
    """Find and resolve the places each article names, one JSON object per line.

    Each line is {"article_id", "places": [{"text", "start", "end", "geonameid", "name",
    "lat", "lon", "country", "admin1", "admin2", "feature_code", "score"}]}.  INPUTS are
    .jsonl, .csv or .txt files, folders of these, or - for JSONL on stdin.  A bad record is
    reported with its file, line and reason, and the rest goes on; the exit status is 3 when
    anything was rejected.  No network is used.

    Example:

        harmattan geoparse articles.jsonl -o places.jsonl --rejects rejects.jsonl --workers 2
    """
    from harmattan.geo.parser import Geoparser, parse_articles
    from harmattan.ingest.readers import count_records, read_inputs
    from harmattan.interfaces.cli import RejectSink, _open_output, _progress
    from harmattan.pipeline import default_workers

    n_articles = n_places = 0
    try:
        Geoparser(user_places=places_file).initialize()  # a bad places file fails here, once
        with RejectSink(rejects, quiet) as on_reject, _open_output(output) as out, \
                _progress(quiet, lambda: count_records(inputs)) as progress:

            def articles() -> Iterator[Article]:
                for record in read_inputs(inputs, dates=False):  # a geoparser needs no date
                    if isinstance(record, Reject):
                        on_reject(record)
                        progress(1)
                    else:
                        yield record

            for record, places in parse_articles(articles(), workers or default_workers(),
                                                 user_places=places_file, ner=ner):
                n_articles += 1
                n_places += len(places)
                progress(1)
                line = {"article_id": record.id, "places": [p.to_dict() for p in places]}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
    except HarmattanError as exc:
        raise click.ClickException(str(exc)) from None
    if not quiet:
        click.echo(f"{n_articles} articles, {n_places} places, {len(on_reject.rejected)} rejected",
                   err=True)
    if on_reject.rejected:
        sys.exit(EXIT_REJECTS)
