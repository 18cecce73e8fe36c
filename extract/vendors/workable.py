"""Workable widget API account payload (``details=true``)."""

from __future__ import annotations

from typing import Any

from extract.html_text import html_to_text
from extract.model import RawPosting
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


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    data = load_json(body, url)
    if not isinstance(data, dict) or not isinstance(data.get("jobs", []), list):
        raise PayloadError(f"{url}: Workable payload without a jobs list")
    company = text_or_none(data.get("name"))
    return [
        _posting(job, company, board, fetched_at)
        for job in data.get("jobs") or []
        if isinstance(job, dict) and has_id(job.get("shortcode"))
    ]


def _location(job: dict[str, Any]) -> str | None:
    # Some accounts send a location object instead of flat city/state/country.
    place = as_dict(job.get("location"))
    if place.get("location_str"):
        return text_or_none(place["location_str"])
    parts = [job.get(k) or place.get(k) for k in ("city", "state", "country")]
    return join_parts(parts)


def _posting(job: dict[str, Any], company: str | None, board: str | None, fetched_at: str) -> RawPosting:
    sections = [job.get(k) for k in ("description", "requirements", "benefits")]
    return RawPosting(
        source="workable",
        source_id=posting_id(job["shortcode"]),
        board=board,
        company=company,
        title=text(job.get("title")),
        description="\n\n".join(html_to_text(text(s)) for s in sections if s).strip(),
        fetched_at=fetched_at,
        url=text_or_none(job.get("url") or job.get("shortlink")),
        location=_location(job),
        # telecommuting: false does not say on-site (hybrid jobs carry it too), so only true is a hint.
        remote_hint="remote" if job.get("telecommuting") is True else None,
        department=text_or_none(job.get("department")),
        employment_type=text_or_none(job.get("employment_type")),
        posted=text_or_none(job.get("published_on") or job.get("created_at")),
        seniority_hint=text_or_none(job.get("experience")),
    )
