"""Build the published report: every figure of one scope, as one JSON-ready dict.

The scope is materialized once (``report.scope``) and each figure aggregates it in SQL. The shape of the
result is a contract read by other tools: see ``build_report``. Every row of every figure carries a stable
``id`` (``<figure key>/<the figure's row_id>``) that ``extract explain`` resolves to its postings.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import sqlite_utils

from report import ai_definitions
from report import methodology as methodology_module
from report import scope as scope_module
from report.figure import Figure, Options
from report.registry import FIGURES
from report.scope import Scope


def definitions() -> dict[str, str]:
    """The published definition of every figure (its module docstring), then of the scope and methodology."""
    texts = {figure.key: figure.definition for figure in FIGURES}
    for name, module in (("scope", scope_module), ("methodology", methodology_module)):
        texts[name] = inspect.cleandoc(module.__doc__ or "")
    return texts


def report_inputs(
    *,
    week: str | None = None,
    since: str | None = None,
    until: str | None = None,
    segment: str | None = None,
    active: bool = False,
    min_n: int = 20,
    currency: str | None = None,
    top: int = 20,
    required_only: bool = False,
    seed: int = 0,
    include_partial: bool = False,
    ai_definition: str = "jobpulse",
    weight: str | None = None,
    reference: str | None = None,
) -> tuple[Scope, Options]:
    """The scope and figure options of ``extract report``'s options; raises ``ValueError`` on a bad one."""
    if min_n < 1:
        raise ValueError(f"min_n must be at least 1, got {min_n}")
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top}")
    if currency is not None:
        currency = currency.strip().upper()
        if not (len(currency) == 3 and currency.isalpha()):
            raise ValueError(f"currency must be an ISO 4217 code such as USD, got {currency!r}")
    scope = Scope(week=week, since=since, until=until, segment=segment, active=active)
    options = Options(
        min_n=min_n,
        currency=currency,
        top=top,
        required_only=required_only,
        seed=seed,
        include_partial=include_partial,
        ai_definition=ai_definitions.check(ai_definition),
        weight=weight,
        reference=reference,
    )
    return scope, options


@contextmanager
def materialized(db: sqlite_utils.Database, scope: Scope, ai_definition: str = "jobpulse") -> Iterator[None]:
    """The temporary ``report_scope`` table of ``scope`` (its ``ai`` column by ``ai_definition``), for the
    duration of the block."""
    scope_module.materialize(db, scope)
    ai_definitions.apply(db, ai_definition)
    try:
        yield
    finally:
        scope_module.drop(db)


def _stamp(row: dict[str, Any], row_id: str) -> None:
    """Put ``id`` first in ``row``, in place (the report and its CSV rows share the dicts)."""
    ordered = {"id": row_id, **{k: v for k, v in row.items() if k != "id"}}
    row.clear()
    row.update(ordered)


def stamp_ids(figure: Figure, report: dict[str, Any]) -> None:
    """Give every row of ``figure`` (and the figure's own dict, when its value is one) its stable id."""
    if figure.row_id is None:
        return
    for row in figure.rows_with_ids(
        report
    ):  # a figure that is one dict (the AI premium's overall) is a row too
        _stamp(row, f"{figure.key}/{figure.row_id(row)}")


def build_report(db: sqlite_utils.Database, *, now: datetime | None = None, **inputs: Any) -> dict[str, Any]:
    """All published figures for the postings in scope.

    ``inputs`` are those of ``report_inputs`` (``week``, ``since``, ``until``, ``segment``, ``active``,
    ``min_n``, ``currency``, ``top``, ``required_only``, ``seed``, ``include_partial``, ``ai_definition``,
    ``weight``, ``reference``). Keys: ``methodology``, then each figure of ``report.registry.FIGURES``
    (``skill_shares``, ``ai_by_function``, ``salary_bands``, ``disclosure``, ``ai_premium``, ``weekly``,
    ``role_grid``, ``hubs``, ``weighted``). ``now`` fixes ``generated_at`` (the only non-deterministic
    field); ``seed`` fixes the bootstrap. Raises ``ValueError`` on a malformed week, date, segment or option.
    """
    scope, options = report_inputs(**inputs)
    with materialized(db, scope, options.ai_definition):
        report: dict[str, Any] = {
            "methodology": methodology_module.methodology(
                db,
                scope=scope,
                min_n=options.min_n,
                currency=options.currency,
                top=options.top,
                required_only=options.required_only,
                definitions=definitions(),
                now=now,
                ai_definition=options.ai_definition,
                weight=options.weight,
                reference=options.reference,
            )
        }
        for figure in FIGURES:
            report[figure.key] = figure.compute(db, options)
            stamp_ids(figure, report)
        return report
