"""Who the staff of an HR file are, by the vocabulary (``hrvocabulary``): the role a job
title names (who carries cases), the model's reason for an exit written in Swedish or
English, the form of employment, and the lines that say what the import counted and what
it did not.

An exit of a fixed-term employment (Anställningsform Visstid, Vikariat ...) is a
contract's end (``fixed_term_end``) unless its reason is a resignation or a retirement,
as is an exit whose reason says so ("Visstid upphör"); a contract's end is no exit in
the exit-rate targets (the time served counts, the end does not).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .hrtable import lookup, normal
from .hrvocabulary import EMPLOYMENT_FORMS, LEAVE_WORDS, REASONS, TITLE_ENDINGS, TITLE_WORDS

_REASONS = lookup(REASONS)
_FORMS = lookup(EMPLOYMENT_FORMS)
_WORDS = lookup(TITLE_WORDS)
_ENDINGS = sorted(lookup(TITLE_ENDINGS).items(), key=lambda kv: -len(kv[0]))
REASON_WORDS = {"resignation": "resignation", "retirement": "retirement", "other": "other",
                "fixed_term_end": "fixed-term end"}
MAPPED = {"manager": "managers", "team_leader": "team_leaders"}   # role -> unit.<field>
ROLE_WORDS = {"manager": "manager", "team_leader": "team leader",
              "administrator": "administrator", "coordinator": "coordinator",
              "support": "support without own cases"}


def role(title: str) -> str | None:
    """The role a job title names: that of its first word in the vocabulary (whole word
    first, else its longest ending); None when no word is."""
    for word in re.findall(r"[^\W\d_]+", unicodedata.normalize("NFC", title).casefold()):
        if word in _WORDS:
            return _WORDS[word]
        for ending, found in _ENDINGS:
            if word.endswith(ending):
                return found
    return None


def carries_cases(s: dict) -> bool:
    """A case-carrying employee: a caseworker's title, one not in the vocabulary, or none,
    and not a consultant."""
    return s["role"] in (None, "caseworker") and not consultant(s)


def consultant(s: dict) -> bool:
    """An agency worker on a case-carrying post (Anställningsform Konsult, Inhyrd ...):
    not staff of the unit; the post counts, the person counts as a consultant now."""
    return s["role"] in (None, "caseworker") and form(s.get("form", "")) == "consultant"


_LEAVE = {normal(w) for w in LEAVE_WORDS}


def on_leave(s: dict) -> bool:
    """On a whole leave on the reference date (the leave column's value is a leave of
    the vocabulary: Föräldraledig, Tjänstledig ...)."""
    return normal(s.get("leave", "")) in _LEAVE


def leave_lines(current: list[dict]) -> list[str]:
    """Who was left out as on leave, and the leave values not read as one."""
    away = Counter(s["leave"] for s in current if on_leave(s))
    other = Counter(s["leave"] for s in current if s.get("leave") and not on_leave(s))
    lines = []
    if away:
        lines.append(f"On leave on the reference date, left out of the staff list and "
                     f"the posts: {_counted(away)} (a substitute in the file counts in "
                     "their place; a post held open with nobody covering it is a "
                     "vacancy: add it with initial_state.vacant_posts).")
    if other:
        lines.append(f"Leave values not read as a whole leave, the person counted as "
                     f"working: {_counted(other, quote=True)}.")
    return lines


def reason(given: str) -> str | None:
    """The model's reason for an exit reason as written (None: not in the vocabulary)."""
    return _REASONS.get(normal(given))


def form(given: str) -> str | None:
    """``open_ended``, ``fixed_term`` or ``consultant`` for a form of employment as
    written, else None."""
    return _FORMS.get(normal(given))


def exit_reason(given: str, employment: str) -> str:
    """The reason an exit counts as: the vocabulary's, ``other`` for one not in it or
    none, a fixed-term employment's exit a contract's end unless it is a resignation or a
    retirement."""
    found = reason(given) if given else None
    if found in ("resignation", "retirement"):
        return found
    if found == "fixed_term_end" or form(employment) == "fixed_term":
        return "fixed_term_end"
    return "other"


