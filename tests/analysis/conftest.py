"""Analysis tests run on a real store: a SQLite file, and PostgreSQL when HARMATTAN_TEST_PG is
set (the store tests' ``db_url`` fixture, with its CI rule: the PostgreSQL leg fails in CI
when no server is given)."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

from harmattan.store import Store

_spec = importlib.util.spec_from_file_location(
    "_store_conftest", Path(__file__).resolve().parents[1] / "store" / "conftest.py")
_store_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store_conftest)
db_url = _store_conftest.db_url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(str(tmp_path / "store.db")) as opened:
        yield opened
