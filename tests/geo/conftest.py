from __future__ import annotations

import pytest

from harmattan.geo import Geoparser


@pytest.fixture(scope="session")
def geoparser() -> Geoparser:
    """The shipped gazetteer, loaded once (a few seconds)."""
    return Geoparser().initialize()