def _n(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _counted(counts: Counter, quote: bool = False, most: int = 12) -> str:
    items = [f"{k!r} ({n})" if quote else f"{k} {n}" for k, n in counts.most_common(most)]
    return ", ".join(items) + (", ..." if len(counts) > most else "")


def _number(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def posts_lines(current: list[dict], ref, has_titles: bool, unit: dict) -> list[str]:
    """What was counted as a case-carrying post on the reference date and what was not,
    and the titles not in the vocabulary."""
    carrying = [s for s in current if carries_cases(s)]
    fte = _number(sum(s["fte"] for s in carrying))
    if not has_titles:
        return [f"Posts: {len(carrying)} staff employed on {ref}, {fte} full-time "
                "equivalents, all counted as case-carrying (no title column such as "
                "Befattning)."]
    by_title = Counter(s["title"] or "(no title)" for s in carrying)
    line = (f"Posts: {len(carrying)} case-carrying staff employed on {ref}, "
            f"{fte} full-time equivalents ({_counted(by_title)})")
    others = [s for s in current if not carries_cases(s)]
    if others:
        parts = []
        for r in ROLE_WORDS:
            titles = Counter(s["title"] for s in others if s["role"] == r)
            if titles:
                to = f" -> unit.{MAPPED[r]} = {unit[MAPPED[r]]}" if r in MAPPED else ""
                parts.append(f"{_counted(titles)} ({ROLE_WORDS[r]}{to})")
        line += "; not counted as posts: " + ", ".join(parts)
    hired = [s for s in current if consultant(s)]
    if hired:
        line += (f"; consultants (agency workers, not staff of the unit): {len(hired)}, "
                 f"their posts counted (unit.posts = {unit['posts']}) and they as "
                 f"consultants now (initial_state.consultants = {len(hired)})")
    lines = [line + "."]
    unknown = Counter(s["title"] for s in carrying if s["title"] and s["role"] is None)
    if unknown:
        lines.append(f"Titles not in the vocabulary, counted as case-carrying: "
                     f"{_counted(unknown, quote=True)} (docs/USER_GUIDE.md, \"The "
                     "vocabulary of HR exports\").")
    return lines


def reason_lines(staff: list[dict], ref) -> list[str]:
    """How the reasons of the exits up to the reference date were read, those not in the
    vocabulary, and the forms of employment not in it."""
    left = [s for s in staff if s["exit"] and s["exit"] <= ref]
    lines = []
    if left:
        read = Counter((s["given"] or "(none)", s["reason"]) for s in left)
        shown = ", ".join(f"{given} -> {REASON_WORDS[r]} ({n})"
                          for (given, r), n in read.most_common(12))
        lines.append(f"Exit reasons: {shown}{', ...' if len(read) > 12 else ''}.")
    unknown = Counter(s["given"] for s in left if s["given"] and reason(s["given"]) is None)
    if unknown:
        lines.append(f"Exit reasons not in the vocabulary, read as other (or as a "
                     f"fixed-term end of a fixed-term employment): "
                     f"{_counted(unknown, quote=True)}.")
    forms = Counter(s["form"] for s in staff if s["form"] and form(s["form"]) is None)
    if forms:
        lines.append(f"Forms of employment not in the vocabulary, read as open-ended: "
                     f"{_counted(forms, quote=True)}.")
    return lines


def target_line(staff: list[dict], start, end) -> str:
    """The exits in the observation window that the exit-rate targets count, and those
    they do not."""
    within = [s for s in staff if s["exit"] and start <= s["exit"] <= end]
    counted = Counter(s["reason"] for s in within
                      if carries_cases(s) and s["reason"] != "fixed_term_end")
    ends = sum(1 for s in within if carries_cases(s) and s["reason"] == "fixed_term_end")
    others = sum(1 for s in within if not carries_cases(s))
    kinds = ", ".join(f"{REASON_WORDS[r]} {n}" for r, n in counted.most_common())
    line = (f"Exit-rate targets, {start} to {end}: {_n(sum(counted.values()), 'exit')} of "
            f"case-carrying staff{f' ({kinds})' if kinds else ''}")
    if ends:
        line += f"; {_n(ends, 'fixed-term contract end')} not counted as exits"
    if others:
        line += f"; {_n(others, 'exit')} of staff without own cases not counted"
    return line + "."


def column_lines(columns, percent: bool) -> list[str]:
    """The columns read, dropped and not used, and how the employment level was read."""
    lines = ["Columns read: " + ", ".join(h if normal(h) == normal(c) else f"{h} ({c})"
                                          for c, h in columns.read.items()) + "."]
    if columns.personal:
        lines.append("Columns of personal data dropped (never read, never written): "
                     + ", ".join(columns.personal) + ".")
    if columns.unused:
        lines.append("Columns not used: " + ", ".join(columns.unused) + ".")
    if percent:
        lines.append(f"Employment level: {columns.read['fte']} read as percentages "
                     "(100 = full time).")
    return lines
