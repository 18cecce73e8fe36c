"""Post-stratification to a reference distribution: the file format, the weights, Kish's effective n, and
the weighted figure on the golden database (worked out by hand below) with a made-up reference file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import sqlite_utils

from report import build_report
from report.render import to_markdown
from report.weighted import markdown
from report.weighting import kish, load_reference, parse_reference, strata
from store.vocabularies import INDUSTRIES, SOC_MAJOR_GROUPS

REFERENCE = Path(__file__).parent / "fixtures" / "reference" / "industry.csv"
REFERENCE_SOC = Path(__file__).parent / "fixtures" / "reference" / "occupation.csv"
CITATION = "# source: s\n# table: t\n# release: r\n# url: u\n# unit: n\n"


def test_parse_reference_reads_citation_and_shares() -> None:
    ref = load_reference("industry", REFERENCE)
    assert ref.citation["unit"] == "thousands of job openings"
    assert ref.shares == {"software": 0.5, "fintech": 0.25, "retail": 0.25}
    assert ref.left_out == ("Mining (made up)",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "# source: s\nreference_category,stratum,value\na,b,1\n",
            "citation lacks table, release, url, unit",
        ),
        (CITATION + "category,value\na,1\n", "header must be"),
        (CITATION + "reference_category,stratum,value\na,,1\n", "no positive value"),
        (CITATION + "reference_category,stratum,value\na,b,-1\n", "negative value"),
    ],
)
def test_parse_reference_rejects_malformed_files(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_reference(text)


def test_load_reference_says_when_no_file_is_shipped(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="--reference FILE"):
        load_reference("industry", tmp_path / "missing.csv")


@pytest.mark.parametrize(
    ("weights", "expected"),
    [([(1.0, 10)], 10.0), ([(2.0, 5), (2.0, 5)], 10.0), ([(1.0, 1), (3.0, 1)], 1.6)],
)
def test_kish_effective_n(weights: list[tuple[float, int]], expected: float) -> None:
    assert kish(weights) == pytest.approx(expected)


def test_strata_weights_are_reference_over_sample_share() -> None:
    rows = {r["stratum"]: r for r in strata({"software": 7, "fintech": 2, "retail": 3, None: 1, "x": 4},
                                             load_reference("industry", REFERENCE))}  # fmt: skip
    assert rows["software"]["weight"] == pytest.approx(0.5 / (7 / 12), abs=1e-6)
    assert rows["fintech"]["weight"] == pytest.approx(1.5)
    assert rows["x"]["weight"] is None and rows["x"]["sample_n"] == 4  # not in the reference


def test_build_report_weighted_by_industry(build_golden_db: Callable[[], sqlite_utils.Database]) -> None:
    # software 7 postings (AI: p1, p2, p8), fintech 2 (p3), retail 3 (p9), unknown industry 1 (p11, weight 0).
    # Weights 0.5/(7/12), 0.25/(2/12), 0.25/(3/12): AI share (3·6/7 + 1.5 + 1) / 12; Kish n 144 / 12.642857.
    report = build_report(build_golden_db(), min_n=3, weight="industry", reference=str(REFERENCE))
    weighted = report["weighted"]
    assert weighted["by"] == "industry" and weighted["left_out"] == 1
    assert weighted["dissimilarity"] == pytest.approx(1 / 12, abs=1e-6)
    ai = weighted["overall"]["ai_share_weighted"]
    assert ai["weighted"] is True
    assert ai["share"] == pytest.approx((3 * 6 / 7 + 1.5 + 1) / 12, abs=1e-6)
    assert ai["effective_n"] == pytest.approx(144 / 12.642857, abs=0.05)
    assert weighted["overall"]["ai_share"] == pytest.approx(5 / 13, abs=1e-6)  # unweighted, every posting
    stated = report["methodology"]["representativeness"]
    assert stated["industry"]["over_represented"] == ["software"] and stated["industry"]["applied"] is True
    assert stated["occupation"]["applied"] is False  # the shipped OEWS reference: stated, not applied
    assert "(weighted)" in "\n".join(markdown(report))


def test_build_report_weighted_by_occupation(build_golden_db: Callable[[], sqlite_utils.Database]) -> None:
    # SOC major groups: 15 has 9 postings (AI: p1 p2 p3 p8), 11 has 2 (p9), 41 has 1 (p12), p11 none (weight
    # 0); the reference's 29 has no posting. Reference shares over 15, 11, 41: 4/9, 3/9, 2/9, so the weights
    # are (4/9)/(9/12), (3/9)/(2/12) = 2 and (2/9)/(1/12).
    report = build_report(build_golden_db(), min_n=3, weight="occupation", reference=str(REFERENCE_SOC))
    weighted = report["weighted"]
    w15, w11, w41 = (4 / 9) / (9 / 12), 2.0, (2 / 9) / (1 / 12)
    assert {r["stratum"]: r["weight"] for r in weighted["strata"]} == {
        "11": pytest.approx(w11), "15": pytest.approx(w15, abs=1e-6), "29": None, "41": pytest.approx(w41, abs=1e-6)
    }  # fmt: skip
    assert weighted["left_out"] == 1 and weighted["missing_strata"] == ["29"]
    ai = weighted["overall"]["ai_share_weighted"]
    assert ai["share"] == pytest.approx((4 * w15 + w11) / 12, abs=1e-6)
    assert ai["effective_n"] == pytest.approx(144 / (9 * w15**2 + 2 * w11**2 + w41**2), abs=0.05)
    assert weighted["dissimilarity"] == pytest.approx(
        (0.75 - 4 / 9 + 3 / 9 - 2 / 12 + 2 / 9 - 1 / 12) / 2, abs=1e-6
    )
    text = "\n".join(markdown(report))
    assert "| 29 Healthcare Practitioners and Technical | 0 |" in text
    stated = report["methodology"]["representativeness"]
    assert stated["occupation"]["over_represented"] == ["15"] and stated["occupation"]["applied"] is True
    assert stated["industry"]["applied"] is False


def test_build_report_unweighted_by_default(build_golden_db: Callable[[], sqlite_utils.Database]) -> None:
    report = build_report(build_golden_db())
    assert report["weighted"] == {"by": None}
    stated = report["methodology"]["representativeness"]
    assert {dimension: r["applied"] for dimension, r in stated.items()} == {
        "industry": False,
        "occupation": False,
    }


REFERENCE_COLLAPSED = Path(__file__).parent / "fixtures" / "reference" / "industry_collapsed.csv"


@pytest.mark.parametrize(
    ("rows", "shares", "collapsed"),
    [
        ("a,x|y,1\nb,y | x,1\nc,z,2\n", {"x|y": 0.5, "z": 0.5}, {"x": "x|y", "y": "x|y"}),
        ("a,x,1\nb,y,3\n", {"x": 0.25, "y": 0.75}, {}),
        ("a,x|,1\n", {"x": 1.0}, {}),
    ],
)
def test_parse_reference_collapses_joined_strata(
    rows: str, shares: dict[str, float], collapsed: dict[str, str]
) -> None:
    ref = parse_reference(CITATION + "reference_category,stratum,value\n" + rows)
    assert (ref.shares, ref.collapsed) == (shares, collapsed)


def test_parse_reference_rejects_a_stratum_in_two_collapsed_strata() -> None:
    with pytest.raises(ValueError, match="'y' is in both"):
        parse_reference(CITATION + "reference_category,stratum,value\na,x|y,1\nb,y|z,1\n")


def test_build_report_weighted_by_collapsed_strata(
    build_golden_db: Callable[[], sqlite_utils.Database],
) -> None:
    # software 7 + fintech 2 postings are one stratum (AI: p1, p2, p8, p3), retail 3 (AI: p9), unknown 1.
    # Weights 0.5/(9/12) = 2/3 and 0.5/(3/12) = 2: AI share (4·2/3 + 2) / 12; Kish n 12² / (9·4/9 + 3·4) = 9.
    report = build_report(build_golden_db(), min_n=3, weight="industry", reference=str(REFERENCE_COLLAPSED))
    weighted = report["weighted"]
    assert {r["stratum"]: r["sample_n"] for r in weighted["strata"]} == {"fintech|software": 9, "retail": 3}
    ai = weighted["overall"]["ai_share_weighted"]
    assert ai["share"] == pytest.approx((4 * 2 / 3 + 2) / 12, abs=1e-6)
    assert ai["effective_n"] == pytest.approx(9.0, abs=0.05)
    assert "| fintech + software | 9 |" in "\n".join(markdown(report))


def test_shipped_industry_reference_cites_its_source_and_names_jobpulse_industries() -> None:
    ref = load_reference("industry")
    assert ref.citation["url"].startswith("https://") and "JOLTS" in ref.citation["source"]
    named = {part for key in ref.shares for part in key.split("|")}
    assert named <= set(INDUSTRIES) and sum(ref.shares.values()) == pytest.approx(1.0)


def test_shipped_occupation_reference_cites_oews_and_covers_every_civilian_major_group() -> None:
    ref = load_reference("occupation")
    assert ref.citation["url"].startswith("https://") and "OEWS" in ref.citation["source"]
    # Every SOC major group but military specific occupations (55), which OEWS does not cover.
    assert set(ref.shares) == set(SOC_MAJOR_GROUPS) - {"55"}
    assert sum(ref.shares.values()) == pytest.approx(1.0)
    assert ref.shares["43"] == pytest.approx(18218070 / 154187380)  # office and administrative support


def test_methodology_states_the_industry_and_occupation_mix_against_the_shipped_references_unweighted(
    build_golden_db: Callable[[], sqlite_utils.Database],
) -> None:
    report = build_report(build_golden_db())
    stated = report["methodology"]["representativeness"]
    assert [(r["by"], r["applied"]) for r in stated.values()] == [("industry", False), ("occupation", False)]
    assert "JOLTS" in stated["industry"]["reference"]["source"]
    assert "OEWS" in stated["occupation"]["reference"]["source"]
    text = to_markdown(report)
    assert "by industry against" in text and "by occupation against" in text
