"""Fixtures for the payload tests: the artefact mirror as an offline context source, and a
loopback HTTP server that counts the requests it gets (a context must never be fetched)."""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.mirror import oslo_mirror


@dataclass
class Mirror:
    """The artefact mirror (``INTEROP_LAB_ARTEFACTS``): its index maps URL -> {path, sha256}."""

    folder: Path
    index: dict[str, dict[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index = json.loads((self.folder / "index.json").read_text())["artefacts"]

    def document(self, url: str) -> Any | None:
        """The pinned JSON document of ``url``: the lab's ContextSource over the mirror."""
        entry = self.index.get(url)
        if entry is None:
            return None
        return json.loads((self.folder / entry["path"]).read_text(encoding="utf-8"))

    def pyld_loader(self, url: str, options: Any = None) -> dict[str, Any]:
        """A pyld document loader over the same index; unpinned URLs read as an empty context,
        exactly as the lab treats them (never fetched)."""
        document = self.document(url)
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": {"@context": {}} if document is None else document,
        }


@pytest.fixture(scope="session")
def mirror() -> Mirror:
    return Mirror(oslo_mirror())


@dataclass
class CountingServer:
    """A loopback server answering every GET with one JSON body, counting the paths asked."""

    body: bytes
    hits: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.hits[self.path] += 1
                self.send_response(200)
                self.send_header("Content-Type", "application/ld+json")
                self.send_header("Content-Length", str(len(owner.body)))
                self.end_headers()
                self.wfile.write(owner.body)

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

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@pytest.fixture
def context_server() -> Iterator[CountingServer]:
    """Serves a context that would define ``naam``: if the lab fetched it, terms would resolve."""
    context = {"@context": {"naam": "http://purl.org/dc/terms/title"}}
    server = CountingServer(json.dumps(context).encode())
    yield server
    server.close()
