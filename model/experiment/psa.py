"""Probabilistic sensitivity analysis (PSA): a comparison whose runs each draw the
uncertain assumptions as well as chance, and what follows from it for a decision.

``compare --uncertainty N`` runs N draws of the uncertain parameters
(``model.config.uncertain``), each shared by every option, and ``per_draw``
replications of each draw: run ``i`` of every option uses draw ``i // per_draw`` and the
random streams of (seed, i), so options are paired in both their parameters and their
chance. Each run is one possible future of the unit: every interval and probability over
the runs carries chance and assumptions together.

The decision tables (health economics' reference case; BCEA and dampack compute the
same quantities):

* ``p_best``: per option, the share of draws in which it has the lowest economic net
  cost among the base and the options without a service warning (an option with a
  warning is not eligible), with a Wilson interval.
* ``ceac``: the same probability against the value a committee puts on one avoided exit
  (net benefit = value x exits avoided per year - economic net cost per year).
* ``evppi``: per option and uncertain parameter, the expected value of partial perfect
  information for the choice between the option and the base, in SEK a year, by the
  regression method of Strong, Oakley & Brennan (2014): the option's net benefit
  against the base is regressed on the parameter's drawn values (a polynomial of degree
  0-3 chosen by generalised cross-validation, in place of their GAM); EVPPI =
  mean(max(0, fit)) - max(0, mean(fit)). ``flip_value`` is where the fit crosses zero
  (the value at which the verdict flips), ``influence_sek_per_year`` the range of the
  fit over the draws.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..config import uncertain
from ..errors import UserError
from ..sim.metrics import frame, join_columns
from ..sim.params import Scenario
from . import TABLES, batches, sizing
from .intervals import wilson

MIN_DRAWS = 24             # fewer draws cannot support the regression behind EVPPI
# A draw is kept only when the base's first run shows a turnover the unit is known to show
# (``simulation.plausible_turnover``; default DOMAIN.md's range of annual exits from a
# unit, 10-35 %: SCB/SSR, Uppsala, Humana). The draws are independent, and some
# combinations of assumptions (a strong spiral, a weak market) describe no unit that
# exists: rejection on the calibration target (approximate Bayesian computation) keeps the
# futures consistent with what is observed.
OVERSAMPLE = 3             # candidate draws per draw wanted
VALUES_PER_EXIT = tuple(range(0, 1_000_001, 50_000))     # SEK per avoided exit (CEAC)
MAX_DEGREE = 3


def check_draws(draws: int) -> None:
    """Refuse a PSA with too few draws, in one line naming the option."""
    if 0 < draws < MIN_DRAWS:
        raise UserError(f"--uncertainty {draws}: at least {MIN_DRAWS} draws are needed "
                        "(the EVPPI regression needs them); 0 holds the assumptions fixed")


def plan(scenarios: list[Scenario], draws: int, seed: int
         ) -> tuple[dict[tuple[str, int], str], pd.DataFrame]:
    """Per (scenario, draw) the drawn scenario as JSON text, and the draws table
    (scenario, draw, parameter, quantile, value)."""
    specs = {sc.name: uncertain.specs_for(sc) for sc in scenarios}
    paths = sorted({s.path for ss in specs.values() for s in ss})
    q = uncertain.quantiles(paths, draws, seed)
    texts, rows = {}, []
    for sc in scenarios:
        for d in range(draws):
            values = uncertain.draw_values(sc, {p: q[p][d] for p in paths})
            texts[(sc.name, d)] = uncertain.with_values(sc, values).model_dump_json()
            rows += [{"scenario": sc.name, "draw": d, "parameter": p,
                      "quantile": float(q[p][d]), "value": v} for p, v in values.items()]
    return texts, pd.DataFrame(rows, columns=["scenario", "draw", "parameter", "quantile",
                                              "value"])


def screen_counts(screen: pd.DataFrame | None) -> tuple[int, int]:
    """(left out, examined): the candidate draws up to the last one kept, and how many of
    them the screen left out (the candidates after it were not needed)."""
    if screen is None or screen.empty or not screen.kept.any():
        return 0, 0
    examined = int(np.flatnonzero(screen.kept.to_numpy())[-1]) + 1
    return examined - int(screen.kept.sum()), examined


def screen_round(needed: int, kept: int, examined: int, workers: int) -> int:
    """How many more candidates the screen runs to find ``needed`` more plausible draws:
    at the acceptance seen so far (all, before any is run; at least one in four), with a
    fifth more and a run per worker to spare. The draws kept are the first plausible
    candidates in order whatever the rounds, so rounds only save the runs not needed."""
    rate = max(kept / examined if examined else 1.0, 0.25)
    return int(np.ceil(needed / rate * 1.2)) + max(workers, 1)


def run(scenarios: list[Scenario], seed: int, draws: int, per_draw: int, workers: int = 1,
        progress=None, scheduler: str | None = None,
        plausible: tuple[float, float] | None | str = "base") -> dict[str, pd.DataFrame]:
    """Every option's runs over the draws (one pool for all of them), tables concatenated
    base first, with ``draw`` in the summary and the ``draws`` table (the kept draws),
    and ``screen`` (every candidate draw, the base's first-run turnover, kept or not).

    With ``plausible`` (low, high), ``OVERSAMPLE`` times as many candidate draws are made
    and the base's first run of each is run first, in rounds (``screen_round``) until
    enough are found; the first ``draws`` candidates whose turnover lies in the range are
    kept (in candidate order, so the result depends neither on the workers nor on the
    rounds). Too few plausible candidates is an error naming the range.
    ``"base"``: the base's own ``simulation.plausible_turnover``; None: no screen."""
    if plausible == "base":
        plausible = tuple(scenarios[0].simulation.plausible_turnover)
    tried = draws * OVERSAMPLE if plausible else draws
    texts, draws_table = plan(scenarios, tried, seed)
    results: dict[str, dict[int, dict]] = {sc.name: {} for sc in scenarios}

    def done(key, rep, cols):
        results[key[0]][rep] = cols

    post_years = sizing.post_years(scenarios)

    def execute(items):
        # (scenario, draw) keys: a batch sends each drawn scenario's text once
        batches.run_replications(items, seed, workers, done, post_years, progress,
                                 scheduler)

    base = scenarios[0].name
    turnover = np.full(tried, np.nan)       # NaN: a candidate the screen did not need
    if plausible:
        examined = 0
        ok = np.empty(0, int)
        while ok.size < draws and examined < tried:
            chunk = range(examined, min(tried, examined + screen_round(
                draws - ok.size, ok.size, examined, workers)))
            execute([((base, c), texts[(base, c)], c * per_draw) for c in chunk])
            for c in chunk:
                turnover[c] = float(results[base][c * per_draw]["summary"]["turnover_rate"][0])
            examined = chunk.stop
            ok = np.flatnonzero((turnover >= plausible[0]) & (turnover <= plausible[1]))
        if ok.size < draws:
            from ..config.capacity import span_far, span_z
            seen = turnover[~np.isnan(turnover)]
            span = ""
            if span_far(scenarios[0]):
                s, z = span_z(scenarios[0])
                span = (f"span of control {s:.0f} staff per manager, manager support "
                        f"{-z:.1f} SD down (unit.managers and unit.team_leaders do not "
                        "grow with unit.posts: set them too for a larger unit)")
            raise UserError(
                f"--uncertainty {draws}: only {ok.size} of {tried} draws of the assumptions "
                f"give the base a turnover within {plausible[0]:.0%}-{plausible[1]:.0%} a "
                "year (simulation.plausible_turnover, the range the unit shows; the base's "
                f"median over the draws was {np.median(seen):.0%}); "
                + (f"the base has a {span}; " if span else "")
                + "check the base, its uncertainty block or that range")
        if progress and examined < tried:
            progress(tried - examined)      # the candidates not needed count as done
        kept = [int(c) for c in ok[:draws]]
        for c in set(range(tried)) - set(kept):      # screened out: not part of the result
            results[base].pop(c * per_draw, None)
    else:
        kept = list(range(draws))
    reps = [c * per_draw + j for c in kept for j in range(per_draw)]
    execute([((sc.name, rep // per_draw), texts[(sc.name, rep // per_draw)], rep)
             for rep in reps for sc in scenarios if rep not in results[sc.name]])
    parts = [{name: frame(join_columns([results[sc.name][r].pop(name) for r in reps]))
              for name in TABLES} for sc in scenarios]
    tables = {name: pd.concat([p[name] for p in parts], ignore_index=True) for name in TABLES}
    tables["summary"]["draw"] = tables["summary"]["replication"] // per_draw
    tables["draws"] = draws_table[draws_table.draw.isin(kept)].reset_index(drop=True)
    tables["screen"] = pd.DataFrame({"draw": np.arange(tried), "base_turnover": turnover,
                                     "kept": np.isin(np.arange(tried), kept)})
    return tables


# ---------------------------------------------------------------------------
# the decision tables


def per_draw_outcomes(summary: pd.DataFrame, costs: pd.DataFrame, years: float
                      ) -> pd.DataFrame:
    """Per (scenario, draw): the economic net cost per year and the exits avoided per
    year against the base (the first scenario), each the mean of the draw's runs; the
    base's own rows are zero. Without a ``draw`` column every run is its own draw."""
    from .costbenefit import _per_rep
    order = list(dict.fromkeys(summary["scenario"]))
    draw = (summary.set_index(["scenario", "replication"])["draw"]
            if "draw" in summary else None)
    base_c = _per_rep(costs, order[0], years)
    base_s = summary[summary.scenario == order[0]].set_index("replication")
    rows = []
    for scen in order:
        cur = _per_rep(costs, scen, years)
        s = summary[summary.scenario == scen].set_index("replication")
        common = cur.index.intersection(base_c.index).intersection(s.index)
        net = ((cur.budget + cur.lost) - (base_c.budget + base_c.lost)).loc[common]
        avoided = (base_s.exits - s.exits).loc[common] / years
        d = draw.loc[scen].loc[common] if draw is not None else pd.Series(common, common)
        g = pd.DataFrame({"net": net, "avoided": avoided, "draw": d.to_numpy()})
        g = g.groupby("draw").mean()
        rows.append(pd.DataFrame({"scenario": scen, "draw": g.index,
                                  "net_cost_economic": g.net.to_numpy(),
                                  "exits_avoided": g.avoided.to_numpy()}))
    return pd.concat(rows, ignore_index=True)


def _eligible(outcomes: pd.DataFrame, warned: set[str]) -> list[str]:
    return [s for s in dict.fromkeys(outcomes.scenario) if s not in warned]


def best_shares(outcomes: pd.DataFrame, warned: set[str], value_per_exit: float
                ) -> tuple[dict[str, int], int]:
    """How many draws each eligible option has the highest net benefit at this value of
    an avoided exit (ties to the earlier option), and the number of draws."""
    names = _eligible(outcomes, warned)
    nb = (outcomes.assign(nb=value_per_exit * outcomes.exits_avoided
                          - outcomes.net_cost_economic)
          .pivot(index="draw", columns="scenario", values="nb")[names])
    best = nb.to_numpy().argmax(axis=1)
    counts = {n: int((best == i).sum()) for i, n in enumerate(names)}
    return counts, len(nb)


def p_best_rows(outcomes: pd.DataFrame, warned: set[str]) -> list[dict]:
    """``p_best`` (value of an exit 0: the lowest economic net cost) of every option
    after the base, as cost-benefit rows; NaN for an option with a service warning."""
    counts, n = best_shares(outcomes, warned, 0.0)
    rows = []
    for scen in list(dict.fromkeys(outcomes.scenario))[1:]:
        k = counts.get(scen)
        lo, hi = wilson(k, n) if k is not None else (math.nan, math.nan)
        rows.append({"scenario": scen, "measure": "p_best", "unit": "probability",
                     "mean": k / n if k is not None and n else math.nan,
                     "ci_low": lo, "ci_high": hi, "median": math.nan,
                     "interval": "wilson"})
    return rows


def ceac(outcomes: pd.DataFrame, warned: set[str]) -> pd.DataFrame:
    """The cost-effectiveness acceptability curve: per option (the base included) and
    value of one avoided exit, the probability of the highest net benefit."""
    rows = []
    for value in VALUES_PER_EXIT:
        counts, n = best_shares(outcomes, warned, float(value))
        for scen in dict.fromkeys(outcomes.scenario):
            k = counts.get(scen)
            rows.append({"scenario": scen, "value_per_avoided_exit_sek": value,
                         "p_best": k / n if k is not None and n else math.nan})
    return pd.DataFrame(rows)


def _fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Fitted values of y on x: the polynomial (degree 0-3) with the least generalised
    cross-validation error."""
    n = len(x)
    z = (x - x.mean()) / (x.std() or 1.0)
    best, fitted = math.inf, np.full(n, y.mean())
    for degree in range(0, MAX_DEGREE + 1):
        p = degree + 1
        if n - p < 3:
            break
        coef = np.polyfit(z, y, degree)
        f = np.polyval(coef, z)
        gcv = n * float(((y - f) ** 2).sum()) / (n - p) ** 2
        if gcv < best - 1e-12:
            best, fitted = gcv, f
    return fitted


def _crossing(x: np.ndarray, f: np.ndarray) -> float:
    """Where the fitted net benefit changes sign along x (linear between the sorted
    draws), or NaN when it keeps one sign."""
    order = np.argsort(x)
    xs, fs = x[order], f[order]
    sign = np.sign(fs)
    change = np.flatnonzero(sign[:-1] * sign[1:] < 0)
    if not change.size:
        return math.nan
    i = int(change[len(change) // 2])
    return float(xs[i] - fs[i] * (xs[i + 1] - xs[i]) / (fs[i + 1] - fs[i]))


def evppi(outcomes: pd.DataFrame, draws_table: pd.DataFrame) -> pd.DataFrame:
    """EVPPI per (option, parameter) for the choice between the option and the base, in
    SEK a year (see the module docstring)."""
    cols = ["scenario", "parameter", "evppi_sek_per_year", "flip_value",
            "influence_sek_per_year"]
    order = list(dict.fromkeys(outcomes.scenario))
    rows = []
    for scen in order[1:]:
        o = outcomes[outcomes.scenario == scen].set_index("draw")
        inb = -o.net_cost_economic
        values = draws_table[draws_table.scenario == scen].pivot(
            index="draw", columns="parameter", values="value")
        for param in values.columns:
            x = values[param].reindex(inb.index).to_numpy(float)
            y = inb.to_numpy(float)
            if np.ptp(x) == 0:
                continue
            f = _fit(x, y)
            value = float(np.maximum(f, 0).mean() - max(f.mean(), 0.0))
            rows.append({"scenario": scen, "parameter": param,
                         "evppi_sek_per_year": max(value, 0.0),
                         "flip_value": _crossing(x, f),
                         "influence_sek_per_year": float(np.ptp(f))})
    return pd.DataFrame(rows, columns=cols)


def decisive(evppi_table: pd.DataFrame) -> pd.DataFrame:
    """Per option, its decisive assumption: the parameter with the largest EVPPI, or,
    when no parameter's perfect knowledge would change the verdict, the one that moves
    its net benefit most; with the value at which the verdict flips (NaN: none)."""
    if evppi_table.empty:
        return evppi_table
    t = evppi_table.sort_values(["scenario", "evppi_sek_per_year", "influence_sek_per_year"],
                                ascending=[True, False, False])
    return t.groupby("scenario", sort=False).head(1).reset_index(drop=True)
