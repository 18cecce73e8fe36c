"""Greenhouse Job Board API list payload (``content=true&pay_transparency=true``)."""

from __future__ import annotations

from typing import Any

from extract.html_text import html_to_text
from extract.model import RawPosting, Salary
from extract.salary import salary_from_fields
from extract.vendors.common import (
    PayloadError,
    as_dict,
    as_list,
    has_id,
    load_json,
    posting_id,
    text,
    text_or_none,
)


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    data = load_json(body, url)
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise PayloadError(f"{url}: Greenhouse payload without a jobs list")
    return [
        _posting(job, board, fetched_at)
        for job in data["jobs"]
        if isinstance(job, dict) and has_id(job.get("id"))
    ]


def _posting(job: dict[str, Any], board: str | None, fetched_at: str) -> RawPosting:
    departments = [d.get("name") for d in as_list(job.get("departments")) if isinstance(d, dict)]
    return RawPosting(
        source="greenhouse",
        source_id=posting_id(job["id"]),
        board=board,
        company=text_or_none(job.get("company_name")),
        title=text(job.get("title")),
        # `content` is entity-escaped HTML; html_to_text undoes the escaping first.
        description=html_to_text(text(job.get("content"))),
        fetched_at=fetched_at,
        url=text_or_none(job.get("absolute_url")),
        location=text_or_none(as_dict(job.get("location")).get("name")),
        department=text_or_none(departments[0]) if departments else None,
        posted=text_or_none(job.get("first_published") or job.get("updated_at")),
        salary=_pay(job.get("pay_input_ranges")),
    )


def _pay(ranges: Any) -> Salary | None:
    # Several ranges are several locations: the first listed is the posting's range.
    for pay in as_list(ranges):
        if not isinstance(pay, dict):
            continue
        label = " ".join(text(pay.get(k)) for k in ("title", "blurb"))
        low, high = pay.get("min_cents"), pay.get("max_cents")
        salary = salary_from_fields(
            _cents(low), _cents(high), pay.get("currency_type"), None,
            source="greenhouse.pay_input_ranges", label=label,
        )  # fmt: skip
        if salary is not None:
            return salary
    return None


def _cents(value: Any) -> float | None:
    try:
        return float(value) / 100 if value is not None else None
    except (TypeError, ValueError):
        return None
