"""A real HR export imported as it is saved: ``scenarios/examples/personalrapport.csv``
(Windows-1252, semicolons, CRLF, decimal commas, non-breaking-space thousands, a report
title and an export date above the header, Swedish column names, titles, forms of
employment and exit reasons; 37 employments: a unit manager, an administrator, two
coordinators and social workers) and the same report as an ``.xlsx`` workbook.

What the import makes of it: the columns by the vocabulary, the case-carrying posts by
title, the exit reasons and fixed-term ends, the reference date, the estimate of prior
experience, the personal data dropped, and where own units are written
(docs/USER_GUIDE.md, "Your own unit" and "The vocabulary of HR exports")."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
import yaml

from conftest import BUNDLED_FILES, ROOT, cli
from model.config import hrimport, hrstaff
from model.config.hrtable import HRFile, normal
from model.config.hrvocabulary import (
    EMPLOYMENT_FORMS,
    REASONS,
    ROLES,
    STAFF_COLUMNS,
    TITLE_ENDINGS,
    TITLE_WORDS,
)

EXPORT = ROOT / "scenarios" / "examples" / "personalrapport.csv"
EXPORTED = date(2026, 11, 30)                  # "Utskriftsdatum" in the report's title rows
CASEWORKERS = {"Socialsekreterare", "1:e socialsekreterare"}


def _table() -> tuple[list[str], list[str], list[dict]]:
    """The export's title lines, header and rows (read here with the csv module)."""
    text = EXPORT.read_bytes().decode("cp1252")
    lines = text.split("\r\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("Anst.nr;"))
    rows = list(csv.DictReader(io.StringIO("\r\n".join(lines[at:]), newline=""),
                               delimiter=";"))
    return lines[:at], lines[at].split(";"), [r for r in rows if r["Anst.nr"]]


def _csv(path: Path, titles: list[str], header: list[str], rows: list[dict]) -> Path:
    lines = [*titles, ";".join(header), *(";".join(r[h] for h in header) for r in rows)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def _workbook(path: Path, rows: list[dict] | None = None, note: tuple | None = None) -> Path:
    """The export as a workbook as an HR system saves it: a title row, the export date as
    a label and a date cell, a blank row, the header on row 4; dates and numbers as typed
    cells. ``note``: (cell, text) written right of the table."""
    _, header, table = _table()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Personalrapport – Barn och unga, utredning"])
    ws.append(["Utskriftsdatum", datetime(2026, 11, 30, 8, 15)])
    ws.append([])
    ws.append(header)
    for r in rows or table:
        cells = []
        for h in header:
            v = r[h]
            if not v:
                v = None
            elif h in ("Anställningsdatum", "Slutdatum") and _is_date(v):
                v = date.fromisoformat(v)
            elif h in ("Sysselsättningsgrad", "Tjänstgöringsgrad", "Månadslön"):
                v = float(v.replace("\u00a0", "").replace(",", "."))
            elif h == "Anst.nr":
                v = int(v)
            cells.append(v)
        ws.append(cells)
    if note:
        ws[note[0]] = note[1]
    wb.save(path)
    return path


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False               # a date typed as text, kept as text
    return True


def _import(capsys, staff: Path, out: Path, *extra) -> tuple[dict, list[dict], list[str]]:
    code, stdout, err = cli(["import-hr", staff, "-o", out, *extra], capsys)
    assert code == 0, err
    scen = yaml.safe_load(out.read_text(encoding="utf-8"))
    targets = yaml.safe_load(hrimport.targets_path(out).read_text(encoding="utf-8"))
    return scen, targets["targets"], stdout.splitlines()


def _line(lines: list[str], start: str) -> str:
    found = [line for line in lines if line.startswith(start)]
    assert len(found) == 1, (start, lines)
    return found[0]


def _refused(capsys, staff: Path, tmp_path: Path, *fragments, extra=()) -> str:
    """import-hr of ``staff`` fails in one line naming the file and ``fragments``, exit 2,
    nothing written."""
    before = sorted(p.name for p in tmp_path.iterdir())
    code, _, err = cli(["import-hr", staff, "-o", tmp_path / "unit.yaml", *extra], capsys)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and "Traceback" not in err, err
    assert str(staff) in lines[0]
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    return lines[0]


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The export imported as it is (CSV), with what the command printed."""
    import simulate
    out = tmp_path_factory.mktemp("export") / "unit.yaml"
    buf = io.StringIO()
    from contextlib import redirect_stdout
    with redirect_stdout(buf):
        assert simulate.main(["import-hr", str(EXPORT), "-o", str(out)]) == 0
    scen = yaml.safe_load(out.read_text(encoding="utf-8"))
    targets = yaml.safe_load(hrimport.targets_path(out).read_text(encoding="utf-8"))
    return scen, targets["targets"], buf.getvalue().splitlines(), out


# -- the fixture is what an HR system saves --------------------------------------------------

def test_the_example_export_is_saved_as_a_swedish_hr_system_saves_it():
    data = EXPORT.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")                                  # Windows-1252, not UTF-8
    text = data.decode("cp1252")
    assert text.count("\r\n") == text.count("\n") > 30        # CRLF only
    titles, header, rows = _table()
    assert titles[1] == "Utskriftsdatum;2026-11-30" + ";" * 10 and titles[2] == ";" * 11
    assert header[:4] == ["Anst.nr", "Namn", "Personnummer", "Befattning"]
    assert {"Sysselsättningsgrad", "Anställningsform", "Avgångsorsak"} <= set(header)
    assert {r["Sysselsättningsgrad"] for r in rows} >= {"100,00", "75,00"}
    assert all("\u00a0" in r["Månadslön"] for r in rows)      # 41 500 with a no-break space
    titles_seen = {r["Befattning"] for r in rows}
    assert {"Enhetschef", "Administratör", "Samordnare"} <= titles_seen
    assert sum(r["Befattning"] == "Samordnare" for r in rows) == 3     # one has left
    assert {r["Avgångsorsak"] for r in rows} == {"", "Egen begäran", "Avslutad provanställning",
                                                 "Visstid upphör", "Pension"}
    assert len(rows) == 37


# -- 1. the vocabulary -------------------------------------------------------------------

def test_the_swedish_export_is_read_by_its_own_names(imported):
    scen, _, lines, _ = imported
    assert _line(lines, "Columns read: ") == (
        "Columns read: Anst.nr (id), Befattning (title), Anställningsform (employment_form), "
        "Sysselsättningsgrad (fte), Månadslön (monthly_salary), Anställningsdatum "
        "(hire_date), Slutdatum (exit_date), Avgångsorsak (exit_reason).")
    assert _line(lines, "Columns not used: ") == (
        "Columns not used: Tjänstgöringsgrad (Sysselsättningsgrad gives fte), Enhet.")
    assert _line(lines, "Employment level: ") == (
        "Employment level: Sysselsättningsgrad read as percentages (100 = full time).")
    staff = scen["initial_state"]["staff"]
    # 100,00 / 75,00 / 80,00 as shares; the 75 % coordinator is not among the posts
    assert sorted(s["fte"] for s in staff) == [0.75, 0.8] + [1.0] * 20
    # 45 300 written with a no-break space between the thousands
    assert max(s["salary_sek_per_month"] for s in staff) == 47900.0
    assert sorted(s["salary_sek_per_month"] for s in staff)[0] == 36000.0


@pytest.mark.parametrize("written", ["Anst.nr", "ANST NR", "anst_nr", "Anst. nr",
                                     "Anställnings-nummer", " anställningsnummer "])
def test_column_names_are_matched_with_case_punctuation_and_spacing_ignored(written,
                                                                            tmp_path):
    f = tmp_path / "p.csv"
    f.write_bytes(f"{written};Anställningsdatum;SYSSELSÄTTNINGSGRAD (%)\r\n"
                  "7;2020-01-01;100\r\n".encode("cp1252"))
    read = HRFile(f, STAFF_COLUMNS, ["id", "hire_date", "fte"], 10_000, 10)
    assert read.heads["id"] == written.strip()
    assert read.heads["fte"] == "SYSSELSÄTTNINGSGRAD (%)"
    assert read.rows == [(2, {"id": "7", "hire_date": "2020-01-01", "fte": "100"})]


@pytest.mark.parametrize("given, form, expected", [
    ("Egen begäran", "Tillsvidare", "resignation"),
    ("Egen uppsägning", "", "resignation"),
    ("EGEN-BEGÄRAN", "", "resignation"),
    ("Pension", "Tillsvidare", "retirement"),
    ("Ålderspension", "", "retirement"),
    ("Avgång med pension", "Tillsvidare", "retirement"),
    ("Avslutad provanställning", "Provanställning", "other"),
    ("Uppsägning arbetsbrist", "Tillsvidare", "other"),
    ("Dödsfall", "", "other"),
    ("Flytt till annan ort", "Tillsvidare", "other"),           # not in the vocabulary
    ("", "Tillsvidare", "other"),
    ("Visstid upphör", "Visstid", "fixed_term_end"),
    ("Visstid upphör", "", "fixed_term_end"),
    ("", "Vikariat", "fixed_term_end"),
    ("Övrigt", "Allmän visstid", "fixed_term_end"),
    ("Egen begäran", "Vikariat", "resignation"),                # a substitute may resign
])
def test_exit_reasons_are_mapped_to_the_models_reasons(given, form, expected):
    assert hrstaff.exit_reason(given, form) == expected


def test_the_vocabulary_is_consistent():
    assert set(REASONS.values()) == set(hrstaff.REASON_WORDS)
    assert set(EMPLOYMENT_FORMS.values()) == {"open_ended", "fixed_term", "consultant"}
    assert set(TITLE_ENDINGS.values()) | set(TITLE_WORDS.values()) == set(ROLES)
    # no phrase means two things once normalised
    for table in (REASONS, EMPLOYMENT_FORMS, TITLE_ENDINGS):
        keys = [normal(k) for k in table]
        assert len(keys) == len(set(keys)), table
    names = [normal(n) for synonyms in STAFF_COLUMNS.values() for n in synonyms]
    assert len(names) == len(set(names))


def test_reasons_not_in_the_vocabulary_are_other_in_one_line(tmp_path, capsys):
    titles, header, rows = _table()
    for r, why in zip([r for r in rows if r["Avgångsorsak"] == "Egen begäran"],
                      ["Flytt till annan ort", "Flytt till annan ort", "Sparkad"]):
        r["Avgångsorsak"] = why
    staff = _csv(tmp_path / "p.csv", titles, header, rows)
    _, targets, lines = _import(capsys, staff, tmp_path / "u.yaml")
    assert _line(lines, "Exit reasons not in the vocabulary") == (
        "Exit reasons not in the vocabulary, read as other (or as a fixed-term end of a "
        "fixed-term employment): 'Flytt till annan ort' (2), 'Sparkad' (1).")
    # still counted as exits (one of the three left before the window)
    assert "6 exits" in next(t for t in targets if t["metric"] == "turnover_rate")["source"]


# -- 2. workbooks as they are saved ----------------------------------------------------------

def test_a_workbook_with_a_title_row_and_a_blank_row_imports_as_the_csv(imported, tmp_path,
                                                                       capsys):
    scen, targets, _, _ = imported
    book = _workbook(tmp_path / "personalrapport.xlsx")
    xscen, xtargets, lines = _import(capsys, book, tmp_path / "unit.yaml")
    assert xscen["unit"] == scen["unit"] == {"posts": 22, "managers": 1}
    assert xscen["initial_state"] == scen["initial_state"]
    assert [(t["metric"], t["value"]) for t in xtargets] == \
        [(t["metric"], t["value"]) for t in targets]
    assert _line(lines, "Reference date").startswith(
        "Reference date 2026-11-30: the export date the file states (cell A2: "
        "'Utskriftsdatum 2026-11-30 08:15:00')")


def test_a_bad_cell_of_a_workbook_is_named_as_a_cell(tmp_path, capsys):
    _, _, rows = _table()
    rows[2]["Anställningsdatum"] = "2020-13-01"          # the third row below the header
    book = _workbook(tmp_path / "rapport.xlsx", rows)
    line = _refused(capsys, book, tmp_path,
                    "cell I7, column Anställningsdatum (hire_date): '2020-13-01' is not a "
                    "date; allowed: YYYY-MM-DD", "read as an .xlsx workbook, first sheet, "
                    "header on row 4")
    assert "quotes" not in line and "row 7, column" not in line


def test_a_value_right_of_a_workbooks_table_is_named_by_its_cell(tmp_path, capsys):
    book = _workbook(tmp_path / "rapport.xlsx", note=("N6", "kontrollera"))
    line = _refused(capsys, book, tmp_path,
                    "cell N6: a value right of the table (its header, row 4, ends at cell "
                    "L4); allowed: values under the header's columns")
    assert "quotes" not in line and "values but the header has" not in line


def test_report_titles_in_a_text_file_without_separators_are_skipped(tmp_path, capsys):
    _, header, rows = _table()
    staff = _csv(tmp_path / "p.csv", ["Personalrapport Barn och unga",
                                      "Rapportdatum: 2026-10-31", ""], header, rows)
    scen, _, lines = _import(capsys, staff, tmp_path / "u.yaml")
    assert _line(lines, "Reference date").startswith(
        "Reference date 2026-10-31: the export date the file states (row 2, column 1: "
        "'Rapportdatum: 2026-10-31')")
    assert scen["unit"]["posts"] == _posts(rows, date(2026, 10, 31))


# -- 3. who carries cases ------------------------------------------------------------------

@pytest.mark.parametrize("title, role", [
    ("Socialsekreterare", "caseworker"), ("1:e socialsekreterare", "caseworker"),
    ("Familjehemssekreterare", "caseworker"), ("Biståndshandläggare", "caseworker"),
    ("Social worker", "caseworker"), ("Sekreterare", "administrator"),
    ("Socialsekreterarassistent", "administrator"), ("Administratör", "administrator"),
    ("Administrativ assistent", "administrator"), ("Enhetschef", "manager"),
    ("Biträdande enhetschef", "manager"), ("Sektionschef", "manager"),
    ("Unit manager", "manager"), ("Samordnare", "coordinator"),
    ("Gruppledare", "team_leader"), ("Metodstödjare", "support"), ("Kurator", None),
])
def test_the_title_names_the_role(title, role):
    assert hrstaff.role(title) == role


def _posts(rows: list[dict], day: date) -> int:
    """Social workers employed on ``day``, counted here from the rows."""
    return sum(1 for r in rows if r["Befattning"] in CASEWORKERS
               and date.fromisoformat(r["Anställningsdatum"]) <= day
               and (not r["Slutdatum"] or date.fromisoformat(r["Slutdatum"]) > day))


def test_only_case_carrying_titles_are_posts_and_managers_go_to_the_unit(imported):
    scen, _, lines, _ = imported
    _, _, rows = _table()
    assert scen["unit"] == {"posts": _posts(rows, EXPORTED), "managers": 1}
    assert len(scen["initial_state"]["staff"]) == 22
    # the full-time equivalents said are those of the staff written (some part-time)
    fte = sum(s["fte"] for s in scen["initial_state"]["staff"])
    assert fte < 22
    assert _line(lines, "Posts: ") == (
        f"Posts: 22 case-carrying staff employed on 2026-11-30, {hrstaff._number(fte)} "
        "full-time equivalents (Socialsekreterare 20, "
        "1:e socialsekreterare 2); not counted as posts: Enhetschef 1 (manager -> "
        "unit.managers = 1), Administratör 1 (administrator), Samordnare 2 (coordinator).")
    assert _line(lines, "Exit reasons: ") == (
        "Exit reasons: Egen begäran -> resignation (6), Visstid upphör -> fixed-term end "
        "(2), Avslutad provanställning -> other (1), Pension -> retirement (1).")


def _exposure(rows: list[dict], start: date, end: date) -> float:
    """Person-years of the social workers in [start, end]."""
    total = 0
    for r in rows:
        if r["Befattning"] not in CASEWORKERS:
            continue
        a = max(date.fromisoformat(r["Anställningsdatum"]), start)
        b = min(date.fromisoformat(r["Slutdatum"]) if r["Slutdatum"] else end, end)
        total += max(0, (b - a).days)
    return total / 365.25


def test_fixed_term_ends_are_not_counted_as_exits_in_the_targets(imported, tmp_path, capsys):
    _, targets, lines, _ = imported
    _, _, rows = _table()
    turnover = next(t for t in targets if t["metric"] == "turnover_rate")
    start, end = re.search(r"(\S+) to (\S+)$", turnover["source"]).groups()
    assert end == "2026-11-30"
    # 4 resignations, 1 ended probation, 1 retirement; not the two fixed-term ends, the
    # coordinator who resigned, nor the resignation before the window
    assert turnover["source"].startswith("personalrapport.csv: 6 exits")
    exposure = _exposure(rows, date.fromisoformat(start), EXPORTED)
    assert turnover["value"] == pytest.approx(6 / exposure, abs=1e-4)
    assert _line(lines, "Exit-rate targets") == (
        f"Exit-rate targets, {start} to 2026-11-30: 6 exits of case-carrying staff "
        "(resignation 4, other 1, retirement 1); 2 fixed-term contract ends not counted as "
        "exits; 1 exit of staff without own cases not counted.")
    # the same two ends written as resignations are counted: they were what was left out
    titles, header, rows = _table()
    for r in rows:
        if r["Avgångsorsak"] == "Visstid upphör":
            r["Avgångsorsak"] = "Egen begäran"
    _, resigned, _ = _import(capsys, _csv(tmp_path / "p.csv", titles, header, rows),
                             tmp_path / "u.yaml")
    assert next(t for t in resigned if t["metric"] == "turnover_rate")["source"] \
        .startswith("p.csv: 8 exits")


def test_a_file_without_case_carrying_staff_is_refused_in_one_line(tmp_path, capsys):
    titles, header, rows = _table()
    staff = _csv(tmp_path / "p.csv", titles, header,
                 [r for r in rows if r["Befattning"] not in CASEWORKERS])
    _refused(capsys, staff, tmp_path, "nobody with a case-carrying title is employed on the "
             "reference date 2026-11-30 (the export date, row 2, column 1)", "--as-of")


# -- 4. the reference date and prior experience --------------------------------------------

def test_the_reference_date_is_the_export_date_the_file_states(imported):
    scen, _, lines, out = imported
    assert _line(lines, "Reference date") == (
        "Reference date 2026-11-30: the export date the file states (row 2, column 1: "
        "'Utskriftsdatum 2026-11-30'); --as-of YYYY-MM-DD sets another.")
    assert "reference date 2026-11-30 (the export date, row 2, column 1)" in \
        out.read_text(encoding="utf-8").splitlines()[0]
    # the longest-serving social worker (hired 2009-05-04), on 2026-11-30
    tenure = (EXPORTED - date(2009, 5, 4)).days / 365.25
    assert max(s["tenure_years"] for s in scen["initial_state"]["staff"]) == \
        pytest.approx(tenure, abs=1e-3)
    # the planned start (2026-12-14) and the substitute's planned end are named
    assert _line(lines, "After the reference date") == (
        "After the reference date 2026-11-30 (planned; the staff list is the staff of that "
        "day): starts on row(s) 31, ends on row(s) 28.")


def test_without_an_export_date_the_reference_date_is_today_and_as_of_changes_it(
        imported, tmp_path, capsys):
    _, header, rows = _table()
    staff = _csv(tmp_path / "p.csv", [], header, rows)
    scen, _, lines = _import(capsys, staff, tmp_path / "u.yaml")
    today = date.today()
    assert _line(lines, "Reference date") == (
        f"Reference date {today}: today (the file states no export date); --as-of "
        "YYYY-MM-DD sets another.")
    assert scen["unit"]["posts"] == _posts(rows, today)
    assert f"reference date {today} (today)" in (tmp_path / "u.yaml").read_text("utf-8")
    scen, _, lines = _import(capsys, staff, tmp_path / "u.yaml", "--as-of", "2025-06-30")
    assert _line(lines, "Reference date") == "Reference date 2025-06-30 (--as-of)."
    assert scen["unit"]["posts"] == _posts(rows, date(2025, 6, 30)) != 22
    # --as-of the export date gives the export's own scenario
    scen, _, _ = _import(capsys, staff, tmp_path / "u.yaml", "--as-of", "2026-11-30")
    assert scen["initial_state"] == imported[0]["initial_state"]


def test_an_export_date_that_is_no_date_is_said_and_today_used(tmp_path, capsys):
    titles, header, rows = _table()
    titles[1] = "Utskriftsdatum;30 nov 2026" + ";" * 10
    _, _, lines = _import(capsys, _csv(tmp_path / "p.csv", titles, header, rows),
                          tmp_path / "u.yaml")
    assert _line(lines, "Reference date") == (
        f"Reference date {date.today()}: today (row 2, column 1: 'Utskriftsdatum 30 nov "
        "2026' is no date YYYY-MM-DD); --as-of YYYY-MM-DD sets another.")


def test_an_export_date_inside_a_workbooks_title_is_the_reference_date(imported, tmp_path,
                                                                      capsys):
    # "…, uttag 2026-11-30" in the title and no date row: as a report titled so is saved
    book = _workbook(tmp_path / "rapport.xlsx")
    wb = openpyxl.load_workbook(book)
    ws = wb.active
    title = "Personalrapport – IFO Barn och unga, Socialförvaltningen, uttag 2026-11-30"
    ws["A1"] = title
    ws["A2"] = ws["B2"] = None
    wb.save(book)
    scen, _, lines = _import(capsys, book, tmp_path / "u.yaml")
    # a long title is shown by its last 60 characters, up to the date
    assert _line(lines, "Reference date") == (
        f"Reference date 2026-11-30: the export date the file states (cell A1: "
        f"'…{title[-60:]}'); --as-of YYYY-MM-DD sets another.")
    assert scen["initial_state"] == imported[0]["initial_state"]


@pytest.mark.parametrize("title, taken", [
    ("Anställda och avslutade 2026-11-30", date(2026, 11, 30)),
    ("Personalrapport 2026-11-30, jämfört med 2025-11-30", None),   # two dates: neither
])
def test_a_reports_only_title_date_is_taken_and_said_so(tmp_path, capsys, title, taken):
    _, header, rows = _table()
    staff = _csv(tmp_path / "p.csv", [title, ""], header, rows)
    _, _, lines = _import(capsys, staff, tmp_path / "u.yaml")
    if taken:
        assert _line(lines, "Reference date") == (
            f"Reference date {taken}: the only date in the report's title (row 1, column "
            f"1: {title!r}), taken as the day the report was taken out; --as-of YYYY-MM-DD "
            "sets another.")
    else:
        assert _line(lines, "Reference date").startswith(
            f"Reference date {date.today()}: today (the file states no export date)")


def test_the_hint_of_an_old_export_ignores_planned_fixed_term_ends(tmp_path, capsys):
    # an old report without its export date: its latest date that is no planned end of a
    # fixed-term contract (2020-03-31) is offered as the day it may have been taken out
    staff = _csv(tmp_path / "p.csv", [], [
        "Anst.nr", "Befattning", "Anställningsform", "Sysselsättningsgrad",
        "Anställningsdatum", "Slutdatum", "Avgångsorsak"], [
        dict(zip(("Anst.nr", "Befattning", "Anställningsform", "Sysselsättningsgrad",
                  "Anställningsdatum", "Slutdatum", "Avgångsorsak"), r)) for r in (
            ("1", "Socialsekreterare", "Tillsvidare", "100,00", "2015-02-01", "", ""),
            ("2", "Socialsekreterare", "Tillsvidare", "75,00", "2016-09-01", "", ""),
            ("3", "Socialsekreterare", "Tillsvidare", "100,00", "2017-01-09", "2020-03-31",
             "Egen begäran"),
            ("4", "Socialsekreterare", "Visstid", "100,00", "2018-08-20", "2021-06-30",
             "Visstid upphör"))])
    _, _, lines = _import(capsys, staff, tmp_path / "u.yaml")
    assert _line(lines, "Reference date").endswith(
        "The file's latest date is 2020-03-31, "
        f"{(date.today() - date(2020, 3, 31)).days / 365.25:.1f} years earlier: if it was "
        "taken out then, give --as-of 2020-03-31.")


def test_the_next_step_it_prints_is_the_guides_and_works(tmp_path, capsys):
    out = tmp_path / "unit.yaml"
    _, _, lines = _import(capsys, EXPORT, out)
    mine = tmp_path / "unit_now.yaml"
    targets = hrimport.targets_path(out)
    line = _line(lines, "Next: ")
    assert "keep it as personal data" in _line(lines, "Privacy: ")
    assert f"e.g. {mine} (docs/USER_GUIDE.md, 'Your own unit', step 2)" in line
    assert f"python simulate.py validate {mine}" in line
    assert f"python simulate.py calibrate {mine} {targets}" in line
    # the guide's step 2 and 3, as the line says: a file that extends the import
    mine.write_text("extends: unit.yaml\nname: unit_now\nunit:\n  posts: 24\n",
                    encoding="utf-8")
    code, text, err = cli(["validate", mine], capsys)
    assert code == 0 and "ok (unit_now)" in text, err
    # and step 4 as the line says: the import's observed targets apply to the file of
    # today that extends it (they name the import)
    from model.experiment import calibration
    found, tdir = calibration.load_targets(targets)
    assert calibration.targets_for(mine, found, tdir)
    assert {t.metric for t in calibration.targets_for(mine, found, tdir)} >= {"turnover_rate"}


def test_a_consultant_row_is_a_post_filled_by_a_consultant_not_a_member_of_staff(
        tmp_path, capsys):
    """A report that lists an agency social worker (Anställningsform 'Konsult') on a
    case-carrying post: the post counts, the person is a consultant now, not one of the
    unit's staff, and not part of its exit rates."""
    titles, header, rows = _table()
    _, _, base_lines = _import(capsys, EXPORT, tmp_path / "a.yaml")
    base = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))
    consultant = {**rows[-1], "Anst.nr": "9901", "Befattning": "Socialsekreterare",
                  "Anställningsform": "Konsult", "Anställningsdatum": "2026-09-01",
                  "Slutdatum": "", "Avgångsorsak": ""}
    scen, _, lines = _import(capsys, _csv(tmp_path / "k.csv", titles, header,
                                          rows + [consultant]), tmp_path / "k.yaml")
    assert scen["unit"]["posts"] == base["unit"]["posts"] + 1
    assert scen["initial_state"]["consultants"] == 1
    assert len(scen["initial_state"]["staff"]) == len(base["initial_state"]["staff"])
    assert "consultants (agency workers, not staff of the unit): 1" in _line(lines, "Posts: ")
    assert not any("Forms of employment not in the vocabulary" in x for x in lines)
    assert "consultants" not in base["initial_state"]


