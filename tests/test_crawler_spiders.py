"""Each spider against fixture responses in its vendor's format, served on 127.0.0.1 through Scrapy."""

from __future__ import annotations

import http.server
from pathlib import Path

import pytest

from crawler.runner import local_settings, run_crawl
from store import open_db

FIXTURES = Path(__file__).parent / "fixtures"

JSON = "application/json"


def _fixture(path: str, base: str = "") -> bytes:
    return (FIXTURES / path).read_text(encoding="utf-8").replace("{base}", base).encode()


def _crawl(
    server: http.server.ThreadingHTTPServer, tmp_path: Path, rows: list[str], spider: str
) -> tuple[str, str]:
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sources = tmp_path / "sources.csv"
    lines = ["company,ats,board,industry,url,verified", *(r.replace("{base}", base) for r in rows)]
    sources.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db_path = str(tmp_path / "jobs.db")
    result = run_crawl(local_settings(base, db_path, str(sources)), spiders=[spider])
    assert result.returncode == 0, result.stderr[-3000:]
    return db_path, result.stdout


ROUTES = {
    "greenhouse": {"/greenhouse/v1/boards/tidewell/jobs": (200, JSON, "greenhouse/board.json")},
    "lever": {"/lever/v0/postings/northpine": (200, JSON, "lever/page.json")},
    "ashby": {"/ashby/posting-api/job-board/brightquay": (200, JSON, "ashby/board.json")},
    "jsonld": {
        "/careers/larkspur/sitemap.xml": (200, "application/xml", "jsonld/sitemap.xml"),
        "/careers/larkspur/jobs/LT-77": (200, "text/html; charset=utf-8", "jsonld/job.html"),
    },
}
BOARDS = {
    "greenhouse": "Tidewell Labs,greenhouse,tidewell,software & internet,,false",
    "lever": "Northpine,lever,northpine,energy & utilities,,false",
    "ashby": "Brightquay,ashby,brightquay,finance & banking,,false",
    "jsonld": "Larkspur Travel,jsonld,larkspur,hospitality & travel,{base}/careers/larkspur/sitemap.xml,false",
}


def _serve(server: http.server.ThreadingHTTPServer, spider: str) -> None:
    base = f"http://127.0.0.1:{server.server_address[1]}"
    for path, (status, ctype, fixture) in ROUTES[spider].items():
        server.routes[path] = (status, ctype, _fixture(fixture, base))  # type: ignore[attr-defined]


@pytest.mark.parametrize(("spider", "pages"), [("greenhouse", 1), ("lever", 1), ("ashby", 1), ("jsonld", 1)])
def test_spider_stores_pages_and_boards(fixture_server, tmp_path: Path, spider: str, pages: int) -> None:
    _serve(fixture_server, spider)
    db_path, summary = _crawl(fixture_server, tmp_path, [BOARDS[spider]], spider)
    db = open_db(db_path)
    rows = list(db.query("select source, board, status, body from pages"))
    assert len(rows) == pages
    assert {r["source"] for r in rows} == {spider}
    assert all(r["status"] == 200 and r["body"] for r in rows)
    assert db["boards"].count == 1
    assert " ok " in summary


@pytest.mark.parametrize("spider", ["greenhouse", "lever", "ashby", "jsonld"])
def test_spider_recrawl_adds_no_rows(fixture_server, tmp_path: Path, spider: str) -> None:
    _serve(fixture_server, spider)
    db_path, _ = _crawl(fixture_server, tmp_path, [BOARDS[spider]], spider)
    _crawl(fixture_server, tmp_path, [BOARDS[spider]], spider)
    assert open_db(db_path)["pages"].count == 1


@pytest.mark.parametrize(
    ("spider", "row"),
    [
        ("greenhouse", "Ghost,greenhouse,nosuchboard,education,,false"),
        ("lever", "Ghost,lever,nosuchboard,education,,false"),
        ("ashby", "Ghost,ashby,nosuchboard,education,,false"),
        ("jsonld", "Ghost,jsonld,ghost,education,{base}/careers/ghost/sitemap.xml,false"),
    ],
)
def test_spider_unknown_board_is_failed_not_empty(
    fixture_server, tmp_path: Path, spider: str, row: str
) -> None:
    db_path, summary = _crawl(fixture_server, tmp_path, [row], spider)
    assert " failed " in summary
    assert open_db(db_path)["pages"].count == 0


def test_greenhouse_empty_board_is_empty(fixture_server, tmp_path: Path) -> None:
    fixture_server.routes["/greenhouse/v1/boards/tidewell/jobs"] = (
        200,
        JSON,
        _fixture("greenhouse/empty.json"),
    )  # type: ignore[attr-defined]
    _, summary = _crawl(fixture_server, tmp_path, [BOARDS["greenhouse"]], "greenhouse")
    assert " empty " in summary


@pytest.mark.parametrize("spider", ["greenhouse", "lever", "ashby"])
def test_spider_malformed_json_fails_board_and_stores_nothing(
    fixture_server, tmp_path: Path, spider: str
) -> None:
    path = next(iter(ROUTES[spider]))
    fixture_server.routes[path] = (200, JSON, b'{"jobs": [ {"id": 1,')  # type: ignore[attr-defined]
    db_path, summary = _crawl(fixture_server, tmp_path, [BOARDS[spider]], spider)
    assert " failed " in summary and "malformed JSON" in summary
    assert open_db(db_path)["pages"].count == 0


def test_lever_pages_until_short_page(fixture_server, tmp_path: Path) -> None:
    jobs = _fixture("lever/page.json")

    def page(path: str) -> tuple[int, str, bytes]:
        # Page size 1: skip=0 → job 1, skip=1 → job 2, skip=2 → [].
        import json
        from urllib.parse import parse_qs, urlsplit

        skip = int(parse_qs(urlsplit(path).query)["skip"][0])
        return 200, JSON, json.dumps(json.loads(jobs)[skip : skip + 1]).encode()

    fixture_server.routes["/lever/v0/postings/northpine"] = (200, JSON, page)  # type: ignore[attr-defined]
    base = f"http://127.0.0.1:{fixture_server.server_address[1]}"
    sources = tmp_path / "sources.csv"
    sources.write_text("company,ats,board,industry,url,verified\n" + BOARDS["lever"] + "\n", encoding="utf-8")
    settings = {**local_settings(base, str(tmp_path / "jobs.db"), str(sources)), "LEVER_PAGE_SIZE": "1"}
    result = run_crawl(settings, spiders=["lever"])
    assert result.returncode == 0, result.stderr[-2000:]
    assert open_db(str(tmp_path / "jobs.db"))["pages"].count == 2
    assert "2 jobs" in result.stdout
