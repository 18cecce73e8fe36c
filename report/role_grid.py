"""The role grid: every role and SOC major group with its n, AI share, disclosure rate, pay and AI premium.

One row per role (with its function) of the postings in scope, then one per SOC major group (the first two
digits of the posting's O*NET-SOC code, ``soc_major``, with the group's name in ``major_group``); ``by``
says which ("role" or "soc_major"). Postings of unknown role or function are left out of the role rows, those
without an occupation out of the group rows. Each row gives ``n``, the share of postings asking for AI skills
(required or preferred, under the report's AI definition) with a Wilson 95% interval, and the disclosure
rate; a row with fewer than ``min_n`` postings is published with its n and ``suppressed`` true, its shares
null. ``pay`` lists the median annualized base pay of disclosed postings per currency × seniority
(suppressed, with its n, under ``min_n``). ``premium`` gives, per currency, the AI premium of the row as in
the AI premium figure: within each seniority, the median pay of AI postings over the others' minus one, used
only when both sides have at least ``min_n`` disclosed postings; the row's premium is the mean of its used
cells weighted by their AI postings (null when none is used; no interval: the overall premium's interval is
in the AI premium figure). ``extract explain`` lists a row's AI postings (numerator) and all its postings
(denominator), each with its pay and seniority, which give its disclosure rate, pay and premium too.

A row's id is its keys: ``role_grid/engineering/ai engineer``, ``role_grid/soc_major=29``. The grouping keys
are mapped to scope columns in ``DIMENSIONS`` and the published grids are ``GRIDS``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import sqlite_utils

from report.figure import Figure, Members, Options, Report
from report.markup import esc, money_text, row, section, table, td
from report.members import part, share_lists
from report.salary_bands import pay_groups
from report.scope import SCOPE_TABLE
from report.stats import median, wilson_interval
from report.text import count, md, md_table, money, pct
from store.vocabularies import seniority_rank, soc_major_name

# Grouping name → scope column expression (constants, never user text).
DIMENSIONS = {"function": "function", "role": "role", "soc_major": "soc_major"}
# The published grids, each by its grouping keys: the roles (with their function), the SOC major groups.
GRIDS: tuple[tuple[str, ...], ...] = (("function", "role"), ("soc_major",))
GRID_KEYS = GRIDS[0]
# Keys a row id names ("soc_major=29"): two digits alone do not say what they are.
NAMED_IN_ID = ("soc_major",)

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
        named = {k: None for k in DIMENSIONS} | dict(zip(keys, key, strict=True))
        rows.append(
            {
                "id": f"role_grid/{row_id(named)}",
                "by": keys[-1],
                **named,
                "major_group": soc_major_name(named["soc_major"]),
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
    return [r for keys in GRIDS for r in role_grid(db, options, keys)]


def _keys_of(r: dict[str, Any]) -> list[str]:
    """A row's grouping keys: the dimensions it has a value for (a grid leaves out postings without one)."""
    return [k for k in DIMENSIONS if r.get(k) is not None]


def row_id(r: dict[str, Any]) -> str:
    return "/".join(f"{k}={part(r[k])}" if k in NAMED_IN_ID else part(r[k]) for k in _keys_of(r))


def members(db: sqlite_utils.Database, options: Options, r: dict[str, Any]) -> Members:
    """The row's AI postings over all its postings, with the pay and seniority behind its other numbers."""
    keys = _keys_of(r)
    where = " AND ".join(f"{DIMENSIONS[k]} = ?" for k in keys)
    evidence = ("ai", "pay", "seniority", *(("occupation",) if "soc_major" in keys else ()))
    return Members(share_lists(db, where, [r[k] for k in keys], "ai != 'none'"), evidence)


def rows(report: Report) -> list[dict[str, Any]]:
    """The CSV rows: the grid rows, pay and premium as JSON text."""
    return list(report["role_grid"])


# --- renderers ---------------------------------------------------------------------------------------------

