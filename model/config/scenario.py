"""Load scenario YAML files into a validated :class:`~model.sim.params.Scenario`.

A scenario file is a mapping of parameter blocks. It may name another file with
``extends: other.yaml`` (relative to itself); the loader merges the file onto its
parent recursively (mappings merge key by key; lists, scalars and distributions,
i.e. mappings with a ``dist`` key, replace the parent's value whole), then
applies command-line overrides (``--set path.to.param=value``) and validates the
result once. Every problem becomes a :class:`ScenarioError` whose message is one
line naming the file (and line where known), the field path, the bad value and
what is allowed.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..errors import ScenarioError
from ..sim.params import Scenario
from ..sim.params.cases import ALTERNATIVES
from ..store.files import MAX_INPUT_BYTES, read_text

MAX_FILE_BYTES = MAX_INPUT_BYTES
MAX_EXTENDS_DEPTH = 20
MAX_NODES = 100_000


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader (libyaml's, about 10x faster, where PyYAML has it) that rejects
    duplicate keys and bounds alias expansion."""

    def __init__(self, stream):
        super().__init__(stream)
        self._nodes_seen = 0

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen[key] = True
        return super().construct_mapping(node, deep=deep)

    def construct_object(self, node, deep=False):
        self._nodes_seen += 1
        if self._nodes_seen > MAX_NODES:
            raise yaml.constructor.ConstructorError(
                None, None, f"document too large after alias expansion (more than "
                f"{MAX_NODES} nodes)", node.start_mark)
        return super().construct_object(node, deep=deep)


def read_yaml(path: Path) -> Any:
    """Parse one YAML file safely (a regular file, at most MAX_FILE_BYTES); errors name
    the file and line. A file of whitespace only (tabs too) is None, as an empty one."""
    text = read_text(path, MAX_FILE_BYTES, ScenarioError)
    return parse_yaml(text, path) if text.strip() else None


