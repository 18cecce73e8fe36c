"""USAJOBS Search API page: ``SearchResult.SearchResultItems[].MatchedObjectDescriptor``."""

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
    items = as_dict(as_dict(data).get("SearchResult")).get("SearchResultItems")
    if not isinstance(items, list):
        raise PayloadError(f"{url}: USAJOBS payload without SearchResult.SearchResultItems")
    postings = []
    for item in items:
        job = as_dict(as_dict(item).get("MatchedObjectDescriptor"))
        ident = as_dict(item).get("MatchedObjectId")
        ident = ident if has_id(ident) else job.get("PositionID")
        if has_id(ident):
            postings.append(_posting(posting_id(ident), job, board, fetched_at))
    return postings


def _names(values: Any, key: str) -> list[str]:
    names = [text_or_none(v.get(key)) for v in as_list(values) if isinstance(v, dict)]
    return [name for name in names if name]


def _description(job: dict[str, Any]) -> str:
    details = as_dict(as_dict(job.get("UserArea")).get("Details"))
    duties = "".join(f"<li>{d}</li>" for d in as_list(details.get("MajorDuties")) if isinstance(d, str) and d)
    sections = [
        ("Summary", details.get("JobSummary")),
        ("Major duties", f"<ul>{duties}</ul>" if duties else None),
        ("Qualifications", job.get("QualificationSummary")),
        ("Requirements", details.get("Requirements")),
        ("Education", details.get("Education")),
    ]
    parts = [(title, html_to_text(text(value))) for title, value in sections if value]
    return "\n\n".join(f"{title}\n{text}" for title, text in parts if text)


def _grade(job: dict[str, Any]) -> str | None:
    """The pay plan and grade as USAJOBS writes it ("GS-13", "GS-12/13"): the federal level label."""
    details = as_dict(as_dict(job.get("UserArea")).get("Details"))
    plans = _names(job.get("JobGrade"), "Code")
    low, high = text_or_none(details.get("LowGrade")), text_or_none(details.get("HighGrade"))
    if not plans or not low:
        return None
    return f"{plans[0]}-{low}" if high in (None, low) else f"{plans[0]}-{low}/{high}"


def _posting(ident: str, job: dict[str, Any], board: str | None, fetched_at: str) -> RawPosting:
    locations = _names(job.get("PositionLocation"), "LocationName")
    schedules = _names(job.get("PositionSchedule"), "Name")
    categories = _names(job.get("JobCategory"), "Name")
    return RawPosting(
        source="usajobs",
        source_id=ident,
        board=board,
        company=text_or_none(job.get("OrganizationName") or job.get("DepartmentName")),
        title=text(job.get("PositionTitle")),
        description=_description(job),
        fetched_at=fetched_at,
        url=text_or_none(job.get("PositionURI")),
        location="; ".join(locations) or text_or_none(job.get("PositionLocationDisplay")),
        # The occupational series ("Information Technology Management") is the closest to a team field.
        department=categories[0] if categories else None,
        employment_type=schedules[0] if schedules else None,
        posted=text_or_none(job.get("PublicationStartDate")),
        salary=_pay(job),
        seniority_hint=_grade(job),
    )


def _pay(job: dict[str, Any]) -> Salary | None:
    # Federal pay is always stated; RateIntervalCode (PA, PH, PD, BW, PM…) is read by salary_from_fields.
    for pay in as_list(job.get("PositionRemuneration")):
        if not isinstance(pay, dict):
            continue
        salary = salary_from_fields(
            pay.get("MinimumRange"), pay.get("MaximumRange"), "USD", pay.get("RateIntervalCode"),
            source="usajobs.PositionRemuneration", label=text(pay.get("Description")),
        )  # fmt: skip
        if salary is not None:
            return salary
    return None
