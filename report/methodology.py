"""Methodology: what the figures cover and how they were made.

The block states the scope (window and segment), the number of postings and of distinct roles, functions,
industries, sources and ISO weeks in it, the overall salary disclosure rate and AI share, the minimum cell
size below which figures are suppressed, the extractor version (the most common among the postings) and the
taxonomy version (as ``extract run`` recorded it in the ``meta`` table, else a fingerprint of the ``skills``
table the extractor loaded), the percentile method, how pay is annualized (with the count of disclosed
postings per stated period and per currency, and of disclosed postings whose pay is implausible and left out
of pay figures: ``pay_implausible``, see ``pay_plausible_range``), the window of dates a report believes
(``date_window``; outside it a date is unknown), the deduplication rule, and the published definition of every
figure. It also names the AI definition in use and gives the share of postings that are AI under each of the
three (``ai_definitions``, see ``report.ai_definitions``), the sample's industry mix, and how its industry and
occupation mixes differ from the reference distributions (``representativeness``, by dimension, see
``report.weighting``): the ``--weight`` dimension's comparison is applied, the others are stated, not applied.
``generated_at`` is the only field that changes between two runs on the same database.
"""

from __future__ import annotations

import hashlib
import inspect
import json
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from report import ai_definitions, weighting
from report.scope import SCOPE_TABLE, Scope
from report.stats import PERCENTILE_METHOD
from store.views import EARLIEST_DAY, LATEST_DAY, ONE_ROW_PER_JOB, PAY_CEILING, PAY_FLOOR, WEEK_BASIS

ANNUALIZATION = (
    "pay is annualized by the extractor into salary_annual_min/max: hourly × 2080 (40 hours × 52 weeks), "
    "daily × 260, weekly × 52, monthly × 12; a posting's pay is the midpoint of its annualized range, "
    "base pay (on-target-earnings postings use their base)"
)
PAY_RANGE = (
    f"an annual amount from {PAY_FLOOR:,} to {PAY_CEILING:,.0f} in its currency; other disclosed amounts "
    "(non-positive, denormal, infinite, absurd or not numbers) are left out of every pay figure and counted "
    "as pay_implausible"
)
DATE_WINDOW = (
    f"dates from {EARLIEST_DAY} to {LATEST_DAY}; a posted or first-seen date outside them is unknown (a "
    "posting with no known date is undated and in no week)"
)
DEDUP_RULE = (
    "one posting per (source, source_id): re-crawls update the same row and widen first_seen/last_seen; "
    "the same job reached through several routes counts once: same normalized title, description MinHash "
    "similarity >= 0.8 and the same employer and location within 60 days (or >= 0.9 from another employer, "
    "a staffing agency's repost); the earliest-seen posting stands for the job"
)

_TOTALS_SQL = f"""
SELECT count(*), coalesce(sum(disclosed), 0), coalesce(sum(ai != 'none'), 0), coalesce(sum(llm_focused), 0),
       count(DISTINCT role), count(DISTINCT function), count(DISTINCT industry), count(DISTINCT week),
       min(week), max(week), coalesce(sum(week IS NULL), 0),
       coalesce(sum(disclosed AND currency IS NULL), 0), coalesce(sum(disclosed AND pay IS NULL), 0)
FROM {SCOPE_TABLE}
"""
_VERSION_SQL = f"""
SELECT extractor_version FROM {SCOPE_TABLE} WHERE extractor_version IS NOT NULL
GROUP BY extractor_version ORDER BY count(*) DESC, extractor_version DESC LIMIT 1
"""


def taxonomy_version(db: sqlite_utils.Database) -> str | None:
    """The ``taxonomy_version`` recorded in ``meta``, else a fingerprint of the ``skills`` table
    ("skills-sha256:…"); None when neither is known."""
    if db["meta"].exists():  # a database opened without migrations may predate the table
        recorded = db.execute("SELECT value FROM meta WHERE key = 'taxonomy_version'").fetchone()
        if recorded and recorded[0]:
            return str(recorded[0])
    rows = db.execute("SELECT name, category, ai, groups FROM skills ORDER BY name").fetchall()
    if not rows:
        return None
    digest = hashlib.sha256(json.dumps([list(r) for r in rows], ensure_ascii=False).encode()).hexdigest()
    return f"skills-sha256:{digest[:12]}"


def _counts(db: sqlite_utils.Database, column: str, where: str = "1") -> dict[str, int]:
    sql = (
        f"SELECT coalesce({column}, '(unknown)'), count(*) FROM {SCOPE_TABLE} WHERE {where} "
        f"GROUP BY 1 ORDER BY count(*) DESC, 1"
    )
    return {key: n for key, n in db.execute(sql).fetchall()}