def parse_yaml(text: str, path: Path) -> Any:
    """Parse YAML text read from (or to be written to) ``path``."""
    try:
        loader = _UniqueKeyLoader(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = exc.problem or exc.context or "invalid YAML"
        raise ScenarioError(f"{path}{where}: YAML syntax error: {problem}") from None
    except yaml.YAMLError as exc:
        raise ScenarioError(f"{path}: YAML error: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise ScenarioError(f"{path}: YAML nested too deeply") from None


def _alternatives(out: dict, over: dict, src: str, prefix: tuple) -> None:
    """Drop from ``out`` the alternatives of a key ``over`` sets (see ALTERNATIVES)."""
    group = ALTERNATIVES.get(tuple(prefix), ())
    given = [k for k in group if over.get(k) is not None]
    if len(given) > 1:
        raise ScenarioError(f"{src}: field '{'.'.join(prefix)}': sets {' and '.join(given)}; "
                            f"give only one of {', '.join(group)}")
    if given:
        for k in group:
            if k not in over:
                out.pop(k, None)


def deep_merge(base: dict, over: dict, origin: dict, src: str, prefix=()) -> dict:
    """Merge ``over`` onto ``base``; record in ``origin`` which file set each path."""
    out = dict(base)
    _alternatives(out, over, src, prefix)
    for key, value in over.items():
        path = prefix + (key,)
        if isinstance(value, dict):
            # a distribution ({dist: ...}) replaces the parent's whole, never merges
            keep = isinstance(out.get(key), dict) and "dist" not in value
            below = out.get(key) if keep else {}
            out[key] = deep_merge(below, value, origin, src, path)
        else:
            out[key] = value
            origin[path] = src
    return out


def _load_chain(path: Path, origin: dict, chain: tuple[Path, ...], data: Any = None,
                files: list[Path] | None = None) -> dict:
    path = Path(os.path.normpath(path))
    key = path.resolve()
    if key in [p.resolve() for p in chain]:
        cycle = " -> ".join(str(p) for p in chain + (path,))
        raise ScenarioError(f"{chain[-1]}: field 'extends': cyclic extends ({cycle})")
    if len(chain) >= MAX_EXTENDS_DEPTH:
        raise ScenarioError(f"{path}: field 'extends': more than {MAX_EXTENDS_DEPTH} "
                            "levels of extends")
    if files is not None:
        files.append(path)
    if data is None:
        data = read_yaml(path)
        if data is None:
            raise ScenarioError(f"{path}: the file is empty (or only comments); a scenario "
                                "is a mapping of parameter blocks, e.g. unit: {posts: 25}")
    if not isinstance(data, dict):
        raise ScenarioError(f"{path}: top level must be a mapping of parameter blocks, "
                            f"got {type(data).__name__}")
    for k in data:
        if not isinstance(k, str):
            raise ScenarioError(f"{path}: field {k!r}: keys must be text")
    try:
        _check_numbers(data)
    except _TooLarge:
        raise ScenarioError(f"{path}: document too large after alias expansion (more "
                            f"than {MAX_NODES} values)") from None
    except _NonFinite:
        pass   # reported with the merged field path later
    data = dict(data)
    parent = data.pop("extends", None)
    base: dict = {}
    if parent is not None:
        if not isinstance(parent, str) or not parent.strip():
            raise ScenarioError(f"{path}: field 'extends': got {parent!r}; must be a "
                                "path to a scenario file")
        ppath = path.parent / parent
        if ppath.suffix.lower() not in (".yaml", ".yml"):
            raise ScenarioError(f"{path}: field 'extends': got {parent!r}; must name a "
                                ".yaml or .yml scenario file")
        if not ppath.exists():
            raise ScenarioError(f"{path}: field 'extends': file not found: {ppath}")
        base = _load_chain(ppath, origin, chain + (path,), files=files)
    return deep_merge(base, data, origin, str(path))


class Override(str):
    """An override ``path.to.param=value`` given by a command-line flag other than
    ``--set`` (e.g. ``--years 5``): errors name the flag as the user typed it."""

    def __new__(cls, text: str, label: str):
        obj = super().__new__(cls, text)
        obj.label = label
        return obj


def parse_override(text: str) -> tuple[tuple[str, ...], Any]:
    """Parse ``path.to.param=value``; the value is read as YAML (numbers, lists...)."""
    if "=" not in text:
        raise ScenarioError(f"--set {text}: expected path.to.param=value")
    key, _, raw = text.partition("=")
    key = key.strip()
    if not key or any(not part for part in key.split(".")):
        raise ScenarioError(f"--set {text}: empty field path")
    try:
        value = yaml.safe_load(raw) if raw.strip() else ""
    except yaml.YAMLError:
        raise ScenarioError(f"--set {text}: cannot parse value {raw!r}") from None
    return tuple(key.split(".")), value


def apply_override(data: dict, path: tuple[str, ...], value: Any, origin: dict,
                   label: str) -> dict:
    """Set ``value`` at ``path`` inside nested dicts (lists indexed by number)."""
    data = dict(data)
    node: Any = data
    for i, part in enumerate(path[:-1]):
        nxt = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            nxt = node[int(part)]
            nxt = dict(nxt) if isinstance(nxt, dict) else nxt
            node[int(part)] = nxt
            node = nxt
            continue
        if nxt is None:
            nxt = {}
        elif isinstance(nxt, dict):
            nxt = dict(nxt)
        elif isinstance(nxt, list):
            nxt = list(nxt)
        else:
            raise ScenarioError(f"{label}: field '{'.'.join(path[:i + 1])}' is not a block")
        node[part] = nxt
        node = nxt
    last = path[-1]
    if isinstance(node, dict) and value is not None and last in ALTERNATIVES.get(path[:-1], ()):
        for k in ALTERNATIVES[path[:-1]]:
            node.pop(k, None)
    if isinstance(node, list) and last.isdigit() and int(last) < len(node):
        node[int(last)] = value
    elif isinstance(node, dict):
        node[last] = value
    else:
        raise ScenarioError(f"{label}: field '{'.'.join(path)}' cannot be set")
    origin[path] = label
    return data


MISSING = object()


def get_path(data: Any, path: str, default: Any = None) -> Any:
    """The value at a dotted parameter path (list items by index), or ``default``."""
    node = data
    for part in path.split("."):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return default
    return node


def _fmt_value(v: Any) -> str:
    text = repr(v)
    return text if len(text) <= 60 else text[:57] + "..."


def _source_for(loc: tuple, origin: dict, default: str) -> str:
    """The file (or --set) that set the value at ``loc``, a prefix or a part of it.

    When several files set parts of a block, an override or the top file wins over
    the files it extends.
    """
    key = tuple(str(x) for x in loc)
    for n in range(len(key), 0, -1):
        if key[:n] in origin:
            return origin[key[:n]]
    inside = [src for path, src in origin.items() if path[:len(key)] == key]
    for src in inside:
        if src.startswith("--set"):
            return src
    if default in inside or not inside:
        return default
    return inside[-1]


def format_validation_error(exc: ValidationError, origin: dict, default: str) -> str:
    """One line for the first error: file, field path, bad value, what is allowed."""
    err = exc.errors(include_url=False)[0]
    loc = tuple(x for x in err["loc"] if not (isinstance(x, str) and x in (
        "constant", "uniform", "normal", "lognormal", "exponential", "gamma")))
    field = ".".join(str(x) for x in loc) or "(top level)"
    src = _source_for(loc, origin, default)
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    etype = err["type"]
    if etype == "extra_forbidden":
        return f"{src}: field '{field}': unknown key; allowed keys: " + _allowed(loc)
    if etype in ("union_tag_invalid", "union_tag_not_found"):
        tag = err.get("ctx", {}).get("tag")
        got = f"got dist {tag!r}; " if tag else "missing 'dist'; "
        return (f"{src}: field '{field}': {got}allowed dist: constant, uniform, normal, "
                "lognormal, exponential, gamma")
    value = err.get("input")
    shown = ("" if isinstance(value, (dict, list, tuple)) and len(repr(value)) > 60
             else f"got {_fmt_value(value)}; ")
    return f"{src}: field '{field}': {shown}{msg.lower() if msg[:1].isupper() else msg}"


def _allowed(loc: tuple) -> str:
    """The keys allowed at the parent of ``loc`` (best effort from the schema)."""
    model = Scenario
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fld = getattr(model, "model_fields", {}).get(part)
        if fld is None:
            return "see 'python simulate.py schema'"
        ann = fld.annotation
        sub = _model_in(ann)
        if sub is None:
            return "see 'python simulate.py schema'"
        model = sub
    return ", ".join(model.model_fields)


def _model_in(ann):
    from pydantic import BaseModel
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return ann
    for arg in getattr(ann, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _check_numbers(data: Any, path=(), budget=None) -> None:
    """Reject NaN and infinities (YAML's .nan/.inf) with the field path, and documents
    that are huge once aliases are expanded ("billion laughs")."""
    if budget is None:
        budget = [MAX_NODES]
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooLarge()
    if isinstance(data, dict):
        for k, v in data.items():
            _check_numbers(v, path + (str(k),), budget)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            _check_numbers(v, path + (str(i),), budget)
    elif isinstance(data, float) and not math.isfinite(data):
        raise _NonFinite(path, data)


class _TooLarge(Exception):
    pass


class _NonFinite(Exception):
    def __init__(self, path, value):
        super().__init__(path)
        self.path, self.value = path, value


def load_scenario(path: str | Path, overrides: list[str] | None = None) -> Scenario:
    """Load, merge, override and validate one scenario file."""
    origin: dict = {}
    data = apply_overrides(merged_data(path, origin), overrides, origin)
    return validate_data(data, origin, str(path))


def apply_overrides(data: dict, overrides: list[str] | None, origin: dict) -> dict:
    """Every ``--set`` override (or flag shorthand) applied in turn."""
    for text in overrides or []:
        opath, value = parse_override(text)
        data = apply_override(data, opath, value, origin,
                              getattr(text, "label", None) or f"--set {text}")
    return data


def load_scenario_text(text: str, path: str | Path) -> Scenario:
    """Validate scenario text as if it were the file ``path`` (before it is written):
    its ``extends`` is read relative to ``path``."""
    path, origin = Path(path), {}
    data = parse_yaml(text, path)
    return validate_data(_load_chain(path, origin, (), data={} if data is None else data),
                         origin, str(path))


def merged_data(path: str | Path, origin: dict) -> dict:
    """The file merged onto what it extends (before overrides and validation)."""
    return _load_chain(Path(path), origin, ())


def source_files(path: str | Path) -> list[Path]:
    """The scenario file and every file it extends (the inputs a command reads)."""
    files: list[Path] = []
    _load_chain(Path(path), {}, (), files=files)
    return files


def validate_data(data: dict, origin: dict | None = None,
                  label: str = "<scenario>") -> Scenario:
    """Validate a merged scenario mapping; errors become one-line ScenarioErrors."""
    origin = origin or {}
    try:
        _check_numbers(data)
    except _TooLarge:
        raise ScenarioError(f"{label}: document too large after alias expansion (more "
                            f"than {MAX_NODES} values)") from None
    except _NonFinite as nf:
        src = _source_for(nf.path, origin, label)
        raise ScenarioError(f"{src}: field '{'.'.join(nf.path)}': got {nf.value}; must "
                            "be a finite number") from None
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(format_validation_error(exc, origin, label)) from None
    except RecursionError:
        raise ScenarioError(f"{label}: scenario nested too deeply") from None
