"""The policies' effects are recomputed only when they may have changed (a post filled
or emptied, a roll-out group starting, a holder crossing a tenure or experience
threshold): the tables are exactly those of recomputing them every week, and most
weeks do keep them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from conftest import SCENARIOS, scenario
from model.sim import policies
from model.sim.entities import DAYS_PER_YEAR
from model.sim.workforce import Model

SHORT = ("simulation.years=4", "simulation.warmup_years=1")

# every policy whose effects follow time or its holders, and roll-outs group by group
CASES = {
    "introduction_programme": (),           # tenure thresholds (12, 24 months...)
    "salary_ladder_umea": (),               # experience steps, limited posts
    "salary_ladder_osteraker": (),
    "combined_stockholm": (),               # several policies, groups
    "six_plus_two": ("policies.working_time.start_year=0.5",
                     "policies.working_time.rollout.interval_months=5"),
    "specialists": ("policies.specialists.start_year=1.3",),   # staff count
    "trainees": (),
    "overstaffing": ("policies.overstaffing.rollout.groups=3",
                     "policies.overstaffing.rollout.interval_months=7"),
}


def _tables(sc, monkeypatch, every_week: bool):
    # an infinite margin makes every week recompute the effects
    monkeypatch.setattr(policies, "CHANGE_MARGIN", np.inf if every_week else 1e-6)
    applied = []
    for pol in Model(sc, 0).unit.policies:      # count the recomputations
        original = type(pol).apply
        monkeypatch.setattr(type(pol), "apply",
                            lambda self, u, fx, _f=original: (applied.append(1), _f(self, u, fx)))
        break
    tables = Model(sc, 1).run()
    monkeypatch.undo()
    return tables, len(applied)


@pytest.mark.parametrize("name", sorted(CASES))
def test_kept_effects_give_the_tables_of_weekly_recomputation(name, monkeypatch):
    sc = scenario(*SHORT, *CASES[name], path=SCENARIOS / f"{name}.yaml")
    kept, n_kept = _tables(sc, monkeypatch, every_week=False)
    weekly, n_weekly = _tables(sc, monkeypatch, every_week=True)
    for table in weekly:
        pd.testing.assert_frame_equal(kept[table], weekly[table], check_exact=True)
    # the cache is in use: fewer recomputations than weeks (and weekly at least once a week)
    weeks = 5 * 52
    assert n_weekly >= weeks
    assert n_kept < n_weekly


def test_next_change_is_the_next_groups_start():
    sc = scenario(*SHORT, "policies.working_time.start_year=0.5",
                  "policies.working_time.rollout.interval_months=5",
                  path=SCENARIOS / "six_plus_two.yaml")
    m = Model(sc, 0)
    pol = m.unit.policies[0]
    start = m.unit.warmup_end + 0.5 * DAYS_PER_YEAR
    assert pol.next_change(m.unit) == pytest.approx(start)       # before the start
    m.env.run(until=start + 1)
    assert pol.next_change(m.unit) == pytest.approx(start + 5 * DAYS_PER_YEAR / 12)
    m.env.run(until=start + (pol.groups - 1) * 5 * DAYS_PER_YEAR / 12 + 1)
    assert pol.next_change(m.unit) == np.inf                     # every group started

