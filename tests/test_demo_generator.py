"""The postings generator: planted values from the vocabularies, consistent with each other and the window."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

import pytest

from demo.formats import FORMATS
from demo.market import DemoMarket, build_market
from demo.model import MARKET_DATE, load_data
from store.vocabularies import FUNCTIONS, INDUSTRIES, SENIORITY

VOCABULARIES: dict[str, set[Any]] = {
    "ats": set(FORMATS),
    "seniority": set(SENIORITY),
    "function": set(FUNCTIONS),
    "ai": {"required", "preferred", "none"},
    "remote": {"remote", "hybrid", "onsite", None},
    "industry": set(INDUSTRIES),
}


@cache
def market() -> DemoMarket:
    return build_market()


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_planted_values_use_the_vocabularies(name: str) -> None:
    assert {getattr(p, name) for p in market().postings} <= VOCABULARIES[name]


def test_planted_role_has_one_function() -> None:
    functions: dict[str, set[str]] = {}
    for p in market().postings:
        functions.setdefault(p.role, set()).add(p.function)
    assert all(len(f) == 1 for f in functions.values())


def test_planted_skills_are_sorted_and_preferred_is_a_subset() -> None:
    for p in market().postings:
        assert list(p.skills) == sorted(set(p.skills))
        assert set(p.skills_preferred) <= set(p.skills)
        assert not set(p.unasked_skills) & set(p.skills)


def test_planted_ai_follows_the_skills_asked_for() -> None:
    ai_skills = {
        name for name, entry in load_data("skills").items() if isinstance(entry, dict) and entry.get("ai")
    }
    for p in market().postings:
        required = set(p.skills) - set(p.skills_preferred)
        expected = (
            "required"
            if required & ai_skills
            else "preferred"
            if set(p.skills_preferred) & ai_skills
            else "none"
        )
        assert p.ai == expected, p
    shares = {level: sum(p.ai == level for p in market().postings) for level in ("required", "preferred")}
    assert shares["required"] > 200 and shares["preferred"] > 100


def test_planted_salary_disclosure_mix() -> None:
    disclosed = [p.salary for p in market().postings if p.salary is not None]
    assert 0.40 <= len(disclosed) / len(market().postings) <= 0.50
    field_share = sum(s.stated_in == "field" for s in disclosed) / len(disclosed)
    assert 0.4 <= field_share <= 0.6
    assert {s.currency for s in disclosed} == {"USD", "GBP", "EUR"}
    assert {s.period for s in disclosed} == {"year", "hour"}
    assert all(0 < s.min < s.max for s in disclosed)


def test_planted_posted_dates_are_in_the_window() -> None:
    for p in market().postings:
        age = (MARKET_DATE - date.fromisoformat(p.posted)).days
        assert 1 <= age <= 56
