"""Recruitment rounds and the candidates they find.

Each round costs ``cost_per_round_sek``, takes a time-to-hire draw and fails with
``failure_probability`` (then the post is re-advertised). Policies in force when a
round starts set its time to hire; those in force when it ends set its failure
probability. The candidate is a new
graduate with ``new_graduate_share``, otherwise experienced with prior years drawn
from ``experienced_prior_years``. What happens when a candidate accepts (the start on
the later of the ready day and the leaver's exit day) is ``model.lifecycle``'s.
"""

from __future__ import annotations

from typing import NamedTuple

from ..distributions import sample


class Candidate(NamedTuple):
    """A candidate who accepted a post."""

    prior: float          # years of experience before this unit
    age: float            # years
    fte: float
    graduate: bool
    trainee: bool

    @property
    def kind(self) -> str:
        """How the hire is logged: trainee, new_graduate or experienced."""
        return ("trainee" if self.trainee else
                "new_graduate" if self.graduate else "experienced")


def rounds(u, k: int):
    """A SimPy process body: rounds for post ``k`` until one succeeds; returns the
    ``Candidate``."""
    hiring = u.params.recruitment
    s = u.rng["recruitment"]
    # the week's effects are replaced every week: each decision reads those in force
    trainee = s.random() < hiring.new_graduate_share * u.fx.trainee_share
    while True:
        u.ledger.add(u.env.now, "recruitment", hiring.cost_per_round_sek)
        u.recorder.event(u, "recruitment_round", k, "trainee" if trainee else "advertised")
        fx = u.fx
        factor = fx.time_to_hire_factor * (fx.trainee_time_factor if trainee else 1.0)
        yield u.env.timeout(max(1.0, factor * sample(hiring.time_to_hire_days, s)))
        fx = u.fx
        fail = (hiring.failure_probability if fx.failure_probability is None
                else fx.failure_probability)
        draw = s.random()               # drawn for trainees too: the stream stays aligned
        if trainee or draw >= fail:
            break
        u.recorder.event(u, "recruitment_round", k, "failed")
    return candidate(u, trainee)


def candidate(u, trainee: bool = False) -> Candidate:
    """Draw the accepting candidate's profile."""
    hiring = u.params.recruitment
    s = u.rng["hire_profile"]
    # trainee hires are graduates drawn from the graduate share; the rest keep the mix
    g, t = hiring.new_graduate_share, u.fx.trainee_share
    p_grad = g if t == 0 else (g * (1 - t) / (1 - g * t) if g * t < 1 else 0.0)
    graduate = trainee or s.random() < p_grad
    prior = 0.0 if graduate else max(0.0, sample(hiring.experienced_prior_years, s))
    age = sample(hiring.graduate_age, s) + prior
    fte = min(max(sample(hiring.fte, s), 0.1), 1.0)
    return Candidate(prior, age, fte, graduate, trainee)
