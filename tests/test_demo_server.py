"""The demo server: loopback only, serves the market byte for byte over real HTTP, quietly."""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import pytest

from demo.formats.hn import HN_STORY_ID
from demo.formats.usajobs import USAJOBS_KEY
from demo.market import DemoMarket, build_market
from demo.server import DemoServer, body_query

# Ignore any proxy settings in the environment: these requests must go straight to 127.0.0.1.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@cache
def small_market() -> DemoMarket:
    return build_market(postings=400)


@contextmanager
def running() -> Iterator[DemoServer]:
    with DemoServer(small_market()) as server:
        yield server


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with OPENER.open(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers["Content-Type"], error.read()


def test_demo_server_binds_loopback_on_a_free_port() -> None:
    with running() as server:
        host, port = server._httpd.server_address[:2]
        assert host == "127.0.0.1" and port > 0
        assert server.base_url == f"http://127.0.0.1:{port}"


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/robots.txt", ""),
        ("/greenhouse/v1/boards/tallowmere/jobs", "content=true&pay_transparency=true"),
        ("/lever/v0/postings/cogswell", "mode=json&skip=0&limit=10"),
        ("/ashby/posting-api/job-board/mirelight", "includeCompensation=true"),
        ("/careers/glasswing/sitemap.xml", ""),
        ("/lever/v0/postings/no-such-site", "mode=json"),
        ("/workable/api/v1/widget/accounts/fernhollow", "details=true"),
        ("/smartrecruiters/v1/companies/SaltmarshInsurance/postings", "limit=5&offset=5"),
        ("/recruitee/lumenlane/api/offers/", ""),
        ("/personio/brennwerk/xml", "language=en"),
        ("/hn/search", f"tags=comment,story_{HN_STORY_ID}&hitsPerPage=20&page=1"),
        ("/remotive/api/remote-jobs", ""),
        ("/remoteok/api", ""),
    ],
)
def test_demo_server_serves_the_market_over_http(path: str, query: str) -> None:
    with running() as server:
        expected = server.market.respond(path, query, server.base_url)
        status, content_type, body = fetch(
            f"{server.base_url}{path}?{query}" if query else server.base_url + path
        )
    assert (status, content_type, body) == expected


def test_demo_server_serves_a_job_page_listed_in_its_sitemap() -> None:
    with running() as server:
        job = next(j for j in server.market.jobs if j.posting.ats == "jsonld")
        url = f"{server.base_url}/careers/{job.posting.board}/jobs/{job.posting.source_id}"
        _, _, sitemap = fetch(f"{server.base_url}/careers/{job.posting.board}/sitemap.xml")
        status, content_type, page = fetch(url)
    assert url.encode() in sitemap
    assert status == 200 and content_type.startswith("text/html")
    assert b'<script type="application/ld+json">' in page


def test_demo_server_is_quiet(capsys: pytest.CaptureFixture[str]) -> None:
    with running() as server:
        fetch(server.base_url + "/robots.txt")
        fetch(server.base_url + "/missing")
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


def test_demo_server_stop_releases_the_port() -> None:
    server = DemoServer(small_market()).start()
    port = server.port
    server.stop()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass


def test_demo_server_module_prints_its_base_url() -> None:
    command = [sys.executable, "-W", "error", "-m", "demo.server", "--postings", "200"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:")
        status, _, body = fetch(base_url + "/robots.txt")
        assert status == 200 and body.startswith(b"User-agent: *")
    finally:
        process.terminate()
        process.communicate(timeout=10)


@pytest.mark.parametrize(("key", "status"), [(USAJOBS_KEY, 200), ("wrong-key", 401), (None, 401)])
def test_demo_server_usajobs_checks_the_key_header(key: str | None, status: int) -> None:
    with running() as server:
        request = urllib.request.Request(f"{server.base_url}/usajobs/api/search?ResultsPerPage=25&Page=1")
        if key is not None:
            request.add_header("Authorization-Key", key)
        try:
            with OPENER.open(request, timeout=10) as response:
                got = response.status
        except urllib.error.HTTPError as error:
            with error:
                got = error.code
    assert got == status


@pytest.mark.parametrize(
    ("query", "posted", "expected"),
    [
        ("", b'{"appliedFacets": {}, "limit": 20, "offset": 40, "searchText": ""}',
         "appliedFacets=%7B%7D&limit=20&offset=40&searchText="),
        ("a=1", b'{"appliedFacets": {"locations": ["x"]}}', "a=1&appliedFacets=%7B%22locations%22%3A%5B%22x%22%5D%7D"),
        ("a=1", b"not json", "a=1"),
        ("a=1", b"[1, 2]", "a=1"),
    ],
)  # fmt: skip
def test_body_query_passes_a_json_post_as_query_fields(query: str, posted: bytes, expected: str) -> None:
    assert body_query(query, posted) == expected


def test_server_answers_a_json_post_like_the_market() -> None:
    board = next(e.board for e in small_market().employers if e.ats == "workday")
    path = f"/workday/{board}.wd5.myworkdayjobs.com/{board}/Careers/jobs"
    body = b'{"appliedFacets": {}, "limit": 20, "offset": 0, "searchText": ""}'
    with running() as server:
        request = urllib.request.Request(server.base_url + path, data=body, method="POST",
                                         headers={"Content-Type": "application/json"})  # fmt: skip
        with OPENER.open(request, timeout=10) as response:
            got = response.read()
    expected = small_market().respond(path, body_query("", body), server.base_url)
    assert got == expected.body and expected.status == 200
