"""Every metric of the summary table declared once: its label and help in Swedish and
English, its unit, how its numbers are shown and whether it is a share bounded by 0 and
1. The dashboard's cards and charts, the brief, the console, the app and the export all
read a metric's words and format from here.

A metric's ``kind`` is how one replication's value is shown: ``pct`` a share (12,5 %),
``sek`` whole kronor, ``int`` a count, ``num`` and ``num1`` numbers with two and one
decimal in a table. A mean over replications of a count is no longer whole:
:meth:`Metric.mean_kind` is the kind of such a mean (``num``: one decimal below 100).
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import Text

# a money metric is charted in millions of kronor
_MILLIONS = Text("Mkr", "million SEK")
_KRONOR = Text("kr", "SEK")
_DAYS = Text("dagar", "days")


@dataclass(frozen=True)
class Metric:
    """One column of the summary table, as every screen names and shows it."""

    name: str            # the summary table's column
    label: Text          # what it is called, without its unit
    help: Text           # one sentence saying what it counts
    kind: str            # pct, sek, int, num or num1 (see the module's docstring)
    bounded: bool = False     # a share in [0, 1]
    unit: Text | None = None  # shown after the label in tables ("kr", "dagar")
    tick: str = ""            # the Plotly tick format of a chart axis (".0%")

    def mean_kind(self) -> str:
        """The kind of a mean over replications (a mean count has decimals)."""
        return "num" if self.kind == "int" else self.kind

    def header(self, lang: str) -> str:
        """The label with its unit, as a table's column header: 'Total kostnad, budget
        (kr)'."""
        return f"{self.label[lang]} ({self.unit[lang]})" if self.unit else self.label[lang]

    def chart_scale(self) -> float:
        """The factor a chart multiplies values by (money in millions)."""
        return 1e-6 if self.kind == "sek" else 1.0

    def chart_label(self, lang: str) -> str:
        """The label with the unit of a chart's axis: 'Total kostnad, budget (Mkr)'."""
        if self.kind == "sek":
            return f"{self.label[lang]} ({_MILLIONS[lang]})"
        return self.header(lang)


def _share(name, sv, en, help_sv, help_en, tick=".0%") -> Metric:
    return Metric(name, Text(sv, en), Text(help_sv, help_en), "pct", True, None, tick)


def _count(name, sv, en, help_sv, help_en) -> Metric:
    return Metric(name, Text(sv, en), Text(help_sv, help_en), "int")


def _money(name, sv, en, help_sv, help_en) -> Metric:
    return Metric(name, Text(sv, en), Text(help_sv, help_en), "sek", unit=_KRONOR)


