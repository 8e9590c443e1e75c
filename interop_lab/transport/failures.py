"""Turning what went wrong on the wire into a `FetchError` with a Dutch message.

httpx wraps the operating system's errors; the cause chain tells a refused connection from an
unknown host or a certificate failure, which a scorecard reader needs to tell apart.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from typing import TypeVar

import httpx

from interop_lab.transport import messages
from interop_lab.transport.results import FetchError

_DETAIL_CHARS = 200
_E = TypeVar("_E", bound=BaseException)


def origin(url: httpx.URL) -> str:
    """``host:port`` as a reader would type it."""
    host = f"[{url.host}]" if ":" in url.host else url.host
    port = url.port or (443 if url.scheme == "https" else 80)
    return f"{host}:{port}"


def classify(exc: Exception, url: httpx.URL, timeout_s: float) -> FetchError:
    """The `FetchError` for an exception raised while sending or reading."""
    where = origin(url)
    tls_error = _find(exc, ssl.SSLError)
    if tls_error is not None:
        return _tls(where, tls_error)
    if isinstance(exc, httpx.TimeoutException):
        return FetchError("timeout", messages.timeout(timeout_s))
    if isinstance(exc, httpx.ConnectError):
        return _connect(exc, where, url)
    if isinstance(exc, httpx.ReadError | httpx.WriteError | httpx.CloseError):
        return FetchError("connect", messages.broken(where))
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return FetchError("invalid-url", messages.invalid_url(str(url), _detail(exc)))
    if isinstance(exc, httpx.DecodingError):
        return FetchError("decoding", messages.protocol(where, _detail(exc)))
    if isinstance(exc, httpx.TransportError | OSError) and not isinstance(exc, httpx.ProtocolError):
        return FetchError("connect", messages.unreachable(where))
    return FetchError("protocol", messages.protocol(where, _detail(exc)))


def _connect(exc: Exception, where: str, url: httpx.URL) -> FetchError:
    if _find(exc, ConnectionRefusedError) is not None:
        return FetchError("connect", messages.refused(where))
    if _find(exc, socket.gaierror) is not None:
        return FetchError("connect", messages.unknown_host(url.host))
    return FetchError("connect", messages.unreachable(where))


def _tls(where: str, error: ssl.SSLError) -> FetchError:
    if isinstance(error, ssl.SSLCertVerificationError):
        detail = error.verify_message or error.reason or "verificatie mislukt"
        return FetchError("tls", messages.tls_certificate(where, str(detail)))
    return FetchError("tls", messages.tls(where, str(error.reason or error)))


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _find(exc: BaseException, kind: type[_E]) -> _E | None:
    return next((cause for cause in _chain(exc) if isinstance(cause, kind)), None)


def _detail(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:_DETAIL_CHARS]
