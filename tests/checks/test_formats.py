"""One document asked in several RDF syntaxes: each finding names the URL and the media type."""

from __future__ import annotations

import pytest

from interop_lab.checks import formats
from interop_lab.checks.formats import Asked
from interop_lab.crawl import Page
from interop_lab.model.errors import CantTell, Failure
from interop_lab.payloads.read import read_payload
from tests.checks.answers import failure, fetched

URL = "http://vendor.test/admin/api/v1/eventstreams"
TURTLE = b"<http://ex.test/s> <http://ex.test/p> <http://ex.test/o> ."
BROKEN = b"<http://ex.test/s> <http://ex.test/p> ."  # no object: what the LDES spec does
RDF = ("application/ld+json", "text/turtle", "application/n-quads")


def page(body: bytes, content_type: str, status: int = 200) -> Page:
    answered = fetched(URL, status, content_type, body)
    payload = read_payload(body, url=URL, media_type=content_type, contexts=lambda _: None)
    return Page(url=URL, role="eventstreams", fetched=answered, payload=payload)


# rdflib 7's N-Quads parser warns about its own use of Dataset.default_context; as an error (this
# test suite's setting) the reader would take the warning for a syntax error.
@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
def test_a_document_broken_in_one_syntax_is_named_with_that_syntax() -> None:
    asked = [Asked(None, page(b'{"@id": "http://ex.test/s"}', "application/ld+json"))]
    asked += [Asked("text/turtle", page(BROKEN, "text/turtle"))]
    asked += [Asked("application/n-quads", page(TURTLE, "application/n-quads"))]

    with pytest.raises(Failure) as failed:
        formats.readable(asked)

    (location,) = failed.value.locations
    assert location.url == URL
    assert location.value is not None
    assert location.value.startswith("text/turtle: ")


def test_an_answer_in_another_syntax_than_asked_fails() -> None:
    asked = [Asked("text/turtle", page(b"{}", "application/ld+json"))]

    with pytest.raises(Failure) as failed:
        formats.served_as_asked(asked, RDF)

    assert failed.value.locations[0].value == "gevraagd text/turtle, kreeg application/ld+json"
    formats.served_as_asked([Asked("text/turtle", page(TURTLE, "text/turtle"))], RDF)


def test_an_unanswered_syntax_is_named() -> None:
    refused = page(b"", "text/plain", status=406)
    timed_out = failure(URL, "timeout", "geen antwoord binnen 10 s")

    with pytest.raises(Failure) as failed:
        formats.answered([Asked("application/n-quads", refused), Asked(None, timed_out)])

    values = [location.value for location in failed.value.locations]
    assert values == [
        "application/n-quads: HTTP 406",
        "(geen Content-Type): geen antwoord binnen 10 s",
    ]


def test_nothing_fetched_cannot_be_judged() -> None:
    with pytest.raises(CantTell):
        formats.readable([])
