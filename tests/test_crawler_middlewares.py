"""How long a throttled request waits before its retry."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.middlewares import retry_delay

NOW = datetime(2026, 11, 3, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "attempt", "wait"),
    [
        (b"0", 0, 0.0),
        (b"7", 3, 7.0),  # the server's word beats the backoff
        ("12", 0, 12.0),
        (b"Tue, 03 Nov 2026 12:00:30 GMT", 0, 30.0),  # an HTTP date
        (b"Tue, 03 Nov 2026 11:00:00 GMT", 0, 0.0),  # a date in the past: retry now
        (b"86400", 0, 300.0),  # capped
        (None, 0, 5.0),  # no header: base * 2**attempt
        (None, 2, 20.0),
        (None, 10, 300.0),
        (b"soon", 1, 10.0),  # unreadable: backoff
        (b"-5", 0, 5.0),
    ],
)
def test_retry_delay_honors_retry_after(header: bytes | str | None, attempt: int, wait: float) -> None:
    assert retry_delay(header, attempt=attempt, base=5.0, cap=300.0, now=NOW) == wait
