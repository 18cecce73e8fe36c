"""Lever Postings API page (``mode=json``): a bare array of postings."""

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
    if not isinstance(data, list):
        raise PayloadError(f"{url}: Lever payload is not a JSON array")
    return [
        _posting(job, board, fetched_at) for job in data if isinstance(job, dict) and has_id(job.get("id"))
    ]


def _description(job: dict[str, Any]) -> str:
    """The full text is the description plus its lists (requirements, benefits) plus `additional`."""
    parts = [text(job.get("descriptionPlain")) or html_to_text(text(job.get("description")))]
    for block in as_list(job.get("lists")):
        if isinstance(block, dict):
            parts.append(text(block.get("text")))
            parts.append(html_to_text(f"<ul>{text(block.get('content'))}</ul>"))
    parts.append(text(job.get("additionalPlain")) or html_to_text(text(job.get("additional"))))
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def _posting(job: dict[str, Any], board: str | None, fetched_at: str) -> RawPosting:
    categories = as_dict(job.get("categories"))
    return RawPosting(
        source="lever",
        source_id=posting_id(job["id"]),
        board=board,
        company=None,
        title=text(job.get("text")),
        description=_description(job),
        fetched_at=fetched_at,
        url=text_or_none(job.get("hostedUrl")),
        location=text_or_none(categories.get("location")),
        remote_hint=text_or_none(job.get("workplaceType")),
        department=text_or_none(categories.get("team") or categories.get("department")),
        employment_type=text_or_none(categories.get("commitment")),
        posted=text_or_none(job.get("createdAt")),
        salary=_pay(job),
    )


def _pay(job: dict[str, Any]) -> Salary | None:
    pay = as_dict(job.get("salaryRange"))
    if not pay:
        return None
    return salary_from_fields(
        pay.get("min"), pay.get("max"), pay.get("currency"), pay.get("interval"),
        source="lever.salaryRange", label=text(job.get("salaryDescriptionPlain")),
    )  # fmt: skip
