"""Remotive remote-jobs API payload (``{jobs: []}``)."""

from __future__ import annotations

from typing import Any

from extract.html_text import html_to_text
from extract.model import RawPosting
from extract.vendors.common import PayloadError, has_id, load_json, posting_id, text, text_or_none


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    data = load_json(body, url)
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise PayloadError(f"{url}: Remotive payload without a jobs list")
    return [
        _posting(job, board, fetched_at)
        for job in data["jobs"]
        if isinstance(job, dict) and has_id(job.get("id"))
    ]


def _description(job: dict[str, Any]) -> str:
    body = html_to_text(text(job.get("description")))
    salary = text(job.get("salary"))
    # `salary` is free text ("$140k - $170k", "Competitive") and RawPosting has no field for pay text:
    # leading the description with it is how the text salary parser gets to read what the employer stated.
    return f"Salary: {salary}\n\n{body}".strip() if salary else body


def _posting(job: dict[str, Any], board: str | None, fetched_at: str) -> RawPosting:
    return RawPosting(
        source="remotive",
        source_id=posting_id(job["id"]),
        board=board,
        company=text_or_none(job.get("company_name")),
        title=text(job.get("title")),
        description=_description(job),
        fetched_at=fetched_at,
        url=text_or_none(job.get("url")),
        # Where the candidate may live ("USA", "Worldwide"); every Remotive job is remote.
        location=text_or_none(job.get("candidate_required_location")),
        remote_hint="remote",
        department=text_or_none(job.get("category")),
        employment_type=text_or_none(job.get("job_type")),
        posted=text_or_none(job.get("publication_date")),
    )
