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

Limits, checked while a file is read and before it is read whole, each refused in one
line naming the file and the limit: the caller's byte limit and row limit (rows with
values; ``model.config.hrimport`` allows 50 MB and 100,000 rows), ``MAX_COLUMNS`` header
columns, ``MAX_ROW_CHARS`` characters in one row of a CSV file and ``MAX_LINES`` lines
(Excel's last row). A workbook is a zip of XML parts and is checked before its sheet is
parsed: at most ``MAX_PARTS`` parts, ``MAX_UNPACKED_BYTES`` unpacked (the sizes the zip
declares, then the bytes counted while every part is unpacked once in blocks, since the
declared sizes may lie), no part compressed more than ``MAX_RATIO``-fold (a zip bomb) and
no document type declaration (``<!DOCTYPE``, where XML entities are declared: Excel
never writes one, and entity expansion is how a small file becomes a huge document).
A sheet whose declared size (its dimension, Excel's used range) spans more rows than
the row limit is refused at once; otherwise its rows are counted while it is read
streaming, its columns bounded.

Writing: ``CSV_SEPARATOR``, ``CSV_DECIMAL`` and ``CSV_BOM`` are Swedish Excel's
dialect (semicolon, decimal comma, UTF-8 after a byte-order mark so that Excel reads å,
ä and ö).
"""

from __future__ import annotations

import csv
import io
import re
import struct
import zipfile
import zlib
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
MAX_COLUMNS = 200                   # columns of the header row
MAX_ROW_CHARS = 100_000              # characters in one row of a CSV file
MAX_LINES = 1_048_576                # lines of a CSV file, rows of a sheet (Excel's last row)
EXCEL_ROWS = MAX_LINES
MAX_UNPACKED_BYTES = 100_000_000     # an .xlsx is a zip: bounded before it is unpacked
MAX_RATIO = 100                      # compression of one part (from 1 MB unpacked)
MAX_PARTS = 1_000                    # parts (files) in a workbook's zip
_RATIO_FROM = 1_000_000
_SPARE_ROWS = 1_000                  # formatted rows without values a sheet may hold
# a document type declaration (the only way to declare entities), as UTF-8 and UTF-16
_DOCTYPE = tuple("<!DOCTYPE".encode(e) for e in ("ascii", "utf-16-le", "utf-16-be"))
_DOCTYPE_TAIL = max(len(d) for d in _DOCTYPE) - 1
# one line of CSV text as newline="" splits it, at most MAX_ROW_CHARS + 1 characters
_LINE = re.compile(r"[^\r\n]{0," + str(MAX_ROW_CHARS + 1) + r"}(?:\r\n|\r|\n)?")
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
    a row with more values than the header is refused.

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
        return _read_xlsx(data, path, max_rows)
    text, enc = decode(data, path)
    del data                         # only the text is kept while the rows are read
    text = text[1:] if text.startswith("\ufeff") else text
    line = _LINE.match(text).group()
    first = line.rstrip("\r\n")
    hinted = re.fullmatch(r"sep=([,;\t])", first, re.IGNORECASE)
    if hinted:                       # Excel's "sep=;" line names the separator
        dialect = Dialect("csv", enc, hinted.group(1))
        return _table(path, _csv_records(text, dialect, path, len(line), first_line=2),
                      dialect, max_rows, skip_blank=False)
    dialect = Dialect("csv", enc, sniff_separator(first))
    return _table(path, _csv_records(text, dialect, path, 0), dialect, max_rows,
                  skip_blank=False)


def _table(path: Path, records, dialect: Dialect, max_rows: int, skip_blank: bool):
    """The header and the rows of ``records`` ((row number, values) of every row, the
    header's first), refused as soon as a limit is passed."""
    header = None
    out = []
    for n, values in records:
        if header is None:
            if skip_blank and not any(v.strip() for v in values):
                continue                 # empty rows above a sheet's header
            header = list(values)
            while skip_blank and header and not header[-1].strip():
                header.pop()
            if len(header) > MAX_COLUMNS:
                raise UserError(f"{path}: the header row has {len(header)} columns; at most "
                                f"{MAX_COLUMNS} allowed ({dialect.describe()})")
            width = len(header)
            continue
        if not any(v.strip() for v in values):
            continue
        if len(out) >= max_rows:
            raise UserError(f"{path}: more than {max_rows:,} rows with values (stopped "
                            f"reading at row {n:,}); at most {max_rows:,} rows allowed")
        if len(values) > width and any(v.strip() for v in values[width:]):
            raise UserError(f"{path}: row {n}, column {width + 1}: {len(values)} values but "
                            f"the header has {width} columns{_quote_hint(dialect)} "
                            f"({dialect.describe()})")
        out.append((n, [v.strip() for v in values[:width]] + [""] * (width - len(values))))
    if not header or not any(h.strip() for h in header):
        raise UserError(f"{path}: no header row; allowed: the column names on the first row")
    return [h.strip().lstrip("\ufeff") for h in header], out, dialect


def _quote_hint(dialect: Dialect) -> str:
    if dialect.kind == "csv" and dialect.separator == ",":
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


def check_workbook(data: bytes, path: Path, max_rows: int = EXCEL_ROWS) -> None:
    """Refuse a hostile or oversized workbook before its sheet is parsed: more than
    ``MAX_PARTS`` parts (counted from the zip's end record, before its directory is
    read), parts declared to unpack to more than ``MAX_UNPACKED_BYTES`` in all, a part
    that compresses more than ``MAX_RATIO``-fold, and, unpacking every part in blocks up
    to the same byte cap (a zip's sizes may lie), any part that declares a document type
    (entities: Excel never writes them) and any sheet of more than ``max_rows`` rows
    beyond the header and ``_SPARE_ROWS`` (its ``<row`` elements counted while unpacked,
    so a sheet without a declared size is not handed whole to the parser)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end >= 0 and len(data) >= end + 22:
        parts = struct.unpack_from("<H", data, end + 10)[0]
        if parts > MAX_PARTS:
            raise UserError(f"{path}: the workbook holds {parts} parts; at most {MAX_PARTS} "
                            "allowed (save the sheet as CSV)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            if len(infos) > MAX_PARTS:
                raise UserError(f"{path}: the workbook holds {len(infos)} parts; at most "
                                f"{MAX_PARTS} allowed (save the sheet as CSV)")
            declared = sum(i.file_size for i in infos)
            if declared > MAX_UNPACKED_BYTES:
                raise UserError(f"{path}: the workbook unpacks to {declared:,} bytes; at most "
                                f"{MAX_UNPACKED_BYTES:,} allowed (save the sheet as CSV)")
            for i in infos:
                if i.file_size > _RATIO_FROM and i.file_size > MAX_RATIO * i.compress_size:
                    raise UserError(
                        f"{path}: part {i.filename!r} of the workbook unpacks "
                        f"{i.file_size // max(i.compress_size, 1):,}-fold ({i.file_size:,} "
                        f"bytes); at most {MAX_RATIO}-fold allowed (a zip bomb, or save the "
                        "sheet as CSV)")
            total = 0
            for i in infos:
                sheet = i.filename.startswith("xl/worksheets/")
                rows = 0
                with z.open(i) as part:
                    tail = b""
                    while True:
                        try:
                            block = part.read(1 << 20)
                        except zipfile.BadZipFile as exc:
                            raise UserError(
                                f"{path}: part {i.filename!r} of the workbook does not "
                                f"unpack to the {i.file_size:,} bytes its zip declares "
                                f"({exc}); allowed: an .xlsx workbook saved by Excel, or "
                                "a CSV file") from None
                        if not block:
                            break
                        total += len(block)
                        if total > MAX_UNPACKED_BYTES:
                            raise UserError(f"{path}: the workbook unpacks to more than "
                                            f"{MAX_UNPACKED_BYTES:,} bytes; at most "
                                            f"{MAX_UNPACKED_BYTES:,} allowed (save the sheet "
                                            "as CSV)")
                        window = tail + block
                        if sheet:
                            rows += sum(window.count(t) - tail.count(t)
                                        for t in (b"<row", b":row "))
                            if rows > max_rows + 1 + _SPARE_ROWS:
                                raise UserError(
                                    f"{path}: the sheet holds more than "
                                    f"{max_rows + _SPARE_ROWS:,} rows "
                                    f"below the header; at most {max_rows:,} allowed "
                                    "(save only the table, or save the sheet as CSV)")
                        if any(d in window for d in _DOCTYPE):
                            raise UserError(f"{path}: part {i.filename!r} of the workbook "
                                            "declares a document type (XML entities); "
                                            "allowed: an .xlsx workbook as Excel saves it, "
                                            "or a CSV file")
                        tail = window[-_DOCTYPE_TAIL:]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError,
            ValueError, EOFError, OSError, zlib.error) as exc:
        raise _unreadable(path, exc) from None


def _unreadable(path: Path, exc: Exception) -> UserError:
    return UserError(f"{path}: not a readable .xlsx workbook ({type(exc).__name__}); "
                     "allowed: an .xlsx workbook saved by Excel, or a CSV file")


def _read_xlsx(data: bytes, path: Path, max_rows: int):
    from xml.etree.ElementTree import ParseError

    from openpyxl import load_workbook

    check_workbook(data, path, max_rows)
    errors = (zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError,
              IndexError, OSError, EOFError, ParseError, zlib.error)
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except errors as exc:
        raise _unreadable(path, exc) from None
    try:
        if not wb.worksheets:
            raise UserError(f"{path}: the workbook has no sheet")
        ws = wb.worksheets[0]
        # the size the sheet declares (its <dimension>, Excel's used range): refused at
        # once when it is too tall; when it is missing or lies, the rows are counted
        if ws.max_row is not None and ws.max_row - (ws.min_row or 1) > max_rows:
            raise UserError(f"{path}: the sheet spans {ws.max_row - (ws.min_row or 1) + 1:,} "
                            f"rows (rows {ws.min_row or 1} to {ws.max_row}); at most "
                            f"{max_rows:,} rows below the header allowed (if the rows "
                            "below the table are empty, delete them in Excel, or save the "
                            "sheet as CSV)")
        # rows and columns bounded: openpyxl fills the gaps up to the row numbers the
        # sheet gives, which need not be its real size
        rows = ws.iter_rows(max_row=EXCEL_ROWS, max_col=MAX_COLUMNS + 1, values_only=True)
        records = ((n, [_cell(v) for v in values]) for n, values in enumerate(rows, 1))
        return _table(path, records, Dialect("xlsx"), max_rows, skip_blank=True)
    except errors as exc:
        raise _unreadable(path, exc) from None
    finally:
        wb.close()
