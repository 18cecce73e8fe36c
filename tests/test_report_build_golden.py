"""Golden tests: a 13-posting database whose every published figure was worked out by hand.

The postings (p1…p13) cover the awkward cases: an estimated salary (never disclosed), hourly pay stored
annualized (60/h × 2080 = 124,800), an OTE posting, an unknown currency, EUR beside USD, a duplicated skill
row, ties in skill counts, a garbage ``posted`` date, an undated posting and a posting in ISO week 2026-W53.
Hand-computed values are in the comments beside each assertion.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlite_utils

from report import build_report, to_csv, to_markdown

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def db(build_golden_db: Callable[[], sqlite_utils.Database]) -> sqlite_utils.Database:
    return build_golden_db()


@pytest.fixture(scope="module")
def report(db: sqlite_utils.Database) -> dict[str, Any]:
    return build_report(db, min_n=3, now=NOW)


def _shares(report: dict[str, Any], segment: str, kind: str) -> list[tuple[str, int, int, float]]:
    return [(r["skill"], r["count"], r["n"], round(r["share"], 3)) for r in report["skill_shares"]
            if r["segment"] == segment and r["kind"] == kind]  # fmt: skip


def test_build_report_has_the_contract_keys(report: dict[str, Any]) -> None:
    assert list(report) == [
        "methodology", "skill_shares", "ai_by_function", "salary_bands", "disclosure", "ai_premium", "weekly",
        "role_grid", "hubs", "weighted",
    ]  # fmt: skip
    assert set(report["skill_shares"][0]) == {
        "id",
        "segment",
        "skill",
        "kind",
        "count",
        "n",
        "share",
        "ci_low",
        "ci_high",
    }
    assert set(report["ai_by_function"][0]) == {
        "id",
        "function",
        "n",
        "required",
        "preferred",
        "any",
        "ci_low",
        "ci_high",
    }
    assert set(report["salary_bands"][0]) == {
        "id", "role", "function", "seniority", "currency", "n", "p25", "median", "p75", "suppressed"
    }  # fmt: skip
    assert set(report["disclosure"][0]) == {"id", "by", "key", "n", "disclosed", "rate"}
    assert {"overall", "min_n", "cells"} <= set(report["ai_premium"])
    assert set(report["ai_premium"]["cells"][0]) == {
        "id", "function", "seniority", "currency", "n_ai", "n_other", "median_ai", "median_other", "premium", "used"
    }  # fmt: skip
    assert {"id", "week", "postings", "ai_share", "disclosure_rate", "partial", "partial_reason"} <= set(
        report["weekly"][0]
    )
    json.dumps(report)  # JSON-ready


def test_skill_shares_all_segment_ranks_by_count_then_name(report: dict[str, Any]) -> None:
    # Python: p1 p2 p3 p4 p6 p7 p9 (p1's three rows count once); AWS/Docker/RAG tie at 3, ordered by name.
    assert _shares(report, "all", "skill") == [
        ("Python", 7, 13, 0.538), ("AWS", 3, 13, 0.231), ("Docker", 3, 13, 0.231), ("RAG", 3, 13, 0.231),
        ("GCP", 2, 13, 0.154), ("Pinecone", 2, 13, 0.154),
    ]  # fmt: skip


def test_skill_shares_groups_count_each_posting_once(report: dict[str, Any]) -> None:
    # AWS/GCP/Azure: p1 (AWS and GCP, once), p4, p5, p7. A group nobody asks for is not listed.
    assert _shares(report, "all", "group") == [
        ("AWS/GCP/Azure", 4, 13, 0.308), ("Docker/Kubernetes", 3, 13, 0.231), ("Vector databases", 2, 13, 0.154)
    ]  # fmt: skip


def test_skill_shares_llm_focused_and_function_segments(report: dict[str, Any]) -> None:
    assert _shares(report, "llm_focused", "skill") == [
        ("RAG", 3, 3, 1.0), ("Pinecone", 2, 3, 0.667), ("Python", 2, 3, 0.667), ("AWS", 1, 3, 0.333),
        ("GCP", 1, 3, 0.333),
    ]  # fmt: skip
    assert _shares(report, "function=engineering", "skill")[:4] == [
        ("Python", 6, 9, 0.667), ("AWS", 3, 9, 0.333), ("Docker", 3, 9, 0.333), ("RAG", 3, 9, 0.333)
    ]  # fmt: skip
    assert _shares(report, "function=marketing", "skill") == [("Python", 1, 3, 0.333)]
    segments = list(dict.fromkeys(r["segment"] for r in report["skill_shares"]))
    assert segments == ["all", "llm_focused", "function=engineering", "function=marketing"]


def test_skill_shares_wilson_interval_of_python(report: dict[str, Any]) -> None:
    row = next(r for r in report["skill_shares"] if r["segment"] == "all" and r["skill"] == "Python")
    # Wilson 95% for 7/13: centre (0.53846 + 0.14776) / 1.29550 = 0.52969, half-width 0.23826.
    assert row["ci_low"] == pytest.approx(0.2914, abs=5e-4)
    assert row["ci_high"] == pytest.approx(0.7679, abs=5e-4)


def test_skill_shares_required_only_drops_preferred_rows(db: sqlite_utils.Database) -> None:
    report = build_report(db, min_n=3, required_only=True, now=NOW)
    # Python loses p3 and p9 (preferred) but keeps p1 (a required row beside a preferred one).
    assert _shares(report, "all", "skill") == [
        ("Python", 5, 13, 0.385), ("AWS", 3, 13, 0.231), ("Docker", 2, 13, 0.154), ("Pinecone", 2, 13, 0.154),
        ("RAG", 2, 13, 0.154), ("GCP", 1, 13, 0.077),
    ]  # fmt: skip
    assert _shares(report, "all", "group")[0] == ("AWS/GCP/Azure", 4, 13, 0.308)


@pytest.mark.parametrize(
    ("top", "expected"), [(1, ["Python"]), (2, ["Python", "AWS"]), (3, ["Python", "AWS", "Docker"])]
)
def test_skill_shares_top_cuts_after_ties_by_name(
    db: sqlite_utils.Database, top: int, expected: list[str]
) -> None:
    report = build_report(db, min_n=3, top=top, now=NOW)
    assert [s for s, *_ in _shares(report, "all", "skill")] == expected


def test_ai_by_function_shares_and_interval(report: dict[str, Any]) -> None:
    rows = {r["function"]: r for r in report["ai_by_function"]}
    assert [r["function"] for r in report["ai_by_function"]] == ["engineering", "marketing", None]
    eng = rows["engineering"]  # required p1 p3 p8, preferred p2, of 9
    assert (eng["n"], round(eng["required"], 3), round(eng["preferred"], 3), round(eng["any"], 3)) == (
        9, 0.333, 0.111, 0.444
    )  # fmt: skip
    assert eng["ci_low"] == pytest.approx(0.1888, abs=5e-4)  # Wilson 4/9
    assert eng["ci_high"] == pytest.approx(0.7333, abs=5e-4)
    assert (rows["marketing"]["n"], round(rows["marketing"]["any"], 3)) == (3, 0.333)
    assert (rows[None]["n"], rows[None]["any"], rows[None]["ci_low"]) == (1, 0.0, 0.0)  # unclassified = none


def _bands(report: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(r["role"], r["function"], r["seniority"], r["currency"], r["n"], r["p25"], r["median"], r["p75"],
             r["suppressed"]) for r in report["salary_bands"]]  # fmt: skip


def test_salary_bands_to_the_cent(report: dict[str, Any]) -> None:
    # USD entry pay: 100,000 110,000 120,000 (OTE base) 124,800 (60/h × 2080) 130,000 140,000.
    # p25 at rank 1.25 → 112,500; median at 2.5 → 122,400; p75 at 3.75 → 128,700.
    # p13 (unknown currency) and p9 (estimated) are left out; EUR never mixes with USD.
    assert _bands(report) == [
        # by seniority alone, then function × seniority, then role × seniority; USD (7 postings) before EUR (2)
        (None, None, "entry", "USD", 6, 112_500.0, 122_400.0, 128_700.0, False),
        (None, None, "mid", "USD", 1, None, None, None, True),
        (None, None, "senior", "EUR", 2, None, None, None, True),
        (None, "engineering", "entry", "USD", 6, 112_500.0, 122_400.0, 128_700.0, False),
        (None, "marketing", "mid", "USD", 1, None, None, None, True),
        (None, "engineering", "senior", "EUR", 2, None, None, None, True),
        # ai engineer entry: 124,800 130,000 140,000 → 127,400 / 130,000 / 135,000
        ("ai engineer", None, "entry", "USD", 3, 127_400.0, 130_000.0, 135_000.0, False),
        ("backend engineer", None, "entry", "USD", 3, 105_000.0, 110_000.0, 115_000.0, False),
        ("marketing manager", None, "mid", "USD", 1, None, None, None, True),
        ("ai engineer", None, "senior", "EUR", 1, None, None, None, True),
        ("backend engineer", None, "senior", "EUR", 1, None, None, None, True),
    ]  # fmt: skip


def test_salary_bands_currency_option_keeps_one_currency(db: sqlite_utils.Database) -> None:
    report = build_report(db, min_n=2, currency="eur", now=NOW)
    assert {r["currency"] for r in report["salary_bands"]} == {"EUR"}
    senior = report["salary_bands"][0]  # 90,000 and 110,000
    assert (senior["n"], senior["p25"], senior["median"], senior["p75"]) == (
        2,
        95_000.0,
        100_000.0,
        105_000.0,
    )
    assert {c["currency"] for c in report["ai_premium"]["cells"]} == {"EUR"}


def test_disclosure_rates(report: dict[str, Any]) -> None:
    rows = [(r["by"], r["key"], r["n"], r["disclosed"], round(r["rate"], 3)) for r in report["disclosure"]]
    assert rows == [
        ("all", None, 13, 10, 0.769),  # all but p9 (estimated), p10, p12
        ("function", "engineering", 9, 9, 1.0),
        ("function", "marketing", 3, 1, 0.333),
        ("function", None, 1, 0, 0.0),
        ("source", "greenhouse", 5, 5, 1.0),
        ("source", "lever", 4, 2, 0.5),
        ("source", "ashby", 2, 2, 1.0),
        ("source", "jsonld", 2, 1, 0.5),
        ("industry", "software", 7, 7, 1.0),
        ("industry", "retail", 3, 0, 0.0),
        ("industry", "fintech", 2, 2, 1.0),
        ("industry", None, 1, 1, 1.0),
    ]


def test_ai_premium_cells_and_overall(report: dict[str, Any]) -> None:
    premium = report["ai_premium"]
    cells = [(c["function"], c["seniority"], c["currency"], c["n_ai"], c["n_other"], c["median_ai"],
              c["median_other"], None if c["premium"] is None else round(c["premium"], 4), c["used"])
             for c in premium["cells"]]  # fmt: skip
    assert cells == [
        # AI 124,800 130,000 140,000 vs other 100,000 110,000 120,000: 130,000 / 110,000 - 1 = 18.18%
        ("engineering", "entry", "USD", 3, 3, 130_000.0, 110_000.0, 0.1818, True),
        ("engineering", "senior", "EUR", 1, 1, None, None, None, False),
        ("marketing", "mid", "USD", 0, 1, None, None, None, False),  # p9's estimate is not disclosed
    ]
    assert (premium["min_n"], premium["cells_used"], premium["cells_dropped"]) == (3, 1, 2)
    assert premium["overall"] == pytest.approx(0.181818, abs=1e-6)
    # The bootstrap medians of three values stay within them: 124,800/120,000 - 1 and 140,000/100,000 - 1.
    assert 0.04 - 1e-9 <= premium["ci_low"] <= premium["overall"] <= premium["ci_high"] <= 0.4 + 1e-9


def test_ai_premium_overall_is_null_when_no_cell_is_used(db: sqlite_utils.Database) -> None:
    premium = build_report(db, min_n=4, now=NOW)["ai_premium"]
    assert (premium["overall"], premium["ci_low"], premium["cells_used"]) == (None, None, 0)
    assert all(c["premium"] is None and not c["used"] for c in premium["cells"])


def test_weekly_trend_by_posted_else_first_seen(report: dict[str, Any]) -> None:
    rows = [(w["week"], w["postings"], w["ai_share"] and round(w["ai_share"], 3),
             w["disclosure_rate"] and round(w["disclosure_rate"], 3)) for w in report["weekly"]]  # fmt: skip
    assert rows == [
        ("2026-W46", 3, 0.667, 0.667),  # p3 (posted 11-10), p4, p9
        ("2026-W47", 5, 0.6, 1.0),  # p1, p2 (first seen Sunday 23:00), p7, p8, p11 (garbage posted)
        ("2026-W48", 2, 0.0, 0.5),
        ("2026-W49", 1, 0.0, 1.0),
        ("2026-W50", 0, None, None),
        ("2026-W51", 0, None, None),
        ("2026-W52", 0, None, None),
        ("2026-W53", 1, 0.0, 1.0),  # p13 posted 2027-01-01, a Friday of ISO week 2026-W53
    ]


def test_weekly_week_over_week_change_on_the_panel_of_boards_crawled_in_both_weeks(
    report: dict[str, Any],
) -> None:
    """No run is recorded, so a source counts as crawled every week from the first to the last day one of its
    postings was seen: greenhouse W47–W53, lever W46–W48, ashby W48–W49, jsonld W47.

    W47 against W46: the panel is lever alone, which has no posting in W47: no change. W48 against W47: the
    panel is greenhouse and lever: W47 p1 p2 p7 p8 (AI 3 of 4, disclosed 4 of 4), W48 p10 (AI 0 of 1, disclosed
    0 of 1): postings −75%, AI share 0 − 0.75 = −0.75 with Newcombe's interval −u₂ to −0.75 + √(u₁² + (0.75 −
    l₂)²), where Wilson(0 of 1) = (0, 0.793451) and Wilson(3 of 4) = (0.300636, 0.954413): −0.954413 to
    0.161859, spanning zero. W49 against W48: greenhouse and ashby, and only ashby has postings: p6 against
    p5, nothing moves; the interval is ±u(0 of 1) = ±0.793451.
    """
    rows = {w["week"]: w for w in report["weekly"]}
    assert rows["2026-W47"]["postings_change"] is None
    assert rows["2026-W47"]["change_note"] == "no postings of boards crawled in both periods"
    w48 = rows["2026-W48"]
    assert (w48["change_panel_boards"], w48["postings_change"], w48["ai_share_change"]) == (2, -0.75, -0.75)
    assert (w48["ai_share_change_ci_low"], w48["ai_share_change_ci_high"]) == pytest.approx(
        (-0.954413, 0.161859), abs=1e-6
    )
    assert w48["ai_share_change_verdict"] == "no significant change"
    assert w48["disclosure_rate_change"] == -1.0
    w49 = rows["2026-W49"]
    assert (w49["change_panel_boards"], w49["postings_change"], w49["disclosure_rate_change"]) == (
        2,
        0.0,
        0.0,
    )
    assert (w49["ai_share_change_ci_low"], w49["ai_share_change_ci_high"]) == pytest.approx(
        (-0.793451, 0.793451), abs=1e-6
    )
    assert rows["2026-W50"]["change_note"] == "no postings of boards crawled in both periods"
    # USD leads (7 disclosed postings against 2 in EUR); W47's USD pay: p1 130K, p2 140K, p11 70K
    assert (rows["2026-W47"]["pay_currency"], rows["2026-W47"]["pay_n"], rows["2026-W47"]["median_pay"]) == (
        "USD",
        3,
        130_000.0,
    )
    assert w48["median_pay_change"] is None  # W48 has no USD pay on the panel


def test_weekly_flags_the_current_week_and_leaves_it_out_of_changes(report: dict[str, Any]) -> None:
    partial = {w["week"]: w["partial_reason"] for w in report["weekly"] if w["partial"]}
    # the latest crawl (p13 last seen 2027-01-02, a Saturday) is inside 2026-W53
    assert partial == {"2026-W53": "current week: not over at the latest crawl (2027-01-02)"}
    w53 = report["weekly"][-1]
    assert (w53["postings_change"], w53["change_note"]) == (None, "a partial week is in the periods compared")
    # Four weeks to W50 against the four before: only lever was crawled in both (W46; W47, W48): p10 against
    # p3 p4 p9, AI 0 of 1 against 2 of 3.
    w50 = next(w for w in report["weekly"] if w["week"] == "2026-W50")
    assert (w50["change_panel_boards_4w"], w50["postings_change_4w"], w50["ai_share_change_4w"]) == (
        1,
        -0.666667,
        -0.666667,
    )


def test_methodology_block(report: dict[str, Any], db: sqlite_utils.Database) -> None:
    m = report["methodology"]
    assert (m["postings"], m["roles"], m["functions"], m["industries"], m["weeks"]) == (13, 3, 2, 3, 5)
    assert (m["first_week"], m["last_week"], m["undated_postings"]) == ("2026-W46", "2026-W53", 1)
    assert (m["disclosed"], round(m["disclosure_rate"], 3), round(m["ai_share"], 3)) == (10, 0.769, 0.385)
    assert (m["llm_focused"], m["min_n"], m["extractor_version"]) == (3, 3, "0.2.0")
    assert m["sources"] == {"greenhouse": 5, "lever": 4, "ashby": 2, "jsonld": 2}
    assert m["pay_periods"] == {"year": 9, "hour": 1}
    assert m["pay_kinds"] == {"base": 9, "ote": 1}
    assert m["pay_currencies"] == {"USD": 7, "EUR": 2, "(unknown)": 1}
    assert m["pay_currency_unknown"] == 1
    assert m["taxonomy_version"].startswith("skills-sha256:")
    assert m["generated_at"] == "2026-11-23T12:00:00Z"
    assert "2080" in m["annualization"] and "interpolation" in m["percentile_method"]
    assert set(m["definitions"]) >= {"skill_shares", "ai_by_function", "salary_bands", "ai_premium", "weekly"}


def test_build_report_is_deterministic_but_for_generated_at(db: sqlite_utils.Database) -> None:
    first = build_report(db, min_n=3, now=NOW)
    second = build_report(db, min_n=3, now=datetime(2030, 1, 1, tzinfo=UTC))
    second["methodology"]["generated_at"] = first["methodology"]["generated_at"]
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def test_build_report_leaves_no_temporary_tables(db: sqlite_utils.Database) -> None:
    build_report(db, min_n=3, now=NOW)
    assert db.execute("SELECT name FROM sqlite_temp_master WHERE type = 'table'").fetchall() == []
    assert not db.conn.in_transaction


def test_build_report_week_scope_keeps_postings_of_that_week(db: sqlite_utils.Database) -> None:
    report = build_report(db, week="2026-W47", min_n=3, now=NOW)
    # Posted (else first seen) Nov 16-22: p1 (posted 16th), p2, p7, p8 (posted 19th), p11 (garbage posted
    # date, first seen 20th); not p3 (posted the 10th though first seen the 17th).
    m = report["methodology"]
    assert (m["postings"], m["disclosed"]) == (5, 5)
    assert m["scope"] == {"week": "2026-W47", "since": None, "until": None, "start": "2026-11-16",
                          "end": "2026-11-22", "segment": None, "window": "posted"}  # fmt: skip


def test_build_report_of_any_week_covers_the_postings_the_trend_counts(
    report: dict[str, Any], db: sqlite_utils.Database
) -> None:
    for row in report["weekly"]:
        weekly = build_report(db, week=row["week"], min_n=3, now=NOW)
        assert weekly["methodology"]["postings"] == row["postings"], row["week"]
        assert [w["postings"] for w in weekly["weekly"]] == ([row["postings"]] if row["postings"] else [])


def test_build_report_active_week_keeps_postings_active_that_week(db: sqlite_utils.Database) -> None:
    report = build_report(db, week="2026-W47", active=True, min_n=3, now=NOW)
    # Active in Nov 16-22: p1 p2 p3 p7 p8 (never re-seen) p9 (last seen Monday 00:00) p11; not p4 (gone
    # Sunday before), p5/p10 (first seen Monday after).
    m = report["methodology"]
    assert (m["postings"], m["disclosed"], m["scope"]["window"]) == (7, 6, "active")


def test_markdown_headline_tables(report: dict[str, Any]) -> None:
    text = to_markdown(report)
    assert text.startswith("# jobpulse report\n\n13 postings across 3 roles, 2 functions and 3 industries")
    assert "Salary disclosure rate: 76.9% (10 postings state pay" in text
    assert "| Python | skill | 53.8% | 29.1% – 76.8% | 7 |" in text
    assert "| engineering | 33.3% | 11.1% | 44.4% | 18.9% – 73.3% | 9 |" in text
    assert "| Entry | USD | $113K – $129K | $122K | n=6 |" in text
    assert "| Senior | EUR | suppressed (n=2) | – | n=2 |" in text
    assert "| ai engineer | entry | USD | $127K – $135K | $130K | n=3 |" in text
    assert "| source | lever | 2 | 50.0% | 4 |" in text
    assert "Overall AI premium: **+18.2%**" in text and "over 1 cell used; 2 cells dropped" in text
    assert "| engineering | senior | EUR | suppressed (n=1) | suppressed (n=1) | – | no |" in text
    assert "| 2026-W47 | 5 | – | 60.0% | – | 100.0% | – |" in text
    assert (
        "| 2026-W48 | 2 | -75.0% | 0.0% | -75.0 pts (-95.4 pts to +16.2 pts), no significant change |" in text
    )
    assert "| 2026-W53 (partial) | 1 | – | 0.0% | – | 100.0% | – |" in text
    assert "- 2026-W53 is partial: current week: not over at the latest crawl (2027-01-02)." in text


def test_csv_tables_round_trip_headers(report: dict[str, Any]) -> None:
    bands = to_csv(report, "salary_bands").splitlines()
    assert bands[0] == "id,role,function,seniority,currency,n,p25,median,p75,suppressed"
    assert bands[1] == "salary_bands/USD/entry,,,entry,USD,6,112500.0,122400.0,128700.0,False"
    assert (
        to_csv(report, "ai_premium")
        .splitlines()[1]
        .startswith("ai_premium/engineering/entry/USD,engineering,entry,USD,3,3,130000.0,110000.0,")
    )
