"""Every word said once: the catalogue (``model/present/catalogue``) holds the metrics,
the parameters' Swedish and their short names beside the schema, the interface sentences,
the export's column names and the numbers as each language writes them; the screens look
words up there by key.

Nowhere else in ``model/`` is there a ``{"sv": ..., "en": ...}`` literal or a branch on
the language (``lang == "sv"``); each English text of the catalogue has exactly one
Swedish translation, and each Swedish text one English original."""

from __future__ import annotations

import ast
import re
import string
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import ROOT
from model.present.catalogue import METRICS, Text, parameters
from model.present.catalogue.sentences import SENTENCES
from model.sim.metrics import SUMMARY_KPIS

MODEL = ROOT / "model"
CATALOGUE = MODEL / "present" / "catalogue"


def _files():
    for path in sorted(MODEL.rglob("*.py")):
        if CATALOGUE not in path.parents:
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _language_dicts(tree):
    """The dict literals with a ``"sv"`` or ``"en"`` key."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict) and any(
                isinstance(k, ast.Constant) and k.value in ("sv", "en") for k in node.keys):
            yield node


def _language_branches(tree):
    """Comparisons of something with ``"sv"`` or ``"en"`` (``lang == "sv"``)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(
                isinstance(op, (ast.Eq, ast.NotEq, ast.In, ast.NotIn)) for op in node.ops) and any(
                isinstance(c, ast.Constant) and c.value in ("sv", "en")
                for c in (node.left, *node.comparators)):
            yield node


def _words_outside(tree) -> list[str]:
    return ([f"line {n.lineno}: a {{sv, en}} literal" for n in _language_dicts(tree)]
            + [f"line {n.lineno}: a branch on the language" for n in _language_branches(tree)])


def test_no_word_table_or_language_branch_outside_the_catalogue():
    found = [f"{path.relative_to(ROOT).as_posix()} {where}"
             for path, tree in _files() for where in _words_outside(tree)]
    assert not found, ("words belong in model/present/catalogue; look them up by key:\n"
                       + "\n".join(found))


def test_the_check_finds_a_word_table_and_a_language_branch():
    tree = ast.parse('title = {"sv": "Bas", "en": "Base"}\n'
                     'word = "Bas" if lang == "sv" else "Base"\n'
                     'other = "x" if "en" != lang else "y"\n')
    assert _words_outside(tree) == ["line 1: a {sv, en} literal",
                                    "line 2: a branch on the language",
                                    "line 3: a branch on the language"]
    assert _words_outside(ast.parse('x = SENTENCES["cli.ok"][lang]\n')) == []


def _texts():
    """Every text of the catalogue in both languages: the metrics' labels and help, the
    interface sentences, the parameters' short names and distribution words, and the
    export's column names, units, events, details and table names."""
    from model.present.catalogue import columns
    for m in METRICS:
        yield m.label
        yield m.help
    yield from SENTENCES.values()
    yield from parameters.SHORT_NAMES.values()
    yield from parameters.DIST_WORDS.values()
    yield parameters.STEP_NAME
    for table in columns.TABLES_OF_WORDS:
        yield from table.values()


def _translations(direction: str) -> dict[str, list[str]]:
    """Texts of one language (``en`` or ``sv``) translated more than one way."""
    other = {"en": "sv", "sv": "en"}[direction]
    seen = defaultdict(set)
    for text in _texts():
        seen[text[direction]].add(text[other])
    return {t: sorted(v) for t, v in seen.items() if len(v) > 1}


def test_each_english_text_has_one_swedish_translation():
    assert not _translations("en")


# Swedish texts that stand for more than one English one, each for a reason
ONE_SWEDISH_FOR_TWO = {
    "År": "a year and years (a column header): one word in Swedish",
    "år": "a year and years: one word in Swedish",
    "Utfall": "the model's outputs (the STRESS-DES heading) and one outcome",
    "Körning": "the model's execution (the STRESS-DES heading) and the app's run group",
    "ingen varning": "the command line's narrow column says 'ok' in English",
    "Personalekonomisk": "the command line's narrow column and the dashboard's view",
    "Sjukfrånvaro": "the metric (sick absence) and the cost block (sick leave)",
}


