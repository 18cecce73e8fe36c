"""extract.salary.text: pay stated in free text (find_salary, find_salaries)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.salary import annualize, find_salaries, find_salary

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
    "Typical contracts here run USD 130,000–165,000.",
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
        # a stated base is kind base, even in a commission posting; OTE only where no base is stated
        ("OTE $210K, base $105K", "base"),
        ("$118K base + commission", "base"),
        ("On-target earnings of $190,000 with a base salary of $95,000.", "base"),
        ("£24-28k basic, £55-62k OTE", "base"),
        ("Salary: $118,000 - $131,000 plus bonus and equity", "base"),
        ("OTE $185K uncapped", "ote"),
        ("Total target cash: $150,000 - $175,000", "ote"),
    ],
)
def test_find_salary_marks_ote_only_without_a_base(text: str, kind: str) -> None:
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
    assert [(s.min, s.kind) for s, _, _ in found] == [(220000, "ote"), (110000, "base")]
    assert found[0][0].note and "OTE total" in found[0][0].note


_MONEYISH = st.lists(
    st.sampled_from([*"0123456789$€£₹¥,.  -–—kKMB/|+%()\n", "salary ", "per hour", "LPA", "OTE ", "lakh"]),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), _MONEYISH))
def test_find_salaries_never_raises_and_keeps_invariants(
    salary_invariants: Callable[[object], None], text: str
) -> None:
    for salary, start, end in find_salaries(text):
        salary_invariants(salary)
        assert 0 <= start < end <= len(text)
    first = find_salary(text)
    if first is not None:
        salary_invariants(first)


# --------------------------------------------------------------------------------------------------
# estimates, allowances, implausible values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Estimated salary: $84,000 - $99,000 a year", (84000, 99000)),
        ("$67K - $93K (Glassdoor est.)", (67000, 93000)),
        ("Pay: $26 - $31 an hour (Indeed estimate)", (26, 31)),
        ("Est. $5,300 per month", (5300, 5300)),
    ],
)
def test_find_salary_marks_estimated_pay(text: str, expected: tuple[float, float]) -> None:
    salary = find_salary(text)
    assert salary is not None
    assert (salary.min, salary.max) == expected
    assert salary.estimated


@pytest.mark.parametrize(
    "text",
    [
        "Salary: $84,000 - $99,000 a year",
        "Salary: $67K - $93K (Employer est.)",
        "The estimated base pay range for this position is $112,000 - $139,000.",
    ],
)
def test_find_salary_keeps_stated_pay_disclosed(text: str) -> None:
    salary = find_salary(text)
    assert salary is not None and not salary.estimated


@pytest.mark.parametrize(
    "text",
    [
        "Perks: a fertility HRA (up to $12,000 per year) and dental.",
        "Adoption assistance up to $6,500.",
        "We cover IVF up to $15,000 per year.",
        "Each person gets $2,400 per year for professional development.",
        "A sign-on bonus of $4,000 for nurses.",
        "Our student loan program pays $150 per month toward your loans.",
        "A $3,000 relocation package (est.) is available.",
    ],
)
def test_find_salary_ignores_allowances_and_benefits(text: str) -> None:
    assert find_salary(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Benefits: up to $8,000 per year towards wellness. Salary: $91,000 per year.", (91000, "year")),
        ("Compensation and benefits: $104,000 - $126,000", (104000, "year")),
        ("Pay: $265 - $290 per hour, plus a $1,500 monthly stipend.", (265, "hour")),
    ],
)
def test_find_salary_skips_allowances_for_the_pay_beside_them(text: str, expected: tuple[float, str]) -> None:
    salary = find_salary(text)
    assert salary is not None
    assert (salary.min, salary.period) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Salary: $11,500 per year",  # below a yearly floor: not a full salary
        "Salary: £6,000 per annum",
        "Hourly rate: $750 per hour",  # above an hourly ceiling
        "Pay: €420/hr",
        "Salary: $" + "9" * 400 + " per year",  # a 400-digit figure
        "Salary: $1e309 per year",
        "Salary: 1" + ",000" * 110 + " USD per year",
    ],
)
def test_find_salary_drops_implausible_values_for_their_period(text: str) -> None:
    assert find_salary(text) is None
    assert all(math.isfinite(s.annual_max or 0) for s, _, _ in find_salaries(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare figure with a stated period is pay
        ("44000 to 51500 per year", (44000, 51500, "year")),
        ("12.25 to 13.80 per hour", (12.25, 13.8, "hour")),
        ("29000 per annum", (29000, 29000, "year")),
        ("54000 - 63000/annum", (54000, 63000, "year")),
        ("Rate: 9p/hr to 10p/hr per hour", (9, 10, "hour")),
        ("6.90 to Competitive per hour", (6.9, 6.9, "hour")),
        ("Up to 8.10 p.h. & Up to 42 Hours p.w.", (8.1, 8.1, "hour")),
        # bare figures right after a pay cue, thousands shorthand
        ("Salary: 38000 - 44000", (38000, 44000, "year")),
        ("Pay: 27-31000", (27000, 31000, "year")),
        ("Salary: 21335", (21335, 21335, "year")),
        ("Basic salaries range from 45,000 to 80,000 + Commission.", (45000, 80000, "year")),
        ("Daily rate: 475", (475, 475, "day")),
        ("Hourly rate - 15.75", (15.75, 15.75, "hour")),
        # a pay cue on the line above a range alone on its line
        ("Salary\n36000 - 42000\nBenefits", (36000, 42000, "year")),
        ("The salary for this role:\n\n29-34000 per annum", (29000, 34000, "year")),
        # a pay string typed alone (a board's salary box)
        ("Up to 42,000 plus excellent package", (42000, 42000, "year")),
        ("33000 - 39000, Negotiable", (33000, 39000, "year")),
        ("c.27,500 + benefits", (27500, 27500, "year")),
        # perks after the period do not rule the figure out
        ("£32,000 to £37,500 per annum plus bonus and car", (32000, 37500, "year")),
        ("£12.40/hour + shift allowance", (12.4, 12.4, "hour")),
        ("From 31,000 to 38,000 per annum Bonus, laptop, phone", (31000, 38000, "year")),
        ("41000 - 48000/annum pension / healthcare", (41000, 48000, "year")),
    ],
)
def test_find_salary_reads_bare_figures_with_a_period_or_a_cue(
    text: str, expected: tuple[float, float, str]
) -> None:
    salary = find_salary(text)
    assert salary is not None, text
    assert (salary.min, salary.max) == pytest.approx(expected[:2])
    assert salary.period == expected[2]


@pytest.mark.parametrize(
    "text",
    [
        "We work 37.5 hours per week.",
        "This is a 40 hour week, 8am – 4.30pm.",
        "Rota: 12 hrs a day, 3 days on.",
        "Hours: 9 per day",
        "Team of 2019 - 2024 graduates, offices open 2019 - 2024.",
        "We shipped 1200 parcels per day last year.",
        "Our team handles 12,000 per month.",
        "Salary\n2025 review cycle starts in March",
        "Job ref: 45781. Founded in 2004; our office is at 12000 Main Street.",
        "Call 0800 123 4567 today.",
        "A 1,500 per year learning budget.",
        "We pay a $20,000 annual bonus on top.",
        "Up to $25,000 per year in equity.",
        "$3.00/hr shift differential for nights.",
    ],
)
def test_find_salary_ignores_working_time_and_counts(text: str) -> None:
    assert find_salary(text) is None


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Salary: 52,000 UK pounds a year", "GBP"),
        ("Wynagrodzenie: 14 000 - 18 000 zł brutto miesięcznie", "PLN"),
        ("Rate: 700 - 900 PLN per day", "PLN"),
        ("Gehalt: 4.500 euros per month", "EUR"),
        ("Salary: 61,000 pounds sterling per annum", "GBP"),
    ],
)
def test_find_salary_reads_currencies_written_as_words(text: str, currency: str) -> None:
    salary = find_salary(text)
    assert salary is not None
    assert salary.currency == currency


@pytest.mark.parametrize(
    ("location", "currency"),
    [("Leeds, UK", "GBP"), ("Austin, TX", "USD"), ("Kraków, Poland", "PLN"), (None, None)],
)
def test_find_salary_takes_the_place_currency_when_none_is_written(
    location: str | None, currency: str | None
) -> None:
    salary = find_salary("Salary: 31000 - 35000", location=location)
    assert salary is not None
    assert salary.currency == currency
    written = find_salary("Salary: $31,000 - $35,000", location=location)
    assert written is not None
    assert written.currency == "USD"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the base, not the OTE, whichever comes first
        ("£24-28k basic, £55-62k OTE", (24000, 28000, "year")),
        ("OTE £55-62k, basic £24-28k", (24000, 28000, "year")),
        # sentence shapes
        ("$165,000 - $190,000 is the base salary range for this role.", (165000, 190000, "year")),
        ("The salary range for this position is:\n$92,000 - $118,000", (92000, 118000, "year")),
        (
            "The expected base salary range for this position, depending on skills, experience and location,"
            " is as follows:\n$104,000 - $139,000",
            (104000, 139000, "year"),
        ),
        ("The annual pay is between: $84,000 and $101,000.", (84000, 101000, "year")),
        ("Total target cash: $150,000 - $175,000", (150000, 175000, "year")),
        ("The pay is?$68,500 ?per year", (68500, 68500, "year")),
        ("Pay: $23-/hr", (23, 23, "hour")),
        ("Night shift differential: $2.50/hr. Pay: $26/hr", (26, 26, "hour")),
        # a range written as two bounds
        ("The minimum salary of $58,000 to maximum salary of $74,000 annually.", (58000, 74000, "year")),
        ("Min USD $96,000/yr. Max USD $128,000/yr.", (96000, 128000, "year")),
        ("Salary: Min: $66,000 Mid: $81,000 Max: $96,000", (66000, 96000, "year")),
        ("The range is $61,000 and $73,000 based on experience.", (61000, 73000, "year")),
        # a range typed backwards; contract types: monthly, the first stated
        ("Salary Range: $61.20 - $38.75 Hourly", (38.75, 61.2, "hour")),
        ("Wynagrodzenie: 17 000 - 23 000 PLN gross per month (UoP/B2B)", (17000, 23000, "month")),
        ("UoP: 14 000 - 18 000 PLN brutto, B2B: 17 000 - 22 000 PLN netto + VAT", (14000, 18000, "month")),
        ("B2B: 19 000 - 25 000 PLN + VAT / month", (19000, 25000, "month")),
    ],
)
def test_find_salary_reads_sentence_shapes_and_bounds(text: str, expected: tuple[float, float, str]) -> None:
    salary = find_salary(text)
    assert salary is not None, text
    assert (salary.min, salary.max) == pytest.approx(expected[:2])
    assert salary.period == expected[2]


@pytest.mark.parametrize(
    "text",
    [
        "If you make less than $45k a month now, we should talk.",
        "Currently earning $60,000 a year? Double it with us.",
        "We offer an HRA of up to $6,500 per year.",
        "A $3,000 annual learning budget and a $1,200 home office stipend.",
        "Relocation assistance of up to $12,000 is available.",
        "A $20,000 sign-on bonus for qualified candidates.",
        "We closed a $35M Series B and passed $18M in annual revenue.",
    ],
)
def test_find_salary_ignores_money_that_is_not_the_jobs_pay(text: str) -> None:
    assert find_salary(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Target Pay Range/Rate: $31.50 - $36.00 hourly or $65,520 - $74,880 annually",
            (65520, 74880, "year"),
        ),
        ("Pay: $25/hr ($52,000 per year)", (52000, 52000, "year")),
        # not a restatement: another amount, or another sentence
        ("Pay: $25/hr; the role used to pay $61,000 per year", (25, 25, "hour")),
        ("Pay: $25/hr. Managers earn $52,000 per year.", (25, 25, "hour")),
    ],
)
def test_find_salary_publishes_the_yearly_restatement_of_the_same_pay(
    text: str, expected: tuple[float, float, str]
) -> None:
    salary = find_salary(text)
    assert salary is not None
    assert (salary.min, salary.max, salary.period) == (*expected[:2], expected[2])
