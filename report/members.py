"""Which postings stand behind each row of a figure: the ``row_id`` and ``members`` a ``Figure`` declares.

Every query reads the materialized scope (``report.scope``) with the very conditions the figure aggregates,
so the lists have exactly the figure's counts. A row id is the figure key and the row's keys joined by "/"
(``skill_shares/all/Python``, ``salary_bands/USD/senior``, ``ai_premium/engineering/mid/USD``); a "/" or
"%" inside a key is percent-encoded ("AWS%2FGCP%2FAzure") and an unknown key is "-".
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from report.figure import Members, Options
from report.scope import SCOPE_TABLE
from store.views import SKILL_GROUP_MEMBERS

UNKNOWN = "-"


def part(value: object) -> str:
    """One key of a row id: "/" and "%" percent-encoded, None as "-"."""
    if value is None:
        return UNKNOWN
    return str(value).replace("%", "%25").replace("/", "%2F")


def posting_ids(db: sqlite_utils.Database, where: str, params: list[Any]) -> list[int]:
    """The ids of the materialized scope's postings matching ``where`` (over its columns), in id order."""
    sql = f"SELECT id FROM {SCOPE_TABLE} WHERE {where} ORDER BY id"
    return [posting_id for (posting_id,) in db.execute(sql, params).fetchall()]


def share_lists(
    db: sqlite_utils.Database, where: str, params: list[Any], numerator: str
) -> dict[str, list[int]]:
    """A share's lists: the postings matching ``where`` (denominator) and those also ``numerator``."""
    return {
        "numerator": posting_ids(db, f"({where}) AND ({numerator})", params),
        "denominator": posting_ids(db, where, params),
    }


# --- skill shares ------------------------------------------------------------------------------------------


def skill_share_id(row: dict[str, Any]) -> str:
    name = part(row["skill"])
    return f"{part(row['segment'])}/{name if row['kind'] == 'skill' else 'group:' + name}"


def _segment_condition(segment: str) -> tuple[str, list[Any]]:
    if segment == "all":
        return "1", []
    if segment == "llm_focused":
        return "llm_focused = 1", []
    return "function = ?", [segment.partition("=")[2]]


def _skills_of(db: sqlite_utils.Database, row: dict[str, Any]) -> list[str]:
    if row["kind"] == "skill":
        return [row["skill"]]
    sql = f"SELECT skill FROM ({SKILL_GROUP_MEMBERS}) WHERE skill_group = ? ORDER BY skill"
    return [skill for (skill,) in db.execute(sql, [row["skill"]]).fetchall()]


def skill_share_members(db: sqlite_utils.Database, options: Options, row: dict[str, Any]) -> Members:
    where, params = _segment_condition(row["segment"])
    skills = _skills_of(db, row)
    required = " AND preferred = 0" if options.required_only else ""
    asks = f"id IN (SELECT posting_id FROM posting_skills WHERE skill IN ({', '.join('?' for _ in skills)}){required})"
    lists = {
        "numerator": posting_ids(db, f"({where}) AND {asks}", [*params, *skills]),
        "denominator": posting_ids(db, where, params),
    }
    return Members(lists, ("skills",), tuple(skills))


# --- AI by function ----------------------------------------------------------------------------------------


def ai_function_id(row: dict[str, Any]) -> str:
    return part(row["function"])


def ai_function_members(db: sqlite_utils.Database, options: Options, row: dict[str, Any]) -> Members:
    return Members(share_lists(db, "function IS ?", [row["function"]], "ai != 'none'"), ("ai",))


# --- disclosure --------------------------------------------------------------------------------------------

_DISCLOSURE_COLUMNS = {"function": "function", "source": "source", "industry": "industry"}


def disclosure_id(row: dict[str, Any]) -> str:
    return "all" if row["by"] == "all" else f"{part(row['by'])}/{part(row['key'])}"


def disclosure_members(db: sqlite_utils.Database, options: Options, row: dict[str, Any]) -> Members:
    if row["by"] == "all":
        where, params = "1", []
    else:
        where, params = f"{_DISCLOSURE_COLUMNS[row['by']]} IS ?", [row["key"]]
    return Members(share_lists(db, where, params, "disclosed = 1"), ("pay",))


# --- pay: salary bands and the AI premium ------------------------------------------------------------------


def salary_band_id(row: dict[str, Any]) -> str:
    level = next((f"{k}={part(row[k])}/" for k in ("function", "role") if row[k] is not None), "")
    return f"{part(row['currency'])}/{level}{part(row['seniority'])}"


def _pay_cell(row: dict[str, Any], keys: tuple[str, ...]) -> tuple[str, list[Any]]:
    named = [k for k in keys if row.get(k) is not None]
    return " AND ".join(["pay IS NOT NULL", *(f"{k} = ?" for k in named)]), [row[k] for k in named]


def salary_band_members(db: sqlite_utils.Database, options: Options, row: dict[str, Any]) -> Members:
    where, params = _pay_cell(row, ("currency", "function", "role", "seniority"))
    return Members({"postings": posting_ids(db, where, params)}, ("pay", "seniority"))


def premium_id(row: dict[str, Any]) -> str:
    if "cells" in row:
        return "overall"
    return f"{part(row['function'])}/{part(row['seniority'])}/{part(row['currency'])}"


def premium_members(db: sqlite_utils.Database, options: Options, row: dict[str, Any]) -> Members:
    """A cell's AI and other postings; for the overall premium, those of every used cell."""
    cells = [c for c in row["cells"] if c["used"]] if "cells" in row else [row]
    lists: dict[str, list[int]] = {"ai": [], "other": []}
    for cell in cells:
        where, params = _pay_cell(cell, ("currency", "function", "seniority"))
        lists["ai"] += posting_ids(db, f"{where} AND ai != 'none'", params)
        lists["other"] += posting_ids(db, f"{where} AND ai = 'none'", params)
    return Members({k: sorted(v) for k, v in lists.items()}, ("pay", "ai", "seniority"))


# --- weekly ------------------------------------------------------------------------------------------------


def week_id(row: dict[str, Any]) -> str:
    return part(row["week"])


def week_members(db: sqlite_utils.Database, options: Options, row: dict[str, Any]) -> Members:
    return Members({"postings": posting_ids(db, "week = ?", [row["week"]])}, ("week", "ai", "pay"))
