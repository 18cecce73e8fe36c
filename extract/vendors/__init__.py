"""Vendor adapters: a stored page's payload → the postings it states (``RawPosting``), nothing interpreted.

One module per source kind, each with ``read(payload_text, *, url, board, fetched_at) -> list[RawPosting]``.
An adapter raises ``PayloadError`` (naming what was wrong) when the payload is not in its vendor's shape.
"""

from __future__ import annotations

from collections.abc import Callable

from extract.model import RawPosting
from extract.vendors import (
    ashby,
    greenhouse,
    hn,
    jsonld,
    lever,
    personio,
    recruitee,
    remoteok,
    remotive,
    smartrecruiters,
    usajobs,
    workable,
)
from extract.vendors.common import PayloadError

Reader = Callable[..., list[RawPosting]]

READERS: dict[str, Reader] = {
    "greenhouse": greenhouse.read,
    "lever": lever.read,
    "ashby": ashby.read,
    "jsonld": jsonld.read,
    "workable": workable.read,
    "smartrecruiters": smartrecruiters.read,
    "recruitee": recruitee.read,
    "personio": personio.read,
    "hn": hn.read,
    "remotive": remotive.read,
    "remoteok": remoteok.read,
    "usajobs": usajobs.read,
}


def read_payload(source: str, body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    """The postings in one stored page of ``source``."""
    reader = READERS.get(source)
    if reader is None:
        raise PayloadError(f"no reader for source {source!r}")
    return reader(body, url=url, board=board, fetched_at=fetched_at)


__all__ = ["READERS", "PayloadError", "read_payload"]
