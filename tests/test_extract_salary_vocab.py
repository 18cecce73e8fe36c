"""extract.salary.vocab: the salary vocabulary and phrase patterns."""

from __future__ import annotations

import re

import pytest

from extract.salary import vocab


@pytest.mark.parametrize(
    ("phrases", "text", "found"),
    [
        (["base salary"], "Base   Salary: $90K", "Base   Salary"),
        (["OTE"], "ote is lower-case here; OTE is not", "OTE"),  # short acronyms keep their case
        (["pay"], "TahoePay Range", "Pay"),  # glued words split at a capital
        (["pay"], "payroll and paying", None),
    ],
)
def test_phrase_pattern_matches_phrases_on_word_boundaries(
    phrases: list[str], text: str, found: str | None
) -> None:
    match = re.search(vocab.phrase_pattern(phrases), text, re.I)
    assert (match.group() if match else None) == found


@pytest.mark.parametrize(
    ("data", "keys"),
    [
        (vocab.CUES, {"pay", "non_pay", "allowance", "estimate_before", "estimate_after", "periods"}),
        (vocab.GRAMMAR, {"multipliers", "connectors", "range_before", "period_lead_qualifiers", "per_year"}),
        (vocab.FIELDS, {"periods", "not_a_rate", "unknown_period", "label_hour", "label_year"}),
        (vocab.PLAUSIBILITY, {"default_share_of_typical", "no_currency", "limits"}),
    ],
)
def test_vocabulary_files_hold_their_sections(data: dict[str, object], keys: set[str]) -> None:
    assert keys <= set(data)
    assert data.get("_about")
