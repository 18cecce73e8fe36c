"""Property test: the work arrangement of any text is in its vocabulary."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.model import REMOTE_VALUES
from extract.remote import detect_remote

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text(max_size=400))
def test_detect_remote_in_vocabulary(text: str) -> None:
    assert detect_remote(text) in (*REMOTE_VALUES, None)
