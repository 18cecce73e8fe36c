"""Oracle Recruiting Cloud's REST API (Fusion HCM Candidate Experience): requisition search, then details.

``/oracle/<host>/recruitingCEJobRequisitions?…&finder=findReqs;siteNumber=CX_1,limit=N,offset=M,…`` lists a
career site (paging inside the ``finder``; the search result is the one element of ``items``, with
``TotalJobsCount`` on the first page only: a page at another offset says 0; at most 200 rows a page, whatever
``limit`` asks); ``/oracle/<host>/recruitingCEJobRequisitionDetails?…&finder=ById;Id="<id>",siteNumber=
CX_1`` is one requisition, the page a crawl stores (``items`` empty when there is no such requisition). An
unknown host or site is a 404 here (Oracle itself serves a tenant's default site for an unknown one). The
workplace type is given as ``WorkplaceTypeCode`` and its label. The text comes in several HTML fields; no pay field: pay, when stated, is
in the text. Ids are requisition numbers.
"""

from __future__ import annotations

import random
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from demo.model import DemoJob, Response
from demo.render import ASKING, CLOSING, OPENING, country_name, pay_in_text, sections_of, to_html
from demo.web import Request, json_response

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = False
fit_salary = pay_in_text
SITE = "CX_1"
PAGE_SIZE = 10  # what the demo crawl asks for: small enough that a board needs several pages
CRAWL_SETTINGS = {"ORACLE_PAGE_SIZE": str(PAGE_SIZE)}
PAGED = r"/oracle/[^/]+/recruitingCEJobRequisition(?:s|Details)"
LIST_EXPAND = "requisitionList.secondaryLocations,flexFieldsFacet.values"
_WORKPLACE = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site"}
_WORKPLACE_CODE = {"remote": "ORA_REMOTE", "hybrid": "ORA_HYBRID", "onsite": "ORA_ON_SITE"}
MAX_PAGE = 200  # the API's largest page, whatever ``limit`` asks
_FINDER = re.compile(r"(\w+);(.*)")


def host_of(board: str) -> str:
    return f"{board}.fa.us2.oraclecloud.com"


def finder_values(finder: str) -> tuple[str, dict[str, str]]:
    """``findReqs;siteNumber=CX_1,limit=25`` → ("findReqs", {"siteNumber": "CX_1", "limit": "25"})."""
    match = _FINDER.fullmatch(finder)
    if not match:
        return "", {}
    pairs = [part.split("=", 1) for part in match.group(2).split(",") if "=" in part]
    return match.group(1), {key: value.strip('"') for key, value in pairs}


def _summary(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    return {
        "Id": p.source_id,
        "Title": p.title,
        "PostedDate": p.posted,
        # A remote posting's location ("Remote - UK") already names its country.
        "PrimaryLocation": p.location if p.remote == "remote" else f"{p.location}, {country_name(job)}",
        "PrimaryLocationCountry": job.country,
        "JobFamily": job.department,
        "JobFunction": job.team,
        "WorkplaceType": _WORKPLACE.get(p.remote or ""),
        "WorkplaceTypeCode": _WORKPLACE_CODE.get(p.remote or ""),
        "secondaryLocations": [],
    }


def _detail(job: DemoJob) -> dict[str, Any]:
    html = {kinds: to_html(sections_of(job, *kinds), "h3", job.dash_entity) or None
            for kinds in (OPENING, ASKING, CLOSING)}  # fmt: skip
    return {
        **_summary(job),
        "RequisitionNumber": job.posting.source_id,
        "ExternalPostedStartDate": job.posting.posted + job.published.strftime("T%H:%M:%S+00:00"),
        "ExternalPostedEndDate": None,
        "ExternalDescriptionStr": html[OPENING],
        "ExternalResponsibilitiesStr": None,
        "ExternalQualificationsStr": html[ASKING],
        "CorporateDescriptionStr": html[CLOSING],
        "ShortDescriptionStr": None,
        "JobSchedule": "Part time" if job.intern else "Full time",
        "Organization": job.department,
    }


def _answer(items: list[dict[str, Any]], limit: int = PAGE_SIZE) -> Response:
    return json_response({"items": items, "count": len(items), "hasMore": False, "limit": limit, "offset": 0,
                          "links": []})  # fmt: skip


def _board(market: DemoMarket, host: str, site: str) -> list[DemoJob] | None:
    board = host.split(".")[0]
    if market.employer("oracle", board) is None or host != host_of(board) or site != SITE:
        return None
    return market.board_jobs("oracle", board)


def _not_found() -> Response:
    return json_response({"title": "Not Found", "status": "404"}, 404)


def _search(market: DemoMarket, request: Request, host: str) -> Response:
    name, values = finder_values(request.params.get("finder", ""))
    jobs = _board(market, host, values.get("siteNumber", ""))
    if name != "findReqs" or jobs is None:
        return _not_found()
    try:
        offset, limit = int(values.get("offset", "0")), int(values.get("limit", str(PAGE_SIZE)))
    except ValueError:
        return json_response({"title": "Bad Request", "status": "400"}, 400)
    search = {"SearchId": 1, "SiteNumber": SITE, "Offset": offset, "Limit": limit, "SortBy": values.get("sortBy"),
              "TotalJobsCount": len(jobs) if offset == 0 else 0,
              "requisitionList": [_summary(j) for j in jobs[offset : offset + min(limit, MAX_PAGE)]],
              "flexFieldsFacet": []}  # fmt: skip
    return _answer([search], limit)


def _details(market: DemoMarket, request: Request, host: str) -> Response:
    name, values = finder_values(request.params.get("finder", ""))
    jobs = _board(market, host, values.get("siteNumber", ""))
    if name != "ById" or jobs is None:
        return _not_found()
    return _answer([_detail(j) for j in jobs if j.posting.source_id == values.get("Id")])


ROUTES = (
    (r"/oracle/([^/]+)/recruitingCEJobRequisitions", _search),
    (r"/oracle/([^/]+)/recruitingCEJobRequisitionDetails", _details),
)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    api = f"/oracle/{host_of(board)}"
    jobs = market.board_jobs("oracle", board)
    pages = [
        (f"{api}/recruitingCEJobRequisitions",
         f"onlyData=true&expand={LIST_EXPAND}&finder=" + quote(f"findReqs;siteNumber={SITE},limit={PAGE_SIZE},"
                                                               f"offset={offset},sortBy=POSTING_DATES_DESC"))
        for offset in range(0, max(len(jobs), 1), PAGE_SIZE)
    ]  # fmt: skip
    details = [(f"{api}/recruitingCEJobRequisitionDetails",
                "expand=all&onlyData=true&finder=" + quote(f'ById;Id="{j.posting.source_id}",siteNumber={SITE}'))
               for j in jobs]  # fmt: skip
    return pages + details


def board_of(path: str, query: str) -> str | None:
    """A requisition detail's board (the searches are not stored)."""
    parts = path.strip("/").split("/")
    if len(parts) == 3 and parts[0] == "oracle" and parts[2] == "recruitingCEJobRequisitionDetails":
        return parts[1].split(".")[0]
    return None


def new_id(rng: random.Random) -> str:
    return str(rng.randrange(1_000, 100_000))


def source_url(base_url: str, board: str) -> str:
    """The sources file's URL for a board: its Candidate Experience site, which gives host and site number."""
    return f"https://{host_of(board)}/hcmUI/CandidateExperience/en/sites/{SITE}"
