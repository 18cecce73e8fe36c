"""Salary bands: what disclosed postings pay, by seniority, function and role.

A posting's pay is the midpoint of its disclosed salary range, annualized (hourly × 2080, daily × 260,
weekly × 52, monthly × 12), and is base pay: for on-target-earnings postings the base is used. Only postings
that disclose pay count (see the disclosure rate), and currencies are never mixed: every row is one currency,
and postings whose currency is unknown are left out. Each row gives the 25th percentile, median and 75th
percentile of pay (linear interpolation between closest ranks) over its ``n`` postings, for each seniority
alone (``role`` and ``function`` null), each function × seniority (``role`` null) and each role × seniority
(``function`` null), the currency with most postings first. A row with fewer than ``min_n`` postings is published with its n, its figures null and
``suppressed`` true. Postings of unknown seniority, function or role are left out of the rows needing them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import groupby
from typing import Any

import sqlite_utils

from report.figure import Figure, Options, Report
from report.markup import clean, esc, money_text, row, section, shorten, table, td
from report.members import salary_band_id, salary_band_members
from report.scope import SCOPE_TABLE
from report.stats import percentile
from report.svg import ACCENT, ACCENT_LIGHT, GRID, INK, MUTED, WIDTH, Canvas, heading, nice_range
from report.text import count, md, md_table, money
from store.vocabularies import seniority_rank

# Band levels: the scope columns each groups by besides currency and seniority (constants, never user text).
LEVELS: tuple[tuple[str, ...], ...] = ((), ("function",), ("role",))


def pay_groups(
    db: sqlite_utils.Database, keys: Sequence[str], *, currency: str | None = None
) -> Iterator[tuple[tuple[Any, ...], list[float]]]:
    """Sorted disclosed pay of the materialized scope, grouped by ``keys`` (constant column expressions).

    Every group is of one currency (``currency`` first in ``keys`` is the caller's job); rows with a null key
    are left out. SQL sorts, Python only splits the stream into groups.
    """
    not_null = " AND ".join(f"{k} IS NOT NULL" for k in keys)
    sql = f"SELECT {', '.join(keys)}, pay FROM {SCOPE_TABLE} WHERE pay IS NOT NULL AND {not_null}"
    params: list[Any] = []
    if currency is not None:
        sql += " AND currency = ?"
        params.append(currency)
    sql += f" ORDER BY {', '.join(keys)}, pay"
    width = len(keys)
    for key, rows in groupby(db.execute(sql, params), key=lambda row: tuple(row[:width])):
        yield key, [row[width] for row in rows]


def band(values: Sequence[float], min_n: int) -> dict[str, Any]:
    """n, p25, median and p75 of sorted values, or the suppressed form when n < min_n."""
    n = len(values)
    if n < min_n or n == 0:
        return {"n": n, "p25": None, "median": None, "p75": None, "suppressed": True}
    return {
        "n": n,
        "p25": round(percentile(values, 0.25), 2),
        "median": round(percentile(values, 0.5), 2),
        "p75": round(percentile(values, 0.75), 2),
        "suppressed": False,
    }


def salary_bands(
    db: sqlite_utils.Database, *, min_n: int = 20, currency: str | None = None
) -> list[dict[str, Any]]:
    """Band rows of the materialized scope: by seniority, function × seniority, role × seniority."""
    # The currency with the most disclosed postings first (usually the headline one), then by code.
    totals = db.execute(
        f"SELECT currency FROM {SCOPE_TABLE} WHERE pay IS NOT NULL AND currency IS NOT NULL "
        "GROUP BY currency ORDER BY count(*) DESC, currency"
    ).fetchall()
    currency_rank = {code: rank for rank, (code,) in enumerate(totals)}
    rows: list[dict[str, Any]] = []
    for level in LEVELS:
        level_rows = []
        for key, values in pay_groups(db, ("currency", *level, "seniority"), currency=currency):
            named = dict(zip(("currency", *level, "seniority"), key, strict=True))
            level_rows.append(
                {
                    "role": named.get("role"),
                    "function": named.get("function"),
                    "seniority": named["seniority"],
                    "currency": named["currency"],
                    **band(values, min_n),
                }
            )
        level_rows.sort(
            key=lambda r: (
                currency_rank[r["currency"]],
                r["function"] or "",
                r["role"] or "",
                seniority_rank(r["seniority"]),
            )
        )
        rows.extend(level_rows)
    return rows


def compute(db: sqlite_utils.Database, options: Options) -> list[dict[str, Any]]:
    return salary_bands(db, min_n=options.min_n, currency=options.currency)


# --- renderers ---------------------------------------------------------------------------------------------

TITLE = "Pay by seniority"
ROLE_TITLE = "Pay by role and seniority"
LEDE = (
    "Annual base pay of postings that disclose it: the bar spans the middle half (25th to 75th "
    "percentile) and the tick marks the median. Each currency is its own panel; a seniority with too "
    "few postings is shown as suppressed with its n."
)
BAND_COLUMNS = ("Currency", "Middle half (p25 – p75)", "Median", "n")


def seniority_bands(report: Report) -> list[dict[str, Any]]:
    """The by-seniority band rows (role and function null), in report order (currency, then career)."""
    return [r for r in report["salary_bands"] if r["role"] is None and r["function"] is None]


def _md_band(r: dict[str, Any]) -> tuple[str, str]:
    if r["suppressed"]:
        return f"suppressed (n={count(r['n'])})", "–"
    band = f"{money(r['p25'], r['currency'])} – {money(r['p75'], r['currency'])}"
    return band, money(r["median"], r["currency"])


def _md_table(rows: list[dict[str, Any]], level: str) -> list[str]:
    if level == "seniority":
        header: tuple[str, ...] = ("Seniority", *BAND_COLUMNS)
    else:
        header = (level.capitalize(), "Seniority", *BAND_COLUMNS)
    body = []
    for r in rows:
        keys = (
            [md(r["seniority"]).capitalize()] if level == "seniority" else [md(r[level]), md(r["seniority"])]
        )
        body.append((*keys, md(r["currency"]), *_md_band(r), f"n={count(r['n'])}"))
    return md_table(header, body) if body else ["No disclosed pay in scope."]


def markdown(report: Report) -> list[str]:
    by_role = [r for r in report["salary_bands"] if r["role"] is not None]
    return [
        f"## {TITLE}",
        "",
        *_md_table(seniority_bands(report), "seniority"),
        "",
        f"## {ROLE_TITLE}",
        "",
        *_md_table(by_role, "role"),
    ]


def _html_band(r: dict[str, Any]) -> list[str]:
    if r["suppressed"]:
        return [f'<td class="suppressed" colspan="2">suppressed (n={esc(count(r["n"]))})</td>']
    band = f"{money_text(r['p25'], r['currency'])} – {money_text(r['p75'], r['currency'])}"
    return [td(band, num=True), td(money_text(r["median"], r["currency"]), num=True)]


def _html_table(rows: Sequence[dict[str, Any]], level: str) -> str:
    body = (
        row(
            [td(r[level]), td(r["seniority"]), td(r["currency"]), *_html_band(r), td(count(r["n"]), num=True)]
        )
        for r in rows
    )
    header = (
        (level.capitalize(), False),
        ("Seniority", False),
        *((name, i > 0) for i, name in enumerate(BAND_COLUMNS)),
    )
    return table(header, body)


def html(report: Report) -> str:
    more = []
    for level, title in (("function", "Pay by function and seniority"), ("role", ROLE_TITLE)):
        rows = [r for r in report["salary_bands"] if r[level] is not None]
        if rows:
            more.append(f"<details><summary>{esc(title)}</summary>{_html_table(rows, level)}</details>")
    figure = f"<figure>{chart(report, titled=False)}</figure>"
    return section("pay", TITLE, LEDE, figure + "".join(more))


# Chart geometry: label column, value columns on the right, row height.
_LABEL_W, _RIGHT, _ROW_H = 100.0, 250.0, 26.0
_PLOT_W = WIDTH - _LABEL_W - _RIGHT
_COLUMNS = ((_LABEL_W + _PLOT_W + 70, "median"), (_LABEL_W + _PLOT_W + 185, "middle half"), (WIDTH - 4, "n"))


def _by_currency(rows: Iterable[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(r["currency"], []).append(r)
    return list(groups.items())


def chart(report: Report, *, titled: bool = True) -> str:
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
    y = heading(
        canvas,
        titled,
        f"Annualized base pay, disclosed postings · bar: middle half · tick: median · min n={min_n}",
    )
    if not panels:
        canvas.text(0, y + 20, "No disclosed pay in scope.", fill=MUTED)
        return canvas.render(y + 36)
    for currency, rows in panels:
        y = _panel(canvas, currency, rows, y)
    return canvas.render(y)


def _panel(canvas: Canvas, currency: str, rows: list[dict[str, Any]], y: float) -> float:
    """One currency's panel from height ``y``; returns the height below it."""
    shown = [r for r in rows if not r["suppressed"]]
    canvas.text(
        0, y + 18, f"{clean(currency)} · {count(sum(r['n'] for r in rows))} postings", size=13, weight=650
    )
    if shown:
        for x, header in _COLUMNS:
            canvas.text(x, y + 18, header, size=11, anchor="end", fill=MUTED, weight=600)
    y += 30
    low = high = 0.0
    ticks: list[float] = []
    if shown:
        low, high, ticks = nice_range(min(r["p25"] for r in shown), max(r["p75"] for r in shown))

    def x_of(amount: float) -> float:
        return _LABEL_W + (amount - low) / (high - low) * _PLOT_W

    for tick in ticks:
        canvas.line(x_of(tick), y, x_of(tick), y + _ROW_H * len(rows), GRID)
    for r in rows:
        _band_row(canvas, r, y + _ROW_H / 2, x_of, currency)
        y += _ROW_H
    if ticks:
        for tick in ticks:
            canvas.text(x_of(tick), y + 14, money_text(tick, currency), size=11, anchor="middle", fill=MUTED)
        y += 22
    return y + 14


def _band_row(
    canvas: Canvas, r: dict[str, Any], mid: float, x_of: Callable[[float], float], currency: str
) -> None:
    """One seniority's label and band (or its suppressed note) at height ``mid``."""
    name = clean(r["seniority"])
    canvas.text(_LABEL_W - 10, mid + 4.5, shorten(name.capitalize(), 14), size=13, anchor="end", tooltip=name)
    if r["suppressed"]:
        canvas.text(_LABEL_W, mid + 4.5, f"suppressed (n={count(r['n'])})", size=12, fill=MUTED, italic=True)
        return
    x25, x50, x75 = x_of(r["p25"]), x_of(r["median"]), x_of(r["p75"])
    canvas.rect(x25, mid - 7, max(x75 - x25, 2), 14, ACCENT_LIGHT, stroke=ACCENT)
    canvas.line(x50, mid - 10, x50, mid + 10, INK, width=2.5)
    band = f"{money_text(r['p25'], currency)}–{money_text(r['p75'], currency)}"
    values = (money_text(r["median"], currency), band, count(r["n"]))
    for (x, _), value, weight in zip(_COLUMNS, values, (650, None, None), strict=True):
        canvas.text(x, mid + 4.5, value, anchor="end", weight=weight, fill=INK if weight else MUTED)


FIGURE = Figure(
    key="salary_bands",
    module=sys.modules[__name__],
    compute=compute,
    markdown=markdown,
    html=html,
    page_rank=3,
    chart=chart,
    row_id=salary_band_id,
    members=salary_band_members,
)
