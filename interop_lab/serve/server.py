"""The lab's HTTP server for a vendor's client: standard library only, one thread per request.

It hands each request to the API it plays, sends the answer, records the exchange (request body
included, every credential hidden) as evidence, and only then does what the real service does
after answering (fetch the published document), so the client gets its answer as fast as the
real API gives it. It counts what it has finished, for the session's end.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from types import TracebackType
from typing import Protocol

from interop_lab.model.listening import LabServer
from interop_lab.serve.records import Answer, ServedSession
from interop_lab.transport import Exchange
from interop_lab.transport.evidence import now_iso
from interop_lab.transport.redaction import Redactor

MAX_BODY_BYTES = 100 * 1024  # what the real service's body parser accepts (body-parser's 100kb)
_TEXT_LIMIT = 256 * 1024
_IDLE_CONNECTION_S = 30  # a client that opens a connection and sends nothing is let go
_NOT_FOUND = Answer(404, {"errors": [{"title": "Not Found"}]})
_TOO_LARGE = Answer(413, {"errors": [{"title": "request entity too large"}]})
_NO_LENGTH = Answer(411, {"errors": [{"title": "Length Required"}]})


@dataclass(frozen=True, slots=True)
class Inbound:
    """One request as the lab received it (nothing redacted yet: it is not kept as such)."""

    method: str
    path: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    started: str

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)


@dataclass(slots=True)
class Reply:
    """What the API answers, how the exchange is named and hidden, and what comes after."""

    answer: Answer
    name: str
    secrets: tuple[str, ...] = ()
    follow_up: Callable[[], None] | None = None
    counts: bool = False  # a submission: counted for --submissions N


class ServedApi(Protocol):
    """An API the lab plays: the path it answers on and how it answers a request there.

    ``refused`` is the server's own answer when it did not even read the body (too large, no
    length); the API still keeps the request, so the session shows it.
    """

    path: str

    def receive(self, inbound: Inbound, refused: Answer | None = None) -> Reply: ...

    def hidden(self, inbound: Inbound) -> tuple[str, ...]:
        """The secrets to hide in the record of any request, wherever it was sent."""
        ...


@dataclass(slots=True)
class Activity:
    """What the server has done so far, for deciding when a session ends."""

    finished: int = 0  # submissions answered and followed up
    busy: int = 0
    last: float = field(default_factory=time.monotonic)
    changed: threading.Condition = field(default_factory=threading.Condition)


class _Server(LabServer):
    def __init__(self, address: tuple[str, int], api: ServedApi, session: ServedSession) -> None:
        super().__init__(address, _Handler)
        self.api = api
        self.session = session
        self.activity = Activity()


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    timeout = _IDLE_CONNECTION_S

    def do_POST(self) -> None:
        self._handle()

    def do_GET(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def log_message(self, format: str, *args: object) -> None:
        """Silent: every exchange is in the evidence instead."""

    def _handle(self) -> None:
        activity = self.server.activity
        with activity.changed:
            activity.busy += 1
            activity.last = time.monotonic()
        try:
            self._exchange()
        finally:
            with activity.changed:
                activity.busy -= 1
                activity.last = time.monotonic()
                activity.changed.notify_all()

    def _exchange(self) -> None:
        started, clock = now_iso(), time.monotonic()
        body, refused = self._body()
        inbound = Inbound(self.command, self.path, tuple(self.headers.items()), body, started)
        reply = self._reply(inbound, refused)
        payload = json.dumps(reply.answer.body, ensure_ascii=False).encode("utf-8")
        self.send_response(reply.answer.status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)
        self.wfile.flush()
        self._record(inbound, reply, payload, clock)
        if reply.follow_up is not None:
            reply.follow_up()
        if reply.counts:
            with self.server.activity.changed:
                self.server.activity.finished += 1

    def _reply(self, inbound: Inbound, refused: Answer | None) -> Reply:
        api = self.server.api
        on_endpoint = inbound.path.split("?", 1)[0] == api.path and inbound.method == "POST"
        if not on_endpoint:
            self.server.session.count_other_request()
            return Reply(_NOT_FOUND, name=f"{inbound.method} {inbound.path} (onbekend)")
        return api.receive(inbound, refused)

    def _body(self) -> tuple[bytes, Answer | None]:
        """The request body within the limit; an answer instead when it is too large or its
        length is not given (then the connection is closed: the rest is never read)."""
        if self.command not in ("POST", "PUT"):
            return b"", None
        length = self.headers.get("Content-Length")
        if length is None or not length.strip().isdigit():
            self.close_connection = True
            return b"", _NO_LENGTH
        size = int(length)
        if size > MAX_BODY_BYTES:
            self.close_connection = True
            return b"", _TOO_LARGE
        return self.rfile.read(size), None

    def _record(self, inbound: Inbound, reply: Reply, payload: bytes, clock: float) -> None:
        # The API's own secrets (the vendor's key) are hidden in every request, also in one
        # sent to the wrong path or refused before its body was read as JSON.
        redactor = Redactor((*self.server.api.hidden(inbound), *reply.secrets))
        text = inbound.body[:_TEXT_LIMIT].decode("utf-8", errors="replace")
        self.server.session.recorder.add(
            Exchange(
                name=redactor.text(reply.name),
                method=inbound.method,
                url=redactor.url(f"{self.server.base_url}{inbound.path}"),
                request_headers=redactor.headers(inbound.headers),
                status=reply.answer.status,
                response_headers=(
                    ("Content-Type", "application/json; charset=utf-8"),
                    ("Content-Length", str(len(payload))),
                ),
                body_size=len(payload),
                body_sha256=hashlib.sha256(payload).hexdigest(),
                body_text=redactor.text(payload.decode("utf-8")),
                content_type="application/json; charset=utf-8",
                started=inbound.started,
                elapsed_ms=round((time.monotonic() - clock) * 1000, 3),
                attempt=1,
                error=None,
                redirected_to=None,
                request_body=redactor.text(text) if inbound.body else None,
            )
        )


class ServedServer:
    """Runs an API's server on ``host:port`` (0: a free port) in a daemon thread."""

    def __init__(
        self, api: ServedApi, session: ServedSession, *, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self._server = _Server((host, port), api, session)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="interop-lab-serve",
            daemon=True,
        )
        self._stopped = False

    @property
    def base_url(self) -> str:
        """e.g. http://127.0.0.1:54321 (the port the OS chose when 0 was asked for)."""
        return self._server.base_url

    @property
    def activity(self) -> Activity:
        return self._server.activity

    def __enter__(self) -> ServedServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self, *, wait_s: float = 60.0) -> None:
        """Stop accepting requests, then let those in progress finish (a document being fetched
        is part of the session), for at most ``wait_s`` seconds."""
        if self._stopped:
            return
        self._stopped = True
        self._server.shutdown()
        self._server.server_close()
        activity = self._server.activity
        with activity.changed:
            activity.changed.wait_for(lambda: activity.busy == 0, timeout=wait_s)
        self._thread.join(timeout=5)
