"""The report benchmark on a small generated database, so the script cannot rot: no timings asserted."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.report import (
    DISCLOSED_SHARE,
    HEADLINE_SKILLS,
    LAST_WEEK,
    WEEKS,
    generate,
    main,
    measure_report,
)

POSTINGS = 2_000


@pytest.mark.parametrize("seed", [0, 1])
def test_generate_report_finds_what_was_generated(tmp_path: Path, seed: int) -> None:
    path = str(tmp_path / "bench.db")
    generated = generate(path, POSTINGS, seed=seed)
    figures = measure_report(path).figures
    m = figures["methodology"]
    assert generated.postings == POSTINGS
    assert m["postings"] == generated.jobs < POSTINGS  # duplicates are left out
    assert m["disclosed"] == generated.disclosed
    assert m["disclosure_rate"] == pytest.approx(DISCLOSED_SHARE, abs=0.04)
    assert generated.estimated > 0  # estimates were generated, and did not count as disclosed
    assert (m["weeks"], m["last_week"]) == (WEEKS, LAST_WEEK)
    assert len(figures["weekly"]) == WEEKS
    top = next(r for r in figures["skill_shares"] if r["segment"] == "all" and r["kind"] == "skill")
    assert top["skill"] in HEADLINE_SKILLS and 0.15 < top["share"] < 0.45
    assert any(not band["suppressed"] and band["currency"] == "USD" for band in figures["salary_bands"])
    assert figures["ai_premium"]["cells"] and figures["ai_by_function"]
    assert figures["disclosure"][0]["rate"] == m["disclosure_rate"]


@pytest.mark.parametrize("week", [LAST_WEEK, "2026-W10"])
def test_measure_report_one_week_is_a_part_of_all(tmp_path: Path, week: str) -> None:
    path = str(tmp_path / "bench.db")
    generated = generate(path, POSTINGS)
    measured = measure_report(path, week=week)
    assert 0 < measured.figures["methodology"]["postings"] < generated.jobs
    assert measured.markdown.startswith("# jobpulse report")
    assert measured.seconds > 0 and measured.peak_rss_mb > 0


@pytest.mark.parametrize("postings", [POSTINGS])
def test_main_prints_both_reports_and_the_targets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], postings: int
) -> None:
    main(["--postings", str(postings), "--db", str(tmp_path / "bench.db")])
    out = capsys.readouterr().out
    assert f"generated {postings:,} postings" in out
    assert "extract report, all postings" in out and f"extract report --week {LAST_WEEK}" in out
    assert "cores" in out and "< 60 s" in out
    assert out.count("target met") + out.count("TARGET NOT MET") == 2
