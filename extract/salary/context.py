"""Context: is a money figure the role's pay? The cue nearest to it decides.

The words attached to the figure come first ("$120K base", "$1,500 learning stipend"), then the rest of its
sentence to the left ("Salary: …", "raised $40M"), then a heading just above or an HN header line. Pay cues
(salary/base/OTE/rate) and non-pay cues (raised/revenue/ARR/stipend/budget/401(k)) are data
(``data/salary_cues.json``). After a period that closes the figure ("per annum", "/hour") a non-pay word is
a perk listed next ("per annum Bonus, pension"), unless it qualifies the amount ("learning budget").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.salary.money import Span
from extract.salary.vocab import CUES, GRAMMAR, alternatives, phrase_pattern

PAY_CUE = re.compile(phrase_pattern(CUES["pay"]), re.I)
_STRONG_PAY_CUE = re.compile(phrase_pattern(CUES["strong_pay"]), re.I)
OTE_CUE = re.compile(phrase_pattern(CUES["ote"]), re.I)
_OTE_TOTAL_CUE = re.compile(phrase_pattern(CUES["ote_total"]), re.I)
# Allowances and benefits ("fertility HRA", "adoption assistance") are money, but not the job's pay.
_NON_PAY_CUE = re.compile(phrase_pattern(CUES["non_pay"] + CUES["allowance"]), re.I)
_NON_PAY_AFTER_CUE = re.compile(
    phrase_pattern(CUES["non_pay"] + CUES["allowance"] + CUES["non_pay_after"]), re.I
)
# After a stated period ("per annum Bonus, pension") only words that qualify the amount still rule it out.
_NON_PAY_AFTER_PERIOD_CUE = re.compile(
    phrase_pattern(CUES["non_pay_after_period"] + CUES["allowance"] + CUES["non_pay_after"]), re.I
)
# The adjective form of a period ("$20,000 annual bonus") qualifies the noun after it: it does not close
# the figure the way "per annum" or "/hour" does.
_ADJECTIVE_PERIOD = re.compile(rf"(?:{alternatives(GRAMMAR['adjective_periods'])})\s*$", re.I)
_LINKED = re.compile(rf"(?:^|\s)(?:{alternatives(GRAMMAR['linking_words'])})\s*$", re.I)
_PERIOD_CUE = re.compile(
    phrase_pattern([w for words in CUES["period_words_before"].values() for w in words]), re.I
)
# A period-naming pay cue right before a small figure ("Daily rate: 450", "Hourly rate - 14.50").
_PERIOD_CUE_BEFORE = re.compile(rf"(?:{_PERIOD_CUE.pattern})[\s:\-–]*$", re.I)
_STIPEND = re.compile(phrase_pattern(CUES["stipend"]), re.I)

SENTENCE_END = re.compile(r"\n|\||\s·\s|•|[.!?](?=\s|$)")
# SENTENCE_END written to open with the characters it can start at, which re skips ahead to: the same
# matches (each alternative in turn, checked on the character just read).
SENTENCE_END_FAST = re.compile(r"[\s|•.!?](?:(?<=\n)|(?<=\|)|(?<=\s)·\s|(?<=•)|(?<=[.!?])(?=\s|$))")
_RIGHT_BARRIER = re.compile(
    rf"[,;:.()|+•\n&]|\s(?:{alternatives(GRAMMAR['right_barrier_words'])})(?![\w])"
    rf"|(?-i:{alternatives(GRAMMAR['right_barrier_acronyms'])})"
    # words glued by careless HTML-to-text ("$55,000Company Vehicle", "DOEGenerous Bonuses") start anew
    r"|(?-i:(?<=[a-z0-9])(?=[A-Z][a-z])|(?<=[A-Z])(?=[A-Z][a-z]{2}))",
    re.I,
)
# Pay marked as an estimate: a cue right before the figure ("Est. $90K", "Estimated salary: $90K") or just
# after it in the same sentence ("$90K-$110K (Glassdoor est.)").
_ESTIMATE_BEFORE = re.compile(rf"(?:{alternatives(CUES['estimate_before'])})[\s:\-–(]{{0,4}}$", re.I)
_ESTIMATE_AFTER = re.compile(rf"[^.!?\n|•]{{0,25}}?(?:{alternatives(CUES['estimate_after'])})", re.I)
_WORD = re.compile(r"[\w'’\-/]+")
_HEADER_SEPARATOR = re.compile(r"\s\|\s|\s·\s")
# What may open a pay string before its figure ("Up to 45,000", "From 30000", "Basic to 115,000", "c.40k").
_PAY_STRING_LEAD = re.compile(rf"\s*(?:(?:{alternatives(GRAMMAR['pay_string_lead'])})\s*)*", re.I)
_PAY_STRING_WORDS = 16
# Words at most in a heading line above a figure, and in a lead-in line ending with a colon.
_HEADING_WORDS, _LEAD_IN_WORDS = 12, 30
# How far (characters) a pay cue may stand from a plain number for it to be worth the context work.
_BARE_CUE_REACH = 40


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the context says about a figure."""

    is_pay: bool
    strong: bool  # a pay cue attached to the figure (safe to reinterpret magnitudes)
    ote_total: bool  # the figure is an on-target-earnings total
    vetoed: bool = False  # a non-pay cue rules it out (not merely: no pay cue)


