"""Hostile and wrong HR files for ``import-hr``.

Hostile files (entity declarations, zip bombs, sheets and CSV files of absurd size) are
refused by size and count before they are parsed whole: one line naming the file and the
limit, exit code 2, nothing written. The time and memory of these refusals are measured
by ``benchmarks/bench_hostile_files.py``, not here; these tests check that the refusal
comes from a limit checked while reading (a byte cap, a row count), not from reading it
all.

Errors about a file's content name the file's own row (as a spreadsheet or text editor
numbers it, the header row being row 1) and column (its header as written), also those
that only the scenario's schema finds.
"""

from __future__ import annotations

import zipfile
from datetime import date, timedelta

import pytest
import yaml

import simulate
from benchmarks import bench_hostile_files as hostile
from model.config import hrimport
from model.store import officefiles

HEADER = hostile.HEADER
SV_HEADER = ("Anställningsnummer;Anställningsdatum;Slutdatum;Avgångsorsak;"
             "Sysselsättningsgrad;Månadslön;Tidigare erfarenhet (år);Födelseår")


def _main(argv, capsys):
    code = simulate.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _refused(staff, tmp_path, capsys, *fragments, inflow=None):
    """import-hr of ``staff`` fails in one line naming it and ``fragments``, exit 2,
    nothing written."""
    before = sorted(p.name for p in tmp_path.iterdir())
    argv = ["import-hr", staff, "-o", tmp_path / "unit.yaml"]
    if inflow:
        argv += ["--inflow", inflow]
    code, _, err = _main(argv, capsys)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and "Traceback" not in err, err
    assert str(inflow or staff) in lines[0], err
    for frag in fragments:
        assert frag in lines[0], (frag, lines[0])
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    return lines[0]


@pytest.fixture
def opened(monkeypatch):
    """The parts of any zip opened for reading, and the bytes read from them."""
    seen = {"parts": [], "bytes": 0}
    real_open, real_read = zipfile.ZipFile.open, zipfile.ZipExtFile.read

    def spy_open(self, name, mode="r", *args, **kwargs):
        if mode == "r":
            seen["parts"].append(getattr(name, "filename", name))
        return real_open(self, name, mode, *args, **kwargs)

    def spy_read(self, n=-1):
        data = real_read(self, n)
        seen["bytes"] += len(data)
        return data
    monkeypatch.setattr(zipfile.ZipFile, "open", spy_open)
    monkeypatch.setattr(zipfile.ZipExtFile, "read", spy_read)
    return seen


# -- 6. hostile files ---------------------------------------------------------------------

def test_a_workbook_declaring_entities_is_refused_in_one_line(tmp_path, capsys):
    f = hostile.entity_workbook(tmp_path / "entities.xlsx")
    _refused(f, tmp_path, capsys, "declares a document type", "xl/worksheets/sheet1.xml",
             "allowed:")


def test_a_450_mb_zip_bomb_is_refused_by_its_declared_size_unopened(tmp_path, capsys,
                                                                     opened):
    f = hostile.padded_workbook(tmp_path / "bomb.xlsx", 450_000_000)
    assert f.stat().st_size < 2_000_000
    opened.update(parts=[], bytes=0)
    _refused(f, tmp_path, capsys, "unpacks to 450,016,011 bytes",
             f"at most {officefiles.MAX_UNPACKED_BYTES:,} allowed")
    assert opened["parts"] == [] and opened["bytes"] == 0


def test_a_bomb_under_the_size_cap_is_refused_by_its_compression_ratio(tmp_path, capsys,
                                                                        opened):
    f = hostile.padded_workbook(tmp_path / "bomb.xlsx", 60_000_000)
    opened.update(parts=[], bytes=0)
    _refused(f, tmp_path, capsys, "xl/worksheets/sheet1.xml", "-fold",
             f"at most {officefiles.MAX_RATIO}-fold allowed")
    assert opened["parts"] == []


def test_a_workbook_whose_declared_sizes_lie_stops_at_the_declared_size(tmp_path, capsys,
                                                                         opened):
    f = hostile.lying_workbook(tmp_path / "lying.xlsx", 150_000_000, declared=2_000_000)
    opened.update(parts=[], bytes=0)
    _refused(f, tmp_path, capsys, "does not unpack to the 2,000,000 bytes its zip declares")
    # unpacked up to the declared size (and the small parts), never the 150 MB
    assert opened["bytes"] < 3_000_000


