"""A policy is declared in one place: its family module in ``model/sim/policies/`` holds
its schema block, its behaviour, its registry entry and its app levers; the scenario
schema, the policy objects of a run and the what-if app's levers are built from those
declarations, so a new measure needs no edit anywhere else."""

from __future__ import annotations

import ast
import importlib
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT
from model.present.app import i18n
from model.present.app import levers as L
from model.sim import policies
from model.sim.params import Scenario
from model.sim.params.policies import Policies
from model.sim.policies import registry
from model.sim.policies.base import LeverSpec, Policy, PolicyBase, PolicySpec

PACKAGE = ROOT / "model" / "sim" / "policies"


def _with_block(spec: PolicySpec) -> Scenario:
    """The baseline with ``spec``'s block at its defaults."""
    return Scenario(policies={spec.key: {}})


def test_every_policy_of_the_schema_is_declared_by_exactly_one_family_module():
    declared = {}
    for name in registry.family_modules():
        module = importlib.import_module(f"model.sim.policies.{name}")
        for spec in module.POLICIES:
            declared.setdefault(spec.key, []).append(module.__name__)
            # the module that declares a policy defines its schema and its behaviour
            assert spec.schema.__module__ == module.__name__, spec.key
            assert spec.behaviour.__module__ == module.__name__, spec.key
            assert issubclass(spec.schema, PolicyBase) and issubclass(spec.behaviour, Policy)
    schema = Scenario.model_fields["policies"].annotation
    assert sorted(schema.model_fields) == sorted(declared)
    assert all(len(modules) == 1 for modules in declared.values()), declared


def test_the_registry_is_complete_and_in_the_declared_order():
    specs = policies.SPECS
    assert [s.order for s in specs] == sorted(s.order for s in specs)
    assert list(policies.REGISTRY) == [s.key for s in specs]
    assert list(Policies.model_fields) == [s.key for s in specs]
    for spec in specs:
        assert Policies.model_fields[spec.key].annotation == (spec.schema | None)
        assert Policies.model_fields[spec.key].default is None
        assert spec.behaviour.name == spec.key
    # twelve policies today, in the order the weekly effects are applied
    assert [s.key for s in specs] == [
        "working_time", "reflection_day", "salary_ladder", "overstaffing",
        "introduction_programme", "specialists", "admin_support", "smaller_groups",
        "first_line", "intensive_investigation", "trainees", "recruitment_support"]


def test_no_policy_schema_or_behaviour_is_defined_outside_its_family_module():
    """No module outside ``model/sim/policies/`` defines a policy block or behaviour, or
    keeps its own table of the policies' fields."""
    fields = {f for s in policies.SPECS for f in s.schema.model_fields} - {
        "start_year", "rollout", "posts", "steps"}
    for path in (ROOT / "model").rglob("*.py"):
        if PACKAGE in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases = {getattr(b, "id", getattr(b, "attr", None)) for b in node.bases}
                assert not bases & {"PolicyBase", "Policy"}, (path, node.name)
            elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                names = {e.value for e in node.elts if isinstance(e, ast.Constant)}
                assert len(names & fields) < 2, (path, node.lineno, names & fields)


def test_the_app_offers_exactly_the_levers_each_policy_declares():
    for spec in policies.SPECS:
        option = _with_block(spec)
        block = getattr(option.policies, spec.key)
        declared = [f"policies.{spec.key}.{p}" for lv in spec.levers for p in lv.paths(block)]
        offered = L.measure_levers(option)
        assert [lv.path for lv in offered] == declared and declared, spec.key
        assert all(lv.group == "measure" and lv.unit for lv in offered), spec.key
        for lever in spec.levers:
            # a lever's words are found by its path (one label per item for a list)
            path = f"policies.{spec.key}.{lever.field}"
            assert "*" in lever.field or path in i18n.LEVERS, path
    # the levers of two policies together: each policy's own, in the registry's order
    both = Scenario(policies={"working_time": {}, "trainees": {}})
    assert [lv.path.split(".")[1] for lv in L.measure_levers(both)] == [
        "working_time"] * 3 + ["trainees"] * 2


