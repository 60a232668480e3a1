"""Stage time accumulators: exclusive time, so that the shares add up."""

from __future__ import annotations

import pytest

from harmattan import perf


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    now = [0.0]
    monkeypatch.setattr(perf, "perf_counter", lambda: now[0])
    perf.take()
    return now


def test_a_stage_inside_another_is_counted_once(clock: list[float]) -> None:
    with perf.stage("outer"):
        clock[0] += 1.0
        with perf.stage("inner"):
            clock[0] += 2.0
        clock[0] += 4.0
    assert perf.take() == {"outer": 5.0, "inner": 2.0}
    assert perf.take() == {}


def test_timed_and_timed_iter_count_their_calls(clock: list[float]) -> None:
    @perf.timed("work")
    def work(seconds: float) -> float:
        clock[0] += seconds
        return seconds

    def produce():
        for seconds in (0.5, 1.5):
            clock[0] += seconds
            yield seconds

    assert work(3.0) == 3.0
    for _ in perf.timed_iter("produce", produce()):
        clock[0] += 10.0  # the consumer's own time is not the producer's
    assert perf.take() == {"work": 3.0, "produce": 2.0}


def test_add_sums_totals() -> None:
    totals = {"model": 1.0}
    perf.add(totals, {"model": 2.0, "parse": 1.0})
    assert totals == {"model": 3.0, "parse": 1.0}
