"""extract.salary.currency: the currency symbol pattern, and the currency of a posting's place."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.salary import currency


def _one_alternative_per_symbol(symbols: list[str]) -> str:
    """What currency.symbol_pattern matches, written plainly: one alternative per symbol, longest first."""
    parts = []
    for sym in sorted(symbols, key=len, reverse=True):
        body = re.escape(sym)
        if sym[0].isalpha():
            body = r"(?<![A-Za-z])" + body
        if sym in currency.NEED_DIGITS:
            body += r"(?=\s?\d)"
        elif sym[-1].isalpha():
            body += r"(?![A-Za-z])"
        parts.append(body)
    return "|".join(parts)


_PLAIN_SYMBOLS = re.compile(
    rf"(?P<pre>{_one_alternative_per_symbol(currency.ALL_SYMBOLS)})(?:\s?\$)?\s?(?=\d)", re.I
)
_CURRENCYISH = st.lists(
    st.sampled_from([*currency.ALL_SYMBOLS, "us$", "Usd", "kR", "R&D", "\u212a", "ZŁ", "1", "20", "4,000",
                     " ", "", "x", "a", "\n", "-", "$"]),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(text=_CURRENCYISH)
def test_symbol_pattern_matches_as_one_alternative_per_symbol(text: str) -> None:
    fast = [(m.span(), m.group()) for m in currency.SYMBOL_BEFORE_DIGIT.finditer(text)]
    assert fast == [(m.span(), m.group()) for m in _PLAIN_SYMBOLS.finditer(text)]


@pytest.mark.parametrize(
    ("location", "code"),
    [
        ("Harrogate, UK", "GBP"),
        ("Glasgow, Scotland", "GBP"),
        ("Tulsa, OK", "USD"),
        ("London, Ontario, Canada", "CAD"),
        ("Remote - United States", "USD"),
        ("Gdańsk, Poland", "PLN"),
        ("Austin, Texas Metropolitan Area", "USD"),
        ("Anywhere or elsewhere", None),
        ("Remote", None),
        (None, None),
    ],
)
def test_location_currency_reads_the_place_named_last(location: str | None, code: str | None) -> None:
    assert currency.location_currency(location) == code