_NOT_PAY = Evidence(False, False, False)
_VETOED = Evidence(False, False, False, vetoed=True)
_WEAK_PAY = Evidence(True, False, False)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding ``text[start:end]`` starts (at most 400 characters back) and ends."""
    left = 0
    # endpos one past ``start``: "is?$70,000" is not a sentence end (what follows "?" must be seen)
    for boundary in SENTENCE_END_FAST.finditer(text, max(0, start - 400), min(len(text), start + 1)):
        left = boundary.end()
    right = SENTENCE_END_FAST.search(text, end)
    return left, (right.start() if right else len(text))


def is_estimate(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``text[start:end]`` is marked as an estimate (a board's or the posting's)."""
    before = text[max(0, start - 80) : start]
    return bool(_ESTIMATE_BEFORE.search(before) or _ESTIMATE_AFTER.match(text, end, end + 60))


def bare_may_be_pay(text: str, span: Span) -> bool:
    """A cheap first look at a plain number of four digits or more ("36000 - 42000", but also "2026", a
    zip code): it may be pay only with a pay cue close before or after it, or opening its line (a pay
    string typed alone, a range under a pay heading). Most such numbers are years: no context work."""
    if span.high < 1000:
        return bool(_PERIOD_CUE_BEFORE.search(text, max(0, span.start - _BARE_CUE_REACH), span.start))
    if PAY_CUE.search(text, max(0, span.start - _BARE_CUE_REACH), span.start):
        return True
    if PAY_CUE.search(text, span.end, span.end + _BARE_CUE_REACH):
        return True
    line_start = text.rfind("\n", 0, span.start) + 1
    return bool(_PAY_STRING_LEAD.fullmatch(text, line_start, span.start))


def classify(text: str, span: Span, end: int, sentence: tuple[int, int], has_period: bool) -> Evidence:
    """Is this figure the role's pay? The cue nearest to it decides; see the module docstring."""
    s_start, s_end = sentence
    # a period written with its full stop ("$2.00/hr. Pay: …") ends the sentence: nothing after it is attached
    right = "" if text[end - 1 : end] == "." and end > span.end else _attached_right(text, end, s_end)
    closed = has_period and not _ADJECTIVE_PERIOD.search(text, span.end, end)
    evidence = _from_right(span, right, has_period, closed)
    if evidence is not None:
        return evidence
    left = text[s_start : span.start]
    cue = _nearest_cue(left)
    if cue is not None:
        return _from_left(span, cue, left, has_period)
    return _without_cue(text, span, s_start, has_period)


def _from_right(span: Span, right: str, has_period: bool, closed: bool) -> Evidence | None:
    """What the words attached after the figure say, or None when they do not decide. After a period that
    closes the figure ("per annum", "/hour", not the adjective in "$20,000 annual bonus") a non-pay word is
    a perk listed next ("per annum Bonus, laptop"), unless it qualifies the amount ("learning budget") or
    a linking word ties it to it ("per year in equity")."""
    if closed and _linked_non_pay(right):
        return _VETOED
    veto = _NON_PAY_AFTER_PERIOD_CUE if closed else _NON_PAY_AFTER_CUE
    first_right = min(
        (m for m in (veto.search(right), PAY_CUE.search(right)) if m),
        key=lambda m: m.start(),
        default=None,
    )
    if first_right is None:
        return None
    if _is_pay_stipend(first_right, right, has_period):
        return _WEAK_PAY
    if veto.fullmatch(first_right.group()):
        return _VETOED
    attached = len(_WORD.findall(right[: first_right.start()])) <= 1  # "$120K base", "120,000 base salary"
    bare_ok = span.symbols or span.indian or (span.grouped and _STRONG_PAY_CUE.fullmatch(first_right.group()))
    if attached and bare_ok:
        return Evidence(True, True, bool(_OTE_TOTAL_CUE.fullmatch(first_right.group())))
    return None


def _linked_non_pay(right: str) -> bool:
    """ "in equity", "of bonus": a non-pay word the figure is tied to by a linking word."""
    cue = _NON_PAY_AFTER_CUE.search(right)
    return cue is not None and bool(_LINKED.search(right, 0, cue.start()))


def _from_left(span: Span, cue: re.Match[str], left: str, has_period: bool) -> Evidence:
    """What the nearest cue before the figure, in its sentence, says."""
    if _is_pay_stipend(cue, left, has_period):
        return _WEAK_PAY
    if _NON_PAY_CUE.fullmatch(cue.group()) and not PAY_CUE.fullmatch(cue.group()):
        return _VETOED
    gap = len(_WORD.findall(left[cue.end() :]))
    strong = gap <= 5 and _strong_cue_near(left, cue)
    # "36000 - 42000", "Daily rate: 450", not "Pay grade 7"
    amountish = span.grouped or has_period or span.high >= 1000 or bool(_PERIOD_CUE.fullmatch(cue.group()))
    if not span.symbols and not span.indian and not (strong and gap <= 3 and amountish):
        return _NOT_PAY  # a bare number needs a pay word right before it ("Salary: 120,000")
    return Evidence(True, strong, bool(_OTE_TOTAL_CUE.fullmatch(cue.group())))


