"""What the unit's managers do when the queue grows: the brake real units have.

Pressure is the cases waiting for a caseworker (investigations and ongoing cases) as
months of the unit's intake of both, as the managers saw it the week before. Three
responses rise with it, each from its own trigger, each with its limit and its cost
(``model.sim.processes.response``):

1. **Prioritisation** of ongoing cases: their weekly hours are cut (fewer follow-up
   contacts), up to ``prioritise_max_cut``, so the caseworkers' hours go to the waiting
   cases first. No cash cost; the work not given to families is not work done, so the
   economic view counts no credit for it (the capacity short of the need stays valued
   as before).
2. **Overtime** within the law's limit: every employee present works up to
   ``overtime_max_hours_per_week`` more client hours, never more than
   ``overtime_max_hours_per_year`` in a calendar year; paid at ``overtime_pay_factor``
   times the hourly pay with on-costs; the hours add to the worker's demand.
3. **Consultants beyond the usual cap**: from ``crisis_consultants_from_months`` the
   managers may cover vacant posts with consultants up to ``crisis_consultant_share`` of
   the posts (instead of ``consultants.max_share_of_posts``), after a lead time, at
   ``crisis_consultant_price_factor`` times the usual price for those above the usual
   cap; below half that pressure no more are taken on (those in post stay until their
   post is filled, as consultants do).
4. **Leadership strengthened** when people leave: from ``leadership_from_turnover`` exits
   in the last 52 weeks per post, ``leadership_team_leaders`` temporary team leaders
   lower the span of control (Umeå 2014, after 18 of 38 left: "ledarskapet stärktes",
   seed 002), at ``leadership_salary_sek_per_month`` each, until the exits fall below
   half the trigger.
5. **Staff borrowed from other units**: from ``borrow_from_months``, colleagues of other
   units, up to ``borrow_share`` of the posts in client hours, take the oldest waiting
   investigations, at their pay.
6. **Bought work**, when that is not enough: investigations waiting beyond
   ``buy_above_months`` of intake are given, oldest first, to an external investigation
   firm at ``bought_investigation_sek`` each, and ongoing cases waiting beyond
   ``buy_ongoing_above_months`` to an external firm at the consultants' price per client
   hour; their work counts as capacity in the economic view while they run.
7. **The hand-over ceiling**: a leaver's cases go to colleagues only up to
   ``handover_max_utilisation`` times their hours; the rest wait at the front of the
   queue for the responses above.

Not modelled here (see docs/MODEL.md): deadline extensions for special reasons (they
change an investigation's legal status, not the work it needs).
"""

from __future__ import annotations

from pydantic import model_validator

from .base import NonNeg, P, PosFloat, Share, Strict