def test_each_swedish_text_has_one_english_original():
    twice = _translations("sv")
    assert set(twice) == set(ONE_SWEDISH_FOR_TWO), {
        sv: en for sv, en in twice.items() if sv not in ONE_SWEDISH_FOR_TWO}


def test_metrics_are_the_summary_columns_declared_once():
    names = [m.name for m in METRICS]
    assert len(names) == len(set(names))
    assert set(names) <= set(SUMMARY_KPIS)
    labels = {lang: [m.label[lang] for m in METRICS] for lang in ("sv", "en")}
    for lang, seen in labels.items():
        assert len(seen) == len(set(seen)), lang
    for m in METRICS:
        assert m.kind in ("pct", "sek", "int", "num", "num1"), m.name
        assert m.bounded == (m.kind == "pct"), m.name
        assert all(m.label[lang] and m.help[lang] for lang in ("sv", "en")), m.name


# the screens whose sentences the table holds (the first part of an id)
SCREENS = ("app", "cli", "breakeven", "conditions", "dashboard", "brief", "cards",
           "sensitivity", "costs", "decision", "pageone")

# placeholders the English fills with a text of the experiment layer that the Swedish
# translates in place (the ranking rule, model.experiment.costbenefit.RANKING_RULE)
FILLED_IN_SWEDISH = {"dashboard.ranking_rule": {"rule"},
                     # the schema's own words are English: the Swedish says it in its own
                     "app.rule": {"detail"}}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_sentences_have_both_languages_and_the_same_placeholders():
    for key, text in SENTENCES.items():
        assert isinstance(text, Text) and text.sv.strip() and text.en.strip(), key
        assert _fields(text.sv) | FILLED_IN_SWEDISH.get(key, set()) == _fields(text.en), key
        assert re.fullmatch(rf"({'|'.join(SCREENS)})\.[A-Za-z0-9_]+", key), key


# the functions by which each screen asks for its sentences: file or folder (under
# model/present, or the command line's model/cli) ->
# (function name -> prefix of the sentence ids)
ASKERS = {"app": {"tr": "app", "span": "app"}, "console.py": {"say": "cli"},
          "cli": {"say": "cli"}, "measure_text.py": {"_w": "cli"},
          "breakeven_text.py": {"_w": "breakeven"}, "conditions.py": {"w": "conditions"},
          "dashboard/brief.py": {"w": "brief"}}


# ids a screen asks for under a name it builds: the parameter a conditions table searched
# (its ``parameter`` column); the dashboard page carries all its sentences to the browser
# (and builds names such as ``"cat_" + category``), the cost cards are named by their key
# and the sensitivity indices by the analysis' table, so none of them is stray
BY_DATA = {"conditions.productivity_gain", "conditions.redesign_share"}
WHOLE_SCREENS = ("dashboard.", "cards.", "sensitivity.")


def _asked_for() -> tuple[set[str], str]:
    """The sentence ids a screen asks for by a literal (``tr("x", ...)``, ``span("x")``,
    ``say("x", ...)``, ``_w("x", ...)``), and the whole presentation's source, to find
    ids asked for otherwise (the presentation's and the command line's source)."""
    source = "\n".join(p.read_text(encoding="utf-8")
                       for folder in ("present", "cli")
                       for p in sorted((MODEL / folder).rglob("*.py"))
                       if CATALOGUE not in p.parents)
    asked = set()
    for path, tree in _files():
        screens = (ASKERS.get(f"{path.parent.name}/{path.name}") or ASKERS.get(path.name)
                   or ASKERS.get(path.parent.name) or {})
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in screens and node.args
                    and isinstance(node.args[0], ast.Constant)):
                asked.add(f"{screens[node.func.id]}.{node.args[0].value}")
    return asked, source


def test_no_sentence_is_missing_or_stray():
    asked, source = _asked_for()
    assert not asked - set(SENTENCES), sorted(asked - set(SENTENCES))
    ids = {key: key.split(".", 1)[1] for key in SENTENCES}
    stray = [key for key, id_ in ids.items()
             if key not in BY_DATA and not key.startswith(WHOLE_SCREENS)
             and f'"{id_}"' not in source and f"'{id_}'" not in source]
    assert not stray, stray


