"""One sign convention for every amount of the cost-benefit table: a cost is positive,
so a change in cost above zero costs more and one below zero saves money (the console,
the dashboard, the brief and the export all show it so). Results written before named
the budget groups' changes ``saving_<group>_per_year``, base minus option;
:func:`cost_signed` turns them into ``<group>_cost_change_per_year``."""

from __future__ import annotations

import pandas as pd


def change_measure(group: str) -> str:
    """The measure of a budget group's change in cost against the base (option minus
    base: above zero costs more)."""
    return f"{group}_cost_change_per_year"


def cost_signed(cb: pd.DataFrame) -> pd.DataFrame:
    """A cost-benefit table with one sign convention (a cost is positive): the
    ``saving_<group>_per_year`` rows of results written before (base minus option)
    become ``<group>_cost_change_per_year`` (option minus base), their means, medians
    and intervals negated; a table already in the convention is returned unchanged."""
    old = cb["measure"].astype(str).str.fullmatch(r"saving_.+_per_year")
    if not old.any():
        return cb
    cb = cb.copy()
    groups = cb.loc[old, "measure"].str[len("saving_"):-len("_per_year")]
    cb.loc[old, "measure"] = [change_measure(g) for g in groups]
    for col in ("mean", "median"):
        if col in cb.columns:
            cb.loc[old, col] = -cb.loc[old, col].astype(float)
    if "ci_low" in cb.columns and "ci_high" in cb.columns:
        lo, hi = cb.loc[old, "ci_low"].astype(float), cb.loc[old, "ci_high"].astype(float)
        cb.loc[old, "ci_low"], cb.loc[old, "ci_high"] = -hi, -lo
    return cb
