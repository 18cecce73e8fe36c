"""``report.text.inert``: the one function every renderer uses to drop control and bidi characters."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable

import pytest

from report.explain import finite
from report.markup import esc
from report.render import _csv_safe, to_json
from report.text import inert, md


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Python", "Python"),
        ("Py\x1b[31mthon", "Py[31mthon"),  # ESC gone: the rest is plain text
        ("a\x00b", "ab"),
        ("\u202etxt.exe", "txt.exe"),
        ("x\u2066y\u2069z\u200f", "xyz"),
        ("csi\x9b31m", "csi31m"),
        ("lone \udcff", "lone "),
        ("tab\tline\nkept\r", "tab\tline\nkept\r"),
        ("Zürich — 東京 ✓", "Zürich — 東京 ✓"),
    ],
)
def test_inert_drops_active_characters(value: str, expected: str) -> None:
    assert inert(value) == expected


@pytest.mark.parametrize("render", [md, esc, lambda v: str(_csv_safe(v))])
def test_inert_every_renderer_uses_it(render: Callable[[str], str]) -> None:
    out = render("Acme\u202e \x1b[2J\x00Corp\u2066")
    assert not any(c in out for c in "\u202e\x1b\x00\u2066")
    assert "Acme" in out and "Corp" in out


def test_csv_safe_quotes_formula_after_inert() -> None:
    assert _csv_safe("\x1b=cmd") == "'=cmd"
    out = io.StringIO()
    csv.writer(out).writerow([_csv_safe({"note": "\u202e"})])
    assert "\u202e" not in out.getvalue()


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_to_json_rejects_non_finite(value: float) -> None:
    with pytest.raises(ValueError, match="JSON compliant"):
        to_json({"median": value})


def test_to_json_is_strict_json() -> None:
    assert json.loads(to_json({"median": 1e308, "n": 0})) == {"median": 1e308, "n": 0}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1e308, 1e308),
        (5e-324, 5e-324),
        (0, 0),
        (math.inf, None),
        (-math.inf, None),
        ("NaN", None),
        (None, None),
    ],
)
def test_finite_keeps_numbers_json_can_carry(value: object, expected: object) -> None:
    assert finite(value) == expected
