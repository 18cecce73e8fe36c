"""RemoteOK API payload: a JSON array whose first element is a legal notice, not a job."""

from __future__ import annotations

from typing import Any

from extract.html_text import html_to_text
from extract.model import RawPosting, Salary
from extract.salary import salary_from_fields
from extract.vendors.common import PayloadError, has_id, load_json, posting_id, text, text_or_none


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    data = load_json(body, url)
    if not isinstance(data, list):
        raise PayloadError(f"{url}: RemoteOK payload is not a JSON array")
    # The legal notice (and anything else without id and position) is skipped.
    jobs = [e for e in data if isinstance(e, dict) and has_id(e.get("id")) and e.get("position")]
    return [_posting(job, board, fetched_at) for job in jobs]


def _posting(job: dict[str, Any], board: str | None, fetched_at: str) -> RawPosting:
    return RawPosting(
        source="remoteok",
        source_id=posting_id(job["id"]),
        board=board,
        company=text_or_none(job.get("company")),
        title=html_to_text(text(job.get("position"))),
        description=html_to_text(text(job.get("description"))),
        fetched_at=fetched_at,
        url=text_or_none(job.get("url")),
        location=text_or_none(job.get("location")),
        remote_hint="remote",
        posted=text_or_none(job.get("date")),
        salary=_pay(job),
    )


def _pay(job: dict[str, Any]) -> Salary | None:
    # salary_min/max are yearly USD; 0 means "not given", and 0/0 is no salary at all.
    low, high = job.get("salary_min") or None, job.get("salary_max") or None
    if low is None and high is None:
        return None
    return salary_from_fields(low, high, "USD", "year", source="remoteok.salary")
