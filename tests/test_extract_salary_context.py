"""extract.salary.context: sentence bounds around a figure, estimate cues."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.salary import context


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.sampled_from([*"ab \n\t|·•.!?", "\u00a0", " · "]), max_size=30).map("".join),
    bounds=st.tuples(st.integers(0, 40), st.integers(0, 40)),
)
def test_sentence_end_fast_finds_the_same_ends(text: str, bounds: tuple[int, int]) -> None:
    pos, endpos = min(bounds), max(bounds)
    fast = [m.span() for m in context.SENTENCE_END_FAST.finditer(text, pos, endpos)]
    assert fast == [m.span() for m in context.SENTENCE_END.finditer(text, pos, endpos)]


def _estimate_at(text: str, figure: str) -> bool:
    start = text.index(figure)
    return context.is_estimate(text, start, start + len(figure))


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Estimated salary: $83,000 - $97,000", "$83,000 - $97,000"),
        ("Estimated pay range: $31-$36", "$31-$36"),
        ("Salary estimate - $58K", "$58K"),
        ("$74K - $102K (Glassdoor est.)", "$74K - $102K"),
        ("$74K - $102K a year (Indeed estimate)", "$74K - $102K a year"),
        ("Glassdoor estimate: $66,500", "$66,500"),
        ("Est. $52/hr", "$52/hr"),
        ("$4,100 per month (estimated)", "$4,100 per month"),
        ("It pays an estimated $71,000 per year", "$71,000 per year"),
    ],
)
def test_is_estimate_finds_estimate_cues(text: str, figure: str) -> None:
    assert _estimate_at(text, figure)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Salary: $83,000 - $97,000 per year", "$83,000 - $97,000"),
        ("$74K - $102K (Employer est.)", "$74K - $102K"),
        ("The estimated base salary range for this role is $129,000 - $151,000", "$129,000 - $151,000"),
        ("Shifts end at 5 EST. Pay: $24/hr", "$24/hr"),
        ("Pay: $24/hr. Est. 1987 in Dayton.", "$24/hr"),
        ("$24/hr, estimated start in May", "$24/hr"),
    ],
)
def test_is_estimate_ignores_stated_pay(text: str, figure: str) -> None:
    assert not _estimate_at(text, figure)
