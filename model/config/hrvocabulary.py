"""The vocabulary of Swedish HR system reports, as data: the column names, exit reasons,
forms of employment, job titles and export-date labels that ``import-hr`` recognises,
each mapped to what the model reads. The import (``model.config.hrtable`` and
``model.config.hrimport``) holds the logic; a new synonym is one entry here, and
docs/USER_GUIDE.md ("The vocabulary of HR exports") lists the same words.

Every phrase is compared after normalising both sides: Unicode NFC, case folded, a note
in brackets dropped (``Sysselsättningsgrad (%)``), and every character that is not a
letter or a digit removed, so ``Anst.nr``, ``ANST NR`` and ``anst_nr`` are one name and
``Egen begäran`` equals ``egen-begäran``.
"""

from __future__ import annotations

# -- columns ------------------------------------------------------------------------------
# the model's column -> the names HR systems give it (the model's name first, then the
# Swedish names, then the English). When two columns of a file give the same field, the
# one earlier in this list is read and the other is named among the columns not used.
# The model's own name covers its spaced and capitalised forms ("Hire date" is hire_date).
STAFF_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "anst.nr", "anställningsnummer", "anställningsnr", "anställnings-id",
           "anst.id", "medarbetarnummer", "medarbetar-id", "personalnummer", "löpnummer",
           "employee id", "employee number", "employment number"),
    "hire_date": ("hire_date", "anställningsdatum", "startdatum", "anst.datum",
                  "anställd från", "anställd fr.o.m.", "fr.o.m.", "fr.o.m.-datum",
                  "tillträdesdatum", "anställningens början", "anställningsstart",
                  "start date", "employment date"),
    "exit_date": ("exit_date", "slutdatum", "avgångsdatum", "avslutsdatum", "anställd t.o.m.",
                  "t.o.m.", "t.o.m.-datum", "anställningens slut", "sista anställningsdag",
                  "end date", "leaving date", "termination date"),
    "exit_reason": ("exit_reason", "avgångsorsak", "orsak", "slutorsak", "avslutsorsak",
                    "orsak till avgång", "avslutskod", "avgångskod", "anledning",
                    "reason for leaving", "termination reason"),
    "fte": ("fte", "sysselsättningsgrad", "tjänstgöringsgrad", "syss.grad", "tjg.grad",
            "omfattning", "anställningsomfattning", "arbetstidsomfattning",
            "employment level", "employment rate", "percent of full time"),
    "monthly_salary": ("monthly_salary", "månadslön", "lön", "grundlön", "fast lön",
                       "aktuell lön", "salary"),
    "prior_experience": ("prior_experience", "tidigare erfarenhet", "erfarenhet före",
                         "tidigare yrkeserfarenhet", "yrkeserfarenhet före anställningen",
                         "experience before"),
    "birth_year": ("birth_year", "födelseår", "year of birth"),
    "age": ("age", "ålder"),
    "title": ("title", "befattning", "befattningsbenämning", "titel", "yrkestitel",
              "tjänstebenämning", "tjänst", "roll", "job title", "position"),
    "employment_form": ("employment_form", "anställningsform", "anst.form",
                        "anställningstyp", "avtalsform", "employment type", "contract type",
                        "form of employment"),
    "leave": ("leave", "frånvaroorsak", "frånvaro", "ledighet", "ledighetsorsak",
              "ledighetstyp", "tjänstledighet", "orsak till frånvaro", "aktuell frånvaro",
              "absence", "absence reason", "leave reason", "leave type"),
}
INFLOW_COLUMNS: dict[str, tuple[str, ...]] = {
    "month": ("month", "månad"),
    "investigations": ("investigations", "utredningar"),
    "ongoing": ("ongoing", "pågående", "uppföljningar"),
}

# Columns of personal data: dropped as the file is read (their values are never looked
# at, shown or written), with one line naming them.
PERSONAL_COLUMNS: tuple[str, ...] = (
    "personnummer", "personnr", "pnr", "person-nr", "samordningsnummer",
    "personal identity number", "social security number", "ssn", "födelsedatum",
    "date of birth", "namn", "förnamn", "efternamn", "tilltalsnamn", "fullständigt namn",
    "medarbetare", "medarbetarens namn", "name", "first name", "last name", "surname",
    "given name", "full name", "employee name", "e-post", "epost", "e-postadress", "email",
    "e-mail", "telefon", "telefonnummer", "mobil", "mobilnummer", "phone", "adress",
    "address", "postnummer", "postort")

# -- exit reasons -------------------------------------------------------------------------
# the reason written in the file -> the model's reason. ``fixed_term_end``: a fixed-term
# contract (visstid, vikariat) that ran out; it is not an exit in the exit-rate targets.
# A reason not listed is read as ``other`` and named in one line.
REASONS: dict[str, str] = {
    **dict.fromkeys((
        "resignation", "resigned", "quit", "voluntary", "egen begäran", "egen uppsägning",
        "uppsägning", "uppsägning egen begäran", "uppsagd på egen begäran",
        "avgång på egen begäran", "egen önskan", "eget önskemål", "arbetstagarens uppsägning",
        "uppsägning från arbetstagaren", "ny anställning", "annan anställning",
        "annan arbetsgivare", "nytt arbete", "studier"), "resignation"),
    **dict.fromkeys((
        "retirement", "pension", "ålderspension", "avgångspension", "pensionsavgång",
        "egen begäran pension", "pension egen begäran", "avgång med pension",
        "avgång pension", "pensionering", "går i pension", "gått i pension"), "retirement"),
    **dict.fromkeys((
        "other", "annan", "annat", "övrigt", "avslutad provanställning",
        "provanställning avslutad", "provanställning upphör", "uppsägning arbetsbrist",
        "arbetsbrist", "uppsägning personliga skäl", "personliga skäl", "avsked",
        "avskedande", "dödsfall", "avliden", "sjukersättning", "aktivitetsersättning",
        "omplacering", "dismissal", "redundancy", "death"), "other"),
    **dict.fromkeys((
        "fixed_term_end", "visstid upphör", "visstidsanställning upphör",
        "allmän visstid upphör", "särskild visstid upphör", "vikariat upphör",
        "vikariatet upphör", "vikariat avslutat", "avslutat vikariat",
        "avslutad visstidsanställning", "tidsbegränsad anställning upphör",
        "anställningstiden ut", "projektanställning upphör", "fixed-term ended",
        "end of fixed-term contract", "end of contract", "contract ended"),
        "fixed_term_end"),
}

