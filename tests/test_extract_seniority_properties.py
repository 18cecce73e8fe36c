"""Property test: seniority stays in its vocabulary and stated years in a sane range on any text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.model import SENIORITY_LEVELS
from extract.seniority import infer_seniority, years_required

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text(max_size=200), st.text(max_size=400))
def test_infer_seniority_always_in_vocabulary(title: str, text: str) -> None:
    assert infer_seniority(title, text) in SENIORITY_LEVELS
    years = years_required(text)
    assert years is None or 0 <= years <= 60
