"""Retries: only safe methods, only passing trouble, each try recorded."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import TYPE_CHECKING

import pytest

from interop_lab.transport import Limits
from interop_lab.transport.results import FetchError
from interop_lab.transport.retry import delay, parse_retry_after, retryable

if TYPE_CHECKING:
    from conftest import Conn, Fetch, Handler, Serve

RETRYING = Limits(request_timeout_s=1.0, retries=2, backoff_s=0.01)


def test_503_storm_is_retried_and_ends_with_the_last_answer(serve: Serve, fetch: Fetch) -> None:
    server = serve({"/": lambda conn: conn.respond(503, b"druk", [("Retry-After", "0")])})
    fetched = fetch(server.url("/"), limits=RETRYING)
    assert (fetched.status, fetched.error) == (503, None)
    assert [exchange.attempt for exchange in fetched.exchanges] == [1, 2, 3]
    assert [exchange.status for exchange in fetched.exchanges] == [503, 503, 503]
    assert len(server.requests) == 3


def _busy_once() -> tuple[Handler, list[float]]:
    seen: list[float] = []

    def handler(conn: Conn) -> None:
        seen.append(time.monotonic())
        if len(seen) == 1:
            conn.respond(429, b"", [("Retry-After", "1")])
        else:
            conn.respond(200, b"nu wel")

    return handler, seen


def test_429_waits_as_long_as_retry_after_says(serve: Serve, fetch: Fetch) -> None:
    handler, seen = _busy_once()
    fetched = fetch(serve({"/": handler}).url("/"), limits=RETRYING)
    assert fetched.ok
    assert fetched.body == b"nu wel"
    assert [(e.attempt, e.status) for e in fetched.exchanges] == [(1, 429), (2, 200)]
    # Backoff alone would wait 0.01 s; waiting is never shorter than asked.
    assert seen[1] - seen[0] >= 0.9


def test_server_error_500_is_not_retried(serve: Serve, fetch: Fetch) -> None:
    server = serve({"/": lambda conn: conn.respond(500, b"kapot")})
    fetched = fetch(server.url("/"), limits=RETRYING)
    assert fetched.status == 500
    assert len(fetched.exchanges) == 1


def test_refused_connection_is_retried(closed_port: int, fetch: Fetch) -> None:
    fetched = fetch(f"http://127.0.0.1:{closed_port}/", limits=RETRYING)
    assert fetched.error is not None
    assert fetched.error.kind == "connect"
    assert [exchange.attempt for exchange in fetched.exchanges] == [1, 2, 3]
    assert all(exchange.error == fetched.error.message for exchange in fetched.exchanges)


@pytest.mark.parametrize(
    ("method", "status", "kind", "expected"),
    [
        ("GET", 503, None, True),
        ("HEAD", 429, None, True),
        ("GET", 500, None, False),
        ("POST", 503, None, False),
        ("GET", None, "connect", True),
        ("GET", None, "timeout", True),
        ("GET", None, "deadline", False),
        ("GET", 200, "too-large", False),
    ],
)
def test_what_is_retried(method: str, status: int | None, kind: str | None, expected: bool) -> None:
    error = None if kind is None else FetchError(kind, "x")
    assert retryable(method, status, error) is expected


def test_backoff_grows_exponentially_until_retries_run_out() -> None:
    limits = Limits(retries=3, backoff_s=0.25)
    assert [delay(n, None, limits, 60) for n in (1, 2, 3, 4)] == [0.25, 0.5, 1.0, None]


def test_retry_after_is_honoured_but_capped() -> None:
    limits = Limits(retries=2, backoff_s=0.25)
    assert delay(1, "2", limits, 60) == 2.0
    assert delay(1, "3600", limits, 60) == 5.0
    assert delay(1, "soon", limits, 60) == 0.25  # unusable: plain backoff


def test_no_retry_when_the_wait_outlasts_the_deadline() -> None:
    assert delay(1, "3", Limits(), remaining=2.0) is None


def test_retry_after_as_http_date() -> None:
    now = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    later = format_datetime(now + timedelta(seconds=30), usegmt=True)
    assert parse_retry_after(later, now) == 30.0
    assert parse_retry_after(format_datetime(now - timedelta(hours=1), usegmt=True), now) == 0.0
    assert parse_retry_after("²") is None
