"""Builders for the check tests: Crawl and Page objects made directly, with payloads read from
small inline JSON-LD/Turtle by read_payload, so each check runs as the pure function it is."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest

from interop_lab.crawl import Crawl, Link, Page
from interop_lab.model import vocab
from interop_lab.payloads.read import read_payload
from interop_lab.transport import Fetched, FetchError

OFFICIAL_CONTEXT = "https://data.vlaanderen.test/context/officieel.jsonld"
EX = "http://ex.test/"
TREE_TERMS: dict[str, Any] = {
    "tree": vocab.TREE,
    "ldes": vocab.LDES,
    "ex": EX,
    "EventStream": vocab.LDES_EVENT_STREAM,
    "Node": vocab.TREE_NODE_CLASS,
    "view": {"@id": vocab.TREE_VIEW, "@type": "@id"},
    "member": {"@id": vocab.TREE_MEMBER, "@type": "@id"},
    "timestampPath": {"@id": vocab.LDES_TIMESTAMP_PATH, "@type": "@id"},
    "versionOfPath": {"@id": vocab.LDES_VERSION_OF_PATH, "@type": "@id"},
    "tijd": f"{EX}tijd",
    "versieVan": {"@id": f"{EX}versieVan", "@type": "@id"},
    "naam": f"{EX}naam",
}
PINNED = {OFFICIAL_CONTEXT: {"@context": {"naam": f"{EX}naam", "Persoon": f"{EX}Persoon"}}}


def _pinned(url: str) -> Any | None:
    return PINNED.get(url)


@dataclass
class Builder:
    """Makes the pages and crawls the checks read."""

    official_context: str = OFFICIAL_CONTEXT
    ex: str = EX

    @property
    def tree_terms(self) -> dict[str, Any]:
        """An inline context for TREE/LDES pages, with ``ex:`` terms for members."""
        return dict(TREE_TERMS)

    def fetched(
        self,
        url: str,
        status: int | None = 200,
        content_type: str | None = "application/ld+json",
        error: FetchError | None = None,
    ) -> Fetched:
        headers = (("Content-Type", content_type),) if content_type is not None else ()
        return Fetched(
            requested_url=url,
            url=url,
            status=status,
            headers=headers,
            body=b"",
            error=error,
            exchanges=(),
        )

    def page(
        self,
        url: str,
        body: str | dict[str, Any],
        *,
        content_type: str = "application/ld+json",
        links: list[Link] | None = None,
    ) -> Page:
        """A page that answered 200 with ``body``; its members are read from the payload."""
        data = body if isinstance(body, str) else json.dumps(body)
        media_type = content_type.split(";")[0]
        payload = read_payload(data.encode(), url=url, media_type=media_type, contexts=_pinned)
        members = [o for _, p, o in payload.graph.triples if str(p) == vocab.TREE_MEMBER]
        return Page(
            url=url,
            role="feed",
            fetched=self.fetched(url, content_type=content_type),
            payload=payload,
            links=links or [],
            members=members,
        )

    def status_page(self, url: str, status: int) -> Page:
        return Page(
            url=url, role="feed", fetched=self.fetched(url, status, "text/plain"), payload=None
        )

    def failed_page(self, url: str, kind: str, message: str) -> Page:
        error = FetchError(kind, message)
        return Page(
            url=url, role="feed", fetched=self.fetched(url, None, None, error), payload=None
        )

    def crawl(
        self,
        *pages: Page,
        start_urls: tuple[str, ...] | None = None,
        unfollowed: list[tuple[Link, str]] | None = None,
        stopped: str | None = None,
    ) -> Crawl:
        starts = start_urls if start_urls is not None else tuple(p.url for p in pages[:1])
        return Crawl(
            role="feed",
            start_urls=starts or ("http://vendor.test/feed",),
            pages=list(pages),
            unfollowed=unfollowed or [],
            stopped=stopped,
        )


@pytest.fixture
def build() -> Builder:
    return Builder()
