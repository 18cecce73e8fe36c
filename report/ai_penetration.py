"""AI penetration by function.

For each function, the share of its postings that ask the candidate for AI skills — AI/ML/LLM skills or the
use of AI tools — as a requirement (``required``), only as a nice-to-have (``preferred``), or either
(``any`` = required + preferred), out of all postings of the function in scope (``n``). Shares are fractions
in [0, 1]; the Wilson 95% interval is for ``any``. Postings the extractor has not classified count as not
asking for AI. Postings without a function form a row with ``function`` null. Rows are ordered by n.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import sqlite_utils

from report.figure import Figure, Options, Report
from report.markup import clean, esc, row, section, shorten, table, td
from report.members import ai_function_id, ai_function_members
from report.scope import SCOPE_TABLE
from report.stats import wilson_interval
from report.svg import ACCENT, CHAR_WIDTH, GRID, HEAT_LOW, INK, MUTED, Canvas, heading, mix, nice_range
from report.text import count, md, md_table, pct

_SQL = f"""
SELECT function, count(*), sum(ai = 'required'), sum(ai = 'preferred')
FROM {SCOPE_TABLE}
GROUP BY function
ORDER BY count(*) DESC, function IS NULL, function
"""


def ai_by_function(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """One row per function of the materialized scope (see the module docstring)."""
    rows = []
    for function, n, required, preferred in db.execute(_SQL).fetchall():
        low, high = wilson_interval(required + preferred, n)
        rows.append(
            {
                "function": function,
                "n": n,
                "required": round(required / n, 6),
                "preferred": round(preferred / n, 6),
                "any": round((required + preferred) / n, 6),
                "ci_low": None if low is None else round(low, 6),
                "ci_high": None if high is None else round(high, 6),
            }
        )
    return rows


def compute(db: sqlite_utils.Database, options: Options) -> list[dict[str, Any]]:
    return ai_by_function(db)


# --- renderers ---------------------------------------------------------------------------------------------

TITLE = "AI by function"
PAGE_TITLE = "AI skills by function"
LEDE = (
    "Share of each function's postings that require AI skills (AI/ML/LLM skills or the use of AI tools), "
    "that only prefer them, or either. Darker cells are higher shares."
)
AI_COLUMNS = (("required", "AI required"), ("preferred", "AI preferred"), ("any", "Either"))


def markdown(report: Report) -> list[str]:
    table_lines = md_table(
        ("Function", "AI required", "AI preferred", "AI required or preferred", "95% CI", "n"),
        (
            (
                md(r["function"]),
                pct(r["required"]),
                pct(r["preferred"]),
                pct(r["any"]),
                f"{pct(r['ci_low'])} – {pct(r['ci_high'])}",
                count(r["n"]),
            )
            for r in report["ai_by_function"]
        ),
    )
    return [f"## {TITLE}", "", *table_lines]


def heat_scale(rows: Sequence[dict[str, Any]]) -> float:
    """The share that gets the darkest colour: a round number at or above the largest ``any`` share."""
    largest = max((r["any"] for r in rows), default=0.0)
    return min(1.0, nice_range(0, max(largest, 0.01))[1])


def heat_colors(share: float, top: float) -> tuple[str, str]:
    """(cell fill, text colour) for a share on a 0…top scale."""
    t = share / top if top else 0.0
    return mix(HEAT_LOW, ACCENT, t), ("#ffffff" if t > 0.55 else INK)


def html(report: Report) -> str:
    rows = report["ai_by_function"]
    top = heat_scale(rows)
    body = []
    for r in rows:
        cells = [td(r["function"])]
        for key, _ in AI_COLUMNS:
            fill, ink = heat_colors(r[key], top)
            cells.append(f'<td class="cell" style="background:{fill};color:{ink}">{esc(pct(r[key]))}</td>')
        cells.append(td(f"{pct(r['ci_low'])} – {pct(r['ci_high'])}", num=True))
        cells.append(td(count(r["n"]), num=True))
        body.append(row(cells))
    header = [
        ("Function", False),
        *((h, False) for _, h in AI_COLUMNS),
        ("95% CI, either", True),
        ("n", True),
    ]
    content = table(header, body, css="heat") if rows else "<p>No postings in scope.</p>"
    return section("ai", PAGE_TITLE, f"{LEDE} The colour scale runs from 0 to {pct(top)}.", content)


def chart(report: Report, *, titled: bool = True) -> str:
    """Function × (required, preferred, either) as a heat grid of shares, with each function's n."""
    rows = report["ai_by_function"]
    size = 13
    longest = max((len(clean(r["function"])) for r in rows), default=10)
    label_w = min(230.0, max(110.0, longest * size * CHAR_WIDTH + 18))
    limit = int((label_w - 18) / (size * CHAR_WIDTH) + 1e-6)  # a label that fits is never cut
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
    y = heading(
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


FIGURE = Figure(
    key="ai_by_function",
    module=sys.modules[__name__],
    compute=compute,
    markdown=markdown,
    html=html,
    page_rank=2,
    chart=chart,
    row_id=ai_function_id,
    members=ai_function_members,
)
