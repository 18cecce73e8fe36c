"""Posting dates: structured values, relative text, and "Posted …" statements in descriptions."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.dates import find_posted_in_text, parse_posted

FETCHED = "2026-11-24T15:12:08Z"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # ISO dates and datetimes: the stated calendar date, offsets not converted
        ("2026-11-12", "2026-11-12"),
        ("2026-11-01T22:30:00-04:00", "2026-11-01"),
        ("2026-11-16T09:00:00.000+00:00", "2026-11-16"),
        ("2026-11-16T09:00:00Z", "2026-11-16"),
        ("2026-09-29 16:02:37 UTC", "2026-09-29"),  # Recruitee
        ("2026/10/05", "2026-10-05"),
        # epoch seconds and milliseconds, as numbers or strings
        (1784172458969, "2026-07-16"),
        (1784172458, "2026-07-16"),
        ("1784172458969", "2026-07-16"),
        (1784172458.5, "2026-07-16"),
        # relative text against the fetch time
        ("Posted 3 days ago", "2026-11-21"),
        ("3 days ago", "2026-11-21"),
        ("Posted today", "2026-11-24"),
        ("today", "2026-11-24"),
        ("Posted yesterday", "2026-11-23"),
        ("2 weeks ago", "2026-11-10"),
        ("a week ago", "2026-11-17"),
        ("an hour ago", "2026-11-24"),
        ("16 hours ago", "2026-11-23"),
        ("1 month ago", "2026-10-24"),
        ("Posted 30+ days ago", None),
        ("30+ days ago", None),
        # written dates
        ("Posted on Nov 12, 2026", "2026-11-12"),
        ("November 18, 2026", "2026-11-18"),
        ("12 November 2026", "2026-11-12"),
        ("5 Nov 2026", "2026-11-05"),
        ("Sept 30, 2026", "2026-09-30"),
        ("Nov 12", "2026-11-12"),
        ("Dec 20", "2025-12-20"),  # no year, and this year's would be in the future
        ("11/18/2026", "2026-11-18"),
        ("14/11/2026", "2026-11-14"),
        ("18.11.2026", "2026-11-18"),
        ("03/04/2026", "2026-04-03"),  # ambiguous: the latest reading not after the fetch
        # a Java Date's toString, as some ATS feeds print it (read without the slow dateparser path)
        ("Thu Nov 19 02:00:00 UTC 2026", "2026-11-19"),
        ("Mon Oct 05 14:30:00 CEST 2026", "2026-10-05"),
        ("Tue Sep 01 09:00 +0100 2026", "2026-09-01"),
        # nothing
        (None, None),
        ("", None),
        ("soon", None),
        (True, None),
    ],
)
def test_parse_posted_normalizes_to_iso_date(value: str | int | float | None, expected: str | None) -> None:
    assert parse_posted(value, FETCHED) == expected


def test_parse_posted_falls_back_to_dateparser() -> None:
    assert parse_posted("il y a 2 jours", FETCHED) == "2026-11-22"


@pytest.mark.parametrize(
    ("text", "fetched_at", "expected"),
    [
        ("Posted 3 days ago\n\nAbout us", "2026-11-24T15:12:08Z", "2026-11-21"),
        ("Date posted: 11/18/2026 | Full-time", "2026-11-24T08:30:00Z", "2026-11-18"),
        ("Posted: November 18, 2026", "2026-11-23T16:05:12Z", "2026-11-18"),
        ("London (Hybrid) — Marketing — Posted 5 Nov 2026", "2026-11-28T10:45:00Z", "2026-11-05"),
        ("Acme | Remote (US) | Posted on 2026-11-02", "2026-11-23T17:20:00Z", "2026-11-02"),
        (
            "Posted 12 November 2026 · Applications close 15 December 2026",
            "2026-11-29T10:10:00Z",
            "2026-11-12",
        ),
        ("Posted on 14/11/2026", "2026-11-24T06:30:00Z", "2026-11-14"),
        ("Posted today", "2026-11-28T18:45:00Z", "2026-11-28"),
        ("Posted yesterday", "2026-11-28T10:00:00Z", "2026-11-27"),
        ("Published: 2026-10-30", "2026-11-29T16:00:00Z", "2026-10-30"),
        ("Listed on Oct 30, 2026", "2026-11-29T16:00:00Z", "2026-10-30"),
        ("Posted 30+ days ago", "2026-11-25T11:20:00Z", None),
        # no posted cue: other dates are not the posting date
        ("Applications close 15 December 2026. Start date: January 2027.", "2026-11-29T10:10:00Z", None),
        ("Apply by 2026-12-31", "2026-11-29T10:10:00Z", None),
        ("validThrough: 2027-01-15", "2026-11-29T10:10:00Z", None),
        ("Founded in 2019, we posted record growth in 2025.", "2026-11-29T10:10:00Z", None),
        ("Internship: June 14 – September 3, 2027", "2026-11-20T19:00:00Z", None),
        ("", "2026-11-20T19:00:00Z", None),
    ],
)
def test_find_posted_in_text_needs_a_posted_cue(text: str, fetched_at: str, expected: str | None) -> None:
    assert find_posted_in_text(text, fetched_at) == expected


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.none(), st.text(max_size=60), st.integers(), st.floats(allow_nan=True, allow_infinity=True))
)
def test_parse_posted_never_raises_and_returns_iso_or_none(value: str | int | float | None) -> None:
    result = parse_posted(value, FETCHED)
    assert result is None or (_ISO_DATE.match(result) and date.fromisoformat(result))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_find_posted_in_text_never_raises(text: str) -> None:
    result = find_posted_in_text(text, FETCHED)
    assert result is None or _ISO_DATE.match(result)


@given(st.integers(min_value=0, max_value=400))
def test_parse_posted_days_ago_counts_back_from_fetch(days: int) -> None:
    result = parse_posted(f"Posted {days} days ago", FETCHED)
    assert result is not None
    assert (date(2026, 11, 24) - date.fromisoformat(result)).days == days


@pytest.mark.parametrize(
    ("value", "fetched_at"),
    [
        ("Posted 100000 years ago", FETCHED),  # year −98000: raised ValueError
        ("Posted 1200000 months ago", FETCHED),
        ("Posted 99999999999 days ago", FETCHED),  # raised OverflowError
        ("9999-12-31", FETCHED),
        ("0001-01-01", FETCHED),
        ("1970-01-01", FETCHED),
        (253402300799, FETCHED),  # epoch seconds of 9999-12-31
        ("il y a 100000 ans", FETCHED),
        ("yesterday", "0001-01-01T00:00:00Z"),
        ("today", "9999-12-31T00:00:00Z"),
    ],
)
def test_parse_posted_rejects_dates_outside_the_window(value: str | int, fetched_at: str) -> None:
    assert parse_posted(value, fetched_at) is None


def test_find_posted_in_text_rejects_an_absurd_relative_date() -> None:
    assert find_posted_in_text("Data Engineer. Posted 100000 years ago. Apply now.", FETCHED) is None
