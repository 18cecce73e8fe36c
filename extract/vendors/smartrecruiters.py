"""SmartRecruiters Posting API detail payload (one posting, with ``jobAd``).

Only detail pages are stored (``crawler.spiders.smartrecruiters``): a list page is not a posting payload.

``location.fullLocation`` ("Madrid, MD, Spain") is the location line; a part the employer left empty
stays in it as ", ," ("Porto, , Portugal"), which is dropped (jorgeasaurus/EndpointJobs
``scripts/job-refresh/providers/smartrecruiters.ts`` collapses the same). Without it, city, region and
country (an ISO code on some tenants, a name on others: DankoPenko/QualityJobs
``scrapers/smartrecruiters.py``) make the line.

The detail may carry the employer's pay band as ``compensation`` ``{min, max, currency, period}``
(``period`` e.g. ``MONTHLY``); one adapter reads it one level down, as ``compensation.salary``, so both are
accepted. Sources: a salary-extraction write-up measuring the block on ~9-10% of live posting details
(2,812 details from 350 boards, Aug 2026) and an open-source SmartRecruiters scraper (both public GitHub
code, read via search; noted in ``api-shapes.md``). The Job API's ``compensation`` is ``{min, max,
currency}`` with no period (Riminder/hrflow-connectors ``connectors/smartrecruiters/schemas.py``): a band
without ``period`` is read by its magnitude (``salary_from_fields``). The block is not in the list endpoint.
"""

from __future__ import annotations

from typing import Any

from extract.html_text import html_to_text
from extract.model import RawPosting, Salary
from extract.salary import salary_from_fields
from extract.vendors.common import (
    PayloadError,
    as_dict,
    has_id,
    join_parts,
    load_json,
    posting_id,
    text,
    text_or_none,
)

# The order a reader meets them on the posting page.
_SECTIONS = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    data = load_json(body, url)
    if not isinstance(data, dict) or not has_id(data.get("id")) or "jobAd" not in data:
        raise PayloadError(f"{url}: not a SmartRecruiters posting detail (id and jobAd)")
    return [_posting(data, board, fetched_at)]


def _label(value: Any) -> str | None:
    return text_or_none(as_dict(value).get("label"))


def _description(job: dict[str, Any]) -> str:
    sections = as_dict(as_dict(job.get("jobAd")).get("sections"))
    parts = []
    for key in _SECTIONS:
        section = as_dict(sections.get(key))
        body = html_to_text(text(section.get("text")))
        if body:
            title = text(section.get("title"))
            parts.append(f"{title}\n{body}" if title else body)
    return "\n\n".join(parts)


def _remote(location: dict[str, Any]) -> str | None:
    if location.get("remote") is True:
        return "remote"
    if location.get("hybrid") is True:
        return "hybrid"
    # Both flags present and false is a stated on-site job; absent flags say nothing.
    if location.get("remote") is False and location.get("hybrid") is False:
        return "onsite"
    return None


def _location(location: dict[str, Any]) -> str | None:
    full = text_or_none(location.get("fullLocation"))
    if full:
        # A part the employer left empty stays in the line as ", ,": "Porto, , Portugal".
        return join_parts(full.split(","))
    parts = [location.get(k) for k in ("city", "region", "country")]
    return join_parts(parts)


def _posting(job: dict[str, Any], board: str | None, fetched_at: str) -> RawPosting:
    location = as_dict(job.get("location"))
    return RawPosting(
        source="smartrecruiters",
        source_id=posting_id(job["id"]),
        board=board,
        company=text_or_none(as_dict(job.get("company")).get("name")),
        title=text(job.get("name")),
        description=_description(job),
        fetched_at=fetched_at,
        url=text_or_none(job.get("postingUrl") or job.get("applyUrl")),
        location=_location(location),
        remote_hint=_remote(location),
        department=_label(job.get("department")) or _label(job.get("function")),
        employment_type=_label(job.get("typeOfEmployment")),
        posted=text_or_none(job.get("releasedDate")),
        seniority_hint=_label(job.get("experienceLevel")),
        salary=_pay(as_dict(job.get("compensation"))),
    )


def _pay(compensation: dict[str, Any]) -> Salary | None:
    pay = as_dict(compensation.get("salary")) or compensation
    if not pay:
        return None
    return salary_from_fields(
        pay.get("min"), pay.get("max"), pay.get("currency"), pay.get("period"),
        source="smartrecruiters.compensation",
    )  # fmt: skip
