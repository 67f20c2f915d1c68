"""Recruitment rounds and the candidates they find.

Each round costs ``cost_per_round_sek`` and takes a time-to-hire draw, scaled by the
market (``model.sim.processes.market``: a more attractive unit fills a post sooner) and by
measures that speed up the process. It fails with the market's probability (then the
post is re-advertised). The market in force when a round starts sets its time to hire;
the one in force when it ends sets its failure, whether a former employee comes back and
the experience of the hire. A successful round hires a new graduate with the market's
graduate share, else an experienced candidate: a former employee who applies (their
experience, an introduced start), or one with prior years drawn from
``experienced_prior_years``. What happens when a candidate accepts (the start on the
later of the ready day and the leaver's exit day) is ``model.sim.lifecycle``'s.
"""

from __future__ import annotations

from typing import NamedTuple

from ..distributions import sample
from ..entities import DAYS_PER_YEAR
from . import market


class Candidate(NamedTuple):
    """A candidate who accepted a post."""

    prior: float          # years of experience before this unit
    age: float            # years
    fte: float
    graduate: bool
    trainee: bool
    returner: bool = False      # a former employee coming back

    @property
    def kind(self) -> str:
        """How the hire is logged: returner, trainee, new_graduate or experienced."""
        return ("returner" if self.returner else "trainee" if self.trainee else
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
        if not trainee:
            factor *= market.time_factor(u)
        yield u.env.timeout(max(1.0, factor * sample(hiring.time_to_hire_days, s)))
        pool = market.former_pool(u)
        offer = market.offer(u, len(pool))
        draw = s.random()               # drawn for trainees too: the stream stays aligned
        failed = not trainee and draw < offer.failure
        u.recorder.round_ended(failed, u.env.now >= u.warmup_end)
        if not failed:
            break
        u.recorder.event(u, "recruitment_round", k, "failed", offer.attractiveness)
    hire = candidate(u, trainee, offer.graduate_share)
    # a former employee who applies is an experienced applicant, and preferred
    if not hire.graduate and pool and u.rng["returners"].random() < offer.returner:
        return returner(u, pool)
    return hire


def returner(u, pool: list) -> Candidate:
    """A former employee from the pool comes back (the pool loses them): their
    experience at exit plus the years away, an introduced start."""
    who = pool[int(u.rng["returners"].random() * len(pool)) % len(pool)]
    u.former.remove(who)
    away = max(u.env.now - who.exit_day, 0.0) / DAYS_PER_YEAR
    return Candidate(who.experience + away, who.age + away, who.fte, False, False, True)


def candidate(u, trainee: bool = False, graduate_share: float | None = None) -> Candidate:
    """Draw the accepting candidate's profile (graduate with ``graduate_share``, by
    default the scenario's ``new_graduate_share``)."""
    hiring = u.params.recruitment
    s = u.rng["hire_profile"]
    # trainee hires are graduates drawn from the graduate share; the rest keep the mix
    g = hiring.new_graduate_share if graduate_share is None else graduate_share
    t = u.fx.trainee_share
    p_grad = g if t == 0 else (g * (1 - t) / (1 - g * t) if g * t < 1 else 0.0)
    graduate = trainee or s.random() < p_grad
    prior = 0.0 if graduate else max(0.0, sample(hiring.experienced_prior_years, s))
    age = sample(hiring.graduate_age, s) + prior
    fte = min(max(sample(hiring.fte, s), 0.1), 1.0)
    return Candidate(prior, age, fte, graduate, trainee)
