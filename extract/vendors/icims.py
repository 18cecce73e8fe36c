"""iCIMS career portal job pages (``…/jobs/{id}/{slug}/job?in_iframe=1``): schema.org ``JobPosting`` JSON-LD.

A page is read the way any career page is (``extract.vendors.jsonld``), then what iCIMS does differently is
handled here:

* the posting's key is the portal and the job's numeric id (``https://careers-{company}.icims.com/jobs/{id}``,
  ``https://{vanity site}/careers-home/jobs/{id}``): ids are per portal, and the title slug after the id
  changes when the title is edited;
* the stored page is the ``in_iframe=1`` variant the crawler fetches (the plain URL is a wrapper around an
  iframe): the posting's URL is the plain page, the one a person opens;
* address parts the employer left empty read ``UNAVAILABLE``: the JSON-LD reader drops such placeholders
  from any career page's location;
* some portals JSON-escape the ``description`` twice: decoded once it still reads ``<\\/p>\\n<p>``
  (a closing tag no HTML writes, and ``\\n`` for a line break); the JSON-LD reader unescapes such a
  description once more (``extract.jsonld.json_unescaped``), for any career page.

Sources: strelov1/freehire ``internal/sources/icims.go`` (``/jobs/{id}`` ids, the ``?in_iframe=1`` page and
its JSON-LD, the ``UNAVAILABLE`` placeholder in ``addressLocality``/``Region``/``Country``, the description
entity-escaped); a public test of an iCIMS resolver over a frame copied verbatim from a GDMS portal job
(``careers-gdms.icims.com/jobs/75243/job?in_iframe=1``: the twice-escaped description, ``UNAVAILABLE`` in a
second place's locality and a post-office box, ``employmentType`` ``OTHER``); ``../shared/api-shapes.md``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from extract.model import RawPosting
from extract.vendors import jsonld

SOURCE = "icims"
_JOB_PATH = re.compile(r"^(?P<job>.*?/jobs/\d+)(?:/|$)")


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


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    """The posting on a job page; a page without one (a job taken down) yields nothing."""
    postings = jsonld.read(body, url=url, board=board, fetched_at=fetched_at)
    key = job_key(url)
    for posting in postings:
        # Several postings on one page keep the "#…" the JSON-LD reader gave each.
        posting.source, posting.source_id = SOURCE, key + posting.source_id.removeprefix(url)
        if posting.url in (None, url):
            posting.url = page_url(url)
    return postings
