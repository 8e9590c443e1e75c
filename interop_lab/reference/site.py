"""What a reference vendor serves: a ``Site`` answers plain requests with plain responses.

The server (``server.py``) does HTTP, authentication, HEAD, conditional requests and hanging on
purpose; a site only decides what a path answers. Each suite's reference vendor is one site.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Protocol


@dataclass(frozen=True, slots=True)
class SiteRequest:
    method: str
    path: str
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]
    base_url: str


@dataclass(frozen=True, slots=True)
class SiteResponse:
    status: int
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    hang: bool = False  # never answer: the handler waits until the server stops


class Site(Protocol):
    def answer(self, request: SiteRequest) -> SiteResponse: ...


def problem(status: HTTPStatus, detail: str) -> SiteResponse:
    """An RFC 9457 problem+json answer."""
    body = {"type": "about:blank", "title": status.phrase, "status": int(status), "detail": detail}
    return SiteResponse(
        status=int(status),
        body=json.dumps(body).encode(),
        headers={"Content-Type": "application/problem+json"},
    )


class OneHost:
    """Several reference sites on one host: the first that knows a path answers it.

    Put last the site whose 404s (problem+json, or HTML) the unknown paths should get.
    """

    def __init__(self, *sites: Site) -> None:
        self._sites = sites

    def answer(self, request: SiteRequest) -> SiteResponse:
        response = problem(HTTPStatus.NOT_FOUND, f"{request.path} bestaat niet")
        for site in self._sites:
            response = site.answer(request)
            if response.status != HTTPStatus.NOT_FOUND:
                return response
        return response
