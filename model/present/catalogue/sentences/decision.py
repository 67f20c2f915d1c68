"""The sentences of the decision under uncertainty (``decision.*``): the acceptability
curve, the decisive assumptions and what the intervals count, shared by the dashboard
and the brief."""

from __future__ import annotations

from ..text import Text

DECISION: dict[str, Text] = {
    "decision.ceac_title": Text(
        "Sannolikheten att vara bäst, efter vad en undviken avgång anses vara värd",
        "The probability of being best, by what one avoided exit is deemed worth"),
    "decision.ceac_x": Text("Värde av en undviken avgång (tkr)",
                            "Value of one avoided exit (SEK thousands)"),
    "decision.ceac_y": Text("Sannolikhet att vara bäst", "Probability of being best"),
    "decision.ceac_note": Text(
        "Vid 0 kr räknas bara den personalekonomiska nettokostnaden; ju mer nämnden "
        "anser att en undviken avgång är värd utöver den, desto mer väger alternativ som "
        "minskar avgångarna. Alternativ med varning för verksamheten räknas inte.",
        "At 0 SEK only the economic net cost counts; the more the committee deems an "
        "avoided exit worth beyond it, the more options that avoid exits weigh. Options "
        "with a service warning are not counted."),
    "decision.base_unstable": Text(
        "Varning redan i basen: {w}. Alla alternativ jämförs alltså med en enhet vars kö "
        "eller bemanning inte är stabil under perioden (i en del av körningarna); "
        "kontrollera basens inflöde, tjänster och chefer innan alternativen jämförs.",
        "Warning in the base itself: {w}. Every option is therefore compared with a unit "
        "whose queue or staffing is not stable over the period (in some of the runs); "
        "check the base's inflow, posts and managers before comparing the options."),
    "decision.decisive_h": Text("Vad måste vara sant?", "What must be true?"),
    "decision.decisive_note": Text(
        "För de främsta alternativen: det osäkra antagande som betyder mest för "
        "slutsatsen (störst värde av säker kunskap, EVPPI), värdet som scenariot antar "
        "och värdet där slutsatsen om kostnaden vänder (alternativet blir dyrare än "
        "basen om det är billigare, billigare om det är dyrare); för kortare "
        "arbetstid också värdet från vilket kön av väntande ärenden hålls (med sitt "
        "intervall).",
        "For the leading options: the uncertain assumption that matters most to the "
        "verdict (the largest value of perfect knowledge, EVPPI), the value the scenario "
        "assumes and the value at which the cost verdict turns (the option becomes "
        "dearer than the base if it is cheaper, cheaper if it is dearer); "
        "for shorter working time also the value from which the queue of waiting cases "
        "holds (with its interval)."),
    "decision.flip_and_queue": Text("{c} för kostnaden; kön hålls från {q}",
                                    "{c} for the cost; the queue holds from {q}"),
    "decision.queue_never": Text("{c} för kostnaden; kön hålls inte upp till {high}",
                                 "{c} for the cost; the queue does not hold up to {high}"),
    "decision.col_option": Text("Alternativ", "Option"),
    "decision.col_assumption": Text("Avgörande antagande", "Decisive assumption"),
    "decision.col_assumed": Text("Antaget värde", "Assumed value"),
    "decision.col_flip": Text("Slutsatsen vänder vid", "The verdict flips at"),
    "decision.col_evppi": Text("Värde av säker kunskap per år", "Value of knowing, per year"),
    "decision.none_decisive": Text(
        "inget av de osäkra antagandena vänder slutsatsen inom sitt intervall",
        "none of the uncertain assumptions turns the verdict within its range"),
    "decision.no_flip": Text("vänder inte inom intervallet",
                             "does not flip within the range"),
    "decision.basis_psa": Text(
        "Intervall och sannolikheter räknar både slumpen och de osäkra antagandena: "
        "{d} dragningar av antagandena med {runs} var, samma för alla "
        "alternativ; {x} av {n} dragningar uteslöts för att basens personalomsättning låg "
        "utanför den enheten visar ({lo}–{hi} per år); ett intervall är spannet där 95 % "
        "av dessa framtider hamnar.",
        "Intervals and probabilities count both chance and the uncertain assumptions: "
        "{d} draws of the assumptions with {runs} each, the same for every option; "
        "{x} of {n} draws were left out because the base's turnover lay outside what the "
        "unit shows ({lo}-{hi} a year); "
        "an interval is the span in which 95% of these futures fall."),
    "decision.basis_fixed": Text(
        "Intervall och sannolikheter räknar bara slumpen ({r} körningar): antagandena "
        "hålls fasta, så osäkerheten i dem syns inte här, och en rangordning eller en "
        "chans som ser säker ut kan vända om ett antagande är fel. Med osäkra antaganden "
        "dragna (compare --uncertainty 48) visar underlaget även vad som måste vara sant.",
        "Intervals and probabilities count chance only ({r} runs): the assumptions are "
        "held fixed, so their uncertainty does not show here, and a ranking or a chance "
        "that looks certain may turn if an assumption is wrong. With the uncertain "
        "assumptions drawn (compare --uncertainty 48) the brief also shows what must be "
        "true."),
}
