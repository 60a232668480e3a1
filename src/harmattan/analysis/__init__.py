"""Analysis of the store: time series, a conflict–cooperation index, the actor network,
episodes, and alerts (anomalies and analyst rules).

Every function reads through a connection from ``Store.reading()`` (one snapshot) and counts
event clusters in force unless told otherwise; see ``docs/analysis.md`` and ``docs/alerts.md``.
"""

from harmattan.analysis.alerts import list_alerts, run_alerts
from harmattan.analysis.episodes import episodes
from harmattan.analysis.index import WEIGHTS, dyad_index
from harmattan.analysis.network import network
from harmattan.analysis.rules import load_rules
from harmattan.analysis.series import series
from harmattan.schema import Alert

__all__ = ["WEIGHTS", "Alert", "dyad_index", "episodes", "list_alerts", "load_rules", "network",
           "run_alerts", "series"]
