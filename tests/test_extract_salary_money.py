"""extract.salary.money: money figures in text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.salary import money


def _windows_step_by_step(text: str, reach: int) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for run in re.finditer(r"\d+", text):
        start, end = max(0, run.start() - reach), min(len(text), run.end() + reach)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(["1", "22", "a", "b" * 35, " ", "\n", "\u0663", "x" * 81]), max_size=20
    ).map("".join),
    reach=st.sampled_from([0, 1, 5, 40]),
)
def test_digit_windows_merge_the_stretches_around_digits(text: str, reach: int) -> None:
    assert money.digit_windows(text, reach) == _windows_step_by_step(text, reach)
