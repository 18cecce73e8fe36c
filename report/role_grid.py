"""The role grid: every role with its n, AI share, disclosure rate, pay by seniority and AI premium.

One row per role (with its function) of the postings in scope; postings of unknown role or function are left out. Each
row gives ``n``, the share of postings asking for AI skills (required or preferred, under the report's AI
definition) with a Wilson 95% interval, and the disclosure rate; a row with fewer than ``min_n`` postings is
published with its n and ``suppressed`` true, its shares null. ``pay`` lists the median annualized base pay of
disclosed postings per currency × seniority (suppressed, with its n, under ``min_n``). ``premium`` gives, per
currency, the AI premium of the role as in the AI premium figure: within each seniority, the median pay of AI
postings over the others' minus one, used only when both sides have at least ``min_n`` disclosed postings;
the role's premium is the mean of its used cells weighted by their AI postings (null when none is used; no
interval: the overall premium's interval is in the AI premium figure).

The grouping keys are named in ``GRID_KEYS`` and mapped to scope columns in ``DIMENSIONS``: a second
dimension (the SOC major group, the first two digits of an O*NET-SOC code) is one more entry there.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import sqlite_utils

from report.figure import Figure, Options, Report
from report.markup import esc, money_text, row, section, table, td
from report.salary_bands import pay_groups
from report.scope import SCOPE_TABLE
from report.stats import median, wilson_interval
from report.text import count, md, md_table, money, pct
from store.vocabularies import seniority_rank

# Grouping name → scope column expression (constants, never user text).
DIMENSIONS = {"function": "function", "role": "role"}
GRID_KEYS: tuple[str, ...] = ("function", "role")

Key = tuple[Any, ...]


def _columns(keys: Sequence[str]) -> list[str]:
    return [DIMENSIONS[k] for k in keys]


def _counts(db: sqlite_utils.Database, keys: Sequence[str]) -> list[tuple[Key, int, int, int]]:
    cols = ", ".join(_columns(keys))
    not_null = " AND ".join(f"{c} IS NOT NULL" for c in _columns(keys))
    sql = (
        f"SELECT {cols}, count(*), sum(ai != 'none'), sum(disclosed) FROM {SCOPE_TABLE} WHERE {not_null} "
        f"GROUP BY {cols} ORDER BY count(*) DESC, {cols}"
    )
    width = len(keys)
    return [(tuple(r[:width]), r[width], r[width + 1], r[width + 2]) for r in db.execute(sql).fetchall()]


def _share(hits: int, n: int, min_n: int) -> dict[str, Any]:
    if n < min_n:
        return {"share": None, "ci_low": None, "ci_high": None}
    low, high = wilson_interval(hits, n)
    return {"share": round(hits / n, 6), "ci_low": round(low or 0.0, 6), "ci_high": round(high or 0.0, 6)}


def _pay(db: sqlite_utils.Database, keys: Sequence[str], options: Options) -> dict[Key, list[dict[str, Any]]]:
    pay: dict[Key, list[dict[str, Any]]] = {}
    width = len(keys)
    group_keys = ("currency", *_columns(keys), "seniority")
    for key, values in pay_groups(db, group_keys, currency=options.currency):
        n = len(values)
        pay.setdefault(tuple(key[1 : 1 + width]), []).append(
            {
                "currency": key[0],
                "seniority": key[-1],
                "n": n,
                "median": round(median(values), 2) if n >= options.min_n else None,
                "suppressed": n < options.min_n,
            }
        )
    for cells in pay.values():
        cells.sort(key=lambda c: (-sum(x["n"] for x in cells if x["currency"] == c["currency"]),
                                  c["currency"], seniority_rank(c["seniority"])))  # fmt: skip
    return pay


def premium_of(cells: Sequence[tuple[list[float], list[float]]], min_n: int) -> dict[str, Any]:
    """A premium over seniority cells of (AI pay, other pay): used cells, weighted by AI postings."""
    used = [(len(a), median(a) / median(o) - 1) for a, o in cells if len(a) >= min_n and len(o) >= min_n]
    total = sum(w for w, _ in used)
    return {
        "premium": round(sum(w * p for w, p in used) / total, 6) if used else None,
        "cells_used": len(used),
        "cells": len(cells),
        "n_ai": sum(len(a) for a, _ in cells),
        "n_other": sum(len(o) for _, o in cells),
    }


def _premium(
    db: sqlite_utils.Database, keys: Sequence[str], options: Options
) -> dict[Key, list[dict[str, Any]]]:
    sides: dict[tuple[Key, str], dict[str, dict[bool, list[float]]]] = {}
    width = len(keys)
    group_keys = ("currency", *_columns(keys), "seniority", "ai != 'none'")
    for key, values in pay_groups(db, group_keys, currency=options.currency):
        cell = sides.setdefault((tuple(key[1 : 1 + width]), key[0]), {})
        cell.setdefault(key[-2], {})[bool(key[-1])] = values
    premiums: dict[Key, list[dict[str, Any]]] = {}
    for (row_key, currency), by_seniority in sides.items():
        pairs = [(c.get(True, []), c.get(False, [])) for c in by_seniority.values()]
        premiums.setdefault(row_key, []).append({"currency": currency, **premium_of(pairs, options.min_n)})
    return premiums


def role_grid(
    db: sqlite_utils.Database, options: Options, keys: Sequence[str] = GRID_KEYS
) -> list[dict[str, Any]]:
    """One row per combination of ``keys`` in the materialized scope (see the module docstring)."""
    pay = _pay(db, keys, options)
    premium = _premium(db, keys, options)
    rows = []
    for key, n, ai, disclosed in _counts(db, keys):
        ai_share = _share(ai, n, options.min_n)
        rows.append(
            {
                "id": "role_grid/" + "/".join(str(k) for k in key),
                **dict(zip(keys, key, strict=True)),
                "n": n,
                "suppressed": n < options.min_n,
                "ai": ai,
                "ai_share": ai_share["share"],
                "ci_low": ai_share["ci_low"],
                "ci_high": ai_share["ci_high"],
                "disclosed": disclosed,
                "disclosure_rate": _share(disclosed, n, options.min_n)["share"],
                "pay": pay.get(key, []),
                "premium": premium.get(key, []),
            }
        )
    return rows


def compute(db: sqlite_utils.Database, options: Options) -> list[dict[str, Any]]:
    return role_grid(db, options)


def rows(report: Report) -> list[dict[str, Any]]:
    """The CSV rows: the grid rows, pay and premium as JSON text."""
    return list(report["role_grid"])


# --- renderers ---------------------------------------------------------------------------------------------

TITLE = "AI by role"
LEDE = (
    "Every role: its postings, the share asking for AI skills (95% interval), the share disclosing pay, "
    "median pay by seniority and the AI premium where both sides have enough disclosed postings."
)
COLUMNS = ("Function", "Role", "n", "AI share (95% CI)", "Disclosed", "Median pay by seniority", "AI premium")


def ai_text(r: dict[str, Any]) -> str:
    if r["suppressed"]:
        return f"suppressed (n={count(r['n'])})"
    return f"{pct(r['ai_share'])} ({pct(r['ci_low'])} – {pct(r['ci_high'])})"


def pay_text(cells: Sequence[dict[str, Any]], fmt: Any = money) -> str:
    parts = []
    for c in cells:
        value = fmt(c["median"], c["currency"]) if not c["suppressed"] else "suppressed"
        parts.append(f"{c['seniority']} {value} (n={count(c['n'])})")
    return "; ".join(parts) or "no disclosed pay"


def premium_text(cells: Sequence[dict[str, Any]]) -> str:
    parts = [
        f"{c['currency']} {pct(c['premium'], signed=True)} ({c['cells_used']} of {c['cells']} seniorities)"
        for c in cells
        if c["premium"] is not None
    ]
    return "; ".join(parts) or "–"


def markdown(report: Report) -> list[str]:
    grid = report["role_grid"]
    if not grid:
        return [f"## {TITLE}", "", "No postings with a role in scope."]
    body = (
        (md(r["function"]), md(r["role"]), count(r["n"]), ai_text(r),
         "–" if r["suppressed"] else pct(r["disclosure_rate"]), md(pay_text(r["pay"])),
         md(premium_text(r["premium"])))
        for r in grid
    )  # fmt: skip
    return [f"## {TITLE}", "", *md_table(COLUMNS, body)]


def html(report: Report) -> str:
    grid = report["role_grid"]
    header = [(name, name in ("n", "Disclosed")) for name in COLUMNS]
    body = (
        row([td(r["function"]), td(r["role"]), td(count(r["n"]), num=True),
             td(ai_text(r), css="suppressed" if r["suppressed"] else ""),
             td("–" if r["suppressed"] else pct(r["disclosure_rate"]), num=True),
             td(pay_text(r["pay"], money_text), css="pay"), td(premium_text(r["premium"]))])
        for r in grid
    )  # fmt: skip
    content = (
        table(header, body, css="grid") if grid else f"<p>{esc('No postings with a role in scope.')}</p>"
    )
    return section("roles", TITLE, LEDE, content)


FIGURE = Figure(
    key="role_grid",
    module=sys.modules[__name__],
    compute=compute,
    markdown=markdown,
    html=html,
    page_rank=7,
    rows=rows,
)
