"""Answers shared within a run: a resource is fetched once per media type, whoever asks again."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from interop_lab.transport import Answers, Limits, Recorder, open_fetcher

if TYPE_CHECKING:  # conftest is not importable at run time (importlib import mode)
    from conftest import Conn, Serve

LIMITS = Limits(request_timeout_s=2.0, retries=0)


def _json(conn: Conn) -> None:
    conn.respond(200, b'{"a": 1}', [("Content-Type", "application/json")])


async def _get_twice(url: str, answers: Answers | None, accepts: tuple[str, str]) -> None:
    for accept in accepts:
        # A new fetcher each time, as each claim of a run opens its own.
        async with open_fetcher(limits=LIMITS, recorder=Recorder(), answers=answers) as fetcher:
            fetched = await fetcher.get(url, name="pagina", accept=accept)
            assert fetched.body == b'{"a": 1}'


def test_a_second_get_of_the_same_resource_is_answered_without_a_request(serve: Serve) -> None:
    server = serve({"/p": _json})

    asyncio.run(_get_twice(server.url("/p"), {}, ("application/ld+json", "application/ld+json")))

    assert server.requests == ["GET /p"]


def test_another_media_type_is_another_request(serve: Serve) -> None:
    server = serve({"/p": _json})

    asyncio.run(_get_twice(server.url("/p"), {}, ("application/ld+json", "application/json")))

    assert server.requests == ["GET /p", "GET /p"]


def test_without_shared_answers_every_get_is_a_request(serve: Serve) -> None:
    server = serve({"/p": _json})

    asyncio.run(_get_twice(server.url("/p"), None, ("text/turtle", "text/turtle")))

    assert server.requests == ["GET /p", "GET /p"]
