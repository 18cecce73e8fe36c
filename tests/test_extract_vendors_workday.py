"""Workday's posting detail (``jobPostingInfo``) → one RawPosting; anything else is a PayloadError."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extract.vendors import PayloadError, read_payload

FIXTURES = Path(__file__).parent / "fixtures" / "workday"
FETCHED = "2026-12-05T06:00:00Z"
API = "https://harborview.wd5.myworkdayjobs.com/wday/cxs/harborview/Careers"


def _fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def _read(data: Any, url: str = f"{API}/job/x") -> list[Any]:
    body = data if isinstance(data, str) else json.dumps(data)
    return read_payload("workday", body, url=url, board="harborview", fetched_at=FETCHED)


@pytest.mark.parametrize(
    ("fixture", "field", "value"),
    [
        ("R-10421.json", "source_id", "5a7c9e1b3d5f100190b2c4d6e8f00001"),
        ("R-10421.json", "title", "Registered Nurse - Med/Surg (Nights)"),
        ("R-10421.json", "company", "Harborview Health"),
        # startDate is the date; the relative postedOn ("Posted 3 Days Ago") is not read.
        ("R-10421.json", "posted", "2026-12-03"),
        ("R-10421.json", "employment_type", "Full time"),
        ("R-10421.json", "location", "Springfield, IL"),
        ("R-10421.json", "remote_hint", None),
        ("R-10421.json", "url", "https://harborview.wd5.myworkdayjobs.com/Careers/job/Springfield-IL/"
                                "Registered-Nurse---Med-Surg--Nights-_R-10421"),
        ("R-10421.json", "salary", None),  # no pay field: the text states it
        ("R-10588.json", "location", "Decatur, IL; Springfield, IL"),
        ("R-10588.json", "remote_hint", "onsite"),
        ("R-10588.json", "employment_type", "Part time"),
        ("R-10588.json", "posted", "2026-10-28"),
        # Some tenants separate a location's parts by two spaces, not a comma.
        ("R-10733.json", "location", "Springfield, Illinois, United States of America; "
                                     "Decatur, Illinois, United States of America; Peoria, IL, 61602"),
        ("R-10733.json", "remote_hint", "hybrid"),  # "Partially Remote"
    ],
)  # fmt: skip
def test_read_states_each_field(fixture: str, field: str, value: Any) -> None:
    [posting] = _read(_fixture(fixture))
    assert getattr(posting, field) == value
    assert (posting.source, posting.board, posting.fetched_at) == ("workday", "harborview", FETCHED)


@pytest.mark.parametrize(
    ("needle", "present"),
    [("Current Illinois RN licence and BLS.", True), ("$38.50 - $52.75 per hour", True), ("<li>", False)],
)
def test_read_description_is_the_html_as_text(needle: str, present: bool) -> None:
    [posting] = _read(_fixture("R-10421.json"))
    assert (needle in posting.description) is present


@pytest.mark.parametrize(
    ("remote_type", "hint"),
    [
        ("Remote", "remote"),
        ("Fully Remote", "remote"),
        ("Partially Remote", "hybrid"),
        ("Hybrid", "hybrid"),
        ("On-site", "onsite"),
        ("Flexible", None),
        (None, None),
    ],
)
def test_read_remote_type_gives_a_hint_only_when_it_says(remote_type: str | None, hint: str | None) -> None:
    data = _fixture("R-10588.json")
    data["jobPostingInfo"]["remoteType"] = remote_type
    assert _read(data)[0].remote_hint == hint


def test_read_without_an_id_keys_by_the_detail_url() -> None:
    data = _fixture("R-10421.json")
    del data["jobPostingInfo"]["id"]
    url = f"{API}/job/Springfield-IL/Registered-Nurse_R-10421"
    assert _read(data, url)[0].source_id == url


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('{"jobPostingInfo": {"title": "Cut', "malformed JSON"),
        (_fixture("list.json"), "not a Workday posting detail"),  # a list page is not a posting
        ({"jobPostingInfo": {"id": "1", "title": ""}}, "not a Workday posting detail"),
        ({"jobPostingInfo": ["Nurse"]}, "not a Workday posting detail"),
        ([{"jobPostingInfo": {"title": "Nurse"}}], "not a Workday posting detail"),
        (_fixture("unknown.json"), "not a Workday posting detail"),
    ],
)
def test_read_rejects_what_is_not_a_detail(body: Any, message: str) -> None:
    with pytest.raises(PayloadError, match=message):
        _read(body)


def test_read_an_object_as_id_is_a_payload_error() -> None:
    data = _fixture("R-10421.json")
    data["jobPostingInfo"]["id"] = {"descriptor": "x"}
    with pytest.raises(PayloadError, match="id is an object"):
        _read(data)
