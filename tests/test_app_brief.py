"""The option list of the what-if app as the committee brief, without a browser: the
options must share one base and are named by the user's names; without Chromium the
brief is written as HTML, and each export gets a directory of its own. (The PDF itself,
printed by the running app, is tested in tests/test_app.py.)"""

from __future__ import annotations

import pytest

from conftest import BASELINE, SCENARIOS
from model.errors import UserError

LEVER = "policies.working_time.client_hours_per_day"


@pytest.fixture(scope="module")
def state(tmp_path_factory):
    from model.present.app import state as S
    base, measures = S.open_base(None, BASELINE, [SCENARIOS / "six_plus_two.yaml"])
    return S.AppState.create(base, measures, tmp_path_factory.mktemp("opts"), 1, 4, 1.0)


def test_a_brief_needs_options_on_one_base(state):
    from model.present.app.brief import scenarios
    from model.present.app.options import OptionBook
    from model.present.app.results import Answer
    book = OptionBook(state.book.directory)
    ok = state.defaults("six_plus_two")
    answer = Answer(n=2, years=1.0, levels={}, measures={}, service_flag="")
    pairs = []
    for name, values in (("A", ok), ("B", {**ok, LEVER: 5}), ("C", {**ok, "unit.posts": 30})):
        opt = book.add(name, "six_plus_two", values,
                       state.what_if("six_plus_two", values, "en")[1], answer)
        pairs.append((opt, state.base_of("six_plus_two", values)))
    sims = scenarios(pairs[0][1], pairs[:2], "en")
    assert [s.name for s in sims] == ["base", "a", "b"]
    assert (sims[2].title.sv, sims[2].title.en) == ("B", "B")
    assert sims[2].policies.working_time.client_hours_per_day == 5
    with pytest.raises(UserError, match="olika enhet"):
        scenarios(pairs[0][1], pairs, "sv")
    with pytest.raises(UserError, match="Keep at least one option"):
        scenarios(pairs[0][1], [], "en")


def test_without_chromium_the_brief_is_html_in_a_new_directory(state, tmp_path,
                                                               monkeypatch):
    from contextlib import contextmanager

    from model.present.app import brief
    from model.present.app.results import Answer, analyse
    from model.present.app.runner import WhatIfRunner
    from model.present.dashboard.data import load_results

    @contextmanager
    def no_browser():
        raise brief.pdf.NoBrowser("no Chromium could be started")
        yield

    monkeypatch.setattr(brief.pdf, "browser", no_browser)
    values = {**state.defaults("six_plus_two"), "simulation.years": 0.5,
              "simulation.replications": 2}
    _, option = state.what_if("six_plus_two", values, "sv")
    opt = state.book.add("Kort", "six_plus_two", values, option,
                         Answer(n=2, years=0.5, levels={}, measures={}, service_flag=""))
    sims = brief.scenarios(state.base_of("six_plus_two", values),
                           [(opt, state.base_of("six_plus_two", values))], "sv")
    runner = WhatIfRunner(1, analyse)
    runner.start()
    try:
        first = brief.write(runner, sims, tmp_path, "sv")
        second = brief.write(runner, sims, tmp_path, "sv")
    finally:
        runner.close()
    assert first.pdf is None and "no Chromium" in first.no_browser
    assert first.directory != second.directory                # never over another export
    assert sorted(p.name for p in (tmp_path / "briefs").iterdir()) == sorted(
        [first.directory.name, second.directory.name])
    assert not (first.directory / "brief_sv.pdf").exists()
    assert "Underlag till nämnden" in first.html.read_text(encoding="utf-8")
    assert load_results(first.directory).title("kort", "sv") == "Kort"
