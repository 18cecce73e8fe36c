"""Oracle Recruiting Cloud requisition detail (``recruitingCEJobRequisitionDetails``, ``finder=ById``).

Only details are stored (``crawler.spiders.oracle``). The detail is ``{"items": [{…}], "count": 1, …}``; its
one item has ``Id``, ``Title``, the text in several HTML fields (``ExternalDescriptionStr``,
``ExternalResponsibilitiesStr``, ``ExternalQualificationsStr``, ``CorporateDescriptionStr``,
``OrganizationDescriptionStr``; ``ShortDescriptionStr`` only when none of those has text),
``ExternalPostedStartDate`` (the date, as given: ``2026-09-01T10:30:00+00:00`` or ``2026-09-30``),
``PrimaryLocation`` and ``secondaryLocations`` (``[{"Name", "CountryCode"}]``), ``JobSchedule`` ("Full
time"), the workplace type, and ``Department``. No pay field: pay, when stated, is in the text; the
``Internal*Str`` fields are for internal candidates and are not read.

The workplace type is read from ``WorkplaceTypeCode`` (``ORA_REMOTE``, ``ORA_HYBRID``, ``ORA_ON_SITE``: the
same in every language) and from the label ``WorkplaceType`` ("Remote", "Hybrid", "On-site", shown in the
site's language) only when a tenant gives no code; an empty label says nothing. The department is
``Department`` (often null); else ``JobFunction``, unless it only repeats its code (``JobFunctionCode``
"ALLROLES" → ``JobFunction`` "ALLROLES"), which names no department; else ``Organization``.

A requisition ``Id`` is unique on its tenant only, so the posting is keyed by its public page
(``https://{host}/hcmUI/CandidateExperience/en/sites/{site}/job/{Id}``), built from the detail URL.

Sources: colophon-group/jobseek's ``scrapers/oracle_hcm.py`` and ``monitors/oracle_hcm.py`` (field names,
the public job URL), and other open-source Oracle HCM readers found via search (the description fields and
their order, ``WorkplaceType``, ``secondaryLocations[].Name``). Real-answer audit: mit112/boardwatch
``tests/fixtures/oraclehcm/README.md`` and ``detail_normal.json`` (the detail's field set live-verified on
three tenants: ``WorkplaceTypeCode`` beside a localized ``WorkplaceType``, label-only tenants and empty
labels, ``Department``, ``JobFunction`` equal to ``JobFunctionCode``, ``Internal*Str``, date-times with an
offset); colophon-group/jobseek ``apps/crawler/tests/test_oracle_hcm.py`` (a plain-date
``ExternalPostedStartDate``). Read for facts; this code is our own.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from extract.html_text import html_to_text
from extract.model import RawPosting
from extract.vendors.common import PayloadError, as_dict, load_json, posting_id, text, text_or_none

_TEXT = ("ExternalDescriptionStr", "ExternalResponsibilitiesStr", "ExternalQualificationsStr",
         "CorporateDescriptionStr", "OrganizationDescriptionStr")  # fmt: skip
_REMOTE = {
    "remote": "remote",
    "hybrid": "hybrid",
    "on-site": "onsite",
    "onsite": "onsite",
    "on site": "onsite",
}
# WorkplaceTypeCode: Oracle's own code, the same in every language the label may be shown in.
_WORKPLACE_CODES = {"ORA_REMOTE": "remote", "ORA_HYBRID": "hybrid", "ORA_ON_SITE": "onsite"}
_ROOT = re.compile(r"(?:/hcmRestApi/resources/[^/]+)?/recruitingCEJobRequisitionDetails\b.*$")
_SITE = re.compile(r"siteNumber=([^,&;]+)")


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    data = load_json(body, url)
    items = as_dict(data).get("items")
    item = items[0] if isinstance(items, list) and items else None
    if not isinstance(item, dict) or "Id" not in item or not text(item.get("Title")):
        raise PayloadError(f"{url}: not an Oracle requisition detail (items[0] with Id and Title)")
    return [_posting(item, url, board, fetched_at)]


def job_url(api_url: str, requisition: str) -> str:
    """The requisition's public page, from the detail request's URL (its host and ``siteNumber``)."""
    site = _SITE.search(unquote(api_url))
    origin = _ROOT.sub("", api_url.split("?", 1)[0])
    return f"{origin}/hcmUI/CandidateExperience/en/sites/{site.group(1) if site else 'CX'}/job/{requisition}"


def _description(item: dict[str, Any]) -> str:
    parts = [html_to_text(text(item.get(key))) for key in _TEXT]
    found = [p for p in dict.fromkeys(parts) if p]
    return "\n\n".join(found) or html_to_text(text(item.get("ShortDescriptionStr")))


def _location(item: dict[str, Any]) -> str | None:
    """The primary location and every secondary one ("Springfield, IL, United States; Decatur, IL, …")."""
    secondary = item.get("secondaryLocations")
    names = [as_dict(s).get("Name") for s in (secondary if isinstance(secondary, list) else [])]
    places = [text_or_none(p) for p in (item.get("PrimaryLocation"), *names)]
    return "; ".join(dict.fromkeys(p for p in places if p)) or None


def _remote_hint(item: dict[str, Any]) -> str | None:
    """The workplace type by its code; the label (``WorkplaceType``) only for a tenant that gives no code."""
    code = text(item.get("WorkplaceTypeCode"))
    if code:
        return _WORKPLACE_CODES.get(code.upper())
    return _REMOTE.get(text(item.get("WorkplaceType")).lower())


def _department(item: dict[str, Any]) -> str | None:
    """``Department``; else ``JobFunction`` unless it is only its code (``JobFunctionCode``); else
    ``Organization``."""
    function = text_or_none(item.get("JobFunction"))
    if function and function == text_or_none(item.get("JobFunctionCode")):
        function = None
    return text_or_none(item.get("Department")) or function or text_or_none(item.get("Organization"))


def _posting(item: dict[str, Any], url: str, board: str | None, fetched_at: str) -> RawPosting:
    requisition = posting_id(item["Id"])
    public = job_url(url, requisition)
    return RawPosting(
        source="oracle",
        source_id=public,
        board=board,
        title=text(item.get("Title")),
        description=_description(item),
        fetched_at=fetched_at,
        url=public,
        location=_location(item),
        remote_hint=_remote_hint(item),
        department=_department(item),
        employment_type=text_or_none(item.get("JobSchedule")),
        posted=text_or_none(item.get("ExternalPostedStartDate")),
    )
