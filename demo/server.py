"""Serve the demo job market over HTTP on 127.0.0.1, for the spiders to crawl offline.

    with DemoServer() as server:          # a free port, served from a daemon thread
        print(server.base_url)            # e.g. http://127.0.0.1:54321

From a shell: ``python -m demo.server [--port N] [--sources FILE]`` serves in the foreground until
Ctrl-C; ``--sources`` writes a sources CSV that points the spiders at it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from demo.market import DEFAULT_POSTINGS, DEFAULT_SEED, DemoMarket, Response, build_market

HOST = "127.0.0.1"  # never a public interface: this is a fixture, not a service


class _Handler(BaseHTTPRequestHandler):
    server: _MarketHTTPServer
    protocol_version = "HTTP/1.1"
    timeout = 30  # close idle keep-alive connections so handler threads do not linger
    # Send headers and body in one write, at once: unbuffered, the body waited on Nagle's algorithm for the
    # client's delayed ACK of the headers, ~40 ms per keep-alive response (the crawl benchmark found it).
    wbufsize = -1
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self._answer(send_body=True, posted=self.rfile.read(length))

    def _answer(self, send_body: bool, posted: bytes | None = None) -> None:
        parts = urlsplit(self.path)
        query = parts.query if posted is None else body_query(parts.query, posted)
        try:
            response = self.server.market.respond(
                parts.path, query, self.server.base_url, dict(self.headers.items())
            )
        except Exception as error:  # a bug in the market must show up as a 500, not a dropped connection
            response = Response(500, "text/plain; charset=utf-8", f"demo market error: {error}\n".encode())
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if send_body:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:
        # Quiet: a crawl makes hundreds of requests and the crawler logs its own.
        pass


def body_query(query: str, posted: bytes) -> str:
    """A JSON POST (Workday's list search) answered as a GET whose query also carries the body's fields.

    The formats then see one kind of request, keyed the same way in ``routes()``: a scalar field is its
    text, an object or a list its compact JSON. A body that is not a JSON object adds nothing.
    """
    try:
        body = json.loads(posted or b"{}")
    except ValueError:
        return query
    if not isinstance(body, dict):
        return query
    fields = {k: v if isinstance(v, str) else json.dumps(v, separators=(",", ":"), sort_keys=True)
              for k, v in body.items()}  # fmt: skip
    return urlencode([*parse_qsl(query, keep_blank_values=True), *fields.items()])


class _MarketHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default backlog is 5: a crawler opening dozens of connections at once overflowed it,
    # and each dropped connection waited a second for its retry.
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], market: DemoMarket) -> None:
        super().__init__(address, _Handler)
        self.market = market
        self.base_url = f"http://{HOST}:{self.server_address[1]}"


class DemoServer:
    """The demo market on ``http://127.0.0.1:<port>``; port 0 picks a free one."""

    def __init__(self, market: DemoMarket | None = None, port: int = 0) -> None:
        self.market = market if market is not None else build_market()
        self._httpd = _MarketHTTPServer((HOST, port), self.market)
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return self._httpd.base_url

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def start(self) -> DemoServer:
        if self._thread is None:
            self._thread = threading.Thread(target=self._httpd.serve_forever, name="demo-market", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted."""
        try:
            self._httpd.serve_forever()
        finally:
            self._httpd.server_close()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m demo.server", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free port)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="market seed")
    parser.add_argument("--postings", type=int, default=DEFAULT_POSTINGS, help="listed postings to plant")
    parser.add_argument("--sources", type=Path, help="write a sources CSV pointing at this server")
    args = parser.parse_args(argv)
    server = DemoServer(build_market(args.seed, args.postings), port=args.port)
    if args.sources:
        args.sources.write_text(server.market.sources_csv(server.base_url), encoding="utf-8")
    print(server.base_url, flush=True)
    print(f"serving {len(server.market.postings)} demo postings; Ctrl-C to stop", file=sys.stderr, flush=True)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is the normal way to stop
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
