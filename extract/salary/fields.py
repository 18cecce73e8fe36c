"""Structured pay fields (Greenhouse, Lever, Ashby, JSON-LD, Recruitee, RemoteOK, USAJOBS): one normalizer
for every vendor's amounts, currency and period vocabulary (``data/salary_fields.json``). Implausible
magnitudes are corrected with a note in ``Salary.note``; values no reading makes pay (non-finite, 1e308,
5e-324) are rejected."""

from __future__ import annotations

import math
import re

from extract.model import Salary
from extract.salary.context import OTE_CUE
from extract.salary.currency import field_currency
from extract.salary.magnitude import infer_period, make, plausible, reinterpret
from extract.salary.vocab import FIELDS

_FIELD_PERIODS: dict[str, tuple[str, float]] = {
    value: (period, factor) for value, (period, factor) in FIELDS["periods"].items()
}
_PERIOD_SUBSTRINGS: list[tuple[str, str]] = [(word, period) for word, period in FIELDS["period_substrings"]]
_NOT_A_RATE = frozenset(FIELDS["not_a_rate"])
_UNKNOWN_PERIOD = frozenset(FIELDS["unknown_period"])
_LABEL_HOUR = re.compile(FIELDS["label_hour"], re.I)
_LABEL_YEAR = re.compile(FIELDS["label_year"], re.I)


_EXPONENT = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+")


def _number(value: object) -> float | None:
    """A finite number from a field that may hold any JSON: a number, or a string as people write one
    ("120,000.00", "4000,50", "$95k" reads 95); anything else, infinite or not a number gives None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _finite(value)
    if isinstance(value, str):
        return _number_in(value.strip())
    return None


def _finite(value: float | str) -> float | None:
    """``float(value)`` when it is finite ("1e309" and 400-digit integers are not: no OverflowError)."""
    try:
        number = float(value)
    except (OverflowError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _number_in(text: str) -> float | None:
    if _EXPONENT.fullmatch(text):
        return _finite(text)  # "1e309", "5e-324": scientific notation, not digits to keep
    cleaned = re.sub(r"[^\d.,\-]", "", text)
    if not re.search(r"\d", cleaned):
        return None
    if cleaned.count(",") and cleaned.count("."):
        cleaned = cleaned.replace(",", "")  # "120,000.00"
    elif cleaned.count(",") == 1 and re.search(r",\d{1,2}$", cleaned):
        cleaned = cleaned.replace(",", ".")  # "4000,50"
    else:
        cleaned = cleaned.replace(",", "")
    return _finite(cleaned)


def _period_key(value: object) -> str:
    """A period value as a lookup key; only a string or a number can name a period (any other JSON, a
    nested object, names none and is never turned into text)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return ""
    return re.sub(r"[_\s]+", " ", str(value).strip().lower())


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
    for word, period in _PERIOD_SUBSTRINGS:
        if word in key:
            return period, 1.0
    return None


def _range(min_value: object, max_value: object, notes: list[str]) -> tuple[float, float] | None:
    """Both ends of a stated range, in order; a missing (or zero) end takes the other end."""
    low, high = _number(min_value), _number(max_value)
    if low == 0 and high:
        notes.append("minimum 0 read as 'up to' the maximum")
    low = low or high  # a missing (or zero) end takes the other end: a single figure
    high = high or low
    if low is None or high is None or low <= 0 or high <= 0:
        return None  # nothing stated, 0/0, or negative
    if low > high:
        low, high = high, low
        notes.append("min and max were reversed; swapped")
    return low, high


def _per_period(
    low: float, high: float, period: object, label: str, code: str | None, notes: list[str]
) -> tuple[float, float, str]:
    """The amounts per a period of ours: the vendor's period value, else the label, else the magnitude."""
    parsed = _field_period(period)
    if parsed is not None:
        per, factor = parsed
        if factor != 1:
            low, high = low * factor, high * factor
            notes.append(f"stated per {period}; converted to per {per}")
        return low, high, per
    stated = None
    if _LABEL_HOUR.search(label or ""):
        stated = "hour"
    elif _LABEL_YEAR.search(label or ""):
        stated = "year"
    per = stated or infer_period(low, high, code) or "year"
    if stated is None and per != "year":
        notes.append(f"period not given; read as per {per} from the magnitude")
    return low, high, per


def _checked(
    low: float, high: float, per: str, code: str | None, notes: list[str]
) -> tuple[float, float, str] | None:
    """An implausible magnitude read the closest plausible way, with a note; None when no reading fits
    (1e308 or 5e-324 per year is no salary in any period)."""
    if plausible(low, high, per, code):
        return low, high, per
    fixed = reinterpret(low, high, per, code)
    if fixed is None:
        return None
    low, high, per, note = fixed
    notes.append(note)
    return low, high, per


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
    of the range takes the other end; 0/0, negative, non-numeric or non-finite values, piece-work codes and
    magnitudes that fit no period give ``None``; a reversed range is swapped, and a magnitude implausible for
    its period but plausible for another is corrected with a ``note``.
    """
    notes: list[str] = []
    bounds = _range(min_value, max_value, notes)
    if bounds is None or _period_key(period) in _NOT_A_RATE:
        return None
    code = field_currency(currency)
    if code is None and isinstance(currency, str) and currency.strip():
        notes.append(f"unknown currency {currency.strip()!r}")
    label = label if isinstance(label, str) else ""
    checked = _checked(*_per_period(*bounds, period, label, code, notes), code, notes)
    if checked is None:
        return None
    low, high, per = checked
    kind = "ote" if OTE_CUE.search(label) else "base"
    if kind == "ote":
        notes.append("range is OTE (base + variable), per its label")
    return make(
        low, high, code, per, kind=kind, source=source, estimated=estimated, note="; ".join(notes) or None
    )
