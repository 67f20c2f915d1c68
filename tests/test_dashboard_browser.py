"""The dashboard answers "which option?": a default selection of the base and the best
options, one colour per scenario, every label in the chosen language, the view in the
address; and the sweep views name their axes from the parameter schema. The browser
tests reuse the headless Chromium of tests/test_dashboard.py, one page load each where
possible."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest
from test_dashboard import _open, _values, sweep_dir  # noqa: F401 - shared fixtures

import simulate
from conftest import BASELINE, BUNDLED, SCENARIOS

OTHERS = ["six_plus_two", "no_consultants", "trainees", "salary_ladder_umea",
          "kiruna_2017"]
# English words of the dashboard's interface, measure names and ledger categories: none
# may be left on the page in Swedish mode
ENGLISH = ["Turnover", "turnover", "Cost", "cost", "Costs", "Year", "year", "years",
           "Exits", "exits", "Share", "share", "staff", "Salary", "salary", "ladder",
           "working time", "Measure", "measure", "Option", "option", "Rank", "Service",
           "warning", "Headcount", "Employees", "Scenarios", "Default", "All", "None",
           "Totals", "By category", "cash flow", "Economic", "economic", "per head",
           "Work lost", "Sick pay", "Recruitment", "recruitment", "Consultants",
           "Resignation", "Retirement", "Pulled away", "Waiting", "million", "thousand",
           "SEK", "Cases", "cases", "Investigations", "Probability", "Payback", "Net",
           "base", "Today", "programme", "support", "posts", "Mentor", "Trainee",
           "Smaller", "groups", "day", "hours", "Pay", "supplement", "Vacancy", "Ramp-up",
           "Overdue", "queue", "Key figures", "Provenance", "Seed", "Replications"]


@pytest.fixture(scope="module")
def six_dir(tmp_path_factory):
    """A comparison of six scenarios: more than the default selection shows."""
    out = tmp_path_factory.mktemp("six") / "res"
    code = simulate.main(["compare", str(BASELINE),
                          *[str(SCENARIOS / f"{n}.yaml") for n in OTHERS],
                          "--out", str(out), "--years", "1", "--warmup-years", "0.5",
                          "--replications", "2", "--quiet", "--dashboard"])
    assert code == 0
    return out


def _ranking(path) -> list[str]:
    from model.experiment.costbenefit import ranking
    return ranking(pd.read_parquet(path / "cost_benefit.parquet")).scenario.tolist()


@pytest.mark.slow
def test_default_selection_is_the_base_and_the_best_three(six_dir):
    from model.present.dashboard.data import default_selection, display_order, load_results
    res = load_results(six_dir)
    order = _ranking(six_dir)
    assert default_selection(res) == ["baseline", *order[:3]]
    assert display_order(res) == ["baseline", *order]
    page = (six_dir / "dashboard.html").read_text(encoding="utf-8")
    ticked = re.findall(r'<label data-name="([^"]+)"><input type="checkbox" data-s="\d+" '
                        r"checked>", page)
    assert ticked == ["baseline", *order[:3]]
    # titles, not file names, in the ranking, the selector and the cards
    assert "Lönetrappa (Umeå)" in page and "Salary ladder (Umeå)" in page


def test_every_bundled_scenario_gets_its_own_colour():
    from model.present.dashboard.style import colour, dash, symbol
    n = len(BUNDLED)
    assert n >= 21
    assert len({colour(i) for i in range(n)}) == n
    # past the palette, line dash and marker tell scenarios apart
    styles = {(colour(i), dash(i), symbol(i)) for i in range(3 * n)}
    assert len(styles) == 3 * n


def test_every_policy_and_its_costs_have_a_name_in_both_languages():
    from model.present.dashboard.i18n import T, category_label
    from model.sim.params.policies import Policies
    for name in Policies.model_fields:
        assert f"pol_{name}" in T, name
        for prefix in ("policy_", "time_"):
            sv, en = category_label(prefix + name, "sv"), category_label(prefix + name, "en")
            assert name.replace("_", " ") not in sv, sv     # the Swedish name, not the key
            assert "_" not in sv + en


@pytest.mark.slow
def test_the_address_opens_the_same_view(browser, six_dir):  # noqa: F811
    show = ["kiruna_2017", "trainees"]
    page, log = _open(browser, six_dir / "dashboard.html",
                            f"?lang=en&show={','.join(show)}")
    try:
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.is_visible("#ranking .only-en") and page.is_hidden("#ranking .only-sv")
        assert _ticked(page) == set(show)
        assert _drawn(page, "cost_turnover") == set(show)
        cards = page.eval_on_selector_all(".card", "cs => cs.filter(c => c.style.display"
                                          " !== 'none').length")
        assert cards == 2
        # a click on an option's row in the ranked table shows it too, and a change is
        # written back to the address ...
        page.click("#ranking .only-en tr[data-scenario='no_consultants']")
        assert _ticked(page) == {*show, "no_consultants"}
        page.click("#btn-sv")
        page.wait_for_function("document.documentElement.lang === 'sv'")
        query = parse_qs(urlparse(page.url).query)
        assert query["lang"] == ["sv"]
        assert set(query["show"][0].split(",")) == {*show, "no_consultants"}
        url = page.url
        assert log["errors"] == []
    finally:
        page.close()
    # ... and that address opens the same view
    again, log = _open(browser, six_dir / "dashboard.html", "?" + url.split("?", 1)[1])
    try:
        assert again.evaluate("document.documentElement.lang") == "sv"
        assert _ticked(again) == {*show, "no_consultants"}
        assert _drawn(again, "turnover") == {*show, "no_consultants"}
        assert log["errors"] == []
    finally:
        again.close()


@pytest.mark.slow
def test_swedish_mode_has_no_english_label_and_every_scenario_its_colour(browser,  # noqa: F811
                                                                          six_dir):
    page, log = _open(browser, six_dir / "dashboard.html", "?show=all")
    try:
        page.click(".groups button[data-g='category']")
        page.wait_for_timeout(500)
        texts = page.evaluate("""() => {
          const out = [];
          const vis = el => el.offsetParent !== null || el.closest('svg');
          document.querySelectorAll('h1, h2, #ranking th, #ranking td strong, #ranking p, '
            + '#ranking li, #selector label, #selector button, #selector p, .card h3, '
            + '.kpi > span:first-child, .groups button').forEach(el => {
              if (vis(el) && el.innerText.trim()) out.push(el.innerText.trim()); });
          document.querySelectorAll('.chart .main-svg text').forEach(el => {
              if (el.textContent.trim()) out.push(el.textContent.trim()); });
          return out; }""")
        assert len(texts) > 200
        joined = "\n".join(texts)
        for name in ("Lönetrappa (Umeå)", "Inga konsulter", "Kiruna 2017",
                     "Personalomsättning per år", "Budget (kassaflöde)", "Löner"):
            assert name in joined, name
        left = sorted({w for w in ENGLISH for x in texts
                       if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", x)})
        assert left == [], [x for x in texts if any(w in x for w in left)][:10]
        # every scenario its own colour, the same in every chart and in the selector
        by_chart = page.evaluate("""() => {
          const out = {};
          for (const id of ['turnover', 'cost_turnover', 'exits']) {
            const gd = document.getElementById('fig-' + id); out[id] = {};
            gd.data.forEach(tr => { if (tr.meta && tr.meta.s !== undefined && tr.line
                && tr.mode === 'lines' && !tr.fill) out[id][tr.meta.s] = tr.line.color;
              if (tr.meta && tr.meta.s !== undefined && tr.type === 'scatter'
                && tr.mode === 'markers') out[id][tr.meta.s] = tr.marker.color;
              if (tr.meta && tr.type === 'bar') out[id][tr.meta.s] = tr.marker.color; });
          }
          out.swatch = {};
          document.querySelectorAll('#selector input[data-s]').forEach(cb => {
            const sw = cb.parentElement.querySelector('.swatch');
            out.swatch[cb.dataset.s] = sw.style.backgroundColor; });
          return out; }""")
        n = 1 + len(OTHERS)
        colours = by_chart["turnover"]
        assert len(colours) == n and len(set(colours.values())) == n
        for chart in ("cost_turnover", "exits"):
            assert by_chart[chart] == colours, chart
        assert len(set(by_chart["swatch"].values())) == n
        # the ranked table in the order of the cost-benefit ranking
        rows = page.eval_on_selector_all("#ranking .only-sv tbody tr",
                                         "rs => rs.map(r => r.dataset.scenario)")
        assert rows == _ranking(six_dir)
        assert log["errors"] == []
    finally:
        page.close()


def _ticked(page) -> set[str]:
    return set(page.eval_on_selector_all(
        "#selector label", "ls => ls.filter(l => l.querySelector('input').checked)"
        ".map(l => l.dataset.name)"))


def _drawn(page, chart) -> set[str]:
    """The scenarios whose traces the chart shows."""
    names = json.loads(page.text_content("#state"))["names"]
    idx = page.evaluate("id => document.getElementById('fig-' + id).data.filter("
                        "t => t.visible !== false && t.meta && t.meta.s !== undefined)"
                        ".map(t => t.meta.s)", chart)
    return {names[i] for i in idx}


# -- sweep views ---------------------------------------------------------------------------

def test_sweep_axes_are_named_from_the_schema_in_both_languages(sweep_dir):  # noqa: F811
    from model.present.dashboard import sweepfigs as S
    from model.present.dashboard.data import load_results
    from model.present.dashboard.labels import param_label
    from model.sim.params.unit import Unit
    res = load_results(sweep_dir)
    doc = Unit.model_fields["posts"].description.rstrip(".")
    assert param_label("unit.posts", "en") == f"{doc} (FTE posts)"
    assert param_label("unit.posts", "sv").endswith("(tjänster)")
    path = "policies.salary_ladder.steps.0.supplement_sek_per_month"
    assert "supplement_sek" not in param_label(path, "en")
    for lang, sep in (("sv", ", "), ("en", ".,")):
        for fn in (S.sweep_splom, S.sweep_pareto, S.sweep_heatmap, S.sensitivity_bars):
            fig = fn(res, lang)
            assert fig["layout"]["separators"] == sep
            text = json.dumps(fig["layout"], ensure_ascii=False)
            # no raw parameter path or output column as a label
            assert "unit.posts" not in text and "total_cost_sek" not in text, fn.__name__
            assert "supplement_sek_per_month" not in text, fn.__name__
        heat = S.sweep_heatmap(res, lang)
        assert all(isinstance(v, float) for v in heat["data"][0]["x"])   # numeric axis


def test_the_pareto_front_never_mixes_unit_sizes_silently(sweep_dir):  # noqa: F811
    from model.present.dashboard import sweepfigs as S
    from model.present.dashboard.data import load_results
    res = load_results(sweep_dir)
    fig = S.sweep_pareto(res, "en")
    sizes = sorted(res.tables["sweep"]["unit.posts"].unique())
    fronts = [tr for tr in fig["data"] if tr["mode"] == "lines+markers"]
    assert len(fronts) == len(sizes)                            # one front per size
    assert "different sizes" in fig["layout"]["title"]["subtitle"]["text"]
    pts = res.tables["sweep"].groupby("point").mean()
    for front, size in zip(fronts, sizes):
        costs = pts.total_cost_sek[pts["unit.posts"] == size] / 1e6
        assert all(any(abs(y - c) < 1e-9 for c in costs) for y in _values(front["y"]))
    sv = S.sweep_pareto(res, "sv")["layout"]["title"]["subtitle"]["text"]
    assert "olika storlek" in sv and "32, 40, 48" in sv
