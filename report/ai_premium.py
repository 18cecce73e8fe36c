"""AI premium: how much more AI-skilled postings pay than comparable postings without AI requirements.

Postings are compared within cells of the same function, seniority and currency. In each cell the premium is
the median pay of AI postings (those requiring or preferring AI skills) divided by the median pay of the other
postings, minus one (0.12 = AI postings pay 12% more). Pay is the annualized midpoint of disclosed base pay,
as in the salary bands. A cell is ``used`` only when both sides have at least ``min_n`` postings with
disclosed pay; otherwise its premium is null, and each side's median is published only when that side
reaches ``min_n``. The overall premium is the average of the used cells' premiums weighted by their number
of AI postings (null when no cell is used), with a 95% percentile-bootstrap interval (1,000 seeded
replicates resampling postings within each side of each used cell). Postings of unknown function or
seniority are left out.
"""

from __future__ import annotations

import random
from typing import Any

import sqlite_utils

from report.salary_bands import pay_groups
from report.stats import bootstrap_interval, median, median_sampler
from store.vocabularies import seniority_rank

BOOTSTRAP_REPS = 1000


def _weighted(premiums: list[tuple[int, float]]) -> float:
    return sum(w * p for w, p in premiums) / sum(w for w, _ in premiums)


def ai_premium(
    db: sqlite_utils.Database, *, min_n: int = 20, currency: str | None = None, seed: int = 0
) -> dict[str, Any]:
    """The premium cells and the overall premium of the materialized scope (see the module docstring)."""
    sides: dict[tuple[str, str, str], dict[bool, list[float]]] = {}
    keys = ("currency", "function", "seniority", "ai != 'none'")
    for (cur, function, seniority, is_ai), values in pay_groups(db, keys, currency=currency):
        sides.setdefault((cur, function, seniority), {})[bool(is_ai)] = values
    cells: list[dict[str, Any]] = []
    used: list[tuple[int, list[float], list[float]]] = []
    for (cur, function, seniority), cell in sides.items():
        ai_pay, other_pay = cell.get(True, []), cell.get(False, [])
        median_ai = median(ai_pay) if len(ai_pay) >= min_n else None
        median_other = median(other_pay) if len(other_pay) >= min_n else None
        premium = median_ai / median_other - 1 if median_ai is not None and median_other is not None else None
        if premium is not None:
            used.append((len(ai_pay), ai_pay, other_pay))
        cells.append(
            {
                "function": function,
                "seniority": seniority,
                "currency": cur,
                "n_ai": len(ai_pay),
                "n_other": len(other_pay),
                "median_ai": None if median_ai is None else round(median_ai, 2),
                "median_other": None if median_other is None else round(median_other, 2),
                "premium": None if premium is None else round(premium, 6),
                "used": premium is not None,
            }
        )
    cells.sort(key=lambda c: (c["function"], seniority_rank(c["seniority"]), c["currency"]))
    overall = ci_low = ci_high = None
    if used:
        overall = _weighted([(w, median(a) / median(o) - 1) for w, a, o in used])
        samplers = [(w, median_sampler(a), median_sampler(o)) for w, a, o in used]

        def replicate(rng: random.Random) -> float:
            return _weighted([(w, draw_ai(rng) / draw_other(rng) - 1) for w, draw_ai, draw_other in samplers])

        low, high = bootstrap_interval(replicate, reps=BOOTSTRAP_REPS, seed=seed)
        overall, ci_low, ci_high = round(overall, 6), round(low, 6), round(high, 6)
    n_used = sum(c["used"] for c in cells)
    return {
        "overall": overall,
        "ci_low": ci_low,
        "ci_high": ci_high,
        "min_n": min_n,
        "cells_used": n_used,
        "cells_dropped": len(cells) - n_used,
        "cells": cells,
    }
