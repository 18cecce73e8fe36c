"""What a spider yields: a raw response to store, uninterpreted."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class RawPage:
    url: str
    source: str  # spider / vendor name
    board: str | None  # employer slug on that vendor
    status: int
    content_type: str | None
    body: str
    fetched_at: str
