"""The anomaly model: baselines, tail probabilities, and one surge on a synthetic store."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from harmattan.analysis import list_alerts, run_alerts
from harmattan.analysis.anomaly import baseline, surprise_of, upper_tail
from harmattan.store import Store

from .builders import flat_store_with_surge


def _poisson_pmf(k: int, mean: float) -> float:
    return math.exp(k * math.log(mean) - mean - math.lgamma(k + 1))


def test_upper_tail_is_the_poisson_and_negative_binomial_tail() -> None:
    assert upper_tail(5, 2.0) == pytest.approx(1 - sum(_poisson_pmf(k, 2.0) for k in range(5)), rel=1e-12)
    assert upper_tail(0, 2.0) == 1.0
    # Far in the tail the sum of the tail itself is used: it keeps its digits.
    assert upper_tail(40, 2.0) == pytest.approx(sum(_poisson_pmf(k, 2.0) for k in range(40, 120)), rel=1e-9)
    # Negative binomial of mean 2 and variance 6: size 1, p 1/3 -> P(X >= k) = (2/3)^k.
    assert upper_tail(12, 2.0, 3.0) == pytest.approx((2 / 3) ** 12, rel=1e-9)
    assert upper_tail(12, 2.0, 3.0) > upper_tail(12, 2.0)  # overdispersion: less surprising
    assert surprise_of(1e-5) == 5.0


def test_baseline_models_by_length_of_history() -> None:
    assert baseline([2] * 7) is None
    short = baseline([3, 2, 40, 3, 4, 2, 3, 3, 2, 3])
    assert (short.model, short.expected) == ("median", 3.0)  # the past surge does not move it
    flat = baseline([2] * 40)
    assert flat.model == "glm-mean" and flat.expected == pytest.approx(2.0, rel=1e-6)
    assert flat.dispersion == 1.0
    # A past surge is left out of the second fit (Farrington): the baseline stays near 3.
    with_surge = [3] * 60
    with_surge[30] = 40
    assert baseline(with_surge).expected == pytest.approx(3.0, rel=0.02)
    # One event after months of nothing does not make an exploding trend.
    assert baseline([0] * 29 + [1]).expected < 1.0
    assert baseline([0] * 30).expected == 0.5  # the floor


def test_baseline_follows_a_trend_and_a_season() -> None:
    rising = [round(2 + 0.1 * week) for week in range(80)]
    fitted = baseline(rising)
    # A log-linear trend on linear growth overshoots a little (11.2), far nearer than the mean (6).
    assert fitted.model == "glm-trend" and fitted.expected == pytest.approx(10.0, rel=0.15)
    weeks = np.arange(160)
    seasonal = np.round(4 * np.exp(1.2 * np.sin(2 * np.pi * weeks / (365.2425 / 7)))).astype(int)
    peak_week = 110 + int(np.argmax(seasonal[110:160]))
    trough_week = 110 + int(np.argmin(seasonal[110:160]))
    for at in (peak_week, trough_week):  # in the third year
        fitted = baseline(seasonal[:at])
        assert fitted.model.endswith("season")
        assert fitted.expected == pytest.approx(seasonal[at], rel=0.2, abs=0.5), at
    # The peak's count is no surprise under the season; it would be under the mean week.
    peak = int(seasonal[peak_week])
    assert surprise_of(upper_tail(peak, baseline(seasonal[:peak_week]).expected)) < 1
    assert surprise_of(upper_tail(peak, float(seasonal[:peak_week].mean()))) > 2


@pytest.mark.parametrize(("surge_week", "model"), [(30, "glm-mean"), (12, "median")],
                         ids=["glm-baseline", "robust-baseline"])
def test_a_flat_store_with_one_surge_raises_exactly_one_anomaly(store: Store, surge_week: int,
                                                                model: str) -> None:
    surge_clusters, monday = flat_store_with_surge(store, surge_week)
    raised = run_alerts(store)
    assert [(a.kind, a.rule, a.country, a.period) for a in raised] == [
        ("anomaly", "anomaly", "NER", monday.isoformat())]
    alert = raised[0]
    assert alert.observed == 12.0
    assert alert.expected == pytest.approx(2.0, rel=1e-3)
    assert alert.surprise == surprise_of(upper_tail(12, alert.expected, alert.details["dispersion"]))
    assert alert.surprise == 5.86  # -log10 P(X >= 12 | Poisson(2))
    assert alert.details["model"] == model and alert.details["event_type"] == "ASSAULT"
    assert alert.cluster_ids == surge_clusters
    assert alert.title == f"NER ASSAULT: 12 events in the week of {monday.isoformat()}, 2.0 expected"
    # Again: nothing new; the stored alert reads back with its events and evidence.
    assert run_alerts(store) == []
    with store.reading() as conn:
        listed = list_alerts(conn)
    assert [a["alert_id"] for a in listed] == [alert.alert_id]
    assert listed[0]["cluster_ids"] == surge_clusters
    assert [e["cluster_id"] for e in listed[0]["events"]] == surge_clusters
    first = listed[0]["events"][0]
    assert first["event_type"] == "ASSAULT" and first["country"] == "NER"
    assert first["evidence"][0]["sentence"].startswith("Event n")


def test_since_and_until_bound_the_weeks_alerted(sqlite_store: Store) -> None:
    _, monday = flat_store_with_surge(sqlite_store, 30)
    assert run_alerts(sqlite_store, since=monday + dt.timedelta(days=7)) == []
    assert run_alerts(sqlite_store, until=monday - dt.timedelta(days=1)) == []
    assert [a.period for a in run_alerts(sqlite_store, since=monday, until=monday)] == [monday.isoformat()]


def test_upper_tail_ends_far_in_the_tail() -> None:
    # Every term below the smallest float: the sum must still end, at 0, and the surprise cap.
    assert upper_tail(500, 0.5) == 0.0
    assert 0.0 < upper_tail(200, 0.5, dispersion=1.5) < 1e-50
    assert upper_tail(5000, 0.5, dispersion=1.5) == 0.0
    assert surprise_of(upper_tail(500, 0.5)) == 300.0
    # Where floats still hold it, the tail agrees with the exact Poisson sum.
    exact = math.fsum(math.exp(k * math.log(0.5) - 0.5 - math.lgamma(k + 1)) for k in range(150, 400))
    assert math.isclose(upper_tail(150, 0.5), exact, rel_tol=1e-9)
