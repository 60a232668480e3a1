"""A store filled by the real pipeline from samples/, shared by the API and dashboard tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store holding every article of samples/, coded by the real coder."""
    from harmattan.store import Store
    from harmattan.store.ingest import ingest

    path = tmp_path_factory.mktemp("store") / "samples.db"
    with Store.open(str(path)) as store:
        report = ingest(store, [SAMPLES], workers=1)
    assert report.articles >= 11 and report.events > 0 and report.rejects == 0
    return str(path)


@pytest.fixture(scope="session")
def api(sample_db: str) -> Iterator[object]:
    """A client of the read-only API over the sample store."""
    from fastapi.testclient import TestClient

    from harmattan.interfaces.api import create_app

    with TestClient(create_app(sample_db)) as client:
        yield client
