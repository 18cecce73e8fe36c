"""Shared fixtures (the only place fixtures live)."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from crawler.runner import local_settings, run_crawl
from store import open_db
from store.postings import replace_skills_taxonomy, upsert_posting

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def db() -> sqlite_utils.Database:
    """A fresh in-memory database with the schema applied."""
    return open_db(":memory:")


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "jobs.db")


class _Routes(http.server.BaseHTTPRequestHandler):
    """Serves ``server.routes[path]`` = (status, content_type, body); 404 otherwise.

    A callable body is called with the request path, and for a POST also with the request body (bytes).
    """

    def do_GET(self) -> None:
        self._answer(None)

    def do_POST(self) -> None:
        self._answer(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

    def _answer(self, posted: bytes | None) -> None:
        routes = self.server.routes  # type: ignore[attr-defined]
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        path = self.path if self.path in routes else self.path.split("?", 1)[0]
        status, content_type, body = routes.get(path, (404, "application/json", b'{"error":"not found"}'))
        if callable(body):
            status, content_type, body = body(self.path) if posted is None else body(self.path, posted)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        # This HTTP/1.0 handler closes the connection after each answer, and says so: Twisted decides whether
        # to keep a connection by this header alone, not by the version, so without it a crawler's pool kept
        # the connection and now and then sent its next request (a Workday list POST, which the pool does not
        # retry) into a connection the server had just closed: "Connection was closed cleanly".
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def fixture_server() -> Iterator[http.server.ThreadingHTTPServer]:
    """A local HTTP server on 127.0.0.1 serving fixture responses; set ``server.routes`` in the test."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Routes)
    server.routes = {"/robots.txt": (200, "text/plain", b"User-agent: *\nAllow: /\n")}  # type: ignore[attr-defined]
    server.requests = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def local_crawl(fixture_server, tmp_path: Path) -> Callable[..., Any]:
    """Run ``scrapy crawlall`` against ``fixture_server`` with these sources rows (CSV lines after the header).

    ``local_crawl(rows, spiders, **settings)`` returns the finished process (stdout: the per-board summary);
    the database is ``tmp_path / "jobs.db"``. No assertion on the exit code: that is what tests check.
    """

    def crawl(rows: list[str], spiders: list[str], **settings: str) -> Any:
        base = f"http://127.0.0.1:{fixture_server.server_address[1]}"
        sources = tmp_path / "sources.csv"
        sources.write_text(
            "company,ats,board,industry,url,verified\n" + "\n".join(rows) + "\n", encoding="utf-8"
        )
        overrides = {**local_settings(base, str(tmp_path / "jobs.db"), str(sources)), **settings}
        return run_crawl(overrides, spiders=spiders)

    return crawl


class _Faults(http.server.BaseHTTPRequestHandler):
    """Serves one fault per path: ``server.faults[path]`` names it; ``server.good`` is the healthy body."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        server = self.server
        path = self.path.split("?", 1)[0]
        server.hits[path] = server.hits.get(path, 0) + 1  # type: ignore[attr-defined]
        if path == "/robots.txt":
            robots = server.robots.encode()  # type: ignore[attr-defined]
            return self._send(200, robots, "text/plain")
        fault = server.faults.get(path, "ok")  # type: ignore[attr-defined]
        good = server.good  # type: ignore[attr-defined]
        if fault == "ok" or (fault == "429-then-ok" and server.hits[path] > 1):  # type: ignore[attr-defined]
            return self._send(200, good)
        if fault in ("500", "502", "503"):
            return self._send(int(fault), b'{"error": "server"}')
        if fault == "429-then-ok":
            return self._send(429, b"slow down", headers={"Retry-After": "0"})
        if fault == "timeout":
            threading.Event().wait(3)
            return None
        if fault == "reset":
            import socket
            import struct

            # Linger 0 makes close() send RST; every file object on the socket must close for that to happen.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.rfile.close()
            self.wfile.close()
            self.connection.close()
            return None
        if fault == "truncated":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(good) + 500))
            self.end_headers()
            self.wfile.write(good[: len(good) // 2])
            self.wfile.flush()
            self.connection.close()
            return None
        if fault == "redirect-loop":
            return self._send(302, b"", headers={"Location": self.path})
        if fault == "redirect-offsite":
            port = self.server.server_address[1]
            return self._send(302, b"", headers={"Location": f"http://localhost:{port}/elsewhere"})
        if fault == "huge":
            return self._send(200, good + b" " * 200_000)
        if fault == "wrong-type":
            return self._send(200, good, "image/png")
        if fault == "bad-gzip":
            return self._send(200, b"\x1f\x8b\x08\x00not really gzip", headers={"Content-Encoding": "gzip"})
        raise AssertionError(f"unknown fault {fault}")

    def _send(
        self, status: int, body: bytes, ctype: str = "application/json", headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def fault_server() -> Iterator[http.server.ThreadingHTTPServer]:
    """A fault-injecting HTTP server on 127.0.0.1: set ``faults``, ``good`` and ``robots`` in the test."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Faults)
    server.daemon_threads = True
    server.faults = {}  # type: ignore[attr-defined]
    server.hits = {}  # type: ignore[attr-defined]
    server.good = b"{}"  # type: ignore[attr-defined]
    server.robots = "User-agent: *\nAllow: /\n"  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


