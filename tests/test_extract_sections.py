"""Section splitting and inline cues."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.sections import (
    _MAYBE_HEADING,
    _inline_kind,
    heading_kind,
    inline_marks,
    is_tag_list,
    section_at,
    split_sections,
)

POSTING = """Acme builds rockets.

About us
We are 40 people.

What you'll do
• Build things

What we're looking for
• Python

Nice to have
• Rust

Perks 🎁
• Equity
"""


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("About us", "about"),
        ("About Fernhollow", "about"),
        ("Who we are 🚀", "about"),
        ("What you'll do", "responsibilities"),
        ("What you’ll do", "responsibilities"),
        ("The role", "responsibilities"),
        ("As a co-op student you will:", "responsibilities"),
        ("What we're looking for", "requirements"),
        ("About you", "requirements"),
        ("Qualifications", "requirements"),
        ("Nice to have", "preferred"),
        ("Nice to have:", "preferred"),
        ("Bonus points", "preferred"),
        ("Good to have", "preferred"),
        ("Perks", "benefits"),
        ("Compensation & benefits", "benefits"),
        ("Why Tollgate", "benefits"),
        ("• Nice to have", None),
        ("We build software for clinics.", None),
        ("Experience with Python, SQL, and many other tools that we use every day", None),
    ],
)
def test_heading_kind_recognizes_vocabulary(line: str, kind: str | None) -> None:
    assert heading_kind(line) == kind


@pytest.mark.parametrize(
    ("needle", "kind"),
    [
        ("Acme builds", "about"),
        ("40 people", "about"),
        ("Build things", "responsibilities"),
        ("Python", "requirements"),
        ("Rust", "preferred"),
        ("Equity", "benefits"),
    ],
)
def test_split_sections_assigns_kinds(needle: str, kind: str) -> None:
    sections = split_sections(POSTING)
    assert section_at(sections, POSTING.index(needle)) == kind


@pytest.mark.parametrize(
    "text",
    [
        "Acme | Engineer | Remote\n\nWe want someone who knows Go and Kafka.",
        "Plain text with no headings at all.",
    ],
)
def test_split_sections_without_headings_is_other(text: str) -> None:
    sections = split_sections(text)
    assert [s.kind for s in sections] == ["other"]
    assert (sections[0].start, sections[0].end) == (0, len(text))


@pytest.mark.parametrize(
    ("text", "needle", "kind"),
    [
        ("Requirements\n• Python\nBenefits: a Peloton and Salesforce training\n• SQL", "Peloton", "benefits"),
        ("Requirements\n• Python\nBenefits: a Peloton and Salesforce training\n• SQL", "SQL", "requirements"),
    ],
)
def test_split_sections_inline_heading_covers_its_line(text: str, needle: str, kind: str) -> None:
    assert section_at(split_sections(text), text.index(needle)) == kind


@pytest.mark.parametrize(
    ("text", "needle", "effect"),
    [
        ("Strong Python; Go is a plus.", "Go", "preferred"),
        ("Salesforce (Gainsight a plus)", "Gainsight", "preferred"),
        ("Must have: SQL. Nice to have: Python, k6.", "k6", "preferred"),
        ("Bonus if you've used Ray.", "Ray", "preferred"),
        ("NLP experience, ideally with spaCy", "spaCy", "preferred"),
        ("Experience with Epic EHR preferred", "Epic", "preferred"),
        ("Our front end is React but you won't need to touch it.", "React", "negated"),
        ("No ML experience is needed for this role.", "ML", "negated"),
    ],
)
def test_inline_marks_cover_cued_text(text: str, needle: str, effect: str) -> None:
    at = text.index(needle)
    assert any(m.effect == effect and m.start <= at < m.end for m in inline_marks(text))


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Hands-on Salesforce (Gainsight a plus)", "Salesforce"),
        ("Strong Python; Go is a plus.", "Python"),
        ("You will not write production code, but you must know LLMs and RAG.", "LLMs"),
    ],
)
def test_inline_marks_leave_uncued_text(text: str, needle: str) -> None:
    at = text.index(needle)
    assert not any(m.start <= at < m.end for m in inline_marks(text))


# Lines of heading words, bullets, colons and unusual white space ("\u00a0", "\x0c", "\u2028").
_LINES = st.lists(
    st.sampled_from(["About", "the", "role", "Benefits", "Nice", "to", "have", "•", "-", ":", "...", "."])
    | st.sampled_from([" ", "\t", "\u00a0", "\x0c", "\u2028", "  "]),
    max_size=25,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(line=_LINES)
def test_split_sections_reads_every_line_that_may_be_a_heading(line: str) -> None:
    # split_sections only reads the lines _MAYBE_HEADING finds: every (inline) heading must be one of them.
    if heading_kind(line) or _inline_kind(line):
        assert _MAYBE_HEADING.fullmatch(line)


@pytest.mark.parametrize(
    "text",
    [
        "About us\nWe build.\n\u00a0What you'll do\u00a0\n• Build\nBenefits: equity\n\nNice to have\n• Go",
        "one two three four five six seven eight nine\none two three four five six seven eight nine ten",
        "Salary: $100k\nxx: too short a heading\n" + "y" * 44 + ": long",
    ],
)
def test_split_sections_covers_the_text_in_order(text: str) -> None:
    sections = split_sections(text)
    assert sections[0].start == 0 and sections[-1].end == len(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(sections))


@pytest.mark.parametrize(
    ("text", "needle", "kind"),
    [
        # a list before the first heading is the job, not the company introduction
        ("Backend role\n• Python and Postgres\n• On call\n\nAbout us\nWe make maps.", "Python", "other"),
        # prose before the first heading stays the introduction
        ("Acme makes maps for hikers.\n\nRequirements\n• Python", "Acme", "about"),
        # a late benefits heading does not turn the whole posting into introduction
        (
            "You will build our Go services and review code.\n\nBenefits and perks\n• Lunch",
            "Go services",
            "other",
        ),
        (
            "You will build our Go services and review code.\n\nBenefits and perks\n• Lunch",
            "Lunch",
            "benefits",
        ),
        # an unknown heading ends a benefits section
        ("Requirements\n• SQL\n\nPerks\n• Gym\n\nWhat Else We Value\n• Kafka", "Kafka", "other"),
        ("Requirements\n• SQL\n\nPerks\n• Gym\n\nSkills & Requirements\n• Kafka", "Kafka", "requirements"),
        # a sentence inside benefits is not a heading
        ("Requirements\n• SQL\n\nPerks\n• Gym\nWe also pay for your phone\n• Kafka", "Kafka", "benefits"),
    ],
)
def test_split_sections_intro_and_benefits_boundaries(text: str, needle: str, kind: str) -> None:
    assert section_at(split_sections(text), text.index(needle)) == kind


@pytest.mark.parametrize(
    ("heading", "tags"),
    [("Technologies", True), ("Tech stack:", True), ("Tags", True), ("Requirements", False), (None, False)],
)
def test_is_tag_list_headings(heading: str | None, tags: bool) -> None:
    assert is_tag_list(heading) is tags


@pytest.mark.parametrize(
    ("text", "needle", "effect"),
    [
        ("Python, Docker; Kubernetes helpful but not required.", "Kubernetes", "preferred"),
        ("Acme was named a leader in Gen AI by analysts.", "Gen AI", "negated"),
        ("Acme was ranked among the best robotics firms.", "robotics", "negated"),
    ],
)
def test_inline_marks_clause_and_boasting(text: str, needle: str, effect: str) -> None:
    at = text.index(needle)
    assert any(m.effect == effect and m.start <= at < m.end for m in inline_marks(text))


def test_inline_marks_negation_does_not_reach_other_clauses() -> None:
    text = "Python, Docker; Kubernetes is not required."
    marks = [m for m in inline_marks(text) if m.effect == "negated"]
    assert marks and all(m.start > text.index("Docker") for m in marks)