def test_a_workbook_of_too_many_parts_is_refused_before_its_directory_is_read(tmp_path,
                                                                              capsys):
    f = tmp_path / "parts.xlsx"
    hostile.entity_workbook(f)                  # any workbook; the parts decide
    with zipfile.ZipFile(f, "a") as z:
        for i in range(officefiles.MAX_PARTS + 1):
            z.writestr(f"xl/media/p{i}.bin", b"")
    _refused(f, tmp_path, capsys, f"at most {officefiles.MAX_PARTS} allowed")


def test_a_sheet_taller_than_the_limit_is_refused_by_its_dimension(tmp_path, capsys,
                                                                    monkeypatch):
    monkeypatch.setattr(hrimport, "MAX_ROWS", 1_000)
    f = hostile.tall_workbook(tmp_path / "tall.xlsx", 1_500)
    _refused(f, tmp_path, capsys, "spans 1,501 rows", "at most 1,000 rows")


def test_a_sheet_without_dimension_is_counted_while_read(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(hrimport, "MAX_ROWS", 1_000)
    f = hostile.tall_workbook(tmp_path / "tall.xlsx", 1_500, dimension=False)
    _refused(f, tmp_path, capsys, "more than 1,000 rows with values",
             "stopped reading at row 1,002")


def test_a_tall_sheet_without_dimension_is_refused_before_it_is_parsed(tmp_path, capsys,
                                                                       monkeypatch):
    # a sheet far over the limit is refused while its part is unpacked (its row elements
    # counted), so openpyxl never scans it whole to find its size
    import openpyxl
    monkeypatch.setattr(hrimport, "MAX_ROWS", 1_000)
    opened = []
    real = openpyxl.load_workbook
    monkeypatch.setattr(openpyxl, "load_workbook",
                        lambda *a, **k: opened.append(1) or real(*a, **k))
    f = hostile.tall_workbook(tmp_path / "tall.xlsx", 5_000, dimension=False)
    _refused(f, tmp_path, capsys, "more than 2,000 rows below the header; at most 1,000 "
             "allowed")
    assert opened == []


@pytest.mark.slow
def test_a_million_row_csv_is_refused_at_the_row_limit(tmp_path, capsys, monkeypatch):
    f = hostile.staff_csv(tmp_path / "staff.csv", 1_000_000)
    rows = []
    real = officefiles._csv_records

    def spy(*args, **kwargs):
        for record in real(*args, **kwargs):
            rows.append(record[0])
            yield record
    monkeypatch.setattr(officefiles, "_csv_records", spy)
    _refused(f, tmp_path, capsys, "more than 100,000 rows with values",
             "stopped reading at row 100,002", "at most 100,000 rows allowed")
    assert len(rows) == 100_002            # the header and the rows up to the limit


def test_a_csv_row_of_millions_of_values_is_refused_before_it_is_split(tmp_path, capsys):
    f = hostile.wide_csv(tmp_path / "staff.csv", 5_000_000)
    _refused(f, tmp_path, capsys, "row 2 is longer than 100,000 characters")


def test_too_many_lines_and_too_many_columns_are_refused(tmp_path, capsys):
    f = tmp_path / "staff.csv"
    f.write_text(HEADER + "\na,2020-01-01,,,1,40000,0,1980\n" + "\n" * 1_100_000)
    _refused(f, tmp_path, capsys, "more than 1,048,576 lines")
    f.write_text(HEADER + "," + ",".join(f"x{i}" for i in range(300))
                 + "\na,2020-01-01,,,1,40000,0,1980\n")
    _refused(f, tmp_path, capsys, "the header row has 308 columns; at most 200 allowed")


def test_files_at_the_edges_of_the_limits_are_still_read(tmp_path, capsys):
    """A CSV with a sep= line and old Mac line ends, and an ordinary workbook."""
    f = tmp_path / "staff.csv"
    f.write_bytes(("sep=,\r" + HEADER + "\ra,2020-01-01,,,1,40000,0,1980\r").encode())
    assert _main(["import-hr", f, "-o", tmp_path / "u.yaml"], capsys)[0] == 0
    w = hostile.tall_workbook(tmp_path / "w.xlsx", 50)
    header, rows, dialect = officefiles.read_table(w, 10_000_000, 100)
    assert header == HEADER.split(",") and len(rows) == 50 and rows[0][0] == 2


# -- 7. content errors name the file's row and column -------------------------------------

def _staff(tmp_path, *rows, header=HEADER, sep=","):
    f = tmp_path / "staff.csv"
    f.write_bytes(("\r\n".join([header, *(sep.join(r) for r in rows)]) + "\r\n")
                  .encode("cp1252"))
    return f


OK = ["a", "2020-01-01", "", "", "1", "40000", "0", "1980"]


def test_a_hire_date_after_the_reference_date_is_a_planned_start_named_by_its_row(
        tmp_path, capsys):
    f = _staff(tmp_path, OK, ["b", "2099-01-01", "", "", "1", "40000", "0", "1980"],
               ["c", "2021-01-01", "", "", "1", "40000", "0", "1980"])
    code, out, err = _main(["import-hr", f, "-o", tmp_path / "u.yaml"], capsys)
    assert code == 0, err
    assert len(yaml.safe_load((tmp_path / "u.yaml").read_text())["initial_state"]
               ["staff"]) == 2
    assert f"After the reference date {date.today()} (planned; the staff list is the staff " \
           "of that day): starts on row(s) 3." in out


def test_a_planned_exit_keeps_its_holder_on_the_staff_list(tmp_path, capsys):
    planned = (date.today() + timedelta(days=40)).isoformat()
    f = _staff(tmp_path, OK, ["b", "2021-01-01", planned, "resignation", "1", "40000", "0",
                              "1980"])
    code, out, err = _main(["import-hr", f, "-o", tmp_path / "u.yaml"], capsys)
    assert code == 0, err
    assert len(yaml.safe_load((tmp_path / "u.yaml").read_text())["initial_state"]
               ["staff"]) == 2
    assert "ends on row(s) 3." in out and "Exit reasons" not in out


def test_a_tenure_beyond_the_schema_names_the_row_and_the_header_as_written(tmp_path,
                                                                            capsys):
    f = _staff(tmp_path, OK, ["Åsa", "1950-01-01", "", "", "1", "40000", "0", "1980"],
               header=SV_HEADER, sep=";")
    line = _refused(f, tmp_path, capsys,
                    "row 3, column Anställningsdatum (hire_date): 1950-01-01 gives",
                    f"years at the workplace on the reference date {date.today()} (today)",
                    "allowed: less than or equal to 60",
                    "separator semicolon")
    assert "initial_state" not in line and "unit.yaml" not in line


def test_an_age_beyond_the_schema_names_the_birth_year(tmp_path, capsys):
    f = _staff(tmp_path, OK, ["b", "2020-01-01", "", "", "1", "40000", "0", "1900"])
    _refused(f, tmp_path, capsys,
             f"row 3, column birth_year: 1900 gives age {date.today().year - 1900}",
             "allowed: less than or equal to 80")


def test_an_inflow_trend_beyond_the_schema_names_its_column(tmp_path, capsys):
    staff = _staff(tmp_path, OK)
    inflow = tmp_path / "inflode.csv"
    inflow.write_bytes("Månad;Utredningar;Pågående\r\n2021-01;1;13\r\n2021-02;100;13\r\n"
                       .encode("cp1252"))
    line = _refused(staff, tmp_path, capsys, "inflode.csv: rows 2 to 3, column Utredningar "
                    "(investigations)", "yearly growth", "allowed: less than or equal to 1",
                    inflow=inflow)
    assert "cases." not in line


def test_errors_only_the_schema_finds_are_mapped_back_to_the_row(tmp_path, capsys,
                                                                  monkeypatch):
    """Without the import's own checks, the scenario's validation error about staff
    member 1 names row 3 of the file."""
    monkeypatch.setattr(hrimport, "check_member", lambda *a: None)
    f = _staff(tmp_path, OK, ["b", "1950-01-01", "", "", "1", "40000", "0", "1980"])
    line = _refused(f, tmp_path, capsys, "staff.csv: row 3, column hire_date: gives "
                    "tenure_years 7", "allowed: less than or equal to 60")
    assert "initial_state" not in line


def test_read_staff_keeps_its_result_and_gives_the_row(tmp_path):
    f = _staff(tmp_path, OK, ["b", "2021-01-01", "", "", "0,8", "40000", "0", "1980"],
               header=HEADER.replace(",", ";"), sep=";")
    staff = hrimport.read_staff(f)
    assert [s["row"] for s in staff] == [2, 3] and staff[1]["fte"] == 0.8
