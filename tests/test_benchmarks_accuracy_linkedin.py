"""benchmarks.accuracy.linkedin: the rule named for each seniority disagreement."""

from __future__ import annotations

import pytest

from benchmarks.accuracy.linkedin import _seniority_path
from extract.seniority import infer_seniority


@pytest.mark.parametrize(
    ("title", "text", "path"),
    [
        ("Senior Buyer", "Buy things.", "title cue"),
        ("Buyer", "This is an entry-level position in purchasing.", "statement in the text"),
        ("Buyer", "3+ years of purchasing experience.", "years (3)"),
        ("Buyer II", "Buy things for our stores.", "ladder numeral"),
        ("Buyer", "Proven experience as a buyer.", "weighted experience"),
        (
            "Buyer",
            "Buy things for our stores.",
            "default (silent title, no years; the occupation's job zone)",
        ),
        ("Account Manager", "1 year of experience.", "years (1) (role-name manager: at least mid)"),
    ],
)
def test_seniority_path_names_the_deciding_rule(title: str, text: str, path: str) -> None:
    assert _seniority_path(title, text, infer_seniority(title, text)) == path
