"""End-to-end helpers: the lab run as a user runs it (the CLI, in a subprocess) on loopback."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

TOKEN_ENV = "INTEROP_LAB_TEST_TOKEN"
TOKEN = "e2e-geheim-9f8e7d6c5b4a"


def run_lab(
    *args: str, cwd: Path, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, TOKEN_ENV: TOKEN, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "interop_lab.cli.main", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def write_profile(
    folder: Path, base_url: str, name: str = "profiel.yaml", **overrides: Any
) -> Path:
    data: dict[str, Any] = {
        "profile_version": 1,
        "vendor": {"name": "Testleverancier", "kbo": "0202239951", "contact": "lab@example.org"},
        "product": {"name": "Testcatalogus", "release": "1.0.0"},
        "base_url": base_url,
        "auth": {"type": "bearer", "token_env": TOKEN_ENV},
        "limits": {"request_timeout_s": 2, "deadline_s": 60},
        "claims": [{"standard": "ipdc-lpdc", "endpoints": {"feed": "/ldes/instancesnapshot"}}],
    }
    data.update(overrides)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def scorecard(out_dir: Path, suite: str = "ipdc-lpdc") -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((out_dir / suite / "scorecard.jsonld").read_text("utf-8"))
    return loaded


def failed(card: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [a for a in card["assertions"] if a["result"]["outcome"] == "failed"]


class StaticSite:
    """A loopback server answering GET with fixed bodies per path (query string included)."""

    def __init__(self, pages: Callable[[str], tuple[int, str, bytes] | None]) -> None:
        self._pages = pages
        self.requests: list[str] = []
        handler = self._handler()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append(self.path)
                answer = site._pages(self.path)
                status, media_type, body = answer or (404, "text/plain", b"niet gevonden")
                self.send_response(status)
                self.send_header("Content-Type", media_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return

        return Handler

    def __enter__(self) -> StaticSite:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()


Call = tuple[dict[str, str], bytes]  # a request's headers and body as received


@contextlib.contextmanager
def webhook_receiver() -> Iterator[tuple[str, list[Call]]]:
    """A vendor's webhook on loopback: its URL and every POST it got (204 to each)."""
    received: list[Call] = []

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((dict(self.headers), body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", received
    finally:
        server.shutdown()
        server.server_close()
