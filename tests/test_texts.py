"""Scenario titles and descriptions in both languages, with fallbacks."""

from __future__ import annotations

from conftest import BUNDLED_FILES, ROOT
from model.config.scenario import load_scenario, load_scenario_text
from model.present import texts


def test_bundled_files_have_titles_in_both_languages():
    for path in BUNDLED_FILES:
        scn = load_scenario(path)
        sv, en = texts.title(scn, "sv"), texts.title(scn, "en")
        assert sv and en and "_" not in sv, path
        assert texts.description(scn, "sv") and texts.description(scn, "en"), path
    base = load_scenario(ROOT / "scenarios" / "baseline.yaml")
    assert texts.title(base, "sv") != texts.title(base, "en")


def test_files_without_titles_still_read(tmp_path):
    scn = load_scenario_text("name: my_unit\ndescription: Our unit\n", tmp_path / "u.yaml")
    assert texts.title(scn, "sv") == "my unit"
    assert texts.description(scn, "en") == "Our unit"


def test_one_language_falls_back_to_the_other():
    assert texts.localized({"sv": "Bara svenska", "en": ""}, "en") == "Bara svenska"
    assert texts.localized(None, "sv") == ""
