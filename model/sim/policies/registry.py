"""The policies the model knows, gathered from the family modules of this package.

Every module here but ``base`` and this one is a policy family: it declares its
policies in ``POLICIES`` (``base.PolicySpec``: schema block, behaviour, levers,
order). Nothing else lists them: the scenario schema's ``policies`` block, the policy
objects of a run and the what-if app's levers are all built from what is found here,
so a new measure is a new declaration in a family module (or a new module).
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from pydantic import create_model

from ..params.base import Strict
from .base import PolicySpec

NOT_FAMILIES = frozenset({"base", "registry"})


def family_modules() -> list[str]:
    """The names of this package's policy family modules, sorted."""
    here = Path(__file__).resolve().parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)])
                  if m.name not in NOT_FAMILIES)


def _gather() -> tuple[PolicySpec, ...]:
    package = __name__.rpartition(".")[0]
    found: list[PolicySpec] = []
    for name in family_modules():
        module = importlib.import_module(f"{package}.{name}")
        declared = getattr(module, "POLICIES", None)
        if not declared or not all(isinstance(s, PolicySpec) for s in declared):
            raise TypeError(f"{module.__name__} declares no POLICIES (a tuple of "
                            "PolicySpec)")
        found += declared
    for what in ("key", "order"):
        values = [getattr(s, what) for s in found]
        twice = sorted({str(v) for v in values if values.count(v) > 1})
        if twice:
            raise ValueError(f"policies share a {what}: {', '.join(twice)}")
    return tuple(sorted(found, key=lambda s: s.order))


SPECS = _gather()
REGISTRY: dict[str, PolicySpec] = {s.key: s for s in SPECS}

# the ``policies`` block of a scenario: one optional block per policy, in order
Policies = create_model("Policies", __base__=Strict, __module__=__name__,
                        **{s.key: (s.schema | None, None) for s in SPECS})
