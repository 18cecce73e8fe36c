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
