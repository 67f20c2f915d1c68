"""A text in both of the project's languages, looked up by language code."""

from __future__ import annotations

from dataclasses import dataclass

LANGS = ("sv", "en")


@dataclass(frozen=True)
class Text:
    """One thing said in Swedish and in English; ``text["sv"]`` or ``text.get(lang)``."""

    sv: str
    en: str

    def __getitem__(self, lang: str) -> str:
        if lang not in LANGS:
            raise KeyError(lang)
        return getattr(self, lang)

    def get(self, lang: str, default: str | None = None) -> str | None:
        return getattr(self, lang) if lang in LANGS else default

    def format(self, lang: str, **kw) -> str:
        text = self[lang]
        return text.format(**kw) if kw else text
