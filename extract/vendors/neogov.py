"""NEOGOV agency job feeds (governmentjobs.com ``/SearchEngine/JobsFeed?agency=…``): RSS with ``joblisting:``.

Each ``<item>`` is a job: ``title``, ``link``, an entity-escaped HTML ``description`` and NEOGOV's fields
in the ``http://www.neogov.com/namespaces/JobListing`` namespace (a schooljobs.com feed binds the same
``joblisting:`` prefix to ``https://www.schooljobs.com``: the fields are read by local name) — ``jobId``
(the posting's id on governmentjobs.com), ``minimumSalary``/``maximumSalary`` with ``salaryCurrency`` and
``salaryInterval`` (``Hour``, ``Year``, ``Month``, ``Biweekly``…: the employer's own pay, read as a
structured salary with its period; an agency that hides pay writes ``Not Displayed`` or ``See Position
Description``, which is no pay: the pay text of the description is read instead), ``advertiseFromDate``/
``…UTC`` (when the job opened; ``pubDate`` moves on every edit), ``advertiseToDateTime`` (the closing date,
or ``Continuous``), ``jobType``, ``location``, ``state``, ``department``. Current feeds split the posting:
``description`` is often a short summary (a pay line), the duties are in ``examplesofduties``, then
``qualifications`` and ``supplementalinformation`` (HTML, entity-escaped or CDATA): the description is all
four, in that order. The UTC dates of current feeds end in a non-standard ``:0`` after the seconds ("Tue,
14 Jul 2026 08:00:00:0"), which ``extract.dates`` cannot read: it is dropped, the date is otherwise as given.
The channel title names the agency and its state ("State of Michigan, MI"; "Tacoma Public Schools (WA), WA"
on schooljobs.com): the agency is the employer. The closing date has no field in ``RawPosting``: it stays in
the stored page. Sources: GSA/jobs_api ``lib/importers/neogov_data.rb`` and its
``spec/resources/neogov/*.rss`` test feeds ("Not Displayed", "Continuous", the date formats);
omoji-personal/careerkit ``engine/adapters.py`` (the ``:0`` suffix; the UTF-8 BOM the feed starts with,
which ``crawler.bodies`` drops and lxml reads) and ``tests/fixtures/neogov.xml``; jorgeasaurus/EndpointJobs
``scripts/job-refresh/providers/schooljobs.ts`` and ``scripts/audits/schooljobs-provider.test.ts`` (``:0``,
the split sections, the "(WA), WA" title, the schooljobs.com namespace); public fetchers of the
``SearchEngine/JobsFeed`` address that read ``examplesofduties`` and take the pay from the description text
when the fields say "See Position Description" (read via the search tool).
"""

from __future__ import annotations

import re

import lxml.etree

from extract.html_text import html_to_text
from extract.model import RawPosting, Salary
from extract.salary import salary_from_fields
from extract.vendors.common import PayloadError, join_parts, text_or_none

SOURCE = "neogov"
# The channel title is the agency and its state's postal code: "State of Michigan, MI"; a school district
# on schooljobs.com repeats the code in brackets: "Tacoma Public Schools (WA), WA".
_STATE_SUFFIX = re.compile(r"(?:\s*\([A-Z]{2}\))?,\s*[A-Z]{2}$")
# NEOGOV's UTC dates end in ":0" after the seconds ("Tue, 14 Jul 2026 08:00:00:0").
_TRAILING_FRACTION = re.compile(r"(?<=\d{2}:\d{2}:\d{2}):\d+$")
# The parts of a posting after its description, with the heading NEOGOV's job page gives each.
_SECTIONS = (
    ("{*}examplesofduties", "Examples of Duties"),
    ("{*}qualifications", "Qualifications"),
    ("{*}supplementalinformation", "Supplemental Information"),
)
# Feed text is data from the web: no entity expansion (billion laughs), no DTD or network fetches.
_SAFE_XML = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    try:
        root = lxml.etree.fromstring(body.encode("utf-8"), parser=_SAFE_XML)
    except lxml.etree.XMLSyntaxError as error:
        raise PayloadError(f"malformed XML from {url}: {error}") from None
    channel = root.find("channel") if root is not None and root.tag == "rss" else None
    if channel is None:
        raise PayloadError(f"{url}: not a NEOGOV feed (no <rss><channel>)")
    title = _text(channel, "title")
    agency = _STATE_SUFFIX.sub("", title) if title else None
    postings = []
    for item in channel.iterfind("item"):
        ident = _text(item, "{*}jobId") or _text(item, "guid") or _text(item, "link")
        if ident:
            postings.append(_posting(item, ident, agency, board, fetched_at))
    return postings


def _text(element: lxml.etree._Element, path: str) -> str | None:
    # "{*}jobId": NEOGOV's fields by local name, in whatever namespace the feed binds ``joblisting:`` to.
    return text_or_none(element.findtext(path))


def _description(item: lxml.etree._Element) -> str:
    parts = [html_to_text(_text(item, "description") or "")]
    for path, heading in _SECTIONS:
        body = html_to_text(_text(item, path) or "")
        if body:
            parts.append(f"{heading}\n{body}")
    return "\n\n".join(part for part in parts if part)


def _posted(item: lxml.etree._Element) -> str | None:
    # When the job opened; pubDate (pubdate on older feeds) is the last edit.
    for path in ("{*}advertiseFromDateUTC", "{*}advertiseFromDate", "pubDate", "pubdate"):
        value = _text(item, path)
        if value:
            return _TRAILING_FRACTION.sub("", value)
    return None


def _posting(
    item: lxml.etree._Element, ident: str, agency: str | None, board: str | None, fetched_at: str
) -> RawPosting:
    return RawPosting(
        source=SOURCE,
        source_id=ident,
        board=board,
        company=agency,
        title=html_to_text(_text(item, "title") or ""),
        description=_description(item),
        fetched_at=fetched_at,
        url=_text(item, "link"),
        location=join_parts([_text(item, "{*}location"), _text(item, "{*}state")]),
        department=_text(item, "{*}department"),
        employment_type=_text(item, "{*}jobType"),
        posted=_posted(item),
        salary=_pay(item),
    )


def _pay(item: lxml.etree._Element) -> Salary | None:
    return salary_from_fields(
        _text(item, "{*}minimumSalary"), _text(item, "{*}maximumSalary"), _text(item, "{*}salaryCurrency"),
        _text(item, "{*}salaryInterval"), source="neogov.salary",
    )  # fmt: skip
