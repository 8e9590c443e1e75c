"""Pages as a probe or a collection crawl leaves them: an HTTP answer with its body, read by
read_payload as the crawl reads it, so the checks run as the pure functions they are."""

from __future__ import annotations

import json
from typing import Any

from interop_lab.crawl import Link, Page
from interop_lab.payloads.read import read_payload
from interop_lab.transport import Fetched, FetchError

ITEM_CONTEXT: dict[str, Any] = {"naam": "http://ex.test/naam"}


def fetched(
    url: str,
    status: int | None = 200,
    content_type: str | None = "application/ld+json",
    body: bytes = b"",
    error: FetchError | None = None,
) -> Fetched:
    headers = (("Content-Type", content_type),) if content_type else ()
    return Fetched(
        requested_url=url,
        url=url,
        status=status,
        headers=headers,
        body=body,
        error=error,
        exchanges=(),
    )


def answer(
    url: str,
    document: Any = None,
    *,
    status: int = 200,
    content_type: str = "application/ld+json",
    via: Link | None = None,
) -> Page:
    """The page of an answer; its body is read when it is 2xx, as the crawl does."""
    body = json.dumps(document).encode() if document is not None else b""
    answered = fetched(url, status, content_type, body)
    payload = None
    if answered.ok:
        media_type = content_type.split(";")[0]
        payload = read_payload(body, url=url, media_type=media_type, contexts=lambda _: None)
    return Page(url=url, role="collection", fetched=answered, payload=payload, via=via)


def failure(url: str, kind: str, message: str) -> Page:
    answered = fetched(url, None, None, error=FetchError(kind, message))
    return Page(url=url, role="collection", fetched=answered, payload=None)


def described(identifier: str) -> dict[str, Any]:
    """A JSON-LD document about ``identifier``."""
    return {"@context": ITEM_CONTEXT, "@id": identifier, "naam": "Kerkstraat 1"}
