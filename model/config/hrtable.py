"""An HR file read as a table of the model's columns: the header found below a report's
titles, each column matched to the model's by the vocabulary (``hrvocabulary``), columns
of personal data dropped unread, and every value's error one line naming the file and
the place (``row 7, column Anställningsdatum (hire_date)`` in a text file, ``cell E7``
in a workbook), what is allowed and how the file was read.

Also the readers of one value (a date, a number, an employment level) and of the export
date a report states above its table.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..errors import UserError
from ..store.officefiles import read_table
from .hrvocabulary import EXPORT_DATE_LABELS, PERSONAL_COLUMNS


def normal(text: str) -> str:
    """A name or phrase as the vocabulary compares it: NFC, case folded, a note in
    brackets dropped, only letters and digits kept."""
    text = unicodedata.normalize("NFC", str(text)).casefold()
    return re.sub(r"[\W_]+", "", re.sub(r"\(.*?\)", "", text))


def lookup(table: dict[str, str]) -> dict[str, str]:
    """A vocabulary table keyed by its normalised phrases."""
    return {normal(k): v for k, v in table.items()}


_PERSONAL = {normal(c) for c in PERSONAL_COLUMNS}


@dataclass
class Columns:
    """What became of a file's columns: those read (the model's column -> the header as
    written), those dropped as personal data, and those not used (with why)."""
    read: dict[str, str]
    personal: list[str]
    unused: list[str]


class HRFile:
    """A staff or inflow file read: its rows by the model's column names, how it was read
    (``dialect``) and what became of its columns (``columns``)."""

    def __init__(self, path: Path, vocabulary: dict[str, tuple[str, ...]],
                 required: list[str], max_bytes: int, max_rows: int):
        self.path = path
        names = {}
        for field, synonyms in vocabulary.items():
            for rank, name in enumerate(synonyms):
                names.setdefault(normal(name), (field, rank))

        def known(values) -> bool:
            """A header: at least two of the vocabulary's columns (or personal ones)."""
            hits = {names[k][0] if k in names else "personal" for k in map(normal, values)
                    if k in names or k in _PERSONAL}
            return len(hits) >= 2

        header, rows, self.dialect = read_table(path, max_bytes, max_rows, known)
        chosen: dict[str, tuple[int, int]] = {}
        personal, unused = [], []
        for j, h in enumerate(header):
            key = normal(h)
            if not key:
                continue
            if key in _PERSONAL:
                personal.append(h)
            elif key not in names:
                unused.append(h)
            else:
                field, rank = names[key]
                if field in chosen and chosen[field][1] <= rank:
                    unused.append(f"{h} ({header[chosen[field][0]]} gives {field})")
                    continue
                if field in chosen:
                    i = chosen[field][0]
                    unused.append(f"{header[i]} ({h} gives {field})")
                chosen[field] = (j, rank)
        index = {c: j for c, (j, _) in chosen.items()}
        self.heads = {c: header[j] for c, j in index.items()}
        self.index = index
        self.columns = Columns(self.heads, personal, unused)
        missing = [c for c in required if c not in index]
        if missing:
            found = ", ".join(repr(h) for h in header[:12]) + (", ..." if len(header) > 12
                                                                 else "")
            allowed = "; ".join(f"{c} ({' / '.join(vocabulary[c][1:4])} ...)"
                                for c in required)
            dropped = (f"; {', '.join(personal)}: personal data, never read"
                       if personal else "")
            raise UserError(f"{path}: missing column(s) {', '.join(missing)}; found {found} "
                            f"({self.dialect.describe()}); required: {allowed}{dropped}")
        self.rows = [(n, {c: values[j] for c, j in index.items()}) for n, values in rows]

    def _shown(self, col: str) -> str:
        head = self.heads.get(col, col)
        return col if head == col else f"{head} ({col})"

    def _cell(self, n: int, col: str) -> str | None:
        """``B7`` in a workbook, else None."""
        if self.dialect.kind != "xlsx" or col not in self.index:
            return None
        return self.dialect.place(n, self.index[col] + 1).removeprefix("cell ")

    def where(self, n: int, col: str) -> str:
        """The place of column ``col`` on row ``n``, by the file's own header."""
        cell = self._cell(n, col)
        return (f"cell {cell}, column {self._shown(col)}" if cell
                else f"row {n}, column {self._shown(col)}")

    def where_rows(self, col: str) -> str:
        """The place of a whole column's values (its first to its last row)."""
        first, last = self.rows[0][0], self.rows[-1][0]
        if self._cell(first, col):
            return (f"cells {self._cell(first, col)} to {self._cell(last, col)}, column "
                    f"{self._shown(col)}")
        return f"rows {first} to {last}, column {self._shown(col)}"

    def hint(self) -> str:
        return "" if self.dialect.plain else f" ({self.dialect.describe()})"

    def fail(self, n: int, col: str, what: str) -> UserError:
        """The one-line error about a value: its place by the file's own header."""
        return UserError(f"{self.path}: {self.where(n, col)}: {what}{self.hint()}")


