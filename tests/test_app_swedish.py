"""The what-if app in the reader's language: Swedish boxes take a decimal comma, the
ranges a lever shows are the ranges its check allows, the working-time rule is said as a
rule about the sum, every message is in the reader's language, and the base's column
rests on all its replications from the first answer (it does not move as the what-if is
refined)."""

from __future__ import annotations

import re
import time

import pytest

from conftest import BASELINE, SCENARIOS
from model.errors import ScenarioError, UserError
from model.present.catalogue.numbers import exact, typed

LEVER = "policies.working_time.client_hours_per_day"
# English words that must not stand in a Swedish message
ENGLISH = re.compile(r"\b(must|got|field|hours|should|allowed|the|not)\b")


@pytest.fixture(scope="module")
def state(tmp_path_factory):
    from model.present.app import state as S
    base, measures = S.open_base(None, BASELINE, [SCENARIOS / "six_plus_two.yaml",
                                                  SCENARIOS / "overstaffing.yaml"])
    return S.AppState.create(base, measures, tmp_path_factory.mktemp("opts"), 1, 4, 1.0)


@pytest.mark.parametrize("text, lang, value", [
    ("5,5", "sv", 5.5), ("5.5", "sv", 5.5), ("41 000", "sv", 41000.0),
    ("41\u00a0000,5", "sv", 41000.5), ("\u22123", "sv", -3.0), ("5.5", "en", 5.5),
    ("41,000.5", "en", 41000.5), ("1,5", "en", None), ("1.234,5", "sv", None),
    ("5,5 h", "sv", None), ("nan", "sv", None), ("1e3", "en", None), ("", "sv", None)])
def test_a_number_is_read_as_the_readers_language_writes_it(text, lang, value):
    assert typed(text, lang) == value


def test_swedish_boxes_take_a_decimal_comma(state):
    ok = state.defaults("six_plus_two")
    _, option = state.what_if("six_plus_two", {**ok, LEVER: "5,5"}, "sv")
    assert option.policies.working_time.client_hours_per_day == 5.5
    _, same = state.what_if("six_plus_two", {**ok, LEVER: "5.5"}, "en")
    assert same == option
    # what the app remembers (kept options, saved files) is the number, not the text
    assert state.parse("six_plus_two", {**ok, LEVER: "5,5"}, "sv")[LEVER] == 5.5
    with pytest.raises(ScenarioError, match="Client hours per day: must be a number"):
        state.what_if("six_plus_two", {**ok, LEVER: "5,5"}, "en")
    # the box shows the value as the reader writes it
    from model.present.app.layout import lever_block
    levers = state.measure_levers("six_plus_two")
    box = _boxes(lever_block(levers, {LEVER: 5.5}, "sv"))[LEVER]
    assert box.type == "text" and box.value == "5,5"
    assert _boxes(lever_block(levers, {LEVER: 5.5}, "en"))[LEVER].value == "5.5"


def test_the_ranges_shown_are_the_ranges_allowed(state):
    from model.present.app import levers as L
    from model.present.app import limits
    from model.present.app.layout import lever_block
    run = {lv.key: lv for lv in L.run_levers()}
    years, reps = run["simulation.years"], run["simulation.replications"]
    assert years.high == limits.MAX_YEARS and years.plausible[1] <= limits.MAX_YEARS
    assert (reps.low, reps.high) == (limits.MIN_REPLICATIONS, limits.MAX_REPLICATIONS)
    assert limits.MIN_REPLICATIONS <= reps.plausible[0] <= reps.plausible[1] \
        <= limits.MAX_REPLICATIONS
    for lv in state.common_levers() + state.measure_levers("six_plus_two") + \
            state.measure_levers("overstaffing"):
        if lv.plausible:
            assert lv.low is None or lv.plausible[0] >= lv.low, lv.key
            assert lv.high is None or lv.plausible[1] <= lv.high, lv.key
    text = " ".join(_helps(lever_block(list(run.values()), {}, "sv")))
    assert f"≤ {limits.MAX_YEARS}" in text and f"≤ {limits.MAX_REPLICATIONS}" in text
    assert "1–20" in text and "5–64" in text and "30" not in text and "200" not in text
    # the bound shown is the bound checked: the highest shown is taken, one above is not
    ok = state.defaults("six_plus_two")
    state.what_if("six_plus_two", {**ok, "simulation.years": limits.MAX_YEARS}, "sv")
    for key, over in (("simulation.years", limits.MAX_YEARS + 0.5),
                      ("simulation.replications", limits.MAX_REPLICATIONS + 1)):
        with pytest.raises(ScenarioError, match=f"får vara högst "
                           f"{exact(run[key].high, 'sv', True)} "):
            state.what_if("six_plus_two", {**ok, key: over}, "sv")
    # the command line's app takes the same caps
    import simulate
    for flag, value in (("--years", "21"), ("--replications", "65")):
        with pytest.raises(SystemExit) as exc:
            simulate.main(["app", flag, value])
        assert exc.value.code == 2


