"""Find schema.org JobPosting objects in a page's JSON-LD, tolerating the ways real pages get it wrong.

Each ``<script type="application/ld+json">`` block is parsed on its own (one broken block does not hide
the others); sloppy JSON (comments, trailing commas, raw newlines in strings) is retried leniently;
postings are found at the top level, in lists and inside ``@graph``; keys are matched case-insensitively.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import jstyleson
import lxml.etree
import lxml.html

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def json_ld_blocks(page: str) -> list[Any]:
    """Every JSON-LD block in the page that parses (strictly, then leniently)."""
    try:
        root = lxml.html.fromstring(page)
    except (lxml.etree.ParserError, ValueError):
        return []
    blocks = []
    for script in root.xpath('//script[contains(translate(@type, "LDJSON+", "ldjson+"), "ld+json")]'):
        text = (script.text or "").strip()
        if not text:
            continue
        parsed = _loads(text)
        if parsed is not None:
            blocks.append(parsed)
    return blocks


def _loads(text: str) -> Any | None:
    try:
        return json.loads(text)
    except ValueError:
        pass
    # Raw newlines/tabs inside strings are the commonest breakage; then comments and trailing commas.
    cleaned = _CONTROL_CHARS.sub(" ", text.replace("\r", " ").replace("\n", " ").replace("\t", " "))
    try:
        return jstyleson.loads(cleaned)
    except ValueError:
        return None


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for item in node:
            yield from _walk(item)
    elif isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key.lower() == "@graph" or (isinstance(value, list) and key.lower() not in ("joblocation",)):
                yield from _walk(value)


def _types(node: dict[str, Any]) -> list[str]:
    value = lower_keys(node).get("@type", [])
    return [str(v) for v in (value if isinstance(value, list) else [value])]


def lower_keys(node: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in node.items()}


def job_postings(page: str) -> list[dict[str, Any]]:
    """The JobPosting objects of a page, with lower-cased keys (``datePosted`` → ``dateposted``)."""
    found = []
    for block in json_ld_blocks(page):
        for node in _walk(block):
            if any(t.rsplit("/", 1)[-1].lower() == "jobposting" for t in _types(node)):
                found.append(lower_keys(node))
    return found
