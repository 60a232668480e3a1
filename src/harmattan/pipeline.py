"""Compose the stages: read → code → write, in batches, keeping every reject.

This is the whole coder, top to bottom::

    records = read_inputs(paths)                  # ingest: Article | Reject
    for batch in batches(articles):               # bounded memory
        events = coder.code(batch)                # nlp → actors → events
        write(events)

``code_records`` is what the CLI, the benchmarks and the runners call; the ``runners``
package spreads the same batches over processes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from harmattan import perf
from harmattan.schema import Article, Event, Reject

DEFAULT_BATCH_SIZE = 16


@dataclass
class BatchResult:
    """What one batch gave: its articles' events, in input order."""

    articles: list[Article]
    events: list[Event] = field(default_factory=list)
    #: Articles that could be read but not coded, with the reason.
    errors: list[Reject] = field(default_factory=list)
    #: Seconds spent in each stage on this batch, wherever it ran (``harmattan.perf``).
    stage_seconds: dict[str, float] = field(default_factory=dict)


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def batches(records: Iterable[Article | Reject], size: int,
            on_reject: callable) -> Iterator[list[Article]]:
    """Group articles into batches; rejects go to ``on_reject`` as they are met."""
    batch: list[Article] = []
    for record in records:
        if isinstance(record, Reject):
            on_reject(record)
            continue
        batch.append(record)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def code_records(records: Iterable[Article | Reject], on_reject: callable,
                 workers: int | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
                 coder_factory: callable | None = None, cluster: str | None = None,
                 partition_size: int | None = None) -> Iterator[BatchResult]:
    """Code every article of ``records``; yield results batch by batch, in input order.

    By default the coder runs in this process, so that a plain script can call this without
    an ``if __name__ == "__main__":`` guard.  ``workers`` > 1 runs it in that many processes
    (each loads the models once); a script that asks for them needs the guard (without one,
    it is coded in this process, with a warning).
    ``cluster`` (``local:N`` or a scheduler address ``tcp://host:port``) runs it on a Dask
    cluster instead, one result per partition (articles of one file and one date).  The events
    are the same either way.

    Each result carries the seconds its batch spent in each stage; reading the input and what
    the caller does with each result (writing, storing) are counted too, as "read" and "write".
    With ``HARMATTAN_STAGE_TIMES=FILE`` the run's totals are written to FILE (JSON).
    """
    records = perf.timed_iter("read", records)
    totals: dict[str, float] = {}
    for result in _run(records, on_reject, workers, batch_size, coder_factory, cluster,
                       partition_size):
        perf.add(totals, result.stage_seconds)
        with perf.stage("write"):
            yield result
    perf.add(totals, perf.take())
    path = os.environ.get("HARMATTAN_STAGE_TIMES")
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"stage_seconds": totals}, handle, indent=2, sort_keys=True)


def _run(records: Iterable[Article | Reject], on_reject: callable, workers: int | None,
         batch_size: int, coder_factory: callable | None, cluster: str | None,
         partition_size: int | None) -> Iterator[BatchResult]:
    if cluster:
        from harmattan.runners import dask as dask_runner

        size = partition_size or dask_runner.DEFAULT_PARTITION_SIZE
        with dask_runner.dask_client(cluster) as client:
            yield from dask_runner.run_partitions(
                dask_runner.partitions(records, size, on_reject), client, coder_factory)
        return
    from harmattan.runners.local import run_batches

    workers = 1 if workers is None else workers
    yield from run_batches(batches(records, batch_size, on_reject), workers=workers,
                           coder_factory=coder_factory)


def code_articles(articles: list[Article]) -> list[Event]:
    """Code a few articles in this process (for the library and the tests)."""
    from harmattan.runners.local import local_coder

    return local_coder().code(articles)