def test_a_window_before_year_one_is_refused_in_one_line(tmp_path, capsys):
    staff = tmp_path / "p.csv"
    staff.write_text("id;hire_date;fte\r\na;0001-06-01;100\r\n", encoding="cp1252")
    _refused(capsys, staff, tmp_path, "starts before year 1", extra=("--as-of", "0002-01-01"))


def test_prior_experience_is_estimated_when_absent_and_said(imported, tmp_path, capsys):
    scen, _, lines, out = imported
    assert {s["prior_years"] for s in scen["initial_state"]["staff"]} == {2.0}
    assert _line(lines, "Prior experience") == (
        "Prior experience: not in the file for 22 of 22 staff; each given 2 years, the mean "
        "experience before joining that the base scenario gives the staff it samples "
        "(initial_state.prior_years); add a column Tidigare erfarenhet (years) to give your "
        "own.")
    assert "# Prior experience not in the file for 22 of 22: 2 years each" in \
        out.read_text(encoding="utf-8")
    # given, it is used
    titles, header, rows = _table()
    for i, r in enumerate(rows):
        r["Tidigare erfarenhet (år)"] = f"{i % 5},5"
    scen, _, lines = _import(capsys, _csv(tmp_path / "p.csv", titles,
                                          [*header, "Tidigare erfarenhet (år)"], rows),
                             tmp_path / "u.yaml")
    assert {s["prior_years"] for s in scen["initial_state"]["staff"]} == \
        {0.5, 1.5, 2.5, 3.5, 4.5}
    assert not [line for line in lines if line.startswith("Prior experience")]


