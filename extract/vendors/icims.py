"""iCIMS career portal job pages (``…/jobs/{id}/{slug}/job?in_iframe=1``): schema.org ``JobPosting`` JSON-LD.

A page is read the way any career page is (``extract.vendors.jsonld``), then what iCIMS does differently is
handled here:

* the posting's key is the portal and the job's numeric id (``https://careers-{company}.icims.com/jobs/{id}``,
  ``https://{vanity site}/careers-home/jobs/{id}``): ids are per portal, and the title slug after the id
  changes when the title is edited;
* the stored page is the ``in_iframe=1`` variant the crawler fetches (the plain URL is a wrapper around an
  iframe): the posting's URL is the plain page, the one a person opens;
* address parts the employer left empty read ``UNAVAILABLE`` and are dropped from the location;
* some portals JSON-escape the ``description`` twice: decoded once it still reads ``<\\/p>\\n<p>``
  (a closing tag no HTML writes, and ``\\n`` for a line break); such a description is unescaped once more
  before it is read as HTML.

Sources: strelov1/freehire ``internal/sources/icims.go`` (``/jobs/{id}`` ids, the ``?in_iframe=1`` page and
its JSON-LD, the ``UNAVAILABLE`` placeholder in ``addressLocality``/``Region``/``Country``, the description
entity-escaped); a public test of an iCIMS resolver over a frame copied verbatim from a GDMS portal job
(``careers-gdms.icims.com/jobs/75243/job?in_iframe=1``: the twice-escaped description, ``UNAVAILABLE`` in a
second place's locality and a post-office box, ``employmentType`` ``OTHER``); ``../shared/api-shapes.md``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from extract.html_text import html_to_text
from extract.jsonld import job_postings
from extract.model import RawPosting
from extract.vendors import jsonld
from extract.vendors.common import text

SOURCE = "icims"
_JOB_PATH = re.compile(r"^(?P<job>.*?/jobs/\d+)(?:/|$)")
_PLACEHOLDER = "UNAVAILABLE"
# What a JSON string escape leaves when it was applied once too often: <\/p>, \n, \", \u00e9.
_JSON_ESCAPE = re.compile(r'\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))')
_JSON_CHARS = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
# A closing tag written "<\/p>": the tell that a description was JSON-escaped twice (HTML never writes it).
_ESCAPED_CLOSE = "<\\/"


def job_key(url: str) -> str:
    """``https://{portal}/jobs/{id}``: the job's id on its portal; the plain page URL otherwise."""
    parts = urlsplit(url)
    match = _JOB_PATH.match(parts.path)
    if match is None:
        return page_url(url)
    return f"{parts.scheme}://{parts.netloc}{match['job']}"


def page_url(url: str) -> str:
    """The job page a person opens: the stored URL without ``in_iframe``."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "in_iframe"]
    return parts._replace(query=urlencode(query), fragment="").geturl()


def without_placeholders(location: str | None) -> str | None:
    """A location without iCIMS's ``UNAVAILABLE`` address parts ("UNAVAILABLE, MA, US" → "MA, US")."""
    if location is None:
        return None
    places = [
        ", ".join(part for part in place.split(", ") if part.strip().upper() != _PLACEHOLDER)
        for place in location.split("; ")
    ]
    return "; ".join(place for place in places if place) or None


def json_unescaped(markup: str) -> str:
    """``markup`` with one more level of JSON string escapes undone, when it shows it was escaped twice."""
    if _ESCAPED_CLOSE not in markup:
        return markup

    def one(match: re.Match[str]) -> str:
        code, char = match.groups()
        return chr(int(code, 16)) if code else _JSON_CHARS.get(char, char)

    return _JSON_ESCAPE.sub(one, markup)


def _twice_escaped_description(body: str, url: str) -> str | None:
    """The page's one posting's description as text, unescaped once more; None when it was escaped once."""
    nodes = job_postings(body, url)
    raw = text(nodes[0].get("description")) if len(nodes) == 1 else ""
    return html_to_text(json_unescaped(raw)) if _ESCAPED_CLOSE in raw else None


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    """The posting on a job page; a page without one (a job taken down) yields nothing."""
    postings = jsonld.read(body, url=url, board=board, fetched_at=fetched_at)
    key = job_key(url)
    for posting in postings:
        # Several postings on one page keep the "#…" the JSON-LD reader gave each.
        posting.source, posting.source_id = SOURCE, key + posting.source_id.removeprefix(url)
        if posting.url in (None, url):
            posting.url = page_url(url)
        posting.location = without_placeholders(posting.location)
    if len(postings) == 1 and _ESCAPED_CLOSE in postings[0].description:
        # The text still shows "<\/p>": read the description again, unescaped once more.
        postings[0].description = _twice_escaped_description(body, url) or postings[0].description
    return postings
