"""Confidence intervals that respect what a quantity can be.

* Means of quantities that cannot be negative (counts, FTE, costs, rates) or that are
  shares in [0, 1]: **bootstrap percentile** intervals of the mean over replications.
  A resampled mean lies between the smallest and the largest replication, so the
  interval never leaves the quantity's bounds (a Student-t interval around a mean of
  1.0 consultants with a large spread reads "-0.0 to 2.0"). With 16 replications its
  coverage is close to, slightly below, the nominal 95%.
* Paired differences between scenarios (which may have either sign): Student-t
  intervals, unless a few replications dominate (the differences' sample skewness
  beyond ``SKEW_LIMIT`` in either direction, a "highly skewed" sample by Bulmer's
  convention): then the **bootstrap percentile** interval of the paired mean difference
  (``paired_ci``). A runaway replication inflates the standard deviation, so a
  Student-t interval around the mean reaches values no replication comes near ("+20 pp
  (-8.5 to +48.5)" when every difference is positive); the bootstrap interval stays
  within the differences seen and is asymmetric as they are. The tables give the median
  beside the mean, which one runaway run does not move.
* Unbounded means: Student-t intervals (``experiment.mean_ci``).
* A 0/1 result per replication (``crisis``): the share of replications with its
  **Wilson** interval (``kpi_ci``).
* A probability estimated as a share of replications: the **Wilson** score interval,
  inside [0, 1] and sensible at 0 or n successes.
* Under uncertainty in the assumptions (``compare --uncertainty``): the **spread of
  futures**, the 2.5 and 97.5 percentiles over the draws of each draw's mean (each run
  is one possible future of the unit, its assumptions drawn as well as its chance), beside
  the mean over all runs (``spread_interval``).
* Trends (queue growth): the mean over replications of each replication's least-squares
  slope, with the interval of a paired difference (``paired_ci``: a runaway queue is
  one of the few runs that dominate).

The bootstrap uses a fixed seed, so tables are reproducible.
"""

from __future__ import annotations

import functools
import math

import numpy as np

# Student's t and the normal quantiles from scipy.special (what scipy.stats' t.ppf and
# norm.ppf compute, without importing scipy.stats: every command starts faster)
from scipy.special import ndtri, stdtrit

from ..sim.metrics import BINARY_KPIS, UNBOUNDED_KPIS

BOOTSTRAP_SAMPLES = 2000
BOOTSTRAP_SEED = 20170101
# sample skewness beyond which a few replications dominate a mean (Bulmer 1979: beyond
# +-1 a distribution is highly skewed); paired differences then get bootstrap intervals
SKEW_LIMIT = 1.0


def _finite(values) -> np.ndarray:
    x = np.asarray(values, float)
    return x[np.isfinite(x)]


def _too_few(x: np.ndarray) -> tuple[float, float, float]:
    """No interval from fewer than two values: (mean or NaN, NaN, NaN)."""
    return (float(x.mean()) if x.size else math.nan), math.nan, math.nan


def mean_ci(values, level: float = 0.95) -> tuple[float, float, float]:
    """Mean and Student-t confidence interval over replications (NaNs dropped)."""
    x = _finite(values)
    if x.size < 2:
        return _too_few(x)
    m = float(x.mean())
    half = float(stdtrit(x.size - 1, 0.5 + level / 2) * x.std(ddof=1) / math.sqrt(x.size))
    return m, m - half, m + half


def bootstrap_mean_ci(values, level: float = 0.95) -> tuple[float, float, float]:
    """Mean and percentile-bootstrap interval of the mean (NaNs dropped)."""
    x = _finite(values)
    if x.size < 2:
        return _too_few(x)
    m, lo, hi = bootstrap_rows_ci(x[None, :], level)[0]
    return float(m), float(lo), float(hi)


def bootstrap_rows_ci(x: np.ndarray, level: float = 0.95) -> np.ndarray:
    """``bootstrap_mean_ci`` of every row of a matrix (rows without NaNs), vectorised:
    the same resamples for every row (each row's interval equals its own). A resample
    is held as how often it draws each replication, so its means are one matrix
    product (rows x replications times replications x resamples), not a gather of
    rows x resamples x replications values. Returns an array (rows x 3) of mean,
    low, high."""
    n = x.shape[1]
    out = np.empty((x.shape[0], 3))
    out[:, 0] = x.mean(axis=1)
    if n < 2:
        out[:, 1:] = math.nan
        return out
    means = (x @ _resample_counts(n).T) / n
    out[:, 1:] = np.percentile(means, [50 * (1 - level), 50 * (1 + level)], axis=1).T
    return out