# -- forms of employment ------------------------------------------------------------------
# a fixed-term employment's exit is a contract's end unless its reason says resignation
# or retirement; a form not listed is read as open-ended and named in one line. A
# consultant (an agency worker) is not staff of the unit: the post they fill counts, and
# they count as a consultant now (initial_state.consultants), not in the staff list.
EMPLOYMENT_FORMS: dict[str, str] = {
    **dict.fromkeys((
        "open-ended", "permanent", "tillsvidare", "tillsvidareanställning",
        "tillsvidareanställd", "fast anställning", "fast",
        "provanställning", "provanställd", "probation"), "open_ended"),
    **dict.fromkeys((
        "fixed-term", "temporary", "substitute", "visstid",
        "visstidsanställning", "allmän visstid", "allmän visstidsanställning",
        "särskild visstid", "särskild visstidsanställning", "tidsbegränsad",
        "tidsbegränsad anställning", "vikariat", "vikarie", "projektanställning",
        "säsongsanställning"), "fixed_term"),
    **dict.fromkeys((
        "consultant", "agency", "agency worker", "konsult", "inhyrd", "inhyrd konsult",
        "inhyrd personal", "hyrsocionom", "bemanning", "bemanningsföretag",
        "bemanningskonsult"), "consultant"),
}

# -- leave ---------------------------------------------------------------------------------
# A whole leave on the reference date (Frånvaroorsak, Ledighet): the person holds the
# employment but does not work; a substitute, if any, is a row of their own. People on
# such a leave are left out of the staff list and the posts; any other value of the
# column (semester, a short absence) is not a leave here and is named in one line.
LEAVE_WORDS: tuple[str, ...] = (
    "föräldraledig", "föräldraledighet", "föräldraledigt", "tjänstledig",
    "tjänstledighet", "studieledig", "studieledighet", "sjukskriven", "sjukskrivning",
    "heltidssjukskriven", "sjukersättning", "ledig", "ledighet", "tjänstledig annan tjänst",
    "prövar annan tjänst", "parental leave", "leave of absence", "study leave",
    "long-term sick leave", "sick leave", "on leave")

# -- job titles ---------------------------------------------------------------------------
# Who carries cases, by the title (Befattning). A title is read word by word; its first
# word found here decides. A word is looked up whole in TITLE_WORDS first, else by its
# longest ending in TITLE_ENDINGS (Swedish compounds end in their head word:
# "familjehemssekreterare" is a kind of "sekreterare", "socialsekreterarassistent" an
# "assistent"). A title with no word found carries cases and is named in one line.
ROLES: dict[str, str] = {
    # role -> what the import does with it
    "caseworker": "counted as a case-carrying post",
    "manager": "not a post; counted in unit.managers",
    "team_leader": "not a post; counted in unit.team_leaders",
    "administrator": "not a post (the model's administrative support is a measure, "
                     "admin_support)",
    "coordinator": "not a post",
    "support": "not a post (method support, development: no own cases)",
}
TITLE_WORDS: dict[str, str] = {
    "sekreterare": "administrator", "secretary": "administrator",
}
TITLE_ENDINGS: dict[str, str] = {
    **dict.fromkeys(("socialsekreterare", "sekreterare", "handläggare", "utredare",
                     "socionom", "socialarbetare", "behandlare", "caseworker", "worker"),
                    "caseworker"),
    **dict.fromkeys(("chef", "manager", "föreståndare"), "manager"),
    **dict.fromkeys(("arbetsledare", "gruppledare", "teamledare", "leader"), "team_leader"),
    **dict.fromkeys(("administratör", "administrator", "administrativ", "assistent",
                     "assistant", "registrator", "receptionist"), "administrator"),
    **dict.fromkeys(("samordnare", "koordinator", "coordinator"), "coordinator"),
    **dict.fromkeys(("metodstöd", "metodstödjare", "handledare", "utvecklare",
                     "utvecklingsledare", "strateg", "controller", "analytiker",
                     "praktikant"), "support"),
}

# -- the export date ----------------------------------------------------------------------
# a label in a report's title rows followed (in its cell or the next, or inside a title:
# "IFO Barn och unga, uttag 2025-03-31") by a date YYYY-MM-DD: the day the report was
# taken out, the import's reference date. Titles with one date and no label: that date.
EXPORT_DATE_LABELS: tuple[str, ...] = (
    "utskriftsdatum", "utskrivet", "utskriven", "utskrift", "datum för utskrift",
    "rapportdatum", "uttagsdatum", "uttag", "uttaget", "datum för uttag", "utdrag",
    "exportdatum", "per", "avser", "t.o.m.",
    "exporterad", "skapad", "framtagen", "körd", "körningsdatum", "datum", "printed",
    "print date", "report date", "export date", "exported", "created", "run date", "as of",
    "date")
