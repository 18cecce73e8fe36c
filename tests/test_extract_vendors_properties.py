"""Property test: every vendor reader raises only PayloadError, whatever the payload."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.vendors import READERS, PayloadError

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.sampled_from(sorted(READERS)), st.text(max_size=300))
def test_vendor_readers_raise_only_payload_errors(source: str, body: str) -> None:
    with contextlib.suppress(PayloadError):
        READERS[source](body, url="https://example.test/", board="b", fetched_at="2026-11-24T00:00:00Z")
