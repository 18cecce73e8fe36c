"""Plain-text formatting shared by every renderer: percentages, counts, money, and Markdown made inert.

Every value that comes from scraped or configured data (skills, roles, functions, industries, sources,
versions) passes through ``md`` before it reaches Markdown: table pipes, link brackets, HTML angle brackets,
backticks, emphasis marks and line breaks cannot change the document's structure. Before any renderer
(Markdown, CSV, HTML and SVG, ``extract explain``'s table) writes such text, ``inert`` removes the characters
that act on a terminal or on the text around them instead of being read: C0 and C1 controls other than tab
and line breaks (NUL, ESC and its escape sequences' introducers), DEL, the bidirectional controls (U+202E
RIGHT-TO-LEFT OVERRIDE and its kin, which can make a line read backwards), lone surrogates and the
non-characters U+FFFE/U+FFFF (which XML forbids).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$", "AUD": "A$", "INR": "₹", "JPY": "¥"}
UNKNOWN = "(unknown)"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
# What ``inert`` removes (see the module docstring); tab, line feed and carriage return stay (CSV keeps them
# quoted, Markdown and HTML fold them into spaces).
_ACTIVE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufffe\uffff]"
)


def inert(value: str) -> str:
    """``value`` without control, bidirectional-control and XML-forbidden characters (the module docstring)."""
    return _ACTIVE.sub("", value)


def md(value: object) -> str:
    """Scraped text made inert in Markdown: one line, specials backslash-escaped; None → "(unknown)"."""
    if value is None:
        return UNKNOWN
    return _MD_SPECIAL.sub(r"\\\1", " ".join(inert(str(value)).split()))


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
