"""Charts of the published figures as standalone SVG, drawn by a few lines of our own (no plotting library).

Each chart function takes a report dict (``report.build.build_report``) and returns one ``<svg>`` document
that works both as a file for an article and inline in the HTML page. Every string that comes from the
database (skills, functions, roles, seniorities, currencies) passes through ``esc``: characters XML forbids
are removed, whitespace is collapsed and ``& < > " '`` are escaped, so a scraped label is always text, never
markup; such strings are only ever written as element text, never into attributes. Charts are
deterministic: the same report gives the same bytes.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

from report.render import CURRENCY_SYMBOLS, UNKNOWN, count, pct, thousands

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

# Characters XML 1.0 does not allow (C0 controls but tab/newline/CR, DEL, surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(value: object) -> str:
    """Scraped text as one line: XML-invalid characters out, whitespace collapsed; None → "(unknown)"."""
    if value is None:
        return UNKNOWN
    return " ".join(_NOT_XML.sub("", str(value)).split())


def esc(value: object) -> str:
    """Scraped text ready for HTML or SVG element text or a quoted attribute (see ``clean``)."""
    return html.escape(clean(value), quote=True)


def shorten(value: object, limit: int) -> str:
    """``clean`` text cut to ``limit`` characters with an ellipsis (the full text goes in a tooltip)."""
    text = clean(value)
    return text if len(text) <= limit else text[: max(1, limit - 1)].rstrip() + "…"


def money_text(amount: float | None, currency: object) -> str:
    """Annual pay in thousands with its currency, as plain text ("$130K", "CHF 120K"); "–" when missing."""
    if amount is None:
        return "–"
    code = clean(currency)
    symbol = CURRENCY_SYMBOLS.get(code)
    return f"{symbol}{thousands(amount)}" if symbol else f"{code} {thousands(amount)}"


def _num(value: float) -> str:
    """A coordinate: at most one decimal, no trailing zero."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_WIDTH


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


def _heading(canvas: Canvas, titled: bool, subtitle: str) -> float:
    """Title and subtitle at the top of a standalone chart; returns the y where the chart starts."""
    if not titled:
        return 8
    canvas.text(0, 22, canvas.title, size=17, weight=650)
    canvas.text(0, 42, subtitle, size=12.5, fill=MUTED)
    return 62


# --- skill shares -----------------------------------------------------------------------------------------


def skill_rows(report: dict[str, Any], segment: str, kind: str) -> list[dict[str, Any]]:
    return [r for r in report["skill_shares"] if r["segment"] == segment and r["kind"] == kind]


def skill_shares_svg(report: dict[str, Any], *, segment: str = "all", titled: bool = True) -> str:
    """Top skills and skill groups of one segment: share bars with 95% Wilson whiskers and counts."""
    blocks = [
        ("Skills", skill_rows(report, segment, "skill")),
        ("Skill groups", skill_rows(report, segment, "group")),
    ]
    rows = [r for _, block in blocks for r in block]
    n = rows[0]["n"] if rows else 0
    who = "all postings in scope" if segment == "all" else clean(segment)
    canvas = Canvas(
        "skill_shares",
        WIDTH,
        "Skills asked for in job postings",
        f"Share of {who} (n={count(n)}) that ask for each skill or skill group, with 95% Wilson intervals.",
    )
    y = _heading(canvas, titled, f"Share of {who} (n={count(n)}) asking for each · whiskers: 95% interval")
    if not rows:
        canvas.text(0, y + 20, "No skills in scope.", fill=MUTED)
        return canvas.render(y + 36)
    size = 13
    longest = max(len(clean(r["skill"])) for r in rows)
    label_w = min(250.0, max(120.0, longest * size * CHAR_WIDTH + 18))
    limit = int((label_w - 18) / (size * CHAR_WIDTH))
    right = 110.0
    plot_w = WIDTH - label_w - right
    _, top, ticks = nice_range(0, max(max(r["ci_high"] or r["share"] for r in rows), 0.01))
    top = min(top, 1.0)
    ticks = [t for t in ticks if t <= top + 1e-9]

    def x_of(share: float) -> float:
        return label_w + share / top * plot_w

    row_h = 22.0
    height_rows = sum(len(block) * row_h + (28 if block else 0) for _, block in blocks)
    grid_top, grid_bottom = y, y + height_rows
    for tick in ticks:
        canvas.line(x_of(tick), grid_top, x_of(tick), grid_bottom, GRID)
        canvas.text(
            x_of(tick), grid_bottom + 16, pct(tick).replace(".0%", "%"), size=11, anchor="middle", fill=MUTED
        )
    for heading, block in blocks:
        if not block:
            continue
        canvas.text(0, y + 19, heading, size=12, weight=650, fill=MUTED)
        y += 28
        for r in block:
            mid = y + row_h / 2
            full = clean(r["skill"])
            canvas.text(label_w - 10, mid + 4.5, shorten(full, limit), size=size, anchor="end", tooltip=full)
            canvas.rect(label_w, mid - 6, x_of(r["share"]) - label_w, 12, ACCENT)
            if r["ci_low"] is not None and r["ci_high"] is not None:
                lo, hi = x_of(r["ci_low"]), x_of(min(r["ci_high"], top))
                canvas.line(lo, mid, hi, mid, INK, width=1.2)
                canvas.line(lo, mid - 4, lo, mid + 4, INK, width=1.2)
                canvas.line(hi, mid - 4, hi, mid + 4, INK, width=1.2)
            end = x_of(max(r["share"], min(r["ci_high"] or 0, top)))
            tip = (
                f"{full}: {count(r['count'])} of {count(r['n'])} postings, {pct(r['share'])} "
                f"(95% interval {pct(r['ci_low'])} – {pct(r['ci_high'])})"
            )
            canvas.text(
                end + 8, mid + 4.5, pct(r["share"]), weight=650, tooltip=tip,
                more=[(f" · {count(r['count'])}", MUTED)],
            )  # fmt: skip
            y += row_h
    return canvas.render(grid_bottom + 28)


