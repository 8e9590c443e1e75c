"""The HTML+RDFa checks: every page says something in RDFa, and nothing of it is ignored."""

from __future__ import annotations

import pytest

from interop_lab.checks.rdfa import pages_have_triples, terms_understood
from interop_lab.model.errors import CantTell, Failure
from tests.checks.conftest import Builder

URL = "http://vendor.test/notulen.html"
ANNOTATED = '<html><body><div about="#z" typeof="foaf:Document">x</div></body></html>'
PLAIN = "<html><body><p>Geen annotaties</p></body></html>"
UNKNOWN_PREFIX = '<html><body><div about="#z" typeof="onbekend:Zitting">x</div></body></html>'


def test_pages_have_triples_passes_on_annotated_pages(build: Builder) -> None:
    pages_have_triples(build.crawl(build.page(URL, ANNOTATED, content_type="text/html")))


def test_pages_have_triples_fails_naming_the_page_without_rdfa(build: Builder) -> None:
    crawl = build.crawl(build.page(URL, PLAIN, content_type="text/html"))

    with pytest.raises(Failure) as caught:
        pages_have_triples(crawl)

    assert caught.value.description.startswith("pagina's zonder RDFa-annotaties")
    assert f"geen triples op {URL}" in caught.value.description


def test_pages_have_triples_cannot_tell_without_a_readable_page(build: Builder) -> None:
    with pytest.raises(CantTell):
        pages_have_triples(build.crawl(build.status_page(URL, 500)))


def test_terms_understood_passes_when_every_prefix_is_declared(build: Builder) -> None:
    terms_understood(build.crawl(build.page(URL, ANNOTATED, content_type="text/html")))


def test_terms_understood_fails_naming_the_ignored_term(build: Builder) -> None:
    crawl = build.crawl(build.page(URL, UNKNOWN_PREFIX, content_type="text/html"))

    with pytest.raises(Failure) as caught:
        terms_understood(crawl)

    assert "moest annotaties negeren" in caught.value.description
    assert "onbekend:Zitting" in caught.value.description
