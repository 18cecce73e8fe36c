"""Weekly trend: postings, AI share and disclosure rate per ISO week.

A posting belongs to the ISO week (Monday–Sunday, "2026-W47") of the date it was posted when the source
states one, else of the date it was first seen. For each week from the first to the last in scope (weeks
without postings included, with 0 postings and null rates, unless that would span more than ten years): the
number of postings, the share asking for AI skills (required or preferred) and the disclosure rate, each with
its change from the week before: postings as a relative change (0.10 = 10% more), the two rates as
differences in share (0.02 = two percentage points); null for the first week or when the week before has no
postings. Undated postings are left out.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import sqlite_utils

from report.figure import Figure, Options, Report
from report.markup import clean, row, section, table, td
from report.scope import SCOPE_TABLE
from report.svg import ACCENT, AI_COLOR, GRID, MUTED, WIDTH, Canvas, heading, nice_range, polyline
from report.text import count, md_table, pct

MAX_FILLED_WEEKS = 520
_SQL = f"""
SELECT week, count(*), sum(ai != 'none'), sum(disclosed)
FROM {SCOPE_TABLE} WHERE week IS NOT NULL GROUP BY week ORDER BY week
"""


def _label(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _weeks_between(first: str, last: str) -> list[str]:
    """Every ISO week label from ``first`` to ``last`` inclusive."""
    day = date.fromisocalendar(int(first[:4]), int(first[6:]), 1)
    end = date.fromisocalendar(int(last[:4]), int(last[6:]), 1)
    labels = []
    while day <= end:
        labels.append(_label(day))
        day += timedelta(days=7)
    return labels


def _diff(current: float | None, previous: float | None) -> float | None:
    return None if current is None or previous is None else round(current - previous, 6)


def weekly(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """One row per ISO week of the materialized scope, oldest first (see the module docstring)."""
    counts = {week: (n, ai, disclosed) for week, n, ai, disclosed in db.execute(_SQL).fetchall()}
    if not counts:
        return []
    rows: list[dict[str, Any]] = []
    previous: dict[str, Any] | None = None
    weeks = _weeks_between(min(counts), max(counts))
    if len(weeks) > MAX_FILLED_WEEKS:  # a stray date decades off must not turn into thousands of empty rows
        weeks = sorted(counts)
    for week in weeks:
        n, ai, disclosed = counts.get(week, (0, 0, 0))
        row: dict[str, Any] = {
            "week": week,
            "postings": n,
            "ai_share": round(ai / n, 6) if n else None,
            "disclosure_rate": round(disclosed / n, 6) if n else None,
            "postings_change": None,
            "ai_share_change": None,
            "disclosure_rate_change": None,
        }
        if previous is not None and previous["postings"]:
            row["postings_change"] = round(n / previous["postings"] - 1, 6)
            row["ai_share_change"] = _diff(row["ai_share"], previous["ai_share"])
            row["disclosure_rate_change"] = _diff(row["disclosure_rate"], previous["disclosure_rate"])
        rows.append(row)
        previous = row
    return rows


def compute(db: sqlite_utils.Database, options: Options) -> list[dict[str, Any]]:
    return weekly(db)


# --- renderers ---------------------------------------------------------------------------------------------

TITLE = "Weekly trend"
PAGE_TITLE = "Week by week"
LEDE = (
    "Postings per ISO week (of the posted date, else the date first seen), and the share of them asking "
    "for AI skills or disclosing salary. The latest week may still be filling up."
)


def _cells(w: dict[str, Any]) -> tuple[str, str, str, str, str]:
    return (
        w["week"],
        count(w["postings"]),
        pct(w["postings_change"], signed=True),
        pct(w["ai_share"]),
        pct(w["disclosure_rate"]),
    )


def markdown(report: Report) -> list[str]:
    if not report["weekly"]:
        return [f"## {TITLE}", "", "No dated postings."]
    header = ("Week", "Postings", "Change", "AI share", "Disclosure rate")
    return [f"## {TITLE}", "", *md_table(header, map(_cells, report["weekly"]))]


def html(report: Report) -> str:
    body = (row([td(v, num=i > 0) for i, v in enumerate(_cells(w))]) for w in report["weekly"])
    header = (("Week", False), ("Postings", True), ("Change", True), ("AI share", True), ("Disclosure", True))
    summary = "<summary>Postings, AI share and disclosure per week</summary>"
    content = f"<details>{summary}{table(header, body)}</details>" if report["weekly"] else ""
    figure = f"<figure>{chart(report, titled=False)}</figure>"
    return section("weekly", PAGE_TITLE, LEDE, figure + content)


_LEFT, _RIGHT = 56.0, 16.0
_BARS_H, _LINES_H = 150.0, 120.0


def _week_label(week: str, previous: str | None) -> str:
    """ "W47", with the year when it is the first label or the year changed ("2026-W47")."""
    if previous is None or previous[:4] != week[:4]:
        return week
    return week[5:]


def chart(report: Report, *, titled: bool = True) -> str:
    """Postings per ISO week (bars) above the AI share and disclosure rate (lines)."""
    weeks = report["weekly"]
    canvas = Canvas(
        "weekly",
        WIDTH,
        "Postings per week and AI share",
        "Postings per ISO week (bars), and the share asking for AI skills and the disclosure rate (lines).",
    )
    y = heading(
        canvas, titled, "ISO week of the posted date (else first seen) · weeks without postings stay empty"
    )
    if not weeks:
        canvas.text(0, y + 20, "No dated postings in scope.", fill=MUTED)
        return canvas.render(y + 36)
    slot = (WIDTH - _LEFT - _RIGHT) / len(weeks)

    def x_of(i: int) -> float:
        return _LEFT + slot * (i + 0.5)

    y = _postings_panel(canvas, weeks, y, x_of, slot)
    y = _rates_panel(canvas, weeks, y, x_of)
    every = max(1, math.ceil(len(weeks) / 10))
    previous: str | None = None
    for i, w in enumerate(weeks):
        if i % every == 0:
            canvas.text(
                x_of(i), y + 16, _week_label(clean(w["week"]), previous), size=11, anchor="middle", fill=MUTED
            )
            previous = clean(w["week"])
    return canvas.render(y + 26)


def _postings_panel(
    canvas: Canvas, weeks: list[dict[str, Any]], y: float, x_of: Callable[[int], float], slot: float
) -> float:
    """Panel 1: postings per week as bars; returns the height below it."""
    canvas.text(0, y + 6, "Postings", size=12, weight=650, fill=MUTED)
    y += 26
    _, top, ticks = nice_range(0, max(max(w["postings"] for w in weeks), 1), 4)
    for tick in ticks:
        ty = y + _BARS_H - tick / top * _BARS_H
        canvas.line(_LEFT, ty, WIDTH - _RIGHT, ty, GRID)
        canvas.text(_LEFT - 8, ty + 4, count(int(tick)), size=11, anchor="end", fill=MUTED)
    for i, w in enumerate(weeks):
        h = w["postings"] / top * _BARS_H
        canvas.rect(x_of(i) - slot * 0.34, y + _BARS_H - h, slot * 0.68, h, ACCENT)
        if len(weeks) <= 16 and w["postings"]:
            canvas.text(
                x_of(i), y + _BARS_H - h - 5, count(w["postings"]), size=11, anchor="middle", fill=MUTED
            )
    return y + _BARS_H + 40


def _rates_panel(
    canvas: Canvas, weeks: list[dict[str, Any]], y: float, x_of: Callable[[int], float]
) -> float:
    """Panel 2: AI share and disclosure rate per week as lines, with a legend; returns the height below it."""
    canvas.text(0, y + 2, "Share of postings", size=12, weight=650, fill=MUTED)
    legend_x = _LEFT + 150
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
        ty = y + _LINES_H - tick / top_rate * _LINES_H
        canvas.line(_LEFT, ty, WIDTH - _RIGHT, ty, GRID)
        canvas.text(_LEFT - 8, ty + 4, pct(tick).replace(".0%", "%"), size=11, anchor="end", fill=MUTED)

    def points(key: str) -> list[tuple[float, float] | None]:
        return [
            None if w[key] is None else (x_of(i), y + _LINES_H - w[key] / top_rate * _LINES_H)
            for i, w in enumerate(weeks)
        ]

    for part in polyline(points("disclosure_rate"), MUTED, dash="5 3") + polyline(
        points("ai_share"), AI_COLOR
    ):
        canvas.add(part)
    return y + _LINES_H


FIGURE = Figure(
    key="weekly",
    module=sys.modules[__name__],
    compute=compute,
    markdown=markdown,
    html=html,
    page_rank=4,
    chart=chart,
)
