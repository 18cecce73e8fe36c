"""Plain-text formatting shared by every renderer: percentages, counts, money, and Markdown made inert.

Every value that comes from scraped or configured data (skills, roles, functions, industries, sources,
versions) passes through ``md`` before it reaches Markdown: table pipes, link brackets, HTML angle brackets,
backticks, emphasis marks and line breaks cannot change the document's structure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$", "AUD": "A$", "INR": "₹", "JPY": "¥"}
UNKNOWN = "(unknown)"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md(value: object) -> str:
    """Scraped text made inert in Markdown: one line, specials backslash-escaped; None → "(unknown)"."""
    if value is None:
        return UNKNOWN
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def pct(share: float | None, *, signed: bool = False) -> str:
    """A fraction as a percentage with one decimal ("65.0%"); "–" when missing."""
    if share is None:
        return "–"
    return f"{share * 100:+.1f}%" if signed else f"{share * 100:.1f}%"


def count(n: int) -> str:
    return f"{n:,}"


def cell_count(n: int) -> str:
    """ "1 cell", "3 cells"."""
    return f"{count(n)} cell" if n == 1 else f"{count(n)} cells"


def thousands(amount: float) -> str:
    """An amount in thousands, rounded half-up as readers expect ($112,500 → "113K"; format() rounds to even)."""
    if abs(amount) >= 1000:
        return f"{math.floor(amount / 1000 + 0.5):,}K"
    return f"{math.floor(amount + 0.5):,}"


def money(amount: float | None, currency: str) -> str:
    """Annual pay in thousands with its currency ("$130K", "€85K", "CHF 120K")."""
    if amount is None:
        return "–"
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{symbol}{thousands(amount)}" if symbol else f"{md(currency)} {thousands(amount)}"


def md_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A Markdown table as lines, from already-formatted cells."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines
