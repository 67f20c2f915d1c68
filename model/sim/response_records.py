"""What the managers' response (``model.sim.processes.response``) did, counted by the
recorder in the statistics window, and its columns of the summary."""

from __future__ import annotations

import math


class ResponseRecords:
    """The recorder's counters of the managers' response (a part of ``Recorder``; the
    processes report through these methods and never write a counter themselves)."""

    def start_response_counts(self) -> None:
        self.bought = 0
        self.bought_ongoing = 0
        self.borrowed_fte_weeks = 0.0
        self.overtime_hours = 0.0
        self.cut_sum = 0.0
        self.response_weeks = 0

    def investigations_bought(self, n: int, in_window: bool) -> None:
        """``n`` waiting investigations given to an external firm: closed for the unit
        (in ``cases_closed`` too)."""
        self.cases_closed_in_week(n, in_window)
        if in_window:
            self.bought += n

    def ongoing_bought(self, n: int, in_window: bool) -> None:
        """``n`` waiting ongoing cases given to an external firm: closed for the unit."""
        self.cases_closed_in_week(n, in_window)
        if in_window:
            self.bought_ongoing += n

    def borrowed_week(self, fte: float, in_window: bool) -> None:
        """Staff borrowed from other units this week, in full-time posts."""
        if in_window:
            self.borrowed_fte_weeks += fte

    def response_week(self, cut: float, overtime_hours: float, in_window: bool) -> None:
        """The week's cut of ongoing cases' hours and the overtime hours worked."""
        if in_window:
            self.cut_sum += cut
            self.overtime_hours += overtime_hours
            self.response_weeks += 1

    def response_summary(self, s: dict, headcount: float, years: float) -> None:
        """The response's columns of the summary row ``s``."""
        s["investigations_bought"] = self.bought
        s["overtime_hours_per_fte"] = (self.overtime_hours / headcount / years
                                       if headcount and headcount > 0 else math.nan)
        # weeks without a response are weeks with no cut, and none borrowed
        n_weeks = max(int(round(years * 52)), 1)
        s["prioritised_share"] = self.cut_sum / n_weeks
        s["ongoing_bought"] = self.bought_ongoing
        s["borrowed_fte"] = self.borrowed_fte_weeks / n_weeks
