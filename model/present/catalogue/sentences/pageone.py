"""The sentences of the brief's first page (``pageone.*``): the compact ranking's
headings, the service warnings in a few words and what the columns mean."""

from __future__ import annotations

from ..text import Text

PAGEONE: dict[str, Text] = {
    "pageone.col_option": Text("Alternativ", "Option"),
    "pageone.col_turnover": Text("Personalomsättning, förändring (procentenheter)",
                                 "Turnover change (percentage points)"),
    "pageone.col_avoided": Text("Undvikna avgångar per år", "Exits avoided per year"),
    "pageone.col_economic": Text("Personalekonomisk nettokostnad (tkr/år)",
                                 "Economic net cost (SEK thousand/year)"),
    "pageone.col_budget": Text("Nettokostnad i budgeten (tkr/år)",
                               "Net cash cost (SEK thousand/year)"),
    "pageone.col_time": Text("Betald tid från klientarbetet (tkr/år)",
                             "Paid time off casework (SEK thousand/year)"),
    "pageone.col_saves": Text("Chans att spara pengar", "Chance of saving money"),
    "pageone.col_best": Text("Chans att vara bäst", "Chance of being best"),
    "pageone.col_crisis": Text("Risk för kris", "Risk of a crisis"),
    "pageone.col_service": Text("Verksamheten", "Service"),
    "pageone.ok": Text("ingen varning", "no warning"),
    "pageone.ok_unsure": Text("ingen varning, villkor osäkert*", "no warning, condition "
                              "uncertain*"),
    "pageone.unsure_note": Text(
        "* Kön eller personalomsättningen hålls bara om produktivitetsvinsten (eller "
        "omställningen) når ett värde vars intervall rymmer det antagna värdet: se ”Vad "
        "måste gälla för kortare arbetstid?”.",
        "* The queue or turnover holds only if the productivity gain (or the redesign) "
        "reaches a value whose interval holds the assumed one: see 'What must be true for "
        "shorter working time?'."),
    "pageone.flag_queue_growing": Text("kön växer", "queue grows"),
    "pageone.flag_overdue_growing": Text("försenade växer", "overdue grow"),
    "pageone.flag_overdue_share_up": Text("fler över 4 mån.", "more past 4 months"),
    "pageone.flag_crisis_response_up": Text("nödåtgärder", "emergency measures"),
    "pageone.flag_turnover_up": Text("omsättning upp", "turnover up"),
    "pageone.flag_size": Text("{d} pe", "{d} pp"),
    "pageone.flag_crisis_risk_up": Text("krisrisk upp", "crisis risk up"),
    "pageone.flag_more": Text("+{n} till", "+{n} more"),
    "pageone.price_year": Text("Alla belopp i {year} års priser.",
                               "All amounts in {year} prices."),
    "pageone.more_note": Text(
        "”+{n} till”: fler varningar för alternativet; alla står under ”Varje alternativ "
        "i detalj”.",
        "'+{n} more': more warnings for the option; all of them stand under 'Each option "
        "in detail'."),
    "pageone.columns_note": Text(
        "Belopp i tusental kronor per år jämfört med basen; ett negativt belopp är en "
        "besparing. Under varje värde står intervallet. Fetstil: alternativet minskar "
        "avgångarna även i intervallets nedre ände. Betald tid från klientarbetet är "
        "lön för tid som åtgärden flyttar från ärendena; den del som inte tas igen "
        "räknas som förlorat arbete i den personalekonomiska kostnaden. Chans att spara "
        "pengar: andelen framtider där alternativet kostar mindre än basen i den "
        "personalekonomiska kalkylen. Chans att vara bäst: andelen framtider där "
        "alternativet har lägst personalekonomisk "
        "nettokostnad bland basen och alternativen utan varning; med en körning per "
        "framtid räknas också slumpen in, så basen blir nästan aldrig bäst: läs den "
        "tillsammans med chansen att spara pengar. Risk för kris: andelen "
        "framtider med ett år i kris (se metodsidan). Fler över 4 mån.: fler utredningar "
        "om barn än i basen blev inte klara inom lagens fyra månader (socialtjänstlagen "
        "2025:400, 20 kap. 3 §); pe: procentenheter.",
        "Amounts in thousands of kronor a year against the base; a negative amount is a "
        "saving. Under each value stands its interval. Bold: the option avoids exits "
        "even at the lower end of its interval. Paid time off casework is the pay for "
        "time the measure moves away from cases; the part not recovered counts as work "
        "lost in the economic cost. Chance of saving money: the share of futures in "
        "which the option costs less than the base in the economic view. Chance of "
        "being best: the share of futures in which "
        "the option has the lowest economic net cost among the base and the options "
        "without a warning; with one run per future chance counts too, so the base is "
        "almost never best: read it beside the chance of saving money. Risk of a "
        "crisis: the share of futures with a year in "
        "crisis (see the method page). More past 4 months: more investigations concerning "
        "children than in the base were not finished within the law's four months (Social "
        "Services Act 2025:400, chapter 20, section 3); pp: percentage points."),
}
