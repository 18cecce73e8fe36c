"""USAJOBS' Search API: a feed of federal jobs, paged, open only to a registered key.

``/usajobs/api/search?ResultsPerPage=&Page=`` with the key in the ``Authorization-Key`` header (the demo
refuses any other key) and the registered e-mail as ``User-Agent``. Pay is always stated, in
``PositionRemuneration``, with a GS grade.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from demo.model import DemoJob, PlantedSalary, Response
from demo.render import ASKING, CLOSING, employer_spec, place_of, sections_of, stable_number, to_html
from demo.web import Request, json_response, page_bounds

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = True  # one implicit board, named after the feed
# Fake credentials the demo crawl sends; the demo route refuses any other key.
USAJOBS_KEY = "demo-usajobs-key-not-a-secret"
USAJOBS_EMAIL = "demo-crawler@jobpulse.invalid"
PAGE_SIZE = 25  # what the demo crawl asks for: small enough that the feed needs several pages
CRAWL_SETTINGS = {
    "USAJOBS_API_KEY": USAJOBS_KEY,
    "USAJOBS_EMAIL": USAJOBS_EMAIL,
    "USAJOBS_PAGE_SIZE": str(PAGE_SIZE),
}
CRAWL_HEADERS = {"Authorization-Key": USAJOBS_KEY, "User-Agent": USAJOBS_EMAIL}
PAGED = r"/usajobs/api/search"


def fit_salary(salary: PlantedSalary) -> PlantedSalary:
    """Federal pay is always in ``PositionRemuneration``."""
    return dataclasses.replace(salary, stated_in="field")


_GS_GRADE = {"intern": 4, "entry": 7, "mid": 11, "senior": 13, "staff": 14, "manager": 14, "director": 15,
             "executive": 15}  # fmt: skip


def _usajobs_item(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    place = place_of(job)
    spec = employer_spec(p.company)
    assert p.salary is not None  # federal pay is always stated
    hourly = p.salary.period == "hour"
    grade = str(_GS_GRADE[p.seniority])
    where = (
        "Anywhere in the U.S. (remote job)"
        if p.remote == "remote"
        else (f"{place['locality']}, {_US_STATES.get(place['region'], place['region'])}")
    )
    url = f"https://www.usajobs.example/job/{p.source_id}"
    start = job.published.replace(tzinfo=None).isoformat() + ".0000"
    close = (job.published + timedelta(days=30)).replace(tzinfo=None).isoformat() + ".0000"
    summary = sections_of(job, "about", "role")
    return {
        "MatchedObjectId": p.source_id,
        "MatchedObjectDescriptor": {
            "PositionID": f"{''.join(w[0] for w in p.company.split())}-26-{int(p.source_id) % 10_000:04d}",
            "PositionTitle": p.title,
            "PositionURI": url,
            "ApplyURI": [f"{url}/apply"],
            "PositionLocationDisplay": where,
            "PositionLocation": [{"LocationName": where, "CountryCode": "United States", "CityName": where}],
            "OrganizationName": p.company,
            "DepartmentName": spec.get("department", p.company),
            "JobCategory": [
                {"Name": job.department, "Code": str(2000 + stable_number(job.department) % 1000)}
            ],
            "JobGrade": [{"Code": "GS"}],
            "PositionSchedule": [{"Name": "Full-time", "Code": "1"}],
            "PositionOfferingType": [{"Name": "Internships" if job.intern else "Permanent", "Code": "15317"}],
            "QualificationSummary": to_html(sections_of(job, *ASKING), "h3", job.dash_entity),
            "PositionRemuneration": [
                {
                    "MinimumRange": f"{p.salary.min}.0",
                    "MaximumRange": f"{p.salary.max}.0",
                    "RateIntervalCode": "PH" if hourly else "PA",
                    "Description": "Per Hour" if hourly else "Per Year",
                }
            ],
            "PositionStartDate": start,
            "PositionEndDate": close,
            "PublicationStartDate": start,
            "ApplicationCloseDate": close,
            "UserArea": {
                "Details": {
                    "JobSummary": to_html(summary, "h3", job.dash_entity),
                    "MajorDuties": [b for s in sections_of(job, "duties") for b in s.bullets],
                    "Requirements": to_html(sections_of(job, *CLOSING), "h3", job.dash_entity),
                    "Education": "",
                    "LowGrade": grade,
                    "HighGrade": grade,
                    "TeleworkEligible": p.remote in ("remote", "hybrid"),
                    "RemoteIndicator": p.remote == "remote",
                }
            },
        },
    }


_US_STATES = {"VA": "Virginia", "CO": "Colorado", "MO": "Missouri"}


def _usajobs(market: DemoMarket, request: Request) -> Response:
    # The key must arrive in this header (the spider never puts it in a URL).
    if request.headers.get("authorization-key") != USAJOBS_KEY:
        return json_response({"error": "Unauthorized: missing or invalid Authorization-Key"}, 401)
    try:
        page, size = page_bounds(request.params, "ResultsPerPage", "Page", 25)
    except ValueError:
        return json_response({"error": "invalid paging"}, 400)
    page = max(page, 1)  # pages count from 1
    jobs = market.board_jobs("usajobs", "usajobs")
    items = [_usajobs_item(j) for j in jobs[(page - 1) * size : page * size]]
    return json_response({
        "LanguageCode": "EN",
        "SearchParameters": {},
        "SearchResult": {
            "SearchResultCount": len(items),
            "SearchResultCountAll": len(jobs),
            "SearchResultItems": items,
            "UserArea": {"NumberOfPages": str(-(-len(jobs) // size)), "IsRadialSearch": False},
        },
    })  # fmt: skip


ROUTES = ((r"/usajobs/api/search", _usajobs),)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    pages = -(-len(market.board_jobs("usajobs", "usajobs")) // PAGE_SIZE)
    return [
        ("/usajobs/api/search", f"ResultsPerPage={PAGE_SIZE}&Page={page}") for page in range(1, pages + 1)
    ]


def board_of(path: str, query: str) -> str | None:
    return "usajobs" if path.strip("/").split("/")[0] == "usajobs" else None


def new_id(rng: random.Random) -> str:
    return str(rng.randrange(800_000_000, 900_000_000))
