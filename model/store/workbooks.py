"""An ``.xlsx`` workbook read safely: the zip is checked before its first sheet is parsed,
and the sheet's rows come back as text.

A workbook is a zip of XML parts and is checked before its sheet is parsed
(``check_workbook``): at most ``MAX_PARTS`` parts, ``MAX_UNPACKED_BYTES`` unpacked (the
sizes the zip declares, then the bytes counted while every part is unpacked once in
blocks, since the declared sizes may lie), no part compressed more than ``MAX_RATIO``-fold
(a zip bomb) and no document type declaration (``<!DOCTYPE``, where XML entities are
declared: Excel never writes one, and entity expansion is how a small file becomes a huge
document). A sheet whose declared size (its dimension, Excel's used range) spans more
rows than the row limit is refused at once; otherwise its rows are counted while it is
read streaming, its columns bounded (``first_sheet``).
"""

from __future__ import annotations

import contextlib
import io
import struct
import zipfile
import zlib
from datetime import date, datetime, time
from pathlib import Path

from ..errors import UserError

EXCEL_ROWS = 1_048_576               # Excel's last row
MAX_UNPACKED_BYTES = 100_000_000     # an .xlsx is a zip: bounded before it is unpacked
MAX_RATIO = 100                      # compression of one part (from 1 MB unpacked)
MAX_PARTS = 1_000                    # parts (files) in a workbook's zip
_RATIO_FROM = 1_000_000
_SPARE_ROWS = 1_000                  # formatted rows without values a sheet may hold
# a document type declaration (the only way to declare entities), as UTF-8 and UTF-16
_DOCTYPE = tuple("<!DOCTYPE".encode(e) for e in ("ascii", "utf-16-le", "utf-16-be"))
_DOCTYPE_TAIL = max(len(d) for d in _DOCTYPE) - 1


def cell_text(value) -> str:
    """A cell's value as text: dates as ``YYYY-MM-DD``, whole numbers without ``.0``."""
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
        raise unreadable(path, exc) from None


def unreadable(path: Path, exc: Exception) -> UserError:
    return UserError(f"{path}: not a readable .xlsx workbook ({type(exc).__name__}); "
                     "allowed: an .xlsx workbook saved by Excel, or a CSV file")


@contextlib.contextmanager
def first_sheet(data: bytes, path: Path, max_rows: int, max_columns: int):
    """The records of a workbook's first sheet, (row number, values as text), read
    streaming after ``check_workbook``; at most ``max_columns + 1`` columns a row. An
    error of the parser while the records are read is one line naming the file."""
    from xml.etree.ElementTree import ParseError

    from openpyxl import load_workbook

    check_workbook(data, path, max_rows)
    errors = (zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError,
              IndexError, OSError, EOFError, ParseError, zlib.error)
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except errors as exc:
        raise unreadable(path, exc) from None
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
        rows = ws.iter_rows(max_row=EXCEL_ROWS, max_col=max_columns + 1, values_only=True)
        yield ((n, [cell_text(v) for v in values]) for n, values in enumerate(rows, 1))
    except errors as exc:
        raise unreadable(path, exc) from None
    finally:
        wb.close()