def test_the_catalogue_is_where_the_words_are():
    assert (CATALOGUE / "metrics.py").is_file() and (CATALOGUE / "parameters.py").is_file()
    assert Path(CATALOGUE / "sentences" / "__init__.py").is_file()


def _every_lever():
    """Every lever the app can show: the unit's, the assumptions', the run's and each
    policy's own (with every policy switched on, a list lever once per item)."""
    from model.present.app import levers as L
    from model.sim import policies
    from model.sim.params import Scenario
    everything = Scenario(policies={spec.key: {} for spec in policies.SPECS})
    return [*L.unit_levers(), *L.assumption_levers(), *L.run_levers(),
            *L.measure_levers(everything)]


def test_every_lever_and_key_assumption_has_one_swedish_name_and_description():
    """A parameter the reader sees often has its Swedish beside the English in the
    schema (``sv``) and one short name per language in the catalogue."""
    from model.present.app.levers import field_info
    from model.present.dashboard.brief import KEY_ASSUMPTIONS
    paths = {lv.path for lv in _every_lever()} | set(KEY_ASSUMPTIONS)
    assert len(paths) > 30
    missing = sorted(p for p in paths
                     if not parameters.description(field_info(p), "sv"))
    assert not missing, f"no Swedish (sv=) in the schema: {missing}"
    steps = {p for p in paths if ".steps." in p}
    unnamed = sorted(p for p in paths - steps if p not in parameters.SHORT_NAMES)
    assert not unnamed, f"no short name in the catalogue: {unnamed}"
    for lang in ("sv", "en"):
        names = [text[lang] for text in parameters.SHORT_NAMES.values()]
        assert len(names) == len(set(names)), lang      # one parameter per short name


def test_every_policy_names_its_cost_in_the_catalogue():
    from model.sim import policies
    missing = [spec.key for spec in policies.SPECS
               if f"dashboard.pol_{spec.key}" not in SENTENCES]
    assert not missing


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_page_one_shows_a_count_bound_near_zero_on_its_side_of_zero(lang):
    """'Avoids exits' needs the interval above zero: a bound of 0.0175 must not read
    0,0 beside one of -0.01 that also reads 0,0."""
    from model.present.dashboard.tables import bound
    dec = "," if lang == "sv" else "."
    assert bound(0.0175, "num1", lang) == f"0{dec}02"
    assert bound(-0.012, "num1", lang) == f"-0{dec}01"
    assert bound(0.0, "num1", lang) == f"0{dec}0"
    assert bound(1.84, "num1", lang) == f"1{dec}8"


def test_what_must_be_true_writes_a_share_as_a_percentage_and_other_values_with_units():
    """The page-one table of decisive assumptions writes shares as the other pages do
    (10,3 %, not 0,103) and other values with their unit."""
    from model.present.dashboard.decision import parameter_value
    gain = "policies.working_time.productivity_gain"
    assert parameter_value(0.103, gain, "sv") == "10,3\u00a0%"
    assert parameter_value(0.15, gain, "en") == "15%"
    assert parameter_value(0.0933, gain, "sv") == "9,3\u00a0%"       # not 9,33: one decimal
    assert parameter_value(0.345, "recruitment.failure_probability", "sv") == "34,5\u00a0%"
    assert parameter_value(0.4, "policies.working_time.redesign_share", "en") == "40%"
    assert parameter_value(0.25, "response.overtime_from_months", "sv") == \
        "0,25 månaders inflöde"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_result_with_fixed_assumptions_says_so_as_a_warning_with_the_way_out(lang):
    """Chance-only intervals look certain: page one's basis line is then a warning and
    names how to draw the assumptions; under drawn assumptions it is a plain note."""
    from pathlib import Path

    from model.present.dashboard import decision
    from model.present.dashboard.data import Results
    fixed = Results(Path("."), "comparison", {"replications": 20}, {})
    drawn = Results(Path("."), "comparison",
                    {"replications": 48, "uncertainty": {"draws": 48, "per_draw": 1}}, {})
    assert "warning" in decision.basis_class(fixed)
    assert "warning" not in decision.basis_class(drawn)
    text = decision.basis_text(fixed, lang)
    assert "--uncertainty 48" in text and "20" in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_what_must_be_true_says_when_no_assumption_turns_an_option(lang):
    """An option whose verdict no drawn assumption turns gets no 'decisive assumption'
    at a value of 0 kr (it read as if one existed); one that flips keeps its row."""
    from pathlib import Path

    import pandas as pd

    from model.present.dashboard import decision
    from model.present.dashboard.data import Results
    gain = "policies.working_time.productivity_gain"
    evppi = pd.DataFrame([
        {"scenario": "a", "parameter": gain, "evppi_sek_per_year": 2e5, "flip_value": 0.1,
         "influence_sek_per_year": 9e6},
        {"scenario": "b", "parameter": gain, "evppi_sek_per_year": 0.0,
         "flip_value": float("nan"), "influence_sek_per_year": 1e5}])
    res = Results(Path("."), "comparison", {"uncertainty": {"draws": 48}},
                  {"evppi": evppi}, ["base", "a", "b"])
    text = decision.decisive_html(res, lang, {"a": "A", "b": "B"}, ["a", "b"])
    none = {"sv": "inget av de osäkra antagandena", "en": "none of the uncertain"}[lang]
    row_b = text.split("<td>B</td>")[1].split("</tr>")[0]
    row_a = text.split("<td>A</td>")[1].split("</tr>")[0]
    assert none in row_b
    assert none not in row_a and "200" in row_a


