"""The same events on a Dask cluster as in one process or with --workers, and a worker killed
in the middle of a run loses and doubles nothing."""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

import distributed
import pytest
from click.testing import CliRunner

from harmattan.interfaces.cli import main
from harmattan.runners import dask as dask_runner
from harmattan.schema import Article, Event, Reject
from harmattan.store import Store
from harmattan.store.ingest import ingest

pytestmark = [pytest.mark.models, pytest.mark.slow]



@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each, as ``--dask local:2`` starts them."""
    import cloudpickle

    # The killing coder below is defined here; the workers cannot import this test module, so
    # its functions travel by value.
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local, distributed.Client(local) as client:
        yield client
    cloudpickle.unregister_pickle_by_value(sys.modules[__name__])


def _lines(events: list[Event]) -> str:
    return "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in events)


def test_partitions_follow_files_and_dates(runner_articles: list[Article]) -> None:
    parts = list(dask_runner.partitions([*runner_articles, Reject("x.jsonl", "bad", 3)], size=5))
    assert [a for p in parts for a in p.articles] == runner_articles
    for part in parts:
        assert 1 <= len(part.articles) <= 5
        assert {dask_runner.source_of(a) for a in part.articles} == {part.source}
        assert {a.date_iso or "undated" for a in part.articles} == {part.date}
    news = [p for p in parts if p.source.endswith("insightcrime.jsonl")]
    assert [(p.date, len(p.articles)) for p in news] == [
        ("2024-03-01", 5), ("2024-03-01", 3), ("2024-03-02", 5), ("2024-03-02", 3),
        ("2024-03-03", 5), ("2024-03-03", 3)]
    assert len({p.key for p in parts}) == len(parts)


def test_cluster_spec_is_checked() -> None:
    assert dask_runner.parse_spec("local:3") == ("local", 3)
    assert dask_runner.parse_spec("tcp://10.0.0.5:8786") == ("tcp://10.0.0.5:8786", None)
    for bad in ("local:0", "local:two", "10.0.0.5:8786"):
        with pytest.raises(dask_runner.ClusterError):
            dask_runner.parse_spec(bad)


def test_code_gives_the_same_output_in_one_process_with_workers_and_on_dask(
        runner_inputs: list[Path], reference_events: list[Event], tmp_path: Path) -> None:
    expected = _lines(reference_events)
    outputs = {}
    for name, options in [("workers-1", ["--workers", "1"]), ("workers-2", ["--workers", "2"]),
                          ("dask", ["--dask", "local:2"])]:
        out = tmp_path / f"{name}.jsonl"
        result = CliRunner().invoke(main, ["code", *map(str, runner_inputs), "-o", str(out), "-q",
                                           *options])
        assert result.exit_code == 0, result.output
        outputs[name] = out.read_text(encoding="utf-8")
    assert outputs == {name: expected for name in outputs}


def test_code_on_a_running_scheduler_gives_the_same_events(cluster, runner_articles, reference_events) -> None:
    parts = dask_runner.partitions(runner_articles, size=4)
    results = list(dask_runner.run_partitions(parts, cluster, window=3))
    assert [a for r in results for a in r.articles] == runner_articles
    assert [e for r in results for e in r.events] == reference_events
    assert not [e for r in results for e in r.errors]


# -- a worker killed mid-run -------------------------------------------------------------------


class _KillOnce:
    """The real coder, except that the first time any worker meets ``victim`` it kills its own
    process (SIGKILL: no clean-up, as when a machine is lost)."""

    def __init__(self, marker: str, victim: str) -> None:
        from harmattan.runners.local import local_coder

        self.marker, self.victim, self.coder = marker, victim, local_coder()

    def code(self, articles: list[Article]) -> list[Event]:
        if any(a.id == self.victim for a in articles):
            try:
                fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                pass
            else:
                os.write(fd, str(os.getpid()).encode())
                os.close(fd)
                os.kill(os.getpid(), signal.SIGKILL)
        return self.coder.code(articles)



def _stored(db_url: str) -> tuple[int, list[tuple[str, str]]]:
    from sqlalchemy import text

    with Store.open(db_url) as store, store.engine.connect() as conn:
        n_articles = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
        rows = [(r.event_id, r.payload) for r in conn.execute(text(
            "SELECT event_id, payload FROM events WHERE valid_to IS NULL ORDER BY event_id"))]
    return n_articles, rows


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(
        cluster, runner_inputs, runner_articles, reference_events, db_url: str, tmp_path: Path) -> None:
    # On SQLite and on PostgreSQL (the db_url fixture, tests/conftest.py).
    marker = tmp_path / "killed"
    victim = runner_articles[14].id  # in the middle of the InSight Crime file
    address = cluster.scheduler.address
    def kill_once_coder() -> _KillOnce:
        # A closure, not functools.partial: Dask pickles a partial of a function by reference,
        # and the workers cannot import this module.
        return _KillOnce(str(marker), victim)

    # Workers keep a coder per factory name: each database leg needs its own killer.
    kill_once_coder.__qualname__ = f"kill_once_coder_{tmp_path.name}"
    with Store.open(db_url) as store:
        report = ingest(store, runner_inputs, cluster=address, coder_factory=kill_once_coder)
    assert marker.is_file(), "no worker was killed: the test proves nothing"
    assert report.articles == len(runner_articles) and report.rejects == 0
    n_articles, rows = _stored(db_url)
    assert n_articles == len(runner_articles)
    assert len(rows) == len({event_id for event_id, _ in rows}) == len(reference_events)
    expected = sorted((e.event_id, json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True))
                      for e in reference_events)
    assert rows == expected
    # Running the same job again stores nothing new.
    with Store.open(db_url) as store:
        again = ingest(store, runner_inputs, cluster=address)
    assert (again.articles, again.duplicates) == (0, len(runner_articles))
    assert _stored(db_url) == (n_articles, rows)
