"""Salary disclosure rate.

A posting discloses pay when it states a salary (an annualized minimum is known) that the source does not
mark as an estimate; employer-side estimates, such as a board's "estimated salary", never count, nor does pay
the employer sent but marked not to be shown (``salary_withheld``). The rate is
disclosed postings over all postings in scope, overall (``by`` "all", ``key`` null) and by function, by source
(the job board or ATS the posting came from) and by industry (of the employer, from the sources file); a null
key gathers postings whose function or industry is unknown. Rates are fractions in [0, 1].
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from report.figure import Figure, Options, Report
from report.markup import esc, row, section, table, td
from report.members import disclosure_id, disclosure_members
from report.scope import SCOPE_TABLE
from report.text import count, md, md_table, pct

# Dimension name → scope column; names and columns are constants, never user text.
DIMENSIONS = {"function": "function", "source": "source", "industry": "industry"}


def _row(by: str, key: str | None, n: int, disclosed: int) -> dict[str, Any]:
    return {"by": by, "key": key, "n": n, "disclosed": disclosed, "rate": round(disclosed / n, 6)}


def disclosure(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Disclosure rows of the materialized scope: the overall row first, then each dimension by n."""
    n, disclosed = db.execute(f"SELECT count(*), coalesce(sum(disclosed), 0) FROM {SCOPE_TABLE}").fetchone()
    rows = [_row("all", None, n, disclosed)] if n else []
    for by, column in DIMENSIONS.items():
        sql = (
            f"SELECT {column}, count(*), sum(disclosed) FROM {SCOPE_TABLE} GROUP BY {column} "
            f"ORDER BY count(*) DESC, {column} IS NULL, {column}"
        )
        rows.extend(_row(by, key, n, disclosed) for key, n, disclosed in db.execute(sql).fetchall())
    return rows


def compute(db: sqlite_utils.Database, options: Options) -> list[dict[str, Any]]:
    return disclosure(db)


# --- renderers ---------------------------------------------------------------------------------------------

TITLE = "Salary disclosure"
LEDE = "Share of postings that state pay; estimates shown by a job board do not count."


def markdown(report: Report) -> list[str]:
    table_lines = md_table(
        ("By", "Key", "Disclosed", "Rate", "n"),
        (
            (
                r["by"],
                "all postings" if r["by"] == "all" else md(r["key"]),
                count(r["disclosed"]),
                pct(r["rate"]),
                count(r["n"]),
            )
            for r in report["disclosure"]
        ),
    )
    return [f"## {TITLE}", "", *table_lines]


def _html_table(rows: Iterable[dict[str, Any]], label: str) -> str:
    body = (
        row(
            [
                td(r["key"]),
                td(count(r["disclosed"]), num=True),
                td(pct(r["rate"]), num=True),
                td(count(r["n"]), num=True),
            ]
        )
        for r in rows
    )
    return table(((label, False), ("Disclosed", True), ("Rate", True), ("n", True)), body)


def html(report: Report) -> str:
    rows = report["disclosure"]
    overall = next((r for r in rows if r["by"] == "all"), None)
    lede = LEDE
    if overall:
        disclosed, n = count(overall["disclosed"]), count(overall["n"])
        lede += f" Overall {pct(overall['rate'])}: {disclosed} of {n} postings."
    more = "".join(
        f"<details><summary>{esc(f'By {by}')}</summary>{_html_table(picked, by.capitalize())}</details>"
        for by in ("function", "industry")
        if (picked := [r for r in rows if r["by"] == by])
    )
    by_source = [r for r in rows if r["by"] == "source"]
    content = _html_table(by_source, "Source") if by_source else ""
    return section("disclosure", TITLE, lede, content + more)


FIGURE = Figure(
    key="disclosure",
    module=sys.modules[__name__],
    compute=compute,
    markdown=markdown,
    html=html,
    page_rank=6,
    row_id=disclosure_id,
    members=disclosure_members,
)
