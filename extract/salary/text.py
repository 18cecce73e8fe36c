"""Pay stated in a posting's free text: ``find_salaries`` (every statement) and ``find_salary`` (the one
to publish). Figures come from ``money``, the decision whether one is pay from ``context``, and its
period and magnitude checks from ``periods`` and ``magnitude``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.model import Salary
from extract.salary.context import (
    Evidence,
    bare_may_be_pay,
    classify,
    is_estimate,
    sentence_bounds,
)
from extract.salary.currency import location_currency, resolve_currency
from extract.salary.ladder import envelope, ladder_length
from extract.salary.magnitude import fits, fmt, infer_period, make, plausible, reinterpret
from extract.salary.money import Span, money_spans
from extract.salary.periods import annualize, period_after, period_before
from extract.salary.vocab import GRAMMAR, alternatives

_SPLIT = re.compile(
    r"\b(\d{2})\s*/\s*(\d{2})\b(?=[^.\n]{0,30}\bsplit\b|\s*(?:base\s*/\s*variable|split))", re.I
)
# "37.5 hours per week", "a 40 hour week": a bare figure followed by a time unit counts time, not pay.
_TIME_UNIT = re.compile(rf"\s*-?\s*(?:{alternatives(GRAMMAR['time_units'])})\b", re.I)
_LPA = re.compile(r"\s?LPA\b", re.I)
# Characters at most between a floor and a ceiling stated in two sentences ("…/yr. Max USD $131,000/yr.").
_BOUNDS_APART = 40
_BOUND_NOTES = {
    "up to": "single figure stated as a ceiling ('up to')",
    "from": "single figure stated as a floor ('from', '+')",
}


@dataclass(frozen=True, slots=True)
class _Found:
    salary: Salary
    start: int
    end: int
    ote_total: bool
    split: float | None  # base share of an OTE total ("50/50 split" -> 0.5)
    bound: str | None = None
    sentence_start: int = 0
    period_stated: bool = True


def _find(text: str, local: str | None = None) -> list[_Found]:
    """Every pay statement; ``local`` is the currency of the posting's place, for figures written without one."""
    found: list[_Found] = []
    for span in money_spans(text):
        item = _evaluate(text, span, local)
        if item is None:
            continue
        opening = _range_opening(found, item)
        if opening is not None:
            found[opening:] = [_join(found[opening], item)]
        else:
            found.append(item)
    return found


def _range_opening(found: list[_Found], item: _Found) -> int | None:
    """Where in ``found`` the floor of a range that ``item`` closes stands: the last figure, or the one
    before a midpoint between them ("Min: $70,000 Mid: $85,000 Max: $100,000")."""
    for back in (1, 2):
        if len(found) < back:
            return None
        first, middle = found[-back], found[len(found) - back + 1 :]
        if _is_floor_then_ceiling(first, item) and all(
            first.salary.min <= m.salary.min <= m.salary.max <= item.salary.max for m in middle
        ):
            return len(found) - back
    return None


def _is_floor_then_ceiling(first: _Found, second: _Found) -> bool:
    """ "starts at $23.00 with progressions up to $24.00/hour", "minimum salary of $61,000 to maximum salary
    of $79,000", "Min USD $92,000/yr. Max USD $131,000/yr." state one range in two figures: in one sentence,
    or in the next one right after."""
    a, b = first.salary, second.salary
    return (
        first.bound == "from"
        and second.bound == "up to"
        and (first.sentence_start == second.sentence_start or second.start - first.end <= _BOUNDS_APART)
        and a.currency == b.currency
        and a.min <= b.max
        and (a.period == b.period or not first.period_stated)
    )


def _join(first: _Found, second: _Found) -> _Found:
    b = second.salary
    estimated = first.salary.estimated or b.estimated
    salary = make(first.salary.min, b.max, b.currency, b.period, kind=b.kind, estimated=estimated)
    return _Found(salary, first.start, second.end, False, None, None, first.sentence_start, True)


