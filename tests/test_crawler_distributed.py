"""Distributed crawling for real: a local redis-server, the demo market, two ``scrapy crawlall`` processes.

Needs Debian's ``redis-server`` and the ``distributed`` extra (``.ci/run`` installs both); each test starts
its own Redis on a free port. Without them the tests skip, except in CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import socket
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from crawler.runner import distributed_settings, local_settings, start_crawl
from demo.market import DemoMarket, build_market
from demo.server import DemoServer
from store import open_db
from store.merge import merge_crawl

PROCESSES = 2
CRAWL_TIMEOUT = 90  # seconds; a crawl here takes about 8


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answers_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


@contextmanager
def _redis_server(tmp_path: Path) -> Iterator[str]:
    """A throwaway redis-server on 127.0.0.1 (no persistence); yields its URL."""
    binary = shutil.which("redis-server")
    reason = ""
    if binary is None:
        reason = "redis-server is not installed (apt-get install redis-server)"
    elif importlib.util.find_spec("scrapy_redis") is None:
        reason = "scrapy-redis is not installed (pip install -e '.[distributed]')"
    if reason:
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(f"{reason}: CI must run the distributed crawl test")
        pytest.skip(reason)
    assert binary is not None
    port = _free_port()
    log = tmp_path / "redis.log"
    args = [
        "--save",
        "",
        "--appendonly",
        "no",
        "--port",
        str(port),
        "--bind",
        "127.0.0.1",
        "--logfile",
        str(log),
    ]
    server = subprocess.Popen([binary, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not _answers_ping(port):
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"redis-server did not start: {log.read_text() if log.exists() else ''}")
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _crawl_concurrently(settings: list[dict[str, str]], spiders: list[str]) -> list[tuple[str, str]]:
    """Start every crawl at once, wait for all; each one's (stdout, stderr)."""
    processes = [start_crawl(s, spiders) for s in settings]
    try:
        outputs = [p.communicate(timeout=CRAWL_TIMEOUT) for p in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.communicate()
    for process, (_, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr[-4000:]
    return outputs


def _summary_boards(stdout: str) -> list[tuple[str, str, str]]:
    """(spider, board, outcome) rows of the ``crawlall`` summary table."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("spider "))
    rows = [line.split() for line in lines[start + 1 :] if not line.startswith("boards:")]
    return [(row[0], row[1], row[2]) for row in rows]


def _stat(stderr: str, name: str) -> int:
    """A crawl stat summed over the process's spiders (Scrapy dumps each spider's stats at INFO)."""
    return sum(int(n) for n in re.findall(rf"'{re.escape(name)}': (\d+)", stderr))


def _expected_pages(market: DemoMarket, base_url: str) -> dict[str, set[str]]:
    """What a complete crawl stores: one page per API board, one per JSON-LD job page (ats → URLs or boards)."""
    pages: dict[str, set[str]] = {}
    for e in market.employers:
        if e.ats == "jsonld":
            urls = {
                f"{base_url}/careers/{e.board}/jobs/{j.posting.source_id}"
                for j in market.board_jobs("jsonld", e.board)
            }
            pages.setdefault("jsonld", set()).update(urls)
        else:
            pages.setdefault(e.ats, set()).add(e.board)
    return pages


@pytest.mark.parametrize("layout", ["shared-database", "database-per-machine"])
def test_distributed_crawl_stores_every_posting_once(tmp_path: Path, layout: str) -> None:
    market = build_market(postings=400)
    # The one-page-per-board vendors and JSON-LD pages: enough to share a queue, and countable exactly.
    spiders = [ats for ats in ("ashby", "greenhouse", "jsonld", "lever") if ats in market.spiders]
    with _redis_server(tmp_path) as redis_url, DemoServer(market) as server:
        sources = tmp_path / "sources.csv"
        sources.write_text(market.sources_csv(server.base_url), encoding="utf-8")
        main_db = str(tmp_path / "jobs.db")
        # Two processes migrating a brand-new file at once would both create the tables: create it first.
        open_db(main_db).close()
        if layout == "shared-database":
            databases = [main_db] * PROCESSES
        else:
            databases = [str(tmp_path / f"machine-{n}.db") for n in range(PROCESSES)]
        settings = [
            {
                **local_settings(server.base_url, db, str(sources)),
                **distributed_settings(redis_url, f"test-{layout}"),
                # Slow enough that neither process can drain the queue before the other starts taking from it.
                "CONCURRENT_REQUESTS": "2",
                "CONCURRENT_REQUESTS_PER_DOMAIN": "2",
                "DOWNLOAD_DELAY": "0.05",
                "JOBPULSE_REDIS_POLL": "0.5",
                "LOG_LEVEL": "INFO",  # for the stats dump: who took what from the queue
            }
            for db in databases
        ]
        outputs = _crawl_concurrently(settings, spiders)
        base_url = server.base_url

    db = open_db(main_db)
    if layout == "database-per-machine":
        for path in databases:
            merge_crawl(db, path)
        # Merging again changes nothing.
        again = [merge_crawl(db, path) for path in databases]
        assert all((m.pages_new, m.boards_new, m.runs_new) == (0, 0, 0) for m in again)

    # Every page once: as many rows as the market has pages, no URL twice.
    expected = {ats: pages for ats, pages in _expected_pages(market, base_url).items() if ats in spiders}
    rows = list(db.query("SELECT url, source, board, body FROM pages"))
    assert len(rows) == sum(len(v) for v in expected.values())
    assert len({r["url"] for r in rows}) == len(rows)
    assert {r["url"] for r in rows if r["source"] == "jsonld"} == expected["jsonld"]
    bodies = {(r["source"], r["board"]): r["body"] for r in rows if r["source"] != "jsonld"}
    assert {(ats, b) for ats, boards in expected.items() if ats != "jsonld" for b in boards} == set(bodies)
    # Every planted posting is in what was stored.
    for p in market.postings:
        if p.ats in spiders and p.ats != "jsonld":
            assert p.source_id in bodies[(p.ats, p.board)], (p.ats, p.board, p.source_id)

    # Each page was fetched and stored by exactly one process, and both processes took work from the queue.
    assert sum(_stat(err, "jobpulse/pages/new") for _, err in outputs) == len(rows)
    assert sum(_stat(err, "jobpulse/pages/unchanged") for _, err in outputs) == 0
    assert all(_stat(err, "scheduler/dequeued/redis") > 0 for _, err in outputs)

    # Board outcomes are split, not repeated: each board reported ok by exactly one process, in its summary
    # and in board_runs.
    reported = [row for stdout, _ in outputs for row in _summary_boards(stdout)]
    every_board = {(e.ats, e.board) for e in market.employers if e.ats in spiders}
    assert Counter((spider, board) for spider, board, _ in reported) == Counter(every_board)
    assert {outcome for _, _, outcome in reported} == {"ok"}
    board_runs = Counter((r["source"], r["board"]) for r in db.query("SELECT source, board FROM board_runs"))
    assert board_runs == Counter(every_board)
