"""Stated pay: from a structured ATS field or from a posting's free text, with annualized values.

Text parsing works in three steps. ``_money_spans`` finds every money figure or range (amount, currency,
multiplier, an attached period). ``_classify`` decides from the words around it whether it is the role's
pay: the cue nearest to the figure wins, using the vocabulary in ``data/salary_cues.json`` (pay cues
like salary/base/OTE/rate against non-pay cues like raised/revenue/ARR/stipend/budget/401(k)). Last,
magnitudes are judged against a typical salary in the same currency (``data/currency.json``), so a
"$40M" is never a salary and an unstated period is read from the size of the figure.

Structured fields (Greenhouse, Lever, Ashby, JSON-LD, Recruitee, USAJOBS) go through
``salary_from_fields``, which normalizes the period vocabulary and flags implausible magnitudes in
``Salary.note`` instead of silently keeping or dropping them.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from extract import fastscan
from extract.model import PERIODS, Salary

_DATA = Path(__file__).parent / "data"
_CUES: dict[str, Any] = json.loads((_DATA / "salary_cues.json").read_text(encoding="utf-8"))
_CURRENCY: dict[str, Any] = json.loads((_DATA / "currency.json").read_text(encoding="utf-8"))

# Working-time conventions for annualizing (40 h x 52 weeks; 5 days x 52 weeks).
_PER_YEAR = {"hour": 2080.0, "day": 260.0, "week": 52.0, "month": 12.0, "year": 1.0}
# A figure is plausible as pay when its annualized value lies within this factor of a typical
# salary in its currency: wide enough for part-time interns and executives, narrow enough to drop
# "$40M" and to catch an employer who typed "100" meaning "100K".
_PLAUSIBLE_LOW, _PLAUSIBLE_HIGH = 0.04, 25.0
# When the period is not stated, a yearly reading is the common case; other periods must fit better by
# this factor (log space) to win.
_YEAR_BIAS = math.log(3.0)
_TYPICAL: dict[str, float] = {code: float(v) for code, v in _CURRENCY["typical_annual"].items()}
_DEFAULT_TYPICAL = _TYPICAL["USD"]
ISO_CODES = frozenset(_TYPICAL) | frozenset(_CURRENCY["symbols"].values())


def annualize(value: float, period: str) -> float:
    """Return ``value`` per ``period`` as a yearly amount (hour x 2080, day x 260, week x 52, month x 12)."""
    try:
        return value * _PER_YEAR[period]
    except KeyError:
        raise ValueError(f"unknown period {period!r}; expected one of {PERIODS}") from None


# --------------------------------------------------------------------------------------------------
# vocabulary → regular expressions (built once at import)


# Word boundaries that also split words glued together by careless HTML-to-text ("TahoeSalary Range:",
# "$47.00 per hourBenefits"): a lowercase letter followed by a capital starts a new word.
_START = r"(?:(?<![\w$£€])|(?-i:(?<=[a-z])(?=[A-Z])))"
_END = r"(?:(?![\w])|(?-i:(?<=[a-z])(?=[A-Z][a-z])))"


def _phrase_pattern(phrases: list[str]) -> str:
    """Alternation of phrases on word boundaries; short all-caps acronyms (OTE, ARR) keep their case."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in phrase.split())
        if phrase.isupper() and len(phrase) <= 4:
            body = f"(?-i:{body})"
        parts.append(body)
    return rf"{_START}(?:" + "|".join(parts) + rf"){_END}"


_PAY_CUE = re.compile(_phrase_pattern(_CUES["pay"]), re.I)
_STRONG_PAY_CUE = re.compile(_phrase_pattern(_CUES["strong_pay"]), re.I)
_OTE_CUE = re.compile(_phrase_pattern(_CUES["ote"]), re.I)
_OTE_TOTAL_CUE = re.compile(_phrase_pattern(_CUES["ote_total"]), re.I)
_NON_PAY_CUE = re.compile(_phrase_pattern(_CUES["non_pay"]), re.I)
_NON_PAY_AFTER_CUE = re.compile(_phrase_pattern(_CUES["non_pay"] + _CUES["non_pay_after"]), re.I)
_STIPEND = re.compile(_phrase_pattern(_CUES["stipend"]), re.I)
_NON_AMOUNT = re.compile("|".join(f"(?:{p})" for p in _CUES["non_amount_patterns"]))
_NON_AMOUNT_SKELETON = fastscan.skeleton(_NON_AMOUNT)  # its matches start at "401", "W", "1099"…: fast

_PERIOD_AFTER = {
    period: re.compile(r"(?:" + "|".join(patterns) + rf"){_END}", re.I)
    for period, patterns in _CUES["periods"].items()
}
# Matches where one of _PERIOD_AFTER does (and only there): most figures have no period after them.
_ANY_PERIOD_AFTER = re.compile(
    r"(?:" + "|".join(p for patterns in _CUES["periods"].values() for p in patterns) + rf"){_END}", re.I
)
_PERIOD_BEFORE = {
    period: re.compile(_phrase_pattern(words), re.I) for period, words in _CUES["period_words_before"].items()
}

