"""Property test: a JobPosting of any JSON shape is read without raising."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.jsonld import job_postings

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
                    max_leaves=20))  # fmt: skip
def test_json_ld_of_any_shape_never_raises(value: object) -> None:
    page = f'<script type="application/ld+json">{json.dumps({"@type": "JobPosting", "x": value})}</script>'
    assert len(job_postings(page)) == 1
