"""What one spider does beyond the scenarios every kind passes (``tests/test_crawler_spiders_scenarios.py``)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from crawler.runner import local_settings, run_crawl
from store import open_db

FIXTURES = Path(__file__).parent / "fixtures"
JSON = "application/json"
LEVER_ROW = "Northpine,lever,northpine,energy & utilities,,false"


def test_lever_pages_until_short_page(fixture_server, tmp_path: Path) -> None:
    jobs = json.loads((FIXTURES / "lever" / "page.json").read_bytes())

    def page(path: str) -> tuple[int, str, bytes]:
        # Page size 1: skip=0 → job 1, skip=1 → job 2, skip=2 → [].
        skip = int(parse_qs(urlsplit(path).query)["skip"][0])
        return 200, JSON, json.dumps(jobs[skip : skip + 1]).encode()

    fixture_server.routes["/lever/v0/postings/northpine"] = (200, JSON, page)  # type: ignore[attr-defined]
    base = f"http://127.0.0.1:{fixture_server.server_address[1]}"
    sources = tmp_path / "sources.csv"
    sources.write_text("company,ats,board,industry,url,verified\n" + LEVER_ROW + "\n", encoding="utf-8")
    settings = {**local_settings(base, str(tmp_path / "jobs.db"), str(sources)), "LEVER_PAGE_SIZE": "1"}
    result = run_crawl(settings, spiders=["lever"])
    assert result.returncode == 0, result.stderr[-2000:]
    assert open_db(str(tmp_path / "jobs.db"))["pages"].count == 2
    assert "2 jobs" in result.stdout
