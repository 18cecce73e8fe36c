"""Property tests: the pure parsers never raise on arbitrary text and keep their output in their vocabularies."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.html_text import html_to_text
from extract.jsonld import job_postings
from extract.model import REMOTE_VALUES, SENIORITY_LEVELS
from extract.remote import detect_remote
from extract.roles import classify_role, functions
from extract.seniority import infer_seniority, years_required
from extract.vendors import READERS, PayloadError

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MARKUP = st.text(alphabet=st.sampled_from(list("<>/=\"'&;# abcpliuh123\n\t")), max_size=300)


@FAST
@given(st.text(max_size=400) | MARKUP)
def test_html_to_text_never_raises_and_drops_tags(markup: str) -> None:
    text = html_to_text(markup)
    assert isinstance(text, str)
    assert "<script" not in text.lower() or "<script" in markup.lower()


@FAST
@given(st.text(max_size=200), st.text(max_size=400))
def test_infer_seniority_always_in_vocabulary(title: str, text: str) -> None:
    assert infer_seniority(title, text) in SENIORITY_LEVELS
    years = years_required(text)
    assert years is None or 0 <= years <= 60


@FAST
@given(st.text(max_size=200), st.text(max_size=100))
def test_classify_role_function_in_vocabulary(title: str, department: str) -> None:
    _, function = classify_role(title, department, title)
    assert function is None or function in functions()


@FAST
@given(st.text(max_size=400))
def test_detect_remote_in_vocabulary(text: str) -> None:
    assert detect_remote(text) in (*REMOTE_VALUES, None)


@FAST
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
                    max_leaves=20))  # fmt: skip
def test_json_ld_of_any_shape_never_raises(value: object) -> None:
    import json

    page = f'<script type="application/ld+json">{json.dumps({"@type": "JobPosting", "x": value})}</script>'
    assert len(job_postings(page)) == 1


@FAST
@given(st.sampled_from(sorted(READERS)), st.text(max_size=300))
def test_vendor_readers_raise_only_payload_errors(source: str, body: str) -> None:
    with contextlib.suppress(PayloadError):
        READERS[source](body, url="https://example.test/", board="b", fetched_at="2026-11-24T00:00:00Z")
