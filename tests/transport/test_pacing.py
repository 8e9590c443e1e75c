"""A run's requests to a vendor: spaced by requests_per_s, stopped at max_requests."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

import pytest

from interop_lab.transport import Limits, Pacer, Recorder, open_fetcher

if TYPE_CHECKING:  # conftest is not importable at run time (importlib import mode)
    from conftest import Conn, Serve

LIMITS = Limits(request_timeout_s=2.0, retries=0)


def _ok(conn: Conn) -> None:
    conn.respond(200, b"{}", [("Content-Type", "application/json")])


async def _get(urls: list[str], pacer: Pacer, recorder: Recorder) -> list[str | None]:
    errors = []
    # Two fetchers, as two claims of one run have: they share the pacer.
    for half in (urls[: len(urls) // 2], urls[len(urls) // 2 :]):
        async with open_fetcher(limits=LIMITS, recorder=recorder, pacer=pacer) as fetcher:
            for url in half:
                fetched = await fetcher.get(url, name="pagina")
                errors.append(fetched.error.message if fetched.error else None)
    return errors


def test_the_budget_ends_the_requests_and_says_why(serve: Serve) -> None:
    server = serve({f"/p{n}": _ok for n in range(5)})
    recorder = Recorder()

    errors = asyncio.run(_get([server.url(f"/p{n}") for n in range(5)], Pacer(None, 3), recorder))

    assert errors[:3] == [None, None, None]
    assert errors[3:] == ["aanvraagbudget van de run (3 verzoeken) is op (limits.max_requests)"] * 2
    assert server.requests == ["GET /p0", "GET /p1", "GET /p2"]
    assert [exchange.status for exchange in recorder.exchanges][3:] == [None, None], "recorded"


def test_the_rate_spaces_the_requests(serve: Serve) -> None:
    server = serve({f"/p{n}": _ok for n in range(4)})
    started = time.monotonic()

    errors = asyncio.run(
        _get([server.url(f"/p{n}") for n in range(4)], Pacer(10, None), Recorder())
    )

    # Four requests at 10 per second: the last may start 0.3 s after the first, not earlier.
    assert time.monotonic() - started >= 0.3
    assert errors == [None] * 4


@pytest.mark.parametrize(
    ("rate", "budget", "message"),
    [(0, None, "requests_per_s must be positive"), (None, 0, "max_requests must be at least 1")],
)
def test_nonsense_settings_are_refused(
    rate: float | None, budget: int | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        Pacer(rate, budget)
