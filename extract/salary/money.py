"""Money figures in text: every amount or range with its currency symbols, multiplier and bound.

``money_spans`` finds them; whether a figure is pay is decided elsewhere (``extract.salary.context``).
Multipliers, range connectors and bound words are data (``data/salary_grammar.json``); figures that only
name a number ("401(k)", "W-2", "Fortune 500") are data too (``data/salary_cues.json``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from extract import fastscan
from extract.salary.currency import CUR, SYMBOL_BEFORE_DIGIT, currency_of
from extract.salary.periods import period_after
from extract.salary.vocab import CUES, GRAMMAR, alternatives

_NON_AMOUNT = re.compile("|".join(f"(?:{p})" for p in CUES["non_amount_patterns"]))
_NON_AMOUNT_SKELETON = fastscan.skeleton(_NON_AMOUNT)  # its matches start at "401", "W", "1099"…: fast

_MULTIPLIERS: dict[str, float] = {word: float(n) for word, n in GRAMMAR["multipliers"].items()}
_INDIAN_MULTIPLIERS = frozenset(GRAMMAR["indian_multipliers"])
_MULT = "|".join(sorted((re.escape(m) for m in _MULTIPLIERS), key=len, reverse=True))
# Thousands groups must use one separator throughout ("95,000 100%" is two numbers); Indian grouping
# (12,00,000) first; a trailing 1-2 digit group is a decimal part (28.10, 55.000,50).
_NUM = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?P<ts>[,.\u00a0 '])\d{3}(?:(?P=ts)\d{3})*|\d+)"
    r"(?:[.,]\d{1,2}(?!\d))?(?!\d)"
)
_ATOM = re.compile(
    r"(?=[^\d\n]{0,8}\d)"  # cheap guard: most positions are nowhere near a digit
    # after a currency, or not glued to a word or number; "c40000", "c.27,500" (circa) are figures too
    rf"(?:(?P<pre>{CUR})(?:\s?\$)?\s?|(?<![\w.,$])|(?<=(?<![\w])[cC])|(?<=(?<![\w])[cC]\.))"
    rf"(?P<num>{_NUM})"
    rf"(?:\s?(?P<mult>{_MULT})(?:(?![\w])|(?-i:(?=[A-Z][a-z]))))?"
    r"(?P<plus>\+)?"  # "$900K+" (a floor); "$150k + equity" is not
    rf"(?:\s?(?P<post>{CUR}))?"
    r"(?!\s?%|\s?percent|\(\w\)|:\d\d)",
    re.I,
)
_DIGIT = re.compile(r"\d")
# _ATOM's guard: a figure starts at most this many characters (none a digit) before its first digit.
_ATOM_LEAD = 8
# A non-amount pattern names a number ("401(k)", "W-2", "Fortune 500"): each match lies within this many
# characters of a digit, so only the text around digits is searched for them.
_NON_AMOUNT_REACH = 40
_CONNECTOR = re.compile(rf"\s*(?:{alternatives(GRAMMAR['connectors'])})\s*", re.I)
_BEFORE = {
    bound: re.compile(rf"\b(?:{alternatives(pieces)})\s*$", re.I)
    for bound, pieces in GRAMMAR["range_before"].items()
}
_DECIMAL_PART = re.compile(r"[.,](\d{1,2})$")
_NOT_DIGIT = re.compile(r"[^\d]")
_THREE_DIGIT_GROUP = re.compile(r"[.,]\d{3}$")
_THOUSANDS_GROUP = re.compile(r"\d[,. \u00a0']\d{3}")
# "28-33000" reads as 28,000-33,000 only when the top is less than this many times the scaled bottom.
_SHORTHAND_RATIO = 3
# "$140.88 - $49.69" is one range typed backwards when both ends carry a currency and lie this close.
_BACKWARDS_RATIO = 4
_PHONE_NEXT = re.compile(r"\s?-\s?\d")


@dataclass(frozen=True, slots=True)
class _Atom:
    start: int
    end: int
    number: float
    mult: str | None  # normalized multiplier word, e.g. "k", "lakh"
    symbols: tuple[str, ...]  # currency tokens as written, e.g. ("CA$",) or ("USD", "$")
    plus: bool
    three_digit_group: bool  # one separator before 3 digits: "1.500" may be 1500 or 1.5 ("$33.774 hourly")
    grouped: bool  # written with thousands separators or a multiplier: looks like an amount, not a count


@dataclass(frozen=True, slots=True)
class Span:
    """A money figure or range as written: its offsets, values and how it was written."""

    start: int
    end: int
    low: float
    high: float
    symbols: tuple[str, ...]
    indian: bool  # lakh/crore/LPA: Indian rupees
    bound: str | None  # "up to" or "from" when a single figure is stated as a bound
    grouped: bool = True
    multiplied: bool = False  # written with a multiplier ("150k")
    decimal_reading: tuple[float, float] | None = None  # "33.774-38.000" read with "." as decimal point


def parse_number(raw: str) -> float:
    """A number as written ("120,000", "4.250,50", "12,00,000") as a float."""
    raw = raw.replace("\u00a0", " ").replace("'", "")
    decimal = _DECIMAL_PART.search(raw)
    if decimal:
        whole = _NOT_DIGIT.sub("", raw[: decimal.start()])
        return float(f"{whole or 0}.{decimal.group(1)}")
    return float(_NOT_DIGIT.sub("", raw))


def mask_non_amounts(text: str) -> str:
    """``text`` with every non-amount figure blanked out (same length, so offsets hold)."""
    parts: list[str] = []
    done = 0
    for start, end in digit_windows(text, _NON_AMOUNT_REACH):
        for m in fastscan.finditer(_NON_AMOUNT, _NON_AMOUNT_SKELETON, text, start, end):
            parts += (text[done : m.start()], " " * (m.end() - m.start()))
            done = m.end()
    return "".join(parts) + text[done:] if parts else text


def digit_windows(text: str, reach: int) -> list[tuple[int, int]]:
    """The stretches of ``text`` within ``reach`` characters of a digit, in order, not overlapping."""
    n = len(text)
    return [
        (max(0, m.start() - reach), min(n, m.end() + reach)) for m in _digit_clusters(reach).finditer(text)
    ]


@cache
def _digit_clusters(reach: int) -> re.Pattern[str]:
    """Digit runs at most 2 x ``reach`` characters apart, whose stretches within ``reach`` meet: one match
    for each stretch, found in one search instead of a step per digit run."""
    return re.compile(rf"\d\d*(?:\D{{0,{2 * reach}}}\d+)*")  # "\d\d*": re skips ahead to a digit


def _atom_matches(text: str) -> Iterator[re.Match[str]]:
    """``_ATOM.finditer(text)``, trying only where a figure can start: at a digit, or at a currency symbol
    running up to it from at most _ATOM_LEAD characters before. Scanning every position cost more than the
    rest of pay parsing.
    """
    pos = 0
    while (digit := _DIGIT.search(text, pos)) is not None:
        first_digit = digit.start()
        start = max(pos, first_digit - _ATOM_LEAD)
        match = None
        while (
            match is None and (symbol := SYMBOL_BEFORE_DIGIT.search(text, start, first_digit + 1)) is not None
        ):
            match = _ATOM.match(text, symbol.start())
            start = symbol.start() + 1
        match = match or _ATOM.match(text, first_digit)
        if match is None:
            pos = first_digit + 1
            continue
        yield match
        pos = match.end()


def _atoms(text: str) -> list[_Atom]:
    masked = mask_non_amounts(text)
    return [_atom(m) for m in _atom_matches(masked)]


def _atom(m: re.Match[str]) -> _Atom:
    pre, post, mult = m.group("pre"), m.group("post"), m.group("mult")
    symbols = tuple(s.strip() for s in (pre, post) if s)
    if pre and m.group(0)[len(pre) :].lstrip().startswith("$"):
        symbols += ("$",)
    raw = m.group("num")
    mult_key = mult.lower().strip() if mult else None
    if mult_key in {"l", "m", "b"} and mult is not None and mult.islower() and mult_key != "m":
        mult_key = None  # lowercase "b"/"l" after a number are not multipliers ("5 l", "3 b")
    return _Atom(
        start=m.start(),
        end=m.end(),
        number=parse_number(raw),
        mult=mult_key,
        symbols=symbols,
        plus=bool(m.group("plus")),
        three_digit_group=bool(_THREE_DIGIT_GROUP.search(raw)) and raw.count(".") + raw.count(",") == 1,
        grouped=bool(mult_key) or bool(_THOUSANDS_GROUP.search(raw)),
    )


def _atom_value(atom: _Atom, mult: str | None) -> float:
    if mult is None:
        return atom.number
    number = atom.number
    if atom.three_digit_group and _MULTIPLIERS[mult] >= 1e6:
        number /= 1000.0  # "$1.500M" is 1.5 million, not 1,500 million
    return number * _MULTIPLIERS[mult]


def money_spans(text: str) -> list[Span]:
    """Every money figure or range in ``text``, in order."""
    atoms = _atoms(text)
    spans: list[Span] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        merged = _merge(text, a, b) if b is not None else None
        if merged is not None:
            spans.append(merged)
            i += 2
            continue
        spans.append(_single(text, a))
        i += 1
    return spans


def _single(text: str, a: _Atom) -> Span:
    """A figure that is not part of a range, with the bound the words before it state."""
    value = _atom_value(a, a.mult)
    before = text[max(0, a.start - 25) : a.start]
    bound = (
        "up to"
        if _BEFORE["up to"].search(before)
        else "from"
        if (_BEFORE["from"].search(before) or a.plus)
        else None
    )
    alt = (a.number / 1000, a.number / 1000) if a.three_digit_group and not a.mult else None
    indian = a.mult in _INDIAN_MULTIPLIERS
    return Span(a.start, a.end, value, value, a.symbols, indian, bound, a.grouped, bool(a.mult), alt)


def _merge(text: str, a: _Atom, b: _Atom) -> Span | None:
    """Join two atoms into a range when only a dash, "to" or "between … and" separates them."""
    if not _joined(text, a, b):
        return None
    cur_a, cur_b = currency_of(a.symbols), currency_of(b.symbols)
    if cur_a and cur_b and cur_a != cur_b and "USD" not in (cur_a, cur_b):
        return None
    # "$170-225K", "10-14 lakh": a multiplier written once applies to both ends.
    mult_a, mult_b = a.mult, b.mult
    if mult_b and not mult_a and a.number <= b.number:
        mult_a = mult_b
    elif mult_a and not mult_b and a.number <= b.number and b.number < 1000:
        mult_b = mult_a
    low, high = _atom_value(a, mult_a), _atom_value(b, mult_b)
    low = _shorthand_low(low, high, a, mult_a)
    if low > high:
        if not (a.symbols and b.symbols) or low > high * _BACKWARDS_RATIO:
            return None
        low, high = high, low  # "$140.88 - $49.69 Hourly": a range typed backwards is still one range
    indian = bool({mult_a, mult_b} & _INDIAN_MULTIPLIERS)
    alt = None
    if a.three_digit_group and b.three_digit_group and not (mult_a or mult_b):
        alt = (a.number / 1000, b.number / 1000)
    grouped = a.grouped or b.grouped
    return Span(a.start, b.end, low, high, a.symbols + b.symbols, indian, None, grouped, bool(mult_a), alt)


def _shorthand_low(low: float, high: float, a: _Atom, mult_a: str | None) -> float:
    """ "28-33000": the opening figure is written in thousands, like a shared "k" ("28-33k")."""
    if mult_a or a.grouped or low >= 1000 or low <= 0 or high < 1000:
        return low
    scaled = low * 1000
    return scaled if scaled <= high < scaled * _SHORTHAND_RATIO else low


def _joined(text: str, a: _Atom, b: _Atom) -> bool:
    """Whether only a range connector stands between two figures (and the second is not a phone number)."""
    period, after = period_after(text, a.end)
    between = text[
        after if period and after <= b.start else a.end : b.start
    ]  # "$80,000/year - $120,000/year"
    if len(between) > 12 or not _CONNECTOR.fullmatch(between):
        return False
    if between.strip().lower() == "and" and not _BEFORE["between"].search(
        text[max(0, a.start - 12) : a.start]
    ):
        return False
    return not _PHONE_NEXT.match(text[b.end : b.end + 3])  # 555-123-4567: a phone number, not a range
