"""The files of a Swedish office: reading a table as Excel saved it, and the CSV dialect
of Swedish Excel for writing.

Reading (``read_table``): a CSV or text file in UTF-8 (with or without a byte-order mark),
UTF-16 with a byte-order mark (Excel's "Unicode text") or Windows-1252 (Excel's "CSV"
on a Swedish Windows), separated by commas, semicolons or tabs (detected from the
header line), or an ``.xlsx`` workbook (its first sheet, recognised by its content,
whatever the file's name). A first line ``sep=;`` (Excel's hint) names the separator.
Every value comes back as text (dates in cells as
``YYYY-MM-DD``), so the reader of the rows checks one kind of input. ``Dialect`` says
how the file was read; error messages carry it, so a message about a value also says
what the file looked like.

Writing: ``CSV_SEPARATOR``, ``CSV_DECIMAL`` and ``CSV_BOM`` are Swedish Excel's
dialect (semicolon, decimal comma, UTF-8 after a byte-order mark so that Excel reads å,
ä and ö).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from ..errors import UserError
from .files import read_bytes

# Swedish Excel's CSV dialect: semicolons, decimal commas, UTF-8 after a byte-order mark
CSV_SEPARATOR = ";"
CSV_DECIMAL = ","
CSV_BOM = b"\xef\xbb\xbf"
SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}
ENCODINGS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with a byte-order mark",
             "utf-16": "UTF-16", "cp1252": "Windows-1252"}
MAX_COLUMNS = 200
MAX_UNPACKED_BYTES = 500_000_000     # an .xlsx is a zip: bounded before it is unpacked
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"          # the old binary .xls format


@dataclass(frozen=True)
class Dialect:
    """How a file was read: ``xlsx``, or a CSV's encoding and separator."""
    kind: str                       # csv | xlsx
    encoding: str = "utf-8"
    separator: str = ","

    def describe(self) -> str:
        if self.kind == "xlsx":
            return "read as an .xlsx workbook, first sheet"
        return (f"read as {ENCODINGS[self.encoding]} text, separator "
                f"{SEPARATORS[self.separator]} {self.separator!r}")

    @property
    def plain(self) -> bool:
        """UTF-8 and comma-separated: the format the file format describes first."""
        return self.kind == "csv" and self.encoding in ("utf-8", "utf-8-sig") \
            and self.separator == ","


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """The text of a CSV file and its encoding (a key of ``ENCODINGS``)."""
    if data.startswith(CSV_BOM):
        encodings = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "cp1252"]
    for enc in encodings:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError as exc:
            failed = exc
    where = f"byte 0x{data[failed.start]:02x} at offset {failed.start}"
    raise UserError(f"{path}: not text in UTF-8 or Windows-1252 ({where}); allowed: a CSV "
                    "file saved by Excel as 'CSV UTF-8' or 'CSV', or an .xlsx workbook")


def sniff_separator(header: str) -> str:
    """The separator of a CSV file from its header line: the one of comma, semicolon and
    tab that occurs most often outside quotes (a comma on a tie or when none occurs)."""
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for ch in header:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda s: (counts[s], s == ","))
    return best if counts[best] else ","


def read_table(path: str | Path, limit: int, max_rows: int
               ) -> tuple[list[str], list[tuple[int, list[str]]], Dialect]:
    """The header, the rows as (row number in the file, values as text) and how the file
    was read. Rows whose values are all empty are skipped (Excel leaves them at the end);
    a row with more values than the header is refused."""
    path = Path(path)
    data = read_bytes(path, limit)
    if data.startswith(_OLE):
        raise UserError(f"{path}: looks like an old Excel workbook (.xls); allowed: save it "
                        "as an .xlsx workbook or as CSV")
    if data.startswith(_ZIP):
        header, rows = _xlsx_rows(data, path)
        dialect = Dialect("xlsx")
    else:
        text, enc = decode(data, path)
        first, _, rest = text.lstrip("\ufeff").partition("\n")
        hinted = re.fullmatch(r"sep=([,;\t])\r?", first, re.IGNORECASE)
        if hinted:                   # Excel's "sep=;" line names the separator
            dialect = Dialect("csv", enc, hinted.group(1))
            header, rows = _csv_rows(rest, dialect, first_line=2)
        else:
            dialect = Dialect("csv", enc, sniff_separator(first))
            header, rows = _csv_rows(text, dialect)
    if not header or not any(h.strip() for h in header):
        raise UserError(f"{path}: no header row; allowed: the column names on the first row")
    width = len(header)
    out = []
    for n, values in rows:
        if len(out) >= max_rows:
            raise UserError(f"{path}: more than {max_rows} rows")
        if not any(v.strip() for v in values):
            continue
        if len(values) > width and any(v.strip() for v in values[width:]):
            raise UserError(f"{path}: row {n}, column {width + 1}: {len(values)} values but "
                            f"the header has {width} columns{_quote_hint(dialect)} "
                            f"({dialect.describe()})")
        out.append((n, [v.strip() for v in values[:width]] + [""] * (width - len(values))))
    return [h.strip().lstrip("\ufeff") for h in header], out, dialect


def _quote_hint(dialect: Dialect) -> str:
    if dialect.kind == "csv" and dialect.separator == ",":
        return ("; a value holding a comma (a decimal comma such as 0,8, or a thousands "
                "separator) must be in quotes, or save the file with semicolons")
    return f"; a value holding {dialect.separator!r} must be in quotes"


def _csv_rows(text: str, dialect: Dialect, first_line: int = 1):
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=dialect.separator)
    header = None
    rows = []
    line = first_line
    for values in reader:
        if header is None:
            header = values
        else:
            rows.append((line, values))
        line = first_line + reader.line_num
    return header or [], rows


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (value.date().isoformat() if value.time() == time(0)
                else value.isoformat(sep=" "))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(data: bytes, path: Path):
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, ValueError):
        unpacked = 0                     # refused below as not a readable workbook
    if unpacked > MAX_UNPACKED_BYTES:
        raise UserError(f"{path}: the workbook unpacks to {unpacked} bytes; at most "
                        f"{MAX_UNPACKED_BYTES} allowed (save the sheet as CSV)")
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UserError(f"{path}: not a readable .xlsx workbook ({type(exc).__name__}); "
                        "allowed: an .xlsx workbook saved by Excel, or a CSV file") from None
    try:
        if not wb.worksheets:
            raise UserError(f"{path}: the workbook has no sheet")
        header = None
        rows = []
        for n, values in enumerate(wb.worksheets[0].iter_rows(values_only=True), start=1):
            cells = [_cell(v) for v in values[:MAX_COLUMNS + 1]]
            if header is None:
                if not any(cells):
                    continue            # empty rows above the header
                while cells and not cells[-1]:
                    cells.pop()
                header = cells
            else:
                rows.append((n, cells))
    finally:
        wb.close()
    return header or [], rows
