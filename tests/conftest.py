"""Fixtures shared by several test folders.

``db_url``: a new, empty store on SQLite and on PostgreSQL.  The PostgreSQL leg needs a server:
``eval "$(scripts/postgres.sh start)"`` starts one and sets ``HARMATTAN_TEST_PG`` (``.ci/run``
does this).  Without it the leg is skipped on a laptop and fails in CI (``CI=true``), so that
it cannot silently stop running.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_URL = os.environ.get("HARMATTAN_TEST_PG")


def _fresh_pg_database() -> tuple[str, str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))  # name is ours: t_ + hex
    admin.dispose()
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    return url, name


def _drop_pg_database(name: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new, empty store: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    if not PG_URL:
        if os.environ.get("CI") == "true":
            pytest.fail("HARMATTAN_TEST_PG is not set: CI must run the PostgreSQL leg "
                        '(eval "$(scripts/postgres.sh start)" before pytest)')
        pytest.skip('no PostgreSQL server: eval "$(scripts/postgres.sh start)" to run this leg')
    url, name = _fresh_pg_database()
    try:
        yield url
    finally:
        _drop_pg_database(name)


def _run_on_a_terminal(args: list[str], cwd: Path | None = None,
                       timeout: float = 300) -> tuple[int, str]:
    """Run the CLI with stderr on a pseudo-terminal (120 columns); return its exit status and
    what it drew there."""
    import fcntl
    import pty
    import struct
    import subprocess
    import sys
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "harmattan.interfaces.cli", *args], cwd=cwd,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower,
                            env=dict(os.environ))
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closes when the command ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return proc.wait(timeout=timeout), b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def run_on_a_terminal():
    """``run_on_a_terminal(args, cwd=None) -> (status, drawn)``: the CLI with stderr on a
    pseudo-terminal, for progress bars."""
    return _run_on_a_terminal
