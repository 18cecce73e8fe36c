"""Drill-down pages: every row of every figure, its postings listed, linked from the main page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from report import build_report
from report.drilldown import anchor, drilldown_pages, page_name
from report.explain import rows_of
from report.html import CSS, write_html
from report.registry import FIGURES
from store.postings import upsert_posting

# Weighted, so every figure has rows (the weighted figure has none without --weight).
WEIGHTED = {
    "min_n": 3,
    "weight": "industry",
    "reference": str(Path(__file__).parent / "fixtures" / "reference" / "industry.csv"),
}


def test_drilldown_pages_have_every_row_with_its_counts(
    build_golden_db: Callable[[], sqlite_utils.Database],
) -> None:
    db = build_golden_db()
    report = build_report(db, **WEIGHTED)
    pages = drilldown_pages(db, report, CSS, **WEIGHTED)
    assert set(pages) == {page_name(f.key) for f in FIGURES}
    for figure in FIGURES:
        for row in rows_of(figure, report):
            assert f'<section id="{anchor(row["id"])}">' in pages[page_name(figure.key)], row["id"]
    skills = pages["explain-skill_shares.html"]
    assert "numerator: 7 postings" in skills  # Python: p1 p2 p3 p4 p6 p7 p9
    # the 13 postings of "all" are listed once, then linked
    assert 'denominator: 13 postings, the same as <a href="#row-skill_shares/all/Python">' in skills
    assert "ai: 3 postings" in pages["explain-ai_premium.html"]
    assert "numerator: 4 postings" in pages["explain-role_grid.html"]  # ai engineers, all asking for AI
    assert "occupation 11-2021.00 Marketing Managers (11 Management)" in pages["explain-role_grid.html"]
    assert "denominator: 9 postings" in pages["explain-hubs.html"]  # engineering
    assert "industry software" in pages["explain-weighted.html"]


def test_drilldown_pages_keep_scraped_text_inert(db: sqlite_utils.Database) -> None:
    with db.conn:
        for i, (title, url) in enumerate(
            [
                ("<script>alert(1)</script>", "javascript:alert(1)"),
                ("Data Engineer", "https://example.test/j"),
            ]
        ):
            upsert_posting(db, {"source": "lever", "source_id": str(i), "title": title, "url": url}, [], None)
    page = drilldown_pages(db, build_report(db), CSS)["explain-disclosure.html"]
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert (
        'href="javascript' not in page
        and '<a href="https://example.test/j" rel="nofollow noreferrer">' in page
    )


def test_write_html_links_each_figure_to_its_drilldown(
    build_golden_db: Callable[[], sqlite_utils.Database], tmp_path: Path
) -> None:
    db = build_golden_db()
    report = build_report(db, **WEIGHTED)
    index = write_html(report, tmp_path, drilldown_pages(db, report, CSS, **WEIGHTED)).read_text(
        encoding="utf-8"
    )
    for figure in FIGURES:
        assert f'<a href="{page_name(figure.key)}">' in index
        assert (tmp_path / page_name(figure.key)).exists()
    plain = write_html(report, tmp_path / "plain").read_text(encoding="utf-8")
    assert "explain-" not in plain  # no page written, no dangling link