def _lakhs_per_annum(text: str, span: Span) -> Span:
    """ "18-25 LPA": lakhs per annum, Indian rupees."""
    if not _LPA.match(text, span.end) or span.indian:
        return span
    low, high = span.low, span.high
    if high < 1000:
        low, high = low * 1e5, high * 1e5
    return Span(span.start, span.end, low, high, span.symbols, True, span.bound, True)


def _evaluate(text: str, span: Span, local: str | None = None) -> _Found | None:
    stated_period, end = period_after(text, span.end)
    if not span.symbols and _TIME_UNIT.match(text, span.end):
        return None  # working time ("37.5 hours per week"), not pay
    if not (span.symbols or span.grouped or span.multiplied or stated_period or bare_may_be_pay(text, span)):
        return None  # a plain count ("9 people", "in 2026") can never be pay: skip the context work
    span = _lakhs_per_annum(text, span)
    sentence = sentence_bounds(text, span.start, end)
    estimated = is_estimate(text, span.start, end)
    evidence = _evidence(text, span, end, sentence, stated_period is not None, estimated)
    if evidence is None:
        return None
    statement = text[sentence[0] : sentence[1]]
    currency = resolve_currency(span.symbols, span.indian, statement, text) or local
    period = stated_period or period_before(text[sentence[0] : span.start])
    reading = _read(span, period, currency, evidence.strong)
    if reading is None:
        return None
    low, high, period, notes = reading
    if span.bound in _BOUND_NOTES:
        notes.append(_BOUND_NOTES[span.bound])
    kind = "ote" if evidence.ote_total else "base"
    salary = make(low, high, currency, period, kind=kind, estimated=estimated, note="; ".join(notes) or None)
    stated = not any(n.startswith("period not stated") for n in notes)
    return _Found(
        salary,
        span.start,
        end,
        evidence.ote_total,
        _base_share(statement),
        span.bound,
        sentence[0],
        stated,
    )


def _evidence(
    text: str, span: Span, end: int, sentence: tuple[int, int], has_period: bool, estimated: bool
) -> Evidence | None:
    """What the context says of the figure, or None when it is not pay. A figure with a currency that is
    marked as a pay estimate ("$88K-$121K (Glassdoor est.)") is pay (an estimated one) even without a pay
    cue, unless a non-pay cue rules it out."""
    evidence = classify(text, span, end, sentence, has_period)
    if evidence.is_pay:
        return evidence
    return Evidence(True, False, False) if estimated and span.symbols and not evidence.vetoed else None


def _read(
    span: Span, period: str | None, currency: str | None, strong: bool
) -> tuple[float, float, str, list[str]] | None:
    """The figure's values and period, checked for magnitude, with notes; None when it cannot be pay.

    Text holds money that is not pay, so besides the plausible band a figure must respect the limits of
    ``magnitude.within_limits`` (a yearly floor, an hourly ceiling): one outside them is dropped, never
    reinterpreted, like any other non-pay figure.
    """
    low, high = span.low, span.high
    if period is None:
        period = infer_period(low, high, currency, limits=True)
        if period is None:
            return None
        return low, high, period, ([] if period == "year" else [_UNSTATED.format(period)])
    if plausible(low, high, period, currency):
        return (low, high, period, []) if fits(low, high, period, currency, limits=True) else None
    if span.decimal_reading and fits(*span.decimal_reading, period, currency, limits=True):
        return *span.decimal_reading, period, []  # "$33.774 hourly": the dot is a decimal point
    fixed = reinterpret(low, high, period, currency, limits=True) if strong else None
    if fixed is None:
        return None
    low, high, period, note = fixed
    return low, high, period, [note]


_UNSTATED = "period not stated; read as per {} from the magnitude"


def _base_share(statement: str) -> float | None:
    """The base share of an OTE total stated as a split ("50/50 split" -> 0.5)."""
    split = _SPLIT.search(statement)
    if split and int(split.group(1)) + int(split.group(2)) == 100:
        return int(split.group(1)) / 100
    return None


