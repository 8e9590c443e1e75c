"""L2 JSON-LD checks: the official context only, no dropped key, defined types, unique keys."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

from interop_lab.checks import jsonld
from interop_lab.model.errors import CantTell, Failure, Inapplicable
from interop_lab.model.outcomes import Location

if TYPE_CHECKING:
    from conftest import Builder

A = "http://vendor.test/feed?page=0"
B = "http://vendor.test/feed?page=1"
UNPINNED = "http://elders.test/context.jsonld"
INLINE = {
    "naam": "http://ex.test/naam",
    "Persoon": "http://ex.test/Persoon",
    "kind": "http://ex.test/kind",
}
TURTLE = '<http://ex.test/a> <http://ex.test/naam> "A" .'


def document(context: Any, **properties: Any) -> str:
    return json.dumps({"@context": context, "@id": "http://ex.test/a", **properties})


def official(build: Builder, **properties: Any) -> str:
    return document(build.official_context, naam="A", **properties)


def test_official_context_passes(build: Builder) -> None:
    crawl = build.crawl(build.page(A, official(build)), build.page(B, official(build)))

    jsonld.official_context(crawl, frozenset({build.official_context}), [build.official_context])


def test_official_context_cant_tell_without_readable_pages(build: Builder) -> None:
    crawl = build.crawl(build.status_page(A, 500), build.page(B, "{"))

    with pytest.raises(CantTell, match="geen enkele pagina kon gelezen worden"):
        jsonld.official_context(
            crawl, frozenset({build.official_context}), [build.official_context]
        )


def test_official_context_is_inapplicable_to_turtle(build: Builder) -> None:
    crawl = build.crawl(build.page(A, TURTLE, content_type="text/turtle"))

    with pytest.raises(Inapplicable, match="geen JSON-LD-pagina's"):
        jsonld.official_context(
            crawl, frozenset({build.official_context}), [build.official_context]
        )


def test_official_context_fails_on_an_extra_unpinned_context(build: Builder) -> None:
    body = document([build.official_context, UNPINNED], naam="A")
    crawl = build.crawl(build.page(A, official(build)), build.page(B, body))

    with pytest.raises(Failure) as raised:
        jsonld.official_context(
            crawl, frozenset({build.official_context}), [build.official_context]
        )

    failure = raised.value
    assert failure.message == "pagina's gebruiken niet (alleen) de officiële JSON-LD-context"
    assert failure.expected == f"een van de officiële contexten: {build.official_context}"
    assert failure.received == UNPINNED
    assert failure.locations == (Location(url=B, pointer="/@context", value=UNPINNED),)


def test_official_context_fails_on_an_inline_context_only(build: Builder) -> None:
    crawl = build.crawl(build.page(A, document(INLINE, naam="A")))

    with pytest.raises(Failure) as raised:
        jsonld.official_context(
            crawl, frozenset({build.official_context}), [build.official_context]
        )

    assert raised.value.locations == (
        Location(url=A, pointer="/@context", value="(geen officiële)"),
    )
    assert raised.value.received == "(geen officiële)"


def test_official_context_fails_on_an_unpinned_context_only(build: Builder) -> None:
    crawl = build.crawl(build.page(A, document(UNPINNED)))

    with pytest.raises(Failure) as raised:
        jsonld.official_context(
            crawl, frozenset({build.official_context}), [build.official_context]
        )

    assert {location.value for location in raised.value.locations} == {
        UNPINNED,
        "(geen officiële)",
    }
    assert raised.value.received == f"(geen officiële), {UNPINNED}"


def test_official_context_ignores_pages_that_could_not_be_read(build: Builder) -> None:
    crawl = build.crawl(build.page(A, official(build)), build.status_page(B, 404))

    jsonld.official_context(crawl, frozenset({build.official_context}), [build.official_context])


def test_no_dropped_keys_passes(build: Builder) -> None:
    jsonld.no_dropped_keys(build.crawl(build.page(A, official(build))))


def test_no_dropped_keys_fails_with_each_pointer(build: Builder) -> None:
    body = document(INLINE, naam="A", geheim=1, kind={"naam": "B", "opmerking": "x"})
    crawl = build.crawl(build.page(A, body))

    with pytest.raises(Failure) as raised:
        jsonld.no_dropped_keys(crawl)

    failure = raised.value
    assert failure.message.startswith("JSON-sleutels die de context niet definieert")
    assert failure.expected == "elke sleutel is gedefinieerd in de JSON-LD-context"
    assert failure.received == "niet gedefinieerd: geheim, opmerking"
    assert failure.locations == (
        Location(url=A, pointer="/geheim", value="geheim"),
        Location(url=A, pointer="/kind/opmerking", value="opmerking"),
    )


def test_no_dropped_keys_cant_tell_without_readable_pages(build: Builder) -> None:
    with pytest.raises(CantTell):
        jsonld.no_dropped_keys(build.crawl(build.status_page(A, 503)))


def test_defined_types_passes(build: Builder) -> None:
    body = document(INLINE, **{"@type": ["Persoon", "http://ex.test/Ander"]})

    jsonld.defined_types(build.crawl(build.page(A, body)))


def test_defined_types_fails_on_an_undefined_type(build: Builder) -> None:
    body = document(INLINE, **{"@type": ["Persoon", "Onbekend"]})

    with pytest.raises(Failure) as raised:
        jsonld.defined_types(build.crawl(build.page(A, body)))

    failure = raised.value
    assert failure.message == "typenamen die de context niet definieert worden relatieve IRI's"
    assert failure.expected == "elk @type is een term uit de context of een absolute IRI"
    assert failure.received == "onbekende types: Onbekend"
    assert failure.locations == (Location(url=A, pointer="", value="Onbekend"),)


def test_defined_types_cant_tell_without_readable_pages(build: Builder) -> None:
    with pytest.raises(CantTell):
        jsonld.defined_types(build.crawl())


def test_unique_keys_passes(build: Builder) -> None:
    jsonld.unique_keys(build.crawl(build.page(A, official(build))))


def test_unique_keys_fails_with_the_pointer_of_the_object(build: Builder) -> None:
    body = '{"@context": {"naam": "http://ex.test/naam"}, "kind": {"naam": 1, "naam": 2}}'

    with pytest.raises(Failure) as raised:
        jsonld.unique_keys(build.crawl(build.page(A, body)))

    failure = raised.value
    assert failure.message == "JSON-objecten herhalen een sleutel"
    assert failure.expected == "elke sleutel komt één keer voor per object"
    assert failure.received == "1 afwijking"
    (location,) = failure.locations
    assert location.url == A
    assert location.pointer == "/kind"
    assert location.value is not None
    assert "'naam'" in location.value


def test_unique_keys_cant_tell_without_readable_pages(build: Builder) -> None:
    with pytest.raises(CantTell):
        jsonld.unique_keys(build.crawl(build.page(A, "niet json", content_type="text/plain")))


def test_official_context_accepts_a_pinned_alias_and_names_the_official_url(
    build: Builder,
) -> None:
    alias = build.official_context
    canonical = "https://data.vlaanderen.be/context/officieel.jsonld"
    crawl = build.crawl(build.page(A, official(build)), build.page(B, document(INLINE)))

    with pytest.raises(Failure) as raised:
        jsonld.official_context(crawl, frozenset({alias, canonical}), [canonical])

    assert raised.value.expected == f"een van de officiële contexten: {canonical}"
    assert [location.url for location in raised.value.locations] == [B]


def test_undefined_key_makes_its_whole_value_disappear(build: Builder) -> None:
    body = document(INLINE, onbekend={"naam": "weg"})

    with pytest.raises(Failure) as raised:
        jsonld.no_dropped_keys(build.crawl(build.page(A, body)))

    assert raised.value.locations == (Location(url=A, pointer="/onbekend", value="onbekend"),)
