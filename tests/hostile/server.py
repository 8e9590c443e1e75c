"""A loopback server for the hostile corpus: routes by path, bodies streamed in chunks.

A body is bytes (sent with its Content-Length) or a function giving chunks (sent without one, so
the lab must count what it reads). Every request is counted by path, so a test can show that a
remote context or another host's page was never asked for.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

Chunks = Callable[[], Iterable[bytes]]


@dataclass(frozen=True)
class Reply:
    media_type: str
    body: bytes | Chunks
    status: int = 200


# path (query string included) -> the reply, or None for 404
Route = Callable[[str], Reply | None]


class HostileServer:
    """Serves ``routes`` (keyed by the path without query) on 127.0.0.1; counts requests."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def count(self, prefix: str) -> int:
        with self._lock:
            return sum(n for path, n in self.hits.items() if path.startswith(prefix))

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with owner._lock:
                    owner.hits[self.path] += 1
                route = owner.routes.get(urlsplit(self.path).path)
                reply = route(self.path) if route else None
                if reply is None:
                    reply = Reply("text/plain", b"niet gevonden", 404)
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.media_type)
                try:
                    if isinstance(reply.body, bytes):
                        self.send_header("Content-Length", str(len(reply.body)))
                        self.end_headers()
                        self.wfile.write(reply.body)
                    else:
                        # HTTP/1.0 without a length: the body ends when the connection closes.
                        self.end_headers()
                        for chunk in reply.body():
                            self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the lab stopped reading: what a bounded client does

            def log_message(self, format: str, *args: object) -> None:
                return

        return Handler

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
