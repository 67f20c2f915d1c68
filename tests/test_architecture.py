"""The model's structure, checked from its source and by running it.

* every module lives in the folder of its layer (sim, store, config, experiment,
  present, cli) and imports only the layers below it (``LAYERS``);
* no file outside ``model/store/`` creates, changes or removes a file: it hands the
  store the content, or a function the store calls with its own temporary path;
* ``simulate.py`` parses, calls and prints (at most 200 lines), and nothing imports it;
* no import cycle among the modules of ``model/`` (imports inside functions count, so
  none can hide a cycle);
* no compiled kernel with more than 10 parameters (kernels take named tuples);
* no file in ``model/`` over 400 lines, the parameter schema split by block;
* every staff column is written only in its owner's module (``model.sim.staff``), and every
  column a weekly step declares has its owner among the modules the step can run;
* a weekly step cannot write a column it does not declare (``WEEKLY_STEPS``): with the
  kernel check on, the others are read-only while it runs, in every bundled scenario;
* the slot transitions leave a slot exactly as ``model.sim.staff`` declares;
* every bundled scenario's kernel calls match their compiled signatures
  (``jit.CHECK``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest

from conftest import BUNDLED_FILES, ROOT, SCENARIOS, scenario
from model.sim import jit, lifecycle, staff, workforce
from model.sim.workforce import Model

MODEL = ROOT / "model"
MAX_LINES = 400
SCHEMA = MODEL / "sim" / "params"     # the parameter schema, one file per block
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
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long


def test_no_day_count_literal_outside_its_constant():
    offenders = []
    for path in MODEL.rglob("*.py"):
        if SCHEMA in path.parents:            # schema bounds such as le=365 days
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


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for n in graph[todo.pop()] - seen:
            seen.add(n)
            todo.append(n)
    return seen


def test_declared_writes_belong_to_the_declared_owners():
    owners = staff.OWNERS
    graph = import_graph()
    for step in workforce.WEEKLY_STEPS:
        runs = {m.rsplit(".", 1)[-1] for m in _reachable(graph, step.run.__module__)}
        for column in step.writes:
            assert column in owners, (step.name, column)
            assert owners[column] in runs, (step.name, column, owners[column])
    assert set(staff.owned_by("strain")) == {"ratio", "zd", "zc", "zs", "zm", "strain",
                                             "exh", "util"}
    # every writable column has an owner and every owner a module
    modules = {p.stem for p in MODEL.rglob("*.py")}
    assert {c.owner for c in staff.COLUMNS} <= modules


def _column_writes(tree: ast.AST) -> list[tuple[str, int]]:
    """(column, line) of every subscript assignment to a staff column, ``x.col[...]``
    or ``col[...]``, in a module."""
    found = []
    for node in ast.walk(tree):
        targets = (node.targets if isinstance(node, ast.Assign) else
                   [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign))
                   else [])
        for t in targets:
            if not isinstance(t, ast.Subscript):
                continue
            v = t.value
            name = (v.attr if isinstance(v, ast.Attribute) else
                    v.id if isinstance(v, ast.Name) else None)
            if name in staff.OWNERS:
                found.append((name, node.lineno))
    return found


def test_the_column_write_scan_sees_writes():
    tree = ast.parse("w.zd[k] = w.zc[k] = 0.0\nh.credit[k] += r\nn_overdue[j] += 1\n"
                     "x = w.exh[k]\ncode[k] = 1")
    assert _column_writes(tree) == [("zd", 1), ("zc", 1), ("credit", 2), ("n_overdue", 3)]


def test_every_column_is_written_only_by_its_owner():
    """Code writes a staff column only in the owner's module; ``model.sim.staff`` itself
    holds the slot transitions (``Staff.fill`` and ``Staff.reset``) that
    ``model.sim.lifecycle`` calls."""
    seen = set()
    offenders = []
    for path in MODEL.rglob("*.py"):
        for column, line in _column_writes(ast.parse(path.read_text(encoding="utf-8"))):
            seen.add(column)
            if path.stem not in (staff.OWNERS[column], "staff"):
                offenders.append(f"{path.relative_to(ROOT).as_posix()}:{line} writes "
                                 f"{column} (owner: {staff.OWNERS[column]})")
    assert not offenders
    assert {"credit", "n_overdue", "intending", "zd", "phase", "notice"} <= seen


def _leaky(step, column):
    """A copy of ``step`` that also writes ``column`` in slot 0."""
    def run(u):
        step.run(u)
        getattr(u.staff, column)[0] = getattr(u.staff, column)[0]
    return step._replace(run=run)


def test_a_step_that_writes_a_column_it_does_not_declare_fails(monkeypatch):
    m = _busy_model()
    steps = list(workforce.WEEKLY_STEPS)
    i = next(i for i, s in enumerate(steps) if s.name.startswith("demand, control"))
    steps[i] = _leaky(steps[i], "intending")           # the leaving step's column
    monkeypatch.setattr(workforce, "WEEKLY_STEPS", tuple(steps))
    m.check_writes = True
    with pytest.raises(ValueError, match="read-only"):
        m.tick()
    # the columns are writable again after the failed step
    assert all(getattr(m.unit.staff, c).flags.writeable for c in staff.NAMES)
    # the same copy declaring the column is fine, and so is the unchanged week
    steps[i] = steps[i]._replace(writes=steps[i].writes + ("intending",))
    monkeypatch.setattr(workforce, "WEEKLY_STEPS", tuple(steps))
    m.tick()


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
for path in map(Path, {scenarios!r}):
    sc = load_scenario(path, ["simulation.years=1", "simulation.warmup_years=0.5"])
    m = Model(sc, 0)
    assert m.check_writes          # each weekly step may write only its own columns
    assert len(m.run()["timeseries"]) > 20, path
entries = {{id(o): o for m in list(sys.modules.values())
           if m and m.__name__.startswith("model") for o in vars(m).values()
           if isinstance(o, jit.entry)}}
assert len(entries) >= 12
print(sum(o.signature is not None for o in entries.values()))
"""


