"""A small threaded HTTP server for the catalogue site (GET, HEAD, and POST for SPARQL)."""

from __future__ import annotations

import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from types import TracebackType
from urllib.parse import parse_qs, urlsplit

from interop_lab.model.listening import LabServer
from interop_lab.reference.site import Site, SiteRequest, SiteResponse, problem

MAX_BODY = 1 << 20


class _Server(LabServer):
    def __init__(self, address: tuple[str, int], site: Site) -> None:
        super().__init__(address, _Handler)
        self.site = site


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    timeout = 30

    def do_GET(self) -> None:
        self._answer(self._request(), with_body=True)

    def do_HEAD(self) -> None:
        self._answer(self._request(), with_body=False)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.close_connection = True
            self._send(problem(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "te groot"), with_body=True)
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        request = self._request()
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        query = dict(request.query)
        if kind == "application/sparql-query":
            query["query"] = [body]
        elif kind == "application/x-www-form-urlencoded":
            query.update(parse_qs(body))
        self._answer(
            SiteRequest(request.method, request.path, query, request.headers, request.base_url),
            with_body=True,
        )

    def log_message(self, format: str, *args: object) -> None:
        """Silent."""

    def _request(self) -> SiteRequest:
        url = urlsplit(self.path)
        return SiteRequest(
            method=self.command,
            path=url.path,
            query=parse_qs(url.query),
            headers=dict(self.headers.items()),
            base_url=self.server.base_url,
        )

    def _answer(self, request: SiteRequest, *, with_body: bool) -> None:
        response = self.server.site.answer(request)
        etag = response.headers.get("ETag")
        if (
            response.status == HTTPStatus.OK
            and etag
            and etag in self.headers.get("If-None-Match", "")
        ):
            headers = {k: v for k, v in response.headers.items() if k != "Content-Type"}
            self._send(
                SiteResponse(HTTPStatus.NOT_MODIFIED, response.body, headers), with_body=False
            )
            return
        self._send(response, with_body=with_body)

    def _send(self, response: SiteResponse, *, with_body: bool) -> None:
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if with_body:
            self.wfile.write(response.body)


class CatalogueServer:
    """Context manager: the site served in a daemon thread (``port=0``: any free port)."""

    def __init__(self, site: Site, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self._server = _Server((host, port), site)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return self._server.base_url

    def serve_forever(self) -> None:
        try:
            self._server.serve_forever()
        finally:
            self._server.server_close()

    def __enter__(self) -> CatalogueServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
