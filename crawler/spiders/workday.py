"""Workday career sites (the CXS API each site's own search page calls): a paged list, then one detail each.

A board is a sources row whose careers ``url`` gives host, tenant and site, read as Workday spells them
(``careers_params``; an ``options`` entry overrides one): ``https://acme.wd5.myworkdayjobs.com/en-US/External``
(tenant = the host's first label, any ``wdN`` data centre; a language segment such as ``de-DE`` and pages
after the site such as ``/jobs`` are not the site) or, on Workday's shared host,
``https://wd1.myworkdaysite.com/recruiting/acme/External`` (tenant in the path; the API is
``https://wd1.myworkdaysite.com/wday/cxs/acme/External``):

* list: ``POST https://{host}/wday/cxs/{tenant}/{site}/jobs`` with
  ``{"appliedFacets": {…}, "limit": 20, "offset": N, "searchText": ""}`` → ``{"total", "jobPostings":
  [{"title", "externalPath", "locationsText", "postedOn", "bulletFields"}], "facets": […]}``. ``limit`` is
  at most 20 (more → 400), and ``total`` is only stated on the first page (later pages say 0), so the first
  page's total is carried along. A listed posting without an ``externalPath`` (a bare stub such as
  ``{"bulletFields": ["R-1"]}``) has no detail to fetch: it is counted (``listed_without_path``) and skipped,
  not a failure (nothing of it was ever stored, so nothing can close wrongly);
* detail: ``GET https://{host}/wday/cxs/{tenant}/{site}{externalPath}`` → ``{"jobPostingInfo": {…},
  "hiringOrganization": {…}}``. Only details are stored: the list's ``postedOn`` is relative text ("Posted
  30+ Days Ago") and it has no description; the detail has both (``startDate``, ``jobDescription``).

**The 2,000 cap.** One query lists at most 2,000 postings: a large tenant reports ``total`` 2000 and,
past offset 2000, answers page one again. When ``total`` reaches ``WORKDAY_RESULT_CAP`` the query is split
by one of the first page's ``facets`` (a ``locations`` facet may sit inside a ``locationMainGroup``
wrapper) into one query per value, each split again by another facet while it is still capped, up to
``WORKDAY_MAX_FACETS`` facets deep. The facet chosen is one whose values cover the whole query, with the
smallest largest value. The queries run one after another, each list request carrying the listing's
``Progress`` (the queries left, the postings listed, what is out of reach), so any process of a distributed
crawl can parse the next page; a posting listed under two facet values is fetched once (the duplicate
filter drops the second detail request). A query still capped with no facet left, or a facet that leaves some postings
without a value, leaves part of the board out of reach: the board then fails, saying which part, so a
partial listing closes nothing (``store.postings.close_missing_postings`` closes only on ok/empty).

**A missing detail.** Only details are stored, so a posting whose detail could not be read would look
closed: a detail that fails (after retries) or is not a posting fails the board as an incomplete listing.
A detail that answers 404, or 403 with ``{"errorCode": "S22", "message": "permission denied"}``, is a
posting closed or unlisted between the list and the detail request: not stored, and not a failure (it is no
longer listed); a 403 with another body is not that. Unknown tenant or site: 422 (``errorCode HTTP_422``),
or a 404.

**Transient answers.** Workday sometimes answers with 200 and an empty, ``null`` or HTML (maintenance)
body, or with a 302/303 that leads nowhere (an empty ``Location``): such a list or detail request is sent
again (``RETRY_TIMES``, as for a 5xx) before the board fails; redirects are not followed (the API has none).

Sources: the shapes, the 20-per-page limit, the cap and its clamping, nested facets and the 422 are from
public threads of open-source Workday scrapers: career-ops-hq/career-ops#3310 and #3311 (offset clamped at
2000, facet counts not clamped), strelov1/freehire#1608 (split recursively by another facet dimension, a
facet does not rescope against itself), colophon-group/jobseek#6375 and #6373 (``locations`` nested under
``locationMainGroup``), #6424 (fail rather than accept a partial board), #2194 (detail 404 = posting gone)
and jobseek's ``monitors/workday.py``; an open-source Workday CXS API reference checked live against nine
tenants (detail fields, ``HTTP_422`` for a wrong tenant/site). Real-answer audit: jobseek's
``apps/crawler/src/core/scrapers/workday.py`` and ``apps/crawler/tests/test_workday.py`` (403 + ``S22`` for a
closed requisition, verified against live delisted postings; transient empty/HTML 200 details, #5230;
transient 303/429 and ``null`` list answers, #2748), mit112/boardwatch ``tests/fixtures/workday/README.md``
(live-verified: a maintenance HTML page on a tenant; 404 ``errorCode S21`` for a wrong site; ``total`` and
``facets`` on the first page only; the 2,000 wrap), lubobali/JobRadar-AI ``src/jobradar/fetchers/workday.py`` (a live bare
stub with no title or ``externalPath``), strelov1/freehire#1204 (the ``myworkdaysite.com/recruiting/{tenant}``
host shape, verified live) and nicholasbraun/job-crawler-poc#319 (careers URLs with ``de-DE`` and a
trailing ``/jobs``). Read for facts; this code is our own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.boards import EMPTY, FAILED, OK, BoardSpider, failure_reason, int_or_zero
from crawler.sources import Source

Applied = dict[str, list[str]]

# A careers URL's language segment (``/en-US/External``, ``/de-DE/Datev_Careers``): not the site.
LOCALE = re.compile(r"^[a-z]{2}-[A-Z]{2}$")
# Workday's shared host: the tenant is in the path (``wd1.myworkdaysite.com/recruiting/{tenant}/{site}``).
SHARED_HOST = "myworkdaysite.com"
# Redirects the API answers now and then with no page behind them (an empty ``Location``): asked again.
REDIRECTS = (302, 303)
# The detail's answer for a requisition closed or unlisted since the list: 403 with this ``errorCode``.
GONE_ERROR_CODE = "S22"


def careers_params(url: str) -> dict[str, str]:
    """``host``, ``tenant`` and ``site`` of a Workday careers URL; {} without a host.

    ``https://acme.wd5.myworkdayjobs.com/en-US/External/jobs`` → (``acme.wd5.myworkdayjobs.com``, ``acme``,
    ``External``); ``https://wd1.myworkdaysite.com/recruiting/acme/External`` → (``wd1.myworkdaysite.com``,
    ``acme``, ``External``). The site is the first path segment after a language segment (and, on the
    shared host, after ``recruiting/{tenant}``): what follows it (``/jobs``, ``/job/…``) is a page of it.
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not host:
        return {}
    segments = [s for s in parts.path.split("/") if s]
    if segments and LOCALE.match(segments[0]):
        segments = segments[1:]
    tenant = host.split(".")[0]
    if host.endswith(SHARED_HOST) and len(segments) >= 2 and segments[0] == "recruiting":
        tenant, segments = segments[1], segments[2:]
    params = {"host": host, "tenant": tenant}
    if segments:
        params["site"] = segments[0]
    return params


