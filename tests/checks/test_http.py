"""L1 HTTP checks: pages answer 2xx, with an accepted media type, and can be read."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from interop_lab.checks import http
from interop_lab.model.errors import CantTell, Failure
from interop_lab.model.outcomes import Location

if TYPE_CHECKING:
    from conftest import Builder

A = "http://vendor.test/feed?page=0"
B = "http://vendor.test/feed?page=1"
DOCUMENT = '{"@context": {"naam": "http://ex.test/naam"}, "@id": "http://ex.test/a", "naam": "A"}'
ACCEPTED = frozenset({"application/ld+json", "text/turtle"})


def test_pages_answer_passes_when_every_page_is_2xx(build: Builder) -> None:
    http.pages_answer(build.crawl(build.page(A, DOCUMENT), build.page(B, DOCUMENT)))


def test_pages_answer_cant_tell_without_pages(build: Builder) -> None:
    with pytest.raises(CantTell, match="geen enkele pagina opgehaald"):
        http.pages_answer(build.crawl(start_urls=(A,)))


def test_pages_answer_fails_on_an_error_status(build: Builder) -> None:
    crawl = build.crawl(build.page(A, DOCUMENT), build.status_page(B, 404))

    with pytest.raises(Failure) as raised:
        http.pages_answer(crawl)

    failure = raised.value
    assert failure.message == "niet elke pagina is bereikbaar"
    assert failure.expected == "elke pagina antwoordt met HTTP 200"
    assert failure.received == f"{B}: HTTP 404"
    assert failure.locations == (Location(url=B, value="HTTP 404"),)


def test_pages_answer_fails_on_a_fetch_error(build: Builder) -> None:
    crawl = build.crawl(build.failed_page(A, "timeout", "geen antwoord binnen 10 s"))

    with pytest.raises(Failure) as raised:
        http.pages_answer(crawl)

    assert raised.value.locations == (Location(url=A, value="geen antwoord binnen 10 s"),)
    assert raised.value.received == f"{A}: geen antwoord binnen 10 s"


def test_pages_answer_lists_at_most_five_in_received(build: Builder) -> None:
    pages = [build.status_page(f"http://vendor.test/p{n}", 500) for n in range(7)]

    with pytest.raises(Failure) as raised:
        http.pages_answer(build.crawl(*pages))

    assert len(raised.value.locations) == 7
    assert raised.value.received is not None
    assert raised.value.received.count("HTTP 500") == 5


def test_media_types_passes_for_accepted_types(build: Builder) -> None:
    crawl = build.crawl(
        build.page(A, DOCUMENT, content_type="application/ld+json"),
        build.page(B, '<http://ex.test/a> <http://ex.test/b> "c" .', content_type="text/turtle"),
    )

    http.media_types(crawl, ACCEPTED)


def test_media_types_fails_on_another_type_and_quotes_the_header(build: Builder) -> None:
    crawl = build.crawl(build.page(A, DOCUMENT, content_type="text/plain; charset=utf-8"))

    with pytest.raises(Failure) as raised:
        http.media_types(crawl, ACCEPTED)

    failure = raised.value
    assert failure.message == "pagina's worden met een verkeerd mediatype geserveerd"
    assert failure.expected == "Content-Type application/ld+json of text/turtle"
    assert failure.received == f"{A}: text/plain; charset=utf-8"
    assert failure.locations == (Location(url=A, value="text/plain; charset=utf-8"),)


def test_media_types_fails_without_a_content_type(build: Builder) -> None:
    page = build.page(A, DOCUMENT)
    page.fetched = build.fetched(A, content_type=None)

    with pytest.raises(Failure) as raised:
        http.media_types(build.crawl(page), ACCEPTED)

    assert raised.value.locations == (Location(url=A, value="(geen Content-Type)"),)


def test_media_types_ignores_pages_that_did_not_answer(build: Builder) -> None:
    crawl = build.crawl(build.page(A, DOCUMENT), build.status_page(B, 500))

    http.media_types(crawl, ACCEPTED)


def test_payloads_readable_passes_for_readable_pages(build: Builder) -> None:
    http.payloads_readable(build.crawl(build.page(A, DOCUMENT), build.status_page(B, 404)))


def test_payloads_readable_fails_with_the_reading_error(build: Builder) -> None:
    crawl = build.crawl(build.page(A, DOCUMENT), build.page(B, '{"@context": {}, "a": }'))

    with pytest.raises(Failure) as raised:
        http.payloads_readable(crawl)

    failure = raised.value
    assert failure.message == "niet elke pagina is leesbaar"
    assert failure.expected == "geldige JSON-LD of RDF"
    (location,) = failure.locations
    assert location.url == B
    assert location.value is not None
    assert location.value.startswith("ongeldige JSON op regel 1")
    assert failure.received == f"{B}: {location.value}"


def test_payloads_readable_fails_on_invalid_turtle(build: Builder) -> None:
    crawl = build.crawl(build.page(A, "<http://ex.test/a> <b", content_type="text/turtle"))

    with pytest.raises(Failure) as raised:
        http.payloads_readable(crawl)

    (location,) = raised.value.locations
    assert location.value is not None
    assert location.value.startswith("geen geldige turtle")


def test_payloads_readable_cannot_tell_when_only_the_labs_reader_failed(build: Builder) -> None:
    # Valid JSON-LD ("@vocab": null resets nothing) that pyld trips over with a KeyError.
    crawl = build.crawl(build.page(A, '{"@context": {"@vocab": null}, "http://ex.test/p": 1}'))

    with pytest.raises(CantTell, match="fout in zijn JSON-LD-verwerker") as raised:
        http.payloads_readable(crawl)

    assert f"{A}: het lab kon deze JSON-LD niet lezen: pyld kon" in str(raised.value)


def test_payloads_readable_still_fails_the_vendors_own_errors_beside_a_reader_fault(
    build: Builder,
) -> None:
    crawl = build.crawl(
        build.page(A, '{"@context": {"@vocab": null}, "http://ex.test/p": 1}'),
        build.page(B, '{"@context": {}, "a": }'),
    )

    with pytest.raises(Failure) as raised:
        http.payloads_readable(crawl)

    assert [location.url for location in raised.value.locations] == [B]