# -- 5. privacy ------------------------------------------------------------------------------

def test_personal_identity_numbers_and_names_never_reach_any_output(tmp_path, capsys):
    _, _, rows = _table()
    secrets = {r["Personnummer"] for r in rows} | {r["Personnummer"].replace("-", "")
                                                   for r in rows}
    secrets |= {r["Namn"] for r in rows} | {r["Namn"].split()[-1] for r in rows}
    book = _workbook(tmp_path / "rapport.xlsx")
    shown = ""
    for i, staff in enumerate([EXPORT, book]):
        code, out, err = cli(["import-hr", staff, "-o", tmp_path / f"u{i}.yaml"], capsys)
        assert code == 0, err
        shown += out + err
        assert "Columns of personal data dropped (never read, never written): Namn, " \
               "Personnummer." in out.splitlines()
    written = [p for p in tmp_path.iterdir() if p.suffix == ".yaml"]
    assert len(written) == 4
    everything = shown + "".join(p.read_text(encoding="utf-8") for p in written)
    assert not [s for s in secrets if s in everything]


def test_an_id_column_holding_identity_numbers_is_never_shown(tmp_path, capsys):
    staff = tmp_path / "p.csv"
    staff.write_text("ID;Anställningsdatum;Sysselsättningsgrad\r\n"
                     "19720314-9812;2020-01-01;100\r\n19720314-9812;2021-01-01;100\r\n",
                     encoding="cp1252")
    line = _refused(capsys, staff, tmp_path, "row 3, column ID (id): duplicate id (the same "
                    "as on row 2)")
    assert "9812" not in line


