"""Skill shares: how often postings ask for a skill or a skill group.

The share of a skill in a segment is the number of postings in the segment that ask for it, as a required or a
preferred skill, divided by the number of postings in the segment (with ``required_only``, only postings that
list it as required count). A posting asks for a skill group ("AWS/GCP/Azure", "Vector databases", …) when it
asks for any skill of the group, and counts once however many it names. Segments are the whole scope
("all"), the LLM-focused postings ("llm_focused") and each function ("function=engineering"); each lists its
``top`` skills and ``top`` groups by number of postings (ties by name). Shares are fractions in [0, 1] with a
Wilson 95% interval.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlite_utils

from report.scope import FUNCTIONS_TABLE, SCOPE_TABLE
from report.stats import wilson_interval

# Every skill row looks up its posting's cell. In a table of (id, cell) alone that lookup costs under half
# of one in the wide scope table: at 1M postings × 8 skills, ~6 s of CPU instead of ~14 s.
CELLS_TABLE = "report_skill_cells"
_CELLS_SQL = (
    f"CREATE TEMP TABLE {CELLS_TABLE} (id INTEGER PRIMARY KEY, function_code INTEGER, llm_focused INTEGER)",
    f"INSERT INTO {CELLS_TABLE} SELECT id, function_code, llm_focused FROM {SCOPE_TABLE}",
)
# Counted one skill (or group) at a time: the (skill, posting_id) index hands each skill's postings over
# in order and the GROUP BY sorts only that skill's rows, which keeps 1M postings × 10 skills in seconds.
# Each posting belongs to exactly one (function, llm_focused) cell, so distinct-posting counts per cell
# add up to any segment made of whole cells.
_COUNTS_SQL = f"""
SELECT c.function_code, c.llm_focused, count(DISTINCT ps.posting_id)
FROM posting_skills AS ps JOIN {CELLS_TABLE} AS c ON c.id = ps.posting_id
WHERE ps.skill IN ({{placeholders}}) {{required}}
GROUP BY c.function_code, c.llm_focused
"""
_REQUIRED_ONLY = "AND ps.preferred = 0"
_GROUPS_SQL = """
SELECT DISTINCT je.value, sk.name
FROM skills AS sk, json_each(sk.groups) AS je
WHERE json_valid(sk.groups) AND je.type = 'text'
ORDER BY je.value, sk.name
"""
_SEGMENT_SIZES_SQL = f"""
SELECT s.function_code, f.function, s.llm_focused, count(*)
FROM {SCOPE_TABLE} AS s JOIN {FUNCTIONS_TABLE} AS f ON f.code = s.function_code
GROUP BY s.function_code, s.llm_focused
"""

Cell = tuple[int, int]  # (function code, llm_focused)


def _segments(functions: dict[int, str | None], cells: Iterable[Cell]) -> dict[str, list[Cell]]:
    """Segment label → the cells it is made of, in publication order."""
    cells = sorted(cells)
    segments: dict[str, list[Cell]] = {"all": cells, "llm_focused": [c for c in cells if c[1]]}
    for code, function in sorted(functions.items(), key=lambda item: (item[1] is None, item[1] or "")):
        if function is not None:
            segments[f"function={function}"] = [c for c in cells if c[0] == code]
    return segments


def _rows(segment: str, kind: str, counts: dict[str, int], n: int, top: int) -> list[dict[str, Any]]:
    ranked = sorted(((name, c) for name, c in counts.items() if c), key=lambda item: (-item[1], item[0]))
    rows = []
    for name, count in ranked[:top]:
        low, high = wilson_interval(count, n)
        rows.append(
            {
                "segment": segment,
                "skill": name,
                "kind": kind,
                "count": count,
                "n": n,
                "share": round(count / n, 6),
                "ci_low": None if low is None else round(low, 6),
                "ci_high": None if high is None else round(high, 6),
            }
        )
    return rows


def _items(db: sqlite_utils.Database) -> list[tuple[str, str, list[str]]]:
    """(kind, name, skills) for every skill named in a posting and every group of the taxonomy."""
    items = [
        ("skill", skill, [skill]) for (skill,) in db.execute("SELECT DISTINCT skill FROM posting_skills")
    ]
    groups: dict[str, list[str]] = defaultdict(list)
    for group, skill in db.execute(_GROUPS_SQL).fetchall():
        groups[group].append(skill)
    items.extend(("group", group, skills) for group, skills in groups.items())
    return items


@contextmanager
def _cells_table(db: sqlite_utils.Database) -> Iterator[None]:
    """The temporary (posting id → cell) table the counts join, for the duration of the block."""
    db.execute(f"DROP TABLE IF EXISTS temp.{CELLS_TABLE}")
    with db.conn:  # commit, so the caller's connection is not left inside a transaction
        for sql in _CELLS_SQL:
            db.execute(sql)
    try:
        yield
    finally:
        db.execute(f"DROP TABLE IF EXISTS temp.{CELLS_TABLE}")


def _counts(db: sqlite_utils.Database, required_only: bool) -> dict[str, dict[str, dict[Cell, int]]]:
    """kind → name → cell → postings of the cell asking for the skill (or any skill of the group)."""
    counts: dict[str, dict[str, dict[Cell, int]]] = {"skill": {}, "group": {}}
    with _cells_table(db):
        for kind, name, skills in _items(db):
            sql = _COUNTS_SQL.format(
                placeholders=", ".join("?" for _ in skills), required=_REQUIRED_ONLY if required_only else ""
            )
            counts[kind][name] = {(code, llm): n for code, llm, n in db.execute(sql, skills).fetchall()}
    return counts


def skill_shares(
    db: sqlite_utils.Database, *, top: int = 20, required_only: bool = False
) -> list[dict[str, Any]]:
    """Top skills and skill groups per segment of the materialized scope (see the module docstring)."""
    sizes: dict[Cell, int] = {}
    functions: dict[int, str | None] = {}
    for code, function, llm, n in db.execute(_SEGMENT_SIZES_SQL).fetchall():
        sizes[(code, llm)] = n
        functions[code] = function
    counts = _counts(db, required_only)
    rows: list[dict[str, Any]] = []
    for segment, cells in _segments(functions, sizes).items():
        n = sum(sizes[c] for c in cells)
        if n == 0:
            continue
        for kind, by_name in counts.items():
            totals = {name: sum(per_cell.get(c, 0) for c in cells) for name, per_cell in by_name.items()}
            rows.extend(_rows(segment, kind, totals, n, top))
    return rows
