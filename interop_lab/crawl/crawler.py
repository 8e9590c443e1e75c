"""Crawling a claimed endpoint: breadth-first, bounded, each page once.

Pages link on by TREE relations, or, for a paged collection, by the next-page and item links its
suite declares (``LinkRules``). A page that cannot be fetched or read is kept with its error: it
is evidence for the checks. Links the lab will not follow (another host, another scheme, past a
bound) are kept too, with the reason, so a check can report them instead of the crawl hiding them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from urllib.parse import urlsplit

from rdflib import URIRef
from rdflib.term import Node

from interop_lab.crawl.collection import collection_links
from interop_lab.crawl.pages import Crawl, CrawlBounds, Link, LinkRules, Page, normal_url
from interop_lab.model import vocab
from interop_lab.payloads.jsonld import ContextSource
from interop_lab.payloads.read import Payload, read_payload
from interop_lab.transport import Fetcher

ACCEPT = "application/ld+json, text/turtle;q=0.9, application/n-triples;q=0.8, */*;q=0.1"

# A URL to fetch and the link that led to it (None for a start URL).
_Step = tuple[str, Link | None]


async def crawl(
    fetcher: Fetcher,
    *,
    role: str,
    start_urls: Sequence[str],
    contexts: ContextSource,
    allowed_hosts: frozenset[str],
    bounds: CrawlBounds,
    follow: bool = True,
    links: LinkRules | None = None,
) -> Crawl:
    """Fetch ``start_urls`` and, when ``follow``, every page their links lead to: TREE
    relations, or the collection ``links`` when given."""
    result = Crawl(role=role, start_urls=tuple(start_urls), rules=links)
    seen = {normal_url(url) for url in start_urls}
    frontier: list[_Step] = [(url, None) for url in dict.fromkeys(map(normal_url, start_urls))]
    gate = asyncio.Semaphore(bounds.concurrency)
    items_cut = False
    while frontier and result.stopped is None:
        room = max(0, bounds.max_pages - len(result.pages))
        if len(frontier) > room:
            # Pages cut off here would otherwise be lost without a word.
            result.stopped = _max_pages(bounds)
            frontier = frontier[:room]
        pages = await asyncio.gather(
            *(_visit(fetcher, gate, role, step, contexts, links) for step in frontier)
        )
        result.pages.extend(pages)
        frontier = _next_frontier(pages, result, seen, allowed_hosts, follow)
        if links is not None:
            frontier, cut = _within_member_bound(frontier, result, links, bounds)
            items_cut = items_cut or cut
        result.stopped = _bound_reached(result, frontier, bounds) or result.stopped
    if items_cut:
        result.stopped = result.stopped or _max_members(bounds)
    return result


async def fetch_page(
    fetcher: Fetcher, url: str, *, role: str, name: str, contexts: ContextSource, accept: str
) -> Page:
    """One request, recorded as ``name``; its body read as RDF when it answered 2xx."""
    fetched = await fetcher.get(url, name=name, accept=accept)
    if not fetched.ok:
        return Page(url=url, role=role, fetched=fetched, payload=None)
    payload = read_payload(
        fetched.body, url=fetched.url, media_type=fetched.media_type, contexts=contexts
    )
    return Page(url=url, role=role, fetched=fetched, payload=payload)


async def _visit(
    fetcher: Fetcher,
    gate: asyncio.Semaphore,
    role: str,
    step: _Step,
    contexts: ContextSource,
    rules: LinkRules | None,
) -> Page:
    url, via = step
    async with gate:
        page = await fetch_page(
            fetcher, url, role=role, name=f"{role}: {url}", contexts=contexts, accept=ACCEPT
        )
    page.via = via
    if page.payload is not None and page.payload.error is None:
        _read_links(page, page.payload, rules)
    return page


def _read_links(page: Page, payload: Payload, rules: LinkRules | None) -> None:
    if rules is not None:
        page.links = collection_links(page.url, payload, rules)
        via = page.via
        # An item's document holds one member: the item its list linked to.
        if via is not None and via.kind in rules.items and via.subject is not None:
            page.members = [URIRef(via.subject)]
        return
    tree = _TreeParts(payload)
    page.aliases = tree.self_views()
    # A view naming this very page is no link; a relation to it is one (to itself), and the
    # checks must see it.
    page.links = [
        link
        for link in tree.links(page.url)
        if link.kind != vocab.TREE_VIEW or normal_url(link.target) not in page.aliases
    ]
    page.members = tree.members


_VIEW = URIRef(vocab.TREE_VIEW)
_RELATION = URIRef(vocab.TREE_RELATION)
_MEMBER = URIRef(vocab.TREE_MEMBER)


class _TreeParts:
    """The TREE parts of one page, found in one pass over its triples (a page of a large feed
    holds thousands; the relations are a handful)."""

    def __init__(self, payload: Payload) -> None:
        triples = payload.graph.triples
        self.described: set[Node] = set()
        self.members: list[Node] = []
        # (tree:view target | tree:relation node) in the order the page states them
        self.stated: list[tuple[bool, Node]] = []
        relations: set[Node] = set()
        for subject, predicate, value in triples:
            self.described.add(subject)
            if predicate == _MEMBER:
                self.members.append(value)
            elif predicate == _VIEW:
                self.stated.append((True, value))
            elif predicate == _RELATION:
                self.stated.append((False, value))
                relations.add(value)
        self.relations: dict[Node, dict[str, list[Node]]] = {node: {} for node in relations}
        if relations:
            for subject, predicate, value in triples:
                if subject in relations:
                    self.relations[subject].setdefault(str(predicate), []).append(value)

    def self_views(self) -> list[str]:
        """``tree:view`` targets this document describes: they name this very page."""
        return [
            normal_url(str(value))
            for view, value in self.stated
            if view and isinstance(value, URIRef) and value in self.described
        ]

    def links(self, page_url: str) -> list[Link]:
        links = []
        for view, value in self.stated:
            if view and isinstance(value, URIRef):
                links.append(Link(page_url, str(value), vocab.TREE_VIEW))
            elif not view:
                links.extend(_relation_links(page_url, self.relations.get(value, {})))
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


def _next_frontier(
    pages: list[Page],
    result: Crawl,
    seen: set[str],
    allowed_hosts: frozenset[str],
    follow: bool,
) -> list[_Step]:
    frontier: list[_Step] = []
    seen.update(alias for page in pages for alias in page.aliases)
    for link in (link for page in pages for link in page.links):
        target = normal_url(link.target)
        reason = _refusal(target, allowed_hosts) if follow else "niet gevolgd voor deze rol"
        if reason is not None:
            result.unfollowed.append((link, reason))
        elif target not in seen:
            seen.add(target)
            frontier.append((target, link))
    return frontier


def _within_member_bound(
    frontier: list[_Step], result: Crawl, rules: LinkRules, bounds: CrawlBounds
) -> tuple[list[_Step], bool]:
    """The steps to take when each item costs a request: the items up to max_members, and no
    next page once items had to be left out (more pages would only list more of them)."""
    room = bounds.max_members - len(result.item_pages())
    items = [step for step in frontier if step[1] is not None and step[1].kind in rules.items]
    if len(items) <= room:
        return frontier, False
    return items[: max(0, room)], True


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


def _bound_reached(result: Crawl, frontier: list[_Step], bounds: CrawlBounds) -> str | None:
    if frontier and result.member_count >= bounds.max_members:
        return _max_members(bounds)
    if frontier and len(result.pages) >= bounds.max_pages:
        return _max_pages(bounds)
    return None


def _max_members(bounds: CrawlBounds) -> str:
    return f"maximum van {bounds.max_members} leden bereikt"


def _max_pages(bounds: CrawlBounds) -> str:
    return f"maximum van {bounds.max_pages} pagina's bereikt"
