"""Pay periods: annualizing, and the period written just after a figure ("/hr", "per annum", "USD
annually") or just before it ("Hourly rate:"). The period words are data (``data/salary_cues.json``)."""

from __future__ import annotations

import re

from extract.model import PERIODS
from extract.salary.currency import CUR
from extract.salary.vocab import CUES, END, GRAMMAR, alternatives, phrase_pattern

# Working-time conventions for annualizing (40 h x 52 weeks; 5 days x 52 weeks).
_PER_YEAR: dict[str, float] = {period: float(n) for period, n in GRAMMAR["per_year"].items()}


def annualize(value: float, period: str) -> float:
    """Return ``value`` per ``period`` as a yearly amount (hour x 2080, day x 260, week x 52, month x 12)."""
    try:
        return value * _PER_YEAR[period]
    except KeyError:
        raise ValueError(f"unknown period {period!r}; expected one of {PERIODS}") from None


_PERIOD_AFTER = {
    period: re.compile(r"(?:" + "|".join(patterns) + rf"){END}", re.I)
    for period, patterns in CUES["periods"].items()
}
# Matches where one of _PERIOD_AFTER does (and only there): most figures have no period after them.
_ANY_PERIOD_AFTER = re.compile(
    r"(?:" + "|".join(p for patterns in CUES["periods"].values() for p in patterns) + rf"){END}", re.I
)
_PERIOD_BEFORE = {
    period: re.compile(phrase_pattern(words), re.I) for period, words in CUES["period_words_before"].items()
}
# What may stand between a figure and its period: a currency, a gross/net qualifier ("USD gross / year").
_PERIOD_LEAD = re.compile(
    # a "?" standing for a space the text lost in encoding ("$70,000 ?per year") is a space
    rf"[\s?]*,?\s*(?:(?:{CUR})\s*)?(?:\(?\s*(?:{alternatives(GRAMMAR['period_lead_qualifiers'])})\s*)?[(,]?\s*",
    re.I,
)


def period_after(text: str, end: int) -> tuple[str | None, int]:
    """A period written right after a figure ('/hr', 'per annum', 'USD annually', 'gross/year', 'LPA'), and
    where it ends (``end`` when there is none)."""
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


def period_before(left: str) -> str | None:
    """The period named last in the 60 characters before a figure ("Hourly rate: $25")."""
    tail = left[-60:]
    best: tuple[int, str] | None = None
    for period, pattern in _PERIOD_BEFORE.items():
        for m in pattern.finditer(tail):
            if best is None or m.end() > best[0]:
                best = (m.end(), period)
    return best[1] if best else None
