"""Oracle Recruiting Cloud (Oracle Fusion HCM Candidate Experience): paged requisitions, then one detail each.

A board is a sources row whose careers ``url`` gives the host and the career site number
(``https://acme.fa.us2.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX_1001``: the segment after
``sites``; an ``options`` entry ``site=CX_1001`` overrides it):

* list: ``GET https://{host}/hcmRestApi/resources/latest/recruitingCEJobRequisitions?onlyData=true&expand=
  requisitionList.secondaryLocations,flexFieldsFacet.values&finder=findReqs;siteNumber={site},limit=N,
  offset=M,sortBy=POSTING_DATES_DESC`` → ``{"items": [{"TotalJobsCount", "requisitionList": [{"Id",
  "Title", "PostedDate", "PrimaryLocation", …}], …}], …}``: paging is inside the ``finder``, and the
  search result is the one element of ``items``;
* detail: ``GET …/recruitingCEJobRequisitionDetails?expand=all&onlyData=true&finder=ById;Id="{Id}",
  siteNumber={site}`` → ``{"items": [{"Id", "Title", "ExternalDescriptionStr", …}]}``. Only details are
  stored: the list has no description.

A careers URL on the employer's own domain (``https://careers.example.com/hcmUI/CandidateExperience/en/
sites/CX``) does not serve the REST API (its gateway answers 405): the row then needs an ``options`` entry
``host=`` naming the tenant's ``*.oraclecloud.com`` host (pods vary: ``acme.fa.us2``, ``acme.fa.em2``,
``fa-acme-saasfaprod1.fa.ocs``), and the board fails saying so until it has one. Oracle now and then answers
302 with an empty ``Location`` (and bursts of 503 on shared pods): the request is sent again (``RETRY_TIMES``,
as for a 5xx) before the board fails; redirects are not followed (the API has none).

Paging follows ``TotalJobsCount`` by offset: only the first page states it (a page at any other offset says
0), so the first page's total is carried along; a page holds at most 200 whatever ``limit`` asks (and its
``Limit`` echoes the ask), so the next offset is the requisitions received so far. A site number that does not
exist is not an error: Oracle serves the tenant's default site and echoes the wrong number in
``SiteNumber``, so a mistyped site cannot be told from a real board (check a new row's site by hand). A 400
is a finder the API rejects; 404 an unknown host. Large tenants stop answering past a search window (10,000)
while ``TotalJobsCount`` states more: a page that comes back empty before the total fails the board as an
incomplete listing, so nothing closes on it. A detail that fails (after retries) or is not a requisition
fails the board the same way (only details are stored, so a missing one would look closed); a detail with
no item, or a 404, is a requisition withdrawn since the list: not stored, not a failure.

Sources: the URL shapes, ``TotalJobsCount``/``requisitionList``, the offset inside the finder and the
10,000 window are from colophon-group/jobseek's ``monitors/oracle_hcm.py`` and ``scrapers/oracle_hcm.py``
(public code, with its threads on shared-backend 503s), and other open-source Oracle HCM scrapers found
via search (the ``ById;Id="…",siteNumber=…`` detail finder). Real-answer audit: jobseek's
``apps/crawler/src/core/monitors/oracle_hcm.py`` and ``apps/crawler/tests/test_oracle_hcm.py`` (transient
302 with an empty ``Location``, #5715; 503 bursts on shared pods, #2217; vanity domains answering 405 from
the API gateway, with their canonical tenants, #2920; a short page is not the end, #6379 — paging here
already moves by the requisitions received and stops only at ``TotalJobsCount`` or an empty page); and
mit112/boardwatch ``tests/fixtures/oraclehcm/README.md`` (live-verified on three tenants: ``TotalJobsCount``
is 0 past the first page, 200 rows at most a page with a lying ``Limit`` echo, an unknown site number serves
the default board, the detail has no 404 — ``items: []`` — and ``expand`` is needed for ``requisitionList``).
Read for facts; this code is our own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.boards import EMPTY, FAILED, OK, BoardSpider, SourceParamError, failure_reason, int_or_zero
from crawler.sources import Source

LIST_EXPAND = "requisitionList.secondaryLocations,flexFieldsFacet.values"
# Oracle now and then answers 302 with no usable Location (an empty one): the request is sent again.
REDIRECTS = (302, 303)
# A careers site on the employer's own (vanity) domain does not serve the REST API: its gateway says 405.
NOT_THE_API = 405


def site_number(source: Source) -> str:
    """The career site number: an ``options`` site, else the URL segment after ``sites``, else its last one."""
    options = dict(source.options)
    if options.get("site"):
        return options["site"]
    segments = [s for s in urlsplit(source.url).path.split("/") if s]
    if "sites" in segments[:-1]:
        return segments[segments.index("sites") + 1]
    site = source.params().get("site")
    if not site:
        raise SourceParamError(
            "oracle needs the career site number: give the sources row its careers url (…/sites/CX_1) "
            "or an options entry site=…"
        )
    return site


class OracleSpider(BoardSpider):
    name = "oracle"
    # 400 is the REST API's answer to a finder it cannot run; 405 is a host that is not the API; redirects
    # are seen (not followed) so a transient one is asked again. (A site number that does not exist is no
    # error: Oracle serves the tenant's default site, and echoes the wrong number back.)
    handle_httpstatus_list: ClassVar[list[int]] = [*REDIRECTS, 400, 404, NOT_THE_API]

    def list_request(self, source: Source, offset: int, total: int = 0) -> scrapy.Request:
        limit = self.settings.getint("ORACLE_PAGE_SIZE")
        finder = f"findReqs;siteNumber={site_number(source)},limit={limit},offset={offset},sortBy=POSTING_DATES_DESC"
        url = (
            f"{self.api_root(source)}/recruitingCEJobRequisitions?onlyData=true&expand={LIST_EXPAND}"
            f"&finder={finder}"
        )
        return self.request(url, source, self.parse_list, offset=offset, total=total)

    def detail_request(self, source: Source, requisition: str) -> scrapy.Request:
        finder = f'ById;Id="{requisition}",siteNumber={site_number(source)}'
        url = f"{self.api_root(source)}/recruitingCEJobRequisitionDetails?expand=all&onlyData=true&finder={finder}"
        return self.request(url, source, self.parse_detail, errback=self.on_detail_error)

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        yield self.list_request(source, 0)

    def parse_list(self, response: Response, source: Source, offset: int, total: int = 0) -> Iterator[Any]:
        if response.status in REDIRECTS:
            yield from self.retry_or_fail(response, source, "the list answered a redirect")
            return
        search = self.search_result(response, source)
        if search is None:
            return
        if offset == 0:
            # Only the first page states the total (later pages say 0): it is carried along.
            total = int_or_zero(search.get("TotalJobsCount"))
            if not self.plausible_total(response, source, total):
                return
        requisitions = search.get("requisitionList") or []
        for requisition in requisitions:
            ident = requisition.get("Id") if isinstance(requisition, dict) else None
            if ident is not None and str(ident).strip():
                yield self.detail_request(source, str(ident).strip())
        next_offset = offset + len(requisitions)
        if requisitions and next_offset < total:
            yield self.list_request(source, next_offset, total)
        else:
            self.list_end(source, next_offset, total)

    def list_end(self, source: Source, listed: int, total: int) -> None:
        """The board's outcome once the list has no next page: ``listed`` of the first page's ``total``."""
        if listed < total:
            self.board_outcome(
                source, FAILED, f"incomplete listing: the list stopped at {listed} of {total} requisitions"
            )
        elif listed:
            self.board_outcome(source, OK, f"{listed} requisitions listed")
        else:
            self.board_outcome(source, EMPTY, "0 requisitions")

    def search_result(self, response: Response, source: Source) -> dict[str, Any] | None:
        """The list answer's one search result, or None with the board failed."""
        if response.status in (400, 404):
            what = "the API rejected the finder" if response.status == 400 else "unknown host or site"
            self.board_outcome(source, FAILED, f"{what} ({response.status}) at {response.url}")
            return None
        if response.status == NOT_THE_API:
            self.board_outcome(
                source,
                FAILED,
                f"not the Oracle REST API ({response.status}) at {response.url}: a careers site on the "
                "employer's own domain; give the row an options entry host=… (its *.oraclecloud.com host)",
            )
            return None
        data = self.load_json(response, source)
        if data is None:
            return None
        items = data.get("items") if isinstance(data, dict) else None
        search = items[0] if isinstance(items, list) and items else None
        if not isinstance(search, dict) or not isinstance(search.get("requisitionList", []), list):
            self.board_outcome(source, FAILED, f"unexpected payload at {response.url}")
            return None
        return search

    def parse_detail(self, response: Response, source: Source) -> Iterator[Any]:
        if response.status in REDIRECTS:
            retry = self.again(response, "the detail answered a redirect")
            if retry is not None:
                yield retry
                return
        try:
            detail = json.loads(self.text(response)) if response.status == 200 else None
        except ValueError:
            detail = None
        items = detail.get("items") if isinstance(detail, dict) else None
        if response.status == 404 or items == []:
            # Withdrawn since the list: no longer listed, so nothing is missing.
            self.crawler.stats.inc_value("jobpulse/oracle/detail_gone")
            return
        if not isinstance(items, list) or not isinstance(items[0], dict) or not items[0].get("Title"):
            self.detail_missing(
                source, f"requisition detail unusable (HTTP {response.status}) at {response.url}"
            )
            return
        yield self.page(response, source)

    def again(self, response: Response, what: str) -> scrapy.Request | None:
        """The request of a transient answer, to send again (``RETRY_TIMES`` at most; None after that)."""
        assert response.request is not None
        return get_retry_request(response.request, spider=self, reason=f"{what} (HTTP {response.status})")

    def retry_or_fail(self, response: Response, source: Source, what: str) -> Iterator[scrapy.Request]:
        """The request again; once retries are spent, the board failed saying ``what`` and its Location."""
        retry = self.again(response, what)
        if retry is not None:
            yield retry
            return
        location = (response.headers.get(b"Location") or b"").decode("latin-1")
        self.board_outcome(
            source, FAILED, f"{what} (HTTP {response.status}, Location {location!r}) at {response.url}"
        )

    def detail_missing(self, source: Source, reason: str) -> None:
        self.crawler.stats.inc_value("jobpulse/oracle/detail_missing")
        self.board_outcome(source, FAILED, f"incomplete listing: {reason}")

    def on_detail_error(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        if request is not None and isinstance(request.meta.get("source"), Source):
            self.detail_missing(request.meta["source"], f"{request.url}: {failure_reason(failure)}")
