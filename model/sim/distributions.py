"""Sampling of the distributions described as data in the schema (one registry)."""

from __future__ import annotations

import math

from .params.base import Gamma, Lognormal, Normal
from .rng import Stream


def _lognormal(d: Lognormal, s: Stream) -> float:
    if d.sd == 0:
        return d.mean
    sigma2 = math.log(1.0 + (d.sd / d.mean) ** 2)
    mu = math.log(d.mean) - sigma2 / 2.0
    return math.exp(mu + math.sqrt(sigma2) * s.normal())


def _gamma(d: Gamma, s: Stream) -> float:
    shape = 1.0 / (d.cv * d.cv)
    return float(s.gen.gamma(shape, d.mean / shape))


def _normal(d: Normal, s: Stream) -> float:
    return min(max(d.mean + d.sd * s.normal(), d.low), d.high)


SAMPLERS = {
    "constant": lambda d, s: d.value,
    "uniform": lambda d, s: d.low + (d.high - d.low) * s.random(),
    "normal": _normal,
    "lognormal": _lognormal,
    "exponential": lambda d, s: s.exponential(d.mean),
    "gamma": _gamma,
}


def sample(dist, stream: Stream) -> float:
    """One draw of ``dist`` (a schema distribution) from ``stream``."""
    return SAMPLERS[dist.dist](dist, stream)