# -- one value ----------------------------------------------------------------------------

_DMY = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str, label: str) -> date:
    """A YYYY-MM-DD date given on the command line (``label``: the option)."""
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise UserError(f"{label} {text}: not a date (YYYY-MM-DD)") from None


def read_date(f: HRFile, n: int, col: str, text: str) -> date:
    for fmt in ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    hint = ""
    if _DMY.match(text) and "/" in text:
        hint = ("; it looks like day/month/year or month/day/year: format the column as "
                "ÅÅÅÅ-MM-DD in Excel")
    elif _DMY.match(text):
        hint = "; it looks like day.month.year: format the column as ÅÅÅÅ-MM-DD in Excel"
    elif text.isdigit() and 20000 <= int(text) <= 80000:
        hint = "; it looks like an Excel date number: format the column as a date"
    raise f.fail(n, col, f"{text!r} is not a date; allowed: YYYY-MM-DD{hint}") from None


def plain_number(text: str) -> float | None:
    """A number with a decimal point or comma and spaces (also non-breaking) between its
    thousands, or None."""
    t = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d)", "", text.strip())
    if "," in t and "." not in t:
        t = t.replace(",", ".")
    try:
        v = float(t)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def read_number(f: HRFile, n: int, col: str, text: str, low=None, high=None,
                low_open=False) -> float:
    """A number (``plain_number``) within [low, high] (``low_open``: above low)."""
    rng = f"{'>' if low_open else '>='} {low:g}" if low is not None else ""
    if high is not None:
        rng += f"{' and ' if rng else ''}<= {high:g}"
    v = plain_number(text)
    if v is None:
        raise f.fail(n, col, f"{text!r} is not a number; allowed: a number {rng}, with a "
                     "decimal point or comma and no thousands separator but spaces")
    if (low is not None and (v <= low if low_open else v < low)) \
            or (high is not None and v > high):
        raise f.fail(n, col, f"{text!r} must be {rng}")
    return v


