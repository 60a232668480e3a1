"""Analysis tests run on a real store: a SQLite file, and PostgreSQL when HARMATTAN_TEST_PG is
set (the ``db_url`` fixture of ``tests/conftest.py``, with its CI rule: the PostgreSQL leg
fails in CI when no server is given)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from harmattan.store import Store


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(str(tmp_path / "store.db")) as opened:
        yield opened
