"""The catalogue of words: every metric, parameter name and interface sentence said once,
in Swedish and English. Screens (console, dashboard, brief, app, export) look words up
here by key and never hold their own translation of a thing the catalogue names."""

from .metrics import METRICS, Metric, metric
from .text import LANGS, Text

__all__ = ["LANGS", "METRICS", "Metric", "Text", "metric"]
