"""The values report options accept: vocabularies plus the database, matched case-insensitively, with the valid
or closest values named in the error."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sqlite_utils

from jobpulse.choices import (
    LIST_ALL,
    UnknownValue,
    check_scope_values,
    stored_currencies,
    unknown_message,
    valid_values,
)


@pytest.mark.parametrize(
    ("vocabulary", "stored", "expected"),
    [
        (("b", "a"), ["A", "c", "B"], ["b", "a", "c"]),
        ((), ["zeta", "Alpha"], ["Alpha", "zeta"]),
        (("x",), [], ["x"]),
    ],
)
def test_valid_values_keep_vocabulary_order_then_stored(
    vocabulary: tuple[str, ...], stored: list[str], expected: list[str]
) -> None:
    assert valid_values(vocabulary, stored) == expected


MANY = [f"role {i:03d}" for i in range(LIST_ALL + 5)]


@pytest.mark.parametrize(
    ("value", "valid", "start", "end"),
    [
        ("Engineering", ["engineering", "design"], None, None),
        (
            "enginering",
            ["engineering", "design"],
            "unknown x 'enginering'; did you mean engineering?",
            " (valid: engineering, design)",
        ),
        ("qq", ["engineering", "design"], "unknown x 'qq' (valid:", "engineering, design)"),
        ("qq", [], "unknown x 'qq': the database holds no x values", ""),
        (
            "role 0077",
            MANY,
            "unknown x 'role 0077'; did you mean role 007, ",
            f"? ({len(MANY)} valid values)",
        ),
        ("zz", MANY, f"unknown x 'zz'; the closest of {len(MANY)} valid values: role ", ""),
    ],
)
def test_unknown_message_lists_valid_or_closest_values(
    value: str, valid: list[str], start: str | None, end: str | None
) -> None:
    message = unknown_message("x", value, valid)
    if start is None or end is None:
        assert message is None
    else:
        assert message is not None and message.startswith(start) and message.endswith(end)


def test_stored_currencies_are_those_of_disclosed_pay(
    build_golden_db: Callable[[], sqlite_utils.Database],
) -> None:
    assert sorted(stored_currencies(build_golden_db())) == ["EUR", "USD"]


@pytest.mark.parametrize(
    ("segment", "currency", "option"),
    [
        ("function=enginering", None, "--segment"),
        ("ai=sometimes", None, "--segment"),
        (None, "GBP", "--currency"),
        ("function=engineering & role=ai engineer & ai=any & llm_focused", "usd", None),
    ],
)
def test_check_scope_values_names_the_option(
    build_golden_db: Callable[[], sqlite_utils.Database],
    segment: str | None,
    currency: str | None,
    option: str | None,
) -> None:
    db = build_golden_db()
    if option is None:
        check_scope_values(db, segment=segment, currency=currency)
        return
    with pytest.raises(UnknownValue) as error:
        check_scope_values(db, segment=segment, currency=currency)
    assert error.value.option == option