def employment_levels(f: HRFile, col: str = "fte",
                      away: frozenset[int] | set[int] = frozenset()
                      ) -> tuple[dict[int, float], bool]:
    """The employment level of every row (row -> share of full time, 0 < x <= 1) and
    whether the column holds percentages: a value with a % sign is one; without, the
    column is read as percentages when its values lie in (1, 100] (HR systems write
    100,00 and 75,00), as shares when they lie in (0, 1]; a column mixing the two is
    refused at the first value that does not fit. A row of ``away`` (on a whole leave)
    may read 0: a working level (Tjänstgöringsgrad) of someone on leave."""
    plain: dict[int, float] = {}
    out: dict[int, float] = {}
    texts = {n: r[col].strip() for n, r in f.rows}
    for n, text in texts.items():
        if plain_number(text.rstrip("%").strip()) == 0:
            if n in away:
                out[n] = 0.0
                continue
            raise f.fail(n, col, f"{text!r}: nobody works 0 % (someone on leave? give a "
                         "leave column such as Frånvaroorsak with Föräldraledig, "
                         "Tjänstledig ..., or leave the row out); allowed: a level above 0 "
                         "and at most 100 %")
        if text.endswith("%"):
            if plain_number(text[:-1]) is None:       # say the value as written, % and all
                raise f.fail(n, col, f"{text!r} is not a number; allowed: a percentage "
                             "such as 75 % or a share such as 0,75")
            out[n] = read_number(f, n, col, text[:-1], 0, 100, low_open=True) / 100
        else:
            plain[n] = read_number(f, n, col, text, 0, 100, low_open=True)
    percent = bool(plain) and max(plain.values()) > 1
    for n, v in plain.items():
        if percent and v <= 1:
            big = next(m for m, w in plain.items() if w > 1)
            raise f.fail(n, col, f"{texts[n]!r} among percentages (row {big}: "
                         f"{texts[big]!r}); allowed: the whole column as shares "
                         "(0 < x <= 1) or as percentages (1 < x <= 100)")
        out[n] = v / 100 if percent else v
    return out, percent


# -- the export date ----------------------------------------------------------------------

_LABELS = {normal(label) for label in EXPORT_DATE_LABELS}


@dataclass(frozen=True)
class Stated:
    """A date a report states above its table: the date (None when the label's value is
    not a date), where, the text as written, and how it was found (``labelled``: after an
    export-date label; else the only date in the report's titles)."""
    day: date | None
    place: str
    text: str
    labelled: bool = True


def _day(text: str) -> date | None:
    m = _ISO.match(text.strip())
    try:
        return datetime.strptime(m.group(), "%Y-%m-%d").date() if m else None
    except ValueError:
        return None


def _labelled_inside(text: str) -> re.Match | None:
    """The first date in ``text`` right after a label ("IFO Barn och unga, uttag
    2025-03-31"): one to three words before it that the vocabulary knows."""
    for m in _ISO.finditer(text):
        words = text[:m.start()].split()
        if any(normal(" ".join(words[-k:])) in _LABELS for k in (1, 2, 3) if len(words) >= k):
            return m
    return None


def export_date(f: HRFile) -> Stated | None:
    """The export date a report's title rows state, else None. In order: a cell that
    starts with a label ("Utskriftsdatum 2026-11-30", or the label in one cell and the
    date in the next); a label right before a date inside a title ("Personalrapport IFO,
    uttag 2025-03-31"); else, when the titles hold one date and one only, that date
    (``labelled`` False: the reference line says it was taken from the title)."""
    cells = [(n, j, v) for n, values in f.dialect.titles
             for j, v in enumerate(values) if v]
    for i, (n, j, text) in enumerate(cells):
        label = re.split(r"\d", text, maxsplit=1)[0]
        if normal(label) not in _LABELS:
            continue
        after = cells[i + 1][2] if i + 1 < len(cells) and cells[i + 1][0] == n else ""
        rest = text[len(label):] or after
        shown = " ".join(t for t in (text, after if rest is after else "") if t)
        return Stated(_day(rest), f.dialect.place(n, j + 1), shown[:60])
    for n, j, text in cells:
        m = _labelled_inside(text)
        if m and _day(m.group()):
            cut = max(0, m.end() - 60)
            return Stated(_day(m.group()), f.dialect.place(n, j + 1),
                          ("…" if cut else "") + text[cut:m.end()])
    dated = [(n, j, text, _day(m.group())) for n, j, text in cells
             for m in _ISO.finditer(text) if _day(m.group())]
    if len({d for *_, d in dated}) == 1:
        n, j, text, day = dated[0]
        return Stated(day, f.dialect.place(n, j + 1), text[:60], labelled=False)
    return None
