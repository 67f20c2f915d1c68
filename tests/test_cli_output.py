"""What the command line prints: the ranked table first, one line per option by its title
in the chosen language, the details after it only with --details, amounts with
thousands separators and never in scientific notation; and break-even in words."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import simulate
from conftest import BASELINE, SCENARIOS
from model.cli import runs
from model.config.scenario import load_scenario
from model.experiment import breakeven
from model.experiment.costbenefit import ranking
from model.present import breakeven_text
from model.present.texts import title

OPTIONS = ["salary_ladder_umea", "no_consultants", "smaller_groups"]
SCIENTIFIC = re.compile(r"\d(\.\d+)?e[+-]?\d", re.IGNORECASE)
FAST = ["--years", "2", "--warmup-years", "0.5", "--replications", "3", "--quiet"]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The compare command's output (English, with --details), and the same result
    printed in Swedish with and without details; its cost-benefit table."""
    import contextlib
    import io

    from model.present.console import comparison_lines
    out = tmp_path_factory.mktemp("cli") / "res"
    files = [BASELINE, *[SCENARIOS / f"{n}.yaml" for n in OPTIONS]]
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert simulate.main(["compare", *map(str, files), "--out", str(out), *FAST,
                              "--details"]) == 0
    tables = {n: pd.read_parquet(out / f"{n}.parquet")
              for n in ("timeseries", "cost_benefit", "comparison")}
    sim = ["simulation.replications=3", "simulation.years=2", "simulation.warmup_years=0.5"]
    scenarios = [load_scenario(f, sim) for f in files]
    texts = {"en": buf.getvalue(),
             "sv": "\n".join(comparison_lines(scenarios, tables, out, "sv", True)),
             "short": "\n".join(comparison_lines(scenarios, tables, out, "sv", False))}
    return texts, tables["cost_benefit"]


def _table_rows(text: str) -> list[str]:
    """The titles in the ranked table's rows, in printed order."""
    return [m.group(1).strip() for m in
            re.finditer(r"^ +\d+  (.+?)  +[+-]?\d", text, flags=re.M)]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_ranked_table_comes_first_in_the_cost_benefit_order(printed, lang):
    texts, cb = printed
    text = texts[lang]
    titles = {n: title(load_scenario(SCENARIOS / f"{n}.yaml"), lang) for n in OPTIONS}
    order = [titles[n] for n in ranking(cb).scenario]
    ranked_h = {"en": "The options ranked", "sv": "Alternativen rangordnade"}[lang]
    details_h = {"en": "Each option in detail", "sv": "Varje alternativ i detalj"}[lang]
    assert text.index(ranked_h) < text.index(details_h)
    table = text[text.index(ranked_h):text.index(details_h)]
    assert _table_rows(table) == order
    # no jargon in the ranked table, and no file names
    for jargon in (" pp", "[", "CI"):
        assert jargon not in table, jargon
    assert {"en": "percentage points", "sv": "procentenheter"}[lang] in table
    for name in OPTIONS:
        assert name not in text
    # the details follow in the same order
    details = text[text.index(details_h):]
    positions = [details.index(t + ":") for t in order]
    assert positions == sorted(positions)


def test_amounts_have_thousands_separators_and_no_exponents(printed):
    texts, cb = printed
    for text in texts.values():
        assert not SCIENTIFIC.search(text), SCIENTIFIC.search(text)
    assert re.search(r"SEK -?\d{1,3}(,\d{3})+", texts["en"])
    assert re.search(r"-?\d{1,3}( \d{3})+ kr", texts["sv"])
    # the largest amount is printed in full: every digit, grouped
    econ = cb[cb.measure == "net_cost_economic_sek_per_year"]["mean"].abs().max()
    assert econ >= 1000
    assert f"{round(econ):,}" in texts["en"].replace("-", "")


def test_details_only_when_asked(printed):
    texts, _ = printed
    short = texts["short"]
    assert "Alternativen rangordnade" in short and "lägg till --details" in short
    assert "kostnad per undviken avgång" not in short
    assert "kostnad per undviken avgång" in texts["sv"]
    # no per-option replacement cost on any screen (the unit's is a marginal probe)
    assert "ersättningskostnad" not in texts["sv"] and "replacement" not in texts["en"]
    assert len(short.splitlines()) < len(texts["sv"].splitlines()) / 2