def gone_answer(response: Response) -> bool:
    """A detail answer that says the posting is no longer listed: 404, or 403 with ``errorCode`` S22."""
    if response.status == 404:
        return True
    if response.status != 403:
        return False
    data = json_object(response)
    return data is not None and data.get("errorCode") == GONE_ERROR_CODE


def unusable_list(response: Response) -> bool:
    """A list answer worth asking again: a redirect, or a 200 whose body is no ``jobPostings`` object."""
    if response.status in REDIRECTS:
        return True
    if response.status != 200:
        return False
    data = json_object(response)
    return data is None or not isinstance(data.get("jobPostings"), list)


def detail_info(response: Response) -> dict[str, Any] | None:
    """The detail's ``jobPostingInfo`` when it is a posting with a title (HTTP 200), else None."""
    if response.status != 200:
        return None
    detail = json_object(response)
    info = detail.get("jobPostingInfo") if detail is not None else None
    return info if isinstance(info, dict) and info.get("title") else None


def json_object(response: Response) -> dict[str, Any] | None:
    """The answer's body as a JSON object, or None when it is not one (HTML, empty, ``null``, a list)."""
    try:
        data = json.loads(response.text)
    except (ValueError, AttributeError):
        return None
    return data if isinstance(data, dict) else None


@dataclass(frozen=True, slots=True)
class Facet:
    """One facet of a list answer: its parameter and each value's (id, count)."""

    parameter: str
    values: tuple[tuple[str, int], ...]

    @property
    def covered(self) -> int:
        return sum(count for _, count in self.values)

    @property
    def largest(self) -> int:
        return max((count for _, count in self.values), default=0)


def flat_facets(raw: Any) -> list[Facet]:
    """Every facet with values, wrappers opened (``locationMainGroup`` → its ``locations`` facet)."""
    facets: list[Facet] = []
    for entry in raw if isinstance(raw, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("values"), list):
            continue
        values = [v for v in entry["values"] if isinstance(v, dict)]
        if any("facetParameter" in v for v in values):
            facets += flat_facets(values)
            continue
        pairs = tuple((str(v["id"]), int_or_zero(v.get("count"))) for v in values if v.get("id"))
        parameter = entry.get("facetParameter")
        if isinstance(parameter, str) and parameter and pairs:
            facets.append(Facet(parameter, pairs))
    return facets


