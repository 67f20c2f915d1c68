"""Swedish and English words of the what-if app: its sentences, metrics and parameter
descriptions and the levers' short names are the catalogue's
(``model.present.catalogue``)."""

from __future__ import annotations

from ..catalogue import Text, metric
from ..catalogue.parameters import (  # noqa: F401 - the app's units
    SHORT_NAMES,
    STEP_HELP,
    STEP_NAME,
    description,
    unit_label,
)
from ..catalogue.sentences import sentences
from ..dashboard.i18n import LANGS  # noqa: F401 - the app's languages
from .levers import field_info

# the app's sentences (model.present.catalogue.sentences, ``app.*``) by id
T = sentences("app")

# the levers' short names (the catalogue's, by parameter path) and the salary ladder's
# steps; a lever's help is its parameter's description in the schema (``sv`` beside it)
LEVERS = SHORT_NAMES


# the result rows that are metrics take the catalogue's labels
T.update({key: metric(key).label for key in ("turnover_rate", "overdue_share",
                                             "consultant_fte", "vacancy_rate", "exits",
                                             "crisis")})


def tr(key: str, lang: str, **kw) -> str:
    text = T[key][lang]
    return text.format(**kw) if kw else text


def lever_label(key: str, lang: str, step: str | None = None) -> str:
    if key in LEVERS:
        return LEVERS[key][lang]
    return STEP_NAME[lang].format(s=step or "?")


def lever_help(key: str, lang: str, english: str, step: str | None = None,
               path: str | None = None) -> str:
    """A lever's help: its parameter's description in the schema, in English or in
    Swedish (the field's ``sv``); a step of the salary ladder says which step."""
    swedish = (description(field_info(path), "sv") if path and key in LEVERS else None)
    return Text(swedish or STEP_HELP.sv.format(s=step or "?"), english)[lang]
