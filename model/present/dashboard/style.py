"""The look shared by every dashboard chart: one colour, line dash and marker per
scenario, number separators per language and the common layout.

A scenario's style follows its position in the result (``res.scenarios``), so the same
scenario has the same colour in every chart, in the selector and on its card.
"""

from __future__ import annotations

import html

from ..catalogue.numbers import PLOTLY_SEPARATORS

# 30 distinct colours, readable on white: Okabe & Ito (2008) first (colour-blind safe),
# then Paul Tol's "muted" scheme, then darker picks from plotly's Dark24 that differ
# from both. Dashes and markers change only after the palette has been used once, so
# the 30 first scenarios differ by colour alone and later ones also by line and marker.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000",
           "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933",
           "#AA4499", "#CC6677", "#661100", "#FB0D0D", "#DA16FF", "#778AAE", "#B68100",
           "#A777F1", "#A0522D", "#6C7C32", "#888888", "#FC0080", "#1CA71C", "#2E91E5",
           "#862A16", "#511CFB"]
DASHES = ["solid", "dash", "dot", "dashdot"]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "star"]
# Plotly's ``separators`` per language (decimal mark, then thousands separator)
SEPARATORS = PLOTLY_SEPARATORS
LEGEND_BELOW = {"orientation": "h", "x": 0, "xanchor": "left", "y": -0.18,
                "yanchor": "top", "maxheight": 1.0}


def esc(text: str) -> str:
    """Text for Plotly, which renders a few HTML tags: escaped, so it shows as typed."""
    return html.escape(str(text), quote=True)


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def dash(i: int) -> str:
    return DASHES[(i // len(PALETTE)) % len(DASHES)]


def symbol(i: int) -> str:
    return SYMBOLS[(i // len(PALETTE)) % len(SYMBOLS)]


def rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def layout(fig, title: str, lang: str, **kw) -> dict:
    """The common layout (title, language's separators, legend under the plot) and the
    figure as JSON."""
    kw.setdefault("margin", {"t": 70, "l": 70, "r": 20, "b": 50})
    fig.update_layout(title={"text": esc(title)}, separators=SEPARATORS[lang],
                      template="plotly_white", hovermode="closest",
                      legend=dict(LEGEND_BELOW),
                      font={"family": "Arial, Helvetica, sans-serif"}, **kw)
    return fig.to_plotly_json()
