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
        r"site|ıt",
    ],
)
@pytest.mark.parametrize("text", TEXTS)
def test_caseless_finds_what_the_plain_search_finds(source: str, text: str) -> None:
    pattern = re.compile(source, re.IGNORECASE)
    fast = CaselessPattern.of(pattern)
    lower = caseless.lowered(text)
    assert [m.span() for m in fast.finditer(text, lower)] == [m.span() for m in pattern.finditer(text)]
    assert fast.sub(" ", text, lower) == pattern.sub(" ", text)
    assert (fast.search(text, lower) is None) is (pattern.search(text) is None)
