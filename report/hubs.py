"""Function hubs: one page per job function with what an article about it needs.

For each function in scope (``hubs`` keyed by function; ``slug`` names its page ``hubs/<slug>.html``):
``adoption`` — n and the shares of postings requiring and preferring AI skills, and either (Wilson 95%
interval); ``pay`` — median and middle half of disclosed pay per currency × seniority (suppressed, with its
n, under ``min_n``), as in the salary bands; ``premium_cells`` — the AI premium cells of the function, as in
the AI premium figure; ``top_skills`` and ``ai_skills`` — the ``top`` skills the function's postings ask for,
and those of them the taxonomy flags as AI, with share and Wilson interval; ``trend`` — postings, AI share and
disclosure rate per ISO week (of the posted date, else first seen) from the function's first week to its
last; ``changes`` — the week-over-week changes in AI share and disclosure rate between consecutive weeks
with postings whose 95% Newcombe (hybrid Wilson score) interval excludes zero, newest first. Only those
changes are worded in "what changed"; a week the weekly figure flags as partial is left out of the wording.
A hub's id is ``hubs/<function>``; ``extract explain`` lists its AI postings (required or preferred) over all
its postings. Its pay and premium cells are the salary-band and AI-premium rows of the function
(``salary_bands/USD/function=engineering/senior``, ``ai_premium/engineering/senior/USD``), explained there.
"""

from __future__ import annotations

import hashlib
import math
import sys
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

import sqlite_utils

from report import ai_premium
from report.figure import Figure, Members, Options, Report
from report.markup import esc, row, section, table, td
from report.members import part, share_lists
from report.salary_bands import band, pay_groups
from report.scope import FUNCTIONS_TABLE, SCOPE_TABLE
from report.stats import wilson_interval
from report.text import count, md, md_table, pct
from store.vocabularies import FUNCTIONS, seniority_rank

HUB_DIR = "hubs"
CHANGED_LIMIT = 3
MEASURES = (("ai_share", "AI share"), ("disclosure_rate", "disclosure rate"))

_ADOPTION_SQL = f"""
SELECT function, count(*), sum(ai = 'required'), sum(ai = 'preferred') FROM {SCOPE_TABLE}
WHERE function IS NOT NULL GROUP BY function ORDER BY count(*) DESC, function
"""
# Counted one skill at a time through the (skill, posting_id) index against a narrow (id → function) table,
# as in report.skill_shares: one GROUP BY over every skill row costs about twice as much.
HUB_CELLS = "report_hub_cells"
_CELLS_SQL = (
    f"CREATE TEMP TABLE {HUB_CELLS} (id INTEGER PRIMARY KEY, code INTEGER)",
    f"INSERT INTO {HUB_CELLS} SELECT id, function_code FROM {SCOPE_TABLE} WHERE function IS NOT NULL",
)
_SKILL_SQL = f"""
SELECT c.code, count(DISTINCT ps.posting_id) FROM posting_skills AS ps JOIN {HUB_CELLS} AS c
ON c.id = ps.posting_id WHERE ps.skill = ? {{required}} GROUP BY c.code
"""
# A scope of a small part of the postings (one week of a year) is cheaper to walk from its own postings.
SMALL_SCOPE = 0.25
_SMALL_SCOPE_SQL = f"""
SELECT c.code, ps.skill, count(DISTINCT ps.posting_id) FROM {HUB_CELLS} AS c
JOIN posting_skills AS ps ON ps.posting_id = c.id WHERE 1 {{required}} GROUP BY c.code, ps.skill
"""
_TREND_SQL = f"""
SELECT function, week, count(*), sum(ai != 'none'), sum(disclosed) FROM {SCOPE_TABLE}
WHERE function IS NOT NULL AND week IS NOT NULL GROUP BY function, week ORDER BY function, week
"""


def slug(name: str) -> str:
    """A file name for a function: the function itself when it is one of the vocabulary (letters and
    hyphens), else "function-" and a digest, so scraped text never becomes a file name."""
    if name in FUNCTIONS:
        return name
    return "function-" + hashlib.sha256(name.encode("utf-8", "replace")).hexdigest()[:10]


def _slugs(functions: Iterable[str]) -> dict[str, str]:
    taken: dict[str, str] = {}
    used: set[str] = set()
    for function in functions:
        base = candidate = slug(function)
        i = 2
        while candidate in used:
            candidate, i = f"{base}-{i}", i + 1
        used.add(candidate)
        taken[function] = candidate
    return taken


