"""Drawing primitives for the charts of the published figures, a few lines of our own (no plotting library).

Each figure module draws its chart (``chart(report)``) on a ``Canvas``, which returns one ``<svg>`` document
that works both as a file for an article and inline in the HTML page. ``Canvas.text`` passes every string
through ``report.markup.esc``, so a scraped label is always text, never markup; such strings are only ever
written as element text, never into attributes. Charts are deterministic: the same report gives the same
bytes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from report.markup import esc

FONT = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif"
INK = "#1f2328"
MUTED = "#5f6b7a"
GRID = "#e4e7eb"
ACCENT = "#2f5d9e"
ACCENT_LIGHT = "#c9d7ec"
HEAT_LOW = "#f4f7fb"
AI_COLOR = "#c2580c"
WIDTH = 760
CHAR_WIDTH = 0.6  # average glyph width of a sans-serif face, in ems: labels are sized without a renderer


def _num(value: float) -> str:
    """A coordinate: at most one decimal, no trailing zero."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def nice_step(span: float, target: int = 5) -> float:
    """A 1-2-2.5-5 × 10^k step dividing ``span`` into about ``target`` intervals."""
    if span <= 0:
        return 1.0
    raw = span / target
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        if multiple * magnitude >= raw - 1e-12:
            return multiple * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def nice_range(low: float, high: float, target: int = 5) -> tuple[float, float, list[float]]:
    """Axis bounds enclosing [low, high] on round numbers, and the ticks between them."""
    step = nice_step(high - low, target)
    start = round(math.floor(low / step + 1e-9) * step, 10)
    stop = round(math.ceil(high / step - 1e-9) * step, 10)
    if stop <= start:
        stop = start + step
    ticks = [round(start + i * step, 10) for i in range(round((stop - start) / step) + 1)]
    return start, stop, ticks


def mix(low: str, high: str, t: float) -> str:
    """The colour ``t`` (0…1) of the way from ``low`` to ``high`` (#rrggbb)."""
    t = min(1.0, max(0.0, t))
    a = [int(low[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(high[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b, strict=True))


class Canvas:
    """An SVG document built from parts; ``text`` always escapes its content."""

    def __init__(self, name: str, width: float, title: str, description: str) -> None:
        self.name = name
        self.width = width
        self.title = title
        self.description = description
        self.parts: list[str] = []

    def add(self, markup: str) -> None:
        self.parts.append(markup)

    def text(
        self,
        x: float,
        y: float,
        content: object,
        *,
        size: float = 12,
        anchor: str = "start",
        fill: str = INK,
        weight: int | None = None,
        tooltip: object = None,
        italic: bool = False,
        more: Sequence[tuple[object, str]] = (),
    ) -> None:
        """A text element; ``more`` appends (text, colour) runs in normal weight after ``content``."""
        attrs = f'x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}" fill="{fill}"'
        if anchor != "start":
            attrs += f' text-anchor="{anchor}"'
        if italic:
            attrs += ' font-style="italic"'
        tip = f"<title>{esc(tooltip)}</title>" if tooltip is not None else ""
        body = esc(content)
        if weight:
            body = f'<tspan font-weight="{weight}">{body}</tspan>'
        for run, color in more:
            # SVG drops a run's leading space; a no-break space keeps "32.2% · 515" apart
            pad = "\u00a0" if str(run)[:1].isspace() else ""
            body += f'<tspan fill="{color}">{pad}{esc(run)}</tspan>'
        self.add(f"<text {attrs}>{tip}{body}</text>")

    def rect(self, x: float, y: float, width: float, height: float, fill: str, *, stroke: str = "") -> None:
        edge = f' stroke="{stroke}"' if stroke else ""
        self.add(
            f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(max(width, 0))}" height="{_num(height)}" '
            f'fill="{fill}"{edge}/>'
        )

    def line(
        self, x1: float, y1: float, x2: float, y2: float, stroke: str, *, width: float = 1, dash: str = ""
    ) -> None:
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        self.add(
            f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" stroke="{stroke}" '
            f'stroke-width="{_num(width)}"{extra}/>'
        )

    def render(self, height: float) -> str:
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_num(self.width)} {_num(height)}" '
            f'width="{_num(self.width)}" height="{_num(height)}" role="img" '
            f'aria-labelledby="{self.name}-title {self.name}-desc" font-family="{FONT}">'
        )
        meta = (
            f'<title id="{self.name}-title">{esc(self.title)}</title>'
            f'<desc id="{self.name}-desc">{esc(self.description)}</desc>'
            f'<rect width="100%" height="100%" fill="#ffffff"/>'
        )
        return head + meta + "".join(self.parts) + "</svg>\n"


def heading(canvas: Canvas, titled: bool, subtitle: str) -> float:
    """Title and subtitle at the top of a standalone chart; returns the y where the chart starts."""
    if not titled:
        return 8
    canvas.text(0, 22, canvas.title, size=17, weight=650)
    canvas.text(0, 42, subtitle, size=12.5, fill=MUTED)
    return 62


def polyline(points: list[tuple[float, float] | None], color: str, *, dash: str = "") -> list[str]:
    """One polyline per unbroken run of points (None breaks the line), with a dot on every point."""
    parts: list[str] = []
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            runs.append([])
        else:
            runs[-1].append(point)
    for run in runs:
        if len(run) > 1:
            coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in run)
            parts.append(
                f'<polyline points="{coords}" fill="none" stroke="{color}" stroke-width="2"{extra}/>'
            )
        parts.extend(f'<circle cx="{_num(x)}" cy="{_num(y)}" r="3" fill="{color}"/>' for x, y in run)
    return parts
