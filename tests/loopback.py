"""A loopback HTTP server for tests: fixed answers per path, 404 otherwise, requests counted."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    status: int
    body: bytes
    content_type: str = "application/octet-stream"


@dataclass
class StaticServer:
    """Answers GET requests from ``answers`` (by path), 404 otherwise; counts the requests."""

    answers: dict[str, Answer]
    hits: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.hits[self.path] += 1
                answer = owner.answers.get(self.path, Answer(404, b"niet gevonden", "text/plain"))
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{path}"

    def answer(self, path: str, status: int, body: bytes, content_type: str = "text/turtle") -> str:
        """Serve ``body`` with ``status`` at ``path``; returns the URL."""
        self.answers[path] = Answer(status, body, content_type)
        return self.url(path)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
