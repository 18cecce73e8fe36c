"""Postings given as JSON Lines (the labelled-postings format): one line → one record → one RawPosting.

Fields: id, format (greenhouse_html | lever_text | jsonld_page | hn_comment | plain), url, fetched_at,
title, company, body. This is how ``extract parse`` and ``extract eval`` read postings that were not
crawled.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from extract.hn import parse_hn_header
from extract.html_text import html_to_text
from extract.model import RawPosting
from extract.vendors import jsonld

FORMATS = ("greenhouse_html", "lever_text", "jsonld_page", "hn_comment", "plain")


class RecordError(ValueError):
    """A record is missing what it needs."""


def read_records(
    lines: Iterable[str], name: str, warn: Callable[[str], None]
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) for each JSON Lines record; a malformed line (JSON nested too deep to parse
    included) is reported with its number and skipped."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
        except ValueError as error:
            warn(f"{name}:{number}: skipped malformed line: {error}")
            continue
        except RecursionError:
            warn(f"{name}:{number}: skipped malformed line: JSON nested too deep to read")
            continue
        yield number, record


def raw_from_record(record: Mapping[str, Any]) -> RawPosting:
    fmt = str(record.get("format") or "plain")
    if fmt not in FORMATS:
        raise RecordError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    body = record.get("body")
    if not isinstance(body, str):
        raise RecordError("body must be a string")
    common: dict[str, Any] = {
        "source": fmt,
        "source_id": str(record.get("id") or ""),
        "fetched_at": str(record.get("fetched_at") or ""),
        "url": record.get("url"),
        "company": record.get("company") or None,
    }
    title = str(record.get("title") or "")
    place = _place(record)
    raw = _raw_of_format(fmt, body, title, common, record)
    raw.location = place or raw.location  # the caller's own statement beats a place read from the text
    return raw


def _place(record: Mapping[str, Any]) -> str | None:
    """The record's ``location`` and ``country`` as one place ("Leeds, United Kingdom"): the salary reads a
    figure written without a currency in the place's currency."""
    parts = [str(record[key]).strip() for key in ("location", "country") if record.get(key)]
    return ", ".join(p for p in parts if p) or None


def _raw_of_format(
    fmt: str, body: str, title: str, common: dict[str, Any], record: Mapping[str, Any]
) -> RawPosting:
    """The posting as its format states it."""
    if fmt == "jsonld_page":
        found = jsonld.read(
            body, url=str(record.get("url") or ""), board=None, fetched_at=common["fetched_at"]
        )
        if found:
            raw = found[0]
            raw.source, raw.source_id = fmt, common["source_id"]
            raw.title = raw.title or title
            raw.company = raw.company or common["company"]
            return raw
        return RawPosting(title=title, description=html_to_text(body), **common)
    if fmt == "hn_comment":
        text = html_to_text(body)
        header = parse_hn_header(text)
        return RawPosting(
            title=title or header.get("role") or "",
            description=text,
            location=header.get("location"),
            remote_hint=header.get("remote"),
            **{**common, "company": common["company"] or header.get("company")},
        )
    description = html_to_text(body) if fmt == "greenhouse_html" else body.strip()
    return RawPosting(title=title, description=description, **common)
