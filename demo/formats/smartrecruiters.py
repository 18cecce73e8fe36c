"""SmartRecruiters' Posting API: paged summaries per company, then one detail document per posting.

``/smartrecruiters/v1/companies/<company>/postings?limit=&offset=`` lists (an unknown company is an empty
page, not a 404); ``.../postings/<id>`` has the text in four ``jobAd`` sections. No salary field: pay,
when stated, is in the text. Only the details are stored by a crawl.
"""

from __future__ import annotations

import dataclasses
import random
import uuid
from typing import TYPE_CHECKING, Any

from demo.model import DemoJob, Response
from demo.render import (
    ASKING,
    CLOSING,
    country_name,
    pay_in_text,
    place_of,
    sections_of,
    stable_number,
    to_html,
)
from demo.web import Request, json_response, page_bounds

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = False
fit_salary = pay_in_text
PAGE_SIZE = 20  # what the demo crawl asks for: small enough that a board needs several pages
CRAWL_SETTINGS = {"SMARTRECRUITERS_PAGE_SIZE": str(PAGE_SIZE)}
PAGED = r"/smartrecruiters/v1/companies/[^/]+/postings"


def _smartrecruiters_summary(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    place = place_of(job)
    location: dict[str, Any] = {
        "city": place["locality"],
        "region": place["region"],
        "country": job.country.lower(),
        "fullLocation": f"{place['locality']}, {place['region']}, {country_name(job)}",
    }
    if p.remote is not None:  # the flags are absent when the posting says nothing
        location |= {"remote": p.remote == "remote", "hybrid": p.remote == "hybrid"}
    return {
        "id": p.source_id,
        "name": p.title,
        "uuid": str(uuid.UUID(int=int(p.source_id), version=4)),
        "refNumber": f"REF{int(p.source_id) % 100_000:05d}",
        "company": {"identifier": p.board, "name": p.company},
        "releasedDate": p.posted + job.published.strftime("T%H:%M:%S.000Z"),
        "location": location,
        "industry": {"id": "n/a", "label": p.industry.title()},
        "department": {"id": str(stable_number(job.department)), "label": job.department},
        "function": {"id": "other", "label": job.team},
        "typeOfEmployment": {"id": "permanent", "label": "Internship" if job.intern else "Full-time"},
        "customField": [],
        "visibility": "PUBLIC",
        "language": {"code": "en", "label": "English"},
    }


def _smartrecruiters_detail(job: DemoJob) -> dict[str, Any]:
    by_kind = {s.kind: s for s in job.sections}

    def section(title: str, kinds: tuple[str, ...]) -> dict[str, str]:
        chosen = sections_of(job, *kinds)
        # The section's own title stands for the first heading; later ones stay in the text.
        first = chosen[0]
        rest = to_html(chosen[1:], "h3", job.dash_entity)
        own = to_html((dataclasses.replace(first, header=None),), "h3", job.dash_entity)
        return {"title": first.header or title, "text": "\n".join(x for x in (own, rest) if x)}

    url = f"https://jobs.smartrecruiters.example/{job.posting.board}/{job.posting.source_id}"
    sections = {
        "companyDescription": section("Company Description", ("about",)),
        "jobDescription": section("Job Description", ("role", "duties")),
        "qualifications": section("Qualifications", ASKING),
        "additionalInformation": section("Additional Information", CLOSING),
    }
    assert by_kind["about"].header is not None
    return {
        **_smartrecruiters_summary(job),
        "jobAd": {"sections": sections},
        "postingUrl": url,
        "applyUrl": f"{url}?oga=true",
    }


def _smartrecruiters_list(market: DemoMarket, request: Request, company: str) -> Response:
    try:
        offset, limit = page_bounds(request.params, "limit", "offset", 10)
    except ValueError:
        return json_response({"code": "INVALID_PARAMETER", "message": "Invalid offset or limit"}, 400)
    limit = min(limit, 100)  # the API's maximum page
    # Unknown company → 200 with nothing found, as the real API answers.
    jobs = market.board_jobs("smartrecruiters", company)
    content = [_smartrecruiters_summary(j) for j in jobs[offset : offset + limit]]
    return json_response({"offset": offset, "limit": limit, "totalFound": len(jobs), "content": content})


def _smartrecruiters_detail_route(
    market: DemoMarket, request: Request, company: str, posting_id: str
) -> Response:
    job = next(
        (j for j in market.board_jobs("smartrecruiters", company) if j.posting.source_id == posting_id), None
    )
    if job is None:
        return json_response({"code": "NOT_FOUND", "message": f"Job with id {posting_id} not found"}, 404)
    return json_response(_smartrecruiters_detail(job))


ROUTES = (
    (r"/smartrecruiters/v1/companies/([^/]+)/postings/?", _smartrecruiters_list),
    (r"/smartrecruiters/v1/companies/([^/]+)/postings/([^/]+)", _smartrecruiters_detail_route),
)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    api = f"/smartrecruiters/v1/companies/{board}/postings"
    jobs = market.board_jobs("smartrecruiters", board)
    pages = [(api, f"limit={PAGE_SIZE}&offset={offset}") for offset in range(0, max(len(jobs), 1), PAGE_SIZE)]
    return pages + [(f"{api}/{j.posting.source_id}", "") for j in jobs]


def board_of(path: str, query: str) -> str | None:
    """A posting's company (the list pages are not stored)."""
    parts = path.strip("/").split("/")
    return parts[3] if parts[0] == "smartrecruiters" and len(parts) == 6 else None


def new_id(rng: random.Random) -> str:
    return str(744_000_000_000_000 + rng.randrange(10**11))
