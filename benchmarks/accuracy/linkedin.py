"""LinkedIn 2024 postings (``data/linkedin-2024/dev.csv``): seniority and salary against employer fields.

Seniority agrees when ours is one of the levels ``LINKEDIN_LEVELS`` maps the employer-chosen
``formatted_experience_level`` to; salary agrees when min and max are within 1% of the structured
``min/max/med_salary`` with the same period and currency, on rows whose description states pay.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.accuracy.common import csv_rows, ratio, snippet
from extract.model import SENIORITY_LEVELS, Posting
from extract.output import prediction
from extract.salary import find_salaries, find_salary
from extract.seniority import experience_asked, level_from_text, title_cues, years_required

# LinkedIn's employer-chosen experience level → the levels of ours that count as agreeing.
LINKEDIN_LEVELS: dict[str, frozenset[str]] = {
    "Internship": frozenset({"intern"}),
    "Entry level": frozenset({"entry"}),
    "Associate": frozenset({"entry", "mid"}),
    "Mid-Senior level": frozenset({"mid", "senior", "staff", "manager"}),
    "Director": frozenset({"director"}),
    "Executive": frozenset({"executive"}),
}
# LinkedIn pay_period → (our period, factor applied to the structured amounts). BIWEEKLY is per two weeks.
LINKEDIN_PERIODS: dict[str, tuple[str, float]] = {
    "HOURLY": ("hour", 1.0),
    "DAILY": ("day", 1.0),
    "WEEKLY": ("week", 1.0),
    "BIWEEKLY": ("week", 0.5),
    "MONTHLY": ("month", 1.0),
    "YEARLY": ("year", 1.0),
}
_PER_YEAR = {"hour": 2080.0, "day": 260.0, "week": 52.0, "month": 12.0, "year": 1.0}
TOLERANCE = 0.01  # min and max agree within 1%

# ---------------------------------------------------------------------------------------------- LinkedIn


def _read_linkedin(path: Path) -> list[dict[str, str]]:
    return csv_rows(path)


def _linkedin_record(row: Mapping[str, str]) -> dict[str, Any]:
    fetched_at = ""
    if row.get("listed_time"):
        fetched_at = datetime.fromtimestamp(float(row["listed_time"]) / 1000, tz=UTC).strftime(
            "%Y-%m-%dT%H:%M:%SZ"
        )
    return {
        "id": row["job_id"],
        "format": "plain",
        "title": row.get("title") or "",
        "company": row.get("company_name") or None,
        "fetched_at": fetched_at,
        "location": row.get("location") or None,  # the place sets the currency of pay written without one
        "body": row.get("description") or "",
    }


def _seniority_path(title: str, text: str, predicted: str) -> str:
    """Which rule of ``infer_seniority`` decided: the title, a statement, stated years, a ladder numeral,
    weighted experience, or the silent default (a role-name manager's floor is named after the rule)."""
    cues = title_cues(title)
    if cues.levels or (predicted == "manager" and (cues.role_manager or cues.lead)):
        return "title cue"
    floor = " (role-name manager: at least mid)" if cues.role_manager and predicted == "mid" else ""
    if level_from_text(text) is not None:
        return "statement in the text" + floor
    years = years_required(text)
    if years is not None:
        return f"years ({years})" + floor
    if cues.ladder:
        return "ladder numeral"
    if experience_asked(text) is not None:
        return "weighted experience" + floor
    return "default (silent title, no years; the occupation's job zone)" + floor


def seniority_section(rows: list[dict[str, str]], postings: list[Posting], examples: int) -> None:
    print("## LinkedIn seniority vs formatted_experience_level")
    print("mapping: " + "; ".join(f"{k} -> {'|'.join(sorted(v))}" for k, v in LINKEDIN_LEVELS.items()))
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    errors: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    n = agree = 0
    for row, posting in zip(rows, postings, strict=True):
        label = row.get("formatted_experience_level") or ""
        if label not in LINKEDIN_LEVELS:
            continue
        ours = posting.seniority or "mid"
        n += 1
        confusion[label][ours] += 1
        if ours in LINKEDIN_LEVELS[label]:
            agree += 1
            continue
        path = _seniority_path(row.get("title") or "", posting.raw.description, ours)
        kind = "years" if path.startswith("years") else path
        errors[(f"{label} -> {ours}", kind)].append((row.get("title") or "", path))
    print(f"rows with a label: n={n}; agreement {ratio(agree, n)}")
    levels = [level for level in SENIORITY_LEVELS if any(c[level] for c in confusion.values())]
    print(f"{'label / ours':<18}" + "".join(f"{level:>9}" for level in levels) + f"{'n':>6}")
    for label in LINKEDIN_LEVELS:
        if label in confusion:
            counts = confusion[label]
            cells = "".join(f"{counts[level]:>9}" for level in levels)
            print(f"{label:<18}{cells}{sum(counts.values()):>6}")
    print("error classes (label -> ours, deciding rule), most frequent first:")
    for (pair, kind), items in sorted(errors.items(), key=lambda kv: -len(kv[1])):
        shown = "; ".join(f"{title!r} [{path}]" for title, path in items[:examples])
        print(f"  {len(items):>3}  {pair:<28} by {kind}: {shown}")
    print()


@dataclass
class _Pay:
    low: float
    high: float
    period: str
    currency: str


def _structured_pay(row: Mapping[str, str]) -> _Pay | None:
    period = LINKEDIN_PERIODS.get((row.get("pay_period") or "").upper())
    if period is None:
        return None
    values = [row.get("min_salary"), row.get("max_salary")]
    if not all(values):
        values = [row.get("med_salary"), row.get("med_salary")]
    if not all(values):
        return None
    name, factor = period
    low, high = (float(v or 0) * factor for v in values)
    return _Pay(low, high, name, (row.get("currency") or "").upper())


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(b), 1.0)


