"""Weekly trend: postings, AI share and disclosure rate per ISO week, with honest changes.

A posting belongs to the ISO week (Monday–Sunday, "2026-W47") of the date it was posted when the source
states one, else of the date it was first seen: the same definition ``extract report --week`` uses, so the
report of a week covers exactly the postings counted here. For each week from the first to the last in scope
(weeks without postings included, with 0 postings and null rates, unless that would span more than ten
years): the number of postings, the share asking for AI skills (required or preferred), the disclosure rate,
and the median disclosed pay (``median_pay`` over ``pay_n`` postings, null under ``min_n``) in one currency
(``pay_currency``: the ``--currency`` asked for, else the one with most disclosed postings). A week is
``partial`` (with ``partial_reason``) when it is the current week, not over at the latest crawl, or lies
before the first complete crawl of a board with postings in it (see ``report.periods``).

Each week carries its change from the week before and, with suffix ``_4w``, of its four weeks from the four
before, computed on the panel of boards crawled in both periods (``change_panel_boards``): postings as a
relative change (0.10 = 10% more); the two rates as differences in share (0.02 = two percentage points)
with a Newcombe 95% interval (``…_ci_low``, ``…_ci_high``); the median pay as a difference in currency units
with a seeded bootstrap 95% interval, when both periods have ``min_n`` disclosed postings. Each interval
comes with a verdict: "no significant change" when it spans zero, else "up" or "down". Changes touching a
partial week are null (``change_note`` says why) unless ``--include-partial-weeks`` is given. Undated
postings are left out; a stored date outside 1990-01-01 to 2100-12-31 is unknown (``store.views.sane_day``).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import sqlite_utils

from report import periods
from report.figure import Figure, Options, Report
from report.markup import clean, esc, row, section, table, td
from report.members import week_id, week_members
from report.periods import Board, Counts
from report.scope import SCOPE_TABLE
from report.stats import median
from report.svg import (
    ACCENT,
    ACCENT_LIGHT,
    AI_COLOR,
    GRID,
    MUTED,
    WIDTH,
    Canvas,
    heading,
    nice_range,
    polyline,
)
from report.text import count, md_table, money, pct

MAX_FILLED_WEEKS = 520
FOUR_WEEKS = 4
_SQL = f"""
SELECT week, source, board, count(*), sum(ai != 'none'), sum(disclosed)
FROM {SCOPE_TABLE} WHERE week IS NOT NULL GROUP BY week, source, board
"""
_CURRENCY_SQL = f"""
SELECT currency FROM {SCOPE_TABLE} WHERE pay IS NOT NULL AND currency IS NOT NULL
GROUP BY currency ORDER BY count(*) DESC, currency LIMIT 1
"""
_PAY_SQL = f"""
SELECT week, source, board, pay FROM {SCOPE_TABLE}
WHERE week IS NOT NULL AND pay IS NOT NULL AND currency = ? ORDER BY pay
"""


def _weeks_between(first: str, last: str) -> list[str]:
    """Every ISO week label from ``first`` to ``last`` inclusive."""
    day, end = periods.monday(first), periods.monday(last)
    labels = []
    while day <= end:
        labels.append(periods.label(day))
        day += timedelta(days=7)
    return labels


def _by_week(db: sqlite_utils.Database) -> dict[str, dict[Board, Counts]]:
    """week → board → (postings, asking for AI, disclosing pay) of the materialized scope."""
    by_week: dict[str, dict[Board, Counts]] = {}
    for week, source, board, n, ai, disclosed in db.execute(_SQL).fetchall():
        by_week.setdefault(week, {})[(source, board)] = (n, ai, disclosed)
    return by_week


def _leading_currency(db: sqlite_utils.Database, currency: str | None) -> str | None:
    """The pay currency of the trend: the one asked for, else the one with most disclosed postings."""
    if currency is not None:
        return currency
    found = db.execute(_CURRENCY_SQL).fetchone()
    return found[0] if found else None


def _pays(db: sqlite_utils.Database, currency: str | None) -> dict[str, dict[Board, list[float]]]:
    """week → board → sorted disclosed pay in ``currency`` of the materialized scope."""
    pays: dict[str, dict[Board, list[float]]] = {}
    if currency is not None:
        for week, source, board, pay in db.execute(_PAY_SQL, [currency]).fetchall():
            pays.setdefault(week, {}).setdefault((source, board), []).append(pay)
    return pays


def _week_row(week: str, trend: periods.Trend, currency: str | None) -> dict[str, Any]:
    boards = trend.counts.get(week, {})
    n, ai, disclosed = (sum(c[i] for c in boards.values()) for i in range(3))
    pay = sorted(v for values in trend.pays.get(week, {}).values() for v in values)
    reason = trend.partial[week]
    return {
        "week": week,
        "postings": n,
        "ai_share": round(ai / n, 6) if n else None,
        "disclosure_rate": round(disclosed / n, 6) if n else None,
        "pay_currency": currency,
        "pay_n": len(pay),
        "median_pay": round(median(pay), 2) if pay and len(pay) >= trend.min_n else None,
        "partial": reason is not None,
        "partial_reason": reason,
    }


def weekly(db: sqlite_utils.Database, options: Options | None = None) -> list[dict[str, Any]]:
    """One row per ISO week of the materialized scope, oldest first (see the module docstring)."""
    options = options or Options()
    by_week = _by_week(db)
    if not by_week:
        return []
    weeks = _weeks_between(min(by_week), max(by_week))
    if len(weeks) > MAX_FILLED_WEEKS:  # a stray date decades off must not turn into thousands of empty rows
        weeks = sorted(by_week)
    cal = periods.calendar(db, {board for boards in by_week.values() for board in boards})
    currency = _leading_currency(db, options.currency)
    trend = periods.Trend(
        counts=by_week,
        pays=_pays(db, currency),
        partial={week: cal.partial_reason(week, by_week.get(week, {})) for week in weeks},
        calendar=cal,
        include_partial=options.include_partial,
        min_n=options.min_n,
        seed=options.seed,
    )
    rows = []
    for week in weeks:
        row = _week_row(week, trend, currency)
        for span in (1, FOUR_WEEKS):
            row.update(periods.change(trend, week, span))
        rows.append(row)
    return rows


def compute(db: sqlite_utils.Database, options: Options) -> list[dict[str, Any]]:
    return weekly(db, options)


# --- renderers ---------------------------------------------------------------------------------------------

TITLE = "Weekly trend"
PAGE_TITLE = "Week by week"
LEDE = (
    "Postings per ISO week (of the posted date, else the date first seen), and the share of them asking "
    "for AI skills or disclosing salary. Partial weeks (the current one, or before a board's first complete "
    "crawl) are marked and left out of changes; changes compare the boards crawled in both weeks, with "
    "95% intervals."
)
PARTIAL_MARK = " (partial)"


def points(value: float | None) -> str:
    """A difference of shares in percentage points ("+2.0 pts"); "–" when missing."""
    return "–" if value is None else f"{value * 100:+.1f} pts"


def rate_change(w: dict[str, Any], rate: str, suffix: str = "") -> str:
    """ "+2.0 pts (−1.0 to +5.0), no significant change"; the note when the change is not computed."""
    name = f"{rate}_change{suffix}"
    if w[name] is None:
        return "–"
    interval = f"{points(w[f'{name}_ci_low'])} to {points(w[f'{name}_ci_high'])}"
    return f"{points(w[name])} ({interval}), {w[f'{name}_verdict']}"


def pay_change(w: dict[str, Any], suffix: str = "") -> str:
    """ "+$5K (−$2K to +$12K), no significant change"; "–" when the change is not computed."""
    name = f"median_pay_change{suffix}"
    if w[name] is None:
        return "–"

    def signed(amount: float) -> str:
        return ("+" if amount >= 0 else "-") + money(abs(amount), w["pay_currency"])

    interval = f"{signed(w[f'{name}_ci_low'])} to {signed(w[f'{name}_ci_high'])}"
    return f"{signed(w[name])} ({interval}), {w[f'{name}_verdict']}"


def _cells(w: dict[str, Any]) -> tuple[str, ...]:
    return (
        w["week"] + (PARTIAL_MARK if w["partial"] else ""),
        count(w["postings"]),
        pct(w["postings_change"], signed=True),
        pct(w["ai_share"]),
        rate_change(w, "ai_share"),
        pct(w["disclosure_rate"]),
        rate_change(w, "disclosure_rate"),
        money(w["median_pay"], w["pay_currency"] or ""),
        pay_change(w),
    )


HEADER = ("Week", "Postings", "Change", "AI share", "AI share change (95% CI)", "Disclosure rate",
          "Disclosure change (95% CI)", "Median pay", "Median pay change (95% CI)")  # fmt: skip
_NUMERIC = {1, 2, 3, 5, 7}


def _notes(weeks: list[dict[str, Any]]) -> list[str]:
    """The partial weeks with their reasons, and the latest four-week change."""
    notes = [f"- {w['week']} is partial: {w['partial_reason']}." for w in weeks if w["partial"]]
    latest = next((w for w in reversed(weeks) if w["ai_share_change_4w"] is not None), None)
    if latest:
        notes.append(
            f"- Four weeks to {latest['week']} against the four before ({latest['change_panel_boards_4w']} boards "
            f"crawled in both): AI share {rate_change(latest, 'ai_share', '_4w')}; disclosure "
            f"{rate_change(latest, 'disclosure_rate', '_4w')}; median pay {pay_change(latest, '_4w')}."
        )
    return notes


def markdown(report: Report) -> list[str]:
    if not report["weekly"]:
        return [f"## {TITLE}", "", "No dated postings."]
    notes = _notes(report["weekly"])
    return [
        f"## {TITLE}",
        "",
        *md_table(HEADER, map(_cells, report["weekly"])),
        *(["", *notes] if notes else []),
    ]


def html(report: Report) -> str:
    body = (
        row(
            [td(v, num=i in _NUMERIC) for i, v in enumerate(_cells(w))],
            css="partial" if w["partial"] else "",
        )
        for w in report["weekly"]
    )
    header = tuple((name, i in _NUMERIC) for i, name in enumerate(HEADER))
    summary = "<summary>Postings, AI share and disclosure per week, with changes</summary>"
    notes = "".join(f"<li>{esc(n[2:])}</li>" for n in _notes(report["weekly"]))
    content = f"<details>{summary}{table(header, body)}<ul>{notes}</ul></details>" if report["weekly"] else ""
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
        # a partial week is drawn light with an outline: it is not comparable with the full weeks
        fill, stroke = (ACCENT_LIGHT, ACCENT) if w["partial"] else (ACCENT, "")
        canvas.rect(x_of(i) - slot * 0.34, y + _BARS_H - h, slot * 0.68, h, fill, stroke=stroke)
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
    row_id=week_id,
    members=week_members,
)
