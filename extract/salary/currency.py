"""Currencies: the symbols a posting writes, the pattern that finds them, and which currency a figure is in.

Symbols, the dollars a bare "$" may mean, the ambiguous "kr" and a typical salary per currency are data
(``data/currency.json``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.salary.vocab import CURRENCY, phrase_pattern

TYPICAL: dict[str, float] = {code: float(v) for code, v in CURRENCY["typical_annual"].items()}
DEFAULT_TYPICAL = TYPICAL["USD"]
ISO_CODES = frozenset(TYPICAL) | frozenset(CURRENCY["symbols"].values())

SYMBOLS: dict[str, str] = {code: code for code in ISO_CODES}
SYMBOLS.update(CURRENCY["symbols"])
AMBIGUOUS: dict[str, dict[str, list[str]]] = CURRENCY["ambiguous"]
NEED_DIGITS = frozenset(CURRENCY["letter_symbols_need_digits"])


def symbol_pattern(symbols: list[str]) -> str:
    """The symbols as alternatives, longest first; one that starts with a letter must not follow a letter, one
    that ends with one must not precede a letter, and a few need a digit next ("R 500", not "R&D").

    Written for speed, matching what one alternative per symbol matches: symbols are grouped by their first
    character ("U" for "USD", "US$", "U.S.$"), longest first within a group (two symbols starting differently
    never match at the same place, so the order between groups does not matter), and "not after a letter" is
    tested once for all symbols starting with one. re then gives up on a position after a few tests instead
    of one per symbol.
    """
    groups: dict[str, tuple[str, list[str]]] = {}  # first character, lower-cased -> (as written, the rests)
    for sym in sorted(symbols, key=len, reverse=True):
        rest = re.escape(sym[1:])
        if sym in NEED_DIGITS:
            rest += r"(?=\s?\d)"
        elif sym[-1].isalpha():
            rest += r"(?![A-Za-z])"
        groups.setdefault(sym[0].lower(), (sym[0], []))[1].append(rest)
    letters: list[str] = []
    others: list[str] = []
    for first, rests in groups.values():
        alternative = re.escape(first) + (f"(?:{'|'.join(rests)})" if rests != [""] else "")
        (letters if first.isalpha() else others).append(alternative)
    return rf"(?<![A-Za-z])(?:{'|'.join(letters)})|" + "|".join(others)


ALL_SYMBOLS = list(SYMBOLS) + list(AMBIGUOUS)
CUR = symbol_pattern(ALL_SYMBOLS)
# A currency symbol (and the space or "$" a figure allows after it) running up to a digit: the only place a
# figure can start other than at its first digit. No symbol holds a digit, so this ends at the first digit.
SYMBOL_BEFORE_DIGIT = re.compile(rf"(?:{CUR})(?:\s?\$)?\s?(?=\d)", re.I)
assert not any(c.isdigit() for symbol in ALL_SYMBOLS for c in symbol)

_DOLLAR_FAMILY = {
    str(code): re.compile(phrase_pattern(words)) for code, words in CURRENCY["dollar_family"].items()
}
_COUNTRY_WORDS = {
    symbol: {code: re.compile(phrase_pattern(words)) for code, words in options.items()}
    for symbol, options in AMBIGUOUS.items()
}


def currency_of(symbols: tuple[str, ...]) -> str | None:
    """The most specific currency the written symbols name ("$" alone is only a guess at USD)."""
    specific = [s for s in symbols if s != "$" and s in SYMBOLS and SYMBOLS[s] != "USD"]
    if specific:
        return SYMBOLS[specific[0]]
    usd = [s for s in symbols if s in SYMBOLS]
    return "USD" if usd else None


def resolve_currency(symbols: tuple[str, ...], indian: bool, sentence: str, text: str) -> str | None:
    """The currency of a figure written with ``symbols`` (``indian``: lakh/crore/LPA) in ``sentence``."""
    ambiguous = [s for s in symbols if s in AMBIGUOUS]
    if ambiguous:
        return _by_country_words(_COUNTRY_WORDS[ambiguous[0]], text)
    currency = currency_of(symbols)
    if currency is None:
        return "INR" if indian else None
    if symbols and all(s == "$" for s in symbols):
        # A bare "$" is USD unless the statement names another dollar ("$120,000 - $140,000 CAD").
        for code, pattern in _DOLLAR_FAMILY.items():
            if pattern.search(sentence):
                return code
    return currency


def field_currency(value: object) -> str | None:
    """A structured currency field ("usd", "£") as an ISO code, or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    token = value.strip()
    if token.upper() in ISO_CODES:
        return token.upper()
    return SYMBOLS.get(token)


def _by_country_words(options: dict[str, re.Pattern[str]], text: str) -> str | None:
    for code, pattern in options.items():
        if pattern.search(text):
            return code
    return None


_PLACES = {code: re.compile(phrase_pattern(words)) for code, words in CURRENCY["country_currency"].items()}


@lru_cache(maxsize=4096)  # a crawl repeats the same few hundred places
def location_currency(location: str | None) -> str | None:
    """The currency of the place a posting names ("Leeds, UK" -> GBP, "Austin, TX" -> USD), or None. The
    place named last wins: a country or state follows its town ("London, Ontario, Canada")."""
    if not location:
        return None
    best: tuple[int, str] | None = None
    for code, pattern in _PLACES.items():
        for m in pattern.finditer(location):
            if best is None or m.end() > best[0]:
                best = (m.end(), code)
    return best[1] if best else None