def _number_forms(value: float) -> list[str]:
    if value == int(value):
        whole = int(value)
        forms = [f"{whole:,}", str(whole), f"{whole:,}.00", f"{whole}.00"]
        if whole >= 1000 and whole % 100 == 0:
            forms.append(f"{whole / 1000:g}k")
        return forms
    return [f"{value:,.2f}", f"{value:.2f}", f"{value:g}"]


def _number_in_text(value: float, lower_text: str) -> bool:
    """The amount is written in the text; under 1,000 it must follow a $ (else "40" is "40 hours")."""
    dollar = r"\$\s?" if value < 1000 else ""
    for form in _number_forms(value):
        if re.search(rf"(?<![\d.,]){dollar}{re.escape(form)}(?![\d]|[.,]\d|[a-z])", lower_text):
            return True
    return False


def _raw_amounts(row: Mapping[str, str]) -> list[float]:
    keys = (
        ("min_salary", "max_salary") if row.get("min_salary") and row.get("max_salary") else ("med_salary",)
    )
    return [float(row[k]) for k in keys if row.get(k)]


def _agrees(ours: Mapping[str, Any] | None, pay: _Pay) -> bool:
    return bool(
        ours
        and _close(float(ours["min"]), pay.low)
        and _close(float(ours["max"]), pay.high)
        and ours["period"] == pay.period
        and ours["currency"] == pay.currency
    )


def _statements(text: str) -> list[dict[str, Any]]:
    return [
        {"min": s.min, "max": s.max, "period": s.period, "currency": s.currency, "kind": s.kind, "at": (a, b)}
        for s, a, b in find_salaries(text)
    ]


def _salary_error(ours: Mapping[str, Any] | None, pay: _Pay, text: str, numbers_in_text: bool) -> str:
    if not ours:
        return "no pay found in the text"
    amounts = _close(float(ours["min"]), pay.low) and _close(float(ours["max"]), pay.high)
    if amounts and ours["period"] == pay.period:
        return "currency missing" if ours["currency"] is None else "currency differs"
    if amounts:
        return "period differs (same amounts)"
    statements = _statements(text)
    for other in statements:
        if _close(other["min"], pay.low) and _close(other["max"], pay.high) and other["period"] == pay.period:
            if other["kind"] == "ote":
                return "the field has the OTE total, ours the stated base"
            if other["period"] != ours["period"]:
                return "pay stated in two periods (e.g. hourly and annual); the field has the other"
            return "several figures (tiers, locations); the field has another than our first"
    if any(_close(a["min"], pay.low) for a in statements) and any(
        _close(b["max"], pay.high) for b in statements
    ):
        return "the field spans several stated tiers (min of one, max of another); ours the first tier"
    if ours["min"] == ours["max"] and pay.low != pay.high and _close(float(ours["max"]), pay.high):
        return "one stated figure ('up to $X', '$X/hr'); the field adds a minimum"
    if any(
        _close(float(ours[k]) * f, v) for k, v in (("min", pay.low), ("max", pay.high)) for f in (1000, 0.001)
    ):
        return "x1000 scale (field typed in thousands)"
    if not numbers_in_text:
        return "the field's figures are not in the text (field differs from the stated pay, or we read a non-pay figure)"
    ours_year = (
        float(ours["min"]) * _PER_YEAR[ours["period"]],
        float(ours["max"]) * _PER_YEAR[ours["period"]],
    )
    pay_year = (pay.low * _PER_YEAR[pay.period], pay.high * _PER_YEAR[pay.period])
    if ours["period"] != pay.period and all(
        abs(a - b) <= 0.05 * b for a, b in zip(ours_year, pay_year, strict=True)
    ):
        return "same pay in another period (field converted hourly<->annual)"
    if ours["period"] != pay.period:
        return "period differs (different amounts)"
    if (ours["min"] == ours["max"]) != (pay.low == pay.high):
        return "range vs single figure"
    return "different amounts"


