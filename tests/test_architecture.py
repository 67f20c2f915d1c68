"""The model's structure, checked from its source and by running it.

* no import cycle among the modules of ``model/`` (imports inside functions count, so
  none can hide a cycle);
* no compiled kernel with more than 10 parameters (kernels take named tuples);
* no file in ``model/`` over 400 lines, the declarative parameter schema excepted;
* every weekly step writes only the staff columns it declares (``WEEKLY_STEPS``), and
  every column it declares has its owner among the modules the step runs;
* the slot transitions leave a slot exactly as ``model.sim.staff`` declares;
* every bundled scenario's kernel calls match their compiled signatures
  (``jit.CHECK``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT, SCENARIOS, scenario
from model.sim import jit, lifecycle, staff, workforce
from model.sim.workforce import Model

MODEL = ROOT / "model"
MAX_LINES = 400
DECLARATIVE = {"params.py"}          # the parameter schema: one declaration per field
MAX_KERNEL_PARAMS = 10


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    if node.level == 0:
        base = node.module or ""
    else:
        pkg = module.split(".") if is_package else module.split(".")[:-1]
        pkg = pkg[:len(pkg) - node.level + 1]
        base = ".".join(pkg + ([node.module] if node.module else []))
    return [f"{base}.{a.name}" for a in node.names] + [base]


def import_graph() -> dict[str, set[str]]:
    """model module -> the model modules it imports (anywhere in the file)."""
    files = {_module_name(p): p for p in MODEL.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in files}
    for mod, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = _resolve(mod, path.name == "__init__.py", node)
            else:
                continue
            for name in names:
                if name in files and name != mod:
                    graph[mod].add(name)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m):
        state[m] = 1
        stack.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                return stack[stack.index(n):] + [n]
            if n not in state:
                found = visit(n)
                if found:
                    return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return None


def test_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle_among_model_modules():
    graph = import_graph()
    assert graph["model.sim.lifecycle"] >= {"model.sim.processes.attrition",
                                        "model.sim.processes.recruitment"}   # graph is real
    assert find_cycle(graph) is None


def _kernels():
    for path in MODEL.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                names = {d.id for d in node.decorator_list if isinstance(d, ast.Name)}
                if names & {"kernel", "entry"}:
                    yield path, node
            elif (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                  and getattr(node.value.func, "id", None) in {"kernel", "entry"}):
                yield path, node


def test_no_compiled_kernel_has_more_than_ten_parameters():
    kernels = [(p, n) for p, n in _kernels() if isinstance(n, ast.FunctionDef)]
    assert len(kernels) > 15                      # the scan sees the kernels
    too_long = [f"{p.name}:{n.name} ({len(n.args.args)})" for p, n in kernels
                if len(n.args.args) > MAX_KERNEL_PARAMS]
    assert not too_long


def test_no_model_file_is_over_400_lines():
    long = {p.relative_to(ROOT).as_posix(): n for p in MODEL.rglob("*.py")
            if p.name not in DECLARATIVE
            and (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long


def test_no_day_count_literal_outside_its_constant():
    offenders = []
    for path in MODEL.rglob("*.py"):
        if path.name in DECLARATIVE:          # schema bounds such as le=365 days
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Constant) and type(node.value) in (int, float)
                    and node.value == 365):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == ["entities.py:" + str(_line_of("DAYS_PER_YEAR = 365.0"))]


def _line_of(text: str) -> int:
    lines = (MODEL / "sim" / "entities.py").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(text))


# -- ownership, checked by running ------------------------------------------------

def _busy_model():
    """A unit in its second year with turnover, sick leave and a queue, so that every
    step has something to do."""
    sc = scenario("simulation.years=2", "simulation.warmup_years=1",
                  "attrition.baseline_hazard_per_year=0.5",
                  "sick_leave.short_spells_per_year=6",
                  "cases.investigations.arrivals_per_year=700",
                  path=SCENARIOS / "krokom_package.yaml")
    m = Model(sc, 3)
    m.env.run(until=m.warmup_end + 70)
    return m


def _changed(before: dict, after: dict) -> set[str]:
    return {c for c in before if not np.array_equal(before[c], after[c], equal_nan=True)}


def test_every_weekly_step_writes_only_the_columns_it_declares():
    m = _busy_model()
    u = m.unit
    written: dict[str, set[str]] = {step.name: set() for step in workforce.WEEKLY_STEPS}

    def checked_tick():
        for step in workforce.WEEKLY_STEPS:
            before = u.staff.snapshot()
            step.run(u)
            changed = _changed(before, u.staff.snapshot())
            assert changed <= set(step.writes), (step.name, changed - set(step.writes))
            written[step.name] |= changed

    m.tick = checked_tick
    m.env.run(until=m.env.now + 12 * 7.0)
    # the check has teeth: every step that declares columns did change some of them
    idle = [step.name for step in workforce.WEEKLY_STEPS
            if step.writes and not written[step.name]]
    assert not idle


def test_declared_writes_belong_to_the_declared_owners():
    owners = staff.OWNERS
    for step in workforce.WEEKLY_STEPS:
        for column in step.writes:
            assert column in owners, (step.name, column)
    assert set(staff.owned_by("strain")) == {"ratio", "zd", "zc", "zs", "zm", "strain",
                                             "exh", "util"}
    # every writable column has an owner and every owner a module
    modules = {p.stem for p in MODEL.rglob("*.py")}
    assert {c.owner for c in staff.COLUMNS} <= modules


def test_a_vacated_slot_is_exactly_the_declared_empty_slot():
    m = _busy_model()
    u = m.unit
    st = u.staff
    k = int(np.flatnonzero(st.employees() & (st.ncases > 0))[0])
    u.positions[k].pending_hire = None
    lifecycle.leave(u, k, "resignation")
    for c in staff.COLUMNS:
        if c.name in staff.FIXED:
            continue
        got = getattr(st, c.name)[k]
        assert got == c.initial or (np.isnan(c.initial) and np.isnan(got)), c.name


def test_a_hire_brings_only_the_new_holder_and_fresh_state():
    m = _busy_model()
    u = m.unit
    st = u.staff
    k = int(np.flatnonzero(st.employees())[0])
    st.exh[k] = 3.0
    st.zd[k] = 2.0
    u.positions[k].pending_hire = None
    lifecycle.leave(u, k, "resignation")
    profile = lifecycle.recruitment.Candidate(prior=4.0, age=33.0, fte=0.8, graduate=False,
                                              trainee=False)
    lifecycle.hire(u, k, profile)
    assert st.active[k] and st.prior[k] == 4.0 and st.fte[k] == 0.8
    assert st.hire_day[k] == m.env.now
    assert st.exh[k] == 0.0 and st.zd[k] == 0.0 and not st.intending[k]
    assert st.salary[k] > 0


_CHECK_ALL = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from model.sim import jit
from model.config.scenario import load_scenario
from model.sim.workforce import Model
assert jit.CHECK
for path in sorted(Path({scenarios!r}).glob("*.yaml")):
    sc = load_scenario(path, ["simulation.years=1", "simulation.warmup_years=0.5"])
    assert len(Model(sc, 0).run()["timeseries"]) > 20, path
entries = {{id(o): o for m in list(sys.modules.values())
           if m and m.__name__.startswith("model") for o in vars(m).values()
           if isinstance(o, jit.entry)}}
assert len(entries) >= 12
print(sum(o.signature is not None for o in entries.values()))
"""


def test_every_kernel_is_called_with_one_combination_of_argument_types():
    """Kernels become their compiled function after the first call (jit.entry), which
    is safe only if every later call passes the same argument types: every bundled
    scenario is run in a process with the check on, where a differing call raises."""
    import subprocess
    import sys
    env = {**__import__("os").environ, "SOCIALSTAFF_CHECK_KERNELS": "1"}
    proc = subprocess.run([sys.executable, "-c", _CHECK_ALL.format(
        root=str(ROOT), scenarios=str(SCENARIOS))], env=env, capture_output=True,
        text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert int(proc.stdout.split()[-1]) >= 12        # kernels were called and checked


def test_an_entry_refuses_other_argument_types_when_checking(monkeypatch):
    import numpy as np
    monkeypatch.setattr(jit, "CHECK", True)
    k = jit.entry(lambda a, x: a.sum() + x)
    assert k(np.ones(3), 1.0) == 4.0
    with pytest.raises(TypeError, match="unlike its first call"):
        k(np.ones(3, np.int64), 1.0)
