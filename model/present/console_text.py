"""The command line's words in English and Swedish (``--lang``): its sentences are the
catalogue's (``model.present.catalogue.sentences``). Numbers use the language's
separators (``model.present.catalogue.numbers``) with ordinary spaces, so that columns
line up in a terminal."""

from __future__ import annotations

from .catalogue.numbers import number  # noqa: F401 - a count in the reader's language
from .catalogue.sentences import sentences
from .dashboard.i18n import fmt as _fmt

CLI_LANGS = ("en", "sv")
DEFAULT_LANG = "en"

# the command line's sentences (model.present.catalogue.sentences, ``cli.*``) by id
TEXT = sentences("cli")


def say(key: str, lang: str, **kw) -> str:
    text = TEXT[key][lang]
    return text.format(**kw) if kw else text


def fmt(value, kind: str, lang: str) -> str:
    """A number for the terminal in the language's format (no non-breaking spaces)."""
    return _fmt(value, kind, lang).replace("\u00a0", " ")


def duration(seconds: float, lang: str) -> str:
    """An estimated duration: '45 s', '2 min', '1,5 h' (Swedish) / '1.5 h'."""
    if seconds >= 3600:
        return fmt(seconds / 3600, "num1", lang) + " h"
    return f"{seconds / 60:,.0f} min" if seconds >= 60 else f"{seconds:,.0f} s"


def size(n: float, lang: str) -> str:
    """An amount of memory: '1,1 GiB' (Swedish) / '1.1 GiB', '350 MiB'."""
    if n >= 2**30:
        return fmt(n / 2**30, "num1", lang) + " GiB"
    return fmt(n / 2**20, "whole", lang) + " MiB"
