"""Endpoints that misbehave on the wire: each ends in a FetchError, within the limits."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from interop_lab.transport import Deadline, Limits

if TYPE_CHECKING:
    from conftest import Conn, Fetch, Serve, Server

_SELF_SIGNED = (
    "openssl req -x509 -newkey rsa:2048 -nodes -days 1"
    " -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1"
)
ONE_SECOND = Limits(request_timeout_s=1.0, retries=0, max_body_bytes=64 * 1024)


def test_slow_headers_time_out(serve: Serve, fetch: Fetch) -> None:
    # One byte every 0.2 s never trips a per-read timeout: only the wall clock stops it.
    server = serve(
        {"/": lambda conn: conn.trickle(b"HTTP/1.1 200 OK\r\nX-Slow: " + b"x" * 100, 0.2)}
    )
    fetched = fetch(server.url("/"), limits=ONE_SECOND)
    assert fetched.error is not None
    assert fetched.error.kind == "timeout"
    assert fetched.error.message == "geen antwoord binnen 1 s (time-out)"
    assert fetched.exchanges[0].status is None


def test_deadline_cuts_a_request_short(serve: Serve, fetch: Fetch) -> None:
    server = serve({"/": lambda conn: conn.trickle(b"HTTP/1.1 200 OK\r\n" * 10, 0.2)})
    limits = Limits(request_timeout_s=30.0, retries=2)
    fetched = fetch(server.url("/"), limits=limits, deadline=Deadline(0.5))
    assert fetched.error is not None
    assert fetched.error.kind == "deadline"
    assert len(fetched.exchanges) == 1  # a deadline is not retried


def _slow_body(conn: Conn) -> None:
    conn.head(200, [("Content-Length", "100")])
    conn.trickle(b"x" * 100, 0.2)


def test_slow_body_times_out(serve: Serve, fetch: Fetch) -> None:
    server = serve({"/": _slow_body})
    fetched = fetch(server.url("/"), limits=ONE_SECOND)
    assert fetched.error is not None
    assert fetched.error.kind == "timeout"
    assert fetched.status == 200
    assert fetched.body == b""


def _endless_chunks(conn: Conn) -> None:
    conn.head(200, [("Transfer-Encoding", "chunked")])
    chunk = b"4000\r\n" + b"x" * 0x4000 + b"\r\n"
    while not conn.stopping.is_set():
        conn.send(chunk)


def test_endless_chunked_body_is_too_large(serve: Serve, fetch: Fetch) -> None:
    server = serve({"/": _endless_chunks})
    fetched = fetch(server.url("/"), limits=ONE_SECOND)
    assert fetched.error is not None
    assert fetched.error.kind == "too-large"
    assert fetched.error.message == "antwoord groter dan 64 KiB (limiet)"
    assert fetched.body == b""


def test_announced_oversize_body_is_refused_unread(serve: Serve, fetch: Fetch) -> None:
    def handler(conn: Conn) -> None:
        conn.head(200, [("Content-Length", str(10 * 1024 * 1024))])

    fetched = fetch(serve({"/": handler}).url("/"), limits=ONE_SECOND)
    assert fetched.error is not None
    assert fetched.error.kind == "too-large"
    assert "Content-Length" in fetched.error.message
    assert fetched.exchanges[0].body_size == 0


def test_wrong_content_length_is_a_protocol_error(serve: Serve, fetch: Fetch) -> None:
    def handler(conn: Conn) -> None:
        conn.head(200, [("Content-Length", "100")])
        conn.send(b"only ten b")

    fetched = fetch(serve({"/": handler}).url("/"), limits=ONE_SECOND)
    assert fetched.error is not None
    assert fetched.error.kind == "protocol"


def test_invalid_chunking_is_a_protocol_error(serve: Serve, fetch: Fetch) -> None:
    def handler(conn: Conn) -> None:
        conn.head(200, [("Transfer-Encoding", "chunked")])
        conn.send(b"zz\r\nnot a chunk\r\n")

    fetched = fetch(serve({"/": handler}).url("/"), limits=ONE_SECOND)
    assert fetched.error is not None
    assert fetched.error.kind == "protocol"


def test_garbage_instead_of_http_is_a_protocol_error(serve: Serve, fetch: Fetch) -> None:
    fetched = fetch(serve({"/": lambda conn: conn.send(b"SSH-2.0-OpenSSH\r\n\r\n")}).url("/"))
    assert fetched.error is not None
    assert fetched.error.kind == "protocol"


def test_reset_mid_body_is_a_connection_error(serve: Serve, fetch: Fetch) -> None:
    def handler(conn: Conn) -> None:
        conn.head(200, [("Content-Length", "10000")])
        conn.send(b"x" * 1000)
        conn.stopping.wait(0.2)  # let the client read what was sent, then RST
        conn.reset()

    fetched = fetch(serve({"/": handler}).url("/"), limits=ONE_SECOND)
    assert fetched.error is not None
    assert fetched.error.kind == "connect"
    assert "verbroken" in fetched.error.message


def test_connection_refused_is_a_connection_error(closed_port: int, fetch: Fetch) -> None:
    fetched = fetch(f"http://127.0.0.1:{closed_port}/", limits=ONE_SECOND)
    assert fetched.error is not None
    assert fetched.error.kind == "connect"
    assert fetched.error.message == f"verbinding geweigerd door 127.0.0.1:{closed_port}"


@pytest.fixture
def tls_server(tmp_path: Path, serve: Serve) -> Server:
    """A loopback server with a self-signed certificate (made with the openssl CLI)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl CLI not available to make a certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [*_SELF_SIGNED.split(), "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return serve({"/": lambda conn: conn.respond(200, b"geheim kanaal")}, tls=context)


def test_untrusted_certificate_is_a_tls_error(tls_server: Server, fetch: Fetch) -> None:
    fetched = fetch(tls_server.url("/"), limits=ONE_SECOND)
    assert fetched.error is not None
    assert fetched.error.kind == "tls"
    assert "certificaat" in fetched.error.message


def test_certificate_is_not_checked_when_verification_is_off(
    tls_server: Server, fetch: Fetch
) -> None:
    limits = Limits(request_timeout_s=1.0, retries=0, verify_tls=False)
    fetched = fetch(tls_server.url("/"), limits=limits)
    assert fetched.ok
    assert fetched.body == b"geheim kanaal"
