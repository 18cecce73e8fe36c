"""The report's hostile corpus (issue 13): values a database may already hold never sink a report or explain.

Dates of 9999 and year 1, pay of ±1e308, 5e-324, infinities and NaN-like text, and control and bidi characters
in titles, companies and skills (``build_hostile_db``): every format is written, every output stays valid (strict
JSON, no NaN or infinity anywhere) and no control, bidi or NUL character reaches Markdown, CSV, HTML or text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from report import build_report
from report.drilldown import drilldown_pages
from report.explain import explain, rows_of, to_csv, to_text
from report.html import CSS, write_html
from report.registry import FIGURES
from report.render import to_csv_files, to_json, to_markdown
from report.scope import Scope

FIXTURE = Path(__file__).parent / "fixtures" / "hostile" / "report-postings.json"
# NaN or an infinity as any renderer or serializer spells it.
NON_FINITE = re.compile(r"\b(nan|inf|infinity)\b", re.IGNORECASE)
# What no rendered text may carry: C0/C1 controls (but tab and line breaks), DEL, bidi controls, surrogates.
ACTIVE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
OPTIONS: dict[str, Any] = {"min_n": 1}


@pytest.fixture(scope="module")
def hostile(build_hostile_db: Callable[..., sqlite_utils.Database]) -> sqlite_utils.Database:
    return build_hostile_db()


@pytest.fixture(scope="module")
def report(hostile: sqlite_utils.Database) -> dict[str, Any]:
    return build_report(hostile, **OPTIONS)


def _strict(constant: str) -> Any:
    raise ValueError(f"non-finite {constant} in JSON")


def _written(
    report: dict[str, Any], hostile: sqlite_utils.Database, folder: Path
) -> Iterator[tuple[str, str]]:
    """(name, text) of every output of ``extract report``: JSON, Markdown, each CSV and each HTML/SVG file."""
    yield "report.json", to_json(report)
    yield "report.md", to_markdown(report)
    for path in to_csv_files(report, folder / "csv"):
        yield path.name, path.read_text(encoding="utf-8")
    write_html(report, folder / "html", drilldown_pages(hostile, report, CSS, **OPTIONS))
    for path in sorted(p for p in (folder / "html").rglob("*") if p.is_file()):  # hub pages too
        yield path.name, path.read_text(encoding="utf-8")


def test_build_report_hostile_json_is_strict(report: dict[str, Any]) -> None:
    parsed = json.loads(to_json(report), parse_constant=_strict)
    assert parsed["methodology"]["postings"] == 83


def test_build_report_hostile_outputs_hold_no_nan_or_control(
    report: dict[str, Any], hostile: sqlite_utils.Database, tmp_path: Path
) -> None:
    outputs = dict(_written(report, hostile, tmp_path))
    assert {"report.json", "report.md", "salary_bands.csv", "index.html", "weekly.svg"} <= set(outputs)
    for name, text in outputs.items():
        assert not NON_FINITE.search(text), name
        if name != "report.json":  # the JSON is the data as stored (escaped); renderers make it inert
            assert not ACTIVE.search(text), (name, ACTIVE.search(text))


def test_build_report_hostile_html_escapes_markup(
    report: dict[str, Any], hostile: sqlite_utils.Database, tmp_path: Path
) -> None:
    pages = [text for name, text in _written(report, hostile, tmp_path) if name.endswith(".html")]
    assert any("&lt;b&gt;bold&lt;/b&gt;" in page for page in pages)  # the hostile title, as text
    assert not any("<b>bold" in page for page in pages)


def test_build_report_hostile_pay_figures_use_plausible_pay_only(report: dict[str, Any]) -> None:
    spec = json.loads(FIXTURE.read_text(encoding="utf-8"))
    m = report["methodology"]
    assert m["pay_implausible"] == spec["implausible_pay"]
    senior = next(b for b in report["salary_bands"] if b["function"] is None and b["role"] is None)
    assert senior["n"] == 25  # 22 good and 3 with a posted date of 9999 (pay is plausible)
    assert 100_000 <= senior["p25"] <= senior["median"] <= senior["p75"] <= 140_000
    assert report["ai_premium"]["cells"] == [] or all(
        c["median_ai"] is None or c["median_ai"] < 1e12 for c in report["ai_premium"]["cells"]
    )


def test_build_report_hostile_dates_outside_window_are_unknown(report: dict[str, Any]) -> None:
    weeks = [w["week"] for w in report["weekly"]]
    assert weeks and all("2026-W" in w for w in weeks)  # no 9999 or year-1 week
    # "far-future" and "ancient" have no date a report believes; "future-posted" falls back to first seen
    assert report["methodology"]["undated_postings"] == 5


@pytest.mark.parametrize("figure", [f.key for f in FIGURES if f.members is not None])
def test_explain_hostile_every_row_is_valid(
    report: dict[str, Any], hostile: sqlite_utils.Database, figure: str
) -> None:
    rows = rows_of(next(f for f in FIGURES if f.key == figure), report)
    for row in rows:
        result = explain(hostile, row["id"], **OPTIONS)
        json.loads(to_json(result), parse_constant=_strict)
        for text in (to_text(result), to_csv(result)):
            assert not NON_FINITE.search(text), row["id"]
            assert not ACTIVE.search(text), row["id"]


@pytest.mark.parametrize(
    ("inputs", "option"),
    [
        ({"week": "9999-W52"}, "--week"),
        ({"week": "0001-W01"}, "--week"),
        ({"since": "9999-12-31"}, "--since"),
        ({"until": "9999-12-31", "active": True}, "--until"),
        ({"until": "0001-01-01"}, "--until"),
    ],
)
def test_build_report_hostile_window_outside_dates_names_option(
    hostile: sqlite_utils.Database, inputs: dict[str, Any], option: str
) -> None:
    with pytest.raises(ValueError, match=f"^{option} "):
        build_report(hostile, **inputs)


@pytest.mark.parametrize("week", ["1990-W01", "2100-W51"])
def test_scope_accepts_weeks_at_the_window_edges(week: str) -> None:
    assert Scope(week=week).describe()["week"] == week
