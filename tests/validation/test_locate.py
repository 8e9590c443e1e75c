"""Locator: from an RDF node back to the page, JSON pointer and feed member it came from."""

from __future__ import annotations

import json
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from interop_lab.crawl import Page
from interop_lab.model import vocab
from interop_lab.model.outcomes import Location
from interop_lab.payloads.read import read_payload
from interop_lab.transport import Fetched, FetchError
from interop_lab.validation import Locator

EX = "http://ex.test/"
CONTEXT: dict[str, Any] = {
    "ex": EX,
    "naam": f"{EX}naam",
    "adres": f"{EX}adres",
    "straat": f"{EX}straat",
    "gemeente": f"{EX}gemeente",
    "member": {"@id": vocab.TREE_MEMBER},
}
NAAM = f"{EX}naam"
STRAAT = f"{EX}straat"


def fetched(url: str, final: str | None = None, status: int = 200) -> Fetched:
    return Fetched(
        requested_url=url,
        url=final or url,
        status=status,
        headers=(("Content-Type", "application/ld+json"),),
        body=b"",
        error=None,
        exchanges=(),
    )


def json_page(url: str, document: dict[str, Any], final: str | None = None) -> Page:
    body = json.dumps({"@context": CONTEXT, **document}).encode()
    payload = read_payload(body, url=url, media_type="application/ld+json", contexts=no_contexts)
    assert payload.error is None, payload.error
    members = [o for _, p, o in payload.graph.triples if str(p) == vocab.TREE_MEMBER]
    return Page(url=url, role="feed", fetched=fetched(url, final), payload=payload, members=members)


def no_contexts(url: str) -> Any | None:
    return None


def subject_with(page: Page, predicate: str, value: str) -> Node:
    assert page.payload is not None
    (subject,) = [
        s for s, p, o in page.payload.graph.triples if str(p) == predicate and o == Literal(value)
    ]
    return subject


FIRST = "http://vendor.test/feed?page=0"
SECOND = "http://vendor.test/feed?page=1"


def feed_pages() -> list[Page]:
    first = json_page(
        FIRST,
        {
            "@id": "ex:stroom",
            "member": [
                {"@id": "ex:m1", "naam": "Een", "adres": {"straat": "Kerkstraat"}},
                {"naam": "Anoniem", "adres": {"straat": "Dorp"}},
            ],
        },
    )
    second = json_page(
        SECOND,
        {
            "@id": "ex:stroom",
            "member": [
                {
                    "@id": "ex:m2",
                    "naam": "Twee",
                    "adres": {"gemeente": {"naam": "Gent", "straat": "Veldstraat"}},
                }
            ],
        },
    )
    return [first, second]


def test_member_is_located_with_pointer_and_property_key() -> None:
    locator = Locator(feed_pages())

    location = locator.locate(URIRef(f"{EX}m1"), NAAM, Literal("Een"))

    assert location == Location(
        url=FIRST,
        pointer="/member/0/naam",
        focus_node=f"{EX}m1",
        path=NAAM,
        member=f"{EX}m1",
        value="Een",
    )


def test_nested_blank_node_belongs_to_its_member() -> None:
    pages = feed_pages()
    street = subject_with(pages[0], STRAAT, "Kerkstraat")
    assert isinstance(street, BNode)

    location = Locator(pages).locate(street, STRAAT)

    assert location.url == FIRST
    assert location.pointer == "/member/0/adres/straat"
    assert location.focus_node is None
    assert location.member == f"{EX}m1"
    assert location.value is None


def test_doubly_nested_blank_node_on_a_later_page() -> None:
    pages = feed_pages()
    town = subject_with(pages[1], NAAM, "Gent")

    location = Locator(pages).locate(town, NAAM, Literal("Gent"))

    assert location.url == SECOND
    assert location.pointer == "/member/0/adres/gemeente/naam"
    assert location.member == f"{EX}m2"


def test_blank_node_member_is_found_but_not_named() -> None:
    pages = feed_pages()
    anonymous = subject_with(pages[0], NAAM, "Anoniem")
    street = subject_with(pages[0], STRAAT, "Dorp")
    locator = Locator(pages)

    assert locator.member_of(street) == anonymous
    location = locator.locate(street)
    assert location.pointer == "/member/1/adres"
    assert location.member is None


def test_member_of_a_member_is_itself() -> None:
    locator = Locator(feed_pages())

    assert locator.member_of(URIRef(f"{EX}m2")) == URIRef(f"{EX}m2")


def test_stream_node_belongs_to_no_member() -> None:
    locator = Locator(feed_pages())

    location = locator.locate(URIRef(f"{EX}stroom"))

    assert location.url == FIRST  # described on every page; the first one is its home
    assert location.pointer == ""
    assert location.member is None


def test_unknown_node_has_an_empty_location() -> None:
    location = Locator(feed_pages()).locate(URIRef(f"{EX}onbekend"), NAAM)

    assert location == Location(url="", focus_node=f"{EX}onbekend", path=NAAM)


def test_location_uses_the_url_the_page_was_finally_fetched_from() -> None:
    final = "https://vendor.test/feed/eerste"
    document = {"@id": "ex:stroom", "member": [{"@id": "ex:m1", "naam": "x"}]}
    page = json_page(FIRST, document, final=final)

    location = Locator([page]).locate(URIRef(f"{EX}m1"))

    assert location.url == final


def test_long_values_are_shortened_and_blank_values_left_out() -> None:
    locator = Locator(feed_pages())
    member = URIRef(f"{EX}m1")

    long = locator.locate(member, NAAM, Literal("x" * 500))
    blank = locator.locate(member, f"{EX}adres", BNode())

    assert long.value is not None
    assert len(long.value) == 200
    assert long.value.endswith("...")
    assert blank.value is None


def test_pages_without_payload_are_skipped() -> None:
    failed = Page(
        url="http://vendor.test/weg",
        role="feed",
        fetched=Fetched(
            requested_url="http://vendor.test/weg",
            url="http://vendor.test/weg",
            status=None,
            headers=(),
            body=b"",
            error=FetchError("timeout", "geen antwoord binnen 10 s"),
            exchanges=(),
        ),
        payload=None,
    )

    locator = Locator([failed, *feed_pages()])

    assert locator.locate(URIRef(f"{EX}m1")).url == FIRST


def test_turtle_page_has_a_url_but_no_pointer() -> None:
    body = b'<http://ex.test/t> <http://ex.test/naam> "T" .'
    payload = read_payload(body, url=FIRST, media_type="text/turtle", contexts=no_contexts)
    page = Page(url=FIRST, role="feed", fetched=fetched(FIRST), payload=payload)

    location = Locator([page]).locate(URIRef(f"{EX}t"), NAAM)

    assert location.url == FIRST
    assert location.pointer is None