_SYMBOLS: dict[str, str] = {code: code for code in ISO_CODES}
_SYMBOLS.update(_CURRENCY["symbols"])
_AMBIGUOUS: dict[str, dict[str, list[str]]] = _CURRENCY["ambiguous"]
_NEED_DIGITS = frozenset(_CURRENCY["letter_symbols_need_digits"])


def _symbol_pattern(symbols: list[str]) -> str:
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
        if sym in _NEED_DIGITS:
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


_ALL_SYMBOLS = list(_SYMBOLS) + list(_AMBIGUOUS)
_CUR = _symbol_pattern(_ALL_SYMBOLS)
_MULTIPLIERS = {
    "k": 1e3, "thousand": 1e3,
    "m": 1e6, "mil": 1e6, "mill": 1e6, "mm": 1e6, "mn": 1e6, "mio": 1e6, "million": 1e6, "millions": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9, "mrd": 1e9,
    "l": 1e5, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "cr": 1e7, "crore": 1e7, "crores": 1e7,
}  # fmt: skip
_INDIAN_MULTIPLIERS = frozenset({"l", "lakh", "lakhs", "lac", "lacs", "cr", "crore", "crores"})
_MULT = "|".join(sorted((re.escape(m) for m in _MULTIPLIERS), key=len, reverse=True))
# Thousands groups must use one separator throughout ("95,000 100%" is two numbers); Indian grouping
# (12,00,000) first; a trailing 1-2 digit group is a decimal part (28.10, 55.000,50).
_NUM = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?P<ts>[,.\u00a0 '])\d{3}(?:(?P=ts)\d{3})*|\d+)"
    r"(?:[.,]\d{1,2}(?!\d))?(?!\d)"
)
_ATOM = re.compile(
    r"(?=[^\d\n]{0,8}\d)"  # cheap guard: most positions are nowhere near a digit
    rf"(?:(?P<pre>{_CUR})(?:\s?\$)?\s?|(?<![\w.,$]))"
    rf"(?P<num>{_NUM})"
    rf"(?:\s?(?P<mult>{_MULT})(?:(?![\w])|(?-i:(?=[A-Z][a-z]))))?"
    r"(?P<plus>\+)?"  # "$900K+" (a floor); "$150k + equity" is not
    rf"(?:\s?(?P<post>{_CUR}))?"
    r"(?!\s?%|\s?percent|\(\w\)|:\d\d)",
    re.I,
)
_DIGIT = re.compile(r"\d")
# _ATOM's guard: a figure starts at most this many characters (none a digit) before its first digit.
_ATOM_LEAD = 8
# A currency symbol (and the space or "$" _ATOM allows after it) running up to a digit: the only place a figure
# can start other than at its first digit. No symbol holds a digit, so this ends at the figure's first digit.
_SYMBOL_BEFORE_DIGIT = re.compile(rf"(?:{_CUR})(?:\s?\$)?\s?(?=\d)", re.I)
assert not any(c.isdigit() for symbol in _ALL_SYMBOLS for c in symbol)
# A non-amount pattern names a number ("401(k)", "W-2", "Fortune 500"): each match lies within this many
# characters of a digit, so only the text around digits is searched for them.
_NON_AMOUNT_REACH = 40
_CONNECTOR = re.compile(r"\s*(?:-{1,2}|–|—|‒|−|~|to|and|bis|till|until|through|à|au)\s*", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s*$", re.I)
_UP_TO_BEFORE = re.compile(r"\b(?:up\s*to|max(?:imum)?(?:\s+of)?|not\s+to\s+exceed|as\s+much\s+as)\s*$", re.I)
_FROM_BEFORE = re.compile(
    r"\b(?:from|starting\s+(?:at|from)|starts\s+at|min(?:imum)?(?:\s+of)?|at\s+least)\s*$", re.I
)
_SENTENCE_END = re.compile(r"\n|\||\s·\s|•|[.!?](?=\s|$)")
# _SENTENCE_END written to open with the characters it can start at, which re skips ahead to: the same
# matches (each alternative in turn, checked on the character just read).
_SENTENCE_END_FAST = re.compile(r"[\s|•.!?](?:(?<=\n)|(?<=\|)|(?<=\s)·\s|(?<=•)|(?<=[.!?])(?=\s|$))")
_RIGHT_BARRIER = re.compile(
    r"[,;:.()|+•\n&]|\s(?:and|plus|with|or|but|depending|based)(?![\w])|(?-i:DOE|DOQ)"
    # words glued by careless HTML-to-text ("$55,000Company Vehicle", "DOEGenerous Bonuses") start anew
    r"|(?-i:(?<=[a-z0-9])(?=[A-Z][a-z])|(?<=[A-Z])(?=[A-Z][a-z]{2}))",
    re.I,
)
_WORD = re.compile(r"[\w'’\-/]+")
_HEADER_SEPARATOR = re.compile(r"\s\|\s|\s·\s")
_SPLIT = re.compile(
    r"\b(\d{2})\s*/\s*(\d{2})\b(?=[^.\n]{0,30}\bsplit\b|\s*(?:base\s*/\s*variable|split))", re.I
)
_LPA = re.compile(r"\s?LPA\b", re.I)
# What may stand between a figure and its period: a currency, a gross/net qualifier ("USD gross / year").
_PERIOD_LEAD = re.compile(
    rf"\s*,?\s*(?:(?:{_CUR})\s*)?(?:\(?\s*(?:gross|brutto|netto|base|net|before\s+tax|pre-tax|salary|USD)\s*)?[(,]?\s*",
    re.I,
)
_DECIMAL_PART = re.compile(r"[.,](\d{1,2})$")
_NOT_DIGIT = re.compile(r"[^\d]")
_THREE_DIGIT_GROUP = re.compile(r"[.,]\d{3}$")
_THOUSANDS_GROUP = re.compile(r"\d[,. \u00a0']\d{3}")
_PHONE_NEXT = re.compile(r"\s?-\s?\d")
_DOLLAR_FAMILY = {
    str(code): re.compile(_phrase_pattern(words)) for code, words in _CURRENCY["dollar_family"].items()
}
_COUNTRY_WORDS = {
    symbol: {code: re.compile(_phrase_pattern(words)) for code, words in options.items()}
    for symbol, options in _AMBIGUOUS.items()
}
_GREENHOUSE_HOURLY = re.compile(r"\bhour(?:ly)?\b|\bper\s+hour\b|/\s?h(?:ou)?r\b", re.I)


# --------------------------------------------------------------------------------------------------
# money spans


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
class _Span:
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


def _parse_number(raw: str) -> float:
    raw = raw.replace("\u00a0", " ").replace("'", "")
    decimal = _DECIMAL_PART.search(raw)
    if decimal:
        whole = _NOT_DIGIT.sub("", raw[: decimal.start()])
        return float(f"{whole or 0}.{decimal.group(1)}")
    return float(_NOT_DIGIT.sub("", raw))


def _mask_non_amounts(text: str) -> str:
    """``text`` with every non-amount figure blanked out (same length, so offsets hold)."""
    parts: list[str] = []
    done = 0
    for start, end in _digit_windows(text, _NON_AMOUNT_REACH):
        for m in fastscan.finditer(_NON_AMOUNT, _NON_AMOUNT_SKELETON, text, start, end):
            parts += (text[done : m.start()], " " * (m.end() - m.start()))
            done = m.end()
    return "".join(parts) + text[done:] if parts else text


def _digit_windows(text: str, reach: int) -> list[tuple[int, int]]:
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
            match is None
            and (symbol := _SYMBOL_BEFORE_DIGIT.search(text, start, first_digit + 1)) is not None
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
    masked = _mask_non_amounts(text)
    atoms = []
    for m in _atom_matches(masked):
        pre, post, mult = m.group("pre"), m.group("post"), m.group("mult")
        symbols = tuple(s.strip() for s in (pre, post) if s)
        if pre and m.group(0)[len(pre) :].lstrip().startswith("$"):
            symbols += ("$",)
        raw = m.group("num")
        mult_key = mult.lower().strip() if mult else None
        if mult_key in {"l", "m", "b"} and mult is not None and mult.islower() and mult_key != "m":
            mult_key = None  # lowercase "b"/"l" after a number are not multipliers ("5 l", "3 b")
        atoms.append(
            _Atom(
                start=m.start(),
                end=m.end(),
                number=_parse_number(raw),
                mult=mult_key,
                symbols=symbols,
                plus=bool(m.group("plus")),
                three_digit_group=bool(_THREE_DIGIT_GROUP.search(raw))
                and raw.count(".") + raw.count(",") == 1,
                grouped=bool(mult_key) or bool(_THOUSANDS_GROUP.search(raw)),
            )
        )
    return atoms


def _atom_value(atom: _Atom, mult: str | None) -> float:
    if mult is None:
        return atom.number
    number = atom.number
    if atom.three_digit_group and _MULTIPLIERS[mult] >= 1e6:
        number /= 1000.0  # "$1.500M" is 1.5 million, not 1,500 million
    return number * _MULTIPLIERS[mult]


def _money_spans(text: str) -> list[_Span]:
    atoms = _atoms(text)
    spans: list[_Span] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        merged = _merge(text, a, b) if b is not None else None
        if merged is not None:
            spans.append(merged)
            i += 2
            continue
        value = _atom_value(a, a.mult)
        before = text[max(0, a.start - 25) : a.start]
        bound = (
            "up to"
            if _UP_TO_BEFORE.search(before)
            else "from"
            if (_FROM_BEFORE.search(before) or a.plus)
            else None
        )
        alt = (a.number / 1000, a.number / 1000) if a.three_digit_group and not a.mult else None
        indian = a.mult in _INDIAN_MULTIPLIERS
        spans.append(
            _Span(a.start, a.end, value, value, a.symbols, indian, bound, a.grouped, bool(a.mult), alt)
        )
        i += 1
    return spans


def _merge(text: str, a: _Atom, b: _Atom) -> _Span | None:
    """Join two atoms into a range when only a dash, "to" or "between … and" separates them."""
    period, after = _period_after(text, a.end)
    between = text[
        after if period and after <= b.start else a.end : b.start
    ]  # "$80,000/year - $120,000/year"
    if len(between) > 12 or not _CONNECTOR.fullmatch(between):
        return None
    if between.strip().lower() == "and" and not _BETWEEN_BEFORE.search(text[max(0, a.start - 12) : a.start]):
        return None
    if _PHONE_NEXT.match(text[b.end : b.end + 3]):
        return None  # 555-123-4567: a phone number, not a range
    cur_a, cur_b = _currency_of(a.symbols), _currency_of(b.symbols)
    if cur_a and cur_b and cur_a != cur_b and "USD" not in (cur_a, cur_b):
        return None
    # "$170-225K", "10-14 lakh": a multiplier written once applies to both ends.
    mult_a, mult_b = a.mult, b.mult
    if mult_b and not mult_a and a.number <= b.number:
        mult_a = mult_b
    elif mult_a and not mult_b and a.number <= b.number and b.number < 1000:
        mult_b = mult_a
    low, high = _atom_value(a, mult_a), _atom_value(b, mult_b)
    if low > high:
        return None
    indian = bool({mult_a, mult_b} & _INDIAN_MULTIPLIERS)
    alt = None
    if a.three_digit_group and b.three_digit_group and not (mult_a or mult_b):
        alt = (a.number / 1000, b.number / 1000)
    grouped = a.grouped or b.grouped
    return _Span(a.start, b.end, low, high, a.symbols + b.symbols, indian, None, grouped, bool(mult_a), alt)


def _currency_of(symbols: tuple[str, ...]) -> str | None:
    """The most specific currency the written symbols name ("$" alone is only a guess at USD)."""
    specific = [s for s in symbols if s != "$" and s in _SYMBOLS and _SYMBOLS[s] != "USD"]
    if specific:
        return _SYMBOLS[specific[0]]
    usd = [s for s in symbols if s in _SYMBOLS]
    return "USD" if usd else None


def _resolve_currency(span: _Span, sentence: str, text: str) -> str | None:
    ambiguous = [s for s in span.symbols if s in _AMBIGUOUS]
    if ambiguous:
        return _by_country_words(_COUNTRY_WORDS[ambiguous[0]], text)
    currency = _currency_of(span.symbols)
    if currency is None:
        return "INR" if span.indian else None
    if span.symbols and all(s == "$" for s in span.symbols):
        # A bare "$" is USD unless the statement names another dollar ("$120,000 - $140,000 CAD").
        for code, pattern in _DOLLAR_FAMILY.items():
            if pattern.search(sentence):
                return code
    return currency


def _by_country_words(options: dict[str, re.Pattern[str]], text: str) -> str | None:
    for code, pattern in options.items():
        if pattern.search(text):
            return code
    return None


# --------------------------------------------------------------------------------------------------
# context: periods and cues


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for boundary in _SENTENCE_END_FAST.finditer(text, max(0, start - 400), start):
        left = boundary.end()
    right = _SENTENCE_END_FAST.search(text, end)
    return left, (right.start() if right else len(text))


def _period_after(text: str, end: int) -> tuple[str | None, int]:
    """A period written right after a figure ('/hr', 'per annum', 'USD annually', 'gross/year', 'LPA')."""
    m = _PERIOD_LEAD.match(text[end : end + 40])
    offset = end + (m.end() if m else 0)
    window = text[offset : offset + 25]
    if not _ANY_PERIOD_AFTER.match(window):
        return None, end
    best: tuple[int, str, int] | None = None
    for period, pattern in _PERIOD_AFTER.items():
        pm = pattern.match(window)
        if pm and (best is None or pm.end() > best[0]):
            best = (pm.end(), period, offset + pm.end())
    if best is None:
        return None, end
    return best[1], best[2]


def _period_before(left: str) -> str | None:
    tail = left[-60:]
    best: tuple[int, str] | None = None
    for period, pattern in _PERIOD_BEFORE.items():
        for m in pattern.finditer(tail):
            if best is None or m.end() > best[0]:
                best = (m.end(), period)
    return best[1] if best else None


def _attached_right(text: str, end: int, limit: int) -> str:
    limit = min(limit, end + 60)
    barrier = _RIGHT_BARRIER.search(text, end, limit)  # on the full text: lookbehinds see the figure
    window = text[end : barrier.start() if barrier else limit]
    words = _WORD.findall(window)[:4]
    return " ".join(words)


def _nearest_cue(left: str) -> re.Match[str] | None:
    """The cue closest to the end of ``left`` (pay or non-pay)."""
    best: re.Match[str] | None = None
    for pattern in (_PAY_CUE, _NON_PAY_CUE):
        for m in pattern.finditer(left):
            if best is None or m.end() > best.end() or (m.end() == best.end() and m.start() < best.start()):
                best = m
    return best


@dataclass(frozen=True, slots=True)
class _Evidence:
    is_pay: bool
    strong: bool  # a pay cue attached to the figure (safe to reinterpret magnitudes)
    ote_total: bool  # the figure is an on-target-earnings total


_NOT_PAY = _Evidence(False, False, False)


def _classify(text: str, span: _Span, end: int, sentence: tuple[int, int], has_period: bool) -> _Evidence:
    """Is this figure the role's pay? The cue nearest to it decides; see module docstring."""
    s_start, s_end = sentence
    right = _attached_right(text, end, s_end)
    first_right = min(
        (m for m in (_NON_PAY_AFTER_CUE.search(right), _PAY_CUE.search(right)) if m),
        key=lambda m: m.start(),
        default=None,
    )
    if first_right is not None:
        if _is_pay_stipend(first_right, right, has_period):
            return _Evidence(True, False, False)
        if _NON_PAY_AFTER_CUE.fullmatch(first_right.group()):
            return _NOT_PAY
        attached = (
            len(_WORD.findall(right[: first_right.start()])) <= 1
        )  # "$120K base", "120,000 base salary"
        bare_ok = (
            span.symbols or span.indian or (span.grouped and _STRONG_PAY_CUE.fullmatch(first_right.group()))
        )
        if attached and bare_ok:
            return _Evidence(True, True, bool(_OTE_TOTAL_CUE.fullmatch(first_right.group())))
    left = text[s_start : span.start]
    cue = _nearest_cue(left)
    if cue is not None:
        if _is_pay_stipend(cue, left, has_period):
            return _Evidence(True, False, False)
        if _NON_PAY_CUE.fullmatch(cue.group()) and not _PAY_CUE.fullmatch(cue.group()):
            return _NOT_PAY
        gap = len(_WORD.findall(left[cue.end() :]))
        strong = gap <= 5 and bool(_STRONG_PAY_CUE.fullmatch(cue.group()))
        if (
            not span.symbols
            and not span.indian
            and not (strong and gap <= 3 and (span.grouped or has_period))
        ):
            return _NOT_PAY  # a bare number needs a pay word right before it ("Salary: 120,000")
        return _Evidence(True, strong, bool(_OTE_TOTAL_CUE.fullmatch(cue.group())))
    if _is_header_segment(text, span.start) and (span.symbols or span.indian or span.multiplied):
        return _Evidence(True, False, False)  # HN convention, where "150-250k" needs no currency
    if not span.symbols and not span.indian:
        return _NOT_PAY
    if has_period or _pay_heading_above(text, s_start):
        return _Evidence(True, False, False)
    return _NOT_PAY


def _is_pay_stipend(cue: re.Match[str], context: str, has_period: bool) -> bool:
    """An intern's "Stipend: $3,000/month" is pay; a "$1,500 learning stipend" or "housing stipend" is not."""
    if not has_period or not _STIPEND.fullmatch(cue.group()):
        return False
    before = " ".join(_WORD.findall(context[: cue.start()])[-2:])
    return not _NON_PAY_AFTER_CUE.search(before)


def _pay_heading_above(text: str, start: int) -> bool:
    """A short line just above ('Compensation', 'The pay range for this role is:') names pay."""
    line_start = text.rfind("\n", 0, start)
    if line_start < 0 or text[line_start + 1 : start].strip(" •-*\t:"):
        return False  # the figure does not open its line
    above = text[max(0, line_start - 200) : line_start].rstrip().rsplit("\n", 2)[-2:]
    for line in reversed(above):
        if len(_WORD.findall(line)) > 12:
            return False
        cue = _nearest_cue(line)
        if cue is not None:
            return bool(_PAY_CUE.fullmatch(cue.group())) and not _NON_PAY_CUE.fullmatch(cue.group())
    return False


def _is_header_segment(text: str, start: int) -> bool:
    """HN 'Company | Role | Location | $150k-$190k' lines: a figure in a pipe-separated header is pay."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(_HEADER_SEPARATOR.findall(line)) >= 2


# --------------------------------------------------------------------------------------------------
# magnitudes


def _log_distance(low: float, high: float, period: str, currency: str | None) -> float:
    typical = _TYPICAL.get(currency or "USD", _DEFAULT_TYPICAL)
    mid = math.sqrt(low * high) if low > 0 else high
    return abs(math.log(annualize(mid, period) / typical))


def _plausible(low: float, high: float, period: str, currency: str | None) -> bool:
    if low <= 0:
        return False
    typical = _TYPICAL.get(currency or "USD", _DEFAULT_TYPICAL)
    return (
        annualize(low, period) >= typical * _PLAUSIBLE_LOW
        and annualize(high, period) <= typical * _PLAUSIBLE_HIGH
    )


def _infer_period(low: float, high: float, currency: str | None) -> str | None:
    """The period under which an unlabelled figure looks most like a salary (yearly preferred)."""
    scored = []
    for period in PERIODS:
        if _plausible(low, high, period, currency):
            bias = _YEAR_BIAS if period == "year" else 0.0
            scored.append((_log_distance(low, high, period, currency) - bias, period))
    return min(scored)[1] if scored else None


def _reinterpret(
    low: float, high: float, period: str, currency: str | None
) -> tuple[float, float, str, str] | None:
    """A stated figure that is implausible for its period: the closest plausible reading, with a note.

    Two slips happen in practice: thousands typed without the "K" (Lever 100-130 CAD "per year") and an
    hourly rate put in a yearly field (45 USD "per year").
    """
    readings: list[tuple[float, float, float, str, str]] = []
    stated = f"stated {_fmt(low, high)} per {period}"
    if period == "year" and high < 1000:
        low_k, high_k = low * 1000, high * 1000
        if _plausible(low_k, high_k, "year", currency):
            note = f"scaled x1000: {stated} (thousands typed without K)"
            readings.append((_log_distance(low_k, high_k, "year", currency), low_k, high_k, "year", note))
    for other in PERIODS:
        if other != period and _plausible(low, high, other, currency):
            note = f"read as per {other}: {stated} is implausible for that period"
            readings.append((_log_distance(low, high, other, currency), low, high, other, note))
    if not readings:
        return None
    _, new_low, new_high, new_period, note = min(readings)
    return new_low, new_high, new_period, note


def _fmt(low: float, high: float) -> str:
    def one(v: float) -> str:
        return f"{v:,.2f}".rstrip("0").rstrip(".")

    return one(low) if low == high else f"{one(low)}-{one(high)}"


def _make(
    low: float,
    high: float,
    currency: str | None,
    period: str,
    *,
    kind: str = "base",
    source: str = "text",
    estimated: bool = False,
    note: str | None = None,
) -> Salary:
    low, high = float(low), float(high)
    return Salary(
        min=low,
        max=high,
        currency=currency,
        period=period,
        kind=kind,
        source=source,
        annual_min=annualize(low, period),
        annual_max=annualize(high, period),
        estimated=estimated,
        note=note,
    )


# --------------------------------------------------------------------------------------------------
# free text


@dataclass(frozen=True, slots=True)
class _Found:
    salary: Salary
    start: int
    end: int
    ote_total: bool
    ote_context: bool
    split: float | None  # base share of an OTE total ("50/50 split" -> 0.5)
    bound: str | None = None
    sentence_start: int = 0
    period_stated: bool = True


def _find(text: str) -> list[_Found]:
    found: list[_Found] = []
    for span in _money_spans(text):
        item = _evaluate(text, span)
        if item is None:
            continue
        if found and _is_floor_then_ceiling(found[-1], item):
            found[-1] = _join(found[-1], item)
        else:
            found.append(item)
    return found


def _is_floor_then_ceiling(first: _Found, second: _Found) -> bool:
    """ "starts at $23.00 with progressions up to $24.00/hour" states one range in two figures."""
    a, b = first.salary, second.salary
    return (
        first.bound == "from"
        and second.bound == "up to"
        and first.sentence_start == second.sentence_start
        and a.currency == b.currency
        and a.min <= b.max
        and (a.period == b.period or not first.period_stated)
    )


def _join(first: _Found, second: _Found) -> _Found:
    b = second.salary
    salary = _make(first.salary.min, b.max, b.currency, b.period, kind=b.kind)
    ote = first.ote_context or second.ote_context
    return _Found(salary, first.start, second.end, False, ote, None, None, first.sentence_start, True)


def _evaluate(text: str, span: _Span) -> _Found | None:
    stated_period, end = _period_after(text, span.end)
    if not (span.symbols or span.grouped or span.multiplied or stated_period):
        return None  # a plain count ("9 people", "2026") can never be pay: skip the context work
    low, high = span.low, span.high
    if _LPA.match(text, span.end) and not span.indian:
        if high < 1000:
            low, high = low * 1e5, high * 1e5  # "18-25 LPA": lakhs per annum
        span = _Span(span.start, span.end, low, high, span.symbols, True, span.bound, True)
    sentence = _sentence_bounds(text, span.start, end)
    left = text[sentence[0] : span.start]
    period = stated_period or _period_before(left)
    evidence = _classify(text, span, end, sentence, stated_period is not None)
    if not evidence.is_pay:
        return None
    currency = _resolve_currency(span, text[sentence[0] : sentence[1]], text)
    notes: list[str] = []
    if period is None:
        period = _infer_period(low, high, currency)
        if period is None:
            return None
        if period != "year":
            notes.append(f"period not stated; read as per {period} from the magnitude")
    elif not _plausible(low, high, period, currency):
        if span.decimal_reading and _plausible(*span.decimal_reading, period, currency):
            low, high = span.decimal_reading  # "$33.774 hourly": the dot is a decimal point
        else:
            fixed = _reinterpret(low, high, period, currency) if evidence.strong else None
            if fixed is None:
                return None
            low, high, period, note = fixed
            notes.append(note)
    if span.bound == "up to":
        notes.append("single figure stated as a ceiling ('up to')")
    elif span.bound == "from":
        notes.append("single figure stated as a floor ('from', '+')")
    statement = text[sentence[0] : sentence[1]]
    ote_context = evidence.ote_total or bool(_OTE_CUE.search(statement))
    split = _SPLIT.search(statement)
    share = None
    if split and int(split.group(1)) + int(split.group(2)) == 100:
        share = int(split.group(1)) / 100
    salary = _make(
        low, high, currency, period, kind="ote" if ote_context else "base", note="; ".join(notes) or None
    )
    stated = not any(n.startswith("period not stated") for n in notes)
    return _Found(
        salary, span.start, end, evidence.ote_total, ote_context, share, span.bound, sentence[0], stated
    )


def find_salaries(text: str) -> list[tuple[Salary, int, int]]:
    """Every pay statement in ``text`` with its character offsets, in text order.

    On-target-earnings totals are included with ``kind="ote"`` and a note saying so; funding, revenue,
    stipends, budgets, bonuses and other non-pay figures are not.
    """
    result = []
    for item in _find(text or ""):
        salary = item.salary
        if item.ote_total:
            note = "; ".join(filter(None, ["OTE total (base + variable), not base", salary.note]))
            salary = _make(salary.min, salary.max, salary.currency, salary.period, kind="ote", note=note)
        result.append((salary, item.start, item.end))
    return result


def find_salary(text: str) -> Salary | None:
    """The posting's stated pay: the first base figure listed (not OTE), or ``None`` when none is stated.

    Several ranges (several locations) give the first. "Up to X" gives min = max = X. When only an OTE
    total is stated, a stated base/variable split ("50/50") gives the base; otherwise the OTE total is
    returned with ``kind="ote"`` and a note, so callers can tell it from a base figure.
    """
    found = _find(text or "")
    if not found:
        return None
    ote_posting = any(f.ote_context for f in found)
    kind = "ote" if ote_posting else "base"
    for item in found:
        if not item.ote_total:
            s = item.salary
            return _make(s.min, s.max, s.currency, s.period, kind=kind, note=s.note)
    total = found[0]
    s = total.salary
    if total.split is not None:
        note = (
            f"base derived from OTE {_fmt(s.min, s.max)} with a stated {round(total.split * 100)}% base split"
        )
        return _make(s.min * total.split, s.max * total.split, s.currency, s.period, kind="ote", note=note)
    note = "; ".join(filter(None, ["OTE total (base not stated)", s.note]))
    return _make(s.min, s.max, s.currency, s.period, kind="ote", note=note)


# --------------------------------------------------------------------------------------------------
# structured fields

_FIELD_PERIODS: dict[str, tuple[str, float]] = {
    # value -> (period, factor applied to the stated amounts to express them per that period)
    "hour": ("hour", 1), "hourly": ("hour", 1), "per-hour-wage": ("hour", 1), "per-hour": ("hour", 1),
    "1 hour": ("hour", 1), "ph": ("hour", 1), "hr": ("hour", 1),
    "day": ("day", 1), "daily": ("day", 1), "per-day-wage": ("day", 1), "per-day": ("day", 1),
    "1 day": ("day", 1), "pd": ("day", 1),
    "week": ("week", 1), "weekly": ("week", 1), "per-week-salary": ("week", 1), "per-week-wage": ("week", 1),
    "per-week": ("week", 1), "1 week": ("week", 1),
    "2 week": ("week", 0.5), "biweekly": ("week", 0.5), "bi-weekly": ("week", 0.5), "bw": ("week", 0.5),
    "month": ("month", 1), "monthly": ("month", 1), "per-month-salary": ("month", 1),
    "per-month": ("month", 1),
    "1 month": ("month", 1), "pm": ("month", 1), "0.5 month": ("month", 2), "semimonthly": ("month", 2),
    "semi-monthly": ("month", 2), "2 month": ("month", 0.5),
    "year": ("year", 1), "yearly": ("year", 1), "annual": ("year", 1), "annually": ("year", 1),
    "per-year-salary": ("year", 1), "per-year": ("year", 1), "1 year": ("year", 1), "pa": ("year", 1),
    "per annum": ("year", 1), "annum": ("year", 1),
}  # fmt: skip
# Not pay for time worked (USAJOBS piece work, without compensation; Ashby one-time components).
_NOT_A_RATE = frozenset({"pw", "wc", "one-time", "one time", "onetime"})
_UNKNOWN_PERIOD = frozenset({"", "none", "null", "unknown", "other"})


def _number(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str):
        cleaned = re.sub(r"[^\d.,\-]", "", value.strip())
        if not re.search(r"\d", cleaned):
            return None
        if cleaned.count(",") and cleaned.count("."):
            cleaned = cleaned.replace(",", "")  # "120,000.00"
        elif cleaned.count(",") == 1 and re.search(r",\d{1,2}$", cleaned):
            cleaned = cleaned.replace(",", ".")  # "4000,50"
        else:
            cleaned = cleaned.replace(",", "")
        try:
            number = float(cleaned)
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def _field_currency(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    token = value.strip()
    if token.upper() in ISO_CODES:
        return token.upper()
    return _SYMBOLS.get(token)


def _period_key(value: object) -> str:
    return re.sub(r"[_\s]+", " ", str(value or "").strip().lower())


def _field_period(value: object) -> tuple[str, float] | None:
    """(period, factor to express the stated amounts per that period), or None when no period is given."""
    key = _period_key(value)
    if key in _UNKNOWN_PERIOD:
        return None
    if key in _FIELD_PERIODS:
        return _FIELD_PERIODS[key]
    key = key.replace(" ", "-")
    if key in _FIELD_PERIODS:
        return _FIELD_PERIODS[key]
    for word, period in (("hour", "hour"), ("day", "day"), ("week", "week"), ("month", "month"),
                         ("year", "year"), ("annu", "year")):  # fmt: skip
        if word in key:
            return period, 1.0
    return None


def salary_from_fields(
    min_value: object,
    max_value: object,
    currency: object,
    period: object,
    *,
    source: str,
    label: str = "",
    estimated: bool = False,
) -> Salary | None:
    """Normalize a structured pay field (an ATS range, a JSON-LD ``baseSalary``) into a ``Salary``.

    ``period`` may be any vendor's vocabulary: Lever ``per-year-salary``, Ashby ``1 YEAR``/``2 WEEK``/
    ``0.5 MONTH``, JSON-LD ``HOUR``…``YEAR``, Recruitee ``month``, USAJOBS ``PA``/``PH``/``PD``/``BW``/
    ``PM``; ``None`` (Greenhouse) reads the label and the magnitude. Values may be strings. A missing end
    of the range takes the other end; 0/0, negative or non-numeric values and piece-work codes give
    ``None``; a reversed range is swapped, and implausible magnitudes are corrected with a ``note``.
    """
    low, high = _number(min_value), _number(max_value)
    notes: list[str] = []
    if low == 0 and high:
        notes.append("minimum 0 read as 'up to' the maximum")
    low = low or high  # a missing (or zero) end takes the other end: a single figure
    high = high or low
    if low is None or high is None or low <= 0 or high <= 0:
        return None  # nothing stated, 0/0, or negative
    if low > high:
        low, high = high, low
        notes.append("min and max were reversed; swapped")
    code = _field_currency(currency)
    if code is None and isinstance(currency, str) and currency.strip():
        notes.append(f"unknown currency {currency.strip()!r}")
    kind = "ote" if _OTE_CUE.search(label or "") else "base"
    if _period_key(period) in _NOT_A_RATE:
        return None
    parsed = _field_period(period)
    if parsed is None:
        stated = None
        if _GREENHOUSE_HOURLY.search(label or ""):
            stated = "hour"
        elif re.search(r"\b(?:annual|yearly|per\s+year|salary)\b", label or "", re.I):
            stated = "year"
        per = stated or _infer_period(low, high, code) or "year"
        if stated is None and per != "year":
            notes.append(f"period not given; read as per {per} from the magnitude")
    else:
        per, factor = parsed
        if factor != 1:
            low, high = low * factor, high * factor
            notes.append(f"stated per {period}; converted to per {per}")
    if not _plausible(low, high, per, code):
        fixed = _reinterpret(low, high, per, code)
        if fixed is None:
            notes.append(f"implausible magnitude kept as stated: {_fmt(low, high)} per {per}")
        else:
            low, high, per, note = fixed
            notes.append(note)
    if kind == "ote":
        notes.append("range is OTE (base + variable), per its label")
    return _make(
        low, high, code, per, kind=kind, source=source, estimated=estimated, note="; ".join(notes) or None
    )
