"""Breezy HR portal pages: the ``/json`` array of positions, and a position's job page (``/p/…``).

The array's positions carry ``id`` (a hex string, the posting's key), ``friendly_id`` (the id and a slug of
the title, ``{id}-{slug}``), ``name``, ``url`` (absolute, on the portal: ``/p/{friendly_id}``),
``published_date`` (ISO 8601), ``type`` (``{"id": "fullTime", "name": "Full-Time"}``), ``location``
(``city``, ``state`` and ``country`` objects with ``id`` and ``name``, ``name`` for the whole place, which
is all a "Worldwide" remote position has, ``is_remote``, ``remote_details``), ``locations`` (a list of the
same), ``department`` (text or null), ``salary`` (free text such as "$115,000 – $145,000 / year", or empty)
and ``company`` (``name``, ``friendly_id``). A position that carries a ``description`` is read from the
array; the others are read from their job pages, whose schema.org ``JobPosting`` JSON-LD (description,
``datePosted``, ``employmentType``, ``jobLocation``, ``baseSalary``) goes through the JSON-LD reader and is
keyed by the id its path names (``/p/{id}`` or ``/p/{friendly_id}``).

Sources (public code, read via search; our own code): colophon-group/jobseek
``apps/crawler/src/core/monitors/breezy.py`` ("List: GET https://{portal}/json, Detail: GET
https://{portal}/p/{friendly_id}"; list fields including the salary text; descriptions from the detail
page's JSON-LD, else its description block); career-ops-hq/career-ops PR #1185 (the ``url`` is absolute on
the tenant's portal); kalil0321/ats-scrapers ``src/jobhive/scrapers/breezy.py`` and ``tests/test_breezy.py``
(an unknown company's ``/json`` is a 302 to Breezy's own site, an empty one ``[]``); a reader's test built on
trimmed live positions of two portals (``url`` ``/p/{id}-{slug}``, ``state`` and ``country`` objects,
``remote_details``, a "Worldwide" place with a name only, ``department`` null, ``salary`` ""); another
open-source reader's fixture of a live position (``id`` "c80c266fc34a01", ``friendly_id``
"c80c266fc34a01-android-developer", ``type`` an object); strelov1/freehire PR #2537 (Breezy among the
adapters whose postings come from their detail pages); ``api-shapes.md``.
"""

from __future__ import annotations

import re
from typing import Any

from extract.html_text import html_to_text
from extract.model import RawPosting
from extract.vendors.common import (
    PayloadError,
    as_dict,
    has_id,
    join_parts,
    load_json,
    pay_from_text_field,
    posting_id,
    text,
    text_or_none,
)
from extract.vendors.jsonld import read as read_jsonld

# /p/{id} or /p/{id}-{slug}: the id is hex, so the first "-" ends it.
_JOB_PAGE = re.compile(r"/p/([^/?#-]+)")


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    if body.lstrip().startswith(("[", "{")):
        return _read_list(body, url, board, fetched_at)
    match = _JOB_PAGE.search(url)
    if match is None:
        raise PayloadError(f"{url}: neither a Breezy position list (/json) nor a job page (/p/…)")
    postings = read_jsonld(body, url=url, board=board, fetched_at=fetched_at)
    if len(postings) != 1:
        raise PayloadError(f"{url}: a Breezy job page with {len(postings)} JobPostings, not one")
    posting = postings[0]
    posting.source, posting.source_id = "breezy", match[1]
    return [posting]


def _read_list(body: str, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    data = load_json(body, url)
    if not isinstance(data, list):
        raise PayloadError(f"{url}: Breezy payload is not an array of positions")
    # Positions without a description are read from their own job pages (stored beside this array).
    return [
        _posting(position, board, fetched_at)
        for position in data
        if isinstance(position, dict) and has_id(position.get("id")) and _has_text(position)
    ]


def _has_text(position: dict[str, Any]) -> bool:
    return isinstance(position.get("description"), str) and bool(position["description"].strip())


def _place(value: Any) -> str | None:
    place = as_dict(value)
    parts = [
        place.get("city"),
        as_dict(place.get("state")).get("name"),
        as_dict(place.get("country")).get("name"),
    ]
    return join_parts(parts) or text_or_none(place.get("name"))


def _places(position: dict[str, Any]) -> list[Any]:
    places = position.get("locations")
    return [*(places if isinstance(places, list) else []), position.get("location")]


def _location(position: dict[str, Any]) -> str | None:
    names = [_place(p) for p in _places(position)]
    return " / ".join(dict.fromkeys(n for n in names if n)) or None


def _remote(position: dict[str, Any]) -> str | None:
    return "remote" if any(as_dict(p).get("is_remote") is True for p in _places(position)) else None


def _posting(position: dict[str, Any], board: str | None, fetched_at: str) -> RawPosting:
    kind = position.get("type")
    return RawPosting(
        source="breezy",
        source_id=posting_id(position["id"]),
        board=board,
        company=text_or_none(as_dict(position.get("company")).get("name")),
        title=text(position.get("name")),
        description=html_to_text(text(position.get("description"))),
        fetched_at=fetched_at,
        url=text_or_none(position.get("url")),
        location=_location(position),
        remote_hint=_remote(position),
        department=text_or_none(position.get("department")),
        employment_type=text_or_none(as_dict(kind).get("name")) or text_or_none(kind),
        posted=text_or_none(position.get("published_date")),
        salary=pay_from_text_field(position.get("salary"), "breezy.salary"),
    )
