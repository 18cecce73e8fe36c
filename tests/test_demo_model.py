"""The demo's shared vocabulary: amounts written the way postings write them."""

from __future__ import annotations

import pytest

from demo.model import money


@pytest.mark.parametrize(
    ("amount", "currency", "style", "text"),
    [
        (140000, "USD", "comma", "$140,000"),
        (140000, "USD", "k", "$140K"),
        (70000, "EUR", "dot", "€70.000"),
        (60000, "GBP", "k", "£60K"),
        (55, "USD", "cents", "$55.00"),
    ],
)
def test_money_formats(amount: int, currency: str, style: str, text: str) -> None:
    assert money(amount, currency, style) == text