# --- AI by function ---------------------------------------------------------------------------------------

AI_COLUMNS = (("required", "AI required"), ("preferred", "AI preferred"), ("any", "Either"))


def heat_scale(rows: Sequence[dict[str, Any]]) -> float:
    """The share that gets the darkest colour: a round number at or above the largest ``any`` share."""
    largest = max((r["any"] for r in rows), default=0.0)
    return min(1.0, nice_range(0, max(largest, 0.01))[1])


def heat_colors(share: float, top: float) -> tuple[str, str]:
    """(cell fill, text colour) for a share on a 0…top scale."""
    t = share / top if top else 0.0
    return mix(HEAT_LOW, ACCENT, t), ("#ffffff" if t > 0.55 else INK)


def ai_by_function_svg(report: dict[str, Any], *, titled: bool = True) -> str:
    """Function × (required, preferred, either) as a heat grid of shares, with each function's n."""
    rows = report["ai_by_function"]
    size = 13
    longest = max((len(clean(r["function"])) for r in rows), default=10)
    label_w = min(230.0, max(110.0, longest * size * CHAR_WIDTH + 18))
    limit = int((label_w - 18) / (size * CHAR_WIDTH))
    cell_w, cell_h, n_w = 150.0, 30.0, 70.0
    width = label_w + cell_w * len(AI_COLUMNS) + n_w
    top = heat_scale(rows)
    canvas = Canvas(
        "ai_by_function",
        width,
        "AI skills asked for, by function",
        "Share of each function's postings that require AI skills, prefer them, or either; darker is higher.",
    )
    scale = pct(top).replace(".0%", "%")
    y = _heading(
        canvas, titled, f"Share of each function's postings · either = required or preferred · 0–{scale}"
    )
    if not rows:
        canvas.text(0, y + 20, "No postings in scope.", fill=MUTED)
        return canvas.render(y + 36)
    for i, (_, header) in enumerate(AI_COLUMNS):
        canvas.text(
            label_w + cell_w * (i + 0.5), y + 14, header, size=12, anchor="middle", fill=MUTED, weight=600
        )
    canvas.text(width - 8, y + 14, "n", size=12, anchor="end", fill=MUTED, weight=600)
    y += 24
    for r in rows:
        full = clean(r["function"])
        canvas.text(
            label_w - 10, y + cell_h / 2 + 4.5, shorten(full, limit), size=size, anchor="end", tooltip=full
        )
        for i, (key, header) in enumerate(AI_COLUMNS):
            fill, ink = heat_colors(r[key], top)
            x = label_w + cell_w * i
            canvas.rect(x + 1, y + 1, cell_w - 2, cell_h - 2, fill)
            canvas.text(
                x + cell_w / 2, y + cell_h / 2 + 4.5, pct(r[key]), size=12.5, anchor="middle", fill=ink,
                tooltip=f"{full}: {header} {pct(r[key])} of {count(r['n'])} postings",
            )  # fmt: skip
        canvas.text(width - 8, y + cell_h / 2 + 4.5, count(r["n"]), size=12, anchor="end", fill=MUTED)
        y += cell_h
    # legend: five swatches from 0 to the top of the scale
    y += 14
    for i in range(5):
        share = top * i / 4
        fill, _ = heat_colors(share, top)
        x = label_w + i * 64
        canvas.rect(x, y, 22, 12, fill, stroke=GRID)
        canvas.text(x + 27, y + 10, pct(share).replace(".0%", "%"), size=11, fill=MUTED)
    return canvas.render(y + 24)


