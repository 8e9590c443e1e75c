"""The reference IPDC-LPDC instance-snapshot Linked Data Event Stream, page by page.

Unlike the real LPDC pages (which type each page as the EventStream and give it the page URL),
each page here is spec-shaped: the document describes the stream (``@id`` = stream IRI, type
``EventStream``), its ``view`` is the page (a ``tree:Node``) with its relations, and ``member``
holds the page's snapshots. Pages are ordered by ``prov:generatedAtTime``.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from interop_lab.reference.defects import SECOND_PAGE, check_defects, damage_member
from interop_lab.reference.ipdc_site import FEED_PATH, answer
from interop_lab.reference.members import LEAN_KEYS, build_member, generated_at
from interop_lab.reference.site import SiteRequest, SiteResponse
from interop_lab.reference.vocabulary import (
    DCT_IS_VERSION_OF,
    IPDC_CONTEXT,
    LDES_CONTEXT,
    PROV_GENERATED_AT_TIME,
    UNPINNED_CONTEXT,
    format_timestamp,
)

__all__ = ["FEED_PATH", "IpdcFeed"]


LDES_RETENTION_POLICY = "https://w3id.org/ldes#retentionPolicy"
# Snapshots are kept ten years, as a municipality's product catalogue history would be.
RETENTION = {
    "@type": "https://w3id.org/ldes#DurationAgoPolicy",
    "https://w3id.org/tree#value": {
        "@value": "P10Y",
        "@type": "http://www.w3.org/2001/XMLSchema#duration",
    },
}


class IpdcFeed:
    """Deterministic generator of the feed: same parameters, same pages, byte for byte."""

    def __init__(
        self,
        members: int = 30,
        page_size: int = 10,
        defects: Collection[str] = (),
        seed: int = 0,
        lean: bool = False,
    ) -> None:
        if members < 0:
            raise ValueError(f"members must be 0 or more, got {members}")
        if page_size < 1:
            raise ValueError(f"page_size must be 1 or more, got {page_size}")
        self._members = members
        self._page_size = page_size
        self._defects = check_defects(defects)
        self._seed = seed
        self._lean = lean  # members of about 12 triples (LEAN_KEYS), for benchmarks
        if lean and "bad-email" in self._defects:
            raise ValueError("defect bad-email needs contact points, which lean members lack")

    @property
    def members(self) -> int:
        return self._members

    @property
    def page_size(self) -> int:
        return self._page_size

    @property
    def defects(self) -> frozenset[str]:
        return self._defects

    @property
    def seed(self) -> int:
        return self._seed

    def page_count(self) -> int:
        # An empty stream still has its (empty) root page.
        return max(1, -(-self._members // self._page_size))

    def stream_url(self, base_url: str) -> str:
        return base_url.rstrip("/") + FEED_PATH

    def page_url(self, base_url: str, index: int) -> str:
        return f"{self.stream_url(base_url)}?pageNumber={index}"

    def damaged_member(self) -> int | None:
        """Index of the member the data defects hit (the first one of the second page)."""
        if self._members == 0:
            return None
        return SECOND_PAGE * self._page_size if self.page_count() > SECOND_PAGE else 0

    def answer(self, request: SiteRequest) -> SiteResponse:
        """The HTTP answer of the reference vendor (a ``Site``)."""
        return answer(self, request)

    def page(self, index: int, base_url: str) -> dict[str, Any]:
        """The JSON-LD document of page `index`; only that page's members are generated."""
        if not 0 <= index < self.page_count():
            raise IndexError(f"page {index} does not exist; the feed has {self.page_count()}")
        contexts = [IPDC_CONTEXT, LDES_CONTEXT]
        if "remote-context" in self._defects:
            contexts.append(UNPINNED_CONTEXT)
        return {
            "@context": contexts,
            "@id": self.stream_url(base_url),
            "@type": "EventStream",
            "timestampPath": PROV_GENERATED_AT_TIME,
            "versionOfPath": DCT_IS_VERSION_OF,
            "view": {
                "@id": self.page_url(base_url, index),
                "@type": "Node",
                "relation": self._relations(index, base_url),
                # The pinned IPDC contexts have no term for it: absolute IRIs are never dropped.
                LDES_RETENTION_POLICY: RETENTION,
            },
            "member": [self._member(i) for i in self._member_range(index)],
        }

    def _member_range(self, index: int) -> range:
        start = index * self._page_size
        return range(start, min(self._members, start + self._page_size))

    def _member(self, index: int) -> dict[str, Any]:
        member = build_member(index, self._seed)
        if self._lean:
            member = {key: member[key] for key in LEAN_KEYS if key in member}
        if index == self.damaged_member():
            damage_member(member, self._defects)
        return member

    def _relations(self, index: int, base_url: str) -> list[dict[str, str]]:
        """GreaterThanOrEqualTo the next page (value: its first timestamp), LessThanOrEqualTo
        the previous page (value: its last timestamp): each value bounds every member reachable
        through the relation."""
        last = self.page_count() - 1
        relations = []
        if index < last:
            first_next = generated_at((index + 1) * self._page_size, self._seed)
            relations.append(
                self._relation("GreaterThanOrEqualTo", index + 1, first_next, base_url)
            )
        if index > 0:
            last_previous = generated_at(index * self._page_size - 1, self._seed)
            relations.append(
                self._relation("LessThanOrEqualTo", index - 1, last_previous, base_url)
            )
        if index == last and "relation-cycle" in self._defects:
            relations.append(
                self._relation("GreaterThanOrEqualTo", 0, generated_at(0, self._seed), base_url)
            )
        return relations

    def _relation(self, kind: str, target: int, timestamp: int, base_url: str) -> dict[str, str]:
        return {
            "@type": f"{kind}Relation",
            "node": self.page_url(base_url, target),
            "path": PROV_GENERATED_AT_TIME,
            "value": format_timestamp(timestamp),
        }
