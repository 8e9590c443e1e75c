"""Checks on a paged collection: paging ends without a loop, items are listed and followed, and
each item's document describes that item."""

from __future__ import annotations

from typing import Any

import pytest

from interop_lab.checks import collection
from interop_lab.crawl import Crawl, Link, LinkRules, Page
from interop_lab.model.errors import CantTell, Failure, SuiteError
from tests.checks.answers import answer, described, failure

NEXT = "http://www.w3.org/ns/hydra/core#next"
SELF = "http://www.iana.org/assignments/relation/self"
RULES = LinkRules(next=frozenset({NEXT}), items=frozenset({SELF}))
BASE = "http://v.test/lijst"
ITEM = "http://v.test/id/1"
LIST_BODY: dict[str, Any] = {"@context": {"naam": "http://ex.test/naam"}, "naam": "lijst"}


def list_page(url: str, *links: Link) -> Page:
    page = answer(url, LIST_BODY)
    page.links = list(links)
    return page


def next_link(source: str, target: str) -> Link:
    return Link(source, target, NEXT)


def item_link(source: str = BASE, target: str = "http://v.test/items/1") -> Link:
    return Link(source, target, SELF, subject=ITEM)


def collection_of(*pages: Page, **fields: Any) -> Crawl:
    return Crawl(role="collection", start_urls=(BASE,), pages=list(pages), rules=RULES, **fields)


def test_paging_that_ends_passes() -> None:
    second = f"{BASE}?p=2"
    crawl = collection_of(list_page(BASE, next_link(BASE, second)), list_page(second))

    collection.paging_ends(crawl)


def test_paging_loop_fails_naming_the_cycle() -> None:
    second = f"{BASE}?p=2"
    crawl = collection_of(
        list_page(BASE, next_link(BASE, second)), list_page(second, next_link(second, BASE))
    )

    with pytest.raises(Failure) as caught:
        collection.paging_ends(crawl)

    assert caught.value.description == (
        "de volgende-links tussen de pagina's vormen een lus: de lijst eindigt nooit; verwacht: "
        "een laatste pagina zonder link naar een volgende pagina; ontvangen: lus: "
        f"{BASE} -> {second} -> {BASE}"
    )
    assert caught.value.locations[0].url == second


def test_next_page_on_another_host_fails() -> None:
    elsewhere = "http://elders.test/lijst?p=2"
    link = next_link(BASE, elsewhere)
    crawl = collection_of(list_page(BASE, link), unfollowed=[(link, "host elders.test ...")])

    with pytest.raises(Failure) as caught:
        collection.paging_ends(crawl)

    assert "een volgende pagina kon niet gevolgd worden" in caught.value.description
    assert f"ontvangen: {elsewhere}: host elders.test ..." in caught.value.description


def test_paging_cut_by_a_bound_cannot_be_told() -> None:
    link = next_link(BASE, f"{BASE}?p=2")
    crawl = collection_of(list_page(BASE, link), stopped="maximum van 1 pagina's bereikt")

    with pytest.raises(CantTell, match="crawl gestopt"):
        collection.paging_ends(crawl)


def test_a_role_without_collection_links_is_a_suite_error() -> None:
    crawl = Crawl(role="feed", start_urls=(BASE,), pages=[list_page(BASE)])

    with pytest.raises(SuiteError):
        collection.paging_ends(crawl)


def test_listed_items_pass() -> None:
    collection.items_listed(collection_of(list_page(BASE, item_link())))


def test_a_list_without_item_links_fails() -> None:
    with pytest.raises(Failure) as caught:
        collection.items_listed(collection_of(list_page(BASE)))

    assert caught.value.description == (
        "de collectie verwijst naar geen enkel item; verwacht: per item een link (self) naar "
        "zijn document; ontvangen: geen item-links op de opgehaalde pagina's"
    )


def test_an_item_on_another_host_fails() -> None:
    link = item_link(target="http://elders.test/1")
    crawl = collection_of(list_page(BASE, link), unfollowed=[(link, "host elders.test ...")])

    with pytest.raises(Failure, match="niet elk item kon gevolgd worden") as caught:
        collection.items_listed(crawl)

    assert caught.value.locations[0].value == "http://elders.test/1"


def test_item_documents_describing_their_item_pass() -> None:
    link = item_link()
    crawl = collection_of(list_page(BASE, link), answer(link.target, described(ITEM), via=link))

    collection.items_dereference(crawl)


@pytest.mark.parametrize(
    ("page", "received"),
    [
        (answer("http://v.test/items/1", status=404), "HTTP 404"),
        (
            answer("http://v.test/items/1", described("http://v.test/id/2")),
            f"beschrijft {ITEM} niet",
        ),
        (failure("http://v.test/items/1", "timeout", "geen antwoord (time-out)"), "time-out"),
    ],
)
def test_item_document_not_describing_its_item_fails(page: Page, received: str) -> None:
    page.via = item_link()
    crawl = collection_of(list_page(BASE, page.via), page)

    with pytest.raises(Failure) as caught:
        collection.items_dereference(crawl)

    assert caught.value.description.startswith(
        "niet elk item-document beschrijft het item dat ernaar verwijst; verwacht: de link van elk "
        "item antwoordt met een document over dat item; ontvangen: http://v.test/items/1: "
    )
    assert received in caught.value.description
    assert caught.value.locations[0].member == ITEM


def test_no_items_followed_cannot_be_told() -> None:
    with pytest.raises(CantTell):
        collection.items_dereference(collection_of(list_page(BASE)))
