"""Symmetric economics: capacity a measure removes is work lost unless the model shows it
recovered, capacity it adds is work done; paid time moved off casework is its own line;
the unit's replacement cost is one marginal figure by Johrén's blocks.

The invariants on the ledger are checked on one week of one unit's payroll (exact); the
statements about a whole option use two paired replications and hold in each of them
(no tolerance from sampling error is needed: each is an identity or an inequality that
holds in every replication by construction, stated at each test).
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest

from conftest import SCENARIOS, scenario
from model.config.scenario import load_scenario
from model.experiment import prices, replacement, run_scenario
from model.experiment.compare import run_comparison
from model.experiment.costbenefit import cost_benefit
from model.sim import costs
from model.sim.policies.working_time import client_share_kept, unrecovered_share
from model.sim.staff import COLUMNS
from model.sim.workforce import Model

SHORT = ("simulation.years=2", "simulation.warmup_years=0.5", "simulation.replications=2")


# -- the working-time policies: what is recovered and what is not -----------------------

class _Cfg:
    def __init__(self, hours=6.0, redesign=0.0, gain=0.0):
        self.client_hours_per_day = hours
        self.redesign_share = redesign
        self.productivity_gain = gain


def test_freed_hours_are_all_lost_without_redesign_or_gain():
    assert unrecovered_share(_Cfg(6, 0, 0), 0.7) == pytest.approx(1.0)
    assert unrecovered_share(_Cfg(8, 0, 0), 0.7) == 0.0          # nothing moved


def test_redesign_and_gain_recover_part_of_the_freed_hours():
    s, cfg = 0.7, _Cfg(6, 0.5, 0.15)                # Sundsvall's design (six_plus_two)
    freed = 0.25
    kept = client_share_kept(cfg, s)
    # redesign recovers half the freed day, the gain 15 % of the client hours kept
    expected = (freed - 0.5 * freed - 0.15 * kept * s) / freed
    assert unrecovered_share(cfg, s) == pytest.approx(expected)
    assert 0 < unrecovered_share(cfg, s) < unrecovered_share(_Cfg(6, 0.5, 0), s) < 1


def test_a_gain_that_recovers_more_than_the_hours_is_negative_and_capped_in_the_ledger():
    over = unrecovered_share(_Cfg(6, 1.0, 0.5), 0.7)
    assert over < 0
    # the ledger credits the extra work only against empty budgeted capacity:
    # a full unit gets no credit, a unit one post short gets at most that post back
    assert costs.work_shortfall(10, 10, -0.5) == (0.0, 0.0)
    assert costs.work_shortfall(10, 9, -0.5) == pytest.approx((0.5, 0.0))
    assert costs.work_shortfall(10, 9, -2.0) == (0.0, 0.0)


def test_capacity_is_compared_with_need_not_slot_by_slot():
    # one budgeted post empty, one extra post filled: nothing is lost
    assert costs.work_shortfall(10, 10, 0.0) == (0.0, 0.0)
    # a measure's lost time in a full unit is its own category
    assert costs.work_shortfall(10, 10, 0.5) == (0.0, 0.5)
    # extra capacity absorbs a measure's loss first
    assert costs.work_shortfall(10, 11, 0.5) == (0.0, 0.0)
    assert costs.work_shortfall(10, 9, 0.5) == pytest.approx((1.0, 0.5))


# -- the ledger over one week: an extra productive post -------------------------------

def _week(u) -> tuple[float, float]:
    led = costs.Ledger(u.warmup_end, u.params)
    led.book_payroll(u)
    return led.total("budget"), led.total()


def test_one_fully_productive_extra_post_costs_no_more_than_its_cash():
    sc = scenario("simulation.years=1", "simulation.warmup_years=0.5",
                  "policies.overstaffing={extra_share: 0.1, start_year: 5}")
    m = Model(sc)
    m.env.run(until=m.warmup_end + 21)
    u, st = m.unit, m.unit.staff
    n = u.n_base_positions
    assert u.n_extra_positions >= 1
    k0 = next(k for k in range(n) if st.active[k] and not st.notice[k]
              and st.sick_until[k] < m.env.now - 7)
    st.active[k0] = False                      # one budgeted post empty
    budget_a, econ_a = _week(u)
    e = n                                      # the first extra post, filled by a worker
    for c in COLUMNS:                          # like the one who left, fully productive
        getattr(st, c.name)[e] = getattr(st, c.name)[k0]
    st.active[e] = True
    st.phase[e] = len(u.phase_table.names) - 1
    st.hire_day[e] = m.env.now - 20 * 365.0
    st.mentor_given[e] = 0.0
    budget_b, econ_b = _week(u)
    cash = budget_b - budget_a
    assert cash > 0                                     # the extra post is paid
    assert econ_b - econ_a <= cash + 1e-6               # the invariant
    # and strictly below: its work fills the empty budgeted post (a week of a post)
    assert econ_b - econ_a < cash - 0.5 * cash


# -- a whole option: working time without recovery, paid time as its own line ---------

@pytest.fixture(scope="module")
def six_plus_two():
    files = [SCENARIOS / "baseline.yaml", SCENARIOS / "six_plus_two_no_redesign.yaml"]
    scs = [load_scenario(f, [*SHORT, "policies.working_time.productivity_gain=0"])
           if "six" in f.name else load_scenario(f, list(SHORT)) for f in files]
    t = run_comparison(scs, seed=scs[0].simulation.seed, replications=2, workers=1)
    cb = cost_benefit(t["summary"], t["costs"], scs[0].simulation.years, t["timeseries"])
    return t, cb


def test_working_time_without_recovery_has_a_positive_economic_net_cost(six_plus_two):
    t, cb = six_plus_two
    c = cb[cb.scenario == "six_plus_two_no_redesign"].set_index("measure")["mean"]
    assert c["net_cost_economic_sek_per_year"] > 0
    # the freed hours are all lost: the work not recovered is valued like the pay moved
    # (value of work 1.0, the same labour cost), less what extra capacity absorbs (none
    # in a unit at or under its budgeted posts)
    assert c["work_lost_measure_time_per_year"] > 0.8 * c["paid_time_off_casework_per_year"]
    costs_6 = t["costs"][t["costs"].scenario == "six_plus_two_no_redesign"]
    assert set(costs_6[costs_6.category == "lost_measure_time"].block) == {"measures"}


def test_the_budget_net_is_its_parts_with_paid_time_apart(six_plus_two):
    _, cb = six_plus_two
    c = cb[cb.scenario == "six_plus_two_no_redesign"].set_index("measure")["mean"]
    changes = sum(c[m] for m in c.index if m.endswith("_cost_change_per_year"))
    assert c["paid_time_off_casework_per_year"] > 0
    assert c["net_cost_budget_sek_per_year"] == pytest.approx(
        c["policy_cost_per_year"] + changes + c["payroll_change_per_year"]
        + c["paid_time_off_casework_per_year"], rel=1e-6)


def _detail_amounts(lines: list[str], lang: str) -> list[tuple[int, float, str]]:
    """(indent, amount, line) of every detail line that shows an amount (the mean)."""
    head = {"en": "Each option in detail", "sv": "Varje alternativ i detalj"}[lang]
    start = next(i for i, x in enumerate(lines) if x.startswith(head))
    money = (re.compile(r"SEK (-?[\d,]+)") if lang == "en"
             else re.compile(r"(-?\d{1,3}(?: \d{3})*) kr"))
    out = []
    for line in lines[start:]:
        m = money.search(line)
        if m:
            indent = len(line) - len(line.lstrip(" "))
            out.append((indent, float(re.sub(r"[ ,]", "", m.group(1))), line))
    return out


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_no_detail_line_exceeds_the_total_it_is_part_of(six_plus_two, lang):
    from model.present.console import cost_benefit_lines, time_moved_lines
    t, cb = six_plus_two
    comparison = pd.DataFrame({"scenario": ["baseline", "six_plus_two_no_redesign"],
                               "metric": ["turnover_rate"] * 2, "mean": [0.2, 0.25],
                               "ci_low": [0.18, 0.2], "ci_high": [0.22, 0.3]})
    lines = cost_benefit_lines(cb, comparison, "", lang, details=True)
    amounts = _detail_amounts(lines, lang)
    assert amounts
    # a line indented under another is a part of it: never larger in size
    for i, (indent, value, line) in enumerate(amounts):
        parents = [a for a in amounts[:i] if a[0] < indent]
        if parents and parents[-1][0] >= 4:
            assert abs(value) <= abs(parents[-1][1]) + 1, (line, parents[-1][2])
    # the paid time moved is printed, at the level of the payroll change
    moved = [a for a in amounts if a[2].strip().startswith(
        {"en": "paid time moved", "sv": "betald tid flyttad"}[lang])]
    payroll = [a for a in amounts if a[2].strip().startswith(
        {"en": "payroll", "sv": "lönekostnad"}[lang])]
    assert moved and payroll and moved[0][0] == payroll[0][0]
    # and in the short output, after the ranking
    short = time_moved_lines(cb, lang)
    assert len(short) == 3 and "six_plus_two_no_redesign" in short[2]


# -- the unit's replacement cost: one marginal figure --------------------------------

@pytest.fixture(scope="module")
def probe():
    common = ["simulation.years=3", "simulation.warmup_years=1",
              "simulation.replications=4", "simulation.seed=2024"]
    path, step = replacement.PROBE
    base = run_scenario(scenario(*common), workers=1)
    more = run_scenario(scenario(*common, f"{path}={0.03 + step}"), workers=1)
    return common, base, more


def test_the_replacement_cost_adds_up_by_block(probe):
    _, base, more = probe
    t = replacement.marginal_replacement_cost(base, more).set_index("block")
    blocks = t[t.part == "block"]
    assert set(replacement.JOHREN_BLOCKS) <= set(blocks.index)
    assert {"recruitment_market", "payroll", "sick_leave"} <= set(blocks.index)
    assert blocks.sek_per_exit.sum() == pytest.approx(t.loc["total", "sek_per_exit"])
    assert (t.loc["johren", "sek_per_exit"] + t.loc["knock_on", "sek_per_exit"]
            == pytest.approx(t.loc["total", "sek_per_exit"]))
    # the economic view adds the work lost to the cash
    assert t.loc["total", "sek_per_exit"] > t.loc["cash", "sek_per_exit"]
    assert (t.ci_low <= t.sek_per_exit + 1e-6).all()


def test_a_value_of_work_sensitivity_rescales_exactly_what_a_rerun_gives(probe):
    common, base, more = probe
    path, step = replacement.PROBE
    f = "economics.value_of_work_factor=1.5"
    base15 = run_scenario(scenario(*common, f), workers=1)
    more15 = run_scenario(scenario(*common, f"{path}={0.03 + step}", f), workers=1)
    scaled = replacement.marginal_replacement_cost(base, more, 1.5)
    rerun = replacement.marginal_replacement_cost(base15, more15)
    np.testing.assert_allclose(scaled.sek_per_exit, rerun.sek_per_exit, rtol=1e-9)


def test_the_literature_is_converted_to_the_model_price_year():
    low, high = prices.replacement_range()
    assert prices.PRICE_YEAR == 2023
    assert low == pytest.approx(340_000 * prices.LABOUR_COST_2015_TO_2023)
    assert high == pytest.approx(542_700 * prices.LABOUR_COST_2015_TO_2023)
    lo, hi = prices.LABOUR_COST_FACTOR_RANGE
    assert lo < prices.LABOUR_COST_2015_TO_2023 < hi


def test_the_validation_section_names_price_year_blocks_and_the_factors():
    from model.present import validation
    text = "\n".join(validation.exit_cost_section(
        2, ("simulation.years=2", "simulation.warmup_years=0.5")))
    assert "2023 SEK" in text and "x1.30" in text
    for block in replacement.JOHREN_BLOCKS:
        assert f"| {block} |" in text
    rows = re.findall(r"^\| (1|1\.25|1\.5) \| (-?\d+) \|", text, flags=re.M)
    assert [r[0] for r in rows] == ["1", "1.25", "1.5"]
    assert not math.isnan(float(rows[0][1]))


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_compare_writes_the_unit_replacement_cost_and_the_views_name_it(tmp_path, lang):
    import simulate
    from model.present.dashboard.data import load_results
    from model.present.dashboard.tables import views_html
    out = tmp_path / "res"
    assert simulate.main(["compare", str(SCENARIOS / "baseline.yaml"),
                          str(SCENARIOS / "smaller_groups.yaml"), "--out", str(out),
                          "--years", "2", "--warmup-years", "0.5", "--replications", "3",
                          "--quiet", "--replacement-cost"]) == 0
    rc = pd.read_parquet(out / "replacement_cost.parquet")
    assert list(rc.columns) == replacement.REPLACEMENT_COLUMNS
    assert {"total", "johren", "knock_on", "cash", *replacement.JOHREN_BLOCKS} <= set(rc.block)
    text = views_html(load_results(out), lang)
    assert 'class="replacement-cost"' in text
    assert {"en": "2023 prices", "sv": "2023 års priser"}[lang] in text
    # the knock-on sum is broken down, so a crisis response or a younger staff's pay
    # inside it can be seen
    from model.present.dashboard.i18n import block_label
    for block in rc[(rc.part == "block") & (rc.kind == "knock_on")].block:
        label = block_label(block, lang)
        assert label[:1].lower() + label[1:] in text.replace("&#x27;", "'"), block


def test_the_main_job_asks_for_the_replacement_cost():
    from model.cli import runs
    assert "--replacement-cost" in runs._main_job([])


def test_the_validation_section_gives_six_plus_two_a_verdict_at_each_productivity_gain():
    """docs/VALIDATION.md's 6+2 section: one row per point of the documented range (the
    default marked), each with a verdict; without a productivity gain the freed hours
    are not recovered, so the work not recovered is larger than at the top of the range."""
    from model.present import validation
    text = "\n".join(validation.productivity_section(
        3, ("simulation.years=2", "simulation.warmup_years=0.5")))
    rows = re.findall(r"^\| ([\d.]+)( \(default\))? \|.*\| (-?\d+) \| \d+% \|.*\| "
                      r"(saves|costs|uncertain|\*\*warning\*\*) \|$", text, flags=re.M)
    gains = [float(r[0]) for r in rows]
    assert gains == sorted(gains) and gains[0] == 0 and gains[-1] == 0.35
    assert [r[0] for r in rows if r[1]] == ["0.15"]
    assert int(rows[0][2]) > int(rows[-1][2])


def test_under_drawn_assumptions_the_replacement_probe_is_paired_with_the_base_at_its_own():
    """Under drawn assumptions each base replication ran with assumptions of its own,
    while the probe keeps the scenario's: pairing them would mix the assumptions'
    effect into the cost of an exit. The figure must be the one a base run at the
    scenario's assumptions gives, whatever the drawn runs' costs were."""
    from model.config.scenario import load_scenario
    from model.experiment import run_scenario
    base = load_scenario(SCENARIOS / "baseline.yaml",
                         ["simulation.years=2", "simulation.warmup_years=0.5",
                          "simulation.replications=3"])
    fixed = run_scenario(base)
    expected = replacement.unit_replacement_cost(fixed, base)
    drawn = {k: v.copy() for k, v in fixed.items()}
    drawn["summary"]["draw"] = np.arange(len(drawn["summary"]))
    drawn["costs"]["sek"] = drawn["costs"]["sek"] * 3.0      # futures unlike the probe's
    got = replacement.unit_replacement_cost(drawn, base)
    pd.testing.assert_frame_equal(got.reset_index(drop=True),
                                  expected.reset_index(drop=True))


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_console_marks_an_uncertain_condition_as_the_brief_does(six_plus_two, lang):
    # the brief read 'ingen varning, villkor osäkert' where the console read plain 'ok'
    from model.present.console import ranking_lines
    _, warned = six_plus_two
    scen = "six_plus_two_no_redesign"
    assert (warned[warned.scenario == scen].service_flag != "").all()
    quiet = warned.assign(service_flag="")        # the same option without its warning
    unsure = {"en": "no warning, condition uncertain*",
              "sv": "ingen varning, villkor osäkert*"}[lang]
    note = {"en": "* The queue or the turnover holds only if",
            "sv": "* Kön eller personalomsättningen hålls bara om"}[lang]
    plain = ranking_lines(quiet, lang, runs=8)
    marked = ranking_lines(quiet, lang, runs=8, unsure={scen})
    assert not any(unsure in ln or note in ln for ln in plain)
    assert any(ln.rstrip().endswith(unsure) for ln in marked) and marked[-1].startswith(note)
    # a warned option keeps its warning, and needs no marker
    assert ranking_lines(warned, lang, runs=8, unsure={scen}) == ranking_lines(warned, lang,
                                                                               runs=8)
