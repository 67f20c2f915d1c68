"""A sweep's result in words: the lines the command line prints after collecting."""

from __future__ import annotations

import pandas as pd

from ..experiment.sweep import SweepSpec
from .console import plain


def report_lines(spec: SweepSpec, result: dict[str, pd.DataFrame]) -> list[str]:
    """Per output: the range of the point means and, for sobol and morris designs, the
    three largest indices and the share of the variance that is replication noise."""
    lines = []
    table = result["sweep"]
    for o in spec.outputs:
        m = table.groupby("point")[o].mean()
        lines.append(f"  {o}: point means from {plain(m.min())} to {plain(m.max())}")
    if "sensitivity" in result:
        s = result["sensitivity"]
        key = "ST" if spec.design == "sobol" else "mu_star"
        for o in spec.outputs:
            top = s[(s.output == o) & (s["index"] == key)].sort_values("value",
                                                                        ascending=False)
            noise = s[(s.output == o) & (s["index"] == "noise_share")].value.iloc[0]
            lines.append(f"  {o}: largest {key}: " + ", ".join(
                f"{r.factor} {r.value:.2f}" for r in top.head(3).itertuples())
                + f"; replication noise {noise:.0%} of the variance")
    return lines
