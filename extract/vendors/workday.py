"""Workday career-site posting detail (``GET …/wday/cxs/{tenant}/{site}{externalPath}``).

Only details are stored (``crawler.spiders.workday``): the list's ``postedOn`` is relative text ("Posted
30+ Days Ago"), the detail's ``startDate`` is the date. The detail is::

    {"jobPostingInfo": {"id", "title", "jobDescription" (HTML), "location", "additionalLocations",
                        "postedOn", "startDate", "timeType", "remoteType", "jobReqId", "jobPostingId",
                        "jobPostingSiteId", "country": {"descriptor"}, "externalUrl", …},
     "hiringOrganization": {"name", …}, …}

There is no pay field: an employer that states pay does so in ``jobDescription``, read from the text.
``id`` (a Workday object id) keys the posting; without one, the detail's own URL does. ``remoteType``
("Remote", "Fully Remote", "Hybrid", "Partially Remote", "On-site") is on some tenants only; "Flexible"
says nothing sure and gives no hint. Some tenants name a location with its parts separated by two spaces
("Sg  Singapore", "New York  New York  United States"): read as comma-separated.

Sources: an open-source Workday CXS API reference checked live against nine tenants (the detail fields
above, ``startDate`` only in the detail), open-source scrapers' readers of the same payload found via
search (``hiringOrganization.name``, ``additionalLocations``, ``remoteType``), and the public thread
colophon-group/jobseek#2184 (detail per posting); mit112/boardwatch ``tests/fixtures/workday/README.md``
(live-verified on two tenants: ``remoteType`` "Partially Remote" and "Fully Remote", absent on others,
``jobReqId`` beside ``jobPostingId``); the two-space location separator from jobseek's
``apps/crawler/tests/test_workday.py`` (Citi's "Sg  Singapore") and ``src/core/scrapers/workday.py``. Read
for facts; this code is our own.
"""

from __future__ import annotations

import re
from typing import Any

from extract.html_text import html_to_text
from extract.model import RawPosting
from extract.vendors.common import PayloadError, as_dict, has_id, load_json, posting_id, text, text_or_none

# Two or more spaces between a location's parts: the separator of some tenants' location names.
_PART_GAP = re.compile(r",?\s{2,}")
# remoteType as tenants spell it → the remote hint; anything else says nothing.
_REMOTE = {"remote": "remote", "fully remote": "remote", "hybrid": "hybrid", "partially remote": "hybrid",
           "on-site": "onsite", "onsite": "onsite", "on site": "onsite"}  # fmt: skip


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    data = load_json(body, url)
    info = as_dict(data).get("jobPostingInfo")
    if not isinstance(info, dict) or not text(info.get("title")):
        raise PayloadError(f"{url}: not a Workday posting detail (jobPostingInfo with a title)")
    return [_posting(info, as_dict(data.get("hiringOrganization")), url, board, fetched_at)]


def _location(info: dict[str, Any]) -> str | None:
    """The posting's location and every additional one ("Boston, MA; Remote - US"); parts a tenant separates
    by two spaces ("Sg  Singapore") are separated by a comma."""
    extra = info.get("additionalLocations")
    places = [info.get("location"), *(extra if isinstance(extra, list) else [extra])]
    names = [_PART_GAP.sub(", ", n) for p in places if (n := text_or_none(p))]
    return "; ".join(dict.fromkeys(names)) or None


def _posting(
    info: dict[str, Any], organization: dict[str, Any], url: str, board: str | None, fetched_at: str
) -> RawPosting:
    return RawPosting(
        source="workday",
        source_id=posting_id(info["id"]) if has_id(info.get("id")) else url,
        board=board,
        company=text_or_none(organization.get("name")),
        title=text(info.get("title")),
        description=html_to_text(text(info.get("jobDescription"))),
        fetched_at=fetched_at,
        url=text_or_none(info.get("externalUrl")),
        location=_location(info),
        remote_hint=_REMOTE.get(text(info.get("remoteType")).lower()),
        employment_type=text_or_none(info.get("timeType")),
        posted=text_or_none(info.get("startDate")),
    )
