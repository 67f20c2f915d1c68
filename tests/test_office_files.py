"""The files of a Swedish office, in and out: HR files as Swedish Excel saves them import
to the same scenario as the plain CSV, and an export is read back by readers other than
the one that wrote it (docs/RELIABILITY.md, docs/USER_GUIDE.md "Office files")."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import yaml

import simulate
from conftest import BASELINE, ROOT
from model import store
from model.present import export
from model.present.dashboard import columns as C

EXAMPLES = ROOT / "scenarios" / "examples"
STAFF = EXAMPLES / "staff_example.csv"
INFLOW = EXAMPLES / "inflow_example.csv"
AS_OF = "2023-12-31"                  # the example's history ends in 2023
SWEDISH = {"id": "Anställningsnummer", "hire_date": "Anställningsdatum",
           "exit_date": "Slutdatum", "exit_reason": "Avgångsorsak",
           "fte": "Sysselsättningsgrad", "monthly_salary": "Månadslön",
           "prior_experience": "Tidigare erfarenhet (år)", "birth_year": "Födelseår",
           "month": "Månad", "investigations": "Utredningar", "ongoing": "Pågående"}
REASONS_SV = {"resignation": "Egen uppsägning", "retirement": "Pension", "other": "Övrigt",
              "": ""}
FAST = ["--replications", "2", "--years", "1", "--warmup-years", "0", "--quiet",
        "--workers", "1"]


def _rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _main(argv, capsys):
    code = simulate.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _import(staff: Path, inflow: Path, out: Path, capsys) -> tuple[dict, dict]:
    code, _, err = _main(["import-hr", staff, "--inflow", inflow, "-o", out,
                          "--as-of", AS_OF], capsys)
    assert code == 0, err
    scen = yaml.safe_load(out.read_text(encoding="utf-8"))
    targets = yaml.safe_load(hr_targets(out).read_text(encoding="utf-8"))["targets"]
    for key in ("name", "description"):
        scen.pop(key)
    return scen, [{k: t[k] for k in ("metric", "value", "tolerance")} for t in targets]


def hr_targets(out: Path) -> Path:
    return out.with_name(out.stem + "_targets.yaml")


# -- writers of the dialects Swedish offices produce ---------------------------------------

def _swedish_csv(rows, path, *, sep=";", encoding="cp1252", bom=False, decimal=",",
                 swedish=True):
    """A CSV as Swedish Excel saves it: Swedish column names and exit reasons, decimal
    commas, å/ä/ö in the ids, a trailing empty row."""
    cols = list(rows[0])
    lines = [sep.join(SWEDISH[c] if swedish else c for c in cols)]
    for r in rows:
        values = []
        for c in cols:
            v = r[c]
            if c == "exit_reason" and swedish:
                v = REASONS_SV[v]
            if c == "id":
                v = "Åsa-Öberg-" + v
            if c in ("fte", "monthly_salary", "prior_experience") and "." in v:
                v = v.replace(".", decimal)
            values.append(v)
        lines.append(sep.join(values))
    lines.append(sep * (len(cols) - 1))
    text = "\r\n".join(lines) + "\r\n"
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def _xlsx(rows, path, swedish=True):
    """A workbook as Excel saves it: dates and numbers as typed cells."""
    wb = openpyxl.Workbook()
    ws = wb.active
    cols = list(rows[0])
    ws.append([SWEDISH[c] if swedish else c for c in cols])
    for r in rows:
        values = []
        for c in cols:
            v = r[c]
            if c in ("hire_date", "exit_date") and v:
                v = date.fromisoformat(v)
            elif c == "month":
                v = date.fromisoformat(v + "-01")
            elif c == "exit_reason" and swedish:
                v = REASONS_SV[v] or None
            elif v == "":
                v = None
            elif c not in ("id", "exit_reason"):
                v = float(v) if "." in v else int(v)
            values.append(v)
        ws.append(values)
    wb.save(path)
    return path


DIALECTS = {
    "semicolon, decimal comma, Windows-1252, Swedish names":
        lambda rows, p: _swedish_csv(rows, p.with_suffix(".csv")),
    "UTF-8 with BOM, comma, English names":
        lambda rows, p: _swedish_csv(rows, p.with_suffix(".csv"), sep=",", encoding="utf-8",
                                     bom=True, decimal=".", swedish=False),
    "tab, UTF-8, decimal comma, Swedish names":
        lambda rows, p: _swedish_csv(rows, p.with_suffix(".txt"), sep="\t",
                                     encoding="utf-8"),
    "UTF-16 tab (Excel's Unicode text)":
        lambda rows, p: _swedish_csv(rows, p.with_suffix(".txt"), sep="\t",
                                     encoding="utf-16"),
    "xlsx, Swedish names": lambda rows, p: _xlsx(rows, p.with_suffix(".xlsx")),
    "xlsx saved as .csv, English names":
        lambda rows, p: _xlsx(rows, p.with_suffix(".csv"), swedish=False),
}


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """The scenario and targets imported from the plain example CSV files."""
    out = tmp_path_factory.mktemp("plain") / "unit.yaml"
    code = simulate.main(["import-hr", str(STAFF), "--inflow", str(INFLOW), "-o", str(out),
                          "--as-of", AS_OF])
    assert code == 0
    scen = yaml.safe_load(out.read_text(encoding="utf-8"))
    targets = yaml.safe_load(hr_targets(out).read_text(encoding="utf-8"))["targets"]
    for key in ("name", "description"):
        scen.pop(key)
    return scen, [{k: t[k] for k in ("metric", "value", "tolerance")} for t in targets]


@pytest.mark.parametrize("dialect", list(DIALECTS))
def test_office_dialects_import_to_the_same_scenario(dialect, plain, tmp_path, capsys):
    write = DIALECTS[dialect]
    staff = write(_rows(STAFF), tmp_path / "personal")
    inflow = write(_rows(INFLOW), tmp_path / "inflode")
    assert staff.read_bytes() != STAFF.read_bytes()
    scen, targets = _import(staff, inflow, tmp_path / "unit.yaml", capsys)
    assert scen == plain[0]
    assert targets == plain[1]


def test_excel_percent_and_thousands_spaces_are_read_as_numbers(tmp_path, capsys):
    rows = _rows(STAFF)
    for r in rows:
        r["fte"] = f"{float(r['fte']) * 100:g} %"
        r["monthly_salary"] = f"{int(r['monthly_salary']):,}".replace(",", "\u00a0")
    staff = _swedish_csv(rows, tmp_path / "p.csv")
    base = tmp_path / "base.yaml"
    assert _main(["import-hr", STAFF, "-o", base], capsys)[0] == 0
    assert _main(["import-hr", staff, "-o", tmp_path / "u.yaml"], capsys)[0] == 0
    a = yaml.safe_load(base.read_text())["initial_state"]
    b = yaml.safe_load((tmp_path / "u.yaml").read_text())["initial_state"]
    assert a == b


# -- bad files: one line with file, row, column and what is allowed -----------------------

HEADER = "id,hire_date,exit_date,exit_reason,fte,monthly_salary,prior_experience,birth_year"
SV_HEADER = ";".join(SWEDISH[c] for c in HEADER.split(","))


def _bad_xlsx(fte: str) -> bytes:
    wb = openpyxl.Workbook()
    wb.active.append(HEADER.split(","))
    wb.active.append(["a", date(2020, 1, 1), None, None, 1, 40000, 0, 1980])
    wb.active.append(["b", date(2020, 1, 1), date(2021, 1, 1), "Pension", fte, 40000, 0,
                      1980])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("name, data, fragments", [
    ("decimal_comma.csv", f"{HEADER}\na,2020-01-01,,,0,8,40000,0,1970\n".encode(),
     ["row 2, column 9", "0,8", "must be in quotes", "separator comma"]),
    ("dmy.csv", f"{SV_HEADER}\r\nÅsa;15.01.2020;;;1;40000;0;1970\r\n".encode("cp1252"),
     ["row 2, column Anställningsdatum (hire_date)", "'15.01.2020' is not a date",
      "allowed: YYYY-MM-DD", "day.month.year", "Windows-1252", "semicolon"]),
    ("slashes.csv", f"{SV_HEADER}\r\nÅsa;10/06/2019;;;1;40000;0;1970\r\n".encode("cp1252"),
     ["'10/06/2019' is not a date", "day/month/year or month/day/year"]),
    ("worded.csv", f"{SV_HEADER}\r\nÅsa;2020-01-01;;;Deltid 75 %;40000;0;1970\r\n"
     .encode("cp1252"), ["column Sysselsättningsgrad (fte)", "'Deltid 75 %' is not a number",
                         "a percentage such as 75 %"]),
    ("percent.csv", f"{SV_HEADER}\r\nÅsa;2020-01-01;;;80;40000;0;1970\r\n"
     "Bo;2020-01-01;;;0,5;40000;0;1970\r\n".encode("cp1252"),
     ["row 3, column Sysselsättningsgrad (fte)", "'0,5' among percentages (row 2: '80')",
      "allowed: the whole column as shares (0 < x <= 1) or as percentages (1 < x <= 100)"]),
    ("reason.csv", f"{SV_HEADER}\r\nÅsa;2020-01-01;;Egen begäran;1;40000;0;1970\r\n"
     .encode("cp1252"),
     ["row 2, column Avgångsorsak (exit_reason)", "given without exit_date"]),
    ("bytes.csv", HEADER.encode() + b"\na\x81\x8d,2020-01-01,,,1,40000,0,1970\n",
     ["not text in UTF-8 or Windows-1252", "byte 0x81", "allowed:"]),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 200,
     ["old Excel workbook (.xls)", "allowed:"]),
    ("broken.xlsx", b"PK\x03\x04" + b"\0" * 200, ["not a readable .xlsx workbook"]),
    ("fte.xlsx", _bad_xlsx("lots"), ["cell E3, column fte: 'lots' is not a number",
                                     "xlsx workbook"]),
    ("hinted.csv", f"sep=;\r\n{SV_HEADER}\r\nÅsa;2020-01-01;;;1;4O000;0;1970\r\n"
     .encode("cp1252"), ["row 3, column Månadslön (monthly_salary)", "'4O000' is not a number"]),
    ("columns.csv", b"id;hire;fte\r\nx;2020-01-01;1\r\n",
     ["missing column(s) hire_date;", "found 'id', 'hire'", "separator semicolon",
      "hire_date (anställningsdatum / startdatum / anst.datum ...)"]),
])
def test_bad_office_files_are_refused_in_one_pointed_line(name, data, fragments, tmp_path,
                                                          capsys):
    f = tmp_path / name
    f.write_bytes(data)
    before = sorted(p.name for p in tmp_path.iterdir())
    code, _, err = _main(["import-hr", f, "-o", tmp_path / "unit.yaml"], capsys)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert str(f) in lines[0]
    for frag in fragments:
        assert frag in lines[0], (frag, lines[0])
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.slow
def test_a_workbook_that_unpacks_to_too_much_is_refused_before_it_is_read(tmp_path, capsys):
    f = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * 600_000_000)
    assert f.stat().st_size < 2_000_000
    code, _, err = _main(["import-hr", f, "-o", tmp_path / "u.yaml"], capsys)
    assert code == 2 and "unpacks to" in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bomb.xlsx"]


def test_bad_inflow_month_names_row_and_column(tmp_path, capsys):
    inflow = tmp_path / "inflode.csv"
    inflow.write_bytes("Månad;Utredningar;Pågående\r\n2021-01;37;13\r\n2021/02;35;21\r\n"
                       .encode("cp1252"))
    code, _, err = _main(["import-hr", STAFF, "--inflow", inflow, "-o", tmp_path / "u.yaml"],
                         capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "inflode.csv: row 3, column Månad (month): '2021/02' is not a month" in err
    assert not (tmp_path / "u.yaml").exists()


# -- export ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def comparison(tmp_path_factory):
    out = tmp_path_factory.mktemp("results") / "cmp"
    assert simulate.main(["compare", str(BASELINE),
                          str(ROOT / "scenarios" / "reflection_day.yaml"), "--out", str(out),
                          *FAST]) == 0
    return out


def test_workbook_reads_back_with_another_reader(comparison, tmp_path, capsys):
    target = tmp_path / "res.xlsx"
    code, out, err = _main(["export", comparison, "-o", target], capsys)
    assert code == 0, err
    # written by xlsxwriter, read back by pandas through openpyxl
    book = pd.read_excel(target, sheet_name=None, engine="openpyxl")
    assert list(book)[0] == "Innehåll"
    summary = pd.read_parquet(comparison / "summary.parquet")
    sheet = book["Sammanfattning"]
    assert list(sheet.columns) == [C.header(c) for c in summary.columns]
    for col in ("turnover_rate", "total_cost_sek", "exits"):
        assert sheet[C.header(col)].tolist() == pytest.approx(summary[col].tolist())
    costs = pd.read_parquet(comparison / "costs.parquet")
    assert book["Kostnader"][C.header("sek")].sum() == pytest.approx(costs["sek"].sum())
    assert set(book["Kostnader"][C.header("view")]) == {"Budget (kassaflöde)",
                                                         "Personalekonomisk"}
    # the contents sheet names every other sheet, in Swedish and in English
    wb = openpyxl.load_workbook(target)
    contents = [[c.value for c in row] for row in wb["Innehåll"].iter_rows()]
    listed = {r[0]: r for r in contents if r[0] in wb.sheetnames}
    assert set(listed) == set(wb.sheetnames) - {"Innehåll"}
    for _, sv, en, *_ in listed.values():
        assert sv and en and sv != en
    # the scenarios with their titles in both languages
    titles = export.scenario_titles(store.read_manifest(comparison / "manifest.json"))
    assert [t[0] for t in titles] == ["baseline", "reflection_day"]
    for t in titles:
        assert [t[1], t[2], t[0]] in [r[:3] for r in contents] and t[1] != t[2]
    # Excel number formats: percentages, thousands separators; widths fit the headers
    ws = wb["Sammanfattning"]
    heads = {c.value: c.column_letter for c in ws[1]}
    assert ws[f"{heads[C.header('turnover_rate')]}2"].number_format == "0.0%"
    assert ws[f"{heads[C.header('total_cost_sek')]}2"].number_format == "#,##0"
    widths = {}                      # adjacent columns of one width share an entry
    for dim in ws.column_dimensions.values():
        widths.update(dict.fromkeys(range(dim.min, dim.max + 1), dim.width))
    for cell in ws[1]:
        longest_word = max(len(w) for w in cell.value.split())
        assert widths[cell.column] >= longest_word
    # a comparison's value columns take each row's metric's format
    ws = wb["Jämförelse"]
    for row in ws.iter_rows(min_row=2):
        if row[1].value == C.header("turnover_rate"):
            assert row[2].number_format == "0.0%"
        if row[1].value == C.header("total_cost_sek"):
            assert row[2].number_format == "#,##0"
    assert store.is_own_file(target)


def test_csv_export_is_swedish_excel_dialect(comparison, tmp_path, capsys):
    target = tmp_path / "csv"
    code, _, err = _main(["export", comparison, "--format", "csv", "-o", target], capsys)
    assert code == 0, err
    data = (target / "summary.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    summary = pd.read_parquet(comparison / "summary.parquet")
    # read back by the csv module ...
    with open(target / "summary.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0] == [C.header(c) for c in summary.columns]
    j = summary.columns.get_loc("turnover_rate")
    assert "," in rows[1][j] and "." not in rows[1][j]
    assert [float(r[j].replace(",", ".")) for r in rows[1:]] == pytest.approx(
        summary["turnover_rate"].tolist())
    # ... and by pandas with a decimal comma
    back = pd.read_csv(target / "costs.csv", sep=";", decimal=",", encoding="utf-8-sig")
    costs = pd.read_parquet(comparison / "costs.parquet")
    assert len(back) == len(costs)
    assert back[C.header("sek")].to_numpy() == pytest.approx(costs["sek"].to_numpy())
    contents = pd.read_csv(target / "innehall.csv", sep=";", encoding="utf-8-sig")
    assert set(contents["Fil"]) == {p.name for p in target.glob("*.csv")} - {"innehall.csv"}
    glossary = pd.read_csv(target / "kolumner.csv", sep=";", encoding="utf-8-sig")
    rows = glossary[glossary["Fil"] == "summary.csv"]
    assert rows["Column"].tolist() == list(summary.columns)
    assert rows["Kolumn"].tolist() == [C.header(c) for c in summary.columns]
    assert store.result_kind(target) == "export"


def test_export_default_paths_and_replacement(comparison, tmp_path, capsys):
    import shutil
    res = Path(shutil.copytree(comparison, tmp_path / "cmp"))
    assert _main(["export", res], capsys)[0] == 0
    assert (res / "cmp.xlsx").is_file()
    code, _, err = _main(["export", res], capsys)
    assert code == 0 and "replaced the earlier workbook" in err
    assert _main(["export", res, "--format", "csv"], capsys)[0] == 0
    beside = tmp_path / "cmp_csv"
    (beside / "notes.txt").write_text("mine")
    code, _, err = _main(["export", res, "--format", "csv"], capsys)
    assert code == 0 and (beside / "notes.txt").read_text() == "mine"


@pytest.mark.parametrize("what", ["foreign file", "own input", "not a result"])
def test_export_refusals_are_one_line_and_write_nothing(what, comparison, tmp_path, capsys):
    if what == "foreign file":
        target = tmp_path / "mine.xlsx"
        target.write_bytes(b"PK\x03\x04 my own workbook")
        argv, fragment = ["export", comparison, "-o", target], "not written by this tool"
    elif what == "own input":
        argv, fragment = (["export", comparison, "--format", "csv", "-o", comparison],
                          "own inputs")
    else:
        (tmp_path / "folder").mkdir()
        argv, fragment = ["export", tmp_path / "folder"], "not a result directory"
    before = {p: p.read_bytes() for p in [*tmp_path.rglob("*"), *comparison.iterdir()]
              if p.is_file()}
    code, _, err = _main(argv, capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and fragment in err, err
    after = {p: p.read_bytes() for p in [*tmp_path.rglob("*"), *comparison.iterdir()]
             if p.is_file()}
    assert after == before


def test_large_tables_become_yearly_summaries_in_the_workbook(comparison):
    _, _, tables = export.read_tables(comparison)
    ts, ev = tables["timeseries"], tables["events"]
    sheet_list = export.sheets(tables, max_cells=ts.size - 1)
    by_table = {s[0]: s for s in sheet_list}
    assert by_table["timeseries"][1] == "Tidsserier per år"
    yearly_ts = by_table["timeseries"][4]
    assert len(yearly_ts) == ts.groupby(["scenario", "year"]).ngroups
    got = yearly_ts.set_index(["scenario", "year"])["headcount"]
    want = ts.groupby(["scenario", "year"])["headcount"].mean()
    assert got.sort_index().to_numpy() == pytest.approx(want.sort_index().to_numpy())
    # events per replication, summed over events, equals the events per replication
    yearly_ev = by_table["events"][4]
    reps = ev.groupby("scenario")["replication"].nunique()
    per = yearly_ev.groupby("scenario")["events_per_replication"].sum()
    want_ev = ev.groupby("scenario").size() / reps
    assert per.sort_index().to_numpy() == pytest.approx(want_ev.sort_index().to_numpy())
    assert by_table["summary"][1] == "Sammanfattning"        # small tables stay whole


def test_csv_text_that_excel_would_evaluate_is_kept_as_text():
    df = pd.DataFrame({"scenario": ["=HYPERLINK(\"x\")", "@SUM(A1)", "plain"],
                       "exits": [-1, 2, 3]})
    out = export.csv_tables({"summary": df}, {})["summary"]
    assert out[C.header("scenario")].tolist() == ["'=HYPERLINK(\"x\")", "'@SUM(A1)", "plain"]
    assert out[C.header("exits")].tolist() == [-1, 2, 3]


def test_swedish_headers_are_unique_within_each_table(comparison):
    _, _, tables = export.read_tables(comparison)
    for name, df in tables.items():
        heads = [C.header(c) for c in df.columns]
        assert len(set(heads)) == len(heads), name


def test_workbook_carries_the_tools_mark(comparison, tmp_path, capsys):
    target = tmp_path / "w.xlsx"
    assert _main(["export", comparison, "-o", target], capsys)[0] == 0
    assert zipfile.ZipFile(target).comment == export.MARK


def test_sweep_exports_its_tables_and_an_uncollected_one_is_named(tmp_path, capsys):
    f = tmp_path / "s.yaml"
    f.write_text(f"base: {BASELINE}\nreplications: 1\nyears: 0.5\nwarmup_years: 0\n"
                 "factors:\n  unit.posts: [36, 44]\n")
    out = tmp_path / "sw"
    assert _main(["sweep", f, "--out", out, "--workers", "1", "--quiet"], capsys)[0] == 0
    code, _, err = _main(["export", out], capsys)
    assert code == 0, err
    book = pd.read_excel(out / "sw.xlsx", sheet_name=None, engine="openpyxl")
    assert list(book) == ["Innehåll", "Svep", "Punkter"]
    sweep = pd.read_parquet(out / "sweep.parquet")
    assert book["Svep"]["unit.posts"].tolist() == sweep["unit.posts"].tolist()
    assert book["Svep"][C.header("turnover_rate")].tolist() == pytest.approx(
        sweep["turnover_rate"].tolist())
    (out / "sweep.parquet").unlink()
    code, _, err = _main(["export", out, "--format", "csv"], capsys)
    assert code == 2 and "not been collected" in err and "collect" in err
    assert len(err.strip().splitlines()) == 1 and not (tmp_path / "sw_csv").exists()
