"""AI premium: how much more AI-skilled postings pay than comparable postings without AI requirements.

Postings are compared within cells of the same function, seniority and currency. In each cell the premium is
the median pay of AI postings (those requiring or preferring AI skills) divided by the median pay of the other
postings, minus one (0.12 = AI postings pay 12% more). Pay is the annualized midpoint of disclosed base pay,
as in the salary bands. A cell is ``used`` only when both sides have at least ``min_n`` postings with
disclosed pay; otherwise its premium is null, and each side's median is published only when that side
reaches ``min_n``. The overall premium is the average of the used cells' premiums weighted by their number
of AI postings (null when no cell is used), with a 95% percentile-bootstrap interval (1,000 seeded
replicates resampling postings within each side of each used cell). Postings of unknown function or
seniority are left out.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from report.figure import Figure, Options, Report
from report.markup import esc, money_text, row, section, table, td
from report.members import premium_id, premium_members
from report.salary_bands import pay_groups
from report.stats import bootstrap_interval, median, median_sampler
from report.text import cell_count, count, md, md_table, money, pct
from store.vocabularies import seniority_rank

BOOTSTRAP_REPS = 1000


def _weighted(premiums: list[tuple[int, float]]) -> float:
    return sum(w * p for w, p in premiums) / sum(w for w, _ in premiums)


def ai_premium(
    db: sqlite_utils.Database, *, min_n: int = 20, currency: str | None = None, seed: int = 0
) -> dict[str, Any]:
    """The premium cells and the overall premium of the materialized scope (see the module docstring)."""
    sides: dict[tuple[str, str, str], dict[bool, list[float]]] = {}
    keys = ("currency", "function", "seniority", "ai != 'none'")
    for (cur, function, seniority, is_ai), values in pay_groups(db, keys, currency=currency):
        sides.setdefault((cur, function, seniority), {})[bool(is_ai)] = values
    cells: list[dict[str, Any]] = []
    used: list[tuple[int, list[float], list[float]]] = []
    for (cur, function, seniority), cell in sides.items():
        ai_pay, other_pay = cell.get(True, []), cell.get(False, [])
        median_ai = median(ai_pay) if len(ai_pay) >= min_n else None
        median_other = median(other_pay) if len(other_pay) >= min_n else None
        premium = median_ai / median_other - 1 if median_ai is not None and median_other is not None else None
        if premium is not None:
            used.append((len(ai_pay), ai_pay, other_pay))
        cells.append(
            {
                "function": function,
                "seniority": seniority,
                "currency": cur,
                "n_ai": len(ai_pay),
                "n_other": len(other_pay),
                "median_ai": None if median_ai is None else round(median_ai, 2),
                "median_other": None if median_other is None else round(median_other, 2),
                "premium": None if premium is None else round(premium, 6),
                "used": premium is not None,
            }
        )
    cells.sort(key=lambda c: (c["function"], seniority_rank(c["seniority"]), c["currency"]))
    overall = ci_low = ci_high = None
    if used:
        overall = _weighted([(w, median(a) / median(o) - 1) for w, a, o in used])
        samplers = [(w, median_sampler(a), median_sampler(o)) for w, a, o in used]

        def replicate(rng: random.Random) -> float:
            return _weighted([(w, draw_ai(rng) / draw_other(rng) - 1) for w, draw_ai, draw_other in samplers])

        low, high = bootstrap_interval(replicate, reps=BOOTSTRAP_REPS, seed=seed)
        overall, ci_low, ci_high = round(overall, 6), round(low, 6), round(high, 6)
    n_used = sum(c["used"] for c in cells)
    return {
        "overall": overall,
        "ci_low": ci_low,
        "ci_high": ci_high,
        "min_n": min_n,
        "cells_used": n_used,
        "cells_dropped": len(cells) - n_used,
        "cells": cells,
    }


def compute(db: sqlite_utils.Database, options: Options) -> dict[str, Any]:
    return ai_premium(db, min_n=options.min_n, currency=options.currency, seed=options.seed)


def rows(report: Report) -> list[dict[str, Any]]:
    """The CSV rows: one per cell (the overall premium is in the methodology table)."""
    return list(report["ai_premium"]["cells"])


# --- renderers ---------------------------------------------------------------------------------------------
# The Markdown lead and the page's headline word the same figure differently; both say n, interval and cells.

TITLE = "AI premium"
LEDE = (
    "Median pay of postings asking for AI skills over the median pay of comparable postings that do not, "
    "within cells of the same function, seniority and currency."
)
CELL_COLUMNS = ("Function", "Seniority", "Currency", "AI median (n)", "Other median (n)", "Premium")


def _interval(premium: dict[str, Any]) -> str:
    return f"{pct(premium['ci_low'], signed=True)} to {pct(premium['ci_high'], signed=True)}"


def _md_lead(premium: dict[str, Any]) -> str:
    min_n, used, dropped = premium["min_n"], premium["cells_used"], premium["cells_dropped"]
    if premium["overall"] is None:
        return (
            "Overall AI premium: not computed — no function × seniority × currency cell has at least "
            f"{min_n} disclosed postings on both sides ({cell_count(dropped)} dropped)."
        )
    return (
        f"Overall AI premium: **{pct(premium['overall'], signed=True)}** (95% bootstrap CI "
        f"{_interval(premium)}), weighted by AI postings over {cell_count(used)} used; {cell_count(dropped)} dropped "
        f"for having fewer than {min_n} disclosed postings on a side."
    )


def _md_side(median: float | None, n: int, currency: str) -> str:
    return f"{money(median, currency)} (n={count(n)})" if median is not None else f"suppressed (n={count(n)})"


def markdown(report: Report) -> list[str]:
    premium = report["ai_premium"]
    table_lines = md_table(
        (*CELL_COLUMNS, "Used"),
        (
            (
                md(c["function"]),
                md(c["seniority"]),
                md(c["currency"]),
                _md_side(c["median_ai"], c["n_ai"], c["currency"]),
                _md_side(c["median_other"], c["n_other"], c["currency"]),
                pct(c["premium"], signed=True) if c["used"] else "–",
                "yes" if c["used"] else "no",
            )
            for c in premium["cells"]
        ),
    )
    return [f"## {TITLE}", "", _md_lead(premium), "", *table_lines]


def _html_headline(premium: dict[str, Any]) -> str:
    min_n, used, dropped = premium["min_n"], premium["cells_used"], premium["cells_dropped"]
    if premium["overall"] is None:
        return (
            "Not computed: no function × seniority × currency cell has at least "
            f"{min_n} disclosed postings on both sides ({count(dropped)} cells dropped)."
        )
    return (
        f"AI postings pay {pct(premium['overall'], signed=True)} (95% bootstrap interval "
        f"{_interval(premium)}) compared with "
        "postings of the same function, seniority and currency, weighted by AI postings over "
        f"{count(used)} cells; {count(dropped)} cells dropped for having fewer than {min_n} disclosed "
        "postings on a side."
    )


def _html_side(median: float | None, n: int, currency: object) -> str:
    return (
        f"{money_text(median, currency)} (n={count(n)})"
        if median is not None
        else f"suppressed (n={count(n)})"
    )


def _html_rows(cells: Iterable[dict[str, Any]], css: str = "") -> list[str]:
    return [
        row(
            [
                td(c["function"]),
                td(c["seniority"]),
                td(c["currency"]),
                td(_html_side(c["median_ai"], c["n_ai"], c["currency"]), num=True),
                td(_html_side(c["median_other"], c["n_other"], c["currency"]), num=True),
                td(pct(c["premium"], signed=True) if c["used"] else "–", num=True),
                td("used" if c["used"] else "dropped"),
            ],
            css=css,
        )
        for c in cells
    ]


def html(report: Report) -> str:
    premium = report["ai_premium"]
    header = (*((name, i > 2) for i, name in enumerate(CELL_COLUMNS)), ("Cell", False))
    used_rows = _html_rows(c for c in premium["cells"] if c["used"])
    dropped_rows = _html_rows((c for c in premium["cells"] if not c["used"]), "dropped")
    parts = [f'<p class="headline">{esc(_html_headline(premium))}</p>']
    if used_rows:
        parts.append(table(header, used_rows))
    if dropped_rows:
        parts.append(
            f"<details><summary>{esc(f'{count(len(dropped_rows))} dropped cells')}</summary>"
            f"{table(header, dropped_rows)}</details>"
        )
    return section("premium", TITLE, LEDE, "".join(parts))


FIGURE = Figure(
    key="ai_premium",
    module=sys.modules[__name__],
    compute=compute,
    markdown=markdown,
    html=html,
    page_rank=5,
    rows=rows,
    row_id=premium_id,
    members=premium_members,
)