def _checked(script: str):
    """``script`` run in a process of its own with the kernel check on."""
    import subprocess
    import sys
    env = {**__import__("os").environ, "SOCIALSTAFF_CHECK_KERNELS": "1"}
    return subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=600)


@pytest.mark.slow
def test_every_kernel_is_called_with_one_combination_of_argument_types():
    """Kernels become their compiled function after the first call (jit.entry), which
    is safe only if every later call passes the same argument types: every bundled
    scenario is run in a process with the check on, where a differing call raises. The
    same runs check that no weekly step writes a column it does not declare."""
    proc = _checked(_CHECK_ALL.format(root=str(ROOT),
                                      scenarios=[str(p) for p in BUNDLED_FILES]))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert int(proc.stdout.split()[-1]) >= 12        # kernels were called and checked


_CHECK_KERNEL_WRITE = """
import sys
sys.path.insert(0, {root!r})
from model.sim import workforce
from model.config.scenario import load_scenario
steps = list(workforce.WEEKLY_STEPS)
i = next(i for i, s in enumerate(steps) if s.name.startswith("demand, control"))
steps[i] = steps[i]._replace(writes=tuple(c for c in steps[i].writes if c != "exh"))
workforce.WEEKLY_STEPS = tuple(steps)
sc = load_scenario({baseline!r}, ["simulation.years=0.2", "simulation.warmup_years=0"])
workforce.Model(sc, 0).run()
"""


@pytest.mark.slow
def test_a_kernel_that_writes_a_column_its_step_does_not_declare_fails():
    """A copy of the strain step that does not declare ``exh``: its compiled pass,
    which writes ``exh``, is refused (typed with a read-only array, it does not
    compile), whatever the values."""
    proc = _checked(_CHECK_KERNEL_WRITE.format(root=str(ROOT), baseline=str(
        SCENARIOS / "baseline.yaml")))
    assert proc.returncode != 0
    assert "readonly array" in proc.stderr and "_update" in proc.stderr, proc.stderr[-2000:]