METRICS: tuple[Metric, ...] = (
    _share("turnover_rate", "Personalomsättning per år", "Turnover per year",
           "Avgångar per genomsnittligt antal anställda och år.",
           "Exits per average headcount per year."),
    _count("exits", "Avgångar under perioden", "Exits in the period",
           "Alla avgångar under perioden: egna uppsägningar och pensioneringar.",
           "Every exit in the period: resignations and retirements."),
    _count("resignations", "Egna uppsägningar", "Resignations",
           "Avgångar där medarbetaren själv sade upp sig.",
           "Exits in which the worker resigned."),
    _count("retirements", "Pensioneringar", "Retirements",
           "Avgångar vid pensionsåldern.", "Exits at retirement age."),
    _count("exits_first_2y", "Avgångar bland nyanställda (under 2 år), hela perioden",
           "Exits of staff under two years in post, whole period",
           "Avgångar under perioden bland dem som varit anställda kortare än två år.",
           "Exits in the period by people employed less than two years."),
    _count("hires", "Anställningar under perioden", "Hires in the period",
           "Nyanställda socialsekreterare under perioden.",
           "Social workers hired in the period."),
    Metric("mean_headcount", Text("Anställda i genomsnitt", "Mean headcount"),
           Text("Antal anställda, medelvärde över tiden.",
                "Number of employees, averaged over time."), "num1"),
    _share("vacancy_rate", "Vakanser", "Vacancy rate",
           "Andel av tjänsterna som står tomma, i genomsnitt över tiden.",
           "Share of posts empty, averaged over time.", ".1%"),
    Metric("consultant_fte", Text("Konsulter (årsarbetare)", "Consultants (FTE)"),
           Text("Genomsnittligt antal inhyrda socialsekreterare.",
                "Average number of agency social workers."), "num1"),
    _share("overdue_share", "Utredningar över tidsgränsen", "Overdue investigations",
           "Andel utredningar som inte var klara inom lagens fyra månader "
           "(socialtjänstlagen 2025:400, 20 kap. 3 §).",
           "Share of investigations not finished within the legal four months (Social "
           "Services Act 2025:400, chapter 20, section 3).", ".1%"),
    _money("total_cost_sek", "Total kostnad, budget", "Total cost, budget",
           "Utbetalningar under hela perioden.", "Cash paid over the whole period."),
    _money("economic_cost_sek", "Total kostnad, personalekonomisk", "Total cost, economic",
           "Budgeten plus värdet av förlorat arbete, hela perioden.",
           "The budget plus the value of work lost, over the whole period."),
    _money("vacant_post_pay_sek", "Lön för vakanta tjänster", "Pay of vacant posts",
           "Lön som inte betalas ut för tjänster som står tomma.",
           "Pay not paid out for posts that stand empty."),
    _money("cost_per_year_sek", "Kostnad per år, budget", "Cost per year, budget",
           "Utbetalningar per år (kassaflöde).", "Cash paid per year (cash flow)."),
    _money("economic_cost_per_year_sek", "Kostnad per år, personalekonomisk",
           "Cost per year, economic",
           "Budgeten plus värdet av förlorat arbete, per år.",
           "The budget plus the value of work lost, per year."),
    _count("handovers", "Byten av handläggare", "Caseworker handovers",
           "Ärenden som bytt handläggare (brott i kontinuiteten).",
           "Cases that changed caseworker (breaks in continuity)."),
    _count("cases_arrived", "Inkomna ärenden", "Cases arrived",
           "Nya ärenden under perioden.", "New cases in the period."),
    _count("cases_closed", "Avslutade ärenden", "Cases closed",
           "Ärenden som avslutats under perioden.", "Cases closed in the period."),
    Metric("mean_caseload", Text("Öppna ärenden per handläggare", "Open cases per worker"),
           Text("Öppna ärenden per handläggare, medelvärde över tiden.",
                "Open cases per worker, averaged over time."), "num1"),
    Metric("mean_queue", Text("Väntande ärenden i genomsnitt", "Waiting cases on average"),
           Text("Ärenden som väntar på en handläggare, medelvärde över tiden.",
                "Cases waiting for a caseworker, averaged over time."), "num"),
    Metric("mean_wait_days", Text("Väntetid i genomsnitt", "Mean waiting time"),
           Text("Dagar från att ett ärende kommer in tills det får en handläggare.",
                "Days from a case's arrival until it has a caseworker."), "num1",
           unit=_DAYS),
    _share("share_5y_plus", "Andel med 5+ år", "Staff with 5+ years",
           "Andel av personalen med minst fem år på enheten.",
           "Share of staff with at least five years in the unit."),
    _share("share_under_2y", "Andel med under 2 år", "Staff with under 2 years",
           "Andel av personalen med kortare än två år på enheten.",
           "Share of staff with less than two years in the unit."),
    _share("share_intending", "Andel som tänker sluta", "Share intending to leave",
           "Andel av personalen som avser att sluta, i genomsnitt över tiden.",
           "Share of staff intending to leave, averaged over time."),
    _share("sick_absence_rate", "Sjukfrånvaro", "Sick absence",
           "Andel av arbetstiden som går förlorad till sjukfrånvaro.",
           "Share of working time lost to sick absence.", ".1%"),
    Metric("mean_exhaustion", Text("Utmattning i genomsnitt", "Mean exhaustion"),
           Text("Utmattning på en skala från 0 till 1, medelvärde över personalen.",
                "Exhaustion on a scale from 0 to 1, averaged over the staff."), "num",
           unit=Text("0–1", "0–1")),
    Metric("mean_strain", Text("Belastning i genomsnitt", "Mean strain"),
           Text("Belastning som z-värde (krav mot kontroll och stöd), medelvärde.",
                "Strain as a z-score (demand against control and support), mean."), "num",
           unit=Text("z", "z")),
    _count("returner_hires", "Återanställda tidigare medarbetare", "Former staff rehired",
           "Anställningar av personer som arbetat på enheten förut.",
           "Hires of people who worked in the unit before."),
    _share("failed_round_share", "Andel misslyckade rekryteringsomgångar",
           "Share of failed recruitment rounds",
           "Andel rekryteringsomgångar som inte gav någon anställning.",
           "Share of recruitment rounds that hired no one."),
    _share("crisis", "Kris (andel körningar)", "Crisis (share of runs)",
           "Andelen körningar där enheten hamnade i kris något år, det vill säga risken "
           "för kris (som standard är ett år ett krisår vid minst 20 % av "
           "utredningarna över fyramånadersgränsen, en kö av utredningar på minst en "
           "månads inflöde, avgångar på minst 60 % av de anställda eller minst 15 % av "
           "årets utredningar köpta externt; gränserna anges i scenariots "
           "krisinställningar).",
           "The share of runs in which the unit fell into crisis in some year, that is "
           "the risk of a crisis (by default a year is a crisis year with at least 20 % of "
           "investigations past the four-month limit, a queue of investigations of at "
           "least a month's intake, exits of at least 60 % of the staff, or at least "
           "15 % of the year's investigations bought from an external firm; the "
           "thresholds are the scenario's crisis block)."),
    _count("investigations_bought", "Köpta utredningar", "Investigations bought",
           "Väntande utredningar som cheferna lämnade till ett externt utredningsföretag "
           "när kön växte, under hela perioden.",
           "Waiting investigations the managers gave to an external investigation firm "
           "when the queue grew, over the whole period."),
    Metric("overtime_hours_per_fte", Text("Övertid per årsarbetare och år",
                                          "Overtime per FTE and year"),
           Text("Övertidstimmar som cheferna beordrade när kön växte, per anställd "
                "årsarbetare och år.",
                "Overtime hours the managers ordered when the queue grew, per employed "
                "FTE and year."), "num1", unit=Text("timmar", "hours")),
    _share("prioritised_share", "Prioritering av pågående ärenden",
           "Prioritisation of ongoing cases",
           "Hur mycket av tiden i pågående ärenden cheferna i genomsnitt drog ned för att "
           "hinna med väntande ärenden (andel av ärendenas timmar per vecka).",
           "How much of ongoing cases' time the managers cut on average to reach the "
           "waiting cases (share of the cases' weekly hours).", ".1%"),
    _count("ongoing_bought", "Köpt uppföljning av pågående ärenden",
           "Ongoing cases bought out",
           "Väntande pågående ärenden som cheferna lämnade till ett externt företag för "
           "resten av ärendets tid när kön växte, under hela perioden.",
           "Waiting ongoing cases the managers gave to an external firm for the rest of "
           "their time when the queue grew, over the whole period."),
    Metric("borrowed_fte", Text("Inlånad personal", "Staff borrowed"),
           Text("Personal som lånades från andra enheter när kön växte, i genomsnitt "
                "under perioden, i heltidstjänster.",
                "Staff borrowed from other units when the queue grew, on average over the "
                "period, in full-time posts."), "num1", unit=Text("årsarbetare", "FTE")),
)
_BY_NAME = {m.name: m for m in METRICS}


def metric(name: str) -> Metric | None:
    """The metric of a summary column, or None for a column that is no metric."""
    return _BY_NAME.get(name)
