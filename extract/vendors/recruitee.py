"""Recruitee Careers Site API payload (``/api/offers/``)."""

from __future__ import annotations

import re
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

# published_at is "2026-09-29 16:02:37 UTC", not ISO 8601.
_RECRUITEE_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) UTC$")


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    data = load_json(body, url)
    if not isinstance(data, dict) or not isinstance(data.get("offers"), list):
        raise PayloadError(f"{url}: Recruitee payload without an offers list")
    return [
        _posting(offer, board, fetched_at)
        for offer in data["offers"]
        if isinstance(offer, dict) and has_id(offer.get("id"))
    ]


def iso_time(value: Any) -> str | None:
    """Recruitee's "2026-09-29 16:02:37 UTC" as ISO 8601 ("2026-09-29T16:02:37Z"); other text as given."""
    text = text_or_none(value)
    match = _RECRUITEE_TIME.match(text or "")
    return f"{match[1]}T{match[2]}Z" if match else text


def _remote(offer: dict[str, Any]) -> str | None:
    for flag, value in (("remote", "remote"), ("hybrid", "hybrid"), ("on_site", "onsite")):
        if offer.get(flag) is True:
            return value
    return None


def _location(offer: dict[str, Any]) -> str | None:
    if offer.get("location"):
        return text_or_none(offer["location"])
    parts = [offer.get(k) for k in ("city", "state_name", "country")]
    return join_parts(parts)


def _posting(offer: dict[str, Any], board: str | None, fetched_at: str) -> RawPosting:
    sections = [html_to_text(text(offer.get(k))) for k in ("description", "requirements")]
    experience = text_or_none(offer.get("experience_code"))
    return RawPosting(
        source="recruitee",
        source_id=posting_id(offer["id"]),
        board=board,
        company=text_or_none(offer.get("company_name")),
        title=text(offer.get("title")),
        description="\n\n".join(s for s in sections if s),
        fetched_at=fetched_at,
        url=text_or_none(offer.get("careers_url")),
        location=_location(offer),
        remote_hint=_remote(offer),
        department=text_or_none(offer.get("department")),
        employment_type=text_or_none(offer.get("employment_type_code")),
        posted=iso_time(offer.get("published_at") or offer.get("created_at")),
        salary=_pay(as_dict(offer.get("salary"))),
        # experience_code is snake_case ("mid_level"); the seniority vocabulary matches words.
        seniority_hint=experience.replace("_", " ") if experience else None,
    )


def _pay(salary: dict[str, Any]) -> Salary | None:
    if not salary:
        return None
    return salary_from_fields(
        salary.get("min"), salary.get("max"), salary.get("currency"), salary.get("period"),
        source="recruitee.salary",
    )  # fmt: skip