def methodology(
    db: sqlite_utils.Database,
    *,
    scope: Scope,
    min_n: int,
    currency: str | None,
    top: int,
    required_only: bool,
    definitions: dict[str, str],
    now: datetime | None = None,
    ai_definition: str = ai_definitions.DEFAULT,
    weight: str | None = None,
    reference: str | None = None,
) -> dict[str, Any]:
    """The methodology block of the materialized scope (see the module docstring)."""
    (n, disclosed, ai, llm, roles, functions, industries, weeks, first_week, last_week, undated,
     unknown_currency, implausible_pay) = db.execute(_TOTALS_SQL).fetchone()  # fmt: skip
    version = db.execute(_VERSION_SQL).fetchone()
    generated = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    return {
        "postings": n,
        "roles": roles,
        "functions": functions,
        "industries": industries,
        "weeks": weeks,
        "first_week": first_week,
        "last_week": last_week,
        "undated_postings": undated,
        "disclosed": disclosed,
        "disclosure_rate": round(disclosed / n, 6) if n else None,
        "ai_share": round(ai / n, 6) if n else None,
        "llm_focused": llm,
        "min_n": min_n,
        "currency": currency,
        "top": top,
        "required_only": required_only,
        "scope": scope.describe(),
        "sources": _counts(db, "source"),
        "pay_periods": _counts(db, "period", "disclosed"),
        "pay_kinds": _counts(db, "kind", "disclosed"),
        "pay_currencies": _counts(db, "currency", "disclosed"),
        "pay_currency_unknown": unknown_currency,
        "pay_implausible": implausible_pay,
        "pay_plausible_range": PAY_RANGE,
        "date_window": DATE_WINDOW,
        "extractor_version": version[0] if version else None,
        "taxonomy_version": taxonomy_version(db),
        "generated_at": generated.isoformat().replace("+00:00", "Z"),
        "percentile_method": PERCENTILE_METHOD,
        "annualization": ANNUALIZATION,
        "week_basis": WEEK_BASIS,
        "dedup_rule": DEDUP_RULE,
        "dedup": dedup_counts(db),
        "ai_definition": ai_definition,
        "ai_definitions": ai_definitions.shares(db),
        "industry_mix": _counts(db, "industry"),
        "representativeness": representativeness(db, weight, reference),
        "definitions": {
            **definitions,
            "ai_definitions": inspect.cleandoc(ai_definitions.__doc__ or ""),
            "weighting": inspect.cleandoc(weighting.__doc__ or ""),
        },
    }


def representativeness(
    db: sqlite_utils.Database, weight: str | None, reference: str | None
) -> dict[str, dict[str, Any]]:
    """How the sample's mix differs from the reference distribution, for every dimension that has one: the
    ``weight`` dimension against ``reference`` (or the shipped file), applied; each other dimension against its
    shipped reference, stated but not applied (``applied`` is false). Empty when no dimension has a reference."""
    stated = {}
    for dimension in weighting.DIMENSIONS:
        if dimension == weight:
            stated[dimension] = _mix_against(
                db, dimension, weighting.load_reference(dimension, reference), True
            )
        elif weighting.default_reference(dimension).exists():
            stated[dimension] = _mix_against(db, dimension, weighting.load_reference(dimension), False)
    return stated


def _mix_against(
    db: sqlite_utils.Database, dimension: str, ref: weighting.Reference, applied: bool
) -> dict[str, Any]:
    strata = weighting.strata(weighting.sample_mix(db, dimension, ref), ref)
    gaps = sorted(
        (r for r in strata if r["weight"] is not None),
        key=lambda r: r["sample_share"] - r["reference_share"],
    )
    return {
        "by": dimension,
        "applied": applied,
        "reference": ref.citation,
        "dissimilarity": weighting.dissimilarity(strata),
        "over_represented": [
            r["stratum"] for r in reversed(gaps) if r["sample_share"] > r["reference_share"]
        ][:3],
        "under_represented": [r["stratum"] for r in gaps if r["sample_share"] < r["reference_share"]][:3],
        "not_in_sample": [r["stratum"] for r in strata if r["sample_n"] == 0],
        "not_in_reference": [r["stratum"] for r in strata if r["weight"] is None and r["sample_n"]],
    }


def dedup_counts(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Per source: raw postings and how many remain as jobs after de-duplication (whole database)."""
    rows = db.execute(
        f"SELECT source, count(*), sum({ONE_ROW_PER_JOB}) FROM postings GROUP BY source ORDER BY source"
    ).fetchall()
    return [{"source": source, "postings": raw, "jobs": jobs} for source, raw, jobs in rows]