def test_a_chance_half_way_between_two_steps_rounds_up():
    """12.5 % of 48 futures is 6 of 48: it reads 15 %, not 10 % (round half to even)."""
    from model.present.catalogue.numbers import chance
    assert chance(6 / 48, 48, "en") == "15%"
    assert chance(0.125, 48, "sv") == "15\u00a0%"
    assert chance(0.12, 48, "en") == "10%"


def test_the_ends_of_a_chances_interval_are_rounded_outwards():
    """A crisis risk of 0-7.4 % read '< 5 % – 5 %' while the dashboard's figure said 7.4:
    the interval shown must hold the one computed, so its ends round outwards."""
    from model.present.catalogue.numbers import chance
    from model.present.dashboard.tables import _interval
    assert chance(0.074, 48, "en", "high") == "10%"
    assert chance(0.074, 48, "en", "low") == "5%"
    assert chance(0.03, 48, "en", "low") == "< 5%" and chance(0.03, 48, "en", "high") == "5%"
    assert chance(0.97, 48, "en", "high") == "> 95%"
    assert _interval(0.0, 0.074, "chance", "sv", 48) == "< 5\u00a0% – 10\u00a0%"
    assert chance(0.074, 48, "en") == "5%"      # a point estimate still to the nearest step


def test_runs_are_counted_in_words_not_with_a_bracketed_plural():
    """'1 körning(ar)' read as a form, not a sentence: the count takes its own word."""
    from model.present.catalogue.numbers import runs_text
    from model.present.catalogue.sentences import SENTENCES
    assert runs_text(1, "sv") == "1 körning" and runs_text(4, "sv") == "4 körningar"
    assert runs_text(1, "en") == "1 run" and runs_text(2, "en") == "2 runs"
    for key, text in SENTENCES.items():
        assert "(ar)" not in text["sv"] and "run(s)" not in text["en"], key


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_what_must_be_true_gives_where_a_working_time_options_queue_holds(lang):
    """Beside the value where 6+2 stops being cheaper (9,3 %), the value from which its
    queue holds (12 %, 9-15 %): with 15 % assumed, the cost verdict looked safe while the
    service one rested on the upper part of an interval."""
    from pathlib import Path

    import pandas as pd

    from model.present.dashboard import decision
    from model.present.dashboard.data import Results
    gain = "policies.working_time.productivity_gain"
    evppi = pd.DataFrame([
        {"scenario": s, "parameter": gain, "evppi_sek_per_year": 3e5, "flip_value": 0.093,
         "influence_sek_per_year": 8e6} for s in ("a", "b", "c")])
    cond = dict(parameter="productivity_gain", current=0.15, low=0.0, high=0.35,
                objective_low=1.0, objective_high=-1.0, evaluations=7, replications=4,
                years=5.0)
    conditions = pd.DataFrame([
        {**cond, "scenario": "a", "metric": "mean_queue", "status": "root", "value": 0.12,
         "ci_low": 0.0899, "ci_high": 0.1505, "holds": True},
        {**cond, "scenario": "a", "metric": "turnover_rate", "status": "always",
         "value": 0.0, "ci_low": float("nan"), "ci_high": float("nan"), "holds": True},
        {**cond, "scenario": "b", "metric": "mean_queue", "status": "always", "value": 0.0,
         "ci_low": float("nan"), "ci_high": float("nan"), "holds": True},
        {**cond, "scenario": "c", "metric": "mean_queue", "status": "never",
         "value": float("nan"), "ci_low": float("nan"), "ci_high": float("nan"),
         "holds": False}])
    res = Results(Path("."), "comparison", {"uncertainty": {"draws": 48}},
                  {"evppi": evppi, "conditions": conditions}, ["base", "a", "b", "c"])
    text = decision.decisive_html(res, lang, {"a": "A", "b": "B", "c": "C"}, ["a", "b", "c"])
    row = {k: text.split(f"<td>{k}</td>")[1].split("</tr>")[0] for k in "ABC"}
    queue = {"sv": "kön hålls från 12 % (9 % – 15 %)",
             "en": "the queue holds from 12% (9% – 15%)"}[lang].replace(" %", "\u00a0%")
    assert queue in row["A"] and ("9,3" if lang == "sv" else "9.3") in row["A"]
    assert "queue" not in row["B"] and "kön" not in row["B"]     # holds at any value
    never = {"sv": "kön hålls inte upp till 35", "en": "the queue does not hold up to 35"}
    assert never[lang] in row["C"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_page_one_says_which_unit_and_that_the_bundled_one_is_an_example(lang, tmp_path):
    """'Vad kostar personalomsättningen oss' over the bundled 40-post unit read as the
    committee's own figures: page one and the dashboard name the unit's size and, for
    the bundled example, that it is not theirs."""
    from pathlib import Path

    from model.config.names import SCENARIOS
    from model.present.dashboard.brief import unit_line
    from model.present.dashboard.data import Results

    def line(file, unit):
        manifest = {"scenarios": [{"name": "b", "file": str(file),
                                   "resolved": {"unit": unit}}]}
        return unit_line(Results(Path("."), "comparison", manifest, {}, ["b"]), lang)
    example = {"sv": "räkneexempel", "en": "example unit"}[lang]
    bundled = line(SCENARIOS / "baseline.yaml", {"posts": 40, "managers": 2})
    assert "40" in bundled and example in bundled
    assert {"sv": "2 chefer", "en": "2 managers"}[lang] in bundled
    own = line(tmp_path / "own" / "my_unit_now.yaml",
               {"posts": 26, "managers": 1, "team_leaders": 1})
    assert example not in own and "26" in own
    assert {"sv": "1 chef och 1 arbetsledare",
            "en": "1 manager and 1 team leader"}[lang] in own


def test_the_briefs_sensitive_assumptions_are_ranked_by_the_value_of_knowing_them():
    """The list of assumptions the answer is most sensitive to ranks as page one does,
    by EVPPI, then by influence: by influence alone a managers' last resort whose cubic
    fit one collapsing future stretched to 11.5 MSEK led the list, above the assumption
    page one named as decisive."""
    from pathlib import Path

    import pandas as pd

    from model.present.dashboard import brief
    from model.present.dashboard.data import Results
    rows = [("response.buy_ongoing_above_months", 0.0, 11.5e6),
            ("policies.working_time.productivity_gain", 3.3e5, 8.2e6),
            ("recruitment.time_to_hire_days", 1.7e5, 6.0e6)]
    evppi = pd.DataFrame([{"scenario": "a", "parameter": p, "evppi_sek_per_year": e,
                           "flip_value": 0.1, "influence_sek_per_year": i}
                          for p, e, i in rows])
    res = Results(Path("."), "comparison", {"uncertainty": {"draws": 48}},
                  {"evppi": evppi}, ["base", "a"])
    text = brief._sensitivity(res, None, "en")
    items = text.split("<li>")[1:]
    assert [i.split(":")[0] for i in items] == [
        brief.decide.parameter_name(p, "en") for p, _, _ in (rows[1], rows[2], rows[0])]
    assert "value of knowing SEK 330k a year" in items[0]
