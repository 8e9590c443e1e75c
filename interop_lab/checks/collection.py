"""Checks on a paged collection: its pages chain to an end, and its items can be followed to a
document that describes them. The crawl followed the links the suite declares (``Crawl.rules``).
"""

from __future__ import annotations

from rdflib import URIRef

from interop_lab.checks.common import fail, readable_pages
from interop_lab.crawl import Crawl, LinkRules, Page
from interop_lab.model.errors import CantTell, Failure, SuiteError
from interop_lab.model.outcomes import Location
from interop_lab.model.prefixes import short


def paging_ends(crawl: Crawl) -> None:
    """Following the next-page links from the start ends, without coming back to a page."""
    rules = _rules(crawl)
    readable_pages(crawl)
    chain = [crawl.canonical(crawl.start_urls[0])]
    page = crawl.page_at(chain[0])
    while page is not None:
        targets = [crawl.canonical(link.target) for link in page.links if link.kind in rules.next]
        if not targets:
            return
        if targets[0] in chain:
            _loop(page, [*chain[chain.index(targets[0]) :], targets[0]], rules)
        chain.append(targets[0])
        page = crawl.page_at(targets[0])
    _chain_left_the_crawl(crawl, rules)


def _loop(page: Page, cycle: list[str], rules: LinkRules) -> None:
    raise Failure(
        "de volgende-links tussen de pagina's vormen een lus: de lijst eindigt nooit",
        expected="een laatste pagina zonder link naar een volgende pagina",
        received="lus: " + " -> ".join(cycle),
        locations=(Location(url=page.url, path=sorted(rules.next)[0], value=cycle[-1]),),
    )


def _chain_left_the_crawl(crawl: Crawl, rules: LinkRules) -> None:
    refused = [(link, reason) for link, reason in crawl.unfollowed if link.kind in rules.next]
    fail(
        "een volgende pagina kon niet gevolgd worden",
        [Location(url=link.source, path=link.kind, value=link.target) for link, _ in refused],
        expected="volgende-links naar HTTP-pagina's op de hosts van het profiel",
        received="; ".join(f"{link.target}: {reason}" for link, reason in refused[:3]),
    )
    if crawl.stopped:
        raise CantTell(f"het einde van de lijst is niet bereikt: crawl gestopt ({crawl.stopped})")


def items_listed(crawl: Crawl) -> None:
    """The collection links to the document of each of its items, and each link can be followed."""
    rules = _rules(crawl)
    links = [
        link for page in readable_pages(crawl) for link in page.links if link.kind in rules.items
    ]
    wanted = " of ".join(short(kind) for kind in sorted(rules.items))
    if not links:
        raise Failure(
            "de collectie verwijst naar geen enkel item",
            expected=f"per item een link ({wanted}) naar zijn document",
            received="geen item-links op de opgehaalde pagina's",
            locations=tuple(Location(url=url) for url in crawl.start_urls),
        )
    refused = [(link, reason) for link, reason in crawl.unfollowed if link.kind in rules.items]
    fail(
        "niet elk item kon gevolgd worden",
        [Location(url=link.source, path=link.kind, value=link.target) for link, _ in refused],
        expected=f"item-links ({wanted}) naar HTTP-documenten op de hosts van het profiel",
        received="; ".join(f"{link.target}: {reason}" for link, reason in refused[:3]),
    )


def items_dereference(crawl: Crawl) -> None:
    """Each item's link answers with a document that describes that item."""
    pages = [page for page in crawl.item_pages() if page.via and page.via.subject]
    if not pages:
        raise CantTell("de crawl volgde geen item met een @id, dus dit kan niet beoordeeld worden")
    problems = [
        Location(url=page.url, member=page.via.subject, value=problem)
        for page in pages
        if page.via and page.via.subject
        if (problem := describes_not(page, page.via.subject))
    ]
    fail(
        "niet elk item-document beschrijft het item dat ernaar verwijst",
        problems,
        expected="de link van elk item antwoordt met een document over dat item",
        received="; ".join(f"{p.url}: {p.value}" for p in problems[:3]),
    )


def describes_not(page: Page, iri: str) -> str | None:
    """Why ``page`` is no description of ``iri`` (in Dutch), or None when it is one."""
    if page.fetched.error is not None:
        return page.fetched.error.message
    if not page.fetched.ok:
        return f"HTTP {page.fetched.status}"
    if page.payload is None or page.payload.error is not None:
        return page.payload.error if page.payload else "geen inhoud"
    node = URIRef(iri)
    if any(subject == node for subject, _, _ in page.payload.graph.triples):
        return None
    return f"beschrijft {iri} niet"


def _rules(crawl: Crawl) -> LinkRules:
    if crawl.rules is None:
        # A suite bug, not the vendor's: the role was crawled as TREE, without collection links.
        raise SuiteError(f"the suite declares no collection links for role '{crawl.role}'")
    return crawl.rules