def _without_cue(text: str, span: Span, s_start: int, has_period: bool) -> Evidence:
    """A figure with no cue in its sentence: pay in an HN header, with a stated period ("41000 to 47500 per
    year", "$40/hr"), under a pay heading on the line above, or as a pay string standing alone."""
    if _is_header_segment(text, span.start) and (span.symbols or span.indian or span.multiplied):
        return _WEAK_PAY  # HN convention, where "150-250k" needs no currency
    if has_period and (span.symbols or span.indian or _opens_statement(text, s_start, span.start)):
        return _WEAK_PAY  # the magnitude checks still apply: "2 per week" or "4.30pm" is never pay
    written_as_amount = span.symbols or span.indian or span.grouped or span.low != span.high or has_period
    if written_as_amount and _pay_heading_above(text, s_start):
        return _WEAK_PAY  # not a lone "2024" under "Salary": a year, not an amount
    if _is_pay_string(text, span):
        return _WEAK_PAY
    return _NOT_PAY


def _opens_statement(text: str, s_start: int, start: int) -> bool:
    """Whether a figure opens its sentence, after at most a bound ("From 26000 per annum", "Up to"): a bare
    figure in the middle of prose ("we handle 10,000 per month") counts something else."""
    return bool(_PAY_STRING_LEAD.fullmatch(text, s_start, start))


def _is_pay_string(text: str, span: Span) -> bool:
    """A short one-line text that opens with the figure ("30000 - 40000, Negotiable", "Up to 45,000 plus
    package") is a pay field as typed: a board's salary box, a spreadsheet cell. In running text a figure
    needs a cue, a currency with a period, or a heading."""
    if not (span.symbols or span.grouped or span.high >= 1000):
        return False
    lead = text[: span.start]
    if "\n" in text.strip() or not _PAY_STRING_LEAD.fullmatch(lead):
        return False
    return len(_WORD.findall(text)) <= _PAY_STRING_WORDS


def _attached_right(text: str, end: int, limit: int) -> str:
    limit = min(limit, end + 60)
    barrier = _RIGHT_BARRIER.search(text, end, limit)  # on the full text: lookbehinds see the figure
    window = text[end : barrier.start() if barrier else limit]
    words = _WORD.findall(window)[:4]
    return " ".join(words)


def _nearest_cue(left: str) -> re.Match[str] | None:
    """The cue closest to the end of ``left`` (pay or non-pay)."""
    best: re.Match[str] | None = None
    for pattern in (PAY_CUE, _NON_PAY_CUE):
        for m in pattern.finditer(left):
            if best is None or m.end() > best.end() or (m.end() == best.end() and m.start() < best.start()):
                best = m
    return best


def _strong_cue_near(left: str, cue: re.Match[str]) -> bool:
    """Whether the nearest cue is a strong pay cue, or a weak one ("range") right after a strong one, as in
    "Basic salaries range from 50,000"."""
    if _STRONG_PAY_CUE.fullmatch(cue.group()):
        return True
    if _NON_PAY_CUE.fullmatch(cue.group()):
        return False
    before = left[max(0, cue.start() - 30) : cue.start()]
    strong = [m for m in _STRONG_PAY_CUE.finditer(before) if len(_WORD.findall(before[m.end() :])) <= 1]
    return bool(strong)


def _is_pay_stipend(cue: re.Match[str], context: str, has_period: bool) -> bool:
    """An intern's "Stipend: $3,000/month" is pay; a "$1,500 learning stipend" or "housing stipend" is not."""
    if not has_period or not _STIPEND.fullmatch(cue.group()):
        return False
    before = " ".join(_WORD.findall(context[: cue.start()])[-2:])
    return not _NON_PAY_AFTER_CUE.search(before)


def _pay_heading_above(text: str, start: int) -> bool:
    """A short line just above ('Compensation', 'The pay range for this role is:') names pay; a longer one
    too when it leads into the figure with a colon ('The expected base salary range for this position,
    depending on experience and location, is as follows:')."""
    line_start = text.rfind("\n", 0, start)
    if line_start < 0 or text[line_start + 1 : start].strip(" •-*\t:"):
        return False  # the figure does not open its line
    above = text[max(0, line_start - 300) : line_start].rstrip().rsplit("\n", 2)[-2:]
    for line in reversed(above):
        limit = _LEAD_IN_WORDS if line.rstrip().endswith(":") else _HEADING_WORDS
        if len(_WORD.findall(line)) > limit:
            return False
        cue = _nearest_cue(line)
        if cue is not None:
            return bool(PAY_CUE.fullmatch(cue.group())) and not _NON_PAY_CUE.fullmatch(cue.group())
    return False


def _is_header_segment(text: str, start: int) -> bool:
    """HN 'Company | Role | Location | $150k-$190k' lines: a figure in a pipe-separated header is pay."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(_HEADER_SEPARATOR.findall(line)) >= 2
