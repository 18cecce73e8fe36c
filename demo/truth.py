"""The planted truth in figures: what a correct crawl, extraction and report should recover.

``summary`` gives the headline counts (per source, function and seniority; pay disclosure; AI level; work
arrangement; duplicates) and ``premium_cells`` the AI pay premium per function x seniority cell, computed
from the planted postings the way the report computes it from extracted ones.
"""

from __future__ import annotations

import statistics
from collections import Counter
from typing import TYPE_CHECKING, Any

from demo.model import HOURS_PER_YEAR, PlantedPosting, PlantedSalary

if TYPE_CHECKING:
    from demo.market import DemoMarket


def annual_midpoint(salary: PlantedSalary) -> float:
    """Midpoint of the stated range, per year (hourly x 2,080)."""
    factor = HOURS_PER_YEAR if salary.period == "hour" else 1
    return (salary.min + salary.max) / 2 * factor


def premium_cells(postings: tuple[PlantedPosting, ...], min_n: int = 20) -> list[dict[str, Any]]:
    """Function x seniority cells with at least ``min_n`` USD-disclosed postings on each side.

    AI side = ai required or preferred; the other side = ai none. Premium = ratio of median annual
    midpoints minus one.
    """
    sides: dict[tuple[str, str], dict[bool, list[float]]] = {}
    for p in postings:
        if p.salary is None or p.salary.currency != "USD":
            continue
        cell = sides.setdefault((p.function, p.seniority), {True: [], False: []})
        cell[p.ai != "none"].append(annual_midpoint(p.salary))
    cells = []
    for (function, seniority), values in sorted(sides.items()):
        ai_side, other = values[True], values[False]
        if len(ai_side) >= min_n and len(other) >= min_n:
            premium = statistics.median(ai_side) / statistics.median(other) - 1
            cells.append(
                {
                    "function": function,
                    "seniority": seniority,
                    "n_ai": len(ai_side),
                    "n_non_ai": len(other),
                    "premium": round(premium, 3),
                }
            )
    return cells


def posting_summary(postings: tuple[PlantedPosting, ...], min_n: int) -> dict[str, Any]:
    """Counts and pay figures of a set of postings (each job once)."""
    disclosed = [p for p in postings if p.salary is not None]
    return {
        "postings": len(postings),
        "per_ats": dict(sorted(Counter(p.ats for p in postings).items())),
        "per_function": dict(Counter(p.function for p in postings).most_common()),
        "per_seniority": dict(Counter(p.seniority for p in postings).most_common()),
        "roles": len({p.role for p in postings}),
        "disclosure_rate": round(len(disclosed) / len(postings), 3),
        "salary_stated_in": dict(sorted(Counter(p.salary.stated_in for p in disclosed if p.salary).items())),
        "salary_currency": dict(sorted(Counter(p.salary.currency for p in disclosed if p.salary).items())),
        "salary_period": dict(sorted(Counter(p.salary.period for p in disclosed if p.salary).items())),
        "ai": dict(sorted(Counter(p.ai for p in postings).items())),
        "remote": dict(sorted(Counter(p.remote or "unstated" for p in postings).items())),
        "premium_cells": premium_cells(postings, min_n),
    }


def summary(market: DemoMarket, min_n: int = 20) -> dict[str, Any]:
    """Headline figures of the market's planted truth.

    ``postings`` counts each job once, as the report does; ``listings`` adds the second listings.
    """
    return {
        **posting_summary(market.postings, min_n),
        "listings": len(market.listings),
        "duplicates": dict(sorted(Counter(p.ats for p in market.duplicates).items())),
        "lookalikes": len(market.lookalikes),
    }
