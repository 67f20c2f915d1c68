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
what the file looked like, and a workbook's places are named as cells (``cell B7``).

A report saved from an HR system has titles above its table ("Personalrapport",
"Utskriftsdatum 2026-11-30") and blank rows: given ``is_header`` (does this row look like
the header?), the reader takes the first such row among the first ``MAX_TITLE_ROWS``
rows with values as the header (in a CSV file, with that line's separator) and keeps the
rows above it in ``Dialect.titles``; when none does, the first row with values is the
header, so the caller can say which columns it misses.

Limits, checked while a file is read and before it is read whole, each refused in one
line naming the file and the limit: the caller's byte limit and row limit (rows with
values; ``model.config.hrimport`` allows 50 MB and 100,000 rows), ``MAX_COLUMNS`` header
columns, ``MAX_ROW_CHARS`` characters in one row of a CSV file and ``MAX_LINES`` lines
(Excel's last row). A workbook is checked before its sheet is parsed, and its sheet read
streaming, by ``model.store.workbooks`` (``MAX_PARTS``, ``MAX_UNPACKED_BYTES`` and
``MAX_RATIO`` are its limits).

Writing: ``CSV_SEPARATOR``, ``CSV_DECIMAL`` and ``CSV_BOM`` are Swedish Excel's
dialect (semicolon, decimal comma, UTF-8 after a byte-order mark so that Excel reads å,
ä and ö).
"""

from __future__ import annotations

import csv
import itertools
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import UserError
from . import workbooks
from .files import read_bytes
from .workbooks import EXCEL_ROWS
from .workbooks import MAX_PARTS as MAX_PARTS  # the workbook's limits, named here too
from .workbooks import MAX_RATIO as MAX_RATIO
from .workbooks import MAX_UNPACKED_BYTES as MAX_UNPACKED_BYTES

# Swedish Excel's CSV dialect: semicolons, decimal commas, UTF-8 after a byte-order mark
CSV_SEPARATOR = ";"
CSV_DECIMAL = ","
CSV_BOM = b"\xef\xbb\xbf"
SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}
ENCODINGS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with a byte-order mark",
             "utf-16": "UTF-16", "cp1252": "Windows-1252"}
MAX_COLUMNS = 200                   # columns of the header row
MAX_ROW_CHARS = 100_000              # characters in one row of a CSV file
MAX_LINES = EXCEL_ROWS               # lines of a CSV file, rows of a sheet (Excel's last row)
MAX_TITLE_ROWS = 20                  # rows with values above a report's header row
# one line of CSV text as newline="" splits it, at most MAX_ROW_CHARS + 1 characters
_LINE = re.compile(r"[^\r\n]{0," + str(MAX_ROW_CHARS + 1) + r"}(?:\r\n|\r|\n)?")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"          # the old binary .xls format


@dataclass(frozen=True)
class Dialect:
    """How a file was read: ``xlsx``, or a CSV's encoding and separator; the row of the
    header and the rows with values above it (a report's titles: (row, values))."""
    kind: str                       # csv | xlsx
    encoding: str = "utf-8"
    separator: str = ","
    header_row: int = 1
    titles: tuple = ()

    def describe(self) -> str:
        below = f", header on row {self.header_row}" if self.header_row > 1 else ""
        if self.kind == "xlsx":
            return f"read as an .xlsx workbook, first sheet{below}"
        return (f"read as {ENCODINGS[self.encoding]} text, separator "
                f"{SEPARATORS[self.separator]} {self.separator!r}{below}")

    def place(self, row: int, column: int) -> str:
        """Where a value is, as the file's reader sees it: ``cell B7`` in a workbook,
        ``row 7, column 2`` in a text file (``column``: counted from 1)."""
        if self.kind == "xlsx":
            from openpyxl.utils import get_column_letter
            return f"cell {get_column_letter(column)}{row}"
        return f"row {row}, column {column}"

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


def read_table(path: str | Path, limit: int, max_rows: int, is_header=None
               ) -> tuple[list[str], list[tuple[int, list[str]]], Dialect]:
    """The header, the rows as (row number in the file, values as text) and how the file
    was read. Rows whose values are all empty are skipped (Excel leaves them at the end);
    a row with more values than the header is refused. ``is_header``: a test of a row's
    values that finds the header below a report's titles (module docstring).

    The limits (module docstring) are checked while the file is read, before it is read
    whole: at most ``limit`` bytes, ``max_rows`` rows with values, ``MAX_COLUMNS``
    columns, ``MAX_ROW_CHARS`` characters in one row of a CSV file, and for a workbook
    the checks of ``check_workbook`` before the sheet is parsed."""
    path = Path(path)
    data = read_bytes(path, limit)
    if data.startswith(_OLE):
        raise UserError(f"{path}: looks like an old Excel workbook (.xls); allowed: save it "
                        "as an .xlsx workbook or as CSV")
    if data.startswith(_ZIP):
        return _read_xlsx(data, path, max_rows, is_header)
    text, enc = decode(data, path)
    del data                         # only the text is kept while the rows are read
    text = text[1:] if text.startswith("\ufeff") else text
    line = _LINE.match(text).group()
    first = line.rstrip("\r\n")
    hinted = re.fullmatch(r"sep=([,;\t])", first, re.IGNORECASE)
    if hinted:                       # Excel's "sep=;" line names the separator
        dialect = Dialect("csv", enc, hinted.group(1))
        return _table(path, _csv_records(text, dialect, path, len(line), first_line=2),
                      dialect, max_rows, skip_blank=is_header is not None,
                      is_header=is_header)
    dialect = Dialect("csv", enc, _header_separator(text, first, is_header))
    return _table(path, _csv_records(text, dialect, path, 0), dialect, max_rows,
                  skip_blank=is_header is not None, is_header=is_header)


def _header_separator(text: str, first: str, is_header) -> str:
    """The separator of the first of the file's first lines that ``is_header`` takes for
    the header (titles above a table may hold no separator), else of the first line."""
    pos = 0
    for _ in range(4 * MAX_TITLE_ROWS if is_header else 0):
        line = _LINE.match(text, pos).group()
        if not line:
            break
        pos += len(line)
        sep = sniff_separator(line.rstrip("\r\n"))
        if is_header([v.strip() for v in next(csv.reader([line], delimiter=sep), [])]):
            return sep
    return sniff_separator(first)


def _blank(values) -> bool:
    return not any(v.strip() for v in values)


def _header(records, skip_blank: bool, is_header):
    """The header row (row number, values), the title rows above it and the records
    after it: the first row ``is_header`` accepts among the first ``MAX_TITLE_ROWS`` rows
    with values, else the first row with values (the rest then read as data)."""
    titles = []
    for n, values in records:
        if skip_blank and _blank(values):
            continue                     # empty rows above a sheet's header
        if is_header is None or is_header([v.strip() for v in values]):
            return (n, values), titles, records
        titles.append((n, values))
        if len(titles) > MAX_TITLE_ROWS:
            break
    if not titles:
        return None, [], records
    return titles[0], [], itertools.chain(titles[1:], records)


def _table(path: Path, records, dialect: Dialect, max_rows: int, skip_blank: bool,
           is_header=None):
    """The header and the rows of ``records`` ((row number, values) of every row, the
    header's first), refused as soon as a limit is passed."""
    head, titles, records = _header(iter(records), skip_blank, is_header)
    if head is None or _blank(head[1]):
        raise UserError(f"{path}: no header row; allowed: the column names on the first row")
    dialect = replace(dialect, header_row=head[0], titles=tuple(
        (n, tuple(v.strip() for v in values)) for n, values in titles))
    header = list(head[1])
    while skip_blank and header and not header[-1].strip():
        header.pop()
    if len(header) > MAX_COLUMNS:
        raise UserError(f"{path}: the header row has {len(header)} columns; at most "
                        f"{MAX_COLUMNS} allowed ({dialect.describe()})")
    width = len(header)
    out = []
    for n, values in records:
        if _blank(values):
            continue
        if len(out) >= max_rows:
            raise UserError(f"{path}: more than {max_rows:,} rows with values (stopped "
                            f"reading at row {n:,}); at most {max_rows:,} rows allowed")
        if len(values) > width and any(v.strip() for v in values[width:]):
            raise _beyond(path, dialect, n, values, width)
        out.append((n, [v.strip() for v in values[:width]] + [""] * (width - len(values))))
    return [h.strip().lstrip("\ufeff") for h in header], out, dialect


def _beyond(path: Path, dialect: Dialect, n: int, values, width: int) -> UserError:
    """A row with values right of the header's last column."""
    if dialect.kind == "xlsx":
        j = width + next(i for i, v in enumerate(values[width:]) if v.strip())
        return UserError(f"{path}: {dialect.place(n, j + 1)}: a value right of the table "
                         f"(its header, row {dialect.header_row}, ends at "
                         f"{dialect.place(dialect.header_row, width)}); allowed: values "
                         f"under the header's columns, or move the note below the table "
                         f"({dialect.describe()})")
    return UserError(f"{path}: row {n}, column {width + 1}: {len(values)} values but the "
                     f"header has {width} columns{_quote_hint(dialect)} "
                     f"({dialect.describe()})")


def _quote_hint(dialect: Dialect) -> str:
    if dialect.separator == ",":
        return ("; a value holding a comma (a decimal comma such as 0,8, or a thousands "
                "separator) must be in quotes, or save the file with semicolons")
    return f"; a value holding {dialect.separator!r} must be in quotes"


def _csv_records(text: str, dialect: Dialect, path: Path, start: int, first_line: int = 1):
    """The records of CSV text from offset ``start``: (line number, values). The text is
    handed to the CSV reader line by line (split where ``newline=""`` splits: CR LF, CR
    or LF); a row longer than ``MAX_ROW_CHARS`` characters, or starting beyond line
    ``MAX_LINES``, is refused before it is split into values."""
    state = {"pos": start, "record": start, "line": first_line}

    def lines():
        pos = state["pos"]
        while pos < len(text):
            line = _LINE.match(text, pos).group()
            pos += len(line)
            if pos - state["record"] > MAX_ROW_CHARS:
                raise UserError(f"{path}: row {state['line']} is longer than "
                                f"{MAX_ROW_CHARS:,} characters; at most {MAX_ROW_CHARS:,} "
                                f"allowed in one row ({dialect.describe()})")
            state["pos"] = pos
            yield line

    reader = csv.reader(lines(), delimiter=dialect.separator)
    try:
        for values in reader:
            n = state["line"]
            if n > MAX_LINES:
                raise UserError(f"{path}: more than {MAX_LINES:,} lines (stopped reading at "
                                f"line {n:,}); allowed: at most {MAX_LINES:,} lines, "
                                "as in an Excel sheet")
            yield n, values
            state["record"] = state["pos"]
            state["line"] = first_line + reader.line_num
    except csv.Error as exc:
        raise UserError(f"{path}: row {state['line']}: not readable as CSV ({exc}) "
                        f"({dialect.describe()})") from None


def _read_xlsx(data: bytes, path: Path, max_rows: int, is_header=None):
    with workbooks.first_sheet(data, path, max_rows, MAX_COLUMNS) as records:
        return _table(path, records, Dialect("xlsx"), max_rows, skip_blank=True,
                      is_header=is_header)
