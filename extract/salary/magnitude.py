"""Magnitudes: is a figure plausible as pay for a period, which period fits an unlabelled figure, and how a
misstated one is read. Judged against a typical salary in the currency (``data/currency.json``), so a
"$40M" is never a salary and an unstated period is read from the size of the figure."""

from __future__ import annotations

import math
from functools import cache

from extract.model import PERIODS, Salary
from extract.salary.currency import DEFAULT_TYPICAL, TYPICAL
from extract.salary.periods import annualize
from extract.salary.vocab import PLAUSIBILITY

# A figure is plausible as pay when its annualized value lies within this factor of a typical
# salary in its currency: wide enough for part-time interns and executives, narrow enough to drop
# "$40M" and to catch an employer who typed "100" meaning "100K".
_PLAUSIBLE_LOW, _PLAUSIBLE_HIGH = 0.04, 25.0
# When the period is not stated, a yearly reading is the common case; other periods must fit better by
# this factor (log space) to win.
_YEAR_BIAS = math.log(3.0)


def log_distance(low: float, high: float, period: str, currency: str | None) -> float:
    """How far (log scale) the range's middle, annualized, lies from a typical salary in ``currency``."""
    typical = TYPICAL.get(currency or "USD", DEFAULT_TYPICAL)
    mid = math.sqrt(low * high) if low > 0 else high
    return abs(math.log(annualize(mid, period) / typical))


def plausible(low: float, high: float, period: str, currency: str | None) -> bool:
    """Whether ``low``-``high`` per ``period`` is within the plausible band around a typical salary."""
    if low <= 0:
        return False
    typical = TYPICAL.get(currency or "USD", DEFAULT_TYPICAL)
    return (
        annualize(low, period) >= typical * _PLAUSIBLE_LOW
        and annualize(high, period) <= typical * _PLAUSIBLE_HIGH
    )


def within_limits(low: float, high: float, period: str, currency: str | None) -> bool:
    """Whether a figure read from text respects the floor of a yearly salary and the ceiling of an hourly
    rate in its currency (``data/salary_plausibility.json``): outside them it is not the job's pay."""
    floor, ceiling = _limits(currency)
    if period == "year" and low < floor:
        return False
    return not (period == "hour" and high > ceiling)


@cache
def _limits(currency: str | None) -> tuple[float, float]:
    """(yearly floor, hourly ceiling) for ``currency``: its row, else shares of its typical salary."""
    row = PLAUSIBILITY["limits"].get(currency) if currency else PLAUSIBILITY["no_currency"]
    if row is not None:
        return float(row["year_floor"]), float(row["hour_ceiling"])
    typical = TYPICAL.get(currency or "USD", DEFAULT_TYPICAL)
    share = PLAUSIBILITY["default_share_of_typical"]
    return typical * share["year_floor"], typical * share["hour_ceiling"]


def fits(low: float, high: float, period: str, currency: str | None, *, limits: bool = False) -> bool:
    """``plausible``, and with ``limits`` also ``within_limits`` (pay read from text)."""
    return plausible(low, high, period, currency) and (
        not limits or within_limits(low, high, period, currency)
    )


def infer_period(low: float, high: float, currency: str | None, *, limits: bool = False) -> str | None:
    """The period under which an unlabelled figure looks most like a salary (yearly preferred)."""
    scored = []
    for period in PERIODS:
        if fits(low, high, period, currency, limits=limits):
            bias = _YEAR_BIAS if period == "year" else 0.0
            scored.append((log_distance(low, high, period, currency) - bias, period))
    return min(scored)[1] if scored else None


def reinterpret(
    low: float, high: float, period: str, currency: str | None, *, limits: bool = False
) -> tuple[float, float, str, str] | None:
    """A stated figure that is implausible for its period: the closest plausible reading, with a note.

    Two slips happen in practice: thousands typed without the "K" (Lever 100-130 CAD "per year") and an
    hourly rate put in a yearly field (45 USD "per year").
    """
    readings: list[tuple[float, float, float, str, str]] = []
    stated = f"stated {fmt(low, high)} per {period}"
    if period == "year" and high < 1000:
        low_k, high_k = low * 1000, high * 1000
        if fits(low_k, high_k, "year", currency, limits=limits):
            note = f"scaled x1000: {stated} (thousands typed without K)"
            readings.append((log_distance(low_k, high_k, "year", currency), low_k, high_k, "year", note))
    for other in PERIODS:
        if other != period and fits(low, high, other, currency, limits=limits):
            note = f"read as per {other}: {stated} is implausible for that period"
            readings.append((log_distance(low, high, other, currency), low, high, other, note))
    if not readings:
        return None
    _, new_low, new_high, new_period, note = min(readings)
    return new_low, new_high, new_period, note


def fmt(low: float, high: float) -> str:
    """A figure or range for a note: "1,500" or "90,000-120,000"."""

    def one(v: float) -> str:
        return f"{v:,.2f}".rstrip("0").rstrip(".")

    return one(low) if low == high else f"{one(low)}-{one(high)}"


def make(
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
    """A ``Salary`` with its annualized values."""
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
