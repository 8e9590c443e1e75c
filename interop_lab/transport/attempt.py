"""One try of one request: send it, read the body within the limits, record it as an Exchange.

The client's request event hook stamps every request as it leaves (time and final headers), so
each redirect hop and retry is recorded as the server saw it.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import httpx

from interop_lab.transport import failures, messages
from interop_lab.transport.addresses import AddressNotAllowedError, shown
from interop_lab.transport.decoding import BodyTooLargeError, BodyUndecodableError, BoundedBody
from interop_lab.transport.evidence import Received, header_pairs, now_iso, received
from interop_lab.transport.limits import Deadline, Limits
from interop_lab.transport.recording import Exchange
from interop_lab.transport.redaction import Headers, Redactor
from interop_lab.transport.results import FetchError
from interop_lab.transport.urls import is_redirect, resolve

_STAMP = "interop_lab.sent"
_CLOSE_TIMEOUT_S = 1.0


@dataclass(frozen=True, slots=True)
class _Sent:
    started: str
    clock: float
    headers: Headers


async def stamp_request(request: httpx.Request) -> None:
    """Event hook: note when a request leaves and with which headers (httpx adds some)."""
    request.extensions[_STAMP] = _Sent(now_iso(), time.monotonic(), header_pairs(request.headers))


@dataclass(frozen=True, slots=True)
class Context:
    """What a fetch is for, copied into each of its exchanges."""

    name: str
    test: str | None


@dataclass(frozen=True, slots=True)
class Attempt:
    """The result of one try; ``headers`` are as received (unredacted), for the caller."""

    status: int | None
    headers: Headers
    body: bytes
    error: FetchError | None
    location: str | None
    exchange: Exchange


class _Transfer:
    """What one try received so far, kept so a failed try is still recorded in full."""

    def __init__(self) -> None:
        self.response: httpx.Response | None = None
        self.decoder: BoundedBody | None = None
        self.body: bytes | None = None

    @property
    def size(self) -> int:
        if self.body is not None:
            return len(self.body)
        return self.decoder.size if self.decoder is not None else 0

    async def close(self) -> None:
        if self.response is None:
            return
        try:
            # Bounded: closing must not become the way a hostile server stalls the lab.
            async with asyncio.timeout(_CLOSE_TIMEOUT_S):
                await self.response.aclose()
        except (TimeoutError, httpx.HTTPError, OSError):
            pass


class Wire:
    """Sends requests through the fetcher's one client, within its limits and deadline."""

    def __init__(
        self, client: httpx.AsyncClient, limits: Limits, deadline: Deadline, redactor: Redactor
    ) -> None:
        self.client = client
        self.limits = limits
        self.deadline = deadline
        self.redactor = redactor

    async def attempt(self, request: httpx.Request, context: Context, number: int) -> Attempt:
        transfer = _Transfer()
        error = await self._transfer(request, transfer)
        await transfer.close()
        response = transfer.response
        status = None if response is None else response.status_code
        headers = () if response is None else header_pairs(response.headers)
        location = None if response is None else _location(response)
        body = transfer.body if transfer.body is not None and error is None else b""
        exchange = self._exchange(request, transfer, error, context, number)
        return Attempt(status, headers, body, error, location, exchange)

    def skipped(self, method: str, url: str, context: Context, error: FetchError) -> Attempt:
        """A try that was never sent (invalid URL, deadline), recorded so the report shows it."""
        exchange = _record(
            context,
            method,
            self.redactor.url(url),
            (),
            Received(),
            _Sent(now_iso(), time.monotonic(), ()),
            1,
            self.redactor.text(error.message),
            error.kind,
            None,
        )
        return Attempt(None, (), b"", error, None, exchange)

    async def _transfer(self, request: httpx.Request, transfer: _Transfer) -> FetchError | None:
        budget = min(self.limits.request_timeout_s, self.deadline.remaining())
        try:
            async with asyncio.timeout(budget):
                transfer.response = await self.client.send(request, stream=True)
                await self._read(request, transfer)
        except TimeoutError:
            return self._timed_out(budget)
        except BodyTooLargeError as exc:
            return FetchError("too-large", self._too_large(exc))
        except BodyUndecodableError as exc:
            return FetchError("decoding", str(exc))
        except AddressNotAllowedError as exc:  # refused before connecting: nothing was sent
            reason = messages.address_not_allowed(exc.host, shown(exc.address), exc.reason)
            return FetchError("address-not-allowed", reason)
        except (httpx.HTTPError, OSError) as exc:
            return failures.classify(exc, request.url, self.limits.request_timeout_s)
        return None

    def _too_large(self, exc: BodyTooLargeError) -> str:
        limit = self.limits.max_body_bytes
        if exc.declared is not None:
            return messages.too_large_declared(exc.declared, limit)
        return messages.too_large_decoded(limit) if exc.decoded else messages.too_large_raw(limit)

    def _timed_out(self, budget: float) -> FetchError:
        if budget < self.limits.request_timeout_s:
            return FetchError("deadline", messages.deadline(self.deadline.seconds))
        return FetchError("timeout", messages.timeout(self.limits.request_timeout_s))

    async def _read(self, request: httpx.Request, transfer: _Transfer) -> None:
        response = transfer.response
        assert response is not None
        if request.method == "HEAD" or _location(response) is not None:
            return  # no body to judge; a redirect's body is never used
        limit = self.limits.max_body_bytes
        declared = _content_length(response)
        if declared is not None and declared > limit:
            raise BodyTooLargeError(decoded=False, declared=declared)
        transfer.decoder = BoundedBody(response.headers.get("content-encoding"), limit)
        received = 0
        async for chunk in response.aiter_raw():
            received += len(chunk)
            if received > limit:
                raise BodyTooLargeError(decoded=False)
            transfer.decoder.feed(chunk)
        transfer.body = transfer.decoder.finish()

    def _exchange(
        self,
        request: httpx.Request,
        transfer: _Transfer,
        error: FetchError | None,
        context: Context,
        number: int,
    ) -> Exchange:
        sent = request.extensions.get(_STAMP)
        if not isinstance(sent, _Sent):  # the hook did not run: nothing reached the server
            sent = _Sent(now_iso(), time.monotonic(), header_pairs(request.headers))
        redact = self.redactor
        response = transfer.response
        body = transfer.body if error is None else None
        side = Received() if response is None else received(response, body, transfer.size, redact)
        location = None if response is None else _location(response)
        target = None if location is None else resolve(request.url, location)
        return _record(
            context,
            request.method,
            redact.url(str(request.url)),
            redact.headers(sent.headers),
            side,
            sent,
            number,
            None if error is None else redact.text(error.message),
            None if error is None else error.kind,
            None if location is None else redact.url(str(target or location)),
        )


def _record(
    context: Context,
    method: str,
    url: str,
    request_headers: Headers,
    side: Received,
    sent: _Sent,
    number: int,
    error: str | None,
    error_kind: str | None,
    redirected_to: str | None,
) -> Exchange:
    return Exchange(
        name=context.name,
        method=method,
        url=url,
        request_headers=request_headers,
        status=side.status,
        response_headers=side.headers,
        body_size=side.body_size,
        body_sha256=side.body_sha256,
        body_text=side.body_text,
        content_type=side.content_type,
        started=sent.started,
        elapsed_ms=round((time.monotonic() - sent.clock) * 1000, 3),
        attempt=number,
        error=error,
        redirected_to=redirected_to,
        test=context.test,
        error_kind=error_kind,
    )


def _location(response: httpx.Response) -> str | None:
    location = response.headers.get("location")
    return location if is_redirect(response.status_code, location) else None


def _content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length", "").strip()
    return int(value) if value.isascii() and value.isdigit() else None
