"""The main job's options are data: scenarios/main_job.txt lists the scenario files that
``python simulate.py`` compares with the baseline, in order, and the command line, the
app and the benchmarks read that one list."""

from __future__ import annotations

import pytest

from conftest import BUNDLED, BUNDLED_FILES, ROOT
from model.cli import runs
from model.config.mainjob import MAIN_JOB, main_files, main_options
from model.config.scenario import load_scenario
from model.errors import UserError

SCENARIOS = ROOT / "scenarios"
# bundled scenarios that are not options of the main job, and why
NOT_OPTIONS = {"baseline": "the base every option is compared with",
               "growing_inflow": "a unit whose inflow grows, not a measure",
               "kiruna_2017": "a calibration of one real unit, not a measure",
               "crisis_unit": "a base already in crisis to compare measures on (--base)",
               "krokom_2015": "Krokom's unit before its package, a base (--base)",
               "umea_2015": "Umeå's unit after its 2014 crisis, a base (--base)",
               "varmdo_2017": "a unit of Värmdö's size, a base (--base)"}


def _changes(sc) -> dict:
    data = sc.model_dump(mode="json")
    return {k: v for k, v in data.items() if k not in ("name", "title", "description")}


def test_every_listed_option_is_a_bundled_scenario_that_changes_the_base():
    base = _changes(load_scenario(SCENARIOS / "baseline.yaml"))
    names = main_options()
    assert MAIN_JOB.parent == SCENARIOS and len(names) == len(set(names)) == 21
    for name, path in zip(names, main_files()):
        assert path == SCENARIOS / f"{name}.yaml" and path.is_file(), name
        sc = load_scenario(path)
        assert _changes(sc) != base, f"{name}: the same as the baseline"


def test_every_bundled_scenario_is_an_option_or_left_out_for_a_reason():
    assert all(p.is_file() for p in BUNDLED_FILES)
    bundled = set(BUNDLED)
    assert bundled == set(main_options()) | set(NOT_OPTIONS)
    assert not set(main_options()) & set(NOT_OPTIONS)


def test_the_command_line_runs_the_listed_options_in_order():
    command = runs._main_job([])
    assert main_options() == runs.MAIN_POLICIES
    assert command[1:2 + len(runs.MAIN_POLICIES)] == [
        str(SCENARIOS / "baseline.yaml"), *(str(f) for f in main_files())]
    assert main_options()[:2] == ["six_plus_two", "six_plus_two_no_redesign"]
    assert main_options()[-1] == "krokom_package"


@pytest.mark.parametrize("text, fragment", [
    ("six_plus_two\nnot_a_file\n", "no not_a_file.yaml"),
    ("six_plus_two\nsix_plus_two\n", "listed twice"),
    ("Six Plus Two\n", "is not a scenario name"),
    ("# only a comment\n\n", "no scenario listed"),
])
def test_a_bad_list_is_a_one_line_error(tmp_path, text, fragment):
    (tmp_path / "six_plus_two.yaml").write_text("name: six_plus_two\n")
    bad = tmp_path / "main_job.txt"
    bad.write_text(text)
    with pytest.raises(UserError) as exc:
        main_options(bad)
    assert fragment in str(exc.value) and str(bad) in str(exc.value)
    assert "\n" not in str(exc.value)


def test_the_pictures_show_options_of_the_main_job():
    """docs/img/screenshots.py draws a few of the main job's options (a picture of the
    layout): each one it names is on the list."""
    import ast
    tree = ast.parse((ROOT / "docs" / "img" / "screenshots.py").read_text(encoding="utf-8"))
    options = next(ast.literal_eval(node.value) for node in tree.body
                   if isinstance(node, ast.Assign)
                   and any(getattr(t, "id", "") == "OPTIONS" for t in node.targets))
    assert options and set(options) <= set(main_options())
