"""SAP SuccessFactors career-site job pages (Career Site Builder): schema.org ``JobPosting`` microdata.

A page is read the way any career page is (``extract.vendors.jsonld``: JSON-LD, else microdata or RDFa), then
what this platform does differently is handled here:

* the posting's key is the site and the job's numeric id (``https://{host}/job/{id}``): the id ends the
  page path (``/job/{city-title-slug}/{id}/``, sometimes with a locale suffix ``{id}-en_GB``), and the slug
  changes when the title is edited, so the URL alone would split one job in two;
* the description is the inner HTML of the ``itemprop="description"`` element, read with its headings and
  bullets (a microdata reader flattens it to text); a page with several such elements (near-empty layout
  regions around the body) gives the one with the most text;
* the place is often not in the microdata's ``jobLocation``: the JSON-LD reader then reads address
  properties the posting states on their own (``<meta itemprop="addressLocality|addressRegion|addressCountry">``
  outside any Place) and a lone ``<meta itemprop="streetAddress" content="YAVNE, IL, 81515">`` (some sites put
  the whole place there), as on any page; else the page's ``<span class="jobGeoLocation">`` ("Zurich, CH, 8005");
* a page whose microdata has no ``title`` gives its ``og:title``;
* ``datePosted`` is a ``<meta>`` in Java's date format ("Sat Aug 08 02:00:00 UTC 2026"), kept as given; the
  employer is a ``<meta itemprop="hiringOrganization" content="…">`` text, not an Organization.

Sources: strelov1/freehire ``internal/sources/successfactors.go`` and its design note (microdata
``itemprop="title"``/``"description"``, the id pattern, location and date absent from one site's microdata);
public tests of SuccessFactors page readers (``meta itemprop="datePosted"`` in Java date format,
``meta itemprop="hiringOrganization"``, ``span.jobGeoLocation``, ``data-careersite-propertyid``), read via the
search tool; freehire's ``successfactors_test.go`` (several near-empty ``itemprop="description"`` regions, the
richest one the body; ``og:title`` when the microdata has no title) and its hub-site design note (a hub's
``/{tenant}/job/{slug}/{id}/`` pages; ``hiringOrganization`` stated several times, the first the employer's
parent, the others junk: the first is kept); public tests of two SF page readers (a Celestica job page's
address as loose ``addressLocality``/``addressRegion``/``addressCountry`` metas; an Ormat job page's place
only in ``meta itemprop="streetAddress"``).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from extract.html_text import html_to_text
from extract.model import RawPosting
from extract.vendors import jsonld

SOURCE = "successfactors"
# …/job/{slug}/{id}/ (or /{tenant}/job/…): the prefix before /job/ and the numeric id.
_JOB_PATH = re.compile(r"^(?P<prefix>.*?)/job/(?:[^/]+/)?(?P<id>\d+)(?:-[^/]*)?/?$")


def job_key(url: str) -> str:
    """``https://{host}{prefix}/job/{id}``: the job's id on its site; the URL without its query otherwise."""
    parts = urlsplit(url)
    match = _JOB_PATH.match(parts.path)
    if match is None:
        return parts._replace(query="", fragment="").geturl()
    return f"{parts.scheme}://{parts.netloc}{match['prefix']}/job/{match['id']}"


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    """The posting on a job page; a page without one (a job taken down) yields nothing."""
    postings = jsonld.read(body, url=url, board=board, fetched_at=fetched_at)
    key = job_key(url)
    for posting in postings:
        # Several postings on one page keep the "#…" the JSON-LD reader gave each.
        posting.source, posting.source_id = SOURCE, key + posting.source_id.removeprefix(url)
    if len(postings) == 1:
        tree = _tree(body)
        posting = postings[0]
        posting.title = posting.title or _meta_property(tree, "og:title")
        posting.description = _description(tree) or posting.description
        posting.location = posting.location or _place(tree)
    return postings


def _tree(body: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(body)
    except (lxml.etree.ParserError, ValueError):
        return None


def _description(tree: lxml.html.HtmlElement | None) -> str:
    """The inner HTML of the posting's ``itemprop="description"`` element (the one with the most text, when
    layout regions carry the property too), as text with its structure."""
    found = tree.xpath('//*[@itemprop="description"]') if tree is not None else []
    if not found:
        return ""
    element = max(found, key=lambda e: len(e.text_content().strip()))
    inner = (element.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in element)
    return html_to_text(inner)


def _place(tree: lxml.html.HtmlElement | None) -> str | None:
    """Where the job is, from the page, when the microdata's ``jobLocation`` gives no place."""
    if tree is None:
        return None
    return _geo_location(tree)


def _meta_property(tree: lxml.html.HtmlElement | None, name: str) -> str:
    found = tree.xpath("//meta[@property=$name]/@content", name=name) if tree is not None else []
    return " ".join(str(found[0]).split()) if found else ""


def _geo_location(tree: lxml.html.HtmlElement) -> str | None:
    texts = tree.xpath('//*[contains(concat(" ", normalize-space(@class), " "), " jobGeoLocation ")]')
    text = " ".join(texts[0].text_content().split()) if texts else ""
    return text or None
