"""The committee brief's sentences (``brief.*``): its headings, the question, the notes
on the method page and the appendix."""

from __future__ import annotations

from ..text import Text

BRIEF: dict[str, Text] = {
    "brief.title": Text("Underlag till nämnden: personalomsättning bland socialsekreterare",
                        "Brief for the committee: turnover among social workers"),
    "brief.question_h": Text("Frågan", "The question"),
    "brief.question": Text(
        "Vad kostar personalomsättningen oss, vad skulle åtgärderna kosta, och betalar "
        "de sig? Simuleringen jämför åtgärderna med dagens läge under samma "
        "slumpmässiga förlopp (parvisa replikeringar).",
        "What does turnover cost us, what would the measures cost, and do they pay for "
        "themselves? The simulation compares each measure with today's situation under "
        "the same random course of events (paired replications)."),
    "brief.options_h": Text("Alternativ som jämförs", "Options compared"),
    "brief.range": Text("intervall", "range"),
    "brief.views_h": Text("Två sätt att räkna kostnad", "Two ways to count cost"),
    "brief.col_option": Text("Alternativ", "Option"),
    "brief.col_payback": Text("Återbetalning (personalekonomisk)", "Payback (economic)"),
    "brief.sens_h": Text("Antaganden som svaret är mest känsligt för",
                         "Assumptions the answer is most sensitive to"),
    "brief.sens_from": Text("Från känslighetsanalysen (totalt Sobol-index eller Morris μ*):",
                            "From the sensitivity analysis (total Sobol index or Morris μ*):"),
    "brief.sens_psa": Text(
        "Varje osäkert antagande med ett dokumenterat intervall drogs i {d} dragningar och "
        "ingår i intervallen och chanserna på första sidan. Fasta, inte dragna: det "
        "kommunen själv bestämmer eller vet (enhetens storlek och inflöde, åtgärdernas "
        "omfattning och pris), tabeller (lönesteg, faser) och värdet "
        "av förlorat arbete (1 × lönekostnaden; valideringsrapporten visar 1,25 och 1,5). "
        "De som betyder mest för valet mellan alternativen och basen (störst värde av "
        "säker kunskap, EVPPI, hos något av alternativen; första sidan ger det per "
        "alternativ), med hur mycket "
        "de flyttar nettokostnaden över sina dragna värden (tkr per år; ett antagande "
        "kan flytta kostnaden mycket i några få framtider utan att ändra valet):",
        "Every uncertain assumption with a documented range was drawn in {d} draws and is "
        "part of the intervals and chances on page one. Held fixed, not drawn: what the "
        "municipality decides or knows (the unit's size and inflow, the measures' scale "
        "and price), tables (salary steps, phases) and the value "
        "of work lost (1 × its labour cost; the validation report shows 1.25 and 1.5). "
        "Those that matter most to the choice between the options and the base (the "
        "largest value of perfect knowledge, EVPPI, of any option; page one gives it per "
        "option), "
        "with how far they move the net cost over their drawn values (thousand SEK a "
        "year; an assumption can move the cost a lot in a few futures without changing "
        "the choice):"),
    "brief.sens_item": Text("värde av säker kunskap {e} per år; flyttar nettokostnaden "
                            "upp till {i}",
                            "value of knowing {e} a year; moves the net cost by up to {i}"),
    "brief.sens_none": Text(
        "Ingen känslighetsanalys ingår i detta underlag. Dessa antaganden saknar direkt "
        "källa och bör varieras (parametersvep) innan beslut:",
        "No sensitivity analysis is part of these results. These assumptions have no "
        "direct source and should be varied (parameter sweep) before a decision:"),
    "brief.neutral": Text(
        "Underlaget beskriver simulerade konsekvenser av alternativen under angivna "
        "antaganden. Det innehåller ingen rekommendation.",
        "This brief describes simulated consequences of the options under the stated "
        "assumptions. It makes no recommendation."),
    "brief.appendix_h": Text("STRESS-DES-checklista", "STRESS-DES checklist"),
    "brief.method_h": Text("Metod och resultat i detalj", "Method and detailed results"),
    "brief.detail_h": Text("Varje alternativ i detalj", "Each option in detail"),
    "brief.run_on": Text("Körd {date}.", "Run on {date}."),
    "brief.base_line": Text(
        "Jämförelsebas: <strong>{title}</strong>, personalomsättning {turnover} per år, "
        "utredningar över 4 månader {overdue}.",
        "Base: <strong>{title}</strong>, turnover {turnover} a year, investigations "
        "over 4 months {overdue}."),
    "brief.unit_line": Text("Enheten: {posts} tjänster som socialsekreterare, {leaders}. ",
                            "The unit: {posts} social worker posts, {leaders}. "),
    "brief.managers": Text("{n} chef|{n} chefer", "{n} manager|{n} managers"),
    "brief.team_leaders": Text(" och {n} arbetsledare| och {n} arbetsledare",
                               " and {n} team leader| and {n} team leaders"),
    "brief.unit_example": Text(
        "Det är ett räkneexempel som följer med verktyget, inte er egen enhet: "
        "siffrorna gäller en typisk enhet, inte er kommun (er egen enhet: "
        "användarguidens avsnitt om egna data).",
        "It is an example unit that comes with the tool, not your own: the figures are "
        "those of a typical unit, not of your municipality (your own unit: the user "
        "guide's section on your own data)."),
    "brief.chart_h": Text("Kostnad mot personalomsättning (95 % intervall)",
                          "Cost against turnover (95% intervals)"),
    "brief.chart_y": Text("Nettokostnad per år mot basen", "Net cost per year vs the base"),
    "brief.chart_note": Text(
        "Siffrorna är platserna\ni tabellen ovan.\nUnder noll: billigare\nän basen. Röd "
        "kant:\nvarning för verksamheten.",
        "Numbers are the ranks\nin the table above.\nBelow zero: cheaper\nthan the base. "
        "Red edge:\nservice warning."),
    "brief.period_psa": Text(
        "{d} dragningar av de osäkra antagandena × {runs} × {y} år efter {w} års "
        "insvängning, slumpfrö {s}.",
        "{d} draws of the uncertain assumptions × {runs} × {y} years after {w} "
        "warm-up years, seed {s}."),
    "brief.period": Text("{r} replikeringar × {y} år efter {w} års insvängning, slumpfrö {s}.",
                         "{r} replications × {y} years after {w} warm-up years, seed {s}."),
}