def _interval(hits: int, n: int) -> dict[str, Any]:
    low, high = wilson_interval(hits, n)
    return {
        "share": round(hits / n, 6) if n else None,
        "ci_low": None if low is None else round(low, 6),
        "ci_high": None if high is None else round(high, 6),
    }


def newcombe(hits1: int, n1: int, hits2: int, n2: int) -> tuple[float, float, float]:
    """Difference p2 − p1 of two independent shares and its 95% Newcombe hybrid score interval."""
    p1, p2 = hits1 / n1, hits2 / n2
    l1, u1 = wilson_interval(hits1, n1)
    l2, u2 = wilson_interval(hits2, n2)
    assert l1 is not None and u1 is not None and l2 is not None and u2 is not None
    d = p2 - p1
    return d, d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2), d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)


def _week_after(week: str) -> str:
    year, number, _ = (
        date.fromisocalendar(int(week[:4]), int(week[6:]), 1) + timedelta(days=7)
    ).isocalendar()
    return f"{year}-W{number:02d}"


def _trend(rows: list[tuple[str, int, int, int]]) -> list[dict[str, Any]]:
    """Every week from the first to the last (at most 520), empty weeks with 0 postings."""
    counts = {week: (n, ai, disclosed) for week, n, ai, disclosed in rows}
    weeks = [rows[0][0]]
    while weeks[-1] < rows[-1][0] and len(weeks) < 520:
        weeks.append(_week_after(weeks[-1]))
    trend = []
    for week in weeks:
        n, ai, disclosed = counts.get(week, (0, 0, 0))
        trend.append({"week": week, "postings": n, "ai": ai, "disclosed": disclosed,
                      "ai_share": round(ai / n, 6) if n else None,
                      "disclosure_rate": round(disclosed / n, 6) if n else None})  # fmt: skip
    return trend


