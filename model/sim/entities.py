"""Time units and the budgeted posts (cases live in ``model.sim.casebook``)."""

from __future__ import annotations

DAYS_PER_YEAR = 365.0
WEEK = 7.0


class Position:
    """A budgeted post and its recruitment state."""

    __slots__ = ("index", "recruiting", "pending_hire", "vacant_since", "consultant")

    def __init__(self, index):
        self.index = index
        self.recruiting = False
        self.pending_hire = None     # accepted candidate waiting for the leaver to go
        self.vacant_since = None     # day the post became empty, None if filled
        self.consultant = -1         # consultant slot covering the post