@pytest.mark.parametrize("lang, words", [
    ("sv", "Klienttimmar per dag + Kompetenstimmar per dag + Återhämtningstimmar per dag "
           "får tillsammans vara högst 8 timmar om dagen (en betald arbetsdag); nu "
           "7,5 + 1 + 1 = 9,5"),
    ("en", "Client hours per day + Competence hours per day + Recovery hours per day may "
           "together be at most 8 hours a day (one paid working day); now 7.5 + 1 + 1 = 9.5")])
def test_the_working_day_is_a_rule_about_the_sum(state, lang, words):
    ok = state.defaults("six_plus_two")
    for raised in ({LEVER: 7.5}, {"policies.working_time.recovery_hours_per_day": 1.5,
                                   LEVER: 6.5}):
        with pytest.raises(ScenarioError) as exc:
            state.what_if("six_plus_two", {**ok, **raised}, lang)
        assert words.split("; nu")[0].split("; now")[0] in str(exc.value)
    with pytest.raises(ScenarioError) as exc:
        state.what_if("six_plus_two", {**ok, LEVER: 7.5}, lang)
    assert str(exc.value) == words
    # at the sum exactly it runs
    state.what_if("six_plus_two", {**ok, LEVER: 6}, lang)


def test_every_message_is_in_the_readers_language(state, tmp_path):
    from model.present.app import state as S
    from model.present.app.options import OptionBook
    from model.present.app.results import Answer
    ok = state.defaults("six_plus_two")
    bad = [{"unit.posts": -3}, {"unit.posts": "fyrtio"}, {"simulation.replications": 2.5},
           {"simulation.years": 25}, {LEVER: 7.5}]
    for values in bad:
        with pytest.raises(ScenarioError) as exc:
            state.what_if("six_plus_two", {**ok, **values}, "sv")
        assert not ENGLISH.search(str(exc.value)), str(exc.value)
    # a rule of the schema that no lever's own check covers: a unit with vacancies
    # that the posts lever would make fewer than its vacant posts
    mine = tmp_path / "mine.yaml"
    mine.write_text(f"extends: {BASELINE}\nname: mine\ninitial_state: {{vacant_posts: 10}}\n")
    base, measures = S.open_base(mine, BASELINE, [SCENARIOS / "six_plus_two.yaml"])
    own = S.AppState.create(base, measures, tmp_path / "o", 1, 4, 1.0)
    values = {**own.defaults("six_plus_two"), "unit.posts": 5}
    with pytest.raises(ScenarioError) as sv:
        own.what_if("six_plus_two", values, "sv")
    assert str(sv.value).startswith("Värdena går inte ihop") \
        and not ENGLISH.search(str(sv.value))
    with pytest.raises(ScenarioError, match="vacant_posts"):
        own.what_if("six_plus_two", values, "en")
    # the option list's and the what-ifs' own refusals
    with pytest.raises(UserError, match="^Ingen tänk om-fråga ännu$"):
        state.job(12345, "sv")
    book = OptionBook(tmp_path / "book")
    with pytest.raises(UserError) as exc:
        book.load("x.yaml", "sv")
    assert "inte en av appens sparade alternativfiler" in str(exc.value)
    from model.present.app import options as O
    answer = Answer(n=2, years=1.0, levels={}, measures={}, service_flag="")
    _, option = state.what_if("six_plus_two", ok, "sv")
    for _ in range(O.MAX_OPTIONS):
        book.add("a", "six_plus_two", {}, option, answer, "sv")
    with pytest.raises(UserError, match=f"^Högst {O.MAX_OPTIONS} alternativ i listan"):
        book.add("a", "six_plus_two", {}, option, answer, "sv")


def test_the_base_rests_on_all_its_replications_from_the_first_answer(state):
    from model.present.app.results import LEVELS, analyse
    from model.present.app.runner import WhatIfRunner
    runner = WhatIfRunner(1, analyse, first=2)
    runner.start()
    try:
        ok = state.defaults("six_plus_two")
        # a base not cached yet (a unit lever moved): its column still rests on all 4
        base, option = state.what_if("six_plus_two", {**ok, "unit.posts": 12,
                                                      "simulation.replications": 4}, "en")
        job = runner.submit(base, option, "page")
        end = time.monotonic() + 180
        while runner.status(job)["state"] != "done" and time.monotonic() < end:
            time.sleep(0.1)
        answers = runner._jobs[job].answers
        assert sorted(answers) == [2, 4]
        first, refined = answers[2], answers[4]
        assert (first.n, first.base_n, refined.n, refined.base_n) == (2, 4, 4, 4)
        for kpi, _ in LEVELS:
            assert first.levels[kpi]["base"] == refined.levels[kpi]["base"], kpi
        # the paired change rests on the pairs answered so far
        assert first.levels["turnover_rate"]["option"] != \
            refined.levels["turnover_rate"]["option"] or \
            first.levels["exits"]["option"] != refined.levels["exits"]["option"]
    finally:
        runner.close()


def _walk(node):
    yield node
    children = getattr(node, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str):
            yield from _walk(child)


def _boxes(blocks) -> dict:
    return {n.id["key"]: n for b in blocks for n in _walk(b)
            if isinstance(getattr(n, "id", None), dict)}


def _helps(blocks) -> list[str]:
    out = []
    for b in blocks:
        for n in _walk(b):
            if getattr(n, "className", None) == "help":
                out += [c for c in n.children if isinstance(c, str)]
    return out