def split_facet(facets: list[Facet], applied: Applied, total: int) -> Facet | None:
    """The facet to split a capped query by: not applied yet, covering the query, smallest largest value."""
    candidates = [f for f in facets if f.parameter not in applied and f.covered > 0]
    if not candidates:
        return None
    return min(candidates, key=lambda f: (f.covered < total, f.largest, -len(f.values)))


def describe(applied: Applied) -> str:
    """A query in a board outcome: "the whole board" or "locations=abc, jobFamilyGroup=def"."""
    if not applied:
        return "the whole board"
    return ", ".join(f"{name}={','.join(ids)}" for name, ids in applied.items())


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a board's listing stands, carried from one list request to the next (never kept on the spider:
    in a distributed crawl the next page may be parsed by another process).

    ``pending`` are the facet queries still to run after the current one; ``listed`` counts the postings
    listed so far (one under several facet values counts once for each); ``out_of_reach`` notes the parts
    of the board no query could reach.
    """

    pending: tuple[Applied, ...] = ()
    listed: int = 0
    queries: int = 1
    out_of_reach: tuple[str, ...] = ()


class WorkdaySpider(BoardSpider):
    name = "workday"
    # 422 is Workday's answer for a tenant/site pair that does not exist: the callback says so.
    # 403 and the redirects are seen too: a closed posting's detail, and transient answers asked again.
    handle_httpstatus_list: ClassVar[list[int]] = [*REDIRECTS, 403, 404, 422]

    def api(self, source: Source) -> str:
        # The root names host, tenant and site (``https://{host}/wday/cxs/{tenant}/{site}``), read from the
        # careers URL as Workday spells it (``careers_params``); the row's options still override them. A row
        # without them fails its board naming what is missing (``BoardSpider.first_requests``).
        derived = tuple(careers_params(source.url).items())
        return self.api_root(replace(source, options=(*derived, *source.options)))

    def list_request(
        self, source: Source, applied: Applied, progress: Progress, offset: int = 0, total: int = 0
    ) -> scrapy.Request:
        body = {
            "appliedFacets": applied,
            "limit": self.settings.getint("WORKDAY_PAGE_SIZE"),
            "offset": offset,
            "searchText": "",
        }
        return self.request(
            f"{self.api(source)}/jobs", source, self.parse_list, data=body,
            applied=applied, progress=progress, offset=offset, total=total,
        )  # fmt: skip

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        yield self.list_request(source, {}, Progress())

    def parse_list(
        self,
        response: Response,
        source: Source,
        applied: Applied,
        progress: Progress,
        offset: int,
        total: int,
    ) -> Iterator[Any]:
        # A redirect that leads nowhere, or a 200 that is no list (an HTML maintenance page, an empty or
        # null body): Workday answers these now and then, so the page is asked again before the board fails.
        retry = self.again(response, "an unusable list answer") if unusable_list(response) else None
        if retry is not None:
            yield retry
            return
        data = self.list_page(response, source)
        if data is None:
            return
        postings = data["jobPostings"]
        if offset == 0:
            total = int_or_zero(data.get("total"))
            cap = self.settings.getint("WORKDAY_RESULT_CAP")
            if total >= cap:
                progress, split = self.split(source, applied, data, total, progress)
                if split:
                    yield from self.next_query(source, progress)
                    return
                total = cap  # nothing to split by: the first `cap` postings are all this query reaches
        details = list(self.detail_requests(source, postings))
        yield from details
        progress = replace(progress, listed=progress.listed + len(details))
        if len(postings) > len(details):
            # A bare stub (``{"bulletFields": ["R-1"]}``): no page to fetch, so nothing stored to close.
            self.crawler.stats.inc_value("jobpulse/workday/listed_without_path", len(postings) - len(details))
        next_offset = offset + len(postings)
        if postings and next_offset < total:
            yield self.list_request(source, applied, progress, next_offset, total)
            return
        yield from self.next_query(source, progress)

    def list_page(self, response: Response, source: Source) -> dict[str, Any] | None:
        """The list answer, or None with the board failed (unknown tenant/site, malformed, another shape)."""
        if response.status in REDIRECTS:
            location = (response.headers.get(b"Location") or b"").decode("latin-1")
            reason = f"the list answered a redirect (HTTP {response.status}, Location {location!r})"
            self.board_outcome(source, FAILED, f"{reason} at {response.url}")
            return None
        if response.status in (403, 404, 422):
            what = "forbidden" if response.status == 403 else "unknown tenant or site"
            self.board_outcome(source, FAILED, f"{what} ({response.status}) at {response.url}")
            return None
        data = self.load_json(response, source)
        if data is None:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("jobPostings"), list):
            self.board_outcome(source, FAILED, f"unexpected payload at {response.url}")
            return None
        return data

    @staticmethod
    def note(progress: Progress, reason: str) -> Progress:
        return replace(progress, out_of_reach=tuple(dict.fromkeys((*progress.out_of_reach, reason))))

    def split(
        self, source: Source, applied: Applied, data: dict[str, Any], total: int, progress: Progress
    ) -> tuple[Progress, bool]:
        """A capped query's facet queries queued first (True); or, with no facet to split by, the note (False)."""
        facet = None
        if len(applied) < self.settings.getint("WORKDAY_MAX_FACETS"):
            facet = split_facet(flat_facets(data.get("facets")), applied, total)
        if facet is None:
            cap = self.settings.getint("WORKDAY_RESULT_CAP")
            reason = f"{describe(applied)}: {total} postings, no facet left to split by (first {cap} listed)"
            return self.note(progress, reason), False
        if facet.covered < total:
            reason = (
                f"{describe(applied)}: {total - facet.covered} of {total} postings have no {facet.parameter}"
            )
            progress = self.note(progress, reason)
        self.logger.info("%s: %s has %d postings: split by %s", source.board, describe(applied), total,
                         facet.parameter)  # fmt: skip
        queries = tuple({**applied, facet.parameter: [value]} for value, count in facet.values if count > 0)
        return replace(
            progress, pending=queries + progress.pending, queries=progress.queries + len(queries)
        ), True

    def next_query(self, source: Source, progress: Progress) -> Iterator[Any]:
        """The next facet query's first page; after the last query, the board's outcome."""
        if progress.pending:
            yield self.list_request(
                source, progress.pending[0], replace(progress, pending=progress.pending[1:])
            )
            return
        by = f" in {progress.queries} queries split by facets" if progress.queries > 1 else ""
        if progress.out_of_reach:
            reasons = "; ".join(progress.out_of_reach)
            self.board_outcome(
                source, FAILED, f"incomplete listing ({progress.listed} postings listed{by}): {reasons}"
            )
        elif progress.listed:
            self.board_outcome(source, OK, f"{progress.listed} postings listed{by}")
        else:
            self.board_outcome(source, EMPTY, "0 postings")

    def detail_requests(self, source: Source, postings: list[Any]) -> Iterator[scrapy.Request]:
        """One detail request per listed posting; one listed again under another facet value is dropped by
        the duplicate filter (shared between processes in a distributed crawl)."""
        for posting in postings:
            path = posting.get("externalPath") if isinstance(posting, dict) else None
            if isinstance(path, str) and path.startswith("/"):
                yield self.request(
                    f"{self.api(source)}{path}", source, self.parse_detail,
                    headers={"Accept": "application/json"}, errback=self.on_detail_error,
                )  # fmt: skip

    def parse_detail(self, response: Response, source: Source) -> Iterator[Any]:
        if gone_answer(response):
            # Closed between the list and this request: it is no longer listed, so nothing is missing.
            self.crawler.stats.inc_value("jobpulse/workday/detail_gone")
            return
        if detail_info(response) is not None:
            yield self.page(response, source)
            return
        # Workday now and then answers 200 with an empty or HTML body, or a bare redirect: asked again first.
        retry = self.again(response, "an unusable detail")
        if retry is not None:
            yield retry
            return
        self.detail_missing(source, f"posting detail unusable (HTTP {response.status}) at {response.url}")

    def again(self, response: Response, what: str) -> scrapy.Request | None:
        """The request of a transient answer, to send again (``RETRY_TIMES`` at most; None after that)."""
        assert response.request is not None
        return get_retry_request(response.request, spider=self, reason=f"{what} (HTTP {response.status})")

    def detail_missing(self, source: Source, reason: str) -> None:
        self.crawler.stats.inc_value("jobpulse/workday/detail_missing")
        self.board_outcome(source, FAILED, f"incomplete listing: {reason}")

    def on_detail_error(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        if request is not None and isinstance(request.meta.get("source"), Source):
            self.detail_missing(request.meta["source"], f"{request.url}: {failure_reason(failure)}")
