"""BambooHR's careers site: the open positions as one JSON list, then one JSON detail per position.

``/bamboohr/<company>/careers/list`` lists ids, titles and places (no text, no date);
``/bamboohr/<company>/careers/<id>/detail`` has ``result.jobOpening`` with the HTML description,
``datePosted`` and the pay as the free text an employer types (``compensation``). Only the details are
stored by a crawl. An unknown company is a 404 here (the real site redirects to bamboohr.com).
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from demo.model import DemoJob, Response
from demo.render import country_name, in_field, place_of, range_summary, to_html
from demo.web import Request, json_response, not_found_page

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = False
_LOCATION_TYPE = {"onsite": "0", "remote": "1", "hybrid": "2"}


def _summary(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    place = place_of(job)
    return {
        "id": p.source_id,
        "jobOpeningName": p.title,
        "departmentId": str(sum(map(ord, job.department)) % 97),
        "departmentLabel": job.department,
        "employmentStatusLabel": "Intern" if job.intern else "Full-Time",
        "location": {"city": place["locality"], "state": place["region"]},
        "atsLocation": {
            "country": country_name(job),
            "state": place["region"],
            "province": None,
            "city": place["locality"],
        },
        "isRemote": None,  # null on every board: locationType says it
        "locationType": _LOCATION_TYPE.get(p.remote or ""),
    }


def _detail(job: DemoJob, company: str) -> dict[str, Any]:
    p = job.posting
    place = place_of(job)
    url = f"https://{company}.bamboohr.example/careers/{p.source_id}"
    opening = {
        **_summary(job),
        "jobOpeningShareUrl": url,
        "jobOpeningStatus": "Open",
        "location": {
            "city": place["locality"],
            "state": place["region"],
            "postalCode": None,
            "addressCountry": country_name(job),
        },
        "description": to_html(job.sections, "h3", job.dash_entity),
        "compensation": range_summary(p.salary) if in_field(p.salary) and p.salary else None,
        "datePosted": p.posted,
        "minimumExperience": None,
    }
    return {"meta": {"showAtsLocation": True}, "result": {"jobOpening": opening}}


def _list(market: DemoMarket, request: Request, company: str) -> Response:
    if market.employer("bamboohr", company) is None:
        return not_found_page()
    jobs = market.board_jobs("bamboohr", company)
    return json_response({"meta": {"totalCount": len(jobs)}, "result": [_summary(j) for j in jobs]})


def _detail_route(market: DemoMarket, request: Request, company: str, opening_id: str) -> Response:
    job = next((j for j in market.board_jobs("bamboohr", company) if j.posting.source_id == opening_id), None)
    return json_response(_detail(job, company)) if job is not None else not_found_page()


ROUTES = (
    (r"/bamboohr/([^/]+)/careers/list", _list),
    (r"/bamboohr/([^/]+)/careers/(\d+)/detail", _detail_route),
)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    jobs = market.board_jobs("bamboohr", board)
    details = [(f"/bamboohr/{board}/careers/{j.posting.source_id}/detail", "") for j in jobs]
    return [(f"/bamboohr/{board}/careers/list", ""), *details]


def board_of(path: str, query: str) -> str | None:
    """A position's company (the list is not stored)."""
    parts = path.strip("/").split("/")
    return parts[1] if parts[0] == "bamboohr" and len(parts) == 5 and parts[4] == "detail" else None


def new_id(rng: random.Random) -> str:
    return str(rng.randrange(10, 2_000))
