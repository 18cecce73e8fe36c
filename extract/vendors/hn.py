"""HN "Who is hiring?" comments page from the Algolia search API: one posting per top-level comment.

The header line ("Company | Role | Location | REMOTE | $salary") is read by ``extract.hn.parse_hn_header``;
the salary stays in the description, where the text salary parser finds it.
"""

from __future__ import annotations

from typing import Any

from extract.hn import parse_hn_header
from extract.html_text import html_to_text
from extract.model import RawPosting
from extract.vendors.common import PayloadError, has_id, load_json, posting_id, text, text_or_none


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    data = load_json(body, url)
    if not isinstance(data, dict) or not isinstance(data.get("hits"), list):
        raise PayloadError(f"{url}: Algolia payload without a hits list")
    return [_posting(hit, board, fetched_at) for hit in data["hits"] if _is_job_post(hit)]


def _is_job_post(hit: Any) -> bool:
    # Replies ("Is this role open to EU?") share the thread; only top-level comments are job posts.
    return (
        isinstance(hit, dict)
        and has_id(hit.get("objectID"))
        and bool(hit.get("comment_text"))
        and hit.get("parent_id") is not None
        and str(hit.get("parent_id")) == str(hit.get("story_id"))
    )


def _posting(hit: dict[str, Any], board: str | None, fetched_at: str) -> RawPosting:
    comment = html_to_text(text(hit["comment_text"]))
    header = parse_hn_header(comment)
    return RawPosting(
        source="hn",
        source_id=posting_id(hit["objectID"]),
        board=board,
        company=text_or_none(header.get("company")),
        title=text(header.get("role")),
        description=comment,
        fetched_at=fetched_at,
        url=f"https://news.ycombinator.com/item?id={text(hit['objectID'])}",
        location=text_or_none(header.get("location")),
        remote_hint=text_or_none(header.get("remote")),
        employment_type=text_or_none(header.get("employment_type")),
        posted=text_or_none(hit.get("created_at")),
    )