def test_a_file_identified_only_by_identity_numbers_is_refused_without_showing_them(
        tmp_path, capsys):
    staff = tmp_path / "p.csv"
    staff.write_text("Personnummer;Namn;Anställningsdatum;Sysselsättningsgrad\r\n"
                     "19720314-9812;Karin Lundqvist;2020-01-01;100\r\n", encoding="cp1252")
    line = _refused(capsys, staff, tmp_path, "missing column(s) id;",
                    "id (anst.nr / anställningsnummer", "Personnummer, Namn: personal data, "
                    "never read")
    assert "9812" not in line and "Lundqvist" not in line


# -- 6. own units stay out of the bundled scenarios ------------------------------------------

def test_own_units_go_to_scenarios_own_by_default(tmp_path, capsys, monkeypatch):
    assert hrimport.own_folder() == ROOT / "scenarios" / "own"
    assert "scenarios/own/" in (ROOT / ".gitignore").read_text().splitlines()
    own = tmp_path / "scenarios" / "own"
    monkeypatch.setattr(hrimport, "own_folder", lambda: own)
    code, out, err = cli(["import-hr", EXPORT], capsys)
    assert code == 0, err
    assert sorted(p.name for p in own.iterdir()) == ["personalrapport.yaml",
                                                     "personalrapport_targets.yaml"]
    assert f"Scenario for personalrapport: {own / 'personalrapport.yaml'} (22 " \
           "case-carrying posts)" in out
    from model.config.scenario import load_scenario
    assert load_scenario(own / "personalrapport.yaml").unit.posts == 22


