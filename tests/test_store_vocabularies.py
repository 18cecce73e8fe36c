"""The vocabularies the store's columns hold, written once in ``store.vocabularies``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.vocabularies import FUNCTIONS, SENIORITY, SOC_MAJOR_GROUPS, seniority_rank, soc_major_name

FUNCTIONS_FILE = Path(__file__).parents[1] / "extract" / "data" / "functions.json"
OCCUPATIONS_FILE = Path(__file__).parents[1] / "extract" / "data" / "onet_occupations.tsv"


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


def test_soc_major_groups_name_every_major_group_of_the_occupations() -> None:
    lines = OCCUPATIONS_FILE.read_text(encoding="utf-8").splitlines()
    majors = {line[:2] for line in lines if line[:2].isdigit()}
    assert len(SOC_MAJOR_GROUPS) == 23 and majors == set(SOC_MAJOR_GROUPS)


@pytest.mark.parametrize(
    ("code", "expected"), [("29", "Healthcare Practitioners and Technical"), ("99", None), (None, None)]
)
def test_soc_major_name(code: str | None, expected: str | None) -> None:
    assert soc_major_name(code) == expected
