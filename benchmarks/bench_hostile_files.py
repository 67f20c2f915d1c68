"""Time and peak memory of ``import-hr`` refusing hostile HR files.

    python benchmarks/bench_hostile_files.py [--only NAME ...] [--keep DIR]

Each hostile file is generated (streamed to disk, so the script itself stays small in
memory), then imported by ``python simulate.py import-hr`` in a fresh interpreter,
whose wall time and peak resident memory (``getrusage`` of the child) are reported with
its exit code and the one line it printed. The target: every file refused in one line,
exit code 2, in under 5 s and under 300 MB.

The generators are shared with ``tests/test_hostile_files.py``.
"""

from __future__ import annotations

import argparse
import io
import os
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HEADER = "id,hire_date,exit_date,exit_reason,fte,monthly_salary,prior_experience,birth_year"
SHEET = "xl/worksheets/sheet1.xml"
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def staff_csv(path: Path, rows: int = 1_000_000) -> Path:
    """A staff CSV of ``rows`` plausible rows (about 40 bytes each), written in chunks."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER + "\n")
        for start in range(0, rows, 10_000):
            f.write("".join(f"p{i},2020-01-01,,,1,40000,0,1980\n"
                            for i in range(start, min(rows, start + 10_000))))
    return path


def _skeleton() -> dict[str, bytes]:
    """The parts of a small workbook as openpyxl saves it (header and one staff row)."""
    import openpyxl
    wb = openpyxl.Workbook()
    wb.active.append(HEADER.split(","))
    wb.active.append(["a", "2020-01-01", None, None, 1, 40000, 0, 1980])
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as z:
        return {name: z.read(name) for name in z.namelist()}


def workbook(path: Path, sheet_chunks) -> Path:
    """A workbook whose first sheet's XML is the concatenation of ``sheet_chunks``
    (bytes), compressed while it is generated."""
    parts = _skeleton()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            if name == SHEET:
                with z.open(SHEET, "w", force_zip64=True) as w:
                    for chunk in sheet_chunks:
                        w.write(chunk)
            else:
                z.writestr(name, data)
    return path


def entity_workbook(path: Path) -> Path:
    """A workbook whose sheet declares nested entities ("billion laughs")."""
    decl = ['<!ENTITY e0 "lol">'] + [
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10)]
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE worksheet [{"".join(decl)}]>'
           f'<worksheet {_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t>'
           f'</is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>&e9;</t></is></c>'
           f'</row></sheetData></worksheet>')
    return workbook(path, [xml.encode()])


def padded_workbook(path: Path, unpacked: int = 450_000_000) -> Path:
    """A workbook whose sheet is well-formed XML padded with blanks to ``unpacked`` bytes
    (it compresses about a thousandfold: a zip bomb)."""
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet {_NS}><sheetData>'.encode()
    tail = b"</sheetData></worksheet>"
    block = b" " * (1 << 20)
    left = unpacked - len(head) - len(tail)

    def chunks():
        yield head
        n = left
        while n > 0:
            yield block[:min(n, len(block))]
            n -= len(block)
        yield tail
    return workbook(path, chunks())


def lying_workbook(path: Path, unpacked: int = 450_000_000, declared: int = 2_000_000) -> Path:
    """The padded workbook with the sheet's uncompressed size given as ``declared`` in
    the zip's headers: its real size shows only while it is unpacked."""
    padded_workbook(path, unpacked)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(SHEET)
    # the local header: uncompressed size at offset 22 (no zip64 extra needed below 4 GB)
    local = info.header_offset
    assert data[local:local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, declared)
    # the central directory entry of the sheet
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46:at + 46 + name_len]) == SHEET.encode():
            struct.pack_into("<I", data, at + 24, declared)
            break
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def tall_workbook(path: Path, rows: int = 1_000_000, dimension: bool = True) -> Path:
    """A plausible workbook of ``rows`` staff rows, numbers and inline strings, with the
    sheet's dimension (its used range, as Excel writes it) or without."""
    dim = f'<dimension ref="A1:H{rows + 1}"/>' if dimension else ""
    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet {_NS}>{dim}'
            f'<sheetData>').encode()
    cols = HEADER.split(",")

    def cell(ref, text):
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

    def chunks():
        yield head
        yield ('<row r="1">' + "".join(cell(f"{chr(65 + j)}1", c)
                                       for j, c in enumerate(cols)) + "</row>").encode()
        for start in range(2, rows + 2, 10_000):
            yield "".join(
                f'<row r="{n}">{cell(f"A{n}", f"p{n}")}{cell(f"B{n}", "2020-01-01")}'
                f'<c r="E{n}"><v>1</v></c><c r="F{n}"><v>40000</v></c>'
                f'<c r="G{n}"><v>0</v></c><c r="H{n}"><v>1980</v></c></row>'
                for n in range(start, min(rows + 2, start + 10_000))).encode()
        yield b"</sheetData></worksheet>"
    return workbook(path, chunks())


def wide_csv(path: Path, columns: int = 5_000_000) -> Path:
    """A staff CSV whose second line holds millions of empty values."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER + "\n")
        f.write("a,2020-01-01,,,1,40000,0,1980" + "," * columns + "\n")
    return path


CASES = {
    "csv_1e6_rows": lambda d: staff_csv(d / "staff_1e6.csv"),
    "csv_wide_line": lambda d: wide_csv(d / "staff_wide.csv"),
    "xlsx_entities": lambda d: entity_workbook(d / "entities.xlsx"),
    "xlsx_450MB_padding": lambda d: padded_workbook(d / "padded.xlsx"),
    "xlsx_450MB_lying_sizes": lambda d: lying_workbook(d / "lying.xlsx"),
    "xlsx_90MB_padding": lambda d: padded_workbook(d / "padded90.xlsx", 90_000_000),
    "xlsx_1e6_rows": lambda d: tall_workbook(d / "tall.xlsx"),
    "xlsx_300k_rows": lambda d: tall_workbook(d / "tall300k.xlsx", 300_000),
    "xlsx_300k_rows_no_dim": lambda d: tall_workbook(d / "tall300k_nodim.xlsx", 300_000,
                                                     dimension=False),
}


def measure(staff: Path, out: Path) -> dict:
    """Run import-hr on ``staff`` in a fresh interpreter: seconds, peak MB (of that
    process alone), exit code, the number of lines on stderr and the last one."""
    with tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, str(ROOT / "simulate.py"), "import-hr",
                                 str(staff), "-o", str(out)], stdout=subprocess.DEVNULL,
                                stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, "code": proc.returncode,
            "lines": len(lines), "last": lines[-1] if lines else ""}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", choices=list(CASES))
    ap.add_argument("--keep", help="write the files to this directory and keep them")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        # an interpreter that only imports the command, for the baseline memory
        base = measure(Path(os.devnull), folder / "none.yaml")
        print(f"{'case':24} {'file MB':>8} {'s':>6} {'peak MB':>8} exit lines  message")
        print(f"{'(not a regular file)':24} {'':>8} {base['seconds']:6.2f} "
              f"{base['peak_mb']:8.0f} {base['code']:>4} {base['lines']:>5}")
        for name in args.only or CASES:
            staff = CASES[name](folder)
            r = measure(staff, folder / f"{name}.yaml")
            print(f"{name:24} {staff.stat().st_size / 1e6:8.1f} {r['seconds']:6.2f} "
                  f"{r['peak_mb']:8.0f} {r['code']:>4} {r['lines']:>5}  {r['last'][:150]}")
            if not args.keep:
                staff.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
