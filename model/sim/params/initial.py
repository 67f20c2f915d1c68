"""The unit's staff at the start."""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from .base import MAX_POSTS, Distribution, Exponential, NonNeg, P, PosFloat, Share, Strict

# ---------------------------------------------------------------------------
# initial state


class TenureBin(Strict):
    from_years: NonNeg = Field(le=60)
    to_years: PosFloat = Field(le=60)
    count: NonNeg = Field(le=1e6, description="Workers (or relative weight) in the bin.")

    @model_validator(mode="after")
    def _order(self):
        if self.to_years <= self.from_years:
            raise ValueError(f"to_years ({self.to_years:g}) must be > from_years "
                             f"({self.from_years:g})")
        return self


class StaffMember(Strict):
    tenure_years: NonNeg = Field(le=60, description="Years at this workplace.")
    prior_years: NonNeg = Field(default=0, le=60, description="Experience before.")
    age: float = Field(default=40, gt=16, le=80)
    fte: float = Field(default=1.0, gt=0, le=1)
    salary_sek_per_month: float | None = Field(default=None, ge=0, le=1e7)


class InitialState(Strict):
    tenure_distribution: tuple[TenureBin, ...] = P(
        None, "workers per band", "Workplace tenure of the starting staff (sampled "
        "uniformly within bins, scaled to the posts). Default shape: a unit with ~22% "
        "turnover; the warm-up removes its imprint.", assumption="shape; the warm-up removes it",
        default_factory=lambda: (TenureBin(from_years=0, to_years=2, count=40),
                                 TenureBin(from_years=2, to_years=5, count=25),
                                 TenureBin(from_years=5, to_years=10, count=20),
                                 TenureBin(from_years=10, to_years=20, count=10),
                                 TenureBin(from_years=20, to_years=30, count=5)),
        sv="Anställningstid på arbetsplatsen för personalen vid start (dras jämnt inom "
           "intervallen, skalas till tjänsterna).")
    staff: tuple[StaffMember, ...] | None = P(None, "list", "An explicit staff list; "
                                              "replaces tenure_distribution when given.",
                                              assumption="user data",
                                              sv="En uttrycklig personallista; ersätter "
                                                 "tenure_distribution när den anges.")
    prior_years: Distribution = P(
        None, "years", "Experience before joining, for sampled staff.",
        assumption=(0, 10), default_factory=lambda: Exponential(dist="exponential",
                                                                mean=2.0), decision=True,
        sv="Erfarenhet före anställningen, för dragen personal.")
    fill_share: Share = P(1.0, "share of posts", "Share of posts filled at the start.",
                          assumption=(0.8, 1.0), decision=True,
                          sv="Andel tjänster som är tillsatta vid start.")
    vacant_posts: float | None = P(None, "posts", "Posts vacant now (the present state): "
                                   "replaces fill_share when given; with a staff list the "
                                   "posts beyond the list are vacant.",
                                   assumption="user data", ge=0, le=MAX_POSTS,
                                   sv="Tjänster som är vakanta nu (nuläget): ersätter "
                                      "fill_share när den anges; med en personallista är "
                                      "tjänsterna utöver listan vakanta.")
    consultants: int = P(0, "persons", "Agency social workers covering vacant posts now "
                         "(the present state); they stay until the post is filled.",
                         assumption="user data", ge=0, le=MAX_POSTS,
                         sv="Konsulter från bemanningsföretag som täcker vakanta tjänster nu "
                            "(nuläget); de stannar tills tjänsten tillsätts.")

    @field_validator("tenure_distribution")
    @classmethod
    def _bins(cls, v):
        if not v or sum(b.count for b in v) <= 0:
            raise ValueError("tenure_distribution needs at least one bin with count > 0")
        return v
