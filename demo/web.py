"""The HTTP side every format module shares: the parsed request, JSON and 404 answers, response caching.

``Response`` bodies are bytes exactly as served; ``cached`` keeps a board's payload once built, because the
crawler asks for the same large board several times (and the benchmarks serve thousands of postings).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from demo.model import HTML_TYPE, JSON_TYPE, Response

if TYPE_CHECKING:
    from demo.market import DemoMarket


def json_response(data: Any, status: int = 200) -> Response:
    return Response(status, JSON_TYPE, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def cached(market: DemoMarket, key: tuple[str, ...], build: Callable[[], Response]) -> Response:
    response = market._cache.get(key)
    if response is None:
        response = market._cache[key] = build()
    return response


def flag(params: dict[str, str], name: str) -> bool:
    return params.get(name, "").lower() == "true"


def not_found_page() -> Response:
    return Response(404, HTML_TYPE, b"<!DOCTYPE html>\n<html><body><h1>Page not found</h1></body></html>\n")


def page_bounds(params: dict[str, str], size_key: str, start_key: str, default_size: int) -> tuple[int, int]:
    size = int(params.get(size_key) or default_size)
    start = int(params.get(start_key) or 0)
    if size < 1 or start < 0:
        raise ValueError("bad paging")
    return start, size


@dataclass(frozen=True, slots=True)
class Request:
    base: str  # the server's base URL, no trailing slash
    params: dict[str, str]  # the query, last value of each name
    headers: dict[str, str]  # request headers, names lower-cased
