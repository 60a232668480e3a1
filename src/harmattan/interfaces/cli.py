"""The ``harmattan`` command: a thin skin over the pipeline, the actors and the evaluation.

Every command takes ``--quiet``; every command's help ends with an example.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from harmattan import __version__
from harmattan.errors import HarmattanError, InputWarning
from harmattan.interfaces.cli_cluster import cluster_options, cluster_spec
from harmattan.schema import Event, Reject, parse_date

EXIT_REJECTS = 3


def _quiet_option(func: Any) -> Any:
    return click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary on stderr.")(func)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="harmattan")
def main() -> None:
    """Harmattan: dated news reports in, verifiable political and security events out."""
    # Input warnings (a CSV without a date column) are for the user: one plain line on stderr
    # each time, not Python's warning format.
    warnings.filterwarnings("always", category=InputWarning)
    warnings.showwarning = _show_warning


_python_showwarning = warnings.showwarning


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: IO[str] | None = None, line: str | None = None) -> None:
    if issubclass(category, InputWarning):
        click.echo(f"warning: {message}", err=True)
    else:
        _python_showwarning(message, category, filename, lineno, file, line)


# -- code --------------------------------------------------------------------------------------


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write events here (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True, help="JSON lines (the contract) or a readable table.")
@click.option("--rejects", type=click.Path(dir_okay=False), default=None,
              help="Write rejected records here as JSONL, with their reason.")
@click.option("--workers", type=int, default=None,
              help="Worker processes (default: the machine's cores).")
@click.option("--batch-size", type=int, default=16, show_default=True, help="Articles per batch.")
@cluster_options
@_quiet_option
def code(inputs: tuple[str, ...], output: str, fmt: str, rejects: str | None,
         workers: int | None, batch_size: int, scheduler: str | None, dask_local: str | None,
         quiet: bool) -> None:
    """Code articles into events, one JSON object per line.

    INPUTS are .jsonl, .csv, .txt or .html files, folders of these, or - for JSONL on stdin.
    A bad record (or a file that cannot be read) is reported with its file, line and reason,
    and the rest goes on; the exit status is 3 when anything was rejected.

    Example:

        harmattan code samples/ --format table

        harmattan code articles.jsonl -o events.jsonl --rejects rejects.jsonl

        harmattan code archive/ -o events.jsonl --scheduler tcp://10.0.0.5:8786
    """
    from harmattan.ingest.readers import count_records, read_inputs
    from harmattan.pipeline import code_records, default_workers

    cluster = cluster_spec(scheduler, dask_local, workers)
    from harmattan.events.coder import CoderSettings

    n_articles = n_events = 0
    not_coded: Counter[str] = Counter()  # articles in a language the coder does not read
    coded_languages = (None, *CoderSettings().languages)
    table_rows: list[Event] = []
    try:
        with RejectSink(rejects, quiet) as sink, _open_output(output) as out, \
                _progress(quiet, lambda: count_records(inputs)) as progress:

            def on_reject(record: Reject) -> None:
                sink(record)
                progress(1)  # a record of the input, read and set aside

            for result in code_records(read_inputs(inputs), on_reject,
                                       workers=default_workers() if workers is None else workers,
                                       batch_size=batch_size, cluster=cluster):
                for error in result.errors:
                    sink(error)
                n_articles += len(result.articles)
                n_events += len(result.events)
                not_coded.update(a.language for a in result.articles
                                 if a.language not in coded_languages)
                progress(len(result.articles))
                if fmt == "table":
                    table_rows.extend(result.events)
                else:
                    for event in result.events:
                        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            if fmt == "table":
                out.write(render_table(table_rows))
    except HarmattanError as exc:
        raise click.ClickException(str(exc)) from None
    if not quiet:
        for language, n in sorted(not_coded.items()):
            click.echo(f"{n} articles in {language!r} give no events: the event coder reads "
                       "English and French (docs/coder.md, \"Language\")", err=True)
        click.echo(f"{n_articles} articles, {n_events} events, {len(sink.rejected)} rejected",
                   err=True)
    if sink.rejected:
        sys.exit(EXIT_REJECTS)


class RejectSink:
    """Where a command's rejected records go: reported on stderr (unless quiet), kept as JSONL
    in ``path`` if given, and counted (the exit status says whether anything was rejected)."""

    def __init__(self, path: str | None, quiet: bool) -> None:
        self.path = path
        self.quiet = quiet
        self.rejected: list[Reject] = []
        self._file: IO[str] | None = None

    def __enter__(self) -> RejectSink:
        self._file = open(self.path, "w", encoding="utf-8") if self.path else None  # noqa: SIM115
        return self

    def __exit__(self, *exc: object) -> None:
        if self._file:
            self._file.close()

    def __call__(self, record: Reject) -> None:
        self.rejected.append(record)
        if not self.quiet:
            click.echo(f"rejected {record.where()}: {record.reason}", err=True)
        if self._file:
            self._file.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            self._file.flush()


@contextmanager
def _open_output(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
    else:
        with open(path, "w", encoding="utf-8") as handle:
            yield handle


@contextmanager
def _progress(quiet: bool, count: Any = None, unit: str = "article") -> Iterator[Any]:
    """A progress bar on stderr when it is a terminal: ``count()`` gives the total (counted
    only then, as it reads the input once more), so that the bar shows how far and how long.
    Yields ``update(n)``; nothing is drawn when quiet or when stderr is a file or a pipe."""
    if quiet or not sys.stderr.isatty():
        yield lambda n: None
        return
    from tqdm import tqdm

    total = count() if count else None
    with tqdm(total=total, unit=unit, file=sys.stderr, dynamic_ncols=True) as bar:
        yield bar.update


def _actors_text(actors: list[Any]) -> str:
    parts = []
    for actor in actors:
        label = actor.actor_id or actor.code or "?"
        if actor.code and actor.actor_id and actor.code not in {"IGO", "NGO"}:
            label = f"{actor.code}:{actor.actor_id}"
        parts.append(label + (f"/{actor.sector}" if actor.sector else ""))
    return ",".join(parts) or "-"


def render_table(events: list[Event]) -> str:
    """A readable table: date, who, what, to whom, flags, and the words that say so."""
    header = f"{'date':<10}  {'source':<16} {'event':<12} {'target':<22} {'q':>1} {'flags':<5} {'conf':>4}  evidence"
    lines = [header, "-" * len(header)]
    for e in events:
        flags = "".join(
            flag for flag, on in (("N", e.modality.negated), ("H", e.modality.hypothetical),
                                  ("F", e.modality.future)) if on
        ) or "-"
        etype = e.plover.event if e.plover else "(stmt)"
        context = "/".join(e.plover.context[:1]) if e.plover and e.plover.context else ""
        what = etype + (f":{context[:3]}" if context else "")
        snippet = e.evidence.sentence.replace("\n", " ")
        if len(snippet) > 70:
            snippet = snippet[:67] + "..."
        lines.append(
            f"{e.date or '?':<10}  {_actors_text(e.source)[:16]:<16} {what[:12]:<12} "
            f"{_actors_text(e.target)[:22]:<22} {e.cameo.quad_class:>1} {flags:<5} "
            f"{e.confidence:>4.2f}  [{e.evidence.start}:{e.evidence.end}] {snippet}"
        )
    lines.append(f"{len(events)} events (flags: N negated, H hypothetical, F future)")
    return "\n".join(lines) + "\n"


# -- actors ------------------------------------------------------------------------------------


@main.group()
def actors() -> None:
    """Look up the actor dictionary as it stood on a date."""


@actors.command("who")
@click.argument("code")
@click.argument("sector")
@click.option("--on", "on", callback=_date, required=True, help="The date, YYYY-MM-DD.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_quiet_option
def actors_who(code: str, sector: str, on: dt.date, fmt: str, quiet: bool) -> None:
    """Who held a role (country code + sector) on a date, and from which dictionary entry.

    Example:

        harmattan actors who NER GOV --on 2023-07-27
    """
    from harmattan.actors.resolver import default_resolver

    holders = default_resolver().who(code.upper(), sector.upper(), on)
    if fmt == "json":
        click.echo(json.dumps([_plain(h) for h in holders], ensure_ascii=False, indent=2))
        return
    if not holders:
        click.echo(f"nobody on record as {code.upper()} {sector.upper()} on {on.isoformat()}")
        return
    for h in holders:
        d = _plain(h)
        click.echo(f"{d.get('name')}\t{d.get('code')} {d.get('sector')}\t"
                   f"{d.get('start') or '…'} → {d.get('end') or '…'}\t{d.get('entry')}")


@actors.command("resolve")
@click.argument("text")
@click.option("--on", "on", callback=_date, default=None, help="The date, YYYY-MM-DD.")
@click.option("--country", default=None, help="The country the text is about (for bare agents).")
@_quiet_option
def actors_resolve(text: str, on: dt.date | None, country: str | None, quiet: bool) -> None:
    """Resolve a phrase to an actor code as it stood on a date (JSON).

    Example:

        harmattan actors resolve "General Tiani" --on 2023-11-08
    """
    from harmattan.actors.resolver import default_resolver

    actor = default_resolver().resolve_actor(text, on=on, context_country=country)
    if actor is None:
        click.echo(json.dumps({"text": text, "code": None, "reason": "no dictionary entry matches"}))
        sys.exit(1)
    click.echo(json.dumps(actor.to_dict(), ensure_ascii=False))


def _plain(obj: Any) -> dict[str, Any]:
    data = dict(vars(obj)) if not isinstance(obj, dict) else dict(obj)
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in data.items()}


# -- eval --------------------------------------------------------------------------------------


@main.command("eval")
@click.argument("kind", type=click.Choice(["plover", "quad", "geo", "acled", "acts"]))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--part", type=click.Choice(["heldout", "heldout2", "heldout3", "train", "quad-heldout",
                                          "quad-train", "all"]),
              default="heldout",
              show_default=True,
              help="acts, and acled on annotations/acled/labels.jsonl: which articles of the "
                   "annotations' split.json to score (heldout2, heldout3: the acts' second and "
                   "third held-out parts; quad-heldout, quad-train: the ACLED annotations' CAMEO "
                   "quad sentences).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--errors", type=click.Path(dir_okay=False), default=None,
              help="Write the misclassified records here (JSONL).")
@click.option("--cross-validated", "cross_validated", is_flag=True,
              help="On the model's own training sentences, use its out-of-fold predictions "
                   "(honest scores on the development data).")
@_quiet_option
def eval_command(kind: str, gold: str, part: str, as_json: bool, errors: str | None,
                 cross_validated: bool, quiet: bool) -> None:
    """Score the coder on gold records (per-class P/R/F1 and totals).

    plover: records {"id", "text", "date", "gold": {"event", "source", "target", ...}};
    quad: records {"id", "text", "quad_class"};
    geo: records {"id", "text", "toponyms": [{"start", "end", "lat", "lon", "geonameid"}]};
    acled: records {"id", "text", "acled": {"event_type", "sub_event_type"} | null}, or the
    stand-off labels of annotations/acled/labels.jsonl (the articles of --part);
    acts: stand-off sentence labels of real articles (annotations/acts/labels.jsonl), scored
    on the articles of --part (events on act sentences, act coverage, type, actor codes).

    Example:

    \b
        harmattan eval plover ../shared/data/plover-gold/dev.jsonl --cross-validated
        harmattan eval acts annotations/acts/labels.jsonl --part heldout
        harmattan eval acled ../shared/data/acled/case2021-task2-dev.jsonl --cross-validated
    """
    from harmattan.evaluation import evaluate_plover, evaluate_quad, load_gold
    from harmattan.pipeline import code_articles

    if cross_validated:
        from harmattan.events.classifier import CrossValidatedClassifier
        from harmattan.events.coder import EventCoder

        from harmattan.events.acled_model import AcledClassifier, default_model_dir

        # The ACLED classifier's own out-of-fold predictions, where it is shipped.
        acled = (AcledClassifier(cross_validated=True)
                 if (default_model_dir() / "weights.json").exists() else None)
        code_articles = EventCoder(classifier=CrossValidatedClassifier(),
                                   acled=acled).initialize().code

    try:
        if kind == "geo":
            from harmattan.geo import Geoparser
            from harmattan.geo.evaluate import evaluate_geo, load_geo_gold

            report = evaluate_geo(load_geo_gold(gold), Geoparser().initialize())
        elif kind == "acled":
            from harmattan.events.acled_eval import evaluate_acled, load_acled_gold

            report = evaluate_acled(load_acled_gold(gold, part), code_articles)
        elif kind == "acts":
            from harmattan.events.acts_eval import evaluate_acts
            from harmattan.training.act_gate import load_act_texts

            labels, texts = load_act_texts(Path(gold), part)
            report = evaluate_acts(labels, texts, code_articles)
        else:
            records = load_gold(gold, kind)
            report = (evaluate_plover if kind == "plover" else evaluate_quad)(records, code_articles)
    except HarmattanError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.render())
    if errors:
        with open(errors, "w", encoding="utf-8") as handle:
            for row in report.errors:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")


# -- train -------------------------------------------------------------------------------------


@main.command()
@click.argument("model", type=click.Choice(["events", "act-model", "gate", "acled"]),
                default="events")
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Where to write the model (default: the shipped model's folder).")
@click.option("--data", type=click.Path(file_okay=False), default=None,
              help="The development data folder (default: ../shared/data or $HARMATTAN_SHARED_DATA).")
@click.option("--cv", type=int, default=5, show_default=True,
              help="Cross-validation folds: scores and the out-of-fold predictions that "
                   "`eval --cross-validated` uses (0: the final model only, about 10 minutes).")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--min-event-probability", "min_event_probability", type=float, default=None,
              help="gate: train it on the sentences that reach it when the coder parses those "
                   "with this P(event) (default: the coder's setting).")
@click.option("--lexical", is_flag=True,
              help="gate: add the lexical head (words, bigrams, main verb, triggers).")
@click.option("--target-coverage", "target_coverage", type=float, default=None,
              help="gate: choose the threshold as the highest whose act coverage, the coder "
                   "run on the train articles with out-of-fold gates, reaches this (with the "
                   "act reader, 0.57 by default).")
@click.option("--no-act-model", "no_act_model", is_flag=True,
              help="gate: do not read the act reader (act-model.onnx), even where there is one.")
@_quiet_option
def train(model: str, out: str | None, data: str | None, cv: int, seed: int,
          min_event_probability: float | None, lexical: bool, target_coverage: float | None,
          no_act_model: bool, quiet: bool) -> None:
    """Train a model (needs the train extra: scripts/setup.sh --train).

    events (the default): the sentence event classifier.  act-model: the act reader
    (events/act_model.py), fine-tuned on the act annotations, with its out-of-fold readings
    for the gate (about 15 minutes on two cores; train the gate after it).  gate: the act gate and type head
    (events/gate.py) from the act annotations in annotations/acts/ (a few minutes; --cv is
    not used: its folds are fixed in the training code).  acled: the ACLED classifier
    (events/acled_model.py) from the CASE 2021 dev file, annotations/acled/ and the notes
    snippets (a few minutes; its folds are fixed too).

    Example:

    \b
        harmattan train --out /tmp/model --cv 0
        harmattan train act-model --out /tmp/gate
        harmattan train gate --out /tmp/gate
        harmattan train gate --lexical --target-coverage 0.72 --out /tmp/gate2
        harmattan train acled --out /tmp/acled

    Then: HARMATTAN_EVENT_MODEL=/tmp/model harmattan code samples/
    (HARMATTAN_GATE_MODEL=/tmp/gate for a gate; its metrics.json holds the coder's
    out-of-fold figures on the train articles at each threshold).
    """
    missing = missing_train_packages()
    if model in ("gate", "acled"):  # their logistic regressions need scikit-learn only
        missing = [p for p in missing if p == "scikit-learn"]
    if missing:
        raise click.ClickException(
            f"training needs the train extra, and {', '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} not installed; "
            "install it with: scripts/setup.sh --train"
        )
    if model == "acled":
        from harmattan.events.acled_model import ACLED_MODEL_DIR
        from harmattan.training.acled_classifier import train_acled
        from harmattan.training.act_gate import shared_data_dir

        report = train_acled(Path(data) if data else shared_data_dir(),
                             out_dir=Path(out) if out else ACLED_MODEL_DIR, seed=seed)
        click.echo(json.dumps(report, indent=2, default=str))
        return
    if model == "act-model":
        from harmattan.events.gate import GATE_DIR
        from harmattan.training.act_gate import shared_data_dir
        from harmattan.training.act_model import ActModelConfig, train_act_model

        report = train_act_model(Path(out) if out else GATE_DIR,
                                 data_dir=Path(data) if data else shared_data_dir(),
                                 config=ActModelConfig(seed=seed),
                                 log=(lambda _: None) if quiet else
                                 (lambda m: click.echo(m, err=True)))
        click.echo(json.dumps(report, indent=2, default=str))
        return
    if model == "gate":
        from harmattan.events.gate import GATE_DIR
        from harmattan.training.act_gate import shared_data_dir, train_act_gate

        report = train_act_gate(Path(data) if data else shared_data_dir(),
                                out_dir=Path(out) if out else GATE_DIR, seed=seed,
                                min_event_probability=min_event_probability,
                                lexical=lexical, target_coverage=target_coverage,
                                act_model=not no_act_model)
        click.echo(json.dumps(report, indent=2, default=str))
        return
    from harmattan.training import train_event_classifier
    from harmattan.events.classifier import SHIPPED_MODEL_DIR

    kwargs: dict[str, Any] = {"seed": seed, "cv_folds": cv,
                              "out_dir": Path(out) if out else SHIPPED_MODEL_DIR}
    if data:
        kwargs["data_dir"] = Path(data)
    result = train_event_classifier(**kwargs)
    click.echo(json.dumps(result, indent=2, default=str))


#: The modules `train` needs beyond the runtime (the ``train`` extra in pyproject.toml), with
#: the packages that install them.
TRAIN_MODULES = {"torch": "torch", "transformers": "transformers", "sklearn": "scikit-learn",
                 "onnx": "onnx"}


def missing_train_packages() -> list[str]:
    import importlib.util

    return [package for module, package in TRAIN_MODULES.items()
            if importlib.util.find_spec(module) is None]


# -- bench -------------------------------------------------------------------------------------


@main.command()
@click.option("--input", "input_path", type=click.Path(exists=True), default=None,
              help="Articles to code (default: ../shared/data/news/insightcrime-train.jsonl).")
@click.option("--limit", type=int, default=None, help="Code only the first N articles.")
@click.option("--workers", type=str, default="1,default", show_default=True,
              help="Comma-separated worker counts to measure ('default' = the machine's cores; "
                   "'dask:N' = on a Dask cluster of N local worker processes).")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.option("--store", "store_cost", is_flag=True,
              help="Measure `ingest` into SQLite against `code` alone on the same articles "
                   "(default --limit 200; the first --workers count).")
@click.option("--baseline", is_flag=True,
              help="Also time spaCy's small English pipeline alone over the same articles.")
@click.option("--memory-scale", "memory_scale", type=int, default=None, metavar="K",
              help="Measure peak memory on --limit articles (default 100) and on K times as many, "
                   "for each --workers count: flat memory gives a ratio close to 1.")
@_quiet_option
def bench(input_path: str | None, limit: int | None, workers: str, as_json: bool,
          store_cost: bool, baseline: bool, memory_scale: int | None, quiet: bool) -> None:
    """Measure coding speed (articles/s, tokens/s), peak memory and the time per stage.

    Each run is `harmattan code` in a fresh process; the time per stage (sentences, actors,
    model, parse, verbs, roles, ACLED, reading, writing...) is summed over its processes.

    Example:

        harmattan bench --limit 200 --workers 1,2

        harmattan bench --limit 100 --workers 2 --memory-scale 10
    """
    from harmattan.benchmarking import default_bench_input, render_stages, run_speed_benchmark

    path = Path(input_path) if input_path else default_bench_input()
    if input_path is None and not path.is_file():
        raise click.ClickException(
            f"no benchmark input at {path} (the shared news data is not beside this checkout); "
            "give one: --input FILE.jsonl (e.g. --input samples/sahel-2024.jsonl), "
            "or set HARMATTAN_SHARED_DATA to the shared data folder"
        )
    counts: list[tuple[int | None, str | None]] = []
    for item in workers.split(","):
        item = item.strip()
        if item.startswith("dask:"):
            counts.append((None, "local:" + item.removeprefix("dask:")))
        else:
            counts.append((None if item == "default" else int(item), None))
    if store_cost:
        from harmattan.pipeline import default_workers
        from harmattan.store.bench import render, run_store_benchmark

        result = run_store_benchmark(path, limit=limit or 200, workers=counts[0][0] or default_workers())
        click.echo(json.dumps(result, indent=2) if as_json else render(result))
        return
    if memory_scale:
        from harmattan.benchmarking import run_memory_benchmark

        memory = [run_memory_benchmark(path, limit or 100, n, scale=memory_scale, cluster=c)
                  for n, c in counts]
        if as_json:
            click.echo(json.dumps(memory, indent=2))
            return
        for m in memory:
            click.echo(f"workers={m['workers']}: {m['articles'][0]} articles peak RSS "
                       f"{m['peak_rss_mb'][0]} MB, {m['articles'][1]} articles {m['peak_rss_mb'][1]} MB: "
                       f"ratio {m['rss_ratio']:.2f}")
        return
    results = [run_speed_benchmark(path, limit=limit, workers=n, cluster=c) for n, c in counts]
    if baseline:
        from harmattan.benchmarking import run_spacy_baseline

        results.append(run_spacy_baseline(path, limit=limit))
    if as_json:
        click.echo(json.dumps(results, indent=2))
        return
    for r in results:
        click.echo(
            f"workers={r['workers']}: {r['articles']} articles in {r['seconds']:.1f}s = "
            f"{r['articles_per_s']:.2f} articles/s, {r.get('tokens_per_s', 0):.0f} tokens/s, "
            f"{r.get('events', '-')} events, peak RSS {r['peak_rss_mb']:.0f} MB"
        )
        if r.get("stage_shares"):
            click.echo(f"  time per stage: {render_stages(r)}")


def _register_extensions() -> None:
    """Commands that live next to their stage: geoparsing, the store."""
    from harmattan.interfaces import cli_alerts, cli_geo, cli_serve, cli_store

    cli_geo.register(main)
    cli_store.register(main)
    cli_serve.register(main)
    cli_alerts.register(main)


_register_extensions()

if __name__ == "__main__":  # pragma: no cover
    main()
