"""JSON-LD JobPosting discovery on messy pages."""

from __future__ import annotations

import pytest

from extract.jsonld import job_postings


def _page(*blocks: str) -> str:
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in blocks)
    return f"<html><head>{scripts}</head><body><p>x</p></body></html>"


@pytest.mark.parametrize(
    ("page", "titles"),
    [
        (_page('{"@type": "JobPosting", "title": "A"}'), ["A"]),
        (_page('{"@graph": [{"@type": "Organization"}, {"@type": "JobPosting", "title": "B"}]}'), ["B"]),
        (_page('[{"@type": "JobPosting", "title": "C"}, {"@type": "JobPosting", "title": "D"}]'), ["C", "D"]),
        (_page('{"@type": ["JobPosting"], "Title": "E"}'), ["E"]),
        (_page('{"@type": "http://schema.org/JobPosting", "title": "F"}'), ["F"]),
        (_page("{broken", '{"@type": "JobPosting", "title": "G"}'), ["G"]),
        (_page('{"@type": "JobPosting", "title": "H",}'), ["H"]),
        (_page('{"@type": "JobPosting", "title": "I\nJ"}'), ["I J"]),
        (_page('{"@type": "Organization", "name": "none"}'), []),
        ("<html><body>no json-ld</body></html>", []),
        ("", []),
    ],
)
def test_job_postings_found_in_messy_json_ld(page: str, titles: list[str]) -> None:
    assert [p["title"] for p in job_postings(page)] == titles
