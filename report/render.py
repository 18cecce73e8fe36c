"""Render a report dict (``report.build.build_report``) as article-ready Markdown or as CSV tables.

Both are assembled from the figures of ``report.registry``: each figure writes its own Markdown section and
CSV rows. Every value that comes from scraped or configured data (skills, roles, functions, industries,
sources, versions) is neutralized before it reaches Markdown (``report.text.md``): table pipes, link
brackets, HTML angle brackets, backticks, emphasis marks and line breaks cannot change the document's
structure. CSV cells lose control and bidirectional-control characters (``report.text.inert``), and cells
that a spreadsheet would run as a formula are prefixed with an apostrophe. ``to_json`` writes strict JSON: a
non-finite number raises instead of becoming ``NaN``, which no JSON parser accepts.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from report.html import ai_shares, representativeness_text
from report.registry import FIGURES
from report.text import count, inert, md, pct

# One CSV file per figure, then the methodology as key/value rows.
TABLES = (*(figure.key for figure in FIGURES), "methodology")
# Each table's columns, declared so that a table without rows still has its header row.
CSV_COLUMNS: dict[str, list[str]] = json.loads(
    (Path(__file__).parent / "csv_columns.json").read_text(encoding="utf-8")
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def methodology_sentence(m: dict[str, Any]) -> str:
    """The one-paragraph "how this data is built" block."""
    scope = m["scope"]
    window = ""
    if scope["start"] or scope["end"]:
        verb = "active" if scope.get("window") == "active" else "posted (else first seen)"
        window = f" {verb} from {scope['start'] or 'the start'} to {scope['end'] or 'the latest crawl'}"
    segment = f" in segment {md(scope['segment'])}" if scope["segment"] else ""
    sources = ", ".join(md(s) for s in m["sources"]) or "none"
    weeks = (
        f"posted over {count(m['weeks'])} ISO weeks ({m['first_week']} to {m['last_week']})"
        if m["weeks"]
        else ""
    )
    parts = [
        f"{count(m['postings'])} postings{window}{segment} across {count(m['roles'])} roles, "
        f"{count(m['functions'])} functions and {count(m['industries'])} industries"
        + (f", {weeks}" if weeks else "")
        + f"; sources: {sources}.",
        f"Salary disclosure rate: {pct(m['disclosure_rate'])} ({count(m['disclosed'])} postings state pay; "
        "estimates excluded).",
        "Salary figures use the midpoint of disclosed base pay, annualized (hourly pay × 2080 hours), "
        f"per currency, never mixed; percentiles by {m['percentile_method'].split(' (')[0]}.",
        f"AI share counts postings that are AI under the {m['ai_definition']} definition "
        "(jobpulse: they require or prefer AI skills). Premium calculations compare median "
        "pay of AI-skilled postings with same-function, same-seniority postings without AI requirements "
        f"(minimum n={m['min_n']} disclosed postings per side of each cell).",
        f"Figures below n={m['min_n']} are suppressed. Extractor {md(m['extractor_version'])}, taxonomy "
        f"{md(m['taxonomy_version'])}; generated {m['generated_at']}.",
    ]
    return " ".join(parts)


def to_markdown(report: dict[str, Any]) -> str:
    """Article-ready Markdown: the methodology sentence, each figure's section(s), the methodology list."""
    m = report["methodology"]
    title = "jobpulse report"
    if m["scope"]["week"]:
        title += f" — {m['scope']['week']}"
    if m["scope"]["segment"]:
        title += f" — {md(m['scope']['segment'])}"
    lines = [f"# {title}", "", methodology_sentence(m)]
    for figure in FIGURES:
        lines += ["", *figure.markdown(report)]
    lines += [
        "",
        "## Methodology",
        "",
        f"- Weeks: {m['week_basis']}.",
        f"- Percentiles: {m['percentile_method']}.",
        f"- Annualization: {m['annualization']}.",
        f"- Deduplication: {m['dedup_rule']}.",
        f"- AI definition: {m['ai_definition']}; AI share under each: {ai_shares(m)}.",
        f"- Representativeness: {md(representativeness_text(m['representativeness']))}.",
        "- Postings with pay in an unknown currency (left out of pay figures): "
        f"{count(m['pay_currency_unknown'])}.",
        f"- Plausible pay: {m['pay_plausible_range']}. Postings with implausible pay (left out of pay figures): "
        f"{count(m['pay_implausible'])}.",
        f"- Date window: {m['date_window']}. Undated postings: {count(m['undated_postings'])}.",
    ]
    return "\n".join(lines) + "\n"


def _csv_safe(value: object) -> object:
    """A CSV cell: text inert (``report.text.inert``), a would-be formula quoted, a dict or list as JSON."""
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
    if isinstance(value, str):
        value = inert(value)
        return "'" + value if value.startswith(_FORMULA_START) else value
    return value


def table_rows(report: dict[str, Any], table: str) -> list[dict[str, Any]]:
    """The rows of one table of the report, flat (methodology as key/value rows)."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; use one of: {', '.join(TABLES)}")
    if table == "methodology":
        items = dict(report["methodology"])
        premium = report["ai_premium"]
        items.update({f"ai_premium_{k}": v for k, v in premium.items() if k != "cells"})
        return [{"key": k, "value": v} for k, v in items.items()]
    return next(figure for figure in FIGURES if figure.key == table).csv_rows(report)


def to_csv(report: dict[str, Any], table: str) -> str:
    """One table of the report as CSV text: the header row (``CSV_COLUMNS`` for a table without rows), then
    a row for each of its rows."""
    rows = table_rows(report, table)
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(rows[0]) if rows else CSV_COLUMNS[table], lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows({k: _csv_safe(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def to_csv_files(report: dict[str, Any], directory: str | Path) -> list[Path]:
    """Write every table as ``<directory>/<table>.csv``; return the paths written."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in TABLES:
        path = folder / f"{table}.csv"
        path.write_text(to_csv(report, table), encoding="utf-8")
        paths.append(path)
    return paths


def to_json(value: Any) -> str:
    """A report (or an ``extract explain`` result) as strict JSON text: NaN or infinity raise ``ValueError``."""
    return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False)
