"""The leaf parameters of the scenario schema, walked in schema order (the parameter
table of docs/MODEL.md, the uncertainty analysis and the screens' parameter words read
them from here)."""

from __future__ import annotations

from pydantic import BaseModel

from ..sim.params import Scenario

SKIP = {"name", "title", "description", "uncertainty"}


def _block(annotation):
    """The parameter block class of a field (also inside ``Block | None``), or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    args = [a for a in getattr(annotation, "__args__", ()) or () if a is not type(None)]
    if len(args) == 1 and isinstance(args[0], type) and issubclass(args[0], BaseModel):
        return args[0]
    return None


def leaves(model=Scenario, instance=None, prefix=""):
    """(path, field info, default value) for every leaf parameter; an optional block
    (a policy not in use) is listed with the defaults it has when switched on."""
    instance = instance if instance is not None else model()
    for name, info in model.model_fields.items():
        if not prefix and name in SKIP:
            continue
        value = getattr(instance, name)
        path = f"{prefix}{name}"
        block = _block(info.annotation)
        if block is not None:
            yield from leaves(block, value if value is not None else block(), path + ".")
        else:
            yield path, info, value
