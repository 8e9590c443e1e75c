"""Fixtures for the crawl tests: loopback sites that count every request they get (by path and
query), the reference vendor with server-side counting, and the pinned contexts of the mirror."""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from interop_lab.reference import server as reference_server
from tests.mirror import oslo_mirror


@dataclass
class Site:
    """A loopback site: ``pages`` maps path+query to (status, content type, body)."""

    pages: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.hits[self.path] += 1
                status, content_type, body = owner.pages.get(
                    self.path, (404, "text/plain", b"niet gevonden")
                )
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"

    def publish(self, path: str, document: Any, status: int = 200) -> str:
        """Serve ``document`` as JSON-LD at ``path``; returns its URL."""
        self.pages[path] = (status, "application/ld+json", json.dumps(document).encode())
        return self.url(path)

    def publish_bytes(self, path: str, body: bytes, content_type: str, status: int = 200) -> str:
        self.pages[path] = (status, content_type, body)
        return self.url(path)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    yield served
    served.close()


@pytest.fixture
def reference_hits(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Every GET the reference vendor answers, by path and query, counted in the server."""
    hits: Counter[str] = Counter()
    answer = reference_server._Handler.do_GET

    def counted(handler: Any) -> None:
        hits[handler.path] += 1
        answer(handler)

    monkeypatch.setattr(reference_server._Handler, "do_GET", counted)
    return hits


@pytest.fixture(scope="session")
def pinned_contexts() -> Callable[[str], Any | None]:
    """The lab's ContextSource over the artefact mirror's index.json."""
    folder = oslo_mirror()
    index = json.loads((folder / "index.json").read_text())["artefacts"]
    documents: dict[str, Any] = {}

    def source(url: str) -> Any | None:
        if url not in index:
            return None
        if url not in documents:
            documents[url] = json.loads((folder / index[url]["path"]).read_text())
        return documents[url]

    return source
