"""Shared fixtures (the only place fixtures live)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from store import open_db

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def db() -> sqlite_utils.Database:
    """A fresh in-memory database with the schema applied."""
    return open_db(":memory:")


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "jobs.db")


class _Routes(http.server.BaseHTTPRequestHandler):
    """Serves ``server.routes[path]`` = (status, content_type, body); 404 otherwise."""

    def do_GET(self) -> None:
        routes = self.server.routes  # type: ignore[attr-defined]
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        path = self.path if self.path in routes else self.path.split("?", 1)[0]
        status, content_type, body = routes.get(path, (404, "application/json", b'{"error":"not found"}'))
        if callable(body):
            status, content_type, body = body(self.path)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
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
