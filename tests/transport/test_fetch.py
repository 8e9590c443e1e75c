"""Plain fetches: what is returned and what is recorded."""

from __future__ import annotations

import asyncio
import hashlib
import threading
from typing import TYPE_CHECKING

import pytest

from interop_lab import __version__
from interop_lab.transport import Deadline, Limits, Recorder, fetch_once, open_fetcher

if TYPE_CHECKING:  # conftest is not importable at run time (importlib import mode)
    from conftest import Conn, Fetch, Serve
JSON = b'{"@id": "https://example.be/1"}'


def _json(conn: Conn) -> None:
    conn.respond(200, JSON, [("Content-Type", "application/ld+json"), ("ETag", '"v1"')])


def test_ok_response_is_returned_and_recorded(serve: Serve, fetch: Fetch) -> None:
    server = serve({"/item": _json})
    fetched = fetch(server.url("/item"), accept="application/ld+json", test="t.py::test_x")
    assert fetched.ok
    assert fetched.status == 200
    assert fetched.body == JSON
    assert fetched.url == fetched.requested_url == server.url("/item")
    assert fetched.header("etag") == '"v1"'
    (exchange,) = fetched.exchanges
    assert (exchange.name, exchange.method, exchange.status) == ("testverzoek", "GET", 200)
    assert (exchange.attempt, exchange.error, exchange.test) == (1, None, "t.py::test_x")
    assert exchange.body_size == len(JSON)
    assert exchange.body_sha256 == hashlib.sha256(JSON).hexdigest()
    assert exchange.body_text == JSON.decode()
    assert exchange.content_type == "application/ld+json"
    # Recorded as sent, including what the client adds itself.
    assert server.seen_headers[0]["accept"] == "application/ld+json"
    assert ("Accept", "application/ld+json") in exchange.request_headers
    assert ("User-Agent", f"interop-lab/{__version__}") in exchange.request_headers
    assert ("Accept-Encoding", "gzip, deflate, br") in exchange.request_headers
    assert exchange.started.endswith("+00:00")


def test_not_found_is_an_answer_not_an_error(serve: Serve, fetch: Fetch) -> None:
    server = serve({})
    fetched = fetch(server.url("/nope"))
    assert (fetched.status, fetched.error, fetched.ok) == (404, None, False)
    assert fetched.body == b"niet gevonden"
    assert [exchange.status for exchange in fetched.exchanges] == [404]


def test_binary_body_is_digested_but_not_kept_as_text(serve: Serve, fetch: Fetch) -> None:
    server = serve(
        {"/bin": lambda conn: conn.respond(200, b"\x00\x01", [("Content-Type", "image/png")])}
    )
    (exchange,) = fetch(server.url("/bin")).exchanges
    assert exchange.body_text is None
    assert exchange.body_sha256 is not None


def test_head_reads_no_body(serve: Serve, fetch: Fetch) -> None:
    server = serve({"/item": _json})
    fetched = fetch(server.url("/item"), method="HEAD")
    assert fetched.ok
    assert fetched.body == b""
    assert fetched.exchanges[0].method == "HEAD"
    assert server.requests == ["HEAD /item"]


@pytest.mark.parametrize(
    "url",
    [
        "",
        "geen url",
        "ftp://example.be/",
        "file:///etc/passwd",
        "http://",
        "http://[::1",
        "http://x:99999/",
    ],
)
def test_invalid_url_is_an_error_without_request(url: str, fetch: Fetch) -> None:
    fetched = fetch(url)
    assert fetched.error is not None
    assert fetched.error.kind == "invalid-url"
    assert fetched.status is None
    assert fetched.body == b""
    assert fetched.exchanges[0].error == fetched.error.message


def test_host_outside_allowed_hosts_is_not_contacted(serve: Serve, fetch: Fetch) -> None:
    server = serve({"/item": _json})
    limits = Limits(allowed_hosts=frozenset({"example.be"}))
    fetched = fetch(server.url("/item"), limits=limits)
    assert fetched.error is not None
    assert fetched.error.kind == "host-not-allowed"
    assert server.requests == []


def test_allowed_host_with_port_is_contacted(serve: Serve, fetch: Fetch) -> None:
    server = serve({"/item": _json})
    limits = Limits(allowed_hosts=frozenset({f"127.0.0.1:{server.port}"}))
    assert fetch(server.url("/item"), limits=limits).ok


def test_expired_deadline_makes_no_request(serve: Serve, fetch: Fetch) -> None:
    server = serve({"/item": _json})
    fetched = fetch(server.url("/item"), deadline=Deadline(0))
    assert fetched.error is not None
    assert fetched.error.kind == "deadline"
    assert server.requests == []
    assert fetched.exchanges[0].status is None


def test_fetch_once_from_sync_code(serve: Serve) -> None:
    server = serve({"/item": _json})
    recorder = Recorder()
    fetched = fetch_once(server.url("/item"), name="artefact", limits=Limits(), recorder=recorder)
    assert fetched.ok
    assert fetched.body == JSON
    assert [exchange.name for exchange in recorder.exchanges] == ["artefact"]


def test_fetch_once_from_sync_code_inside_a_running_loop(serve: Serve) -> None:
    server = serve({"/item": _json})

    async def caller() -> bytes:
        return fetch_once(server.url("/item"), name="artefact", limits=Limits()).body

    assert asyncio.run(caller()) == JSON


def test_concurrent_fetches_share_one_fetcher(serve: Serve) -> None:
    server = serve({"/item": _json})
    recorder = Recorder()

    async def crawl() -> list[bool]:
        async with open_fetcher(limits=Limits(), recorder=recorder) as fetcher:
            pages = [fetcher.get(server.url(f"/item?p={n}"), name=f"p{n}") for n in range(20)]
            return [fetched.ok for fetched in await asyncio.gather(*pages)]

    assert asyncio.run(crawl()) == [True] * 20
    assert sorted(exchange.name for exchange in recorder.exchanges) == sorted(
        f"p{n}" for n in range(20)
    )


def test_recorder_is_safe_across_threads() -> None:
    recorder = Recorder()
    exchange = fetch_once("geen url", name="x", limits=Limits()).exchanges[0]

    def add_many() -> None:
        for _ in range(1000):
            recorder.add(exchange)

    threads = [threading.Thread(target=add_many) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(recorder.exchanges) == 8000


def test_cookies_are_not_kept_between_requests(serve: Serve) -> None:
    def handler(conn: Conn) -> None:
        conn.respond(200, b"", [("Set-Cookie", "sessie=1; Path=/")])

    server = serve({"/": handler})

    async def twice() -> None:
        async with open_fetcher(limits=Limits(), recorder=Recorder()) as fetcher:
            await fetcher.get(server.url("/"), name="eerste")
            await fetcher.get(server.url("/"), name="tweede")

    asyncio.run(twice())
    assert [headers.get("cookie") for headers in server.seen_headers] == [None, None]
