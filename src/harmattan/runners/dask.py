"""Run the coder on a Dask distributed cluster: the same pipeline over partitions of the input.

A partition is a run of consecutive articles of one input file with one publication date (at
most ``partition_size`` of them): for input sorted by date, as archives and news-feed dumps
are, that is a day of a file, cut into equal parts.  The client reads the input as a stream,
cuts it into partitions and sends each partition's articles to the cluster, so the workers need
no access to the input files.  Each worker process loads the coder once (a per-process cache)
and codes whole partitions.  At most ``window`` partitions are in flight, so memory stays flat
however long the input is, and results are taken in the order the partitions were cut — input
order — so ``code`` writes the same lines in the same order as a local run, and ``ingest``
commits partition after partition in the same order.

A worker that dies takes its running partition with it; the scheduler runs that partition again
on another worker, and the client takes each partition's result once: nothing is lost or
doubled.  With a store, a partition is committed in one transaction and the store skips articles
it holds already (same content hash), so re-running a failed job codes only what is missing.
"""

from __future__ import annotations

import functools
import logging
import os
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from harmattan import perf
from harmattan.errors import HarmattanError
from harmattan.schema import Article, Event, Reject

if TYPE_CHECKING:
    from harmattan.events.coder import EventCoder
    from harmattan.pipeline import BatchResult

#: Articles per partition, as in a local batch: scheduling a partition costs about 1 ms against
#: about 3 s of coding on one core (16 and 32 gave the same speed on 1,002 articles, 2 workers),
#: and a lost partition costs little to run again.
DEFAULT_PARTITION_SIZE = 16
UNDATED = "undated"


class ClusterError(HarmattanError):
    """The Dask cluster cannot be reached, or a partition failed on every try."""

    code = "E005"


@dataclass(frozen=True)
class Partition:
    """Consecutive articles of one input file and one date; ``key`` names it in the cluster."""

    key: str
    source: str
    date: str
    articles: list[Article]


def source_of(article: Article) -> str:
    """The input file an article was read from (``path:12`` → ``path``)."""
    origin = article.origin or "<input>"
    head, _, tail = origin.rpartition(":")
    return head if head and tail.isdigit() else origin


def partitions(records: Iterable[Article | Reject], size: int = DEFAULT_PARTITION_SIZE,
               on_reject: Callable[[Reject], None] = lambda r: None) -> Iterator[Partition]:
    """Cut ``records`` into partitions, in input order; rejects go to ``on_reject``."""
    current: list[Article] = []
    group: tuple[str, str] | None = None
    number = 0

    def close() -> Partition:
        nonlocal number
        number += 1
        source, date = group
        return Partition(f"{os.path.basename(source)}|{date}|{number:06d}", source, date,
                         list(current))

    for record in records:
        if isinstance(record, Reject):
            on_reject(record)
            continue
        this = (source_of(record), record.date_iso or UNDATED)
        if current and (this != group or len(current) >= size):
            yield close()
            current.clear()
        group = this
        current.append(record)
    if current:
        yield close()


# -- on the workers ------------------------------------------------------------------------------

_CODERS: dict[str, EventCoder] = {}


def _coder(factory: Callable[[], EventCoder] | None) -> EventCoder:
    """This worker process's coder, loaded on its first partition and kept."""
    from harmattan.runners.local import local_coder

    if factory is None:
        return local_coder()
    key = _factory_key(factory)
    if key not in _CODERS:
        _CODERS[key] = factory()
    return _CODERS[key]


def _factory_key(factory: Callable[..., Any]) -> str:
    """The same name for the same factory in every task, though each task unpickles its own
    copy (a function sent by value is a new object each time)."""
    if isinstance(factory, functools.partial):
        return f"{_factory_key(factory.func)}{factory.args!r}{sorted(factory.keywords.items())!r}"
    return f"{getattr(factory, '__module__', '')}.{getattr(factory, '__qualname__', repr(factory))}"


def code_partition(articles: list[Article], factory: Callable[[], EventCoder] | None = None
                   ) -> tuple[list[Event], list[Reject], dict[str, float]]:
    """Code one partition on a worker: its events in input order, the articles that failed,
    and the seconds spent in each stage (``harmattan.perf``)."""
    from harmattan.runners.local import code_batch_safely

    coder = _coder(factory)
    perf.take()  # loading the models is not a stage of this partition
    events, errors = code_batch_safely(coder, articles)
    return events, errors, perf.take()


# -- on the client -------------------------------------------------------------------------------


def parse_spec(spec: str) -> tuple[str, int | None]:
    """``local`` / ``local:N`` → ("local", N or None); ``tcp://host:port`` → (address, None)."""
    if spec == "local" or spec.startswith("local:"):
        _, _, count = spec.partition(":")
        if count and (not count.isdigit() or int(count) < 1):
            raise ClusterError(f"bad Dask cluster {spec!r}", fix="write local:N with N ≥ 1, e.g. local:2")
        return "local", int(count) if count else None
    if "://" not in spec:
        raise ClusterError(f"bad Dask scheduler address {spec!r}",
                           fix="give the scheduler's address, e.g. tcp://10.0.0.5:8786, or local:N")
    return spec, None


@contextmanager
def dask_client(spec: str) -> Iterator[Any]:
    """A ``distributed.Client`` for ``spec``: ``local:N`` starts a cluster of N worker processes
    (one thread each) on this machine for the duration; an address connects to a running one."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - a dependency, but say so plainly if it is missing
        raise ClusterError("Dask is not installed",
                           fix="pip install 'dask[distributed]' (or reinstall harmattan)") from None
    address, n_workers = parse_spec(spec)
    if address == "local":
        import dask

        from harmattan.pipeline import default_workers

        # Dask's statistical profiler walks the coding thread's stack every 10 ms: 1,002
        # articles took 122 s with it, 104 s without (docs/benchmarks.md); nobody reads its
        # profiles in a batch run.
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(n_workers=n_workers or default_workers(), threads_per_worker=1,
                                   processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR)
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(address, timeout="30s")
    except OSError as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}",
                           fix="check the address and that the scheduler is running") from None
    with client:
        yield client


def run_partitions(parts: Iterable[Partition], client: Any,
                   coder_factory: Callable[[], EventCoder] | None = None,
                   window: int | None = None) -> Iterator[BatchResult]:
    """Code ``parts`` on the cluster behind ``client``; one result per partition, in order."""
    from harmattan.pipeline import BatchResult

    if window is None:
        # Two partitions per worker thread: one running, one waiting, so no worker idles while
        # the client collects a result.
        window = 2 * max(1, sum(client.nthreads().values()))
    run = uuid.uuid4().hex[:8]
    pending: deque = deque()
    iterator = iter(parts)
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            part = next(iterator, None)
            if part is None:
                exhausted = True
                break
            future = client.submit(code_partition, part.articles, coder_factory,
                                   key=f"harmattan-{run}-{part.key}", pure=False)
            pending.append((part, future))
        if not pending:
            return
        part, future = pending.popleft()
        try:
            events, errors, seconds = future.result()
        except Exception as exc:  # noqa: BLE001 - reported with the partition that failed
            for _, other in pending:
                other.cancel()
            raise ClusterError(
                f"partition {part.key} ({len(part.articles)} articles from {part.source}) failed: "
                f"{exc!r}",
                fix="run the same command again (ingest skips what was stored); if it fails "
                    "again, code that file with --workers to see the error",
            ) from exc
        future.release()
        yield BatchResult(part.articles, events, errors, seconds)
