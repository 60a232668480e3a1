"""Where the coder's time goes: per-stage time accumulators, cheap enough to stay on.

Each stage's entry point is wrapped with :func:`timed` (or a ``with stage(name):`` block); the
time is *exclusive* — a stage called inside another is counted once, for itself — so the
shares add up.  A process's totals are taken (and reset) with :func:`take`; the runners send
them back with each batch and ``pipeline.code_records`` adds them up.  With
``HARMATTAN_STAGE_TIMES=FILE`` set, ``code_records`` writes the totals of a run to FILE as
JSON: that is how ``harmattan bench`` reads them from the ``harmattan code`` it runs.

About 1 µs per call; the busiest stage (actors) is called about 70 times per article.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from time import perf_counter
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: Seconds per stage in this process since the last :func:`take`.
_totals: dict[str, float] = {}
#: The stages running now, innermost last, each with the moment it (re)started counting.
_stack: list[list[Any]] = []


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Count the time of the block as ``name`` (minus any stage run inside it)."""
    now = perf_counter()
    if _stack:
        outer = _stack[-1]
        _totals[outer[0]] = _totals.get(outer[0], 0.0) + now - outer[1]
    _stack.append([name, now])
    try:
        yield
    finally:
        now = perf_counter()
        _, started = _stack.pop()
        _totals[name] = _totals.get(name, 0.0) + now - started
        if _stack:
            _stack[-1][1] = now


def timed(name: str) -> Callable[[F], F]:
    """Decorator: every call of the function counts as stage ``name``."""
    def wrap(func: F) -> F:
        @functools.wraps(func)
        def call(*args: Any, **kwargs: Any) -> Any:
            with stage(name):
                return func(*args, **kwargs)
        return call  # type: ignore[return-value]
    return wrap


def timed_iter(name: str, items: Iterator[Any]) -> Iterator[Any]:
    """``items``, with the time spent producing each item counted as stage ``name`` (for
    lazy producers such as spaCy's ``nlp.pipe``, whose work happens between the consumer's
    steps)."""
    iterator = iter(items)
    while True:
        with stage(name):
            try:
                item = next(iterator)
            except StopIteration:
                return
        yield item


def take() -> dict[str, float]:
    """This process's totals since the last call; the counters start again from zero."""
    totals = dict(_totals)
    _totals.clear()
    return totals


def add(into: dict[str, float], more: dict[str, float]) -> None:
    for name, seconds in more.items():
        into[name] = into.get(name, 0.0) + seconds
