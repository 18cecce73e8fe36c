"""Build the published report: every figure of one scope, as one JSON-ready dict.

The scope is materialized once (``report.scope``) and each figure aggregates it in SQL. The shape of the
result is a contract read by other tools: see ``build_report``.
"""

from __future__ import annotations

import inspect
from datetime import datetime
from typing import Any

import sqlite_utils

from report import ai_definitions
from report import methodology as methodology_module
from report import scope as scope_module
from report.figure import Options
from report.registry import FIGURES
from report.scope import Scope


def definitions() -> dict[str, str]:
    """The published definition of every figure (its module docstring), then of the scope and methodology."""
    texts = {figure.key: figure.definition for figure in FIGURES}
    for name, module in (("scope", scope_module), ("methodology", methodology_module)):
        texts[name] = inspect.cleandoc(module.__doc__ or "")
    return texts


def build_report(
    db: sqlite_utils.Database,
    *,
    week: str | None = None,
    since: str | None = None,
    until: str | None = None,
    segment: str | None = None,
    min_n: int = 20,
    currency: str | None = None,
    top: int = 20,
    required_only: bool = False,
    now: datetime | None = None,
    seed: int = 0,
    ai_definition: str = "jobpulse",
    weight: str | None = None,
    reference: str | None = None,
) -> dict[str, Any]:
    """All published figures for the postings in scope.

    Keys: ``methodology``, then each figure of ``report.registry.FIGURES`` (``skill_shares``,
    ``ai_by_function``, ``salary_bands``, ``disclosure``, ``ai_premium``, ``weekly``). ``now`` fixes ``generated_at`` (the only non-deterministic field); ``seed``
    fixes the bootstrap. Raises ``ValueError`` on a malformed week, date, segment or option.
    """
    if min_n < 1:
        raise ValueError(f"min_n must be at least 1, got {min_n}")
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top}")
    if currency is not None:
        currency = currency.strip().upper()
        if not (len(currency) == 3 and currency.isalpha()):
            raise ValueError(f"currency must be an ISO 4217 code such as USD, got {currency!r}")
    scope = Scope(week=week, since=since, until=until, segment=segment)
    scope_module.materialize(db, scope)
    ai_definitions.apply(db, ai_definition)
    options = Options(
        min_n=min_n, currency=currency, top=top, required_only=required_only, seed=seed,
        ai_definition=ai_definition, weight=weight, reference=reference,
    )  # fmt: skip
    try:
        report: dict[str, Any] = {
            "methodology": methodology_module.methodology(
                db,
                scope=scope,
                min_n=min_n,
                currency=currency,
                top=top,
                required_only=required_only,
                definitions=definitions(),
                now=now,
                ai_definition=ai_definition,
                weight=weight,
                reference=reference,
            )
        }
        report.update((figure.key, figure.compute(db, options)) for figure in FIGURES)
        return report
    finally:
        scope_module.drop(db)
