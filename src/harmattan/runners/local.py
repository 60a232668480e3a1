"""Run the coder over batches in this process or in a pool of worker processes.

Each worker loads the models once (in the pool initializer) and codes whole batches; at most
``2 × workers`` batches are in flight, so memory stays flat however long the input is, and
results come back in input order, so the output is the same with 1 or N workers.
"""

from __future__ import annotations

import ast
import functools
import multiprocessing as mp
import os
import sys
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from harmattan import perf
from harmattan.schema import Article, Event, Reject

if TYPE_CHECKING:
    from harmattan.events.coder import EventCoder
    from harmattan.pipeline import BatchResult

_WORKER_CODER: EventCoder | None = None


@functools.lru_cache(maxsize=1)
def local_coder() -> EventCoder:
    from harmattan.events.coder import EventCoder

    return EventCoder().initialize()


def _make_default_coder() -> EventCoder:
    return local_coder()


_WORKER_ERROR: BaseException | None = None


def _init_worker(factory: Callable[[], EventCoder]) -> None:
    # A failing pool initializer would make multiprocessing start new workers for ever: keep
    # the error and raise it with the first batch instead, in the parent.
    global _WORKER_CODER, _WORKER_ERROR
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    try:
        _WORKER_CODER = factory()
    except Exception as exc:  # noqa: BLE001 - re-raised by _code_batch
        _WORKER_ERROR = exc


def _code_batch(batch: list[Article]) -> tuple[list[Event], list[Reject], dict[str, float]]:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    assert _WORKER_CODER is not None
    events, errors = code_batch_safely(_WORKER_CODER, batch)
    return events, errors, perf.take()


def code_batch_safely(coder: EventCoder, batch: list[Article]) -> tuple[list[Event], list[Reject]]:
    """Code a batch; if it fails, code its articles one by one and reject only the culprit.

    An article's events depend on that article only (the sentence model reads each sentence
    alone), so how the input is cut into batches or partitions never changes them.  Two
    versions of an article (same id) are coded in separate calls: the coder groups a call's
    sentences by article id.
    """
    events: list[Event] = []
    errors: list[Reject] = []
    for group in _unique_id_groups(batch):
        group_events, group_errors = _code_group(coder, group)
        events.extend(group_events)
        errors.extend(group_errors)
    return events, errors


def _unique_id_groups(batch: list[Article]) -> list[list[Article]]:
    """Consecutive runs of ``batch`` in which no article id repeats."""
    groups: list[list[Article]] = [[]]
    seen: set[str] = set()
    for article in batch:
        if article.id in seen:
            groups.append([])
            seen = set()
        groups[-1].append(article)
        seen.add(article.id)
    return [g for g in groups if g]


@perf.timed("other")
def _code_group(coder: EventCoder, batch: list[Article]) -> tuple[list[Event], list[Reject]]:
    try:
        return coder.code(batch), []
    except Exception:  # noqa: BLE001 - one bad article must not sink its batch
        events: list[Event] = []
        errors: list[Reject] = []
        for article in batch:
            try:
                events.extend(coder.code([article]))
            except Exception as exc:  # noqa: BLE001
                errors.append(Reject(article.origin or "<input>", f"coding failed: {exc!r}",
                                     record_id=article.id))
        return events, errors


def unguarded_main_script() -> str | None:
    """The running script's path, if worker processes would run it again on start-up.

    Worker processes (forkserver, spawn) import the parent's main script before they work;
    unless its top-level code sits under ``if __name__ == "__main__":`` that import runs it
    again (a module run with ``-m`` too, unless it is a package's ``__main__``); ``python -c``
    and interactive sessions are safe.
    """
    main = sys.modules.get("__main__")
    if main is None:
        return None
    spec = getattr(main, "__spec__", None)
    if spec is not None:
        # Run with -m: workers import the module by name, except a package's __main__.
        if spec.name == "__main__" or spec.name.endswith(".__main__"):
            return None
        path = spec.origin
    else:
        path = getattr(main, "__file__", None)
    if not path:
        return None
    try:
        tree = ast.parse(open(path, "rb").read())  # noqa: SIM115 - read whole, closed at once
    except (OSError, SyntaxError, ValueError):
        return path
    return None if any(_is_main_guard(node) for node in tree.body) else path


def _is_main_guard(node: ast.stmt) -> bool:
    if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare):
        return False
    names = [node.test.left, *node.test.comparators]
    return (any(isinstance(n, ast.Name) and n.id == "__name__" for n in names)
            and any(isinstance(n, ast.Constant) and n.value == "__main__" for n in names))


def run_batches(batches: Iterable[list[Article]], workers: int = 1,
                coder_factory: Callable[[], EventCoder] | None = None) -> Iterator[BatchResult]:
    from harmattan.pipeline import BatchResult

    factory = coder_factory or _make_default_coder
    if workers > 1 and (script := unguarded_main_script()):
        # Each worker process would run the caller's script again from the top, start its own
        # pool and never finish starting: code here instead of hanging.
        warnings.warn(
            f"{script} calls Harmattan with {workers} workers but has no "
            "`if __name__ == \"__main__\":` guard, so each worker process would run it again; "
            "coding in this process instead (put the script's work under that guard to use "
            "workers)", RuntimeWarning, stacklevel=3)
        workers = 1
    if workers <= 1:
        coder = factory()
        for batch in batches:
            events, errors = code_batch_safely(coder, batch)
            yield BatchResult(batch, events, errors, perf.take())
        return
    context = mp.get_context("forkserver" if os.name == "posix" else "spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(factory,)) as pool:
        pending: deque = deque()
        iterator = iter(batches)
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2 * workers:
                try:
                    batch = next(iterator)
                except StopIteration:
                    exhausted = True
                    break
                pending.append((batch, pool.apply_async(_code_batch, (batch,))))
            if not pending:
                break
            batch, result = pending.popleft()
            events, errors, seconds = result.get()
            yield BatchResult(batch, events, errors, seconds)
