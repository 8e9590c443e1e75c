"""Redirects are followed by the lab itself: each hop is checked and recorded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from interop_lab.transport import Limits

if TYPE_CHECKING:
    from conftest import Conn, Fetch, Handler, Serve


def _to(location: str, status: int = 302) -> Handler:
    def handler(conn: Conn) -> None:
        conn.respond(status, b"", [("Location", location)])

    return handler


def _ok(conn: Conn) -> None:
    conn.respond(200, b"eindpunt", [("Content-Type", "text/plain")])


def test_redirect_is_followed_and_each_hop_recorded(serve: Serve, fetch: Fetch) -> None:
    server = serve({"/old": _to("/new", 301), "/new": _ok})
    fetched = fetch(server.url("/old"))
    assert fetched.ok
    assert fetched.body == b"eindpunt"
    assert (fetched.requested_url, fetched.url) == (server.url("/old"), server.url("/new"))
    hop, final = fetched.exchanges
    assert (hop.status, hop.redirected_to, hop.url) == (301, server.url("/new"), server.url("/old"))
    assert (final.status, final.redirected_to, final.url) == (200, None, server.url("/new"))


def test_redirect_loop_is_detected(serve: Serve, fetch: Fetch) -> None:
    server = serve({"/a": _to("/b"), "/b": _to("/a")})
    fetched = fetch(server.url("/a"))
    assert fetched.error is not None
    assert fetched.error.kind == "redirect-loop"
    assert server.requests == ["GET /a", "GET /b"]
    assert fetched.exchanges[-1].error == fetched.error.message


def test_more_redirects_than_allowed_is_an_error(serve: Serve, fetch: Fetch) -> None:
    server = serve({f"/{i}": _to(f"/{i + 1}", 307) for i in range(10)})
    fetched = fetch(server.url("/0"), limits=Limits(max_redirects=3))
    assert fetched.error is not None
    assert fetched.error.kind == "redirects"
    assert fetched.error.message == "meer dan 3 doorverwijzingen"
    assert len(fetched.exchanges) == 4  # three hops followed, the fourth refused
    assert fetched.status == 307
    assert fetched.body == b""


def test_redirect_to_file_scheme_is_refused(serve: Serve, fetch: Fetch) -> None:
    server = serve({"/": _to("file:///etc/passwd")})
    fetched = fetch(server.url("/"))
    assert fetched.error is not None
    assert fetched.error.kind == "scheme"
    assert fetched.error.message == "doorverwijzing naar niet-HTTP-schema file:"
    (hop,) = fetched.exchanges
    assert hop.redirected_to == "file:/etc/passwd"


def test_redirect_to_host_outside_allowed_hosts_is_refused(serve: Serve, fetch: Fetch) -> None:
    server = serve({"/": _to("http://evil.example/steal")})
    limits = Limits(allowed_hosts=frozenset({f"127.0.0.1:{server.port}"}))
    fetched = fetch(server.url("/"), limits=limits)
    assert fetched.error is not None
    assert fetched.error.kind == "host-not-allowed"
    assert fetched.error.message == "doorverwijzing naar niet-toegestane host evil.example"
    assert [exchange.redirected_to for exchange in fetched.exchanges] == [
        "http://evil.example/steal"
    ]


def test_redirect_to_unparsable_location_is_a_protocol_error(serve: Serve, fetch: Fetch) -> None:
    fetched = fetch(serve({"/": _to("http://[::1")}).url("/"))
    assert fetched.error is not None
    assert fetched.error.kind == "protocol"
    assert "location" in fetched.error.message


def test_redirect_to_impossible_port_is_an_invalid_url(serve: Serve, fetch: Fetch) -> None:
    fetched = fetch(serve({"/": _to("http://127.0.0.1:99999/")}).url("/"))
    assert fetched.error is not None
    assert fetched.error.kind == "invalid-url"
    assert fetched.status == 302
