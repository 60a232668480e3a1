"""Analysis of the store: time series, a conflict–cooperation index, the actor network,
episodes, and alerts (anomalies and analyst rules).

Every function reads through a connection from ``Store.reading()`` (one snapshot) and counts
event clusters in force unless told otherwise; see ``docs/analysis.md`` and ``docs/alerts.md``.
"""

from harmattan.analysis.episodes import episodes
from harmattan.analysis.index import WEIGHTS, dyad_index
from harmattan.analysis.network import network
from harmattan.analysis.series import series

__all__ = ["WEIGHTS", "dyad_index", "episodes", "network", "series"]
