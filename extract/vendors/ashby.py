"""Ashby Posting API board payload (``includeCompensation=true``).

A job with ``shouldDisplayCompensationOnJobPostings: false`` may still carry a ``compensation`` block: the
employer set pay but chose not to show it. That pay is kept, flagged ``withheld``, and never counts as
disclosed. The field is listed with the job's fields by the public posting API's adapters and measured on
live boards (dev.to, Dodo Data, "Ashby's public job posting API: what one request returns", 14 Nov 2026).
"""

from __future__ import annotations

from dataclasses import replace
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

_WORKPLACE = {"remote": "remote", "hybrid": "hybrid", "onsite": "onsite", "on-site": "onsite"}


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    data = load_json(body, url)
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise PayloadError(f"{url}: Ashby payload without a jobs list")
    return [
        _posting(job, board, fetched_at)
        for job in data["jobs"]
        # Unlisted jobs are reachable by link only: not public postings.
        if isinstance(job, dict) and has_id(job.get("id")) and job.get("isListed", True) is not False
    ]


def _remote(job: dict[str, Any]) -> str | None:
    # workplaceType beats isRemote (a Hybrid job can carry isRemote: true).
    workplace = _WORKPLACE.get(text(job.get("workplaceType")).lower())
    if workplace:
        return workplace
    return "remote" if job.get("isRemote") is True else None


def _posting(job: dict[str, Any], board: str | None, fetched_at: str) -> RawPosting:
    html = text(job.get("descriptionHtml"))
    description = html_to_text(html) if html else text(job.get("descriptionPlain"))
    return RawPosting(
        source="ashby",
        source_id=posting_id(job["id"]),
        board=board,
        company=None,
        title=text(job.get("title")),
        description=description,
        fetched_at=fetched_at,
        url=text_or_none(job.get("jobUrl")),
        location=text_or_none(job.get("location")),
        remote_hint=_remote(job),
        department=text_or_none(job.get("department") or job.get("team")),
        employment_type=text_or_none(job.get("employmentType")),
        posted=text_or_none(job.get("publishedAt")),
        salary=_pay(
            as_dict(job.get("compensation")), shown=job.get("shouldDisplayCompensationOnJobPostings")
        ),
    )


def _pay(compensation: dict[str, Any], *, shown: Any) -> Salary | None:
    """The Salary component (never equity or bonus); summary components first, then the first tier.

    Only an explicit ``false`` withholds it: an absent flag (older payloads) says nothing either way.
    """
    components = list(as_list(compensation.get("summaryComponents")))
    for tier in as_list(compensation.get("compensationTiers")):
        components.extend(as_list(as_dict(tier).get("components")))
    for component in components:
        component = as_dict(component)
        if text(component.get("compensationType")).lower() != "salary":
            continue
        salary = salary_from_fields(
            component.get("minValue"), component.get("maxValue"), component.get("currencyCode"),
            component.get("interval"), source="ashby.compensation",
        )  # fmt: skip
        if salary is not None:
            return replace(salary, withheld=True) if shown is False else salary
    return None
