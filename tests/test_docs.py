"""Documentation stays in step with the code: every parameter has a unit and a
source or an assumption range, docs/MODEL.md lists them all, and the baseline file
restates every default."""

from __future__ import annotations

from conftest import BASELINE, ROOT
from model import paramdoc
from model.params import Scenario
from model.scenario import read_yaml


def test_every_parameter_has_unit_and_provenance():
    missing = []
    for path, info, _ in paramdoc.leaves():
        extra = info.json_schema_extra or {}
        if not extra.get("unit") or not paramdoc.provenance(info) or not info.description:
            missing.append(path)
    assert missing == []


def test_model_md_parameter_table_is_current():
    text = (ROOT / "docs" / "MODEL.md").read_text(encoding="utf-8")
    assert paramdoc.render(text) == text, "run: python -m model.paramdoc --write"
    for path, _, _ in paramdoc.leaves():
        assert f"`{path}`" in text


def _flatten(d, prefix=""):
    for k, v in d.items():
        if isinstance(v, dict) and "dist" not in v and k != "complexity":
            yield from _flatten(v, f"{prefix}{k}.")
        else:
            yield f"{prefix}{k}", v


def test_baseline_file_states_every_default():
    """scenarios/baseline.yaml writes out every parameter, with the code's default."""
    data = read_yaml(BASELINE)
    stated = dict(_flatten(data))
    defaults = Scenario().model_dump(mode="json")
    for path, _, _ in paramdoc.leaves():
        if path.startswith("policies."):     # the baseline uses no policy
            continue
        assert path in stated, f"{path} missing from baseline.yaml"
        node = defaults
        for part in path.split("."):
            node = node[part]
        from_file = Scenario.model_validate(data).model_dump(mode="json")
        for part in path.split("."):
            from_file = from_file[part]
        assert from_file == node, path