@functools.lru_cache(maxsize=16)
def _resample_counts(n: int) -> np.ndarray:
    """How often each of the bootstrap's resamples of ``n`` values draws each value
    (resamples x values; the same for every call with ``n``)."""
    idx = np.random.default_rng(BOOTSTRAP_SEED).integers(0, n, size=(BOOTSTRAP_SAMPLES, n))
    counts = np.zeros((BOOTSTRAP_SAMPLES, n))
    np.add.at(counts, (np.arange(BOOTSTRAP_SAMPLES)[:, None], idx), 1.0)
    counts.flags.writeable = False
    return counts


def skewness(values) -> float:
    """Sample skewness (the moment coefficient g1) of the finite values; NaN for fewer
    than three values or no spread."""
    x = _finite(values)
    if x.size < 3:
        return math.nan
    d = x - x.mean()
    m2 = float(np.mean(d * d))
    if m2 <= 1e-12 * max(1.0, float(np.mean(x * x))):
        return math.nan
    return float(np.mean(d ** 3)) / m2 ** 1.5


def dominated(values) -> bool:
    """Whether a few replications dominate the mean (``|skewness| > SKEW_LIMIT``)."""
    g = skewness(values)
    return not math.isnan(g) and abs(g) > SKEW_LIMIT


def paired_ci(values, level: float = 0.95) -> tuple[float, float, float]:
    """Mean of paired differences with its interval: Student-t, or the bootstrap
    percentile interval where a few replications dominate (see the module docstring)."""
    return (bootstrap_mean_ci(values, level) if dominated(values)
            else mean_ci(values, level))


def paired_method(values) -> str:
    """The interval ``paired_ci`` gives these values: ``bootstrap`` or ``t``."""
    return "bootstrap" if dominated(values) else "t"


def median(values) -> float:
    """Median of the finite values (NaN if none)."""
    x = _finite(values)
    return float(np.median(x)) if x.size else math.nan


def level_ci(values, bounded: bool, level: float = 0.95) -> tuple[float, float, float]:
    """A mean over replications: bootstrap for bounded quantities, else Student-t."""
    return bootstrap_mean_ci(values, level) if bounded else mean_ci(values, level)


def spread_interval(draw_of: np.ndarray | None = None, level: float = 0.95):
    """An interval function (values -> mean, low, high) for runs under uncertainty in the
    assumptions: the mean over the runs, and the percentiles of the draws' means
    (``draw_of[i]``: the draw of the i-th value; None: every run its own draw)."""
    def interval(values) -> tuple[float, float, float]:
        x = np.asarray(values, float)
        ok = np.isfinite(x)
        if ok.sum() < 2:
            return _too_few(x[ok])
        if draw_of is not None:
            d = np.asarray(draw_of)[ok]
            keys, inv = np.unique(d, return_inverse=True)
            means = np.bincount(inv, weights=x[ok]) / np.bincount(inv)
        else:
            means = x[ok]
        lo, hi = np.percentile(means, [50 * (1 - level), 50 * (1 + level)])
        return float(x[ok].mean()), float(lo), float(hi)
    return interval


def share_ci(values, level: float = 0.95) -> tuple[float, float, float]:
    """Share of replications with a 1 (a 0/1 result) and its Wilson interval."""
    x = _finite(values)
    if not x.size:
        return math.nan, math.nan, math.nan
    k = int(np.sum(x > 0.5))
    lo, hi = wilson(k, x.size, level)
    return k / x.size, lo, hi


def kpi_ci(name: str, values, level: float = 0.95) -> tuple[float, float, float]:
    """A summary result's mean over replications with the interval its kind calls for:
    Wilson for a 0/1 result, bootstrap for a bounded one, Student-t otherwise."""
    if name in BINARY_KPIS:
        return share_ci(values, level)
    return level_ci(values, name not in UNBOUNDED_KPIS, level)


def kpi_method(name: str) -> str:
    """The interval ``kpi_ci`` gives a summary result: wilson, bootstrap or t."""
    if name in BINARY_KPIS:
        return "wilson"
    return "t" if name in UNBOUNDED_KPIS else "bootstrap"


def wilson(k: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion ``k / n``."""
    if n == 0:
        return math.nan, math.nan
    z = ndtri(0.5 + level / 2)
    p = k / n
    den = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / den
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return max(0.0, centre - half), min(1.0, centre + half)


def slopes_per_year(t_years: np.ndarray, y: np.ndarray) -> float:
    """Least-squares slope of ``y`` over ``t_years`` (units of y per year)."""
    if t_years.size < 3 or np.ptp(t_years) == 0:
        return math.nan
    return float(np.polyfit(t_years, y, 1)[0])
