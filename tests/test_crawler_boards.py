"""The shared spider bases: requests of any shape, API roots filled in from a sources row, counts."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, ClassVar

import pytest
import scrapy
from scrapy.utils.test import get_crawler

import crawler.settings
from crawler.boards import FAILED, BoardSpider, int_or_zero
from crawler.sources import Source
from crawler.spiders import spider_class

PROJECT = {name: value for name, value in vars(crawler.settings).items() if name.isupper()}
ACME = Source(company="Acme", ats="example", board="acme", industry="education")
WORKDAY_URL = "https://acme.wd5.myworkdayjobs.com/en-US/External"


class ExampleSpider(BoardSpider):
    """A platform that needs what Workday needs: a JSON POST to a root built from the row's careers URL."""

    name = "example"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        yield self.request(
            f"{self.api_root(source)}/jobs", source, self.parse, data={"limit": 20, "offset": 0}
        )


class SessionSpider(ExampleSpider):
    session_cookies: ClassVar[bool] = True


def _spider(cls: type[scrapy.Spider], **settings: Any) -> Any:
    return cls.from_crawler(get_crawler(cls, {**PROJECT, **settings}))


@pytest.mark.parametrize(
    ("options", "method", "body", "content_type"),
    [
        ({}, "GET", b"", None),
        ({"method": "HEAD"}, "HEAD", b"", None),
        ({"data": {"offset": 0, "limit": 20}}, "POST", b'{"limit": 20, "offset": 0}', b"application/json"),
        (
            {"data": {"appliedFacets": {}}, "method": "PUT"},
            "PUT",
            b'{"appliedFacets": {}}',
            b"application/json",
        ),
        ({"data": []}, "POST", b"[]", b"application/json"),
    ],
)
def test_request_builds_method_and_json_body(
    options: dict[str, Any], method: str, body: bytes, content_type: bytes | None
) -> None:
    spider = ExampleSpider()
    request = spider.request("https://api.example.org/jobs", ACME, spider.parse, page=2, **options)
    assert (request.method, request.body) == (method, body)
    assert request.headers.get("Content-Type") == content_type
    if content_type:
        assert json.loads(request.body) == options["data"]
    assert request.cb_kwargs == {"source": ACME, "page": 2}
    assert request.meta == {"source": ACME}
    assert request.errback == spider.on_error


@pytest.mark.parametrize(
    "headers",
    [{"X-Api-Key": "k1"}, {"Accept-Language": "en-US", "Referer": "https://acme.example/careers"}],
)
def test_request_adds_headers(headers: dict[str, str]) -> None:
    spider = ExampleSpider()
    request = spider.request("https://api.example.org/jobs", ACME, spider.parse, data={}, headers=headers)
    for name, value in headers.items():
        assert request.headers.get(name) == value.encode()
    assert request.headers.get("Content-Type") == b"application/json"


@pytest.mark.parametrize(
    ("cls", "jar", "cookies"), [(ExampleSpider, None, False), (SessionSpider, "acme", True)]
)
def test_session_cookies_turn_on_cookies_and_one_jar_per_board(
    cls: type[BoardSpider], jar: str | None, cookies: bool
) -> None:
    spider = _spider(cls)
    request = spider.request("https://api.example.org/jobs", ACME, spider.parse)
    assert request.meta.get("cookiejar") == jar
    assert spider.settings.getbool("COOKIES_ENABLED") is cookies


@pytest.mark.parametrize(
    ("kind", "source", "overrides", "root"),
    [
        ("greenhouse", Source("T", "greenhouse", "tidewell", ""), {}, "https://boards-api.greenhouse.io"),
        ("recruitee", Source("K", "recruitee", "kanaalzicht", ""), {}, "https://kanaalzicht.recruitee.com"),
        ("lever", Source("N", "lever", "northpine", ""), {"lever": "http://127.0.0.1:9/lever/"}, "http://127.0.0.1:9/lever"),
        ("jsonld", Source("L", "jsonld", "larkspur", "", url="https://l.example/sitemap/"), {}, "https://l.example/sitemap/"),
    ],
)  # fmt: skip
def test_api_root_fills_in_the_row_over_the_base(
    kind: str, source: Source, overrides: dict[str, str], root: str
) -> None:
    settings = {"JOBPULSE_API_ROOTS": json.dumps(overrides)} if overrides else {}
    assert _spider(spider_class(kind), **settings).api_root(source) == root


@pytest.mark.parametrize(
    ("template", "source", "url"),
    [
        ("https://{host}/wday/cxs/{tenant}/{site}", Source("Acme", "example", "acme", "", url=WORKDAY_URL),
         "https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/External/jobs"),
        ("https://{host}/wday/cxs/{tenant}/{site}",
         Source("Acme", "example", "acme", "", url=WORKDAY_URL, options=(("site", "Internal"),)),
         "https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/Internal/jobs"),
        ("https://{board}.example.org/{region}/", Source("Acme", "example", "acme", "", options=(("region", "eu"),)),
         "https://acme.example.org/eu/jobs"),
    ],
)  # fmt: skip
def test_board_requests_post_json_to_a_root_from_the_row(template: str, source: Source, url: str) -> None:
    spider = _spider(ExampleSpider, JOBPULSE_API_ROOTS=json.dumps({"example": template}))
    [request] = spider.first_requests(source)
    assert (request.url, request.method, json.loads(request.body)) == (
        url,
        "POST",
        {"limit": 20, "offset": 0},
    )


@pytest.mark.parametrize("missing", ["host", "tenant"])
def test_board_without_what_its_root_needs_fails_with_the_name(missing: str) -> None:
    spider = _spider(ExampleSpider, JOBPULSE_API_ROOTS=json.dumps({"example": f"https://{{{missing}}}/api"}))
    assert spider.first_requests(ACME) == []
    outcome, detail = spider.board_outcomes["acme"]
    assert outcome == FAILED and f"{{{missing}}}" in detail and "options" in detail


@pytest.mark.parametrize(
    ("value", "count"),
    [
        ("12", 12),
        (7, 7),
        (None, 0),
        ("n/a", 0),
        ([], 0),
        (float("inf"), 0),
        (float("nan"), 0),
        (json.loads("1e400"), 0),
    ],
)
def test_int_or_zero_reads_counts(value: Any, count: int) -> None:
    assert int_or_zero(value) == count
