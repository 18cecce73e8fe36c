"""Property test: HTML to text never raises on arbitrary markup and drops tags."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.html_text import html_to_text

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MARKUP = st.text(alphabet=st.sampled_from(list("<>/=\"'&;# abcpliuh123\n\t")), max_size=300)


@FAST
@given(st.text(max_size=400) | MARKUP)
def test_html_to_text_never_raises_and_drops_tags(markup: str) -> None:
    text = html_to_text(markup)
    assert isinstance(text, str)
    assert "<script" not in text.lower() or "<script" in markup.lower()
