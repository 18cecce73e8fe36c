"""Workday's career-site API (CXS): a POSTed list search per site, then one detail per posting.

``/workday/<host>/<tenant>/<site>/jobs`` answers the list search (the demo server passes a JSON POST's
fields as the query): at most 20 a page, ``total`` on the first page only, at most 2,000 per query (past
that, page one again), and ``facets`` (locations inside a ``locationMainGroup`` wrapper, job family, time
type) whose ``appliedFacets`` narrow the search. ``…/job/<city>/<title>_<req>`` is a posting's detail,
the page a crawl stores; a tenant or site that does not exist is a 422. No pay field: pay, when stated, is
in the text. Ids are Workday object ids (32 hex digits).
"""

from __future__ import annotations

import json
import random
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from demo.model import MARKET_DATE, DemoJob, Response
from demo.render import country_name, pay_in_text, stable_number, to_html
from demo.web import Request, json_response

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = False
fit_salary = pay_in_text
SITE = "Careers"
PAGE_LIMIT = 20  # the API's largest page: what the spider asks for
CAP = 2000
PAGED = r"/workday/[^/]+/[^/]+/[^/]+/jobs"
_REMOTE = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site"}


def host_of(board: str) -> str:
    return f"{board}.wd5.myworkdayjobs.com"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


def _req_id(job: DemoJob) -> str:
    return f"R-{stable_number(job.posting.source_id) + 10_000:05d}"


def external_path(job: DemoJob) -> str:
    return f"/job/{_slug(job.office)}/{_slug(job.posting.title)}_{_req_id(job)}"


def _time_type(job: DemoJob) -> str:
    return "Part time" if job.intern else "Full time"


def _posted_on(job: DemoJob) -> str:
    days = (MARKET_DATE - job.published.date()).days
    if days <= 0:
        return "Posted Today"
    if days == 1:
        return "Posted Yesterday"
    return "Posted 30+ Days Ago" if days > 30 else f"Posted {days} Days Ago"


def _facet_ids(job: DemoJob) -> dict[str, str]:
    """The facet value ids a posting carries, stable per value."""
    return {
        "locations": f"{stable_number(job.office):032x}",
        "jobFamilyGroup": f"{stable_number(job.department) + 10_000:032x}",
        "timeType": f"{stable_number(_time_type(job)) + 20_000:032x}",
    }


def _facets(jobs: list[DemoJob]) -> list[dict[str, Any]]:
    def facet(name: str, label: str, descriptor: Any) -> dict[str, Any]:
        counts: dict[str, tuple[str, int]] = {}
        for job in jobs:
            key = _facet_ids(job)[name]
            counts[key] = (descriptor(job), counts.get(key, ("", 0))[1] + 1)
        values = [{"descriptor": d, "id": key, "count": n} for key, (d, n) in sorted(counts.items())]
        return {"facetParameter": name, "descriptor": label, "values": values}

    return [
        {"facetParameter": "locationMainGroup",
         "values": [facet("locations", "Locations", lambda j: j.office)]},
        facet("jobFamilyGroup", "Job Category", lambda j: j.department),
        facet("timeType", "Time Type", _time_type),
    ]  # fmt: skip


def _summary(job: DemoJob) -> dict[str, Any]:
    return {
        "title": job.posting.title,
        "externalPath": external_path(job),
        "locationsText": job.posting.location,
        "postedOn": _posted_on(job),
        "bulletFields": [_req_id(job)],
    }


def _detail(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    info: dict[str, Any] = {
        "id": p.source_id,
        "title": p.title,
        "jobDescription": to_html(job.sections, "h3", job.dash_entity),
        "location": p.location,
        "postedOn": _posted_on(job),
        "startDate": p.posted,
        "timeType": _time_type(job),
        "jobReqId": _req_id(job),
        "jobPostingId": external_path(job).rsplit("/", 1)[-1],
        "jobPostingSiteId": SITE,
        "country": {"descriptor": country_name(job), "id": f"{stable_number(job.country):032x}"},
        "canApply": True,
        "posted": True,
        "externalUrl": f"https://{host_of(p.board)}/{SITE}{external_path(job)}",
    }
    if p.remote is not None:  # only some tenants state it
        info["remoteType"] = _REMOTE[p.remote]
    return {"jobPostingInfo": info, "hiringOrganization": {"name": p.company, "url": ""},
            "similarJobs": [], "userAuthenticated": False}  # fmt: skip


def _unknown() -> Response:
    return json_response({"errorCode": "HTTP_422", "httpStatus": 422, "message": "Unprocessable Entity"}, 422)


def _board(market: DemoMarket, host: str, tenant: str, site: str) -> list[DemoJob] | None:
    if market.employer("workday", tenant) is None or host != host_of(tenant) or site != SITE:
        return None
    return market.board_jobs("workday", tenant)


def _search(market: DemoMarket, request: Request, host: str, tenant: str, site: str) -> Response:
    jobs = _board(market, host, tenant, site)
    if jobs is None:
        return _unknown()
    try:
        offset, limit = int(request.params.get("offset", "0")), int(request.params.get("limit", "20"))
        applied = json.loads(request.params.get("appliedFacets") or "{}")
    except ValueError:
        return json_response({"errorCode": "HTTP_400", "httpStatus": 400}, 400)
    if not 0 < limit <= PAGE_LIMIT or offset < 0 or not isinstance(applied, dict):
        return json_response({"errorCode": "HTTP_400", "httpStatus": 400}, 400)
    found = [j for j in jobs if all(_facet_ids(j).get(k) in v for k, v in applied.items())]
    reachable = found[:CAP]
    start = offset if offset < CAP else 0  # past the cap Workday answers page one again
    return json_response({
        "total": len(reachable) if offset == 0 else 0,
        "jobPostings": [_summary(j) for j in reachable[start : start + limit]],
        "facets": _facets(found),  # counts are not capped
    })  # fmt: skip


def _job(market: DemoMarket, request: Request, host: str, tenant: str, site: str, path: str) -> Response:
    jobs = _board(market, host, tenant, site)
    if jobs is None:
        return _unknown()
    job = next((j for j in jobs if external_path(j) == f"/job/{path}"), None)
    if job is None:
        return json_response({"errorCode": "HTTP_404", "httpStatus": 404}, 404)
    return json_response(_detail(job))


ROUTES = (
    (r"/workday/([^/]+)/([^/]+)/([^/]+)/jobs", _search),
    (r"/workday/([^/]+)/([^/]+)/([^/]+)/job/(.+)", _job),
)


def search_query(offset: int) -> str:
    """The list search the spider POSTs, as the demo server passes it on: its fields as the query."""
    return urlencode({"appliedFacets": "{}", "limit": PAGE_LIMIT, "offset": offset, "searchText": ""})


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    api = f"/workday/{host_of(board)}/{board}/{SITE}"
    jobs = market.board_jobs("workday", board)
    pages = [(f"{api}/jobs", search_query(offset)) for offset in range(0, max(len(jobs), 1), PAGE_LIMIT)]
    return pages + [(f"{api}{external_path(j)}", "") for j in jobs]


def board_of(path: str, query: str) -> str | None:
    """A posting detail's tenant (the list searches are not stored)."""
    parts = path.strip("/").split("/")
    return parts[2] if parts[0] == "workday" and len(parts) > 5 and parts[4] == "job" else None


def new_id(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"


def source_url(base_url: str, board: str) -> str:
    """The sources file's URL for a board: its careers site, which gives host, tenant and site."""
    return f"https://{host_of(board)}/en-US/{SITE}"
