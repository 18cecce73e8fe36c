"""Small helpers every vendor adapter uses.

A payload is JSON or XML from the web: a field documented as text can arrive as a number, a list or an
object. ``text_or_none`` and ``text`` turn what is text-like into text and never a Python repr
(``"{'name': …}"`` stored as a location is worse than no location); ``posting_id`` keeps ``0`` as an id;
``as_dict`` and ``as_list`` read a field of the wrong kind as an empty one.
"""

from __future__ import annotations

import dataclasses
import json
import math
from typing import Any

from extract.model import Salary
from extract.salary import find_salary


class PayloadError(ValueError):
    """A stored payload is not in the shape its vendor documents."""


class PostingError(PayloadError):
    """One posting of a payload cannot be read (its id is an object, …); the message names the posting."""


def load_json(body: str, url: str) -> Any:
    try:
        return json.loads(body)
    except ValueError as error:
        raise PayloadError(f"malformed JSON from {url}: {error}") from None


def text_or_none(value: Any) -> str | None:
    """Text of a scalar field; a list of scalars joined with "; "; None for an object, a bool, NaN or nothing."""
    if value is None or isinstance(value, (bool, dict)):
        return None
    if isinstance(value, list):
        items = [text_or_none(v) for v in value if not isinstance(v, list)]
        return "; ".join(dict.fromkeys(t for t in items if t)) or None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None  # Python's json reads NaN and Infinity: no text of a field
        value = int(value) if value.is_integer() else value
    text = str(value).strip()
    return text or None


def text(value: Any) -> str:
    """``text_or_none`` for fields that are always text (titles, HTML bodies): "" when there is none."""
    return text_or_none(value) or ""


def join_parts(parts: list[Any], separator: str = ", ") -> str | None:
    """Address parts (city, region, country) as one line, skipping empty ones."""
    texts = [text_or_none(p) for p in parts]
    return separator.join(t for t in texts if t) or None


def has_id(value: Any) -> bool:
    """Whether a posting states an id at all: ``0`` does (falsy, but an id), ``None`` and ``""`` do not."""
    return value is not None and not (isinstance(value, str) and not value.strip())


_NOT_AN_ID = {dict: "an object", list: "a list", bool: "a boolean"}


def posting_id(value: Any) -> str:
    """The vendor's posting id as text. An object, a list or a boolean is no id: its repr would become the
    posting's key, so it is a ``PostingError`` saying what the id was (the caller names the page)."""
    kind = _NOT_AN_ID.get(type(value))
    if kind is not None or not has_id(value):
        raise PostingError(f"a posting's id is {kind or 'missing'}, not a string or number")
    return text(value)


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    """A field documented as a list, as a list: one object or one string sent where a list of them is meant
    is a list of that one (a posting with one pay range, one duty); anything else (missing, a number, a
    boolean) is an empty list, not a ``TypeError`` that loses the page's other postings."""
    if isinstance(value, list):
        return value
    return [value] if isinstance(value, (dict, str)) and value else []


def pay_from_text_field(value: Any, source: str) -> Salary | None:
    """Pay stated as free text in a field that is itself the pay ("$22 - $26 per hour", "Competitive").

    The field's name is the pay cue the text lacks, so the text is read as if labelled "Pay:"; "DOE" or
    "Competitive" give None. ``source`` names the field (``bamboohr.compensation``).
    """
    stated = text_or_none(value)
    salary = find_salary(f"Pay: {stated}") if stated else None
    return dataclasses.replace(salary, source=source) if salary else None
