"""Real loopback servers for the transport tests: raw sockets, so a handler can misbehave.

A handler gets the accepted connection after the request head was read, and writes whatever
bytes it likes: slow headers, a reset, a lying Content-Length, an endless chunked body.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import struct
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import pytest

from interop_lab.transport import (
    AddressPolicy,
    Deadline,
    Fetched,
    Limits,
    Recorder,
    open_fetcher,
)

# Small limits keep every failing test as short as the limit it exercises.
FAST = Limits(request_timeout_s=2.0, max_body_bytes=1024 * 1024, retries=0, backoff_s=0.01)


@dataclass
class Conn:
    """One accepted connection whose request head has been read."""

    sock: socket.socket
    method: str
    path: str
    headers: dict[str, str]
    stopping: threading.Event

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def head(self, status: int, headers: Sequence[tuple[str, str]] = ()) -> None:
        lines = [f"HTTP/1.1 {status} X", "Connection: close", *(f"{k}: {v}" for k, v in headers)]
        self.send(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))

    def respond(
        self, status: int, body: bytes = b"", headers: Sequence[tuple[str, str]] = ()
    ) -> None:
        self.head(status, [("Content-Length", str(len(body))), *headers])
        if self.method != "HEAD":
            self.send(body)

    def trickle(self, data: bytes, every_s: float) -> None:
        """Send one byte at a time until done or the test ends."""
        for index in range(len(data)):
            if self.stopping.wait(every_s):
                return
            self.send(data[index : index + 1])

    def reset(self) -> None:
        """Close with a TCP RST instead of a FIN."""
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.sock.close()


Handler = Callable[[Conn], None]


@dataclass
class Server:
    """A loopback HTTP server on 127.0.0.1, one thread per connection."""

    routes: Mapping[str, Handler]
    tls: ssl.SSLContext | None = None
    requests: list[str] = field(default_factory=list)
    seen_headers: list[dict[str, str]] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)
    _threads: list[threading.Thread] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.port = self._listener.getsockname()[1]
        self._spawn(self._accept_loop)

    def url(self, path: str = "/") -> str:
        scheme = "http" if self.tls is None else "https"
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def _spawn(self, target: Callable[..., None], *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        while not self.stopping.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._spawn(self._serve, sock)

    def _serve(self, raw: socket.socket) -> None:
        sock = raw
        try:
            raw.settimeout(5)
            if self.tls is not None:
                sock = self.tls.wrap_socket(raw, server_side=True)
            conn = _read_head(sock, self.stopping)
            if conn is not None:
                self.requests.append(f"{conn.method} {conn.path}")
                self.seen_headers.append(conn.headers)
                self.routes.get(conn.path.split("?")[0], _not_found)(conn)
        except OSError:
            pass  # the client gave up: normal for these tests
        finally:
            sock.close()
            raw.close()

    def close(self) -> None:
        self.stopping.set()
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=5)


def _read_head(sock: socket.socket, stopping: threading.Event) -> Conn | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    method, path, _ = head[0].split(" ", 2)
    headers = dict(line.split(": ", 1) for line in head[1:] if ": " in line)
    return Conn(sock, method, path, {k.lower(): v for k, v in headers.items()}, stopping)


def _not_found(conn: Conn) -> None:
    conn.respond(404, b"niet gevonden", [("Content-Type", "text/plain")])


class Serve(Protocol):
    def __call__(
        self, routes: Mapping[str, Handler], tls: ssl.SSLContext | None = None
    ) -> Server: ...


@pytest.fixture
def serve() -> Iterator[Serve]:
    """Start loopback servers with the given routes; all stop when the test ends."""
    servers: list[Server] = []

    def start(routes: Mapping[str, Handler], tls: ssl.SSLContext | None = None) -> Server:
        servers.append(Server(routes, tls))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Fetch:
    """Fetches through a fresh `open_fetcher` in its own event loop, like a run would."""

    def __call__(
        self,
        url: str,
        *,
        limits: Limits = FAST,
        method: str = "GET",
        deadline: Deadline | None = None,
        headers: Mapping[str, str] | None = None,
        secrets: Sequence[str] = (),
        accept: str | None = None,
        test: str | None = None,
        addresses: AddressPolicy | None = None,
    ) -> Fetched:
        recorder = Recorder()
        fetched = asyncio.run(
            self._fetch(
                url, limits, method, deadline, headers, secrets, accept, test, recorder, addresses
            )
        )
        # Every exchange of a fetch reaches the run's recorder, in the same order.
        assert recorder.exchanges == fetched.exchanges
        return fetched

    async def _fetch(
        self,
        url: str,
        limits: Limits,
        method: str,
        deadline: Deadline | None,
        headers: Mapping[str, str] | None,
        secrets: Sequence[str],
        accept: str | None,
        test: str | None,
        recorder: Recorder,
        addresses: AddressPolicy | None,
    ) -> Fetched:
        async with open_fetcher(
            limits=limits,
            recorder=recorder,
            deadline=deadline,
            headers=headers,
            secrets=secrets,
            addresses=addresses,
        ) as fetcher:
            call = fetcher.head if method == "HEAD" else fetcher.get
            return await call(url, name="testverzoek", accept=accept, test=test)


@pytest.fixture
def fetch() -> Fetch:
    return Fetch()


@pytest.fixture
def fast() -> Limits:
    return FAST
