"""Crawling a claimed endpoint: breadth-first over TREE relations, bounded, each page once.

A page that cannot be fetched or read is kept with its error: it is evidence for the checks.
Links the lab will not follow (another host, another scheme, past a bound) are kept too, with
the reason, so a check can report them instead of the crawl hiding them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlsplit

from rdflib import URIRef
from rdflib.term import Node

from interop_lab.model import vocab
from interop_lab.payloads.jsonld import ContextSource
from interop_lab.payloads.read import Payload, read_payload
from interop_lab.transport import Fetched, Fetcher

ACCEPT = "application/ld+json, text/turtle;q=0.9, application/n-triples;q=0.8, */*;q=0.1"


@dataclass(frozen=True, slots=True)
class CrawlBounds:
    max_pages: int = 10_000
    max_members: int = 1_000_000
    concurrency: int = 4


@dataclass(frozen=True, slots=True)
class Link:
    """A ``tree:relation`` (or ``tree:view``) from one page to another."""

    source: str
    target: str
    kind: str
    path: str | None = None
    value: str | None = None


@dataclass(slots=True)
class Page:
    url: str
    role: str
    fetched: Fetched
    payload: Payload | None
    links: list[Link] = field(default_factory=list)
    members: list[Node] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Crawl:
    role: str
    start_urls: tuple[str, ...]
    pages: list[Page] = field(default_factory=list)
    unfollowed: list[tuple[Link, str]] = field(default_factory=list)
    stopped: str | None = None

    @property
    def member_count(self) -> int:
        return sum(len(page.members) for page in self.pages)

    def canonical(self, url: str) -> str:
        """The URL the crawl fetched for ``url``, when a page named itself by another URL."""
        normal = _normal(url)
        for page in self.pages:
            if normal in page.aliases:
                return page.url
        return normal


async def crawl(
    fetcher: Fetcher,
    *,
    role: str,
    start_urls: Sequence[str],
    contexts: ContextSource,
    allowed_hosts: frozenset[str],
    bounds: CrawlBounds,
    follow: bool = True,
) -> Crawl:
    """Fetch ``start_urls`` and, when ``follow``, every page their relations lead to."""
    result = Crawl(role=role, start_urls=tuple(start_urls))
    seen = {_normal(url) for url in start_urls}
    frontier = list(dict.fromkeys(_normal(url) for url in start_urls))
    gate = asyncio.Semaphore(bounds.concurrency)
    while frontier and result.stopped is None:
        room = max(0, bounds.max_pages - len(result.pages))
        if len(frontier) > room:
            # Pages cut off here would otherwise be lost without a word.
            result.stopped = _max_pages(bounds)
            frontier = frontier[:room]
        pages = await asyncio.gather(
            *(_visit(fetcher, gate, role, url, contexts) for url in frontier)
        )
        result.pages.extend(pages)
        frontier = _next_frontier(pages, result, seen, allowed_hosts, follow)
        result.stopped = _bound_reached(result, frontier, bounds) or result.stopped
    return result


async def _visit(
    fetcher: Fetcher, gate: asyncio.Semaphore, role: str, url: str, contexts: ContextSource
) -> Page:
    async with gate:
        fetched = await fetcher.get(url, name=f"{role}: {url}", accept=ACCEPT)
    if fetched.error is not None or fetched.status is None or not 200 <= fetched.status < 300:
        return Page(url=url, role=role, fetched=fetched, payload=None)
    payload = read_payload(
        fetched.body, url=fetched.url, media_type=fetched.media_type, contexts=contexts
    )
    page = Page(url=url, role=role, fetched=fetched, payload=payload)
    if payload.error is None:
        page.aliases = _self_views(payload)
        page.links = [
            link for link in _links(url, payload) if _normal(link.target) not in page.aliases
        ]
        page.members = _members(payload)
    return page


def _self_views(payload: Payload) -> list[str]:
    """``tree:view`` targets this document describes: they name this very page, not another."""
    described = {subject for subject, _, _ in payload.graph.triples}
    return [
        _normal(str(value))
        for _, predicate, value in payload.graph.triples
        if str(predicate) == vocab.TREE_VIEW and isinstance(value, URIRef) and value in described
    ]


def _links(page_url: str, payload: Payload) -> list[Link]:
    triples = payload.graph.triples
    by_subject: dict[Node, dict[str, list[Node]]] = {}
    for subject, predicate, value in triples:
        by_subject.setdefault(subject, {}).setdefault(str(predicate), []).append(value)
    links = []
    for _, predicate, value in triples:
        if str(predicate) == vocab.TREE_VIEW and isinstance(value, URIRef):
            links.append(Link(page_url, str(value), vocab.TREE_VIEW))
        if str(predicate) == vocab.TREE_RELATION:
            links.extend(_relation_links(page_url, by_subject.get(value, {})))
    return links


def _relation_links(page_url: str, relation: dict[str, list[Node]]) -> list[Link]:
    kinds = [str(kind) for kind in relation.get(vocab.RDF_TYPE, [])]
    kind = next((k for k in kinds if k != vocab.TREE_RELATION_CLASS), vocab.TREE_RELATION_CLASS)
    path = relation.get(vocab.TREE_PATH, [None])[0]
    value = relation.get(vocab.TREE_VALUE, [None])[0]
    return [
        Link(
            page_url,
            str(target),
            kind,
            str(path) if path else None,
            str(value) if value is not None else None,
        )
        for target in relation.get(vocab.TREE_NODE, [])
        if isinstance(target, URIRef)
    ]


def _members(payload: Payload) -> list[Node]:
    return [
        value
        for _, predicate, value in payload.graph.triples
        if str(predicate) == vocab.TREE_MEMBER
    ]


def _next_frontier(
    pages: list[Page],
    result: Crawl,
    seen: set[str],
    allowed_hosts: frozenset[str],
    follow: bool,
) -> list[str]:
    frontier = []
    seen.update(alias for page in pages for alias in page.aliases)
    for link in (link for page in pages for link in page.links):
        target = _normal(link.target)
        reason = _refusal(target, allowed_hosts) if follow else "niet gevolgd voor deze rol"
        if reason is not None:
            result.unfollowed.append((link, reason))
        elif target not in seen:
            seen.add(target)
            frontier.append(target)
    return frontier


def _refusal(url: str, allowed_hosts: frozenset[str]) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"schema {parts.scheme or '(geen)'}: is geen HTTP"
    host = (parts.hostname or "").lower()
    netloc = parts.netloc.rsplit("@", 1)[-1].lower()
    if host not in allowed_hosts and netloc not in allowed_hosts:
        allowed = ", ".join(sorted(allowed_hosts))
        return f"host {netloc} staat niet in het profiel (toegestaan: {allowed})"
    return None


def _bound_reached(result: Crawl, frontier: list[str], bounds: CrawlBounds) -> str | None:
    if result.member_count >= bounds.max_members:
        return f"maximum van {bounds.max_members} leden bereikt"
    if frontier and len(result.pages) >= bounds.max_pages:
        return _max_pages(bounds)
    return None


def _max_pages(bounds: CrawlBounds) -> str:
    return f"maximum van {bounds.max_pages} pagina's bereikt"


def _normal(url: str) -> str:
    return urldefrag(url)[0]
