"""Case-insensitive patterns searched on lower-cased text find exactly what the plain search finds."""

from __future__ import annotations

import re

import pytest

from extract import caseless
from extract.caseless import CaselessPattern

TEXTS = [
    "Nice To Have: Go. Docker is NOT REQUIRED, but a Plus.",
    "REMOTE – Berlin; fully remote, 2 days a week in the office",
    "ſite İstanbul ıt: odd letters that fold to i and s",
    "The Kelvin sign \u212a8s and K8S",
    "",
]


@pytest.mark.parametrize(
    ("source", "eligible"),
    [
        (r"\b(?:nice|good|great)[- ]to[- ]haves?\b", True),
        (r"[^.\n]{0,30}\bremote\b", True),
        (r"\bk8s\b|\u2013", True),
        (r"[A-Z]", False),  # an upper-case letter
        (r"[!-_]", False),  # a range holding upper-case letters but not their lower case
        (r"\u0041", False),  # an escape standing for an upper-case letter
        (r"caf\u00e9", False),  # a non-ASCII letter
        (r"(?P<n>\d+)", False),  # a named group is not worth parsing
        (r"(?-i:remote)", False),  # case-sensitive again
    ],
)
def test_caseless_eligible_only_when_lowering_is_safe(source: str, eligible: bool) -> None:
    assert (CaselessPattern.of(re.compile(source, re.IGNORECASE)).lower is not None) is eligible


@pytest.mark.parametrize(
    "source",
    [
        r"\b(?:nice|good|great)[- ]to[- ]haves?\b",
        r"\bnot required\b",
        r"\bremote\b[^.\n]{0,20}",
        r"\bk8s\b",
    ],
)
@pytest.mark.parametrize("text", [t for t in TEXTS if caseless.lowered(t) is not None])
def test_caseless_twin_finds_what_the_plain_search_finds(source: str, text: str) -> None:
    pattern = re.compile(source, re.IGNORECASE)
    twin = CaselessPattern.of(pattern).lower
    assert twin is not None
    assert [m.span() for m in twin.finditer(text.lower())] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nice To Have: Go", "nice to have: go"),
        ("The Kelvin sign \u212a8s", "the kelvin sign k8s"),  # pairs with k and lower-cases to it
        ("İstanbul", None),  # lower-cases to two characters
        ("ıt", None),  # pairs with i, stays itself
        ("ſite", None),  # pairs with s, stays itself
        ("", ""),
    ],
)
def test_lowered_none_where_lowering_could_differ(text: str, expected: str | None) -> None:
    assert caseless.lowered(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Nice To Have: Go", "nice to have: go"), ("İstanbul", None), ("ſite", None), ("", "")],
)
def test_lowered_kept_answers_as_computed(text: str, expected: str | None) -> None:
    kept = caseless._LoweredCache(100)
    assert kept(text) == expected
    assert text in kept.kept and kept(text) == expected  # the second answer is the one kept
    assert kept(text + "X") == (None if expected is None else expected + "x")  # another text, its own answer


def test_lowered_kept_within_its_character_limit() -> None:
    kept = caseless._LoweredCache(10)
    for text in ("Aaaa", "Bbbb", "Cccc", "D" * 11):  # the last is longer than the limit: never kept
        assert kept(text) == text.lower()
    assert list(kept.kept) == ["Bbbb", "Cccc"]  # the oldest went past 10 characters
    assert kept.chars == 8
