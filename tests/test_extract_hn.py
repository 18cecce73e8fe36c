from __future__ import annotations

import pytest

from extract.hn import parse_hn_header


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        (
            "Acme Robotics | Senior Backend Engineer | Berlin, Germany | ONSITE | €80k-€95k\n\nWe build.",
            "role",
            "Senior Backend Engineer",
        ),
        (
            "Acme Robotics | Senior Backend Engineer | Berlin, Germany | ONSITE | €80k-€95k",
            "company",
            "Acme Robotics",
        ),
        (
            "Acme Robotics | Senior Backend Engineer | Berlin, Germany | ONSITE | €80k-€95k",
            "location",
            "Berlin, Germany",
        ),
        (
            "Acme Robotics | Senior Backend Engineer | Berlin, Germany | ONSITE | €80k-€95k",
            "remote",
            "onsite",
        ),
        (
            "Acme Robotics | Senior Backend Engineer | Berlin, Germany | ONSITE | €80k-€95k",
            "salary_text",
            "€80k-€95k",
        ),
        (
            "Bolt Labs | REMOTE (US & Canada) | Staff SRE | USD 200k-240k | https://bolt.example.com",
            "role",
            "Staff SRE",
        ),
        (
            "Bolt Labs | REMOTE (US & Canada) | Staff SRE | USD 200k-240k | https://bolt.example.com",
            "remote",
            "remote",
        ),
        (
            "Bolt Labs | REMOTE (US & Canada) | Staff SRE | USD 200k-240k | https://bolt.example.com",
            "url",
            "https://bolt.example.com",
        ),
        ("Cobalt | Data Engineer | Porto or Remote (EU) | Full-time", "remote", "remote"),
        ("Cobalt | Data Engineer | Porto or Remote (EU) | Full-time", "employment_type", "Full-time"),
        ("Delta | QA Engineer | Austin, TX | HYBRID (3 days/week in office)", "remote", "hybrid"),
        (
            "Echo (echo.example.io) - Bakery payroll | Leeds | Full time\n- Founding Frontend Engineer",
            "role",
            "Founding Frontend Engineer",
        ),
        ("Echo (echo.example.io) - Payroll for bakeries | Leeds, UK | Full time", "company", "Echo"),
        (
            "Foxtrot | Remote | $150-180K | Full-time\nWe are hiring a Senior Software Engineer who tests.",
            "role",
            "Senior Software Engineer",
        ),
        ("Golf | Senior Product Engineer | Build tools for farmers | NYC | $200K", "location", "NYC"),
        # A second role is not a place: the location is the arrangement, or the place after the roles.
        ("Acme | Backend Engineer | Frontend Engineer | REMOTE", "location", "REMOTE"),
        ("Acme | Backend Engineer | Frontend Engineer | REMOTE", "role", "Backend Engineer"),
        (
            "Acme | Data Scientist | Product Designer | Berlin, Germany | ONSITE",
            "location",
            "Berlin, Germany",
        ),
        ("Thanks for posting this thread!", "company", None),
        ("", "role", None),
    ],
)
def test_parse_hn_header_fields(text: str, field: str, expected: str | None) -> None:
    assert parse_hn_header(text)[field] == expected  # type: ignore[literal-required]
