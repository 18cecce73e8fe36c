"""The three AI definitions: the keyword matcher, the shares side by side, and the switch reaching every figure."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sqlite_utils

from report import ai_definitions, build_report
from report.ai_definitions import DEFINITIONS, check, contains_word, load_keywords, mentions_ai
from store.postings import upsert_posting


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Build AI/ML pipelines", True),
        ("Experience with large language models", True),
        ("Machine Learning engineer", True),
        ("j'ai trois ans d'expérience", False),  # lower-case "ai" is not the keyword AI
        ("maintain the mailroom", False),  # not inside a word
        ("we use GenAI daily", True),
        ("", False),
    ],
)
def test_mentions_ai_matches_whole_keywords(text: str, expected: bool) -> None:
    assert mentions_ai(text) is expected


def test_keyword_list_is_published_and_nonempty() -> None:
    keywords = load_keywords()
    assert "artificial intelligence" in keywords and "AI" in keywords
    assert not [k for k in keywords if k.startswith("#")]


def test_check_names_the_definitions() -> None:
    assert DEFINITIONS == ("jobpulse", "any-ai-skill", "keywords")
    with pytest.raises(ValueError, match="jobpulse, any-ai-skill, keywords"):
        check("lightcast")


def _with_keyword_posting(db: sqlite_utils.Database) -> sqlite_utils.Database:
    row = {"source": "lever", "source_id": "k1", "title": "Analyst", "company": "Co", "function": "marketing",
           "role": "marketing manager", "seniority": "mid", "ai": "none", "first_seen": "2026-11-20T08:00:00Z",
           "description": "You will apply machine learning to campaigns."}  # fmt: skip
    with db.conn:
        upsert_posting(db, row, [], None)
    return db


def test_methodology_shows_three_shares(build_golden_db: Callable[[], sqlite_utils.Database]) -> None:
    # jobpulse: p1 p2 p3 p8 p9 ask for AI; any-ai-skill: p1 p2 p8 name RAG or Pinecone; keywords: only k1.
    report = build_report(_with_keyword_posting(build_golden_db()))
    shares = {k: v["ai"] for k, v in report["methodology"]["ai_definitions"].items()}
    assert shares == {"jobpulse": 5, "any-ai-skill": 3, "keywords": 1}
    assert report["methodology"]["ai_definition"] == "jobpulse"


@pytest.mark.parametrize(
    ("definition", "engineering_any", "marketing_any"),
    [("jobpulse", 4 / 9, 1 / 4), ("any-ai-skill", 3 / 9, 0.0), ("keywords", 0.0, 1 / 4)],
)
def test_the_switch_reaches_the_figures(
    build_golden_db: Callable[[], sqlite_utils.Database],
    definition: str,
    engineering_any: float,
    marketing_any: float,
) -> None:
    report = build_report(_with_keyword_posting(build_golden_db()), ai_definition=definition)
    by_function = {r["function"]: r["any"] for r in report["ai_by_function"]}
    assert by_function["engineering"] == pytest.approx(engineering_any, abs=1e-6)
    assert by_function["marketing"] == pytest.approx(
        marketing_any if definition != "jobpulse" else 1 / 4, abs=1e-6
    )
    assert report["hubs"]["engineering"]["adoption"]["any"]["share"] == pytest.approx(
        engineering_any, abs=1e-6
    )


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [("use AI daily", "AI", True), ("MAIL", "AI", False), ("AI_tools", "AI", False), ("(AI)", "AI", True)],
)
def test_contains_word_needs_a_boundary_on_both_sides(text: str, word: str, expected: bool) -> None:
    assert contains_word(text, word) is expected


def test_keyword_share_is_sampled_above_the_limit(
    build_golden_db: Callable[[], sqlite_utils.Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ai_definitions, "KEYWORD_SAMPLE", 5)
    keywords = build_report(_with_keyword_posting(build_golden_db()))["methodology"]["ai_definitions"][
        "keywords"
    ]
    assert keywords["sampled"] is True and keywords["n"] <= 5 and keywords["ci_low"] is not None
