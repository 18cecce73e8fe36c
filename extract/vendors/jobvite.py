"""Jobvite company job feed (``/CompanyJobs/Xml.aspx?c={company id}``): ``<result>`` of ``<job>``s.

Each ``<job>`` has ``<id>`` (Jobvite's job id, the posting's key), ``<title>``, ``<requisitionid>``,
``<category>`` (the department), ``<jobtype>`` ("Full-Time"), ``<location>`` ("Mountain View, CA"),
``<date>`` (US ``M/D/YYYY``, read as ISO 8601), ``<detail-url>``, ``<apply-url>`` (both often in CDATA, often
``http:``; kept as given), ``<description>`` (HTML, often in CDATA, sometimes text and CDATA mixed) and
``<briefdescription>``. Titles carry numeric character references (``&#8217;``, ``&#x2013;``), which XML
itself resolves. No pay field: pay, when stated, is read from the description by the extractor. The company
id is the ``companyEId`` of the career site's page, not its vanity slug; the feed is served from
``app.jobvite.com``; a company with no open job is a redirect to ``NoJobs.htm``, not an empty ``<result/>``
(the spider, ``crawler/spiders/jobvite.py``, reads that as an empty board).

Chosen over the ``jobs.jobvite.com/{company}/jobs`` HTML pages because its shape is public and stable:
Mozilla's django-jobvite (``django_jobvite/management/commands/syncjobvite.py`` maps these element names;
its ``tests/test_syncing.py`` holds sample documents, an empty ``<result></result>`` among them; the README
gives the URL form); vliggio/career-ops ``providers/jobvite.mjs`` (a fork of career-ops, re-verified live
2026-08-11: the feed on ``app.jobvite.com`` keyed by ``companyEId``, URLs in CDATA and ``http:``, numeric
character references in titles, ``302 Location: NoJobs.htm`` for a company with no open job, ``429
Retry-After: 30`` from the second request on, 1.9 MB for 236 jobs). The HTML listing needs its
category-search pages walked and its job pages parsed (colophon-group/jobseek
``apps/crawler/src/core/monitors/jobvite.py``). Read via search; our own code.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.etree

from extract.html_text import html_to_text
from extract.model import RawPosting
from extract.vendors.common import PayloadError, text_or_none

# Feed text is data from the web: no entity expansion (billion laughs), no DTD or network fetches.
_SAFE_XML = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    try:
        root = lxml.etree.fromstring(body.encode("utf-8"), parser=_SAFE_XML)
    except lxml.etree.XMLSyntaxError as error:
        raise PayloadError(f"malformed XML from {url}: {error}") from None
    if root.tag != "result":
        raise PayloadError(f"{url}: not a Jobvite feed (root <{root.tag}>)")
    return [_posting(job, board, fetched_at) for job in root.iterfind("job") if _text(job, "id")]


def _text(element: Any, path: str) -> str | None:
    return text_or_none(element.findtext(path))


def iso_date(value: str | None) -> str | None:
    """Jobvite's US date "2/21/2011" as "2011-02-21"; other text as given."""
    match = _US_DATE.match(value or "")
    if not match:
        return value
    month, day, year = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else value


def _posting(job: Any, board: str | None, fetched_at: str) -> RawPosting:
    # findtext joins text and CDATA: a description may be both ("I am a job<![CDATA[<br>…]]>").
    description = html_to_text(job.findtext("description") or "") or html_to_text(
        job.findtext("briefdescription") or ""
    )
    return RawPosting(
        source="jobvite",
        source_id=_text(job, "id") or "",
        board=board,
        title=_text(job, "title") or "",
        description=description,
        fetched_at=fetched_at,
        url=_text(job, "detail-url") or _text(job, "apply-url"),
        location=_text(job, "location"),
        department=_text(job, "category"),
        employment_type=_text(job, "jobtype"),
        posted=iso_date(_text(job, "date")),
    )
