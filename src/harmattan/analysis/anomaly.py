"""Anomaly alerts: a week's count (country × event type) well above its own baseline.

For each series — event clusters of one type in one country, per ISO week, zeros included from
the store's first week on — every week with at least ``min_count`` events is compared with a
baseline fitted on the weeks *before* it only (at most ``MAX_HISTORY``):

* **two years of history or more**: a Poisson GLM (log link) with a linear trend and one
  annual harmonic (sine and cosine of the week of the year), fitted by iteratively reweighted
  least squares;
* **26 weeks to two years**: the same GLM without the harmonic (a season cannot be told from
  noise in less than a year);
* **8 to 25 weeks**: a robust baseline — the median week, with the spread of the median
  absolute deviation — which a single past surge does not move.

The GLM is fitted twice, as in the Farrington method of public-health surveillance (Noufaily
et al., 2013): weeks whose Pearson residual exceeds 3 (past surges) are left out of the second
fit, so an old outbreak does not raise the baseline that should reveal the next one.  Counts of
events are overdispersed (violence comes in bursts), so the variance is the mean times a
dispersion ``φ`` (Pearson χ² / degrees of freedom, at least 1; for the robust baseline
(1.4826 · MAD)² / median) and the chance of the observed count is read from a negative binomial
with that mean and variance (a Poisson when ``φ`` = 1).  The expected count is never taken
below ``FLOOR`` (one event a fortnight), so a type that has never been seen does not alert on
its first few events.

``surprise`` = −log10 P(X ≥ observed); an alert needs ``surprise >= threshold`` (4 by default:
a chance below 1 in 10,000 — there are many series and weeks, and an analyst's attention is
the scarce resource).  ``docs/analysis.md`` explains the choice.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from harmattan.analysis.data import Occurrence, period_of
from harmattan.schema import Alert

ANOMALY_RULE = "anomaly"
MAX_HISTORY = 156  # weeks: three years are enough for a trend and a season
MIN_HISTORY = 8
SEASONAL_HISTORY = 104
TREND_HISTORY = 26
FLOOR = 0.5
OUTLIER_RESIDUAL = 3.0
WEEKS_PER_YEAR = 365.2425 / 7


@dataclass
class Baseline:
    expected: float
    dispersion: float
    model: str  # glm-trend-season | glm-season | glm-trend | glm-mean | median
    history: int


def baseline(history: list[int] | np.ndarray, *, first_week: dt.date | None = None) -> Baseline | None:
    """The count expected in the week after ``history`` (weekly counts, oldest first).

    ``first_week`` (the Monday of ``history[0]``) places the annual harmonic in the calendar;
    without it the season is counted from the first week.  None when the history is shorter
    than ``MIN_HISTORY``.
    """
    y = np.asarray(history, dtype=float)[-MAX_HISTORY:]
    if first_week is not None and len(history) > MAX_HISTORY:
        first_week = first_week + dt.timedelta(weeks=len(history) - MAX_HISTORY)
    n = len(y)
    if n < MIN_HISTORY:
        return None
    if n < TREND_HISTORY or y.sum() == 0:
        return _robust(y)
    seasonal = n >= SEASONAL_HISTORY
    design = _design(n + 1, seasonal, first_week)
    fit = _fit(y, design[:n])
    expected = float(np.exp(np.clip(design[n] @ fit.beta, -20, 20)))
    # The trend stays only when it is significant and does not predict more than twice the
    # busiest week kept (after Farrington's guard): a log-linear trend fitted on a few recent
    # events explodes.
    z_trend = fit.beta[1] / math.sqrt(max(fit.covariance[1, 1], 1e-300))
    if abs(z_trend) < 1.96 or expected > 2 * y[fit.keep].max():
        design = np.delete(design, 1, axis=1)
        fit = _fit(y, design[:n])
        expected = float(np.exp(np.clip(design[n] @ fit.beta, -20, 20)))
        model = "glm-season" if seasonal else "glm-mean"
    else:
        model = "glm-trend-season" if seasonal else "glm-trend"
    return Baseline(max(expected, FLOOR), fit.dispersion, model, n)


@dataclass
class _Fit:
    beta: np.ndarray
    covariance: np.ndarray
    dispersion: float
    keep: np.ndarray


def _fit(y: np.ndarray, x: np.ndarray) -> _Fit:
    """A quasi-Poisson GLM fitted twice: the second time without the past surges."""
    keep = np.ones(len(y), dtype=bool)
    beta = _poisson_irls(y, x)
    mu = np.exp(np.clip(x @ beta, -20, 20))
    outliers = (y - mu) / np.sqrt(mu) > OUTLIER_RESIDUAL
    if outliers.any() and (~outliers).sum() >= x.shape[1] + 2:
        keep = ~outliers
        beta = _poisson_irls(y[keep], x[keep])
        mu = np.exp(np.clip(x @ beta, -20, 20))
    mu_kept, x_kept = mu[keep], x[keep]
    dof = max(int(keep.sum()) - x.shape[1], 1)
    dispersion = max(1.0, float(np.sum((y[keep] - mu_kept) ** 2 / mu_kept) / dof))
    information = (x_kept.T * mu_kept) @ x_kept + 1e-9 * np.eye(x.shape[1])
    return _Fit(beta, dispersion * np.linalg.inv(information), dispersion, keep)


def _robust(y: np.ndarray) -> Baseline:
    median = float(np.median(y))
    mad = float(np.median(np.abs(y - median))) * 1.4826
    expected = max(median, FLOOR)
    return Baseline(expected, max(1.0, mad * mad / expected), "median", len(y))


def _design(n: int, seasonal: bool, first_week: dt.date | None) -> np.ndarray:
    # Time in years, 0 at the predicted week: the trend's coefficient is the yearly log change.
    t = (np.arange(n) - (n - 1)) / WEEKS_PER_YEAR
    columns = [np.ones(n), t]
    if seasonal:
        offset = (first_week.isocalendar()[1] - 1) if first_week is not None else 0
        angle = 2 * math.pi * (np.arange(n) + offset) / WEEKS_PER_YEAR
        columns += [np.sin(angle), np.cos(angle)]
    return np.column_stack(columns)


def _poisson_irls(y: np.ndarray, x: np.ndarray, iterations: int = 50) -> np.ndarray:
    beta = np.zeros(x.shape[1])
    beta[0] = math.log(y.mean() + 0.1)
    ridge = 1e-6 * np.eye(x.shape[1])  # keeps the system solvable on all-but-empty series
    for _ in range(iterations):
        eta = np.clip(x @ beta, -20, 20)
        mu = np.exp(eta)
        z = eta + (y - mu) / mu
        xtw = x.T * mu
        new = np.linalg.solve(xtw @ x + ridge, xtw @ z)
        if np.max(np.abs(new - beta)) < 1e-8:
            return new
        beta = new
    return beta


def upper_tail(observed: int, expected: float, dispersion: float = 1.0) -> float:
    """P(X >= observed) for a count of mean ``expected`` and variance ``dispersion`` × mean
    (a negative binomial; a Poisson when ``dispersion`` is 1)."""
    if observed <= 0:
        return 1.0
    if dispersion <= 1.0 + 1e-9:
        log_pmf = [k * math.log(expected) - expected - math.lgamma(k + 1) for k in range(observed)]
    else:
        size = expected / (dispersion - 1.0)
        p = size / (size + expected)
        log_pmf = [math.lgamma(k + size) - math.lgamma(size) - math.lgamma(k + 1)
                   + size * math.log(p) + k * math.log1p(-p) for k in range(observed)]
    below = math.fsum(math.exp(v) for v in log_pmf)
    if below < 0.999:
        return max(0.0, 1.0 - below)
    # Far in the tail 1 − P(X < k) loses every digit: sum the tail itself instead.
    return _tail_sum(observed, expected, dispersion)


def _tail_sum(observed: int, expected: float, dispersion: float) -> float:
    """P(X >= observed) summed term by term in log space: far in the tail every term may be
    below the smallest float, and the sum must still end (it is then 0.0)."""
    log_total = -math.inf
    k = observed
    while True:
        if dispersion <= 1.0 + 1e-9:
            log_pmf = k * math.log(expected) - expected - math.lgamma(k + 1)
        else:
            size = expected / (dispersion - 1.0)
            p = size / (size + expected)
            log_pmf = (math.lgamma(k + size) - math.lgamma(size) - math.lgamma(k + 1)
                       + size * math.log(p) + k * math.log1p(-p))
        high, low = max(log_total, log_pmf), min(log_total, log_pmf)
        log_total = high + math.log1p(math.exp(low - high)) if low > -math.inf else high
        # Terms fall once k passes the mean; stop when they no longer change the sum.
        if k > expected and (log_pmf < log_total - 28.0 or k - observed > 100_000):
            return math.exp(log_total) if log_total > -745.0 else 0.0
        k += 1


def surprise_of(p_value: float) -> float:
    return round(-math.log10(max(p_value, 1e-300)), 2)


def anomalies(items: list[Occurrence], *, since: dt.date | None = None, until: dt.date | None = None,
              min_count: int = 3, threshold: float = 4.0) -> list[Alert]:
    """Anomaly alerts for the weeks between ``since`` and ``until`` (all weeks when None).

    ``items`` are event clusters of the whole store (the history before ``since`` is the
    baseline).  Events without a country are left out.
    """
    dated = [i for i in items if i.country]
    if not dated:
        return []
    first = period_of(min(i.date for i in dated), "week")
    last = period_of(max(i.date for i in dated), "week")
    weeks = int((last - first).days // 7) + 1
    counts: dict[tuple[str, str], np.ndarray] = defaultdict(lambda: np.zeros(weeks, dtype=int))
    members: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    for item in dated:
        week = (period_of(item.date, "week") - first).days // 7
        key = (item.country, item.event_type)
        counts[key][week] += 1
        members[(item.country, item.event_type, week)].append(item.cluster_id)
    start = 0 if since is None else max(0, (period_of(since, "week") - first).days // 7)
    stop = weeks - 1 if until is None else min(weeks - 1, (period_of(until, "week") - first).days // 7)
    alerts = []
    for (country, kind), series in sorted(counts.items()):
        for week in range(start, stop + 1):
            observed = int(series[week])
            if observed < min_count:
                continue
            fitted = baseline(series[:week], first_week=first)
            if fitted is None:
                continue
            p_value = upper_tail(observed, fitted.expected, fitted.dispersion)
            surprise = surprise_of(p_value)
            if surprise < threshold:
                continue
            monday = (first + dt.timedelta(weeks=week)).isoformat()
            alerts.append(Alert(
                alert_id=Alert.make_id(ANOMALY_RULE, country, kind, monday),
                kind="anomaly", rule=ANOMALY_RULE,
                title=(f"{country} {kind}: {observed} events in the week of {monday}, "
                       f"{fitted.expected:.1f} expected"),
                period=monday, country=country, expected=round(fitted.expected, 3),
                observed=float(observed), surprise=surprise,
                cluster_ids=sorted(members[(country, kind, week)]),
                details={"event_type": kind, "model": fitted.model, "history_weeks": fitted.history,
                         "dispersion": round(fitted.dispersion, 3), "p_value": p_value},
            ))
    return alerts
