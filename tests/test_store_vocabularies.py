"""The vocabularies the store's columns hold, written once in ``store.vocabularies``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.vocabularies import FUNCTIONS, SENIORITY, seniority_rank

FUNCTIONS_FILE = Path(__file__).parents[1] / "extract" / "data" / "functions.json"


def test_functions_match_the_role_map() -> None:
    assert tuple(json.loads(FUNCTIONS_FILE.read_text(encoding="utf-8"))["functions"]) == FUNCTIONS


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["senior", "intern", "mid"], ["intern", "mid", "senior"]),
        (["executive", "staff", "manager", "entry"], ["entry", "staff", "manager", "executive"]),
        ([None, "wizard", "director", "apprentice"], ["director", None, "apprentice", "wizard"]),
    ],
)
def test_seniority_rank_sorts_in_career_order_unknown_after(values, expected) -> None:
    assert sorted(values, key=seniority_rank) == expected


def test_seniority_lists_eight_levels_once() -> None:
    assert len(SENIORITY) == len(set(SENIORITY)) == 8
