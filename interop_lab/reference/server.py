"""ReferenceVendor: serves an IpdcFeed over HTTP on loopback, defects included.

Standard library only. Every request runs in its own daemon thread, so a request that hangs on
purpose ("never-answers") blocks neither other requests nor shutdown: such handlers wait on one
shared Event, which __exit__ sets before stopping the server.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from interop_lab.reference.defects import page_failure, served_content_type
from interop_lab.reference.ipdc_feed import FEED_PATH, IpdcFeed

__all__ = ["ReferenceVendor"]

_IMMUTABLE = "public, max-age=604800, immutable"
# The last page still grows (new members, a new relation), so caches must come back soon.
_GROWING = "public, max-age=60"
_IDLE_CONNECTION_SECONDS = 30
_FAILURE_STATUS = {"page-404": HTTPStatus.NOT_FOUND, "page-500": HTTPStatus.INTERNAL_SERVER_ERROR}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # hanging handlers must not hold up server_close()

    def __init__(self, address: tuple[str, int], feed: IpdcFeed, token: str | None) -> None:
        super().__init__(address, _Handler)
        self.feed = feed
        self.token = token
        self.stopping = threading.Event()
        host, port = self.socket.getsockname()[:2]  # the real port when 0 was asked for
        self.base_url = f"http://{host}:{port}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gives up (timeout, closed connection) is normal for a test server;
        # anything else is a bug in this module and is reported as usual.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    timeout = _IDLE_CONNECTION_SECONDS

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Silent: the lab records exchanges on the client side."""

    def _answer(self, *, with_body: bool) -> None:
        if not self._authorised():
            self._problem(HTTPStatus.UNAUTHORIZED, "a bearer token is required", with_body)
            return
        feed = self.server.feed
        index = self._page_index(feed)
        if index is None:
            self._problem(HTTPStatus.NOT_FOUND, f"no such resource: {self.path}", with_body)
            return
        failure = page_failure(feed.defects, index)
        if failure == "never-answers":
            self.server.stopping.wait()
            self.close_connection = True
            return
        if failure in _FAILURE_STATUS:
            self._problem(_FAILURE_STATUS[failure], f"page {index} is not available", with_body)
            return
        self._page(feed, index, truncated=failure == "invalid-json", with_body=with_body)

    def _authorised(self) -> bool:
        token = self.server.token
        if token is None:
            return True
        offered = self.headers.get("Authorization", "")
        return hmac.compare_digest(offered.encode(), f"Bearer {token}".encode())

    def _page_index(self, feed: IpdcFeed) -> int | None:
        """The page a request asks for, or None when it names nothing this server has."""
        url = urlsplit(self.path)
        if url.path != FEED_PATH:
            return None
        numbers = parse_qs(url.query).get("pageNumber", ["0"])
        if len(numbers) != 1 or not numbers[0].isdigit():
            return None
        index = int(numbers[0])
        return index if index < feed.page_count() else None

    def _page(self, feed: IpdcFeed, index: int, *, truncated: bool, with_body: bool) -> None:
        base_url = self.server.base_url
        body = json.dumps(feed.page(index, base_url), ensure_ascii=False).encode()
        if truncated:
            body = body[: len(body) // 2]
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        last = index == feed.page_count() - 1
        headers = {"ETag": etag, "Cache-Control": _GROWING if last else _IMMUTABLE}
        if etag in self.headers.get("If-None-Match", ""):
            # A 304 may only announce the length the 200 would have had, never 0.
            self._send(HTTPStatus.NOT_MODIFIED, headers, body, with_body=False)
            return
        headers["Content-Type"] = served_content_type(feed.defects)
        self._send(HTTPStatus.OK, headers, body, with_body=with_body)

    def _problem(self, status: HTTPStatus, detail: str, with_body: bool) -> None:
        problem = {
            "type": "about:blank",
            "title": status.phrase,
            "status": int(status),
            "detail": detail,
        }
        headers = {"Content-Type": "application/problem+json"}
        if status == HTTPStatus.UNAUTHORIZED:
            headers["WWW-Authenticate"] = 'Bearer realm="interop-lab reference vendor"'
        self._send(status, headers, json.dumps(problem).encode(), with_body=with_body)

    def _send(
        self, status: HTTPStatus, headers: dict[str, str], body: bytes, *, with_body: bool
    ) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        # HEAD announces the length the GET body would have.
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)


class ReferenceVendor:
    """Context manager running the feed's HTTP server on loopback in a daemon thread."""

    def __init__(
        self, feed: IpdcFeed, *, token: str | None = None, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self._feed = feed
        self._token = token
        self._address = (host, port)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def feed(self) -> IpdcFeed:
        return self._feed

    @property
    def base_url(self) -> str:
        """e.g. http://127.0.0.1:54321 (the port is chosen by the OS when port=0)."""
        if self._server is None:
            raise RuntimeError("the reference vendor is not running; use it as a context manager")
        return self._server.base_url

    def __enter__(self) -> ReferenceVendor:
        self._server = _Server(self._address, self._feed, self._token)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"reference-vendor-{self.base_url}",
            daemon=True,
        )
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._server is None or self._thread is None:
            return
        self._server.stopping.set()  # release handlers that never answer
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
        self._server = None
        self._thread = None
