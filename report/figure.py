"""What a published figure is: one module that computes it, defines it and renders it.

A figure module (``report/skill_shares.py``, …) ends with ``FIGURE = Figure(...)``; ``report.registry``
lists them. Its module docstring is its published definition, written once: the JSON and CSV carry it in
``methodology.definitions`` and the page under "Published definitions". Everything a renderer needs is on
the ``Figure``: Markdown and CSV (``report.render``), the page and its charts (``report.html``) and the
report dict (``report.build``) are assembled from the registry, and nothing else names a figure.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import sqlite_utils

Report = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Options:
    """The report options a figure may read (``extract report --min-n/--currency/--top/--required-only``)."""

    min_n: int = 20
    currency: str | None = None
    top: int = 20
    required_only: bool = False
    seed: int = 0
    include_partial: bool = False
    ai_definition: str = "jobpulse"
    weight: str | None = None
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class Members:
    """The postings behind one figure row, for ``extract explain`` (``report.explain``).

    ``lists`` names each list of posting ids: ``numerator`` and ``denominator`` for a share, ``postings`` for
    a median or a band, ``ai`` and ``other`` for a premium cell. ``evidence`` says what put a posting there
    ("skills", "pay", "ai", "seniority", "week"); ``skills`` names the skills whose surfaces are evidence.
    """

    lists: dict[str, list[int]]
    evidence: tuple[str, ...]
    skills: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    """One published figure.

    ``key`` names it in the JSON, its CSV file (``<key>.csv``) and its chart (``<key>.svg``). ``compute``
    aggregates the materialized scope (``report.scope``) into the JSON value. ``markdown`` returns its
    Markdown section(s), ``html`` its page section (``page_rank`` orders the page), ``chart`` its standalone
    SVG when it has one, and ``rows`` its CSV rows when the JSON value is not already a list of rows.

    ``row_id`` names a row stably, after the key ("all/Python" becomes ``skill_shares/all/Python``; see
    ``report.explain``), and ``members`` lists the postings of the materialized scope behind a row: a new
    figure gets ``extract explain`` by declaring both. The rows with an id are its CSV rows, and the figure's
    own dict when its value is one (the AI premium's overall); a figure whose rows lie elsewhere in its value
    (a hub per function, the weighted figure's overall, per-function and stratum rows) names them in
    ``id_rows``, which must return the very dicts of the report so the ids stay on them.
    """

    key: str
    module: ModuleType
    compute: Callable[[sqlite_utils.Database, Options], Any]
    markdown: Callable[[Report], list[str]]
    html: Callable[[Report], str]
    page_rank: int
    chart: Callable[[Report], str] | None = None
    rows: Callable[[Report], list[dict[str, Any]]] | None = None
    row_id: Callable[[dict[str, Any]], str] | None = None
    members: Callable[[sqlite_utils.Database, Options, dict[str, Any]], Members] | None = None
    id_rows: Callable[[Report], list[dict[str, Any]]] | None = None

    @property
    def definition(self) -> str:
        """The published definition: the figure module's docstring."""
        return inspect.cleandoc(self.module.__doc__ or "")

    def csv_rows(self, report: Report) -> list[dict[str, Any]]:
        return self.rows(report) if self.rows else list(report[self.key])

    def rows_with_ids(self, report: Report) -> list[dict[str, Any]]:
        """The rows that carry an id: ``id_rows``, else the figure's own dict (if it is one) and CSV rows."""
        if self.id_rows is not None:
            return self.id_rows(report)
        value = report[self.key]
        return ([value] if isinstance(value, dict) else []) + self.csv_rows(report)
