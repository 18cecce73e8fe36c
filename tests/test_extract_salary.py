"""Salary parsing: free text, structured fields, annualizing."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import salary as salary_module
from extract.model import PERIODS, SALARY_KINDS
from extract.salary import annualize, find_salaries, find_salary, salary_from_fields

# (text, (min, max, currency, period)) — pay as stated, never annualized.
POSITIVE = [
    # ranges with every dash, "to", "between … and"
    ("The base salary range for this role is $118,000 - $142,000 per year.", (118000, 142000, "USD", "year")),
    ("Salary: $104K–$131K, depending on location.", (104000, 131000, "USD", "year")),
    ("Pay range: $97k — $115k", (97000, 115000, "USD", "year")),
    ("Compensation: $88,500 to $102,000 annually", (88500, 102000, "USD", "year")),
    ("We pay between $72,000 and $86,000 a year.", (72000, 86000, "USD", "year")),
    ("Salary range: $140,000.00 - $176,000.00 USD", (140000, 176000, "USD", "year")),
    ("Annual salary: 91,000 - 99,000 USD", (91000, 99000, "USD", "year")),
    ("Salary: $83-97K plus benefits", (83000, 97000, "USD", "year")),
    ("Salary $1.2M", (1200000, 1200000, "USD", "year")),
    # single figures and bounds
    ("Salary: $112,000, plus an annual bonus.", (112000, 112000, "USD", "year")),
    ("Base salary: up to $163,000 depending on experience.", (163000, 163000, "USD", "year")),
    ("Salary from $58,000 per year", (58000, 58000, "USD", "year")),
    ("Pay starts at $19.00 with steps up to $21.50/hour.", (19, 21.5, "USD", "hour")),
    # hourly, daily, weekly, monthly
    ("Pay: $31 - $38 per hour", (31, 38, "USD", "hour")),
    ("Hourly rate: $27.40–$33.90", (27.4, 33.9, "USD", "hour")),
    ("Wage: $22/hr", (22, 22, "USD", "hour")),
    ("Earn $24 an hour", (24, 24, "USD", "hour")),
    ("Pay rate $36 ph, weekends extra", (36, 36, "USD", "hour")),
    ("Day rate: £525/day outside IR35", (525, 525, "GBP", "day")),
    ("Contract at €600 per day", (600, 600, "EUR", "day")),
    ("Pay: $1,450 per week", (1450, 1450, "USD", "week")),
    ("Compensation: $8,200/month for the summer", (8200, 8200, "USD", "month")),
    ("Salary: S$7,500 - S$9,000 monthly", (7500, 9000, "SGD", "month")),
    ("Stipend: $3,400/month for the internship", (3400, 3400, "USD", "month")),
    # currencies
    ("Salary: £42,000-£48,000 plus pension", (42000, 48000, "GBP", "year")),
    ("Salary: £38-44k", (38000, 44000, "GBP", "year")),
    ("Salary: €62.000 - €71.000 gross/year", (62000, 71000, "EUR", "year")),
    ("Gehalt: 58.000 € - 66.000 € pro Jahr", (58000, 66000, "EUR", "year")),
    ("Salary: 48 000 - 56 000 EUR per year", (48000, 56000, "EUR", "year")),
    ("Salaire : 52 000 € par an", (52000, 52000, "EUR", "year")),
    ("Salary: 4.250,50 € per month", (4250.5, 4250.5, "EUR", "month")),
    ("Salary: CHF 131,000 - 149,000 base salary", (131000, 149000, "CHF", "year")),
    ("Compensation: CA$122,000–CA$139,000 base", (122000, 139000, "CAD", "year")),
    ("Salary: C$95,000 to C$105,000", (95000, 105000, "CAD", "year")),
    ("Salary: $96,000 - $108,000 CAD", (96000, 108000, "CAD", "year")),
    ("Salary range (CAD): $101,000–$117,000", (101000, 117000, "CAD", "year")),
    ("Salary: A$126k–A$141k + super", (126000, 141000, "AUD", "year")),
    ("Salary: AUD 118,000", (118000, 118000, "AUD", "year")),
    ("Salary: NZ$92k - NZ$104k", (92000, 104000, "NZD", "year")),
    ("Salary: US$74,000", (74000, 74000, "USD", "year")),
    ("Salary: USD $134K to $151K base", (134000, 151000, "USD", "year")),
    ("Salary: HK$41,000 per month", (41000, 41000, "HKD", "month")),
    ("Salary: ¥7M - ¥9.5M per year", (7000000, 9500000, "JPY", "year")),
    ("Salary: JPY 8,000,000", (8000000, 8000000, "JPY", "year")),
    ("Salary: SEK 47,000 per month", (47000, 47000, "SEK", "month")),
    ("Lön: 46 000 kr per month, office in Stockholm", (46000, 46000, "SEK", "month")),
    ("Salary: NOK 720,000 per year", (720000, 720000, "NOK", "year")),
    ("Salary: DKK 52.000 per month", (52000, 52000, "DKK", "month")),
    ("Salary: 16 000 - 21 000 zł per month", (16000, 21000, "PLN", "month")),
    ("Salary: PLN 17,500 monthly", (17500, 17500, "PLN", "month")),
    ("Salário: R$ 9.000 - R$ 13.000 por mês", (9000, 13000, "BRL", "month")),
    ("Salary: MXN 45,000 per month", (45000, 45000, "MXN", "month")),
    ("Salary: ZAR 640 000 per annum", (640000, 640000, "ZAR", "year")),
    # Indian formats
    ("CTC: ₹14,00,000 - ₹19,00,000 per annum", (1400000, 1900000, "INR", "year")),
    ("Salary: 16-22 LPA", (1600000, 2200000, "INR", "year")),
    ("Salary: ₹9-13 LPA", (900000, 1300000, "INR", "year")),
    ("Salary: 11 lakh to 15 lakh per annum", (1100000, 1500000, "INR", "year")),
    ("Salary: Rs. 1.1 crore per annum", (11000000, 11000000, "INR", "year")),
    ("Salary: INR 1,450,000 per year", (1450000, 1450000, "INR", "year")),
    ("Internship stipend: ₹18,000 per month", (18000, 18000, "INR", "month")),
    # OTE vs base
    ("OTE $230K, base $115K", (115000, 115000, "USD", "year")),
    ("OTE $180K (base $90K), uncapped commission.", (90000, 90000, "USD", "year")),
    ("$125K base + commission", (125000, 125000, "USD", "year")),
    ("OTE $260K with a 60/40 split between base and variable.", (156000, 156000, "USD", "year")),
    # several ranges for several locations: the first
    ("Salary: $151,000–$178,000 in New York; $137,000–$161,000 elsewhere.", (151000, 178000, "USD", "year")),
    # HN header convention: a bare range in the pipe-separated first line is pay
    (
        "Brambleway | Data Engineer | Remote (EU) | €70k–€85k + equity\nWe build ...",
        (70000, 85000, "EUR", "year"),
    ),
    ("Tidewell | SRE | NYC | USD 205k-245k | Full-time", (205000, 245000, "USD", "year")),
    ("Quillon | Backend | Remote | 140-170k + equity\nWe raised $9M.", (140000, 170000, None, "year")),
    # pay next to non-pay figures: the cue nearest to each figure decides
    (
        "We raised a $38M Series B in 2025. The base salary range is $126K–$158K. "
        "We also offer a 401(k) match of 4% and a $1,750 annual learning stipend.",
        (126000, 158000, "USD", "year"),
    ),
    (
        "Pay: $47 - $59 per hour, plus a $5/hr night differential. A $7,500 sign-on bonus is available.",
        (47, 59, "USD", "hour"),
    ),
    ("Compensation: $8,800/month, plus a $2,200/month housing stipend.", (8800, 8800, "USD", "month")),
    # a heading above names the pay
    ("Compensation\n$163,000 - $197,000\nBenefits\n$1,200 wellness stipend", (163000, 197000, "USD", "year")),
    # text glued by careless HTML-to-text
    ("Yearly Salary: $51,000 - $63,000Company Vehicle provided", (51000, 63000, "USD", "year")),
    ("Salary: $64,000 - $71,000 DOEGenerous Annual Bonuses", (64000, 71000, "USD", "year")),
    (
        "Location: AustinSalary Range: $33.50 - $41.25 HourlyApplication deadline",
        (33.5, 41.25, "USD", "hour"),
    ),
    # "$33.774 hourly": a dot before three digits is a decimal point when thousands would be absurd
    ("Target pay: $31.774 - $36.500 hourly", (31.774, 36.5, "USD", "hour")),
    # periods between the two ends
    ("Range: $84,000/year - $96,000/year", (84000, 96000, "USD", "year")),
]

NEGATIVE = [
    "We raised a $45M Series B led by Northwind Ventures.",
    "Small team, raised a $14M seed round last year.",
    "We closed a $9M round in March.",
    "Annual revenue of $3B and growing.",
    "We crossed $31M ARR this year.",
    "Sell into accounts of $40K–$160K ACV.",
    "A track record of beating a $1.2M annual quota.",
    "We manage $7B in assets under management.",
    "More than $4B in payments flow through us every year.",
    "Customers process CA$2B in payment volume.",
    "A 401(k) with a 5% match.",
    "We offer a 401k and dental.",
    "A $1,800 annual learning stipend.",
    "A $600 home office budget.",
    "A $12,000 signing bonus.",
    "Relocation bonus of $8,000.",
    "Equity of 0.2%-0.6% with four-year vesting.",
    "We serve 12,000 customers and 3 million users.",
    "Founded in 2017, profitable since 2021.",
    "Call our recruiters at 555-203-8841.",
    "Our plans start at $59/month.",
    "Competitive salary and great benefits.",
    "Competitive hourly pay, plus a $1,100 monthly housing stipend.",
    "Valued at $2.4B after our last round.",
    "Benefits: medical, dental, and a $2,000 tuition reimbursement.",
    "We move 3,400,000 parcels and employ 150,000 people.",
    "The product costs $1,200 per seat per year.",
    "Customers save $40k-$90k per year on shipping.",
    "USD 130,000–165,000",
    "You will own a $20M paid-media budget.",
    "Team of 40 engineers across 3 time zones, on-call 1 week in 8.",
    "12-hour shifts, 3 days a week, 36 hrs/week.",
    "Shift starts at 2:00 pm.",
    "Start date: June 14 – September 3, 2027.",
    "",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_find_salary_parses_stated_pay(text: str, expected: tuple[float, float, str | None, str]) -> None:
    salary = find_salary(text)
    assert salary is not None, text
    low, high, currency, period = expected
    assert salary.min == pytest.approx(low)
    assert salary.max == pytest.approx(high)
    assert salary.currency == currency
    assert salary.period == period
    assert salary.annual_min == pytest.approx(annualize(low, period))
    assert salary.annual_max == pytest.approx(annualize(high, period))


@pytest.mark.parametrize("text", NEGATIVE)
def test_find_salary_ignores_non_pay_figures(text: str) -> None:
    assert find_salary(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("OTE $210K, base $105K", "ote"),
        ("$118K base + commission", "ote"),
        ("On-target earnings of $190,000 with a base salary of $95,000.", "ote"),
        ("Salary: $118,000 - $131,000 plus bonus and equity", "base"),
    ],
)
def test_find_salary_marks_ote_postings(text: str, kind: str) -> None:
    salary = find_salary(text)
    assert salary is not None
    assert salary.kind == kind


def test_find_salary_returns_ote_total_with_note_when_base_is_not_stated() -> None:
    salary = find_salary("OTE $240,000 uncapped.")
    assert salary is not None
    assert (salary.min, salary.kind) == (240000, "ote")
    assert salary.note and "OTE" in salary.note


@pytest.mark.parametrize(
    ("text", "note_word"),
    [
        ("Salary: up to $140,000", "ceiling"),
        ("Pay: €3.900 gross", "magnitude"),
        ("OTE $200K (50/50 split)", "split"),
    ],
)
def test_find_salary_notes_what_it_did(text: str, note_word: str) -> None:
    salary = find_salary(text)
    assert salary is not None
    assert salary.note and note_word in salary.note


def test_find_salaries_lists_every_pay_statement_with_offsets() -> None:
    text = "Salary range: NYC $150,000–$175,000; remote $135,000–$160,000. We raised $20M."
    found = find_salaries(text)
    assert [(s.min, s.max) for s, _, _ in found] == [(150000, 175000), (135000, 160000)]
    for _, start, end in found:
        assert text[start:end].startswith("$")


def test_find_salaries_marks_ote_totals() -> None:
    found = find_salaries("OTE $220K, base $110K")
    assert [(s.min, s.kind) for s, _, _ in found] == [(220000, "ote"), (110000, "ote")]
    assert found[0][0].note and "OTE total" in found[0][0].note


# --------------------------------------------------------------------------------------------------
# structured fields


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # Lever intervals
        ((120000, 150000, "USD", "per-year-salary"), (120000, 150000, "USD", "year")),
        ((38, 45, "USD", "per-hour-wage"), (38, 45, "USD", "hour")),
        ((6000, 7000, "EUR", "per-month-salary"), (6000, 7000, "EUR", "month")),
        # Ashby intervals
        ((211400, 290600, "USD", "1 YEAR"), (211400, 290600, "USD", "year")),
        ((52, 61, "USD", "1 HOUR"), (52, 61, "USD", "hour")),
        ((9000, 9500, "GBP", "1 MONTH"), (9000, 9500, "GBP", "month")),
        ((3000, 3600, "USD", "2 WEEK"), (1500, 1800, "USD", "week")),
        ((2200, 2600, "EUR", "0.5 MONTH"), (4400, 5200, "EUR", "month")),
        # JSON-LD unitText, values as strings
        (("120000", "150000", "USD", "YEAR"), (120000, 150000, "USD", "year")),
        ((42, 48, "USD", "HOUR"), (42, 48, "USD", "hour")),
        ((450, 450, "GBP", "DAY"), (450, 450, "GBP", "day")),
        ((1900, 2100, "USD", "WEEK"), (1900, 2100, "USD", "week")),
        ((9000, None, "USD", "MONTH"), (9000, 9000, "USD", "month")),
        # Recruitee periods
        (("4000", "5500", "EUR", "month"), (4000, 5500, "EUR", "month")),
        (("60,000.00", "70,000.00", "eur", "year"), (60000, 70000, "EUR", "year")),
        # USAJOBS RateIntervalCode
        (("117962.0", "153354.0", "USD", "PA"), (117962, 153354, "USD", "year")),
        (("31.50", "40.95", "USD", "PH"), (31.5, 40.95, "USD", "hour")),
        (("250", "300", "USD", "PD"), (250, 300, "USD", "day")),
        (("4000", "4600", "USD", "BW"), (2000, 2300, "USD", "week")),
        (("8000", "9000", "USD", "PM"), (8000, 9000, "USD", "month")),
        # reversed range is swapped
        ((150000, 120000, "USD", "1 YEAR"), (120000, 150000, "USD", "year")),
    ],
)
def test_salary_from_fields_normalizes_vendor_periods(
    args: tuple[object, object, object, object], expected: tuple[float, float, str, str]
) -> None:
    salary = salary_from_fields(*args, source="test")
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period) == pytest.approx(expected)
    assert salary.source == "test"


@pytest.mark.parametrize(
    "args",
    [
        (0, 0, "USD", "1 YEAR"),
        (None, None, "USD", "YEAR"),
        (-5, 10, "USD", "HOUR"),
        ("", "", "USD", "YEAR"),
        ("n/a", "tbd", "USD", "YEAR"),
        (15, 15, "USD", "PW"),  # USAJOBS piece work
        (0, 0, "USD", "WC"),  # without compensation
    ],
)
def test_salary_from_fields_rejects_empty_or_invalid(args: tuple[object, object, object, object]) -> None:
    assert salary_from_fields(*args, source="test") is None


@pytest.mark.parametrize(
    ("args", "expected", "note_word"),
    [
        ((100, 130, "CAD", "per-year-salary"), (100000, 130000, "year"), "x1000"),
        ((45, 45, "USD", "YEAR"), (45, 45, "hour"), "hour"),
        ((125000, 125000, "USD", "1 HOUR"), (125000, 125000, "year"), "year"),
        ((150000, 120000, "USD", "YEAR"), (120000, 150000, "year"), "swapped"),
    ],
)
def test_salary_from_fields_flags_implausible_magnitudes(
    args: tuple[object, object, object, object], expected: tuple[float, float, str], note_word: str
) -> None:
    salary = salary_from_fields(*args, source="test")
    assert salary is not None
    assert (salary.min, salary.max, salary.period) == expected
    assert salary.note and note_word in salary.note


@pytest.mark.parametrize(
    ("low", "high", "label", "period", "kind"),
    [
        (180000, 220000, "NYC Salary Range", "year", "base"),
        (28.10, 34.50, "Hourly Pay Range", "hour", "base"),
        (31, 37, "", "hour", "base"),  # no label: the magnitude says hourly
        (160000, 240000, "OTE range", "year", "ote"),
        (150000, 200000, "Base + commission", "year", "ote"),
    ],
)
def test_salary_from_fields_reads_greenhouse_labels(
    low: float, high: float, label: str, period: str, kind: str
) -> None:
    salary = salary_from_fields(low, high, "USD", None, source="greenhouse.pay_input_ranges", label=label)
    assert salary is not None
    assert (salary.period, salary.kind) == (period, kind)


def test_salary_from_fields_keeps_estimated_flag() -> None:
    salary = salary_from_fields(90000, 110000, "USD", "YEAR", source="test", estimated=True)
    assert salary is not None and salary.estimated


@pytest.mark.parametrize(
    ("value", "period", "expected"),
    [(50, "hour", 104000), (400, "day", 104000), (2000, "week", 104000), (9000, "month", 108000),
     (120000, "year", 120000)],
)  # fmt: skip
def test_annualize_uses_working_time_conventions(value: float, period: str, expected: float) -> None:
    assert annualize(value, period) == expected


def test_annualize_rejects_unknown_period() -> None:
    with pytest.raises(ValueError):
        annualize(10, "fortnight")


# --------------------------------------------------------------------------------------------------
# properties

# Money-like text: digits, separators, currency signs and pay words in any order.
_MONEYISH = st.lists(
    st.sampled_from([*"0123456789$€£₹¥,.  -–—kKMB/|+%()\n", "salary ", "per hour", "LPA", "OTE ", "lakh"]),
    max_size=60,
).map("".join)


def _check_invariants(salary: object) -> None:
    assert salary is not None
    from extract.model import Salary

    assert isinstance(salary, Salary)
    assert salary.min <= salary.max
    assert salary.currency is None or (len(salary.currency) == 3 and salary.currency.isupper())
    assert salary.period in PERIODS
    assert salary.kind in SALARY_KINDS
    assert salary.annual_min is not None and salary.annual_max is not None
    assert math.isclose(salary.annual_min, annualize(salary.min, salary.period))
    assert math.isclose(salary.annual_max, annualize(salary.max, salary.period))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), _MONEYISH))
def test_find_salaries_never_raises_and_keeps_invariants(text: str) -> None:
    for salary, start, end in find_salaries(text):
        _check_invariants(salary)
        assert 0 <= start < end <= len(text)
    first = find_salary(text)
    if first is not None:
        _check_invariants(first)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.text(max_size=12)),
    st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.text(max_size=12)),
    st.one_of(st.none(), st.sampled_from(["USD", "eur", "£", "XYZ", ""]), st.text(max_size=4)),
    st.one_of(
        st.none(), st.sampled_from(["per-year-salary", "1 HOUR", "2 WEEK", "PA", "BW", "MONTH"]), st.text()
    ),
)
def test_salary_from_fields_never_raises_and_keeps_invariants(
    low: object, high: object, currency: object, period: object
) -> None:
    salary = salary_from_fields(low, high, currency, period, source="prop")
    if salary is not None:
        _check_invariants(salary)
        assert salary.min > 0


@given(st.floats(min_value=0, max_value=1e7), st.sampled_from(PERIODS))
def test_annualize_scales_linearly(value: float, period: str) -> None:
    assert annualize(value, period) == pytest.approx(value * annualize(1, period))


def _one_alternative_per_symbol(symbols: list[str]) -> str:
    """What salary._symbol_pattern matches, written plainly: one alternative per symbol, longest first."""
    parts = []
    for sym in sorted(symbols, key=len, reverse=True):
        body = re.escape(sym)
        if sym[0].isalpha():
            body = r"(?<![A-Za-z])" + body
        if sym in salary_module._NEED_DIGITS:
            body += r"(?=\s?\d)"
        elif sym[-1].isalpha():
            body += r"(?![A-Za-z])"
        parts.append(body)
    return "|".join(parts)


_PLAIN_SYMBOLS = re.compile(
    rf"(?P<pre>{_one_alternative_per_symbol(salary_module._ALL_SYMBOLS)})(?:\s?\$)?\s?(?=\d)", re.I
)
_CURRENCYISH = st.lists(
    st.sampled_from([*salary_module._ALL_SYMBOLS, "us$", "Usd", "kR", "R&D", "\u212a", "ZŁ", "1", "20", "4,000",
                     " ", "", "x", "a", "\n", "-", "$"]),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(text=_CURRENCYISH)
def test_salary_symbol_pattern_matches_as_one_alternative_per_symbol(text: str) -> None:
    fast = [(m.span(), m.group()) for m in salary_module._SYMBOL_BEFORE_DIGIT.finditer(text)]
    assert fast == [(m.span(), m.group()) for m in _PLAIN_SYMBOLS.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.sampled_from([*"ab \n\t|·•.!?", "\u00a0", " · "]), max_size=30).map("".join),
    bounds=st.tuples(st.integers(0, 40), st.integers(0, 40)),
)
def test_salary_sentence_end_fast_finds_the_same_ends(text: str, bounds: tuple[int, int]) -> None:
    pos, endpos = min(bounds), max(bounds)
    fast = [m.span() for m in salary_module._SENTENCE_END_FAST.finditer(text, pos, endpos)]
    assert fast == [m.span() for m in salary_module._SENTENCE_END.finditer(text, pos, endpos)]


def _windows_step_by_step(text: str, reach: int) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for run in re.finditer(r"\d+", text):
        start, end = max(0, run.start() - reach), min(len(text), run.end() + reach)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(["1", "22", "a", "b" * 35, " ", "\n", "\u0663", "x" * 81]), max_size=20
    ).map("".join),
    reach=st.sampled_from([0, 1, 5, 40]),
)
def test_salary_digit_windows_merge_the_stretches_around_digits(text: str, reach: int) -> None:
    assert salary_module._digit_windows(text, reach) == _windows_step_by_step(text, reach)
