"""Property test: the function of any title and department is one of the 24 or None."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.posting_roles import classify_role
from extract.roles import functions

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text(max_size=200), st.text(max_size=100))
def test_classify_role_function_in_vocabulary(title: str, department: str) -> None:
    _, function = classify_role(title, department, title)
    assert function is None or function in functions()