class Response(Strict):
    enabled: bool = P(True, "flag", "Managers act when cases wait or many leave: "
                      "prioritisation, overtime, consultants beyond the usual cap, temporary "
                      "team leaders, staff borrowed from other units, bought work and a "
                      "ceiling on hand-overs (false: nobody acts, the model of earlier "
                      "versions).",
                      assumption="behaviour of real units (DOMAIN.md, 'Service pressure "
                                 "in real units')",
                      sv="Chefer agerar när ärenden väntar eller många slutar: prioritering, "
                         "övertid, konsulter utöver taket, tillfälliga gruppledare, lånad "
                         "personal, köpt arbete och ett tak vid omfördelning (falskt: ingen "
                         "agerar).")
    prioritise_from_months: NonNeg = P(
        0.1, "months of intake", "Waiting cases, in months of intake, at which the "
        "managers start to cut ongoing cases' weekly hours.", assumption=(0.05, 0.3),
        le=12, sv="Väntande ärenden, i månader av inflödet, då cheferna börjar minska "
                  "tiden i pågående ärenden.")
    prioritise_full_months: PosFloat = P(
        0.5, "months of intake", "Waiting cases, in months of intake, at which the cut "
        "reaches its limit (it rises linearly from the start).", assumption=(0.3, 1.0),
        le=12, sv="Väntande ärenden, i månader av inflödet, då minskningen når sin gräns.")
    prioritise_max_cut: Share = P(
        0.25, "share of ongoing cases' weekly hours", "Largest cut of ongoing cases' "
        "weekly hours by prioritisation (fewer follow-up contacts; statutory "
        "investigations keep theirs).", assumption=(0.1, 0.4),
        sv="Största minskning av tiden per vecka i pågående ärenden genom prioritering.")
    overtime_from_months: NonNeg = P(
        0.25, "months of intake", "Waiting cases, in months of intake, at which overtime "
        "starts.", assumption=(0.1, 0.5), le=12,
        sv="Väntande ärenden, i månader av inflödet, då övertid börjar.")
    overtime_full_months: PosFloat = P(
        0.75, "months of intake", "Waiting cases, in months of intake, at which overtime "
        "reaches its weekly limit (it rises linearly from the start).",
        assumption=(0.5, 1.5), le=12,
        sv="Väntande ärenden, i månader av inflödet, då övertiden når sin veckogräns.")
    overtime_max_hours_per_week: NonNeg = P(
        4.0, "hours/week", "Most overtime an employee works in a week (client hours).",
        assumption=(2.0, 6.0), le=20,
        sv="Mest övertid en anställd arbetar under en vecka (klienttimmar).")
    overtime_max_hours_per_year: NonNeg = P(
        200.0, "hours", "Most overtime an employee works in a calendar year.",
        source="Arbetstidslagen (1982:673) 8 §: general overtime at most 200 hours a "
               "calendar year (the collective agreement may set other limits)",
        le=1000, sv="Mest övertid en anställd arbetar under ett kalenderår.")
    overtime_pay_factor: PosFloat = P(
        1.75, "x hourly pay", "Pay of one overtime hour as a multiple of the hour's "
        "ordinary pay (on-costs added on top).",
        assumption=(1.5, 2.3), le=5,
        sv="Ersättning för en övertidstimme som multipel av timmens ordinarie lön "
           "(arbetsgivaravgifter tillkommer).")
    overtime_demand_weight: NonNeg = P(
        1.0, "demand per overtime share", "Demand added per overtime hour as a share of "
        "the worker's full client hours (longer weeks with less recovery).",
        assumption=(0.5, 1.5), le=10,
        sv="Krav som läggs till per övertidstimme som andel av medarbetarens fulla "
           "klienttid.")
    crisis_consultants_from_months: PosFloat = P(
        0.5, "months of intake", "Waiting cases, in months of intake, from which vacant "
        "posts may be covered by consultants beyond the usual cap (after the lead time; "
        "below half of it no more are taken on).", assumption=(0.25, 1.0), le=12,
        sv="Väntande ärenden, i månader av inflödet, från vilka vakanta tjänster får "
           "täckas av konsulter utöver det vanliga taket.")
    crisis_consultant_share: Share = P(
        0.5, "share of posts", "Most consultants at once in a crisis, as a share of posts "
        "(units in crisis have run on consultants for half their posts and more: "
        "Stockholm set out to 'kraftigt minska antalet konsulter', seed 003).",
        assumption=(0.3, 0.7),
        sv="Högsta antal konsulter samtidigt i en kris, som andel av tjänsterna.")
    crisis_consultant_price_factor: PosFloat = P(
        1.25, "factor", "Price of a consultant above the usual cap, as a multiple of the "
        "usual price (urgent procurement).", assumption=(1.0, 1.5), le=5,
        sv="Pris för en konsult utöver det vanliga taket, som multipel av det vanliga "
           "priset (brådskande upphandling).")
    crisis_consultant_lead_days: NonNeg = P(
        30, "days", "Days from the managers' decision until consultants beyond the usual "
        "cap may start.", assumption=(14, 60), le=365,
        sv="Dagar från chefernas beslut till att konsulter utöver det vanliga taket kan "
           "börja.")
    leadership_from_turnover: PosFloat = P(
        0.35, "exits/post/year", "Exits in the last 52 weeks per post from which the "
        "leadership is strengthened with temporary team leaders (above the 10-35 % a year "
        "Swedish units show; they leave when exits fall below half of it).",
        assumption=(0.3, 0.5), le=10,
        sv="Avgångar de senaste 52 veckorna per tjänst från vilka ledningen förstärks med "
           "tillfälliga gruppledare.")
    leadership_team_leaders: NonNeg = P(
        2.0, "persons", "Temporary team leaders added when the leadership is strengthened "
        "(each counts as team_leader_weight of a manager in the span of control).",
        source="Umeå 2014 (seed 002, l. 367): after 18 of 38 left, 'ledarskapet "
               "stärktes'; the number is an assumption, range 1-3",
        le=100, sv="Tillfälliga gruppledare som läggs till när ledningen förstärks.")
    leadership_salary_sek_per_month: NonNeg = P(
        45_000, "SEK/month", "Salary of one temporary team leader.",
        assumption=(42_000, 50_000), le=1e6, sv="Lön för en tillfällig gruppledare.")
    handover_max_utilisation: float = P(
        1.25, "load / available hours", "Ceiling on a colleague's load when a leaver's or "
        "long-sick worker's cases are handed over: the managers protect the staff who stay, "
        "and the cases above it wait at the front of the queue, where the other responses "
        "take them.", assumption=(1.0, 1.5), ge=1, le=10,
        sv="Tak för en kollegas belastning när en avgående eller långtidssjuk medarbetares "
           "ärenden fördelas om: över taket väntar ärendena först i kön.")
    borrow_from_months: PosFloat = P(
        0.5, "months of intake", "Waiting cases, in months of intake, from which staff are "
        "borrowed from other units of the municipality (adult services, reception, other "
        "districts) to take waiting investigations; they are given back when the pressure "
        "falls below half of it, once their investigations are done.",
        assumption=(0.25, 1.0), le=12,
        sv="Väntande ärenden, i månader av inflödet, från vilka personal lånas från andra "
           "enheter för att ta väntande utredningar.")
    borrow_share: Share = P(
        0.1, "share of posts", "Most staff borrowed at once, in client hours as a share of "
        "the posts' (the lending units have their own caseloads).", assumption=(0.0, 0.2),
        sv="Mest inlånad personal samtidigt, i klienttimmar som andel av tjänsternas.")
    buy_above_months: PosFloat = P(
        0.5, "months of intake", "Waiting investigations, in months of the "
        "investigation intake, above which the oldest are bought from an external "
        "investigation firm.", assumption=(0.25, 1.0), le=12,
        sv="Väntande utredningar, i månader av utredningsinflödet, över vilka de äldsta "
           "köps av ett externt utredningsföretag.")
    buy_ongoing_above_months: PosFloat = P(
        1.0, "months of intake", "Waiting ongoing cases, in months of the ongoing-case "
        "intake, above which the oldest are handed to an external firm for the rest of "
        "their weeks (follow-up of placements and family homes is bought from "
        "consultancies), at the consultants' price per client hour.",
        assumption=(0.5, 2.0), le=12,
        sv="Väntande pågående ärenden, i månader av inflödet, över vilka de äldsta lämnas "
           "till ett externt företag för resten av sina veckor, till konsulternas timpris.")
    bought_investigation_sek: NonNeg = P(
        75_000, "SEK", "Price of one investigation bought from an external firm.",
        assumption=(50_000, 120_000), le=1e7,
        sv="Pris för en utredning som köps av ett externt företag.")

    @model_validator(mode="after")
    def _ramps(self):
        for a, b in (("prioritise_from_months", "prioritise_full_months"),
                     ("overtime_from_months", "overtime_full_months")):
            if getattr(self, a) >= getattr(self, b):
                raise ValueError(f"{a} must be below {b} (the response rises between them)")
        return self