def test_an_entry_refuses_other_argument_types_when_checking(monkeypatch):
    import numpy as np
    monkeypatch.setattr(jit, "CHECK", True)
    k = jit.entry(lambda a, x: a.sum() + x)
    assert k(np.ones(3), 1.0) == 4.0
    with pytest.raises(TypeError, match="unlike its first call"):
        k(np.ones(3, np.int64), 1.0)


# -- the layers ----------------------------------------------------------------------
#
# Every module of model/ lives in the folder of its layer; a layer imports only itself
# and the layers listed for it (model.errors and the package's version are for all).
# A reader knows a file's room, and what it may import, from its folder alone.

LAYERS = {
    "sim": set(),                                    # one replication: no files, no words
    "store": set(),                                  # the disk: the only writer of files
    "config": {"sim", "store"},                      # files -> a validated scenario
    "experiment": {"sim", "store", "config"},        # replications -> tables; no words
    "present": {"sim", "store", "config", "experiment"},   # every word
    "cli": {"sim", "store", "config", "experiment", "present"},  # parse, call, print
}
SHARED = {"model", "model.errors"}                   # importable from every layer
MAX_CLI_LINES = 200


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    bad = []
    for mod, deps in sorted(graph.items()):
        own = layer_of(mod)
        allowed = LAYERS.get(own, set()) | {own}
        for dep in sorted(deps):
            if dep in SHARED or layer_of(dep) in allowed:
                continue
            bad.append(f"{mod} ({own}) imports {dep} ({layer_of(dep)})")
    return bad


def test_layer_check_finds_an_upward_import():
    graph = {"model.sim.a": {"model.present.b"}, "model.present.b": {"model.sim.a"},
             "model.store.c": {"model.errors", "model.config.d"}}
    assert layer_violations(graph) == [
        "model.sim.a (sim) imports model.present.b (present)",
        "model.store.c (store) imports model.config.d (config)"]


def test_every_model_module_lives_in_a_layer():
    loose = sorted(m for m in import_graph() if layer_of(m) is None and m not in SHARED)
    assert not loose
    assert set(LAYERS) <= {p.name for p in MODEL.iterdir() if p.is_dir()}


def test_each_layer_imports_only_the_layers_below_it():
    graph = import_graph()
    assert graph["model.experiment.jobs"] >= {"model.store.provenance"}   # graph is real
    assert not layer_violations(graph)


