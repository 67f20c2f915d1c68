"""The interface's sentences, one table keyed by id, in Swedish and English: the what-if
app's (``app.*``), the command line's (``cli.*``), the break-even search's result
(``breakeven.*``), the dashboard's (``dashboard.*``, shared with the brief), the committee
brief's (``brief.*``), the conditions of a working-time option (``conditions.*``) and the
decision under uncertainty (``decision.*``); a
module per screen holds its part. Placeholders
in braces (``{n}``) are the same in both languages; ``tests/test_words.py`` checks that,
and that every id a screen asks for is here and every id here is asked for."""

from __future__ import annotations

from ..text import Text
from .app import APP
from .brief import BRIEF
from .cli import CLI
from .dashboard import DASHBOARD
from .decision import DECISION
from .pageone import PAGEONE
from .stress import STRESS

SENTENCES: dict[str, Text] = {**APP, **CLI, **DASHBOARD, **BRIEF, **STRESS, **DECISION,
                              **PAGEONE}


def sentences(prefix: str) -> dict[str, Text]:
    """The sentences of one screen (``app``, ``cli``, ``breakeven``, ``dashboard``,
    ``brief``, ``conditions``) by their id without the prefix."""
    start = prefix + "."
    return {key[len(start):]: text for key, text in SENTENCES.items()
            if key.startswith(start)}
