"""The values ``extract report`` and ``extract explain`` accept, checked before any figure is built.

A value no posting can have (``--segment function=enginering``, ``--currency XYZ``) would give an empty
report that looks like a real one, so it is an error naming the option and listing the valid values, or the
closest ones when there are many. Valid values are the closed vocabularies (``store.vocabularies``) plus
what the database holds: functions and seniorities from both, roles, industries, sources, SOC major groups
and pay currencies from the database alone. Text values match case-insensitively, as the scope compares them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import sqlite_utils

from report.scope import TEXT_COLUMNS, normalize_segment
from store.views import JOB_FIELDS
from store.vocabularies import FUNCTIONS, SENIORITY

# Values that are valid even when no posting holds them yet (an empty slice is then a true answer).
VOCABULARIES: dict[str, tuple[str, ...]] = {"function": FUNCTIONS, "seniority": SENIORITY}
# Up to this many valid values are listed whole; beyond it, only the closest ones.
LIST_ALL = 30
CLOSEST = 5


class UnknownValue(ValueError):
    """A value no posting can match; ``option`` names the command-line option it came from."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


def stored_values(db: sqlite_utils.Database, name: str) -> list[str]:
    """The distinct non-empty values of segment ``name``'s column in ``postings``."""
    column = TEXT_COLUMNS[name]  # an allow-listed column name, never user text
    rows = db.execute(f"SELECT DISTINCT {column} FROM postings WHERE trim({column}) != ''").fetchall()
    return [str(row[0]) for row in rows]


def stored_currencies(db: sqlite_utils.Database) -> list[str]:
    """The currencies of disclosed pay, as the pay figures read them (``store.views.JOB_FIELDS``)."""
    rows = db.execute(f"SELECT DISTINCT {JOB_FIELDS['pay_currency']} AS c FROM postings WHERE c IS NOT NULL")
    return [str(row[0]) for row in rows.fetchall()]


def valid_values(vocabulary: Iterable[str], stored: Iterable[str]) -> list[str]:
    """The vocabulary in its order, then the stored values it lacks (compared case-insensitively), sorted."""
    values = list(dict.fromkeys(vocabulary))
    known = {v.casefold() for v in values}
    return values + sorted({v for v in stored if v.casefold() not in known}, key=str.casefold)


def unknown_message(what: str, value: str, valid: list[str]) -> str | None:
    """None when ``value`` is one of ``valid`` (case-insensitively); else why not, with the valid values
    (all when few, else the closest)."""
    folded = {v.casefold(): v for v in valid}
    if value.casefold() in folded:
        return None
    if not valid:
        return f"unknown {what} {value!r}: the database holds no {what} values"
    close = difflib.get_close_matches(value.casefold(), list(folded), n=CLOSEST, cutoff=0.6)
    head = f"unknown {what} {value!r}" + (
        f"; did you mean {', '.join(folded[c] for c in close)}?" if close else ""
    )
    if len(valid) <= LIST_ALL:
        return f"{head} (valid: {', '.join(valid)})"
    if close:
        return f"{head} ({len(valid)} valid values)"
    nearest = difflib.get_close_matches(value.casefold(), list(folded), n=CLOSEST, cutoff=0)
    return f"{head}; the closest of {len(valid)} valid values: {', '.join(folded[c] for c in nearest)}"


def _segment_terms(segment: str) -> list[tuple[str, str]]:
    """(name, value) of each ``name=value`` term of a valid segment spelling."""
    terms = [term.partition("=") for term in normalize_segment(segment).split(" & ")]
    return [(name, value) for name, sep, value in terms if sep]


def check_segment(db: sqlite_utils.Database, segment: str) -> None:
    """Raise ``UnknownValue`` for a malformed segment or a text value no posting can match."""
    try:
        terms = _segment_terms(segment)
    except ValueError as error:
        raise UnknownValue("--segment", str(error)) from None
    for name, value in terms:
        if name not in TEXT_COLUMNS:
            continue  # ai= and llm_focused= are checked by the scope itself
        valid = valid_values(VOCABULARIES.get(name, ()), stored_values(db, name))
        message = unknown_message(name, value, valid)
        if message:
            raise UnknownValue("--segment", message)


def check_currency(db: sqlite_utils.Database, currency: str) -> None:
    """Raise ``UnknownValue`` when no disclosed pay in the database is in ``currency``."""
    message = unknown_message("currency", currency.strip(), stored_currencies(db))
    if message:
        raise UnknownValue("--currency", message)


def check_scope_values(db: sqlite_utils.Database, *, segment: str | None, currency: str | None) -> None:
    """Check the values of ``--segment`` and ``--currency`` against the vocabularies and the database."""
    if segment:
        check_segment(db, segment)
    if currency:
        check_currency(db, currency)
