"""extract.salary.context: sentence bounds around a figure."""

from __future__ import annotations

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
