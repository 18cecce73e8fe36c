"""Patterns searched through their skeletons find exactly what the plain search finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import caseless, remote, sections
from extract.fastscan import AnyMatch, FastPattern, finditer, skeleton, top_level_alternatives

SOURCES = [
    r"\bpreferred\b",
    r"\b(?:nice|good|great)[- ]to[- ]haves?\b",
    r"\b(?:is |are )?(?:not|isn't|aren't)\s+(?:required|needed)\b",  # an optional opening: a lead
    r"\b(?:is |are |would be )?an? (?:big |nice )?(?:plus|bonus)\b",
    r"\bnot (?:a )?must\b(?=.*\bplus\b)|\b(?:plus|bonus)\b.*\bnot (?:a )?must\b",
    r"\b(?:(?:x )?ab|cd)e",  # a leading group whose alternatives have leads of their own
    r"\b(?=a)ab|\bb",  # a lookaround opening
    r"\b(ab)?\bab ab",
    r"\b(?:a|)b",  # an alternative reduced to nothing
    r"\b(?:ab)?",  # matches the empty string
    r"\bab|cd",  # not every alternative opens with a boundary
    r"\b(?:no|not)\b|\bneed\b",
    r"^\s*remote\s*$|\bremote\b",
]
SOURCES += [cue.pattern.pattern.pattern for cue in sections._vocabulary().cues]
SOURCES += [
    p.pattern
    for p in (remote._FALSE_CUES, remote._NEGATED_REMOTE, remote._STRONG_REMOTE, remote._STRONG_ONSITE)
]
WORDS = ["is", "are", "a", "an", "ab", "cd", "e", "x", "b", "plus", "bonus", "not", "must", "required", "nice",
         "to", "have", "need", "no", "remote", "Remote", "NOT", "on-site", "in", "person", "fully", "İ", "ſ",
         "won't", "preferred", "would", "be", ".", ",", ":", "(", ")", "-"]  # fmt: skip
TEXTS = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "", "\n", "  ", "-"])), max_size=30
).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=150, deadline=None)
@given(text=TEXTS)
@pytest.mark.parametrize("source", SOURCES)
def test_fastscan_finds_what_the_plain_search_finds(source: str, text: str) -> None:
    pattern = re.compile(source, re.IGNORECASE | re.MULTILINE)
    fast = FastPattern.of(pattern)
    lower = caseless.lowered(text)
    assert [m.span() for m in fast.finditer(text, lower)] == [m.span() for m in pattern.finditer(text)]
    assert fast.sub(" ", text, lower) == pattern.sub(" ", text)
    assert (fast.search(text, lower) is None) is (pattern.search(text) is None)
    assert AnyMatch.of(pattern).search(text, lower) is (pattern.search(text) is not None)


@settings(max_examples=100, deadline=None)
@given(text=TEXTS, bounds=st.tuples(st.integers(0, 60), st.integers(0, 60)))
@pytest.mark.parametrize("source", [r"\b(?:is |are )?not\b", r"\bab\b|\bcd", r"\bplus\b"])
def test_fastscan_finditer_between_pos_and_endpos(source: str, text: str, bounds: tuple[int, int]) -> None:
    pattern = re.compile(source)
    pos, endpos = min(bounds), max(bounds)
    found = finditer(pattern, skeleton(pattern), text, pos, endpos)
    assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text, pos, endpos)]


@pytest.mark.parametrize(
    ("source", "weak", "lead"),
    [
        (r"\bpreferred\b", r"preferred\b", 0),
        (r"\b(?:is |are )?not\b", r"not\b", 4),
        (r"\b(?:nice|good)[- ]to\b", r"(?:nice|good)[- ]to\b", 0),
        # Alternatives opening with a group: keeping the tails would leave re nothing to skip ahead on.
        (r"\b(?:nice|good)[- ]to\b|\bplus\b", r"nice|good|plus\b", 0),
        (r"\b(?=x)xy", r"xy", 0),
    ],
)
def test_fastscan_skeleton_drops_the_openings(source: str, weak: str, lead: int) -> None:
    found = skeleton(re.compile(source))
    assert found is not None
    assert (found.pattern.pattern, found.lead) == (weak, lead)


@pytest.mark.parametrize(
    "source",
    [
        r"preferred",  # nothing to drop
        r"\bpreferred",  # case-insensitive: re does not skip ahead on letters
        r"\b\w+ing\b",  # a class of every word character
        r"\b(?:a|b|c|d|e|f|g)x",  # too many first letters to pay
        r"\b(?P<word>ab)",  # a named group is not taken apart
        r"\b(?:ab)*c",
    ],
)
def test_fastscan_no_skeleton_when_it_would_not_help(source: str) -> None:
    flags = re.IGNORECASE if source == r"\bpreferred" else 0
    assert skeleton(re.compile(source, flags)) is None


@pytest.mark.parametrize(
    ("source", "parts"),
    [
        (r"a|b", ["a", "b"]),
        (r"(?:a|b)|c", ["(?:a|b)", "c"]),
        (r"[|]|\||x", ["[|]", r"\|", "x"]),
        (r"[]|]|y", ["[]|]", "y"]),
        (r"[^]|]|y", ["[^]|]", "y"]),
    ],
)
def test_fastscan_top_level_alternatives(source: str, parts: list[str]) -> None:
    assert top_level_alternatives(source) == parts