TITLE = "AI by role"
LEDE = (
    "Every role: its postings, the share asking for AI skills (95% interval), the share disclosing pay, "
    "median pay by seniority and the AI premium where both sides have enough disclosed postings."
)
GROUP_TITLE = "AI by occupation group"
GROUP_LEDE = "The same for every SOC major group (the first two digits of the postings' O*NET-SOC code)."
MEASURE_COLUMNS = ("n", "AI share (95% CI)", "Disclosed", "Median pay by seniority", "AI premium")
# by → the label columns of its table and the row's label cells.
LABELS = {
    "role": (("Function", "Role"), lambda r: (r["function"], r["role"])),
    "soc_major": (
        ("SOC major group",),
        lambda r: (f"{r['soc_major']} {r['major_group'] or '(unknown group)'}",),
    ),
}
COLUMNS = (*LABELS["role"][0], *MEASURE_COLUMNS)


def ai_text(r: dict[str, Any]) -> str:
    if r["suppressed"]:
        return f"suppressed (n={count(r['n'])})"
    return f"{pct(r['ai_share'])} ({pct(r['ci_low'])} – {pct(r['ci_high'])})"


def pay_text(cells: Sequence[dict[str, Any]], fmt: Any = money) -> str:
    parts = []
    for c in cells:  # a suppressed cell has no amount to show its currency, so it names it
        value = fmt(c["median"], c["currency"]) if not c["suppressed"] else f"{c['currency']} suppressed"
        parts.append(f"{c['seniority']} {value} (n={count(c['n'])})")
    return "; ".join(parts) or "no disclosed pay"


def premium_text(cells: Sequence[dict[str, Any]]) -> str:
    parts = [
        f"{c['currency']} {pct(c['premium'], signed=True)} ({c['cells_used']} of {c['cells']} seniorities)"
        for c in cells
        if c["premium"] is not None
    ]
    return "; ".join(parts) or "–"


def _of(report: Report, by: str) -> list[dict[str, Any]]:
    return [r for r in report["role_grid"] if r["by"] == by]


def _md_table(grid: list[dict[str, Any]], by: str) -> list[str]:
    labels, label = LABELS[by]
    body = (
        (*(md(v) for v in label(r)), count(r["n"]), ai_text(r),
         "–" if r["suppressed"] else pct(r["disclosure_rate"]), md(pay_text(r["pay"])),
         md(premium_text(r["premium"])))
        for r in grid
    )  # fmt: skip
    return md_table((*labels, *MEASURE_COLUMNS), body)


def markdown(report: Report) -> list[str]:
    roles, groups = _of(report, "role"), _of(report, "soc_major")
    lines = [
        f"## {TITLE}",
        "",
        *(_md_table(roles, "role") if roles else ["No postings with a role in scope."]),
    ]
    if groups:
        lines += ["", f"### {GROUP_TITLE}", "", GROUP_LEDE, "", *_md_table(groups, "soc_major")]
    return lines


def _html_table(grid: list[dict[str, Any]], by: str) -> str:
    labels, label = LABELS[by]
    header = [(name, name in ("n", "Disclosed")) for name in (*labels, *MEASURE_COLUMNS)]
    body = (
        row([*(td(v) for v in label(r)), td(count(r["n"]), num=True),
             td(ai_text(r), css="suppressed" if r["suppressed"] else ""),
             td("–" if r["suppressed"] else pct(r["disclosure_rate"]), num=True),
             td(pay_text(r["pay"], money_text), css="pay"), td(premium_text(r["premium"]))])
        for r in grid
    )  # fmt: skip
    return table(header, body, css="grid")


def html(report: Report) -> str:
    roles, groups = _of(report, "role"), _of(report, "soc_major")
    content = _html_table(roles, "role") if roles else f"<p>{esc('No postings with a role in scope.')}</p>"
    if groups:
        content += f"<h3>{esc(GROUP_TITLE)}</h3><p>{esc(GROUP_LEDE)}</p>{_html_table(groups, 'soc_major')}"
    return section("roles", TITLE, LEDE, content)


FIGURE = Figure(
    key="role_grid",
    module=sys.modules[__name__],
    compute=compute,
    markdown=markdown,
    html=html,
    page_rank=7,
    rows=rows,
    row_id=row_id,
    members=members,
)