def find_salaries(text: str, *, location: str | None = None) -> list[tuple[Salary, int, int]]:
    """Every pay statement in ``text`` with its character offsets, in text order. A figure written without
    a currency takes the currency of the posting's ``location`` (its place or country), when it names one.

    On-target-earnings totals are included with ``kind="ote"`` and a note saying so; funding, revenue,
    stipends, budgets, bonuses and other non-pay figures are not.
    """
    result = []
    for item in _find(text or "", location_currency(location)):
        salary = item.salary
        if item.ote_total:
            note = "; ".join(filter(None, ["OTE total (base + variable), not base", salary.note]))
            salary = _remake(salary, kind="ote", note=note)
        result.append((salary, item.start, item.end))
    return result


def find_salary(text: str, *, location: str | None = None) -> Salary | None:
    """The posting's stated pay: the first base figure listed (not OTE, ``kind="base"`` even in a commission
    posting: "£22-26k basic, £60-65k OTE" is base 22-26k), or ``None`` when none is stated.

    Several ranges (several locations, contract types, jobs) give the first, except one job's ladder of
    levels ("Technician I: …; Technician II: …"), which gives the envelope of the levels (``ladder``); a
    figure marked as an estimate ("Glassdoor est.", "estimated salary") keeps ``estimated=True``, so it never
    counts as disclosed. "Up to X" gives min = max = X. When only an OTE total is stated, a stated
    base/variable split ("50/50") gives the base; otherwise the OTE total is returned with ``kind="ote"`` and
    a note, so callers can tell it from a base figure. A figure written without a currency takes the currency
    of the posting's ``location``, when it names one.
    """
    found = _find(text or "", location_currency(location))
    if not found:
        return None
    for index, item in enumerate(found):
        if not item.ote_total:
            ladder = _ladder(text, found[index:])
            if ladder is not None:
                return ladder
            item = _yearly_restatement(found, index) or item
            return _remake(item.salary, kind="base", note=item.salary.note)
    total = found[0]
    s = total.salary
    if total.split is not None:
        note = (
            f"base derived from OTE {fmt(s.min, s.max)} with a stated {round(total.split * 100)}% base split"
        )
        share = total.split
        return make(
            s.min * share, s.max * share, s.currency, s.period, kind="ote", estimated=s.estimated, note=note
        )
    note = "; ".join(filter(None, ["OTE total (base not stated)", s.note]))
    return _remake(s, kind="ote", note=note)


def _ladder(text: str, found: list[_Found]) -> Salary | None:
    """The envelope of one job's pay levels stated from ``found[0]`` on ("Technician I: …; Technician
    II: …"), or None when the first range stands alone (``ladder``)."""
    if len(found) < 2:
        return None
    stated = [(f.start, f.end, f.salary) for f in found]
    count = ladder_length(text, stated)
    if count < 2:
        return None
    low, high = envelope(stated, count)
    s = found[0].salary
    note = f"envelope of {count} levels of one job stated in the text"
    return make(low, high, s.currency, s.period, kind="base", estimated=s.estimated, note=note)


def _yearly_restatement(found: list[_Found], index: int) -> _Found | None:
    """The same pay restated per year right after ("$33.77 - $38.00 hourly or $70,250 - $79,040 annually"):
    a pay figure is published per year when the posting gives that reading itself."""
    if index + 1 >= len(found):
        return None
    first, then = found[index], found[index + 1]
    a, b = first.salary, then.salary
    if (
        a.period == "year"
        or b.period != "year"
        or then.ote_total
        or first.sentence_start != then.sentence_start
    ):
        return None
    yearly_a = annualize(a.min, a.period), annualize(a.max, a.period)
    same = all(abs(x - y) <= _SAME_PAY * y for x, y in zip(yearly_a, (b.min, b.max), strict=True))
    return then if same else None


# Two readings of one pay agree when their yearly values are within this share of each other.
_SAME_PAY = 0.05


def _remake(s: Salary, *, kind: str, note: str | None) -> Salary:
    """``s`` with another kind and note (what it states, and whether it is an estimate, kept)."""
    return make(s.min, s.max, s.currency, s.period, kind=kind, estimated=s.estimated, note=note)