# --- the report's golden database -------------------------------------------------------------------

GOLDEN_TAXONOMY: list[dict[str, Any]] = [
    {"name": "Python", "category": "language", "groups": "[]"},
    {"name": "AWS", "category": "cloud", "groups": '["AWS/GCP/Azure"]'},
    {"name": "GCP", "category": "cloud", "groups": '["AWS/GCP/Azure"]'},
    {"name": "RAG", "category": "ai", "ai": True, "groups": None},
    {"name": "Pinecone", "category": "ai", "ai": True, "groups": '["Vector databases"]'},
    {"name": "Docker", "category": "devops", "groups": '["Docker/Kubernetes"]'},
    {"name": "LangChain", "category": "ai", "ai": True, "groups": '["LangChain or similar frameworks"]'},
]


def _pay(low: float, high: float, currency: str | None = "USD", **extra: Any) -> dict[str, Any]:
    return {"salary_annual_min": low, "salary_annual_max": high, "salary_currency": currency,
            "salary_period": "year", "salary_kind": "base", **extra}  # fmt: skip


# Occupations (O*NET-SOC): SOC major groups 15 (computer and mathematical), 11 (management), 41 (sales);
# p11 has none.
ENG_AI = {"function": "engineering", "role": "ai engineer", "soc_code": "15-1221.00",
          "soc_title": "Computer and Information Research Scientists"}  # fmt: skip
ENG_BE = {"function": "engineering", "role": "backend engineer", "soc_code": "15-1252.00",
          "soc_title": "Software Developers"}  # fmt: skip
MKT = {"function": "marketing", "role": "marketing manager", "seniority": "mid", "soc_code": "11-2021.00",
       "soc_title": "Marketing Managers"}  # fmt: skip
# (source, id, fields, skills as (name, preferred))
GOLDEN_POSTINGS: list[tuple[str, str, dict[str, Any], list[tuple[str, int]]]] = [
    ("greenhouse", "p1", {**ENG_AI, "seniority": "entry", "industry": "software", "ai": "required", "llm_focused": 1,
      **_pay(120_000, 140_000), "posted": "2026-11-16", "first_seen": "2026-11-16T09:00:00Z",
      "last_seen": "2026-11-25T09:00:00Z"},
     [("Python", 0), ("AWS", 0), ("GCP", 1), ("RAG", 0), ("Python", 0), ("Python", 1)]),
    ("greenhouse", "p2", {**ENG_AI, "seniority": "entry", "industry": "software", "ai": "preferred", "llm_focused": 1,
      **_pay(130_000, 150_000), "first_seen": "2026-11-22T23:00:00Z", "last_seen": "2026-11-22T23:00:00Z"},
     [("Python", 0), ("RAG", 1), ("Pinecone", 0)]),
    ("lever", "p3", {**ENG_AI, "seniority": "entry", "industry": "fintech", "ai": "required",
      **_pay(124_800, 124_800, salary_min=60, salary_max=60, salary_period="hour"), "posted": "2026-11-10",
      "first_seen": "2026-11-17T10:00:00Z", "last_seen": "2026-11-17T10:00:00Z"},
     [("Python", 1), ("Docker", 0)]),
    ("lever", "p4", {**ENG_BE, "seniority": "entry", "industry": "fintech", "ai": "none", **_pay(100_000, 120_000),
      "first_seen": "2026-11-09T08:00:00Z", "last_seen": "2026-11-15T08:00:00Z"},
     [("Python", 0), ("AWS", 0), ("Docker", 0)]),
    ("ashby", "p5", {**ENG_BE, "seniority": "entry", "industry": "software", "ai": "none", **_pay(90_000, 110_000),
      "first_seen": "2026-11-23T08:00:00Z", "last_seen": "2026-11-30T08:00:00Z"},
     [("AWS", 0)]),
    ("ashby", "p6", {**ENG_BE, "seniority": "entry", "industry": "software", "ai": "none",
      **_pay(110_000, 130_000, salary_kind="ote"), "first_seen": "2026-11-30T08:00:00Z",
      "last_seen": "2026-12-01T08:00:00Z"},
     [("Python", 0)]),
    ("greenhouse", "p7", {**ENG_BE, "seniority": "senior", "industry": "software", "ai": "none",
      **_pay(80_000, 100_000, "EUR"), "first_seen": "2026-11-18T08:00:00Z", "last_seen": "2026-11-18T08:00:00Z"},
     [("Python", 0), ("GCP", 0)]),
    ("greenhouse", "p8", {**ENG_AI, "seniority": "senior", "industry": "software", "ai": "required", "llm_focused": 1,
      **_pay(100_000, 120_000, "eur"), "posted": "2026-11-19", "first_seen": "2026-11-19T08:00:00Z"},
     [("RAG", 0), ("Pinecone", 0)]),
    ("lever", "p9", {**MKT, "industry": "retail", "ai": "preferred", **_pay(70_000, 90_000, salary_estimated=1),
      "first_seen": "2026-11-12T08:00:00Z", "last_seen": "2026-11-16T00:00:00Z"},
     [("Python", 1)]),
    ("lever", "p10", {**MKT, "industry": "retail", "ai": "none", "first_seen": "2026-11-23T00:00:00Z",
      "last_seen": "2026-11-24T00:00:00Z"},
     []),
    ("jsonld", "p11", {**MKT, "soc_code": None, "soc_title": None, "industry": None, "ai": "none", **_pay(60_000, 80_000), "posted": "last week",
      "first_seen": "2026-11-20T08:00:00Z", "last_seen": "2026-11-21T08:00:00Z"},
     []),
    ("jsonld", "p12", {"industry": "retail", "ai": None, "soc_code": "41-2031.00", "soc_title": "Retail Salespersons"},
     []),
    ("greenhouse", "p13", {**ENG_BE, "seniority": "entry", "industry": "software", "ai": "none",
      **_pay(100_000, 100_000, None), "posted": "2027-01-01", "first_seen": "2027-01-01T08:00:00Z",
      "last_seen": "2027-01-02T08:00:00Z"},
     [("Docker", 1)]),
]  # fmt: skip


