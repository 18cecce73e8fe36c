"""Small helpers every vendor adapter uses."""

from __future__ import annotations

import json
from typing import Any


class PayloadError(ValueError):
    """A stored payload is not in the shape its vendor documents."""


def load_json(body: str, url: str) -> Any:
    try:
        return json.loads(body)
    except ValueError as error:
        raise PayloadError(f"malformed JSON from {url}: {error}") from None


def text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
