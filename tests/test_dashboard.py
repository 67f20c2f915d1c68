"""The dashboard and the committee brief: built from result tables only, both languages,
escaped user text, and (in a real headless Chromium) rendered charts, a working scenario
selector and language toggle, no console errors and no network access."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest

import simulate
from conftest import BASELINE, SCENARIOS

EVIL = "<script>alert(1)</script>"
RUN_CHARTS = ["turnover", "experience", "caseload", "costs", "net_cost", "cost_turnover",
              "exits"]


@pytest.fixture(scope="module")
def comparison_dir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cmp")
    evil = tmp / "evil.yaml"
    evil.write_text(f"extends: {SCENARIOS / 'smaller_groups.yaml'}\nname: '{EVIL}'\n"
                    "description: 'a <b>bold</b> & risky description'\n")
    out = tmp / "res"
    code = simulate.main(["compare", str(BASELINE), str(evil),
                          str(SCENARIOS / "salary_ladder_umea.yaml"), "--out", str(out),
                          "--years", "2", "--warmup-years", "0.5", "--replications", "3",
                          "--quiet", "--dashboard"])
    assert code == 0
    return out


@pytest.fixture(scope="module")
def sweep_dir(tmp_path_factory):
    """A sweep result in the documented format (sweep.parquet, sensitivity.parquet)."""
    out = tmp_path_factory.mktemp("sweep")
    rng = np.random.default_rng(0)
    rows = []
    point = 0
    for a in (0.8, 1.0, 1.2):
        for b in (1000, 2000):
            for rep in range(3):
                rows.append({"point": point, "replication": rep, "unit.posts": 40 * a,
                             "policies.salary_ladder.steps.0.supplement_sek_per_month": b,
                             "turnover_rate": 0.2 / a + rng.normal(0, 0.01),
                             "total_cost_sek": 2.7e8 * a + b * 1000})
            point += 1
    pd.DataFrame(rows).to_parquet(out / "sweep.parquet")
    pd.DataFrame([{"output": "turnover_rate", "factor": "unit.posts", "method": "sobol",
                   "index": "ST", "value": 0.8, "ci_low": 0.7, "ci_high": 0.9},
                  {"output": "turnover_rate", "factor": "supplement", "method": "sobol",
                   "index": "ST", "value": 0.1, "ci_low": 0.05, "ci_high": 0.15}]
                 ).to_parquet(out / "sensitivity.parquet")
    (out / "manifest.json").write_text(json.dumps({
        "kind": "sweep", "design": "grid", "seed": 1, "replications": 3, "years": 5,
        "factors": ["unit.posts", "policies.salary_ladder.steps.0.supplement_sek_per_month"],
        "outputs": ["turnover_rate", "total_cost_sek"], "sweep_file": "example.yaml"}))
    return out


def test_dashboard_is_one_self_contained_escaped_file(comparison_dir):
    page = (comparison_dir / "dashboard.html").read_text(encoding="utf-8")
    assert EVIL not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # no external resources in the markup (scripts are inline; the browser test below
    # checks that no request leaves the file)
    markup = re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.S)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", markup)
    assert "<link" not in markup and "<script src" not in page
    assert "Svenska" in page and "English" in page
    for chart in RUN_CHARTS:
        assert f'id="fig-{chart}"' in page
    # Swedish number format in the cards: non-breaking thousands space and "kr"
    assert re.search(r"\d\u00a0\d{3}\u00a0kr", page)


def test_dashboard_command_reads_only_results(comparison_dir, tmp_path, monkeypatch):
    from model import experiment, workforce

    def forbidden(*a, **k):
        raise AssertionError("the dashboard must not run the model")

    monkeypatch.setattr(workforce.Model, "run", forbidden)
    monkeypatch.setattr(experiment, "run_scenario", forbidden)
    out = tmp_path / "d.html"
    assert simulate.main(["dashboard", str(comparison_dir), "-o", str(out)]) == 0
    assert out.stat().st_size > 1_000_000          # plotly.js is embedded


def test_dashboard_and_report_bad_input(tmp_path, capsys):
    assert simulate.main(["dashboard", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "not a result directory" in err and len(err.strip().splitlines()) == 1
    assert simulate.main(["report", str(tmp_path / "missing")]) == 2
    assert "not found" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        simulate.main(["report", str(tmp_path), "--lang", "de"])
    assert exc.value.code == 2


@pytest.mark.parametrize("lang, words", [
    ("sv", ["Frågan", "Nettokostnad per år", "ingen rekommendation", "STRESS-DES"]),
    ("en", ["The question", "Net cost per year", "makes no recommendation", "STRESS-DES"]),
])
def test_brief_in_both_languages(comparison_dir, tmp_path, lang, words):
    out = tmp_path / f"brief_{lang}.html"
    assert simulate.main(["report", str(comparison_dir), "--lang", lang, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    for word in words:
        assert word in text
    assert EVIL not in text and "&lt;script&gt;" in text
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; risky" in text
    # the appendix is filled from the run's real parameters
    man = json.loads((comparison_dir / "manifest.json").read_text())
    assert f"seed {man['seed']}" in text
    assert "520.0/year" in text                     # investigations inflow of the base
    assert "recommend" not in text.replace("no recommendation", "")


def test_brief_ranks_assumptions_from_a_sensitivity_analysis(comparison_dir, sweep_dir,
                                                             tmp_path):
    out = tmp_path / "b.html"
    assert simulate.main(["report", str(comparison_dir), "--lang", "en", "-o", str(out),
                          "--sensitivity", str(sweep_dir)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.index("unit.posts") < text.index("supplement")


# -- in a real browser ------------------------------------------------------------------

def _chromium() -> str | None:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return None
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        subprocess.run(["apt-get", "update", "-qq"], check=True, capture_output=True,
                       timeout=600, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True,
                       capture_output=True, timeout=900, env=env)
    except (subprocess.SubprocessError, OSError):
        return None
    return shutil.which("chromium")


@pytest.fixture(scope="module")
def browser():
    path = _chromium()
    if path is None:
        pytest.skip("Chromium is not installed and could not be installed with apt-get")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, headless=True,
                              args=["--no-sandbox", "--disable-gpu",
                                    "--disable-background-networking"])
        yield b
        b.close()


def _open(browser, path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    log = {"errors": [], "dialogs": [], "requests": []}
    page.on("console", lambda m: log["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.on("dialog", lambda d: (log["dialogs"].append(d.message), d.dismiss()))
    page.on("request", lambda r: log["requests"].append(r.url))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=120_000)
    return page, log


def _visible_traces(page, chart):
    return page.evaluate(
        "id => document.getElementById('fig-' + id).data"
        ".filter(t => t.visible !== false).length", chart)


def test_dashboard_in_a_real_browser(browser, comparison_dir, tmp_path):
    page, log = _open(browser, comparison_dir / "dashboard.html")
    try:
        # every expected chart rendered: an SVG with data
        for chart in RUN_CHARTS:
            n = page.evaluate("id => { const gd = document.getElementById('fig-' + id);"
                              " return gd.querySelectorAll('.main-svg').length > 0 ?"
                              " gd.data.length : 0; }", chart)
            assert n > 0, chart
            drawn = page.evaluate(
                "id => document.getElementById('fig-' + id).querySelectorAll("
                "'.scatterlayer .trace, .barlayer .trace').length", chart)
            assert drawn > 0, chart
        # the scenario selector hides the traces of a scenario in every chart
        before = {c: _visible_traces(page, c) for c in RUN_CHARTS}
        page.uncheck("#selector input[data-s='1']")
        page.wait_for_timeout(300)
        after = {c: _visible_traces(page, c) for c in RUN_CHARTS}
        for chart in RUN_CHARTS:
            assert after[chart] < before[chart], chart
        assert page.is_hidden(".card[data-s='1']")
        page.check("#selector input[data-s='1']")
        page.wait_for_timeout(300)
        assert _visible_traces(page, "turnover") == before["turnover"]
        # the language toggle changes titles and texts
        title_sv = page.text_content("#fig-costs .gtitle")
        h1_sv = page.inner_text("h1")
        page.click("#btn-en")
        page.wait_for_function("document.documentElement.lang === 'en'")
        page.wait_for_timeout(500)
        title_en = page.text_content("#fig-costs .gtitle")
        assert title_sv != title_en and "Costs" in title_en and "Kostnader" in title_sv
        assert page.inner_text("h1") != h1_sv
        assert page.is_visible(".card .only-en") and page.is_hidden(".card .only-sv")
        # the injected name shows as text and never runs
        label = page.inner_text("#selector label:nth-of-type(2)")
        assert EVIL in label
        assert EVIL in page.inner_text(".card[data-s='1'] h3")
        assert log["dialogs"] == []
        assert log["errors"] == []
        assert all(u.startswith(("file:", "data:", "blob:", "about:")) for u in log["requests"])
        page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
        assert (tmp_path / "dashboard.png").stat().st_size > 10_000
    finally:
        page.close()


def test_sweep_dashboard_in_a_real_browser(browser, sweep_dir, tmp_path):
    out = tmp_path / "sweep.html"
    assert simulate.main(["dashboard", str(sweep_dir), "-o", str(out)]) == 0
    page, log = _open(browser, out)
    try:
        for chart in ("splom", "pareto", "heatmap", "sensitivity"):
            assert page.evaluate("id => document.getElementById('fig-' + id)"
                                 ".querySelectorAll('.main-svg').length", chart) > 0, chart
        assert log["errors"] == []
        page.screenshot(path=str(tmp_path / "sweep.png"), full_page=True)
    finally:
        page.close()


def test_numbers_that_round_to_zero_are_never_shown_as_minus_zero():
    from model.dashboard.i18n import fmt
    assert fmt(-0.0004, "pct", "sv") == "0,0\u00a0%"
    assert fmt(-0.0004, "pct", "en") == "0.0%"
    assert fmt(-0.3, "sek", "en") == "SEK 0"
    assert fmt(-0.04, "num", "en") == "0.0"
    assert fmt(-0.004, "pct", "en") == "-0.4%"      # a real negative value keeps its sign
    assert fmt(-1234.0, "sek", "sv") == "-1\u00a0234\u00a0kr"
