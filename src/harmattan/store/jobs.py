"""Ingest jobs: ``POST /api/ingest`` queues its articles here and answers at once; a worker
process codes them (``harmattan.interfaces.api_jobs``) and records the outcome.

A job is ``queued``, then ``running``, then ``done`` (with the ingest report and the rejected
articles) or ``failed`` (with the reason).  Jobs live in the store (``ingest_jobs``), so they
outlive the server: on start, a job left ``running`` by a server that stopped is marked
failed — the batches it committed stay stored, and posting the same articles again stores
the rest (stored articles are skipped) — and ``queued`` jobs are run.

``python -m harmattan.store.jobs JOB_ID`` runs one job on the store ``$HARMATTAN_DB`` (the URL
travels in the environment, not on a command line that ``ps`` shows).
"""

from __future__ import annotations

import json
import os
import signal
import sys
import uuid
from typing import Any

from sqlalchemy import func, select, update

from harmattan.store import schema as t
from harmattan.store.store import Store, utcnow

INTERRUPTED = ("interrupted: the server stopped while the job ran; the batches it had stored "
               "are kept — post the same articles again to store the rest (stored articles "
               "are skipped)")


def submit(store: Store, articles: list[dict[str, Any]]) -> str:
    """Queue these articles (dicts of the JSONL input format); return the job id."""
    job_id = uuid.uuid4().hex
    with store.writing() as conn:
        conn.execute(t.ingest_jobs.insert().values(
            job_id=job_id, status="queued", created_at=utcnow(), n_articles=len(articles),
            # ASCII JSON: a NUL or a lone surrogate in a text is escaped, so both databases
            # take it, and the worker reads back exactly what was posted.
            request=json.dumps(articles)))
    return job_id


def waiting(store: Store) -> int:
    """Jobs queued or running."""
    with store.reading() as conn:
        return int(conn.execute(select(func.count()).select_from(t.ingest_jobs).where(
            t.ingest_jobs.c.status.in_(["queued", "running"]))).scalar_one())


def job(conn: Any, job_id: str) -> dict[str, Any] | None:
    """A job as ``GET /api/jobs/{id}`` shows it; None when there is none."""
    row = conn.execute(select(t.ingest_jobs).where(t.ingest_jobs.c.job_id == job_id)).first()
    if row is None:
        return None

    def iso(moment: Any) -> str | None:
        return moment.isoformat(timespec="seconds") + "Z" if moment else None

    return {"job_id": row.job_id, "status": row.status, "articles": row.n_articles,
            "created_at": iso(row.created_at), "started_at": iso(row.started_at),
            "finished_at": iso(row.finished_at),
            "result": json.loads(row.result) if row.result else None, "error": row.error}


def recover(store: Store) -> list[str]:
    """Mark the jobs left ``running`` by a stopped server failed; return their ids."""
    with store.writing() as conn:
        ids = list(conn.execute(select(t.ingest_jobs.c.job_id)
                                .where(t.ingest_jobs.c.status == "running")).scalars())
        if ids:
            conn.execute(update(t.ingest_jobs).where(t.ingest_jobs.c.job_id.in_(ids))
                         .values(status="failed", finished_at=utcnow(), error=INTERRUPTED, request=None))
    return ids


def claim_next(store: Store) -> str | None:
    """Mark the oldest queued job running and return its id (None when the queue is empty)."""
    with store.writing() as conn:
        job_id = conn.execute(select(t.ingest_jobs.c.job_id)
                              .where(t.ingest_jobs.c.status == "queued")
                              .order_by(t.ingest_jobs.c.created_at, t.ingest_jobs.c.job_id)
                              .limit(1)).scalar()
        if job_id is None:
            return None
        claimed = conn.execute(update(t.ingest_jobs)
                               .where(t.ingest_jobs.c.job_id == job_id, t.ingest_jobs.c.status == "queued")
                               .values(status="running", started_at=utcnow())).rowcount
    return job_id if claimed else claim_next(store)


def fail(store: Store, job_id: str, error: str) -> None:
    """Mark a job failed unless it has finished already."""
    with store.writing() as conn:
        conn.execute(update(t.ingest_jobs)
                     .where(t.ingest_jobs.c.job_id == job_id,
                            t.ingest_jobs.c.status.in_(["queued", "running"]))
                     .values(status="failed", finished_at=utcnow(), error=error[:2000], request=None))


def run(store: Store, job_id: str) -> dict[str, Any]:
    """Code and store a running job's articles (the same path as ``harmattan ingest``);
    record and return the result."""
    from harmattan.ingest.readers import article_from_record
    from harmattan.store.ingest import ingest

    with store.reading() as conn:
        request = conn.execute(select(t.ingest_jobs.c.request)
                               .where(t.ingest_jobs.c.job_id == job_id)).scalar()
    articles = json.loads(request or "[]")
    records = [article_from_record(a, "api", i + 1, raw=None) for i, a in enumerate(articles)]
    rejected: list[dict[str, Any]] = []

    def on_reject(r: Any) -> None:
        rejected.append({"record_id": r.record_id, "line": r.line, "reason": r.reason})

    # What could be told before coding was refused with the request (422); a value the
    # database refuses only once coded rejects that article, with its reason, and the rest goes on.
    report = ingest(store, records=records, workers=1, on_reject=on_reject, command="api-ingest")
    result = {**report.to_dict(), "rejected": rejected}
    with store.writing() as conn:
        conn.execute(update(t.ingest_jobs).where(t.ingest_jobs.c.job_id == job_id).values(
            status="done", finished_at=utcnow(), request=None,
            result=json.dumps(result, ensure_ascii=False)))
    return result


def _stop(signum: int, frame: Any) -> None:
    # SIGTERM from the server: leave through the ingest's clean-up (its run is marked failed).
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    """Run one job in this process, at a lower priority than the server that reads."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: HARMATTAN_DB=URL python -m harmattan.store.jobs JOB_ID", file=sys.stderr)
        return 2
    job_id = args[0]
    signal.signal(signal.SIGTERM, _stop)
    # The coder takes a core while it runs; readers of the API come first on a small machine.
    os.nice(10)
    with Store.open(os.environ.get("HARMATTAN_DB")) as store:
        try:
            run(store, job_id)
        except SystemExit:
            fail(store, job_id, INTERRUPTED)
            raise
        except Exception as exc:  # noqa: BLE001 - the job's outcome is what we report
            fail(store, job_id, f"{type(exc).__name__}: {exc}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
