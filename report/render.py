"""Render a report dict (``report.build.build_report``) as article-ready Markdown or as CSV tables.

Every value that comes from scraped or configured data (skills, roles, functions, industries, sources,
versions) is neutralized before it reaches Markdown: table pipes, link brackets, HTML angle brackets,
backticks, emphasis marks and line breaks cannot change the document's structure. CSV cells that a
spreadsheet would run as a formula are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

TABLES = (
    "skill_shares",
    "ai_by_function",
    "salary_bands",
    "disclosure",
    "ai_premium",
    "weekly",
    "methodology",
)
CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$", "AUD": "A$", "INR": "₹", "JPY": "¥"}
UNKNOWN = "(unknown)"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def md(value: object) -> str:
    """Scraped text made inert in Markdown: one line, specials backslash-escaped; None → "(unknown)"."""
    if value is None:
        return UNKNOWN
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def pct(share: float | None, *, signed: bool = False) -> str:
    """A fraction as a percentage with one decimal ("65.0%"); "–" when missing."""
    if share is None:
        return "–"
    return f"{share * 100:+.1f}%" if signed else f"{share * 100:.1f}%"


def count(n: int) -> str:
    return f"{n:,}"


def thousands(amount: float) -> str:
    """An amount in thousands, rounded half-up as readers expect ($112,500 → "113K"; format() rounds to even)."""
    if abs(amount) >= 1000:
        return f"{math.floor(amount / 1000 + 0.5):,}K"
    return f"{math.floor(amount + 0.5):,}"


def money(amount: float | None, currency: str) -> str:
    """Annual pay in thousands with its currency ("$130K", "€85K", "CHF 120K")."""
    if amount is None:
        return "–"
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{symbol}{thousands(amount)}" if symbol else f"{md(currency)} {thousands(amount)}"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def _segment_title(segment: str) -> str:
    if segment == "all":
        return "all postings in scope"
    if segment == "llm_focused":
        return "LLM-focused postings"
    return md(segment.replace("=", ": ", 1))


def _skills(report: dict[str, Any], segments: Sequence[str]) -> list[str]:
    lines: list[str] = []
    for segment in segments:
        rows = [r for r in report["skill_shares"] if r["segment"] == segment]
        if not rows:
            continue
        lines += ["", f"### Top skills — {_segment_title(segment)} (n={count(rows[0]['n'])})", ""]
        lines += _table(
            ("Skill", "Kind", "Share", "95% CI", "Postings"),
            (
                (
                    md(r["skill"]),
                    r["kind"],
                    pct(r["share"]),
                    f"{pct(r['ci_low'])} – {pct(r['ci_high'])}",
                    count(r["count"]),
                )
                for r in rows
            ),
        )
    return lines


def _ai(report: dict[str, Any]) -> list[str]:
    return _table(
        ("Function", "AI required", "AI preferred", "AI required or preferred", "95% CI", "n"),
        (
            (
                md(r["function"]),
                pct(r["required"]),
                pct(r["preferred"]),
                pct(r["any"]),
                f"{pct(r['ci_low'])} – {pct(r['ci_high'])}",
                count(r["n"]),
            )
            for r in report["ai_by_function"]
        ),
    )


def _band_cells(r: dict[str, Any]) -> tuple[str, str]:
    if r["suppressed"]:
        return f"suppressed (n={count(r['n'])})", "–"
    return f"{money(r['p25'], r['currency'])} – {money(r['p75'], r['currency'])}", money(
        r["median"], r["currency"]
    )


def _bands(report: dict[str, Any], level: str) -> list[str]:
    if level == "seniority":
        rows = [r for r in report["salary_bands"] if r["role"] is None and r["function"] is None]
        header: tuple[str, ...] = ("Seniority", "Currency", "Middle half (p25 – p75)", "Median", "n")
    else:
        rows = [r for r in report["salary_bands"] if r[level] is not None]
        header = (level.capitalize(), "Seniority", "Currency", "Middle half (p25 – p75)", "Median", "n")
    body = []
    for r in rows:
        keys = (
            [md(r["seniority"]).capitalize()] if level == "seniority" else [md(r[level]), md(r["seniority"])]
        )
        body.append((*keys, md(r["currency"]), *_band_cells(r), f"n={count(r['n'])}"))
    return _table(header, body) if body else ["No disclosed pay in scope."]


def _disclosure(report: dict[str, Any]) -> list[str]:
    return _table(
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


def _side(median: float | None, n: int, currency: str) -> str:
    return f"{money(median, currency)} (n={count(n)})" if median is not None else f"suppressed (n={count(n)})"


def _cells(n: int) -> str:
    return f"{count(n)} cell" if n == 1 else f"{count(n)} cells"


def _premium(report: dict[str, Any]) -> list[str]:
    premium = report["ai_premium"]
    min_n = premium["min_n"]
    used, dropped = premium["cells_used"], premium["cells_dropped"]
    if premium["overall"] is None:
        lead = (
            "Overall AI premium: not computed — no function × seniority × currency cell has at least "
            f"{min_n} disclosed postings on both sides ({_cells(dropped)} dropped)."
        )
    else:
        lead = (
            f"Overall AI premium: **{pct(premium['overall'], signed=True)}** (95% bootstrap CI "
            f"{pct(premium['ci_low'], signed=True)} to {pct(premium['ci_high'], signed=True)}), "
            f"weighted by AI postings over {_cells(used)} used; {_cells(dropped)} dropped for having fewer "
            f"than {min_n} disclosed postings on a side."
        )
    lines = [lead, ""]
    lines += _table(
        ("Function", "Seniority", "Currency", "AI median (n)", "Other median (n)", "Premium", "Used"),
        (
            (
                md(c["function"]),
                md(c["seniority"]),
                md(c["currency"]),
                _side(c["median_ai"], c["n_ai"], c["currency"]),
                _side(c["median_other"], c["n_other"], c["currency"]),
                pct(c["premium"], signed=True) if c["used"] else "–",
                "yes" if c["used"] else "no",
            )
            for c in premium["cells"]
        ),
    )
    return lines


def _weekly(report: dict[str, Any]) -> list[str]:
    return _table(
        ("Week", "Postings", "Change", "AI share", "Disclosure rate"),
        (
            (
                w["week"],
                count(w["postings"]),
                pct(w["postings_change"], signed=True),
                pct(w["ai_share"]),
                pct(w["disclosure_rate"]),
            )
            for w in report["weekly"]
        ),
    )


def methodology_sentence(m: dict[str, Any]) -> str:
    """The one-paragraph "how this data is built" block."""
    scope = m["scope"]
    window = ""
    if scope["start"] or scope["end"]:
        window = f" active from {scope['start'] or 'the start'} to {scope['end'] or 'the latest crawl'}"
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
        "AI share counts postings that require or prefer AI skills. Premium calculations compare median "
        "pay of AI-skilled postings with same-function, same-seniority postings without AI requirements "
        f"(minimum n={m['min_n']} disclosed postings per side of each cell).",
        f"Figures below n={m['min_n']} are suppressed. Extractor {md(m['extractor_version'])}, taxonomy "
        f"{md(m['taxonomy_version'])}; generated {m['generated_at']}.",
    ]
    return " ".join(parts)


def to_markdown(report: dict[str, Any]) -> str:
    """Article-ready Markdown: headline tables and the methodology block."""
    m = report["methodology"]
    title = "jobpulse report"
    if m["scope"]["week"]:
        title += f" — {m['scope']['week']}"
    if m["scope"]["segment"]:
        title += f" — {md(m['scope']['segment'])}"
    lines = [f"# {title}", "", methodology_sentence(m), "", "## Top skills"]
    lines += _skills(report, ("all", "llm_focused"))
    lines += ["", "Per-function skill shares are in the JSON and CSV outputs (skill_shares).", ""]
    lines += ["## AI by function", "", *_ai(report)]
    lines += ["", "## Pay by seniority", "", *_bands(report, "seniority")]
    lines += ["", "## Pay by role and seniority", "", *_bands(report, "role")]
    lines += ["", "## Salary disclosure", "", *_disclosure(report)]
    lines += ["", "## AI premium", "", *_premium(report)]
    lines += ["", "## Weekly trend", ""] + (_weekly(report) if report["weekly"] else ["No dated postings."])
    lines += [
        "",
        "## Methodology",
        "",
        f"- Weeks: {m['week_basis']}.",
        f"- Percentiles: {m['percentile_method']}.",
        f"- Annualization: {m['annualization']}.",
        f"- Deduplication: {m['dedup_rule']}.",
        "- Postings with pay in an unknown currency (left out of pay figures): "
        f"{count(m['pay_currency_unknown'])}.",
    ]
    return "\n".join(lines) + "\n"


def _csv_safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
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
    if table == "ai_premium":
        return list(report["ai_premium"]["cells"])
    return list(report[table])


def to_csv(report: dict[str, Any], table: str) -> str:
    """One table of the report as CSV text (header row first; empty text for an empty table)."""
    rows = table_rows(report, table)
    if not rows:
        return ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
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
