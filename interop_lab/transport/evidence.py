"""Building the response half of an Exchange: headers, digest and a readable, redacted body."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from interop_lab.transport.redaction import Headers, Redactor

TEXT_LIMIT = 256 * 1024
_TEXT_TYPES = frozenset(
    {
        "application/json",
        "application/javascript",
        "application/xml",
        "application/n-triples",
        "application/n-quads",
        "application/trig",
        "application/x-www-form-urlencoded",
    }
)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def header_pairs(headers: httpx.Headers) -> Headers:
    """Headers in the order and spelling received."""
    encoding = headers.encoding
    return tuple((name.decode(encoding), value.decode(encoding)) for name, value in headers.raw)


def is_textual(content_type: str | None) -> bool:
    """Whether a body of this media type is worth keeping as text in the evidence."""
    if content_type is None:
        return False
    media_type = content_type.split(";", 1)[0].strip().lower()
    return (
        media_type.startswith("text/")
        or media_type in _TEXT_TYPES
        or media_type.endswith(("+json", "+xml"))
    )


def body_text(body: bytes, content_type: str | None, redactor: Redactor) -> str | None:
    """The body as redacted text for the evidence, if it is textual and small enough."""
    if len(body) > TEXT_LIMIT or not is_textual(content_type):
        return None
    return redactor.text(body.decode("utf-8", errors="replace"))


@dataclass(frozen=True, slots=True)
class Received:
    """The response half of an Exchange, already redacted; the defaults mean no response."""

    status: int | None = None
    headers: Headers = ()
    body_size: int = 0
    body_sha256: str | None = None
    body_text: str | None = None
    content_type: str | None = None


def received(
    response: httpx.Response, body: bytes | None, body_size: int, redactor: Redactor
) -> Received:
    """What the evidence says about ``response``; ``body`` is None when it was not read whole."""
    content_type = response.headers.get("content-type")
    return Received(
        status=response.status_code,
        headers=redactor.headers(header_pairs(response.headers)),
        body_size=body_size,
        body_sha256=None if body is None else hashlib.sha256(body).hexdigest(),
        body_text=None if body is None else body_text(body, content_type, redactor),
        content_type=redactor.optional(content_type),
    )
