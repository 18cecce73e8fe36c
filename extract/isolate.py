"""One hostile posting costs that posting only: cleaning what a reader returns, analysis posting by posting.

Whatever a board sends, ``extract run`` and ``extract parse`` go on: a posting that cannot be analyzed is
reported with its id and reason, and the postings beside it are kept.

Two things are made safe before any step sees a posting:

* a lone surrogate (``"\\udcff"`` in JSON, half of a cut emoji) cannot be encoded as UTF-8, so SQLite, spaCy
  and standard output all fail on it: every text field has them replaced by U+FFFD;
* a description is cut to ``MAX_DESCRIPTION_CHARS``: memory in signatures, analysis and rows grows with it,
  and no real posting comes near (the whole text stays in the stored page). The cut is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace
from typing import Any

from spacy.language import Language

from extract.analyze import analyze
from extract.inputs import raw_from_record
from extract.model import Posting, RawPosting

# Real postings are under ~30,000 characters; analysis already reads only the first 200,000 (extract.analyze).
MAX_DESCRIPTION_CHARS = 200_000
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_TEXT_FIELDS = tuple(f.name for f in fields(RawPosting) if f.name not in ("salary", "page_id"))


def scrub(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (a str from JSON holds no valid pair)."""
    # An ASCII string (str.isascii reads a flag: no scan) holds no surrogate.
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


def clean_raw(raw: RawPosting) -> tuple[RawPosting, int | None]:
    """``raw`` made safe to analyze, print and store, and the description's length when it was cut."""
    for name in _TEXT_FIELDS:
        value = getattr(raw, name)
        if isinstance(value, str):
            setattr(raw, name, scrub(value))
    if raw.salary is not None:
        salary = raw.salary
        raw.salary = replace(
            salary,
            currency=scrub(salary.currency) if salary.currency else salary.currency,
            source=scrub(salary.source),
            note=scrub(salary.note) if salary.note else salary.note,
        )
    cut_from = None
    if len(raw.description) > MAX_DESCRIPTION_CHARS:
        cut_from = len(raw.description)
        raw.description = raw.description[:MAX_DESCRIPTION_CHARS]
    return raw, cut_from


def failure(error: BaseException) -> str:
    """An exception as one line of a report."""
    return scrub(f"{type(error).__name__}: {error}")


def analyze_each(raws: list[RawPosting], nlp: Language) -> list[Posting | str]:
    """A Posting per RawPosting, in order, or why that one could not be analyzed.

    The batch is analyzed at once; only when something in it raises is it analyzed again posting by posting.
    """
    try:
        return list(analyze(raws, nlp))
    except Exception:  # one posting's bug must not cost the others
        return [_analyze_one(raw, nlp) for raw in raws]


def _analyze_one(raw: RawPosting, nlp: Language) -> Posting | str:
    try:
        return next(iter(analyze([raw], nlp)))
    except Exception as error:
        return failure(error)


@dataclass(frozen=True, slots=True)
class Parsed:
    """One input record of ``extract parse``: its posting, or why it has none (``posting`` is then None)."""

    number: int  # the line number in the input
    record: dict[str, Any]
    posting: Posting | None
    error: str | None = None


def parse_records(records: Iterable[tuple[int, dict[str, Any]]], nlp: Language) -> Iterator[Parsed]:
    """Every record's posting, in order; a record that cannot be read or analyzed comes with its reason.

    This is ``extract parse``'s loop: nothing in one record (a surrogate, JSON-LD nested 100,000 deep, "Posted
    100000 years ago") stops the others. A read or analysis failure never raises.
    """
    read: list[tuple[int, dict[str, Any], RawPosting | str]] = []
    for number, record in records:
        try:
            read.append((number, record, clean_raw(raw_from_record(record))[0]))
        except Exception as error:  # RecordError, or any reader failure on hostile input
            read.append((number, record, failure(error)))
    raws = [raw for _, _, raw in read if isinstance(raw, RawPosting)]
    postings = iter(analyze_each(raws, nlp))
    for number, record, raw in read:
        outcome = next(postings) if isinstance(raw, RawPosting) else raw
        if isinstance(outcome, Posting):
            yield Parsed(number, record, outcome)
        else:
            yield Parsed(number, record, None, outcome)