# --- salary bands -----------------------------------------------------------------------------------------


def seniority_bands(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The by-seniority band rows (role and function null), in report order (currency, then career)."""
    return [r for r in report["salary_bands"] if r["role"] is None and r["function"] is None]


def _by_currency(rows: Iterable[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(r["currency"], []).append(r)
    return list(groups.items())


def salary_bands_svg(report: dict[str, Any], *, titled: bool = True) -> str:
    """Middle half of pay (p25–p75 bar, median tick) per seniority, one panel per currency."""
    panels = _by_currency(seniority_bands(report))
    min_n = report["methodology"]["min_n"]
    canvas = Canvas(
        "salary_bands",
        WIDTH,
        "Pay by seniority",
        "Annual base pay of postings that disclose it: the bar spans the 25th to 75th percentile, the tick "
        f"is the median; one panel per currency; rows under n={min_n} are suppressed.",
    )
    y = _heading(
        canvas,
        titled,
        f"Annualized base pay, disclosed postings · bar: middle half · tick: median · min n={min_n}",
    )
    if not panels:
        canvas.text(0, y + 20, "No disclosed pay in scope.", fill=MUTED)
        return canvas.render(y + 36)
    label_w, right, row_h = 100.0, 250.0, 26.0
    plot_w = WIDTH - label_w - right
    columns = ((label_w + plot_w + 70, "median"), (label_w + plot_w + 185, "middle half"), (WIDTH - 4, "n"))
    for currency, rows in panels:
        shown = [r for r in rows if not r["suppressed"]]
        code = clean(currency)
        canvas.text(0, y + 18, f"{code} · {count(sum(r['n'] for r in rows))} postings", size=13, weight=650)
        if shown:
            for x, header in columns:
                canvas.text(x, y + 18, header, size=11, anchor="end", fill=MUTED, weight=600)
        y += 30
        low = high = 0.0
        ticks: list[float] = []
        if shown:
            low, high, ticks = nice_range(min(r["p25"] for r in shown), max(r["p75"] for r in shown))

        def x_of(amount: float, low: float = low, high: float = high) -> float:
            return label_w + (amount - low) / (high - low) * plot_w

        panel_top = y
        for tick in ticks:
            canvas.line(x_of(tick), panel_top, x_of(tick), panel_top + row_h * len(rows), GRID)
        for r in rows:
            mid = y + row_h / 2
            name = clean(r["seniority"])
            canvas.text(
                label_w - 10, mid + 4.5, shorten(name.capitalize(), 14), size=13, anchor="end", tooltip=name
            )
            if r["suppressed"]:
                canvas.text(
                    label_w, mid + 4.5, f"suppressed (n={count(r['n'])})", size=12, fill=MUTED, italic=True
                )
            else:
                x25, x50, x75 = x_of(r["p25"]), x_of(r["median"]), x_of(r["p75"])
                canvas.rect(x25, mid - 7, max(x75 - x25, 2), 14, ACCENT_LIGHT, stroke=ACCENT)
                canvas.line(x50, mid - 10, x50, mid + 10, INK, width=2.5)
                band = f"{money_text(r['p25'], currency)}–{money_text(r['p75'], currency)}"
                values = (money_text(r["median"], currency), band, count(r["n"]))
                for (x, _), value, weight in zip(columns, values, (650, None, None), strict=True):
                    canvas.text(
                        x, mid + 4.5, value, anchor="end", weight=weight, fill=INK if weight else MUTED
                    )
            y += row_h
        if ticks:
            for tick in ticks:
                canvas.text(
                    x_of(tick), y + 14, money_text(tick, currency), size=11, anchor="middle", fill=MUTED
                )
            y += 22
        y += 14
    return canvas.render(y)


# --- weekly trend -----------------------------------------------------------------------------------------


def _week_label(week: str, previous: str | None) -> str:
    """ "W47", with the year when it is the first label or the year changed ("2026-W47")."""
    if previous is None or previous[:4] != week[:4]:
        return week
    return week[5:]


def _polyline(points: list[tuple[float, float] | None], color: str, *, dash: str = "") -> list[str]:
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


def weekly_svg(report: dict[str, Any], *, titled: bool = True) -> str:
    """Postings per ISO week (bars) above the AI share and disclosure rate (lines)."""
    weeks = report["weekly"]
    canvas = Canvas(
        "weekly",
        WIDTH,
        "Postings per week and AI share",
        "Postings per ISO week (bars), and the share asking for AI skills and the disclosure rate (lines).",
    )
    y = _heading(
        canvas, titled, "ISO week of the posted date (else first seen) · weeks without postings stay empty"
    )
    if not weeks:
        canvas.text(0, y + 20, "No dated postings in scope.", fill=MUTED)
        return canvas.render(y + 36)
    left, right = 56.0, 16.0
    plot_w = WIDTH - left - right
    slot = plot_w / len(weeks)

    def x_of(i: int) -> float:
        return left + slot * (i + 0.5)

    # Panel 1: postings
    canvas.text(0, y + 6, "Postings", size=12, weight=650, fill=MUTED)
    y += 26
    bars_h = 150.0
    _, top, ticks = nice_range(0, max(max(w["postings"] for w in weeks), 1), 4)
    for tick in ticks:
        ty = y + bars_h - tick / top * bars_h
        canvas.line(left, ty, WIDTH - right, ty, GRID)
        canvas.text(left - 8, ty + 4, count(int(tick)), size=11, anchor="end", fill=MUTED)
    for i, w in enumerate(weeks):
        h = w["postings"] / top * bars_h
        canvas.rect(x_of(i) - slot * 0.34, y + bars_h - h, slot * 0.68, h, ACCENT)
        if len(weeks) <= 16 and w["postings"]:
            canvas.text(
                x_of(i), y + bars_h - h - 5, count(w["postings"]), size=11, anchor="middle", fill=MUTED
            )
    y += bars_h + 40
    # Panel 2: rates
    lines_h = 120.0
    canvas.text(0, y + 2, "Share of postings", size=12, weight=650, fill=MUTED)
    legend_x = left + 150
    canvas.line(legend_x, y - 2, legend_x + 22, y - 2, AI_COLOR, width=2)
    canvas.text(legend_x + 28, y + 2, "asking for AI skills", size=12)
    legend_x += 200
    canvas.line(legend_x, y - 2, legend_x + 22, y - 2, MUTED, width=2, dash="5 3")
    canvas.text(legend_x + 28, y + 2, "disclosing salary", size=12)
    y += 24
    highest = max([w["ai_share"] or 0 for w in weeks] + [w["disclosure_rate"] or 0 for w in weeks] + [0.01])
    _, top_rate, rate_ticks = nice_range(0, highest, 4)
    top_rate = min(top_rate, 1.0)
    for tick in (t for t in rate_ticks if t <= top_rate + 1e-9):
        ty = y + lines_h - tick / top_rate * lines_h
        canvas.line(left, ty, WIDTH - right, ty, GRID)
        canvas.text(left - 8, ty + 4, pct(tick).replace(".0%", "%"), size=11, anchor="end", fill=MUTED)

    def points(key: str) -> list[tuple[float, float] | None]:
        return [
            None if w[key] is None else (x_of(i), y + lines_h - w[key] / top_rate * lines_h)
            for i, w in enumerate(weeks)
        ]

    for part in _polyline(points("disclosure_rate"), MUTED, dash="5 3") + _polyline(
        points("ai_share"), AI_COLOR
    ):
        canvas.add(part)
    y += lines_h
    every = max(1, math.ceil(len(weeks) / 10))
    previous: str | None = None
    for i, w in enumerate(weeks):
        if i % every == 0:
            canvas.text(
                x_of(i), y + 16, _week_label(clean(w["week"]), previous), size=11, anchor="middle", fill=MUTED
            )
            previous = clean(w["week"])
    return canvas.render(y + 26)


CHARTS = {
    "skill_shares.svg": skill_shares_svg,
    "ai_by_function.svg": ai_by_function_svg,
    "salary_bands.svg": salary_bands_svg,
    "weekly.svg": weekly_svg,
}
