"""Oracle Recruiting Cloud's requisition detail (``items[0]``) → one RawPosting; anything else a PayloadError."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extract.vendors import PayloadError, read_payload
from extract.vendors.oracle import job_url

FIXTURES = Path(__file__).parent / "fixtures" / "oracle"
FETCHED = "2026-12-05T06:00:00Z"
HOST = "https://ecqz.fa.us2.oraclecloud.com"
DETAIL = (
    f"{HOST}/hcmRestApi/resources/latest/recruitingCEJobRequisitionDetails?expand=all&onlyData=true"
    "&finder=ById;Id=%22{id}%22,siteNumber=CX_1"
)


def _fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def _read(data: Any, ident: str = "3104") -> list[Any]:
    body = data if isinstance(data, str) else json.dumps(data)
    url = DETAIL.replace("{id}", ident)
    return read_payload("oracle", body, url=url, board="marlow", fetched_at=FETCHED)


@pytest.mark.parametrize(
    ("fixture", "field", "value"),
    [
        ("3104.json", "source_id", f"{HOST}/hcmUI/CandidateExperience/en/sites/CX_1/job/3104"),
        ("3104.json", "url", f"{HOST}/hcmUI/CandidateExperience/en/sites/CX_1/job/3104"),
        ("3104.json", "title", "Equipment Operator II - Public Works"),
        ("3104.json", "posted", "2026-12-01T16:05:00+00:00"),
        ("3104.json", "employment_type", "Full time"),
        ("3104.json", "location", "Marlow, OR, United States"),
        ("3104.json", "remote_hint", "onsite"),
        ("3104.json", "department", "Maintenance"),
        ("3104.json", "salary", None),  # no pay field: the text states it
        ("3117.json", "location", "Marlow, OR, United States; Ashby Falls, OR, United States"),
        ("3117.json", "remote_hint", "hybrid"),
        ("3117.json", "employment_type", "Part time"),
        # The detail as live tenants give it: Department, a JobFunction that is only its code, the codes.
        ("3125.json", "department", "Library Services"),
        ("3125.json", "remote_hint", "hybrid"),
        ("3125.json", "posted", "2026-11-30T15:20:00+00:00"),
        ("3125.json", "location", "Marlow, OR, United States"),
    ],
)
def test_read_states_each_field(fixture: str, field: str, value: Any) -> None:
    [posting] = _read(_fixture(fixture), fixture.removesuffix(".json"))
    assert getattr(posting, field) == value
    assert (posting.source, posting.board, posting.fetched_at) == ("oracle", "marlow", FETCHED)


@pytest.mark.parametrize(
    ("needle", "present"),
    [
        ("keeps 640 miles of county roads", True),  # ExternalDescriptionStr
        ("Inspect equipment before each shift.", True),  # ExternalResponsibilitiesStr
        ("$24.10 - $31.85 hourly", True),  # ExternalQualificationsStr
        ("equal opportunity employer", True),  # CorporateDescriptionStr
        ("Operate heavy equipment for road maintenance", False),  # the short summary repeats the rest
        ("<li>", False),
    ],
)
def test_read_description_joins_the_text_fields(needle: str, present: bool) -> None:
    [posting] = _read(_fixture("3104.json"))
    assert (needle in posting.description) is present


def test_read_short_description_only_without_other_text() -> None:
    data = _fixture("3104.json")
    for key in ("ExternalDescriptionStr", "ExternalResponsibilitiesStr", "ExternalQualificationsStr",
                "CorporateDescriptionStr"):  # fmt: skip
        data["items"][0][key] = None
    assert _read(data)[0].description == "Operate heavy equipment for road maintenance and snow removal."


@pytest.mark.parametrize(
    ("api_url", "expected"),
    [
        (DETAIL.replace("{id}", "77"), f"{HOST}/hcmUI/CandidateExperience/en/sites/CX_1/job/77"),
        # A local server's root has no /hcmRestApi part: the page is under the same prefix.
        ('http://127.0.0.1:8765/oracle/ecqz.fa.us2.oraclecloud.com/recruitingCEJobRequisitionDetails'
         '?finder=ById;Id="77",siteNumber=CX_4',
         "http://127.0.0.1:8765/oracle/ecqz.fa.us2.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX_4/job/77"),
    ],
)  # fmt: skip
def test_job_url_is_the_public_page(api_url: str, expected: str) -> None:
    assert job_url(api_url, "77") == expected


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('{"items": [{"Id": "1", "Title": "Cut', "malformed JSON"),
        (_fixture("gone.json"), "not an Oracle requisition detail"),
        (_fixture("list.json"), "not an Oracle requisition detail"),  # a list page is not a posting
        ({"items": [{"Id": "1", "Title": None}]}, "not an Oracle requisition detail"),
        ({"items": [{"Title": "Clerk"}]}, "not an Oracle requisition detail"),
        ({"items": "3104"}, "not an Oracle requisition detail"),
        ([], "not an Oracle requisition detail"),
    ],
)
def test_read_rejects_what_is_not_a_detail(body: Any, message: str) -> None:
    with pytest.raises(PayloadError, match=message):
        _read(body)


def test_read_an_object_as_id_is_a_payload_error() -> None:
    data = _fixture("3104.json")
    data["items"][0]["Id"] = {"value": 3104}
    with pytest.raises(PayloadError, match="id is an object"):
        _read(data)


@pytest.mark.parametrize(
    ("code", "label", "hint"),
    [
        ("ORA_REMOTE", "Remote", "remote"),
        ("ORA_ON_SITE", "Presencial", "onsite"),  # the label is shown in the site's language; the code is not
        ("ORA_REMOTE", "Hybrid", "remote"),  # the code wins over a label that disagrees
        (None, "Hybrid", "hybrid"),  # a tenant that gives the label only
        (None, "", None),  # present but empty: says nothing
        ("ORA_SOMETHING_NEW", "", None),
    ],
)
def test_read_workplace_type_by_its_code_first(code: str | None, label: str, hint: str | None) -> None:
    data = _fixture("3125.json")
    data["items"][0] |= {"WorkplaceTypeCode": code, "WorkplaceType": label}
    assert _read(data, "3125")[0].remote_hint == hint


@pytest.mark.parametrize(
    ("fields", "department"),
    [
        ({}, "Library Services"),
        ({"Department": None}, None),  # JobFunction "LIBRARY" only repeats JobFunctionCode
        (
            {"Department": None, "JobFunction": "Library Services", "JobFunctionCode": "LIB"},
            "Library Services",
        ),
        ({"Department": None, "Organization": "Marlow County Library"}, "Marlow County Library"),
    ],
)
def test_read_department_is_never_a_bare_code(fields: dict[str, Any], department: str | None) -> None:
    data = _fixture("3125.json")
    data["items"][0] |= fields
    assert _read(data, "3125")[0].department == department


@pytest.mark.parametrize(
    ("needle", "present"),
    [("Check materials in and out.", True), ("Internal candidates", False)],
)
def test_read_description_leaves_out_the_internal_fields(needle: str, present: bool) -> None:
    [posting] = _read(_fixture("3125.json"), "3125")
    assert (needle in posting.description) is present
