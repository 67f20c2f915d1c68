"""Time units and the small entities of the model: cases and posts."""

from __future__ import annotations

DAYS_PER_YEAR = 365.0
WEEK = 7.0


class Case:
    """One case: an investigation (work-driven, legal deadline) or an ongoing case."""

    __slots__ = ("id", "kind", "cls", "complex", "weekly", "arrival", "deadline",
                 "owner", "finish", "end", "open", "overdue", "handovers", "remaining")

    def __init__(self, cid, kind, cls, is_complex, weekly, arrival, deadline, remaining):
        self.id = cid
        self.kind = kind            # "investigation" | "ongoing"
        self.cls = cls              # complexity class name
        self.complex = is_complex
        self.weekly = weekly        # work hours per week while open
        self.arrival = arrival      # day
        self.deadline = deadline    # day (investigations) else inf
        self.owner = -1             # slot of the lead handler, -1 when queued
        self.finish = 0.0           # finish credit at the owner (investigations)
        self.end = 0.0              # calendar end day (ongoing)
        self.open = True
        self.overdue = False
        self.handovers = 0
        self.remaining = remaining  # nominal weeks of service left (investigations)


class Position:
    """A budgeted post and its recruitment state."""

    __slots__ = ("index", "recruiting", "pending_hire", "vacant_since", "consultant",
                 "leaver_exit_day")

    def __init__(self, index):
        self.index = index
        self.recruiting = False
        self.pending_hire = None     # hire profile waiting for the leaver to go
        self.vacant_since = None     # day the post became empty, None if filled
        self.consultant = -1         # consultant slot covering the post
        self.leaver_exit_day = None
