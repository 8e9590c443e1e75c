"""read_payload: any body, any media type, never an exception; the reason in Dutch instead."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from rdflib import Literal, URIRef

from interop_lab.payloads.read import JSON_LD, N_TRIPLES, TURTLE, read_payload, sniff_syntax

URL = "http://vendor.test/feed?page=1"
EX = "http://ex.test/"
JSON_LD_BODY = (
    b'{"@context": {"naam": "http://ex.test/naam"}, "@id": "http://ex.test/a", "naam": "A"}'
)
TURTLE_BODY = b'@prefix ex: <http://ex.test/> .\nex:a ex:naam "A" .\n'
TRIPLE = (URIRef(f"{EX}a"), URIRef(f"{EX}naam"), Literal("A"))


def no_contexts(url: str) -> Any | None:
    return None


def read(body: bytes, media_type: str | None) -> Any:
    return read_payload(body, url=URL, media_type=media_type, contexts=no_contexts)


@pytest.mark.parametrize("media_type", ["application/ld+json", "application/json", None])
def test_json_ld_is_read(media_type: str | None) -> None:
    payload = read(JSON_LD_BODY, media_type)

    assert payload.error is None
    assert payload.syntax == JSON_LD
    assert payload.url == URL
    assert payload.graph.triples == [TRIPLE]


def test_turtle_is_read_with_the_page_url_as_base() -> None:
    payload = read(b'<item/1> <http://ex.test/naam> "A" .', "text/turtle")

    assert payload.error is None
    assert payload.syntax == TURTLE
    assert payload.graph.triples == [
        (URIRef("http://vendor.test/item/1"), URIRef(f"{EX}naam"), Literal("A"))
    ]
    assert payload.graph.node_pointers == {}


def test_n_triples_is_read() -> None:
    payload = read(b'<http://ex.test/a> <http://ex.test/naam> "A" .\n', "application/n-triples")

    assert payload.syntax == N_TRIPLES
    assert payload.graph.triples == [TRIPLE]


def test_json_syntax_error_is_the_payload_error() -> None:
    payload = read(b'{"@context": {},\n "a": }', "application/ld+json")

    assert payload.error is not None
    assert payload.error.startswith("ongeldige JSON op regel 2, kolom 7")
    assert payload.graph.triples == []


def test_invalid_json_ld_is_the_payload_error() -> None:
    payload = read(b'{"@context": {"@version": 2}}', "application/ld+json")

    assert payload.error is not None
    assert payload.error.startswith("geen geldige JSON-LD: ")
    assert "invalid @version value" in payload.error


def test_turtle_error_is_the_payload_error() -> None:
    payload = read(b"@prefix ex: <http://ex.test/> .\nex:a ex:naam", "text/turtle")

    assert payload.error is not None
    assert payload.error.startswith("geen geldige turtle: ")
    assert payload.graph.triples == []


def test_duplicate_keys_are_kept_as_json_problems() -> None:
    payload = read(b'{"@context": {"naam": "http://ex.test/naam"}, "naam": 1, "naam": 2}', None)

    assert payload.error is None
    assert [problem.pointer for problem in payload.json_problems] == [""]


def test_json_served_as_text_plain_is_sniffed() -> None:
    payload = read(b"  \n" + JSON_LD_BODY, "text/plain")

    assert payload.syntax == JSON_LD
    assert payload.graph.triples == [TRIPLE]


def test_json_with_a_byte_order_mark_is_sniffed_as_json() -> None:
    payload = read(b"\xef\xbb\xbf" + JSON_LD_BODY, "text/plain")

    assert payload.error is None
    assert payload.graph.triples == [TRIPLE]


def test_turtle_served_as_html_is_sniffed() -> None:
    payload = read(TURTLE_BODY, "text/html")

    assert payload.syntax == TURTLE
    assert payload.graph.triples == [TRIPLE]


def test_turtle_served_as_json_ld_is_an_error_not_a_guess() -> None:
    payload = read(TURTLE_BODY, "application/ld+json")

    assert payload.syntax == JSON_LD
    assert payload.error is not None
    assert "ongeldige JSON" in payload.error


@pytest.mark.parametrize(
    ("media_type", "first", "syntax"),
    [
        ("text/turtle", b"{", TURTLE),
        ("application/n-triples", b"{", N_TRIPLES),
        (None, b"[", JSON_LD),
        ("text/plain", b"<", TURTLE),
        (None, b"", TURTLE),
    ],
)
def test_sniff_syntax(media_type: str | None, first: bytes, syntax: str) -> None:
    assert sniff_syntax(media_type, first + b" rest") == syntax


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"   ",
        b"42",
        b'"tekst"',
        b"null",
        b"[1, 2]",
        b"{",
        b"\x00\xff\xfe",
        b"<html><body>Niet gevonden</body></html>",
        b'{"@context": 5}',
        b'{"@id": 5}',
        b'{"@context": {"@vocab": "http://ex.test/"}, "p": {"@value": {"a": 1}}}',
        b'{"a": NaN}',
        b"[" * 5000 + b"]" * 5000,
        b"\xef\xbb\xbf",
    ],
)
@pytest.mark.parametrize("media_type", ["application/ld+json", "text/turtle", "text/plain", None])
def test_garbage_never_raises(body: bytes, media_type: str | None) -> None:
    payload = read(body, media_type)

    assert payload.url == URL
    assert payload.error is None or isinstance(payload.error, str)
    if payload.error is not None:
        assert payload.graph.triples == []


def test_a_pyld_failure_on_valid_json_ld_is_the_labs_fault() -> None:
    body = b'{"@context": {"@language": null}, "@id": "http://ex.test/a", "http://ex.test/p": "x"}'

    payload = read_payload(
        body, url="http://v.test/", media_type="application/ld+json", contexts=lambda _: None
    )

    assert payload.lab_fault
    assert payload.error is not None
    assert payload.error.startswith("het lab kon deze JSON-LD niet lezen: pyld kon")


def test_n_quads_read_under_warnings_as_errors_named_graphs_included() -> None:
    # rdflib's N-Quads parser warns about its own deprecations; a vendor's CI may run with -W error.
    body = (
        b'<http://ex.test/a> <http://ex.test/p> "x" <http://ex.test/g> .\n'
        b'<http://ex.test/a> <http://ex.test/p> "y" .\n'
        b'<http://ex.test/a> <http://ex.test/p> "x" .\n'
    )

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        payload = read_payload(
            body, url="http://v.test/", media_type="application/n-quads", contexts=lambda _: None
        )

    assert payload.error is None
    assert sorted(str(o) for _, _, o in payload.graph.triples) == ["x", "y"]
