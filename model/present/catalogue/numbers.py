"""Numbers as each language writes them: Swedish 1 234 567 kr, 12,5 % and 2,5; English
SEK 1,234,567, 12.5% and 2.5 (hand-written: the screens' pinned outputs use a plain
hyphen-minus, which Babel's Swedish locale data would replace by U+2212)."""

from __future__ import annotations

import math
import re
from decimal import Decimal

from .sentences import SENTENCES

# what a missing number reads as
NA = SENTENCES["dashboard.na"]


def fmt(value, kind: str, lang: str) -> str:
    """A number in the language's format: Swedish 1 234 567 kr and 12,5 %; English
    SEK 1,234,567 and 12.5%."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return NA[lang]
    if kind == "tkr":                                   # thousand SEK: 1 583 tkr / SEK 1,583k
        s = fmt(value / 1000.0, "sek", lang)
        return s.replace("\u00a0kr", "\u00a0tkr") if lang == "sv" else s + "k"
    # a value that rounds to zero is shown as 0, never -0 (e.g. an interval bound -0.0004)
    digits = 1 if kind in ("pct", "pp", "num1") or (
        kind not in ("sek", "whole") and abs(value) < 100) else 0
    if round(100 * value if kind in ("pct", "pp") else value, digits) == 0:
        value = 0.0
    if kind == "pp":
        s = f"{100 * value:+.1f}" if value != 0 else "0.0"
        return s.replace(".", ",") if lang == "sv" else s
    if kind == "pct":
        s = f"{100 * value:.1f}"
        return (s.replace(".", ",") + "\u00a0%") if lang == "sv" else s + "%"
    if kind == "sek":
        s = f"{value:,.0f}"
        return (s.replace(",", "\u00a0") + "\u00a0kr") if lang == "sv" else "SEK " + s
    if kind == "num1":
        s = f"{value:,.1f}"
    elif kind == "whole":
        s = f"{value:,.0f}"
    else:
        s = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}"
    if lang == "sv":
        s = s.replace(",", "\u00a0").replace(".", ",")
    return s


def chance(value, n: int, lang: str, side: str | None = None) -> str:
    """A probability estimated from ``n`` runs or draws, at the precision they support:
    steps of 5 % below 100, of 1 % from 100; never 0 % or 100 %, which no finite sample
    shows ("< 5 %", "> 95 %"). ``side``: the lower (``"low"``) or upper (``"high"``) end
    of an interval, rounded outwards so that the interval shown holds the one computed
    (an upper end of 7,4 % reads 10 %, not 5 %)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)) or n < 1:
        return NA[lang]
    step = 5 if n < 100 else 1
    pct = 100 * float(value)
    if pct > 100 - step / 2:
        text = f"> {100 - step}"
    elif pct < step / 2:
        text = f"< {step}"
    elif side == "high":
        up = step * math.ceil(pct / step - 1e-9)
        text = f"> {100 - step}" if up >= 100 else f"{up:.0f}"
    elif side == "low":
        down = step * math.floor(pct / step + 1e-9)
        text = f"< {step}" if down < step else f"{down:.0f}"
    else:
        text = f"{step * math.floor(pct / step + 0.5):.0f}"   # halves up, not to even
    return text + ("\u00a0%" if lang == "sv" else "%")


RUNS = {"sv": ("körning", "körningar"), "en": ("run", "runs")}


def runs_text(n, lang: str) -> str:
    """'1 körning', '2 körningar' ('1 run', '2 runs')."""
    n = int(n)
    return f"{n} {RUNS[lang][0 if n == 1 else 1]}"


def counted(template: str, n: float) -> str:
    """A count with its noun in the singular or the plural, from a catalogue text
    written 'singular|plural' with ``{n}`` in each ('1 tjänst', '3 tjänster')."""
    one, many = template.split("|")
    return (one if n == 1 else many).format(n=f"{n:g}")


