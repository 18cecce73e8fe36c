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

import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlite_utils

from report.figure import Figure, Options, Report
from report.markup import clean, esc, row, section, segment_title, shorten, table, td
from report.members import skill_share_id, skill_share_members
from report.scope import FUNCTIONS_TABLE, SCOPE_TABLE
from report.stats import wilson_interval
from report.svg import ACCENT, CHAR_WIDTH, GRID, INK, MUTED, WIDTH, Canvas, heading, nice_range
from report.text import count, md, md_table, pct
from store.views import SKILL_GROUP_MEMBERS

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
_GROUPS_SQL = f"{SKILL_GROUP_MEMBERS} ORDER BY skill_group, skill"
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
    for name, hits in ranked[:top]:
        low, high = wilson_interval(hits, n)
        rows.append(
            {
                "segment": segment,
                "skill": name,
                "kind": kind,
                "count": hits,
                "n": n,
                "share": round(hits / n, 6),
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


def compute(db: sqlite_utils.Database, options: Options) -> list[dict[str, Any]]:
    return skill_shares(db, top=options.top, required_only=options.required_only)


# --- renderers ---------------------------------------------------------------------------------------------

TITLE = "Top skills"
PAGE_TITLE = "Skills in demand"
LEDE = (
    "Share of postings that ask for each skill, as a requirement or a nice-to-have; a posting counts "
    "once per skill group however many of its skills it names. Whiskers are 95% intervals; the number "
    "after each share is the count of postings."
)
COLUMNS = ("Skill", "Kind", "Share", "95% CI", "Postings")
MARKDOWN_SEGMENTS = ("all", "llm_focused")


def _md_segment_title(segment: str) -> str:
    if segment == "all":
        return "all postings in scope"
    if segment == "llm_focused":
        return "LLM-focused postings"
    return md(segment.replace("=", ": ", 1))


def _cells(r: dict[str, Any]) -> tuple[str, str, str, str, str]:
    """One row's cells, as plain text (escaped by the renderer)."""
    return (
        r["skill"],
        r["kind"],
        pct(r["share"]),
        f"{pct(r['ci_low'])} – {pct(r['ci_high'])}",
        count(r["count"]),
    )


def markdown(report: Report) -> list[str]:
    lines = [f"## {TITLE}"]
    for segment in MARKDOWN_SEGMENTS:
        rows = [r for r in report["skill_shares"] if r["segment"] == segment]
        if not rows:
            continue
        lines += ["", f"### Top skills — {_md_segment_title(segment)} (n={count(rows[0]['n'])})", ""]
        lines += md_table(COLUMNS, ((md(skill), *rest) for skill, *rest in map(_cells, rows)))
    return [*lines, "", "Per-function skill shares are in the JSON and CSV outputs (skill_shares)."]


def html(report: Report) -> str:
    segments = list(dict.fromkeys(r["segment"] for r in report["skill_shares"]))
    header = tuple((name, i >= 2) for i, name in enumerate(COLUMNS))
    tables = []
    for segment in segments:
        if segment == "all":
            continue
        rows = [r for r in report["skill_shares"] if r["segment"] == segment]
        body = (row([td(v, num=i >= 2) for i, v in enumerate(_cells(r))]) for r in rows)
        title = f"{segment_title(segment)} (n={count(rows[0]['n'])})"
        tables.append(f"<h3>{esc(title)}</h3>" + table(header, body))
    more = (
        "<details><summary>LLM-focused and per-function skill shares</summary>"
        + "".join(tables)
        + "</details>"
        if tables
        else ""
    )
    figure = f"<figure>{chart(report, titled=False)}</figure>"
    return section("skills", PAGE_TITLE, LEDE, figure + more)


def _rows_of(report: Report, segment: str, kind: str) -> list[dict[str, Any]]:
    return [r for r in report["skill_shares"] if r["segment"] == segment and r["kind"] == kind]


def chart(report: Report, *, segment: str = "all", titled: bool = True) -> str:
    """Top skills and skill groups of one segment: share bars with 95% Wilson whiskers and counts."""
    blocks = [
        ("Skills", _rows_of(report, segment, "skill")),
        ("Skill groups", _rows_of(report, segment, "group")),
    ]
    rows = [r for _, block in blocks for r in block]
    n = rows[0]["n"] if rows else 0
    who = "all postings in scope" if segment == "all" else clean(segment)
    canvas = Canvas(
        "skill_shares",
        WIDTH,
        "Skills asked for in job postings",
        f"Share of {who} (n={count(n)}) that ask for each skill or skill group, with 95% Wilson intervals.",
    )
    y = heading(canvas, titled, f"Share of {who} (n={count(n)}) asking for each · whiskers: 95% interval")
    if not rows:
        canvas.text(0, y + 20, "No skills in scope.", fill=MUTED)
        return canvas.render(y + 36)
    size = 13
    longest = max(len(clean(r["skill"])) for r in rows)
    label_w = min(300.0, max(120.0, longest * size * CHAR_WIDTH + 18))
    limit = int((label_w - 18) / (size * CHAR_WIDTH) + 1e-6)  # a label that fits is never cut
    plot_w = WIDTH - label_w - 110.0
    _, top, ticks = nice_range(0, max(max(r["ci_high"] or r["share"] for r in rows), 0.01))
    top = min(top, 1.0)
    ticks = [t for t in ticks if t <= top + 1e-9]

    def x_of(share: float) -> float:
        return label_w + share / top * plot_w

    row_h = 22.0
    grid_bottom = y + sum(len(block) * row_h + (28 if block else 0) for _, block in blocks)
    for tick in ticks:
        canvas.line(x_of(tick), y, x_of(tick), grid_bottom, GRID)
        canvas.text(
            x_of(tick), grid_bottom + 16, pct(tick).replace(".0%", "%"), size=11, anchor="middle", fill=MUTED
        )
    for name, block in blocks:
        if not block:
            continue
        canvas.text(0, y + 19, name, size=12, weight=650, fill=MUTED)
        y += 28
        for r in block:
            _bar(canvas, r, y + row_h / 2, x_of, top, label_w, limit)
            y += row_h
    return canvas.render(grid_bottom + 28)


def _bar(
    canvas: Canvas,
    r: dict[str, Any],
    mid: float,
    x_of: Callable[[float], float],
    top: float,
    label_w: float,
    limit: int,
) -> None:
    """One skill's label, share bar, whiskers and value at height ``mid``."""
    full = clean(r["skill"])
    canvas.text(label_w - 10, mid + 4.5, shorten(full, limit), size=13, anchor="end", tooltip=full)
    canvas.rect(label_w, mid - 6, x_of(r["share"]) - label_w, 12, ACCENT)
    if r["ci_low"] is not None and r["ci_high"] is not None:
        lo, hi = x_of(r["ci_low"]), x_of(min(r["ci_high"], top))
        canvas.line(lo, mid, hi, mid, INK, width=1.2)
        canvas.line(lo, mid - 4, lo, mid + 4, INK, width=1.2)
        canvas.line(hi, mid - 4, hi, mid + 4, INK, width=1.2)
    end = x_of(max(r["share"], min(r["ci_high"] or 0, top)))
    tip = (
        f"{full}: {count(r['count'])} of {count(r['n'])} postings, {pct(r['share'])} "
        f"(95% interval {pct(r['ci_low'])} – {pct(r['ci_high'])})"
    )
    canvas.text(
        end + 8,
        mid + 4.5,
        pct(r["share"]),
        weight=650,
        tooltip=tip,
        more=[(f" · {count(r['count'])}", MUTED)],
    )


FIGURE = Figure(
    key="skill_shares",
    module=sys.modules[__name__],
    compute=compute,
    markdown=markdown,
    html=html,
    page_rank=1,
    chart=chart,
    row_id=skill_share_id,
    members=skill_share_members,
)