# tests that read the folder on purpose, and why
READ_THE_FOLDER = {"test_newcomer.py": "the names a command lists are those in the folder"}


def test_no_test_reads_the_scenario_folder_whole():
    """Tests of every bundled scenario read conftest's list, so a user's file in
    scenarios/ cannot break the suite."""
    assert all(p.is_file() for p in BUNDLED_FILES)
    whole = re.compile(r"""(SCENARIOS|["']scenarios["']\))\s*\.\s*(r?glob|iterdir)\(""")
    found = [f"{p.name}:{n}" for p in sorted((ROOT / "tests").glob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if whole.search(line) and p.name != Path(__file__).name
             and p.name not in READ_THE_FOLDER]
    assert not found, found


def test_a_salary_written_with_its_currency_is_read(tmp_path, capsys):
    """HR reports write '54 800 kr' as often as '54 800': the currency is dropped."""
    titles, header, rows = _table()
    plain, _, _ = _import(capsys, EXPORT, tmp_path / "a.yaml")
    units = (" kr", " SEK", ":-", " kr.")
    for i, r in enumerate(rows):              # every row, each way of writing it in turn
        if r["Månadslön"]:
            r["Månadslön"] += units[i % len(units)]
    priced, _, _ = _import(capsys, _csv(tmp_path / "k.csv", titles, header, rows),
                           tmp_path / "k.yaml")
    assert priced["initial_state"]["staff"] == plain["initial_state"]["staff"]
    assert all("salary_sek_per_month" in m for m in priced["initial_state"]["staff"])
    rows[0]["Månadslön"] = "54 800 euro"
    _refused(capsys, _csv(tmp_path / "e.csv", titles, header, rows), tmp_path,
             "Månadslön", "is not a number")


def test_a_person_on_leave_is_left_out_and_the_substitute_counts_in_their_place(
        tmp_path, capsys):
    """A report with a Frånvaroorsak column: a social worker on parental leave holds the
    employment but does not work, and a substitute (Vikariat) covers the post. Counting
    both put one post and one full-time worker too many into the unit. The one on leave
    is left out of the staff and the posts and said so; a value that is no whole leave
    (Semester) leaves the person working and is named."""
    titles, header, rows = _table()
    _, _, _ = _import(capsys, EXPORT, tmp_path / "a.yaml")
    base = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))
    working = [i for i, r in enumerate(rows) if r["Befattning"] in CASEWORKERS
               and not r["Slutdatum"]]
    away, holiday = working[0], working[1]
    with_leave = [{**r, "Frånvaroorsak": ("Föräldraledig" if i == away else
                                          "Semester" if i == holiday else "")}
                  for i, r in enumerate(rows)]
    substitute = {**rows[working[0]], "Anst.nr": "9902", "Anställningsform": "Vikariat",
                  "Anställningsdatum": "2026-08-15", "Slutdatum": "", "Avgångsorsak": "",
                  "Frånvaroorsak": ""}
    scen, _, lines = _import(capsys, _csv(tmp_path / "l.csv", titles,
                                          header + ["Frånvaroorsak"],
                                          with_leave + [substitute]), tmp_path / "l.yaml")
    assert scen["unit"]["posts"] == base["unit"]["posts"]          # one out, one in
    assert len(scen["initial_state"]["staff"]) == len(base["initial_state"]["staff"])
    assert "Föräldraledig 1" in _line(lines, "On leave on the reference date")
    assert "'Semester' (1)" in _line(lines, "Leave values not read as a whole leave")
    assert "Frånvaroorsak" not in " ".join(x for x in lines if x.startswith("Columns not"))
    # a working level (Tjänstgöringsgrad) of 0 is read for someone on leave, and only so
    staff = tmp_path / "t.csv"
    staff.write_text("Anst.nr;Befattning;Tjänstgöringsgrad;Anställningsdatum;Frånvaroorsak\n"
                     "1;Socialsekreterare;100;2020-01-01;\n"
                     "2;Socialsekreterare;0;2019-01-01;Föräldraledig\n"
                     "3;Socialsekreterare;100;2026-05-01;\n", encoding="utf-8")
    scen, _, lines = _import(capsys, staff, tmp_path / "t.yaml", "--as-of", "2026-11-30")
    assert scen["unit"]["posts"] == 2 and len(scen["initial_state"]["staff"]) == 2
    assert "Föräldraledig 1" in _line(lines, "On leave on the reference date")
