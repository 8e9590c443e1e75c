"""What a crawl keeps: each page fetched, the links between pages, and why it stopped."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urldefrag

from rdflib.term import Node

from interop_lab.payloads.read import Payload
from interop_lab.transport import Fetched


@dataclass(frozen=True, slots=True)
class CrawlBounds:
    max_pages: int = 10_000
    max_members: int = 1_000_000
    concurrency: int = 4


@dataclass(frozen=True, slots=True)
class LinkRules:
    """The properties (expanded IRIs) by which a paged collection links on: to its next page and
    to its items' documents. A crawl with rules follows these instead of TREE relations."""

    next: frozenset[str] = frozenset()
    items: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Link:
    """A link from one page to another: a ``tree:relation`` or ``tree:view``, or a collection's
    next-page or item link (``subject``: the node that links, e.g. the item)."""

    source: str
    target: str
    kind: str
    path: str | None = None
    value: str | None = None
    subject: str | None = None


@dataclass(slots=True)
class Page:
    url: str
    role: str
    fetched: Fetched
    payload: Payload | None
    links: list[Link] = field(default_factory=list)
    members: list[Node] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    via: Link | None = None  # the link the crawl followed to this page; None for a start page


@dataclass(slots=True)
class Crawl:
    role: str
    start_urls: tuple[str, ...]
    pages: list[Page] = field(default_factory=list)
    unfollowed: list[tuple[Link, str]] = field(default_factory=list)
    stopped: str | None = None
    rules: LinkRules | None = None  # a paged collection's links; None for TREE

    @property
    def member_count(self) -> int:
        return sum(len(page.members) for page in self.pages)

    def canonical(self, url: str) -> str:
        """The URL the crawl fetched for ``url``, when a page named itself by another URL."""
        normal = normal_url(url)
        for page in self.pages:
            if normal in page.aliases:
                return page.url
        return normal

    def page_at(self, url: str) -> Page | None:
        """The page fetched for ``url`` (or an alias of it), if the crawl fetched one."""
        canonical = self.canonical(url)
        return next((page for page in self.pages if page.url == canonical), None)

    def item_pages(self) -> list[Page]:
        """The documents of the collection's items: the pages reached through an item link."""
        items = self.rules.items if self.rules else frozenset()
        return [page for page in self.pages if page.via is not None and page.via.kind in items]


def normal_url(url: str) -> str:
    return urldefrag(url)[0]