def test_a_list_lever_stands_for_every_item_of_the_list():
    ladder = Scenario(policies={"salary_ladder": {}}).policies.salary_ladder
    lever = LeverSpec("steps.*.supplement_sek_per_month", "SEK/month")
    assert lever.paths(ladder) == [f"steps.{i}.supplement_sek_per_month"
                                   for i in range(len(ladder.steps))]
    assert LeverSpec("cumulative").paths(ladder) == ["cumulative"]


def test_policy_objects_of_a_run_come_from_the_registry():
    class Unit:
        n_slots, warmup_end = 4, 0.0
        params = Scenario(policies={spec.key: {} for spec in policies.SPECS})

    built = policies.build(Unit)
    assert [type(p) for p in built] == [s.behaviour for s in policies.SPECS]
    assert [p.name for p in built] == list(policies.REGISTRY)


NEW_FAMILY = '''
"""A measure for a test: one module holds it all."""

from __future__ import annotations

from ..params.base import P
from .base import Effects, Policy, PolicyBase, PolicySpec


class TeaBreaks(PolicyBase):
    """Paid tea breaks."""

    minutes_per_day: float = P(15, "minutes/day", "Tea break a day.",
                               assumption=(10, 30), ge=0, le=60)


class TeaBreaksPolicy(Policy):
    name = "tea_breaks"

    def apply(self, u, fx: Effects) -> None:
        pass


POLICIES = (PolicySpec(TeaBreaks, TeaBreaksPolicy, order=1000,
                       levers=("minutes_per_day",)),)
'''

CHECK_NEW = '''
import json
from model.sim import policies
from model.sim.params import Scenario, json_schema
from model.present.app import levers as L

sc = Scenario(policies={"tea_breaks": {"minutes_per_day": 20}})
unit = type("U", (), {"n_slots": 2, "warmup_end": 0.0, "params": sc})
print(json.dumps({
    "last": list(policies.REGISTRY)[-1],
    "schema": "tea_breaks" in json_schema()["$defs"]["Policies"]["properties"],
    "value": sc.policies.tea_breaks.minutes_per_day,
    "levers": [lv.path for lv in L.measure_levers(sc)],
    "built": [p.name for p in policies.build(unit)],
}))
'''


@pytest.mark.slow
def test_a_new_measure_is_one_new_module_and_nothing_else(tmp_path):
    """A copy of the model with one module added under ``model/sim/policies/``: the
    scenario schema takes its block, a run builds its behaviour and the app offers its
    lever, without an edit anywhere else."""
    shutil.copytree(ROOT / "model", tmp_path / "model",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "model" / "sim" / "policies" / "tea.py").write_text(
        textwrap.dedent(NEW_FAMILY), encoding="utf-8")
    res = subprocess.run([sys.executable, "-c", CHECK_NEW], cwd=tmp_path,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    got = json.loads(res.stdout.strip().splitlines()[-1])
    assert got == {"last": "tea_breaks", "schema": True, "value": 20.0,
                   "levers": ["policies.tea_breaks.minutes_per_day"],
                   "built": ["tea_breaks"]}


def test_a_family_module_without_declarations_or_with_a_clash_is_refused(monkeypatch):
    first = policies.SPECS[0]
    clash = PolicySpec(first.schema, first.behaviour, levers=(), order=first.order + 1)
    module = sys.modules[first.behaviour.__module__]
    monkeypatch.setattr(module, "POLICIES", (*module.POLICIES, clash))
    with pytest.raises(ValueError, match="share a key: working_time"):
        registry._gather()
    monkeypatch.setattr(module, "POLICIES", ())
    with pytest.raises(TypeError, match="declares no POLICIES"):
        registry._gather()


def test_the_family_modules_are_the_package_but_its_base_and_registry():
    on_disk = sorted(p.stem for p in Path(PACKAGE).glob("*.py")
                     if p.stem not in {"__init__", "base", "registry"})
    assert registry.family_modules() == on_disk