def significant(value, lang: str, digits: int = 3) -> str:
    """A parameter value with ``digits`` significant digits (large ones whole, with
    thousands separated): 0,109 and 1 250 in Swedish, 0.109 and 1,250 in English."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return NA[lang]
    text = f"{value:.{digits}g}" if abs(value) < 1000 else f"{value:,.0f}"
    return text.replace(",", "\u00a0").replace(".", ",") if lang == "sv" else text


def share_percent(value, lang: str, digits: int = 3) -> str:
    """A share as a percentage with ``digits`` significant digits and at most one
    decimal: 0.103 -> '10,3 %' in Swedish, '10.3%' in English; 0.0933 -> '9,3 %'."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return NA[lang]
    pct = float(f"{100.0 * value:.{digits}g}")
    return significant(round(pct, 1), lang, digits) + ("\u00a0%" if lang == "sv" else "%")


def number(value: float, lang: str) -> str:
    """A count or duration: 10.0 -> '10', 2.5 -> '2,5' in Swedish."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "sv" else text


def written(text: str, lang: str, thousands: str = "\u00a0") -> str:
    """A number already written the English way ("1,234.5") as ``lang`` writes it:
    Swedish "1 234,5" (``thousands`` between the groups), English unchanged."""
    if lang == "en":
        return text
    return text.replace(",", thousands).replace(".", ",")


def exact(value: float, lang: str, group: bool = False) -> str:
    """A number with every digit of its shortest form, never in scientific notation
    (a value of a trillion or more is rounded to a whole number), as the reader types it
    into a box: 1,05 / 1.05; ``group``: thousands
    separated (1 000 000 / 1,000,000), for a range shown beside the box."""
    d = Decimal(repr(float(value))).normalize()
    if d.adjusted() >= 12:
        d = Decimal(round(float(value)))
    text = format(d, ",f" if group else "f")
    if text in ("-0", "-0.0"):
        text = "0"
    return written(text, lang)


TYPED_MAX = 40                      # characters of a typed number
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_EN_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")


def typed(text: str, lang: str) -> float | None:
    """The number a reader typed, as their language writes it, or None when it is not
    one: Swedish takes a decimal comma (1,05; a decimal point too), English a decimal
    point with commas only between groups of three (1,050.5); both take spaces between
    the groups (41 000) and a minus sign. Never scientific notation, NaN or infinity."""
    t = str(text).strip()
    if not t or len(t) > TYPED_MAX:
        return None
    t = t.replace("\u2212", "-")
    for space in (" ", "\u00a0", "\u202f", "\u2009"):
        t = t.replace(space, "")
    if lang == "sv":
        t = t.replace(",", ".")
    elif _EN_GROUPED.fullmatch(t):
        t = t.replace(",", "")
    if not _PLAIN.fullmatch(t):
        return None
    return float(t)


def whole_percent(share: float, lang: str) -> str:
    """A share as a whole percentage: 10% / 10 %."""
    return f"{share:.0%}" if lang == "en" else f"{share * 100:.0f} %"


# Plotly's ``separators`` per language: the decimal mark, then the thousands separator
PLOTLY_SEPARATORS = {"sv": ", ", "en": ".,"}

# the months, for dates in words ("29 november 2026")
MONTHS = {"sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                 "september", "oktober", "november", "december"],
          "en": ["January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December"]}


def date_text(stamp, lang: str) -> str:
    """An ISO timestamp as a date in words: '29 november 2026' ('' when unreadable)."""
    from datetime import datetime
    try:
        d = datetime.fromisoformat(str(stamp))
    except ValueError:
        return ""
    return f"{d.day} {MONTHS[lang][d.month - 1]} {d.year}"


def short(value: float, plain_text: str, lang: str) -> str:
    """A year count or a target as typed on the command line: in English as Python
    writes it (10, 0.25), in Swedish ``plain_text`` with the Swedish separators."""
    return f"{value:g}" if lang == "en" else written(plain_text, lang, thousands=" ")