def _imports_of(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
    return out


def test_simulate_py_is_thin_and_nothing_imports_it():
    path = ROOT / "simulate.py"
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_CLI_LINES
    assert all(m == "model.errors" or m == "model.cli" or m.startswith("model.cli.")
               for m in _imports_of(path) if m.split(".")[0] == "model")
    assert not [p for p in MODEL.rglob("*.py") if "simulate" in _imports_of(p)]


# -- only the store writes files -------------------------------------------------------

WRITING_CALLS = {
    "os": {"open", "fdopen", "replace", "rename", "renames", "remove", "unlink", "mkdir",
           "makedirs", "rmdir", "removedirs", "link", "symlink", "truncate", "write"},
    "shutil": {"copy", "copy2", "copyfile", "copytree", "move", "rmtree"},
    "tempfile": {"mkstemp", "mkdtemp", "NamedTemporaryFile", "TemporaryDirectory",
                 "TemporaryFile"},
    "xlsxwriter": {"Workbook"},
}
# methods that write whatever object they are called on (a path, a frame)
WRITING_METHODS = {"write_text", "write_bytes", "mkdir", "touch", "unlink", "rmdir",
                   "symlink_to", "hardlink_to", "to_parquet", "to_csv", "to_feather",
                   "write_html", "write_image", "screenshot"}
# functions the store calls with the temporary path it owns (``write_with``, ``save=``)
# writers the store calls with its own temporary path (the workbook writer also writes
# into memory for the app's download, which is no file)
STORE_CALLBACKS = {"present/export.py": {"write_workbook", "save_csv"},
                   "present/workbook.py": {"workbook"}}


def _claimed_names(tree: ast.AST) -> set[str]:
    """Names bound to an output the store claimed (``with store.claim(...) as out``,
    ``outs = {...: stack.enter_context(_claim(...))}``, ``for out in outs``): their
    writes go through the store."""
    names: set[str] = set()
    bindings = []                         # (source expression, bound target)
    for node in ast.walk(tree):
        if isinstance(node, ast.withitem) and node.optional_vars is not None:
            bindings.append((node.context_expr, node.optional_vars))
        elif isinstance(node, ast.Assign):
            bindings += [(node.value, t) for t in node.targets]
        elif isinstance(node, (ast.For, ast.comprehension)):
            bindings.append((node.iter, node.target))
    while True:
        before = len(names)
        for source, target in bindings:
            used = {n.id for n in ast.walk(source) if isinstance(n, ast.Name)}
            if "claim" in ast.unparse(source) or used & names:
                names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
        if len(names) == before:
            return names


def _write_mode(call: ast.Call) -> bool:
    mode = call.args[1] if len(call.args) > 1 else next(
        (k.value for k in call.keywords if k.arg == "mode"), None)
    return isinstance(mode, ast.Constant) and bool(set(str(mode.value)) & set("wax+"))


def file_writes(path: Path, callbacks: set[str] = frozenset()) -> list[str]:
    """``name:line`` of every call in ``path`` that creates, changes or removes a file,
    outside the store's claimed outputs and the named store callbacks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    claimed = _claimed_names(tree)
    skip = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)
            and f.name in callbacks for n in ast.walk(f)}
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or id(node) in skip:
            continue
        fn = node.func
        hit = False
        if isinstance(fn, ast.Name):
            hit = fn.id == "open" and _write_mode(node)
        elif isinstance(fn, ast.Attribute):
            owner = fn.value.id if isinstance(fn.value, ast.Name) else None
            if owner in WRITING_CALLS:
                hit = fn.attr in WRITING_CALLS[owner]
            elif fn.attr == "open":                       # Path.open(mode)
                hit = _write_mode(ast.Call(func=fn, args=[fn, *node.args],
                                           keywords=node.keywords))
            elif fn.attr in WRITING_METHODS:
                hit = owner not in claimed
                if fn.attr in ("to_csv", "to_parquet") and not node.args:
                    hit = False                                 # to a string or bytes
        if hit:
            found.append(f"{path.relative_to(ROOT).as_posix()}:{node.lineno}")
    return found


def test_the_write_finder_finds_writes(tmp_path):
    p = ROOT / "model" / "_probe_writes.py"
    src = ("import os\nfrom pathlib import Path\n"
           "def f(df, out):\n"
           "    Path(out).write_text('x')\n"          # 4
           "    open(out, 'w')\n"                      # 5
           "    open(out)\n"
           "    os.replace(out, out)\n"                # 7
           "    df.to_parquet(out)\n"                  # 8
           "    df.to_csv()\n"
           "    with store.claim(out) as o:\n"
           "        o.write_text('x')\n")
    try:
        p.write_text(src, encoding="utf-8")
        assert [s.split(":")[1] for s in file_writes(p)] == ["4", "5", "7", "8"]
    finally:
        p.unlink()


def test_only_the_store_writes_files():
    writes = []
    for path in sorted([*MODEL.rglob("*.py"), ROOT / "simulate.py"]):
        rel = path.relative_to(MODEL).as_posix() if MODEL in path.parents else path.name
        if rel.startswith("store/"):
            continue
        writes += file_writes(path, STORE_CALLBACKS.get(rel, set()))
    assert file_writes(MODEL / "store" / "atomic.py")           # the finder sees writes
    assert not writes


def test_store_callbacks_are_only_handed_to_the_store():
    """A callback that writes (``STORE_CALLBACKS``) is never called directly: it is only
    passed to the store (``write_with(...)``, ``save=``), which gives it its temporary path."""
    for rel, names in STORE_CALLBACKS.items():
        tree = ast.parse((MODEL / rel).read_text(encoding="utf-8"))
        handed = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in ("write_with", "write_result"):
                handed |= {id(n) for n in ast.walk(node)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id in names:
                assert id(node) in handed, f"{rel}:{node.lineno} {node.id}"
