"""crawl() over a paged collection: next-page and item links a suite declares, each fetched once,
bounded in pages and items, on the profile's hosts only."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rdflib import URIRef

from interop_lab.crawl import Crawl, CrawlBounds, LinkRules, crawl
from interop_lab.crawl.collection import collection_links
from interop_lab.payloads.read import read_payload
from interop_lab.reference import ReferenceVendor
from interop_lab.reference.adres_register import LIST_PATH, AdresRegister
from interop_lab.transport import Limits, Recorder, open_fetcher
from tests.suite_artefacts import suite_artefacts

if TYPE_CHECKING:
    from conftest import Site

ContextSource = Callable[[str], Any | None]
NEXT = "http://www.w3.org/ns/hydra/core#next"
SELF = "http://www.iana.org/assignments/relation/self"
RULES = LinkRules(next=frozenset({NEXT}), items=frozenset({SELF}))
CONTEXT: dict[str, Any] = {
    "volgende": NEXT,
    "detail": SELF,
    "naam": "http://ex.test/naam",
    "items": {"@id": "http://ex.test/item", "@type": "@id"},
}


def no_contexts(url: str) -> Any | None:
    return None


def run_crawl(
    start: str,
    hosts: frozenset[str],
    *,
    contexts: ContextSource = no_contexts,
    bounds: CrawlBounds | None = None,
) -> Crawl:
    async def go() -> Crawl:
        limits = Limits(request_timeout_s=5.0, retries=0)
        async with open_fetcher(limits=limits, recorder=Recorder()) as fetcher:
            return await crawl(
                fetcher,
                role="collection",
                start_urls=[start],
                contexts=contexts,
                allowed_hosts=hosts,
                bounds=bounds or CrawlBounds(),
                links=RULES,
            )

    return asyncio.run(go())


def listing(next_url: str | None, *items: tuple[str, str]) -> dict[str, Any]:
    """A list page: items as (@id, detail URL), and a next page when given."""
    page: dict[str, Any] = {
        "@context": CONTEXT,
        "@id": "http://ex.test/lijst",
        "items": [{"@id": item, "detail": detail} for item, detail in items],
    }
    if next_url:
        page["volgende"] = next_url
    return page


def item(identifier: str) -> dict[str, Any]:
    return {"@context": CONTEXT, "@id": identifier, "naam": "een item"}


def test_reference_register_pages_and_items_are_each_fetched_once(
    reference_hits: Counter[str],
) -> None:
    register = AdresRegister(addresses=12, page_size=5)
    with ReferenceVendor(register) as vendor:
        base = vendor.base_url
        result = run_crawl(
            base + LIST_PATH,
            frozenset({base.removeprefix("http://")}),
            contexts=suite_artefacts("adresregister").context,
        )

    lists = [register.page_url("", index) for index in range(3)]
    details = [register.item_url("", index) for index in range(12)]
    assert reference_hits == Counter(lists + details)
    assert [p.url for p in result.pages if p.via is None or p.via.kind == NEXT] == [
        base + path for path in lists
    ]
    assert result.member_count == 12
    assert result.stopped is None
    assert result.unfollowed == []


def test_item_page_holds_the_item_its_list_linked_to(site: Site) -> None:
    start, detail = site.url("/lijst"), site.url("/items/1")
    site.publish("/lijst", listing(None, ("http://ex.test/id/1", detail)))
    site.publish("/items/1", item("http://ex.test/id/1"))

    result = run_crawl(start, frozenset({site.host}))

    (page,) = result.item_pages()
    assert page.url == detail
    assert page.members == [URIRef("http://ex.test/id/1")]
    assert page.via is not None
    assert (page.via.source, page.via.kind, page.via.subject) == (
        start,
        SELF,
        "http://ex.test/id/1",
    )
    assert result.pages[0].members == []


def test_next_link_back_to_a_page_ends_the_crawl(site: Site) -> None:
    first, second = site.url("/lijst"), site.url("/lijst?offset=1")
    site.publish("/lijst", listing(second))
    site.publish("/lijst?offset=1", listing(first))

    result = run_crawl(first, frozenset({site.host}))

    assert site.hits == Counter({"/lijst": 1, "/lijst?offset=1": 1})
    assert result.stopped is None


def test_links_to_other_hosts_are_kept_unfollowed(site: Site) -> None:
    start = site.url("/lijst")
    site.publish(
        "/lijst", listing("http://elders.test/lijst?p=2", ("ex:1", "http://elders.test/1"))
    )

    result = run_crawl(start, frozenset({site.host}))

    assert site.hits == Counter({"/lijst": 1})
    refused = {link.kind: reason for link, reason in result.unfollowed}
    expected = f"host elders.test staat niet in het profiel (toegestaan: {site.host})"
    assert refused == {NEXT: expected, SELF: expected}


def test_max_pages_bounds_lists_and_items_together(site: Site) -> None:
    start = site.url("/lijst")
    details = [(f"http://ex.test/id/{n}", site.url(f"/items/{n}")) for n in range(3)]
    site.publish("/lijst", listing(site.url("/lijst?p=2"), *details))

    result = run_crawl(start, frozenset({site.host}), bounds=CrawlBounds(max_pages=3))

    assert len(result.pages) == 3
    assert sum(site.hits.values()) == 3
    assert result.stopped == "maximum van 3 pagina's bereikt"


def test_max_members_fetches_no_more_items_and_no_next_page(site: Site) -> None:
    start = site.url("/lijst")
    details = [(f"http://ex.test/id/{n}", site.url(f"/items/{n}")) for n in range(4)]
    site.publish("/lijst", listing(site.url("/lijst?p=2"), *details))
    for identifier, detail in details:
        site.publish(detail.removeprefix(f"http://{site.host}"), item(identifier))

    result = run_crawl(start, frozenset({site.host}), bounds=CrawlBounds(max_members=2))

    assert len(result.item_pages()) == 2
    assert "/lijst?p=2" not in site.hits
    assert sum(site.hits.values()) == 3
    assert result.stopped == "maximum van 2 leden bereikt"


def test_link_values_may_be_iris_or_url_strings() -> None:
    body = b"""{"@context": {"volgende": {"@id": "%s", "@type": "@id"}, "detail": "%s"},
        "@id": "http://ex.test/lijst", "volgende": "?p=2", "detail": "/items/1"}""" % (
        NEXT.encode(),
        SELF.encode(),
    )
    payload = read_payload(
        body, url="http://v.test/lijst", media_type="application/ld+json", contexts=no_contexts
    )

    links = collection_links("http://v.test/lijst", payload, RULES)

    assert sorted((link.kind, link.target) for link in links) == [
        (SELF, "http://v.test/items/1"),
        (NEXT, "http://v.test/lijst?p=2"),
    ]
