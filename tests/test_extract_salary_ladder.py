"""extract.salary.ladder: one job's pay stated per level is published as the envelope of the levels."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from extract.model import Salary
from extract.salary import find_salaries, find_salary
from extract.salary.ladder import envelope, ladder_length
from extract.salary.magnitude import make

# (text, (min, max, period)): the lowest minimum to the highest maximum of the levels, all USD.
LADDERS = [
    # roman numerals after the title, labels glued to the previous figure by a lost line break
    (
        "The hire may join at either level:Field Mechanic I: $31.50 - $44.10 per hour"
        "Field Mechanic II: $36.20 - $50.75 per hour. Benefits start on day one.",
        (31.5, 50.75, "hour"),
    ),
    (
        "Lab Assistant I - $18.00 - $22.00 per hour\nLab Assistant II - $20.50 - $25.00 per hour\n"
        "Lab Assistant III - $23.00 - $28.40 per hour",
        (18, 28.4, "hour"),
    ),
    # numbers after the title, with the pay words between label and figure
    (
        "Claims Analyst 1 pay range: $52,000 - $61,000 per year; Claims Analyst 2 pay range: $58,000 - $70,000 per year",
        (52000, 70000, "year"),
    ),
    # "Level N", "Grade N", "Step N" with no title
    (
        "Level 1: $60,000 - $70,000 per year\nLevel 2: $72,000 - $85,000 per year\nLevel 3: $88,000 - $101,000 per year",
        (60000, 101000, "year"),
    ),
    ("Grade 7: $24.10 - $29.80 per hour\nGrade 8: $26.00 - $32.15 per hour", (24.1, 32.15, "hour")),
    # level words before the title
    (
        "Junior Data Analyst: $58,000 - $66,000 per year; Senior Data Analyst: $80,000 - $95,000 per year",
        (58000, 95000, "year"),
    ),
    # a starting range and the range with experience
    (
        "New coordinators can expect $38,000-42,000 per year at first, and experienced coordinators "
        "will earn $45,000-51,000+ per year.",
        (38000, 51000, "year"),
    ),
    ("Starting at $19 - $21 per hour, up to $26 per hour with experience.", (19, 26, "hour")),
]

# (text, (min, max, period)): ranges of different things keep the first stated.
NOT_LADDERS = [
    # per location
    ("Seattle: $120,000 - $150,000 per year; Denver: $105,000 - $130,000 per year", (120000, 150000, "year")),
    ("Zone 1: $120,000 - $150,000 per year\nZone 2: $105,000 - $130,000 per year", (120000, 150000, "year")),
    (
        "Tier 1 markets: $96,000 - $118,000 per year\nTier 2 markets: $88,000 - $108,000 per year",
        (96000, 118000, "year"),
    ),
    # per contract type
    ("Employee (W2): $48 - $55 per hour\nContractor (1099): $60 - $68 per hour", (48, 55, "hour")),
    ("Option 1: $70,000 - $80,000 per year\nOption 2: $75,000 - $86,000 per year", (70000, 80000, "year")),
    # a differential after a starting rate, said "depending on experience"
    ("Starting pay $19-$21/hr depending on experience, weekend rate $25/hr", (19, 21, "hour")),
    ("Starting pay $19 - $21 per hour. Night shift differential: $2 per hour", (19, 21, "hour")),
    # two different jobs, with or without levels
    ("Line Cook II: $20 - $24 per hour\nDishwasher I: $17 - $19 per hour", (20, 24, "hour")),
    ("Line Cook: $20 - $24 per hour\nDishwasher: $17 - $19 per hour", (20, 24, "hour")),
    # the same level twice is not a ladder; nor a progression over time
    ("Technician I: $30 - $35 per hour\nTechnician I: $32 - $37 per hour", (30, 35, "hour")),
    ("Year 1: $55,000 - $60,000 per year\nYear 2: $60,000 - $66,000 per year", (55000, 60000, "year")),
    # levels in different periods or currencies are not one envelope
    ("Analyst I: $28 - $32 per hour\nAnalyst II: $75,000 - $90,000 per year", (28, 32, "hour")),
    (
        "Engineer I: $90,000 - $110,000 per year\nEngineer II: £70,000 - £85,000 per year",
        (90000, 110000, "year"),
    ),
    # a starting range followed by a higher one with no word of experience
    (
        "Starting pay $38,000 - $42,000 per year. Supervisors earn $50,000 - $56,000 per year.",
        (38000, 42000, "year"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), LADDERS)
def test_find_salary_ladder_gives_the_envelope(
    text: str, expected: tuple[float, float, str], salary_invariants: Callable[[object], None]
) -> None:
    salary = find_salary(text)
    assert salary is not None
    salary_invariants(salary)
    assert (salary.min, salary.max, salary.period, salary.currency, salary.kind) == (*expected, "USD", "base")
    assert salary.note is not None and "envelope" in salary.note


@pytest.mark.parametrize(("text", "expected"), NOT_LADDERS)
def test_find_salary_not_ladder_keeps_the_first(text: str, expected: tuple[float, float, str]) -> None:
    salary = find_salary(text)
    assert salary is not None
    assert (salary.min, salary.max, salary.period) == expected
    assert salary.note is None or "envelope" not in salary.note


def _stated(*ranges: tuple[int, float, float, str]) -> list[tuple[int, int, Salary]]:
    return [(start, start + 10, make(low, high, "USD", period)) for start, low, high, period in ranges]


@pytest.mark.parametrize(
    ("ranges", "expected"),
    [
        ([(0, 10, 12, "hour"), (20, 9, 15, "hour"), (40, 11, 13, "hour")], (9, 15)),
        ([(0, 50000, 60000, "year"), (20, 55000, 58000, "year")], (50000, 60000)),
    ],
)
def test_envelope_spans_the_lowest_minimum_to_the_highest_maximum(
    ranges: list[tuple[int, float, float, str]], expected: tuple[float, float]
) -> None:
    stated = _stated(*ranges)
    assert envelope(stated, len(stated)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Welder I: $20 - $24/hr Welder II: $23 - $28/hr Welder III: $27 - $33/hr", 3),
        ("Welder I: $20 - $24/hr Welder II: $23 - $28/hr Painter III: $27 - $33/hr", 2),
        # money between two levels (here a premium) ends the ladder
        ("Welder I: $20 - $24/hr Welder II: $23 - $28/hr (plus $3/hr premium) Welder III: $27 - $33/hr", 2),
        ("Welders: $20 - $24/hr Painters: $23 - $28/hr", 1),
    ],
)
def test_ladder_length_counts_the_leading_levels(text: str, expected: int) -> None:
    stated = [(start, end, salary) for salary, start, end in find_salaries(text)]
    assert ladder_length(text, stated) == expected
