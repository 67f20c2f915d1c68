"""Crisis risk of an option against the base (the crisis of a replication is defined in
model/sim/crisis.py and recorded as the summary's ``crisis``, 0 or 1).

Per option, on the replications it shares with the base (common random numbers):

* ``p_crisis``: the share of the option's replications that are crisis runs, with its
  Wilson interval;
* ``p_crisis_base``: the same share for the base on the same replications, so every
  option's row carries the risk it is compared with;
* ``crisis_risk_change``: the paired difference (option minus base, per replication -1,
  0 or 1), its mean being ``p_crisis - p_crisis_base``, with the paired interval
  (``paired_ci``: bootstrap where a few replications dominate, as one extra crisis run
  among sixteen does).

The service warning ``crisis_risk_up`` fires when the option raises the risk of a crisis:
the paired interval lies above zero, or the option is in crisis in at least
``CRISIS_SHARE`` of its replications and in more of them than the base while the base
stays under that share. The second arm is needed because crisis runs are rare: with 16
replications an interval excludes zero only when four or more futures collapse under the
option and none under the base alone, yet two collapses in sixteen (a risk of about one
in eight) is a risk a committee must see before it reads a saving. One future in ten is
the same share that marks a runaway queue (``costbenefit.RUNAWAY_SHARE``). Where the base
itself collapses in one future in ten or more (it carries its own warning, ``BASE_FLAG``),
crisis runs are not rare and one more of them under an option is chance: only the paired
interval counts (a small own unit at 8 of 48 crisis runs flagged an option at 10 of 48).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .intervals import median, paired_ci, paired_method, share_ci

CRISIS_SHARE = 0.1
CRISIS_FLAG = "crisis_risk_up"
BASE_FLAG = "crisis_risk"


def crisis_rows(scen: str, s: pd.DataFrame, b: pd.DataFrame) -> tuple[list[dict], bool]:
    """The crisis measures of option ``scen`` (its summary ``s`` and the base's ``b``,
    indexed alike by replication) and whether it raises crisis risk. No rows for a
    summary without a ``crisis`` column (results written before it)."""
    if "crisis" not in s.columns or "crisis" not in b.columns:
        return [], False
    mine, base = s["crisis"].to_numpy(float), b["crisis"].to_numpy(float)
    rows = []
    for measure, x in (("p_crisis", mine), ("p_crisis_base", base)):
        m, lo, hi = share_ci(x)
        rows.append({"scenario": scen, "measure": measure, "unit": "probability",
                     "mean": m, "median": math.nan, "ci_low": lo, "ci_high": hi,
                     "interval": "wilson"})
    d = mine - base
    m, lo, hi = paired_ci(d)
    rows.append({"scenario": scen, "measure": "crisis_risk_change", "unit": "probability",
                 "mean": m, "median": median(d), "ci_low": lo, "ci_high": hi,
                 "interval": paired_method(d)})
    return rows, raises_risk(mine, base)


def raises_risk(mine: np.ndarray, base: np.ndarray) -> bool:
    """The ``crisis_risk_up`` rule (see the module docstring) on paired 0/1 results."""
    if not len(mine):
        return False
    _, lo, _ = paired_ci(mine - base)
    runaway = (float(np.mean(mine)) >= CRISIS_SHARE > float(np.mean(base))
               and mine.sum() > base.sum())
    return bool(lo > 0 or runaway)


def base_at_risk(summary: pd.DataFrame | None, base: str) -> bool:
    """Whether the base itself is in crisis in at least ``CRISIS_SHARE`` of its
    replications (a comparison against it then compares futures that collapse)."""
    if summary is None or "crisis" not in summary.columns:
        return False
    x = summary.loc[summary.scenario == base, "crisis"].to_numpy(float)
    return bool(len(x)) and float(np.mean(x)) >= CRISIS_SHARE
