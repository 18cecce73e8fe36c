"""Explain a published number: the postings behind any row of any figure, with the evidence for each.

Every row of every figure carries an ``id`` (``report.build``). ``explain`` resolves it in the same scope and
options as the report, asks the figure for the row's postings (``Figure.members``, ``report.members``) and
returns them with what put each there:

* a share: ``{"id", "definition", "n", "numerator": [...], "denominator": [...]}``, n the denominator's size;
* a median or a band (and a week of the trend): ``{"id", "definition", "n", "postings": [...]}``;
* an AI premium cell (or the overall premium): ``{"id", "definition", "n", "ai": [...], "other": [...]}``.

Each posting has ``id``, ``source``, ``source_id``, ``title``, ``company``, ``url`` and ``evidence``: the skill
surfaces and character offsets (``posting_skills``), the pay fields with ``salary_source`` (the field or
text the pay came from) and ``salary_note``, the seniority level, the AI level with the AI skills named,
the week with the date it rests on, and the industry or the occupation (O*NET-SOC code and title, SOC major
group) when the row is a stratum or a group of them. The extractor does not store the phrase that decided
the seniority or the AI level: ``evidence.not_stored`` names what is missing rather than inventing it.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import sqlite_utils

from report.build import materialized, report_inputs, stamp_ids
from report.figure import Figure, Members
from report.registry import FIGURES
from report.render import _csv_safe
from report.scope import SCOPE_TABLE
from report.text import inert
from store.views import sane_day
from store.vocabularies import soc_major_name

_POSTINGS_SQL = f"""
SELECT p.id, p.source, p.source_id, p.title, p.company, p.url, p.posted, p.first_seen,
       {sane_day("p.posted")} AS posted_day, s.week, s.ai, p.industry, p.soc_code, p.soc_title, s.soc_major,
       s.llm_focused, s.seniority, s.disclosed, s.pay, s.currency, p.salary_min, p.salary_max,
       p.salary_currency, p.salary_period, p.salary_kind, p.salary_source, p.salary_note,
       p.salary_estimated, p.salary_withheld
