"""A static chart for print: each option's net cost per year against the base in both
cost views, against its turnover, with 95% intervals in both directions. Inline SVG,
so it prints without JavaScript (the brief's PDF)."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

from .i18n import fmt

WIDTH, HEIGHT = 720, 290
LEFT, RIGHT, TOP, BOTTOM = 70, 150, 12, 42
ECONOMIC, BUDGET, WARNED = "#0072B2", "#E69F00", "#A3260B"


@dataclass
class Point:
    label: str            # the option's rank ("1", "2", ...) or the base's mark
    turnover: float
    t_low: float
    t_high: float
    economic: tuple       # (mean, low, high) net cost per year, SEK
    budget: tuple
    warned: bool = False


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """Round tick values covering [lo, hi]."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return [0.0]
    if hi <= lo:
        lo, hi = lo - 1.0, hi + 1.0
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.floor(lo / step) * step
    ticks = [round(first, 10)]
    while ticks[-1] < hi - 1e-12 * max(1.0, abs(hi)):
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


# the size of a label's text (bold 11 px Arial: digits about 6.7 px wide) and the gap
# kept around it, so two labels never touch ("20" beside "21" must not read "2021")
CHAR_W, LABEL_H, GAP = 7.0, 11.0, 2.5
MARKER_R = 5.0


