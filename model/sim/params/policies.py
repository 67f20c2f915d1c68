"""The policies block: one optional block per policy, absent when the policy is not
used. Each block is declared beside its behaviour in ``model.sim.policies`` (its
family module's ``POLICIES``); the registry there assembles this block from them."""

from __future__ import annotations

from ..policies.registry import Policies

__all__ = ["Policies"]