def _our_context(ours: Mapping[str, Any] | None, row: Mapping[str, str], text: str) -> str:
    """Text around our figure, else around the field's first figure, else a note."""
    if ours:
        for other in _statements(text):
            if _close(other["min"], float(ours["min"])):
                return snippet(text, *other["at"])
    lower = text.lower()
    for form in _number_forms(_raw_amounts(row)[0]):
        where = lower.find(form)
        if where >= 0:
            return snippet(text, where, where + len(form))
    return "(no figure in the text)"


def salary_section(rows: list[dict[str, str]], postings: list[Posting], examples: int) -> None:
    print("## LinkedIn salary vs structured min/max/med_salary, pay_period, currency")
    print(
        "agreement = our text salary has min and max within 1%, the same period and the same currency;"
        " structured BIWEEKLY is halved to per-week; med_salary alone = a single figure"
    )
    structured = finder = numbers = 0
    groups: dict[str, list[tuple[bool, str]]] = {"numbers": [], "finder": [], "both": [], "either": []}
    errors: dict[str, list[str]] = defaultdict(list)
    in_headline: Counter[str] = Counter()
    periods: Counter[str] = Counter()
    for row, posting in zip(rows, postings, strict=True):
        pay = _structured_pay(row)
        if pay is None:
            continue
        structured += 1
        periods[row.get("pay_period") or ""] += 1
        text = posting.raw.description
        by_finder = find_salary(text, location=posting.raw.location) is not None
        by_numbers = all(_number_in_text(v, text.lower()) for v in _raw_amounts(row))
        finder += by_finder
        numbers += by_numbers
        if not (by_finder or by_numbers):
            continue
        ours = prediction(posting)["salary"]
        ok = _agrees(ours, pay)
        kind = "ok" if ok else _salary_error(ours, pay, text, by_numbers)
        for name, member in (
            ("numbers", by_numbers),
            ("finder", by_finder),
            ("both", by_finder and by_numbers),
            ("either", True),
        ):
            if member:
                groups[name].append((ok, kind))
        if not ok:
            got = (
                "none" if not ours else f"{ours['min']:g}-{ours['max']:g} {ours['currency']}/{ours['period']}"
            )
            context = _our_context(ours, row, text)
            in_headline[kind] += by_numbers
            errors[kind].append(
                f"{row['job_id']}: field {pay.low:g}-{pay.high:g} {pay.currency}/{pay.period}, ours {got}; …{context}…"
            )
    print(
        f"rows with structured pay: {structured} ({', '.join(f'{k} {v}' for k, v in periods.most_common())})"
    )
    print(
        f"  description states pay by our finder (find_salary): {finder}; by the structured numbers in the text: {numbers}"
    )
    labels = {
        "numbers": "structured numbers written in the text (headline)",
        "finder": "our finder finds pay in the text",
        "both": "both",
        "either": "either",
    }
    for name, label in labels.items():
        items = groups[name]
        print(
            f"  states pay by {label:<52} n={len(items):<4} agreement {ratio(sum(ok for ok, _ in items), len(items))}"
        )
    print(
        "error classes (rows where pay is stated by finder or numbers; [k] = k of them in the headline set):"
    )
    for kind, examples_of in sorted(errors.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(examples_of):>3} [{in_headline[kind]}]  {kind}")
        for item in examples_of[:examples]:
            print(f"       {item[:260]}")
    print()