def test_the_main_job_takes_the_language_and_details_flags(monkeypatch):
    seen = []
    monkeypatch.setattr(runs, "cmd_compare", lambda args: seen.append(args) or 0)
    assert simulate.main(["--lang", "sv", "--details"]) == 0
    args = seen[0]
    assert (args.lang, args.details, args.dashboard, args.brief) == ("sv", True, True, True)
    assert len(args.scenarios) == len(runs.MAIN_POLICIES) + 1   # the base first
    assert args.conditions
    assert simulate.main([]) == 0 and seen[1].lang == "en" and not seen[1].details
    with pytest.raises(SystemExit) as exc:
        simulate.main(["--lang", "de"])
    assert exc.value.code == 2


# -- break-even in words: a root, no root, and the zero where the measure is off ---------

def test_a_root_inside_the_range_is_given_with_its_interval():
    res = breakeven.find_root(lambda x: (2000.0 - x, 100.0), 0.0, 6000.0)
    assert res.status == "root" and res.root == pytest.approx(2000.0, abs=10)
    en = " ".join(breakeven_text.describe(res, "p", "net_cost", 0.0, "en"))
    sv = " ".join(breakeven_text.describe(res, "p", "net_cost", 0.0, "sv"))
    assert re.search(r"p = 2,0\d\d 95 % interval \[1,9\d\d, 2,1\d\d\]", " ".join(en.split()))
    assert re.search(r"p = 2 0\d\d 95 % intervall \[1 9\d\d, 2 1\d\d\]", " ".join(sv.split()))


@pytest.mark.parametrize("lang, words", [
    ("en", ["The net cost stays positive across the range", "no value of p between 500 and "
            "600 pays for itself", "net cost SEK 600 per year at 500 and SEK 700 per year "
            "at 600 (economic view)"]),
    ("sv", ["Nettokostnaden är positiv i hela intervallet", "inget värde på p mellan 500 och "
            "600 betalar sig självt", "nettokostnad 600 kr per år vid 500 och 700 kr per år "
            "vid 600 (personalekonomisk kalkyl)"]),
])
def test_no_value_in_the_range_pays_for_itself(lang, words):
    res = breakeven.find_root(lambda x: (100.0 + x, 5.0), 500.0, 600.0)
    text = " ".join(breakeven_text.describe(res, "p", "net_cost", 0.0, lang))
    for w in words:
        assert w in text
    assert "widen" not in text and "vidga" not in text


@pytest.mark.parametrize("zero", [(0.0, 0.0), (3e-9, 1e-9)])
def test_the_zero_where_the_measure_is_off_is_not_an_answer(zero):
    """At a supplement of 0 the scenario is the base: its objective is zero (up to
    rounding) with a zero-width interval. That is no break-even."""
    res = breakeven.find_root(lambda x: zero if x == 0 else (100.0 + 2.0 * x, 50.0),
                              0.0, 6000.0)
    assert res.status == "none" and res.base_at == 0.0
    en = " ".join(breakeven_text.describe(res, "p", "net_cost", 0.0, "en"))
    sv = " ".join(breakeven_text.describe(res, "p", "net_cost", 0.0, "sv"))
    assert "p = 0" not in en and "stays positive" in en
    assert "At 0 the measure is not in effect" in en and "from 300" in en
    assert "Vid 0 verkar åtgärden inte" in sv and "inget värde på p" in sv


def test_breakeven_command_speaks_swedish(tmp_path, capsys):
    code = simulate.main(["breakeven", str(SCENARIOS / "pay_supplement_jonkoping.yaml"),
                          "--param", "policies.salary_ladder.steps.0.supplement_sek_per_month",
                          "--low", "500", "--high", "600", "--out", str(tmp_path / "be"),
                          "--years", "1", "--warmup-years", "0", "--replications", "2",
                          "--quiet", "--lang", "sv"])
    printed = capsys.readouterr().out
    assert code == 0
    assert "Nollpunkt för" in printed and "betalar sig självt" in printed
    assert re.search(r"nettokostnad -?\d{1,3}( \d{3})* kr per år vid 500", printed)
    assert not SCIENTIFIC.search(printed)


def test_two_options_with_one_title_are_told_apart():
    """A file that extends another and keeps its title is named after the title."""
    from model.present.texts import distinct_titles
    groups = load_scenario(SCENARIOS / "smaller_groups.yaml")
    copy = load_scenario(SCENARIOS / "smaller_groups.yaml", ["name=groups_of_five"])
    got = distinct_titles([(groups.name, groups), (copy.name, copy)], "sv")
    assert got == {"smaller_groups": "Mindre arbetsgrupper",
                   "groups_of_five": "Mindre arbetsgrupper (groups_of_five)"}
