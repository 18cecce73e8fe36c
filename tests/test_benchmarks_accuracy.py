"""The accuracy benchmark's own rules: tag lines, the UK site's annual figure, title classes, the sites'
categories."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.accuracy.adzuna import site_annual
from benchmarks.accuracy.decorated import (
    DECORATIONS,
    PLACES_PER_TITLE,
    SOURCES,
    decorated_section,
    placed_section,
)
from benchmarks.accuracy.occupations import (
    CLEAR_CATEGORIES,
    NOFLUFF_CATEGORIES,
    _role_layer_damage,
    _titles_against_categories,
)
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


def test_titles_against_categories_counts_mapped_categories_and_names_those_left_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A legal ad is scored against its category like a nursing one; hospitality names an industry, not a
    # function: left out of the denominator and printed with its count.
    rows = [
        {"Title": "Registered Nurse", "Category": "Healthcare & Nursing Jobs"},
        {"Title": "Solicitor", "Category": "Legal Jobs"},
        {"Title": "Waiter", "Category": "Hospitality & Catering Jobs"},
        {"Title": "Chef", "Category": "Hospitality & Catering Jobs"},
    ]
    _titles_against_categories(rows, "Title", "Category", CLEAR_CATEGORIES, examples=0)
    printed = capsys.readouterr().out
    assert "function agrees with a clearly mapped category 1.000 (2/2)" in printed
    assert "categories left out (no function of ours): Hospitality & Catering Jobs 2" in printed


def test_role_layer_damage_counts_the_titles_the_roles_recode(tmp_path: Path) -> None:
    # Coded right by the index and kept; coded right and recoded by a role (a field service engineer is the
    # maintenance technician's, as British postings mean); not coded right by the index (left out).
    rows = [
        ("Registered Nurse", "29-1141.00"),
        ("Field Service Engineer", "17-2061.00"),
        ("Cashier", "53-3032.00"),
    ]
    lines = ["O*NET-SOC Code\tReported Job Title\tShown in My Next Move", *(f"{c}\t{t}\tN" for t, c in rows)]
    (tmp_path / "Sample_of_Reported_Titles.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _role_layer_damage(tmp_path).endswith("kept 0.500 (1/2)")


def test_decorated_section_reads_each_distinct_title_with_each_decoration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A title in two sets is one title; every decoration is tried on each, and none changes these.
    titles = {
        "adzuna-uk-salaries": ["Registered Nurse", "Kitchen Porter"],
        "linkedin-2024": ["Registered Nurse"],
    }
    for folder, name, column in SOURCES:
        (tmp_path / folder).mkdir()
        rows = [column, *titles.get(folder, ["Forklift Operator"])]
        (tmp_path / folder / name).write_text("\n".join(rows) + "\n", encoding="utf-8")
    decorated_section(tmp_path, examples=3)
    printed = capsys.readouterr().out
    pairs = 3 * len(DECORATIONS)
    assert f"3 distinct real titles, each with {len(DECORATIONS)} decorations" in printed
    assert f"read as the bare title (role and detailed occupation) 1.000 ({pairs}/{pairs})" in printed
    assert "changed, by decoration: none" in printed


def test_placed_section_writes_the_gazetteers_location_words_after_each_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Only the words all three annotators label a location are written, an acronym in capitals, in turn.
    for folder, name, column in SOURCES:
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text(f"{column}\nRegistered Nurse\nIT Lead\n", encoding="utf-8")
    (tmp_path / "ipod-title-gazetteer").mkdir()
    (tmp_path / "ipod-title-gazetteer" / "gazetteer.csv").write_text(
        "Title,A1,A2,A3\nemea,LOC,LOC,LOC\nswindon,LOC,LOC,LOC\nnurse,FUN,FUN,FUN\ncentral,LOC,LOC,O\n",
        encoding="utf-8",
    )
    placed_section(tmp_path, examples=3)
    printed = capsys.readouterr().out
    pairs = 2 * PLACES_PER_TITLE
    assert (
        f"2 distinct real titles, each followed by {PLACES_PER_TITLE} of the 2 IPOD location words" in printed
    )
    assert f"read as the bare title (role and detailed occupation) 1.000 ({pairs}/{pairs})" in printed
    assert "changed, by place: none" in printed