def label_box(x: float, y: float, text: str) -> tuple[float, float, float, float]:
    """The box (left, top, right, bottom) a label drawn at (x, baseline y) covers, with
    its gap."""
    return (x - GAP, y - LABEL_H - GAP, x + CHAR_W * len(text) + GAP, y + 2 + GAP)


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(anchors: list[tuple[float, float, str]],
                 bounds: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    """Where to draw each label (x, baseline y): the nearest free spot around its marker,
    searched in rings of growing distance, so that no label covers another label or any
    marker and each stays inside ``bounds`` (left, top, right, bottom) where possible."""
    markers = [(cx - MARKER_R, cy - MARKER_R, cx + MARKER_R, cy + MARKER_R)
               for cx, cy, _ in anchors]
    taken: list[tuple] = []
    out = []
    directions = [(1, -1), (1, 1), (-1, -1), (-1, 1), (0, -1), (0, 1), (1, 0), (-1, 0)]
    for cx, cy, text in anchors:
        width = CHAR_W * len(text)
        best = None
        for ring in range(1, 40):
            r = 4 + 7 * ring
            for dx, dy in directions:
                x = cx + dx * r - (width if dx < 0 else width / 2 if dx == 0 else 0)
                y = cy + dy * r + (LABEL_H if dy > 0 else 0) + (LABEL_H / 2 if dy == 0 else 0)
                box = label_box(x, y, text)
                inside = (box[0] >= bounds[0] and box[1] >= bounds[1]
                          and box[2] <= bounds[2] and box[3] <= bounds[3])
                if inside and not any(_overlap(box, o) for o in taken + markers):
                    best = (x, y)
                    break
            if best:
                break
        if best is None:                      # nowhere free: right of the marker
            best = (cx + MARKER_R + 2, cy - 5)
        taken.append(label_box(*best, text))
        out.append(best)
    return out


def _finite(*vals) -> list[float]:
    return [v for v in vals if isinstance(v, (int, float)) and math.isfinite(v)]


def cost_turnover_svg(points: list[Point], lang: str, texts: dict[str, str]) -> str:
    """The chart; ``texts``: x, y (axis titles), economic, budget (legend), warned."""
    xs = _finite(*[v for p in points for v in (p.turnover, p.t_low, p.t_high)])
    ys = _finite(*[v for p in points for c in (p.economic, p.budget) for v in c], 0.0)
    if not xs:
        return ""
    xt = nice_ticks(min(xs), max(xs))
    yt = nice_ticks(min(ys), max(ys))
    x0, x1, y0, y1 = xt[0], xt[-1], yt[0], yt[-1]
    pw, ph = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def X(v):
        return LEFT + (v - x0) / ((x1 - x0) or 1) * pw

    def Y(v):
        return TOP + ph - (v - y0) / ((y1 - y0) or 1) * ph

    out = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" xmlns="http://www.w3.org/2000/svg"'
           ' font-family="Arial,Helvetica,sans-serif" font-size="11" role="img">',
           f'<clipPath id="plot"><rect x="{LEFT}" y="{TOP}" width="{pw}" height="{ph}"/>'
           '</clipPath>']
    for v in xt:
        out.append(f'<line x1="{X(v):.1f}" x2="{X(v):.1f}" y1="{TOP}" y2="{TOP + ph}" '
                   'stroke="#e4e4e4"/>'
                   f'<text x="{X(v):.1f}" y="{TOP + ph + 14}" text-anchor="middle">'
                   f'{html.escape(fmt(v, "pct", lang))}</text>')
    for v in yt:
        out.append(f'<line x1="{LEFT}" x2="{LEFT + pw}" y1="{Y(v):.1f}" y2="{Y(v):.1f}" '
                   f'stroke="{"#888" if v == 0 else "#e4e4e4"}"/>'
                   f'<text x="{LEFT - 5}" y="{Y(v) + 4:.1f}" text-anchor="end">'
                   f'{html.escape(fmt(v, "tkr", lang))}</text>')
    out.append(f'<text x="{LEFT + pw / 2:.1f}" y="{HEIGHT - 6}" text-anchor="middle">'
               f'{html.escape(texts["x"])}</text>'
               f'<text transform="translate(12,{TOP + ph / 2:.1f}) rotate(-90)" '
               f'text-anchor="middle">{html.escape(texts["y"])}</text>')
    out.append('<g clip-path="url(#plot)">')
    anchors = []
    for p in points:
        for (m, lo, hi), colour, square in ((p.budget, BUDGET, True),
                                            (p.economic, ECONOMIC, False)):
            if not _finite(m, p.turnover):
                continue
            cx, cy = X(p.turnover), Y(m)
            if _finite(lo, hi):
                out.append(f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{Y(lo):.1f}" '
                           f'y2="{Y(hi):.1f}" stroke="{colour}" stroke-width="1.2"/>')
            if _finite(p.t_low, p.t_high):
                out.append(f'<line x1="{X(p.t_low):.1f}" x2="{X(p.t_high):.1f}" '
                           f'y1="{cy:.1f}" y2="{cy:.1f}" stroke="{colour}" '
                           'stroke-width="1.2" opacity="0.6"/>')
            edge = WARNED if p.warned else colour
            if square:
                out.append(f'<rect x="{cx - 4:.1f}" y="{cy - 4:.1f}" width="8" height="8" '
                           f'fill="white" stroke="{edge}" stroke-width="1.8"/>')
            else:
                out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4.5" fill="{colour}" '
                           f'stroke="{edge}" stroke-width="{2 if p.warned else 1}"/>')
                anchors.append((cx, cy, p))
    places = place_labels([(cx, cy, p.label) for cx, cy, p in anchors],
                          (LEFT, TOP, LEFT + pw, TOP + ph))
    for (cx, cy, p), (x, y) in zip(anchors, places):
        box = label_box(x, y, p.label)
        near = (min(max(cx, box[0]), box[2]), min(max(cy, box[1]), box[3]))
        if math.dist((cx, cy), near) > MARKER_R + 4:       # far from its marker: a leader
            out.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{near[0]:.1f}" '
                       f'y2="{near[1]:.1f}" stroke="#777" stroke-width="0.6"/>')
        out.append(f'<text class="label" x="{x:.1f}" y="{y:.1f}" font-weight="bold" '
                   f'fill="{WARNED if p.warned else "#111"}">{html.escape(p.label)}</text>')
    out.append("</g>")
    lx = LEFT + pw + 12
    out.append(f'<circle cx="{lx + 5}" cy="{TOP + 10}" r="4.5" fill="{ECONOMIC}"/>'
               f'<text x="{lx + 14}" y="{TOP + 14}">{html.escape(texts["economic"])}</text>'
               f'<rect x="{lx + 1}" y="{TOP + 26}" width="8" height="8" fill="white" '
               f'stroke="{BUDGET}" stroke-width="1.8"/>'
               f'<text x="{lx + 14}" y="{TOP + 34}">{html.escape(texts["budget"])}</text>')
    for k, line in enumerate(texts["note"].split("\n")):
        out.append(f'<text x="{lx}" y="{TOP + 58 + 14 * k}" font-size="10" fill="#444">'
                   f'{html.escape(line)}</text>')
    out.append("</svg>")
    return "".join(out)