def changes(trend: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Significant week-over-week changes (interval excludes zero) between consecutive weeks, newest first."""
    found = []
    for before, after in pairwise(trend):
        if not (before["postings"] and after["postings"]):
            continue
        for measure, hits in (("ai_share", "ai"), ("disclosure_rate", "disclosed")):
            d, low, high = newcombe(before[hits], before["postings"], after[hits], after["postings"])
            if low > 0 or high < 0:
                found.append({"measure": measure, "from_week": before["week"], "to_week": after["week"],
                              "from": before[measure], "to": after[measure], "change": round(d, 6),
                              "ci_low": round(low, 6), "ci_high": round(high, 6)})  # fmt: skip
    return sorted(found, key=lambda c: c["to_week"], reverse=True)


def _skill_counts(db: sqlite_utils.Database, required: str) -> list[tuple[int, str, int]]:
    """(function code, skill, postings) over the cells table, walked from the cheaper side."""
    in_scope = db.execute(f"SELECT count(*) FROM temp.{HUB_CELLS}").fetchone()[0]
    total = db.execute("SELECT count(*) FROM postings").fetchone()[0]
    if in_scope < SMALL_SCOPE * total:
        return [tuple(r) for r in db.execute(_SMALL_SCOPE_SQL.format(required=required)).fetchall()]
    sql = _SKILL_SQL.format(required=required)
    return [
        (code, skill, hits)
        for (skill,) in db.execute("SELECT DISTINCT skill FROM posting_skills").fetchall()
        for code, hits in db.execute(sql, (skill,)).fetchall()
    ]


def _skills(db: sqlite_utils.Database, options: Options) -> dict[str, list[tuple[str, int, int]]]:
    """function → (skill, is AI, postings asking for it), most asked first."""
    required = "AND ps.preferred = 0" if options.required_only else ""
    db.execute(f"DROP TABLE IF EXISTS temp.{HUB_CELLS}")
    with db.conn:  # commit, so the caller's connection is not left inside a transaction
        for statement in _CELLS_SQL:
            db.execute(statement)
    try:
        counts = _skill_counts(db, required)
    finally:
        db.execute(f"DROP TABLE IF EXISTS temp.{HUB_CELLS}")
    names = dict(db.execute(f"SELECT code, function FROM {FUNCTIONS_TABLE}").fetchall())
    ai = {name: flag for name, flag in db.execute("SELECT name, ai FROM skills").fetchall()}
    skills: dict[str, list[tuple[str, int, int]]] = {}
    for code, skill, hits in counts:
        skills.setdefault(names[code], []).append((skill, int(bool(ai.get(skill))), hits))
    for listed in skills.values():
        listed.sort(key=lambda s: (-s[2], s[0]))
    return skills


def _skill_rows(listed: list[tuple[str, int, int]], n: int, top: int, ai_only: bool) -> list[dict[str, Any]]:
    picked = [s for s in listed if s[1] or not ai_only][:top]
    return [
        {"skill": skill, "ai": bool(is_ai), "count": hits, **_interval(hits, n)}
        for skill, is_ai, hits in picked
    ]


def _pay(db: sqlite_utils.Database, options: Options) -> dict[str, list[dict[str, Any]]]:
    pay: dict[str, list[dict[str, Any]]] = {}
    for (cur, function, seniority), values in pay_groups(
        db, ("currency", "function", "seniority"), currency=options.currency
    ):
        pay.setdefault(function, []).append(
            {"currency": cur, "seniority": seniority, **band(values, options.min_n)}
        )
    for rows in pay.values():
        rows.sort(key=lambda r: (r["currency"], seniority_rank(r["seniority"])))
    return pay  # fmt: skip


def hubs(db: sqlite_utils.Database, options: Options) -> dict[str, dict[str, Any]]:
    """One hub per function of the materialized scope (see the module docstring)."""
    adoption = db.execute(_ADOPTION_SQL).fetchall()
    slugs = _slugs(function for function, *_ in adoption)
    skills, pay = _skills(db, options), _pay(db, options)
    cells = ai_premium.ai_premium(db, min_n=options.min_n, currency=options.currency, seed=options.seed)[
        "cells"
    ]
    trend_rows: dict[str, list[tuple[str, int, int, int]]] = {}
    for function, *rest in db.execute(_TREND_SQL).fetchall():
        trend_rows.setdefault(function, []).append((rest[0], rest[1], rest[2], rest[3]))
    result = {}
    for function, n, required, preferred in adoption:
        trend = _trend(trend_rows[function]) if function in trend_rows else []
        result[function] = {
            "function": function,
            "slug": slugs[function],
            "adoption": {"n": n, "required": round(required / n, 6), "preferred": round(preferred / n, 6),
                         "any": _interval(required + preferred, n)},
            "pay": pay.get(function, []),
            "premium_cells": [c for c in cells if c["function"] == function],
            "top_skills": _skill_rows(skills.get(function, []), n, options.top, ai_only=False),
            "ai_skills": _skill_rows(skills.get(function, []), n, options.top, ai_only=True),
            "trend": trend,
            "changes": changes(trend),
        }  # fmt: skip
    return result


def compute(db: sqlite_utils.Database, options: Options) -> dict[str, dict[str, Any]]:
    return hubs(db, options)


def row_id(hub: dict[str, Any]) -> str:
    return part(hub["function"])


def id_rows(report: Report) -> list[dict[str, Any]]:
    """The hubs themselves carry the ids (the CSV rows copy them)."""
    return list(report["hubs"].values())


def members(db: sqlite_utils.Database, options: Options, hub: dict[str, Any]) -> Members:
    return Members(share_lists(db, "function = ?", [hub["function"]], "ai != 'none'"), ("ai",))


def rows(report: Report) -> list[dict[str, Any]]:
    """The CSV rows: one per function with its adoption (the rest of a hub is in the JSON)."""
    return [
        {**({"id": h["id"]} if "id" in h else {}), "function": h["function"], "slug": h["slug"], "n": h["adoption"]["n"], "required": h["adoption"]["required"],
         "preferred": h["adoption"]["preferred"], "any": h["adoption"]["any"]["share"],
         "significant_changes": len(h["changes"])}
        for h in report["hubs"].values()
    ]  # fmt: skip


# --- words shared by the Markdown and the hub pages -----------------------------------------------------------


def partial_weeks(report: Report) -> set[str]:
    """Weeks the weekly figure flags as partial (none until it flags any)."""
    return {w["week"] for w in report.get("weekly", []) if w.get("partial")}


def what_changed(hub: dict[str, Any], partial: set[str]) -> list[str]:
    """Sentences for the significant changes, newest first (at most ``CHANGED_LIMIT``)."""
    names = dict(MEASURES)
    sentences = []
    for c in hub["changes"]:
        if c["from_week"] in partial or c["to_week"] in partial:
            continue
        verb = "rose" if c["change"] > 0 else "fell"
        name = names[c["measure"]]
        low, high = (pct(c[k], signed=True).removesuffix("%") for k in ("ci_low", "ci_high"))
        sentences.append(
            f"{name[0].upper()}{name[1:]} {verb} from {pct(c['from'])} in {c['from_week']} to "
            f"{pct(c['to'])} in {c['to_week']} ({pct(c['change'], signed=True).removesuffix('%')} points, "
            f"95% CI {low} to {high} points)."
        )
    if not sentences:
        return [
            "No significant week-over-week change in AI share or disclosure rate (every 95% interval includes zero)."
        ]
    return sentences[:CHANGED_LIMIT]


def adoption_text(hub: dict[str, Any]) -> str:
    a = hub["adoption"]
    return (
        f"{count(a['n'])} postings: {pct(a['required'])} require AI skills, {pct(a['preferred'])} prefer them; "
        f"either {pct(a['any']['share'])} (95% CI {pct(a['any']['ci_low'])} – {pct(a['any']['ci_high'])})."
    )


def premium_line(hub: dict[str, Any], money_fn: Any) -> str:
    used = [c for c in hub["premium_cells"] if c["used"]]
    if not used:
        return f"AI premium: no cell has enough disclosed postings on both sides ({count(len(hub['premium_cells']))} cells)."
    parts = [f"{c['seniority']} {c['currency']} {pct(c['premium'], signed=True)} ({money_fn(c['median_ai'], c['currency'])} vs "
             f"{money_fn(c['median_other'], c['currency'])})" for c in used]  # fmt: skip
    return f"AI premium, {len(used)} of {len(hub['premium_cells'])} cells: " + "; ".join(parts) + "."


def _md_hub(hub: dict[str, Any], partial: set[str]) -> list[str]:
    from report.text import money

    pay = md_table(
        ("Seniority", "Currency", "Middle half", "Median", "n"),
        ((md(r["seniority"]), md(r["currency"]),
          f"suppressed (n={count(r['n'])})" if r["suppressed"] else f"{money(r['p25'], r['currency'])} – {money(r['p75'], r['currency'])}",
          money(r["median"], r["currency"]), count(r["n"])) for r in hub["pay"]),
    )  # fmt: skip
    skills = ", ".join(f"{md(s['skill'])} {pct(s['share'])}" for s in hub["top_skills"]) or "none"
    ai_skills = ", ".join(f"{md(s['skill'])} {pct(s['share'])}" for s in hub["ai_skills"]) or "none"
    trend = md_table(
        ("Week", "Postings", "AI share", "Disclosure rate"),
        ((w["week"], count(w["postings"]), pct(w["ai_share"]), pct(w["disclosure_rate"])) for w in hub["trend"]),
    )  # fmt: skip
    return [
        f"### {md(hub['function'])}", "", adoption_text(hub), "", md(premium_line(hub, money)), "",
        f"Top skills: {skills}.", "", f"AI skills: {ai_skills}.", "",
        "What changed: " + " ".join(what_changed(hub, partial)), "",
        *(pay if hub["pay"] else ["No disclosed pay."]), "", *trend,
    ]  # fmt: skip


def markdown(report: Report) -> list[str]:
    partial = partial_weeks(report)
    lines = ["## Function hubs"]
    for hub in report["hubs"].values():
        lines += ["", *_md_hub(hub, partial)]
    return lines


def html(report: Report) -> str:
    """The main page's list of hubs: a link per function with its n and AI share."""
    body = (
        row([f'<td><a href="{HUB_DIR}/{h["slug"]}.html">{esc(h["function"])}</a></td>',
             td(count(h["adoption"]["n"]), num=True), td(pct(h["adoption"]["any"]["share"]), num=True),
             td(len(h["changes"]), num=True)])
        for h in report["hubs"].values()
    )  # fmt: skip
    header = (("Function", False), ("n", True), ("AI share", True), ("Significant changes", True))
    lede = "One page per function: AI adoption, pay by seniority, AI premium cells, top and AI skills, the trend and what changed."
    return section("hubs", "Function hubs", lede, table(header, body))


FIGURE = Figure(
    key="hubs",
    module=sys.modules[__name__],
    compute=compute,
    markdown=markdown,
    html=html,
    page_rank=8,
    rows=rows,
    row_id=row_id,
    members=members,
    id_rows=id_rows,
)
