"""The accuracy benchmark's own rules: tag lines, the UK site's annual figure, title classes, the sites'
categories."""

from __future__ import annotations

import pytest

from benchmarks.accuracy.adzuna import site_annual
from benchmarks.accuracy.occupations import CLEAR_CATEGORIES, NOFLUFF_CATEGORIES
from benchmarks.accuracy.skillspan import _is_tag_line
from benchmarks.accuracy.titles import NOFLUFF_LEVELS, TITLE_LEVELS, title_class_level
from extract.model import SENIORITY_LEVELS, Salary
from extract.roles import functions


@pytest.mark.parametrize(
    ("previous", "tokens", "tag"),
    [
        (["Technologies"], ["java", "spring"], True),
        (["Job", "type:"], ["Technologies:", "java", "spring"], True),
        (["Job", "type:"], ["We", "use", "java"], False),
        (["Technologies"], [], False),
    ],
)
def test_is_tag_line(previous: list[str], tokens: list[str], tag: bool) -> None:
    assert _is_tag_line(previous, tokens) is tag


@pytest.mark.parametrize(
    ("low", "high", "period", "annual"),
    [
        (20000, 30000, "year", 25000),
        (10, 12, "hour", 21120),
        (100, 100, "day", 24000),
        (2000, 2000, "month", 24000),
    ],
)
def test_site_annual_uses_the_sites_year(low: float, high: float, period: str, annual: float) -> None:
    assert site_annual(Salary(min=low, max=high, currency=None, period=period)) == pytest.approx(annual)


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Chief Operating Officer", "executive"),
        ("Head - Data Platform", "director"),
        ("Database Manager", "manager"),
        ("Clinical Trial Lead", "manager"),
        ("Software Engineer", "mid"),  # silent: its occupation (Job Zone 4) sets the level
        ("Dishwasher", "entry"),  # silent: Job Zone 1
    ],
)
def test_title_class_level(title: str, level: str) -> None:
    assert title_class_level(title) == level


def test_mappings_name_only_known_levels() -> None:
    for mapping in (TITLE_LEVELS, NOFLUFF_LEVELS):
        assert all(levels <= set(SENIORITY_LEVELS) for levels in mapping.values())


@pytest.mark.parametrize("mapping", [CLEAR_CATEGORIES, NOFLUFF_CATEGORIES])
def test_category_mappings_name_only_known_functions(mapping: dict[str, frozenset[str]]) -> None:
    assert all(found and found <= set(functions()) for found in mapping.values())
