"""The API server's ingest worker: runs the queued ``POST /api/ingest`` jobs one at a time.

Coding is CPU work that holds a core for seconds to minutes.  Run inside the server it held
the interpreter too: one large request made every read wait and kept the server from
stopping.  So each job runs in a child process (``python -m harmattan.store.jobs``), niced
below the server, one at a time (one core for the coder, the other for the readers on a
two-core machine), while a thread here waits for it.  Stopping the server stops the child
within seconds; the job is then marked failed (see ``harmattan.store.jobs``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Sequence

from harmattan.store import Store
from harmattan.store import jobs

#: The child that runs one job (its id is appended).
JOB_COMMAND = (sys.executable, "-m", "harmattan.store.jobs")


class JobRunner:
    """A thread that takes queued jobs in order and runs each in a child process."""

    def __init__(self, store: Store, command: Sequence[str] = JOB_COMMAND, poll: float = 1.0,
                 grace: float = 3.0) -> None:
        self.store = store
        self.command = list(command)
        self.poll = poll
        self.grace = grace
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._child: subprocess.Popen | None = None
        self._job: str | None = None

    def start(self) -> list[str]:
        """Mark the jobs a stopped server left running failed (returned), then start."""
        interrupted = jobs.recover(self.store)
        self._thread = threading.Thread(target=self._loop, name="harmattan-ingest-jobs", daemon=True)
        self._thread.start()
        return interrupted

    def wake(self) -> None:
        """A job was queued."""
        self._wake.set()

    def stop(self) -> None:
        """Stop the running child (SIGTERM, then SIGKILL after ``grace`` seconds) and the thread."""
        self._stopping.set()
        self._wake.set()
        child, job_id = self._child, self._job
        if child is not None and child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=self.grace)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        if job_id is not None:
            jobs.fail(self.store, job_id, jobs.INTERRUPTED)
        if self._thread is not None:
            self._thread.join(timeout=self.grace)

    def _loop(self) -> None:
        while not self._stopping.is_set():
            job_id = jobs.claim_next(self.store)
            if job_id is None:
                self._wake.wait(self.poll)
                self._wake.clear()
                continue
            self._run(job_id)

    def _run(self, job_id: str) -> None:
        self._job = job_id
        env = {**os.environ, "HARMATTAN_DB": self.store.url}
        try:
            self._child = subprocess.Popen([*self.command, job_id], env=env, stdin=subprocess.DEVNULL)
            if self._stopping.is_set():  # stop() came between the claim and the start
                self._child.terminate()
            returncode = self._child.wait()
        except OSError as exc:
            returncode = None
            jobs.fail(self.store, job_id, f"cannot start the ingest worker: {exc}")
        if returncode not in (0, None) and not self._stopping.is_set():
            # A child that died (killed, out of memory) before it could say so.
            jobs.fail(self.store, job_id, f"the ingest worker exited with status {returncode}")
        self._child = None
        self._job = None