FROM temp.{SCOPE_TABLE} AS s JOIN postings AS p ON p.id = s.id
WHERE s.id IN (SELECT value FROM json_each(?))
ORDER BY p.id
"""
_SKILLS_SQL = """
SELECT ps.posting_id, ps.skill, ps.surface, ps.start, ps."end", ps.preferred, ps.section
FROM posting_skills AS ps
WHERE ps.posting_id IN (SELECT value FROM json_each(?)) AND {which}
ORDER BY ps.posting_id, ps.start, ps.skill
"""
_NAMED = "ps.skill IN (SELECT value FROM json_each(?))"
_AI_SKILLS = "ps.skill IN (SELECT name FROM skills WHERE ai = 1)"
# What the extractor keeps no trace of, by evidence kind.
NOT_STORED = {
    "seniority": "seniority_cue (the title or text phrase that decided the seniority)",
    "ai": "ai_cue (the sentence that decided the AI level; only the AI skills named are stored)",
}
ExplainedRow = tuple[Figure, dict[str, Any], dict[str, int], dict[str, list[dict[str, Any]]]]
LIST_ORDER = ("numerator", "denominator", "postings", "ai", "other")


def figure_of(figure_id: str) -> Figure:
    key = figure_id.partition("/")[0]
    for figure in FIGURES:
        if figure.key == key:
            if figure.members is None:
                raise ValueError(f"figure {key!r} does not declare its members")
            return figure
    raise ValueError(f"no figure {key!r}; figures: {', '.join(f.key for f in FIGURES)}")


def rows_of(figure: Figure, report: dict[str, Any]) -> list[dict[str, Any]]:
    """Every row of a figure that has an id (``Figure.rows_with_ids``)."""
    return [row for row in figure.rows_with_ids(report) if "id" in row]


def _skills(
    db: sqlite_utils.Database, ids: str, which: str, params: list[Any]
) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for posting_id, skill, surface, start, end, preferred, section in db.execute(
        _SKILLS_SQL.format(which=which), [ids, *params]
    ).fetchall():
        found[posting_id].append(
            {"skill": skill, "surface": surface, "start": start, "end": end, "preferred": bool(preferred),
             "section": section}
        )  # fmt: skip
    return found


def finite(value: Any) -> int | float | None:
    """A stored amount as JSON can carry it: a finite number, else None (infinity, or text such as 'NaN'
    that another tool left in a REAL column)."""
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return value
    return None


def _pay(r: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    keys = ("disclosed", "pay", "currency", "salary_currency", "salary_period", "salary_kind", "salary_source",
            "salary_note", "salary_estimated", "salary_withheld")  # fmt: skip
    return {k: r[k] for k in keys} | {k: finite(r[k]) for k in ("salary_min", "salary_max")}


def _ai(r: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    return {"level": r["ai"], "llm_focused": bool(r["llm_focused"]), "ai_skills": extra["ai_skills"]}


def _occupation(r: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    return {"soc_code": r["soc_code"], "soc_title": r["soc_title"], "soc_major": r["soc_major"],
            "major_group": soc_major_name(r["soc_major"])}  # fmt: skip


def _week(r: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """The week and the stored date it rests on: the posted date when it is a date a report believes
    (``store.views.sane_day``), else first seen; none for an undated posting."""
    basis = "posted" if r["posted_day"] else "first_seen" if r["week"] else None
    return {"week": r["week"], "basis": basis, "date": r[basis] if basis else None}


EVIDENCE: dict[str, Callable[[dict[str, Any], dict[str, Any]], Any]] = {
    "skills": lambda r, extra: extra["skills"],
    "pay": _pay,
    "seniority": lambda r, extra: {"level": r["seniority"]},
    "ai": _ai,
    "week": _week,
    "industry": lambda r, extra: {"industry": r["industry"]},
    "occupation": _occupation,
}


def postings(db: sqlite_utils.Database, ids: list[int], members: Members) -> list[dict[str, Any]]:
    """The postings ``ids`` of the materialized scope, each with the evidence ``members`` asks for."""
    ids_json = json.dumps(ids)
    cursor = db.execute(_POSTINGS_SQL, [ids_json])
    columns = [c[0] for c in cursor.description]
    named = (
        _skills(db, ids_json, _NAMED, [json.dumps(members.skills)]) if "skills" in members.evidence else {}
    )
    ai_skills = _skills(db, ids_json, _AI_SKILLS, []) if "ai" in members.evidence else {}
    missing = [NOT_STORED[kind] for kind in members.evidence if kind in NOT_STORED]
    result = []
    for values in cursor.fetchall():
        r = dict(zip(columns, values, strict=True))
        extra = {"skills": named.get(r["id"], []), "ai_skills": ai_skills.get(r["id"], [])}
        evidence = {kind: EVIDENCE[kind](r, extra) for kind in members.evidence}
        if missing:
            evidence["not_stored"] = missing
        result.append(
            {k: r[k] for k in ("id", "source", "source_id", "title", "company", "url")}
            | {"evidence": evidence}
        )
    return result


def explain(db: sqlite_utils.Database, figure_id: str, **inputs: Any) -> dict[str, Any]:
    """The postings behind the row ``figure_id`` of the report with ``inputs`` (those of ``build_report``).

    Raises ``ValueError`` for an unknown figure or a row id the report does not have.
    """
    figure = figure_of(figure_id)
    assert figure.members is not None  # figure_of checked
    scope, options = report_inputs(**inputs)
    with materialized(db, scope, options.ai_definition):
        report = {figure.key: figure.compute(db, options)}
        stamp_ids(figure, report)
        rows = rows_of(figure, report)
        row = next((r for r in rows if r["id"] == figure_id), None)
        if row is None:
            examples = ", ".join(r["id"] for r in rows[:3]) or "none in this scope"
            raise ValueError(f"no row {figure_id!r} in {figure.key} (ids look like: {examples})")
        members = figure.members(db, options, row)
        lists = {name: postings(db, ids, members) for name, ids in members.lists.items()}
    sized = lists.get("denominator", lists.get("postings"))
    n = len(sized) if sized is not None else sum(len(v) for v in lists.values())
    return {"id": figure_id, "definition": figure.definition, "n": n, **lists}


def every_row(
    db: sqlite_utils.Database, report: dict[str, Any], limit: int, **inputs: Any
) -> Iterator[ExplainedRow]:
    """Every row of every figure of ``report`` (built with ``inputs``) in one scope: the row, the size of each
    of its lists and the first ``limit`` postings of each."""
    scope, options = report_inputs(**inputs)
    with materialized(db, scope, options.ai_definition):
        for figure in FIGURES:
            if figure.members is None:
                continue
            for row in rows_of(figure, report):
                members = figure.members(db, options, row)
                sizes = {name: len(ids) for name, ids in members.lists.items()}
                lists = {name: postings(db, ids[:limit], members) for name, ids in members.lists.items()}
                yield figure, row, sizes, lists


# --- renderers ---------------------------------------------------------------------------------------------


def _lists(result: dict[str, Any]) -> list[str]:
    return [name for name in LIST_ORDER if name in result]


def _skill_text(s: dict[str, Any]) -> str:
    where = (
        f"{s['surface']!r} at {s['start']}–{s['end']}" if s["surface"] is not None else "no surface stored"
    )
    return f"{s['skill']}: {where}" + (" (preferred)" if s["preferred"] else "")


def summary(kind: str, value: Any) -> str:
    """One evidence entry as short text for the table."""
    if kind == "skills":
        return "; ".join(_skill_text(s) for s in value)
    if kind == "pay":
        pay = "not disclosed" if value["pay"] is None else f"{value['currency']} {value['pay']:,.0f}/year"
        return f"{pay}; from {value['salary_source'] or '?'}" + (
            f"; {value['salary_note']}" if value["salary_note"] else ""
        )
    if kind == "ai":
        named = ", ".join(s["surface"] or s["skill"] for s in value["ai_skills"])
        return f"AI {value['level']}" + (f"; AI skills: {named}" if named else "")
    if kind == "week":
        return f"{value['week']} ({value['basis']} {value['date']})"
    if kind == "seniority":
        return f"seniority {value['level']}"
    if kind == "industry":
        return f"industry {value['industry'] or 'unknown'}"
    if kind == "occupation":
        group = f" ({value['soc_major']} {value['major_group'] or '?'})" if value["soc_major"] else ""
        return f"occupation {value['soc_code'] or 'unknown'} {value['soc_title'] or ''}".rstrip() + group
    return "not stored: " + ", ".join(text.split(" ")[0] for text in value)


def to_text(result: dict[str, Any]) -> str:
    """A plain table per list, after the id, n and the definition."""
    lines = [f"{result['id']}  (n={result['n']:,})", "", result["definition"]]
    for name in _lists(result):
        rows = result[name]
        lines += ["", f"{name}: {len(rows):,} postings", ""]
        for p in rows:
            lines.append(
                f"  {p['id']:>7}  {p['source']}  {p['company'] or '?'} — {p['title'] or '?'}  {p['url'] or ''}"
            )
            lines.extend(f"           {summary(kind, value)}" for kind, value in p["evidence"].items())
    return inert("\n".join(lines))  # scraped titles and companies must not drive the terminal


def to_csv(result: dict[str, Any]) -> str:
    """One CSV row per posting and list: list, id, source, source_id, title, company, url, evidence (JSON)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("figure_id", "list", "id", "source", "source_id", "title", "company", "url", "evidence"))
    for name in _lists(result):
        for p in result[name]:
            values = (result["id"], name, p["id"], p["source"], p["source_id"], p["title"], p["company"], p["url"],
                      p["evidence"])  # fmt: skip
            writer.writerow([_csv_safe(v) for v in values])
    return out.getvalue()
