"""ReferenceVendor: serves a reference ``Site`` (e.g. an IpdcFeed) over HTTP on loopback.

Standard library only. Every request runs in its own daemon thread, so a request that hangs on
purpose ("never-answers") blocks neither other requests nor shutdown: such handlers wait on one
shared Event, which __exit__ sets before stopping the server.
"""

from __future__ import annotations

import hmac
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from types import TracebackType
from urllib.parse import parse_qs, urlsplit

from interop_lab.model.listening import LabServer
from interop_lab.reference.site import Site, SiteRequest, problem

__all__ = ["ReferenceVendor"]

_IDLE_CONNECTION_SECONDS = 30


class _Server(LabServer):
    def __init__(self, address: tuple[str, int], site: Site, token: str | None) -> None:
        super().__init__(address, _Handler)
        self.site = site
        self.token = token
        self.stopping = threading.Event()


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
            response = problem(HTTPStatus.UNAUTHORIZED, "a bearer token is required")
            headers = {**response.headers, "WWW-Authenticate": 'Bearer realm="interop-lab"'}
            self._send(response.status, headers, response.body, with_body=with_body)
            return
        url = urlsplit(self.path)
        request = SiteRequest(
            method=self.command,
            path=url.path,
            query=parse_qs(url.query),
            headers=dict(self.headers.items()),
            base_url=self.server.base_url,
        )
        response = self.server.site.answer(request)
        if response.hang:
            self.server.stopping.wait()
            self.close_connection = True
            return
        etag = response.headers.get("ETag")
        if (
            response.status == HTTPStatus.OK
            and etag
            and etag in self.headers.get("If-None-Match", "")
        ):
            # A 304 may only announce the length the 200 would have had, never 0.
            self._send(HTTPStatus.NOT_MODIFIED, {"ETag": etag}, response.body, with_body=False)
            return
        self._send(response.status, dict(response.headers), response.body, with_body=with_body)

    def _authorised(self) -> bool:
        token = self.server.token
        if token is None:
            return True
        offered = self.headers.get("Authorization", "")
        return hmac.compare_digest(offered.encode(), f"Bearer {token}".encode())

    def _send(self, status: int, headers: dict[str, str], body: bytes, *, with_body: bool) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        # HEAD announces the length the GET body would have.
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)


class ReferenceVendor:
    """Context manager running a site's HTTP server on loopback in a daemon thread."""

    def __init__(
        self, site: Site, *, token: str | None = None, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self._site = site
        self._token = token
        self._address = (host, port)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def site(self) -> Site:
        return self._site

    @property
    def base_url(self) -> str:
        """e.g. http://127.0.0.1:54321 (the port is chosen by the OS when port=0)."""
        if self._server is None:
            raise RuntimeError("the reference vendor is not running; use it as a context manager")
        return self._server.base_url

    def __enter__(self) -> ReferenceVendor:
        self._server = _Server(self._address, self._site, self._token)
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