def _golden_db() -> sqlite_utils.Database:
    db = open_db(":memory:")
    replace_skills_taxonomy(db, GOLDEN_TAXONOMY)
    with db.conn:
        for i, (source, source_id, fields, skills) in enumerate(GOLDEN_POSTINGS):
            row = {"source": source, "source_id": source_id, "title": source_id.upper(),
                   "extractor_version": "0.1.0" if i < 3 else "0.2.0", **fields}  # fmt: skip
            upsert_posting(db, row, [{"skill": s, "preferred": p} for s, p in skills], None)
    return db


@pytest.fixture(scope="session")
def build_golden_db() -> Callable[[], sqlite_utils.Database]:
    """Builds the report's golden database: 13 postings whose figures tests/test_report_build_golden.py works out
    by hand (also the base of the view and page tests). Call it for a fresh copy to change."""
    return _golden_db


def _hostile_value(value: Any) -> Any:
    """A fixture value as stored: "float:inf" → the float, anything else as it is (text stays text)."""
    return (
        float(value.removeprefix("float:"))
        if isinstance(value, str) and value.startswith("float:")
        else value
    )


def _hostile_db(path: str | None = None) -> sqlite_utils.Database:
    spec = json.loads((FIXTURES / "hostile" / "report-postings.json").read_text(encoding="utf-8"))
    text = spec["hostile_text"]
    db = open_db(path or ":memory:")
    replace_skills_taxonomy(db, [*GOLDEN_TAXONOMY, {"name": text["skill"], "category": "ai", "ai": True}])
    n = 0
    with db.conn:
        for group in spec["groups"]:
            for i in range(group["count"]):
                fields = {k: _hostile_value(v) for k, v in {**spec["base"], **group["fields"]}.items()}
                if n % spec["hostile_text_every"] == 0:
                    fields.update(title=text["title"], company=text["company"], function=text["function"])
                row = {
                    "source": "greenhouse",
                    "source_id": f"{group['name']}-{i}",
                    "title": group["name"],
                    **fields,
                }
                upsert_posting(
                    db,
                    row,
                    [{"skill": text["skill"], "preferred": 0}, {"skill": "Python", "preferred": 1}],
                    None,
                )
                n += 1
        for run_id, run in enumerate(spec["crawl_runs"], start=1):  # crawls dated 9999 and year 1 too
            db["crawl_runs"].insert({"id": run_id, "spider": "greenhouse", **run})
            db["board_runs"].insert(
                {"run_id": run_id, "source": "greenhouse", "board": "acme", "outcome": "ok"}
            )
    return db


@pytest.fixture(scope="session")
def build_hostile_db() -> Callable[..., sqlite_utils.Database]:
    """Builds the report's hostile corpus (tests/fixtures/hostile/report-postings.json): dates of 9999 and year 1,
    pay of ±1e308, 5e-324, infinities and NaN-like text, control and bidi characters in titles, companies and
    skills. Call it (with a path for a file) for a fresh copy."""
    return _hostile_db


@pytest.fixture(scope="session")  # session-scoped: hypothesis tests may take it
def salary_invariants() -> Callable[[object], None]:
    """What every salary the parsers return must satisfy, whatever the input (the salary property tests)."""
    import math

    from extract.model import PERIODS, SALARY_KINDS, Salary
    from extract.salary import annualize

    def check(salary: object) -> None:
        assert isinstance(salary, Salary)
        assert salary.min <= salary.max
        assert salary.currency is None or (len(salary.currency) == 3 and salary.currency.isupper())
        assert salary.period in PERIODS
        assert salary.kind in SALARY_KINDS
        assert salary.annual_min is not None and salary.annual_max is not None
        assert math.isclose(salary.annual_min, annualize(salary.min, salary.period))
        assert math.isclose(salary.annual_max, annualize(salary.max, salary.period))

    return check
