"""Evidence as HAR 1.2, the format browsers' developer tools and HAR viewers read.

Lab-specific fields start with ``_`` as HAR allows: ``_name`` (what the lab was doing), ``_test``,
``_attempt``, ``_error``, ``_errorKind`` and ``_bodySha256``. A request body is recorded (as
``postData``) only for requests a vendor's client made to the lab.
"""

from __future__ import annotations

from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from interop_lab.transport.recording import Exchange

HAR_VERSION = "1.2"
_HTTP_VERSION = "HTTP/1.1"  # the lab's client speaks HTTP/1.1 only


def har_document(exchanges: Sequence[Exchange], *, creator_version: str) -> dict[str, Any]:
    """A HAR 1.2 document with one entry per exchange, in order."""
    return {
        "log": {
            "version": HAR_VERSION,
            "creator": {"name": "interop-lab", "version": creator_version},
            "pages": [],
            "entries": [_entry(exchange) for exchange in exchanges],
        }
    }


def _entry(exchange: Exchange) -> dict[str, Any]:
    return {
        "startedDateTime": exchange.started,
        "time": exchange.elapsed_ms,
        "request": _request(exchange),
        "response": _response(exchange),
        "cache": {},
        "timings": {"send": 0, "wait": exchange.elapsed_ms, "receive": 0},
        "_name": exchange.name,
        "_test": exchange.test,
        "_attempt": exchange.attempt,
        "_error": exchange.error,
        "_errorKind": exchange.error_kind,
        "_bodySha256": exchange.body_sha256,
    }


def _request(exchange: Exchange) -> dict[str, Any]:
    request: dict[str, Any] = {
        "method": exchange.method,
        "url": exchange.url,
        "httpVersion": _HTTP_VERSION,
        "cookies": [],
        "headers": _headers(exchange.request_headers),
        "queryString": _query(exchange.url),
        "headersSize": -1,
        "bodySize": 0,
    }
    if exchange.request_body is not None:
        media_type = next(
            (v for k, v in exchange.request_headers if k.lower() == "content-type"), ""
        )
        request["postData"] = {"mimeType": media_type, "text": exchange.request_body}
        request["bodySize"] = len(exchange.request_body.encode("utf-8"))
    return request


def _response(exchange: Exchange) -> dict[str, Any]:
    content: dict[str, Any] = {"size": exchange.body_size, "mimeType": exchange.content_type or ""}
    if exchange.body_text is not None:
        content["text"] = exchange.body_text
    return {
        "status": exchange.status or 0,  # 0: no response, as browsers record failed requests
        "statusText": _status_text(exchange.status),
        "httpVersion": _HTTP_VERSION if exchange.status is not None else "",
        "cookies": [],
        "headers": _headers(exchange.response_headers),
        "content": content,
        "redirectURL": exchange.redirected_to or "",
        "headersSize": -1,
        "bodySize": -1,
    }


def _headers(pairs: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"name": name, "value": value} for name, value in pairs]


def _query(url: str) -> list[dict[str, str]]:
    """The query as recorded (still percent-encoded: decoding could undo a redaction)."""
    query = url.partition("?")[2].partition("#")[0]
    pairs = (param.partition("=") for param in query.split("&") if param)
    return [{"name": name, "value": value} for name, _, value in pairs]


def _status_text(status: int | None) -> str:
    if status is None:
        return ""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
