"""The planted truth in figures: the AI premium cells and the summary counts."""

from __future__ import annotations

from functools import cache

import pytest

from demo.market import DemoMarket, PlantedPosting, build_market


@cache
def market() -> DemoMarket:
    return build_market()


@pytest.mark.parametrize("seniority", ["mid", "senior"])
def test_planted_ai_premium_cells(seniority: str) -> None:
    cells = {(c["function"], c["seniority"]): c for c in market().summary(min_n=20)["premium_cells"]}
    cell = cells[("engineering", seniority)]
    assert cell["n_ai"] >= 20 and cell["n_non_ai"] >= 20
    assert 0.10 <= cell["premium"] <= 0.20


def test_summary_counts_match_postings() -> None:
    summary = market().summary()
    assert sum(summary["per_ats"].values()) == summary["postings"] == len(market().postings)
    assert isinstance(market().postings[0], PlantedPosting)


def test_summary_counts_listings_and_duplicates() -> None:
    summary = market().summary()
    assert summary["listings"] == summary["postings"] + sum(summary["duplicates"].values())
