"""BambooHR careers site position detail (``/careers/{id}/detail``): one position, ``result.jobOpening``.

Only detail pages are stored (``crawler.spiders.bamboohr``): the list (``/careers/list``, ``{"result":
[{id, jobOpeningName, departmentLabel, employmentStatusLabel, location, atsLocation, isRemote,
locationType}]}``) has no description and no date. The detail's ``jobOpening`` carries ``jobOpeningName``,
``jobOpeningStatus``, ``departmentLabel``, ``employmentStatusLabel``, ``location`` (``city``, ``state``,
``postalCode``, ``addressCountry``) and ``atsLocation`` (``city``, ``state``/``province``, ``country``),
``locationType`` (``"0"`` on site, ``"1"`` remote, ``"2"`` hybrid; ``isRemote`` is mostly null, so
``locationType`` decides), ``description`` (HTML), ``datePosted`` (``YYYY-MM-DD``), ``minimumExperience``,
``compensation`` (free text the employer typed, e.g. "$22 - $26 per hour", or null) and
``jobOpeningShareUrl``. The id is taken from the URL when ``jobOpening`` does not repeat it.

Sources (public code and threads, read via search; our own code): colophon-group/jobseek
``apps/crawler/src/core/monitors/bamboohr.py`` and ``apps/crawler/tests/test_bamboohr.py`` (list shape,
``meta.totalCount``, ``locationType`` codes, ids as strings and as numbers, ``atsLocation`` with ``province``
instead of ``state``, a detail without ``id``) and its PR #7887 (``/careers/{id}/detail`` enrichment:
descriptions, dates, hybrid work types); issue #326 of nicholasbraun/job-crawler-poc (live probe: both
endpoints answer ``200 application/json``, no key); career-ops-hq/career-ops issue #1143 (list fields; the
public URL ``/careers/{id}`` = ``jobOpeningShareUrl``); strelov1/freehire ``internal/sources/bamboohr.go``
(``isRemote`` null on every listed posting) and PR #2537 (an unknown company is a redirect, not a 404);
kalil0321/ats-scrapers PR #153 (of 6,288 tenants, expired accounts, login/SSO redirects and 403s);
``api-shapes.md``.
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

_LOCATION_TYPES = {"0": "onsite", "1": "remote", "2": "hybrid"}
_DETAIL_URL = re.compile(r"/careers/(\d+)/detail/?(?:\?.*)?$")


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    data = load_json(body, url)
    opening = as_dict(data.get("result")).get("jobOpening") if isinstance(data, dict) else None
    if not isinstance(opening, dict):
        raise PayloadError(f"{url}: not a BambooHR position detail (result.jobOpening)")
    opening_id = opening.get("id") if has_id(opening.get("id")) else _id_in(url)
    if opening_id is None:
        raise PayloadError(f"{url}: BambooHR position detail without an id")
    return [_posting(opening, posting_id(opening_id), board, fetched_at)]


def _id_in(url: str) -> str | None:
    match = _DETAIL_URL.search(url)
    return match[1] if match else None


def _location(opening: dict[str, Any]) -> str | None:
    place, ats = as_dict(opening.get("location")), as_dict(opening.get("atsLocation"))
    return join_parts(
        [
            place.get("city") or ats.get("city"),
            place.get("state") or ats.get("state") or ats.get("province"),
            place.get("addressCountry") or ats.get("country"),
        ]
    )


def _remote(opening: dict[str, Any]) -> str | None:
    kind = text_or_none(opening.get("locationType"))
    if kind in _LOCATION_TYPES:
        return _LOCATION_TYPES[kind]
    return "remote" if opening.get("isRemote") is True else None


def _posting(opening: dict[str, Any], opening_id: str, board: str | None, fetched_at: str) -> RawPosting:
    return RawPosting(
        source="bamboohr",
        source_id=opening_id,
        board=board,
        title=text(opening.get("jobOpeningName")),
        description=html_to_text(text(opening.get("description"))),
        fetched_at=fetched_at,
        url=text_or_none(opening.get("jobOpeningShareUrl")),
        location=_location(opening),
        remote_hint=_remote(opening),
        department=text_or_none(opening.get("departmentLabel")),
        employment_type=text_or_none(opening.get("employmentStatusLabel")),
        posted=text_or_none(opening.get("datePosted")),
        salary=pay_from_text_field(opening.get("compensation"), "bamboohr.compensation"),
        seniority_hint=text_or_none(opening.get("minimumExperience")),
    )
