"""Tests of suites whose vendors publish a paged JSON-LD collection (endpoint role ``collection``).

Structure at L1, REST practice at L4 (a suite maps these onto its own levels with ``includes``).
The REST tests read the probes ``json``, ``jsonld``, ``onbekend-mediatype``, ``onbekend-item``
and ``id`` that such a suite declares.
"""

from __future__ import annotations

import pytest

from interop_lab.checks import collection, http, ldes, rest
from interop_lab.runner.claim import ClaimRun

ROLE = "collection"
NOT_FOUND = 404
STRUCTURE = pytest.mark.level("L1")
PRACTICE = pytest.mark.level("L4")
REQUIRED = pytest.mark.usage("Verplicht")


@STRUCTURE
@REQUIRED
@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9110#section-15.3")
def test_pages_answer(claim_run: ClaimRun) -> None:
    """Elke lijstpagina en elk item antwoordt met HTTP 200."""
    http.pages_answer(claim_run.crawl(ROLE))


@STRUCTURE
@REQUIRED
@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#iana-considerations")
def test_media_type(claim_run: ClaimRun) -> None:
    """Elke lijstpagina en elk item wordt geserveerd als JSON-LD (application/ld+json)."""
    http.media_types(claim_run.crawl(ROLE), claim_run.suite.manifest.media_types)


@STRUCTURE
@REQUIRED
@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#json-ld-grammar")
def test_pages_readable(claim_run: ClaimRun) -> None:
    """Elke lijstpagina en elk item is geldige JSON-LD."""
    http.payloads_readable(claim_run.crawl(ROLE))


@STRUCTURE
@REQUIRED
@pytest.mark.requirement("https://www.hydra-cg.com/spec/latest/core/#collections")
def test_paging_ends(claim_run: ClaimRun) -> None:
    """De links naar de volgende pagina leiden tot een laatste pagina, zonder lus."""
    collection.paging_ends(claim_run.crawl(ROLE))


@STRUCTURE
@REQUIRED
@pytest.mark.requirement("https://www.iana.org/assignments/link-relations/#self")
def test_items_listed(claim_run: ClaimRun) -> None:
    """De lijst verwijst naar het document van elk item, op de hosts van het profiel."""
    collection.items_listed(claim_run.crawl(ROLE))


@PRACTICE
@REQUIRED
@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1")
def test_negotiates_json(claim_run: ClaimRun) -> None:
    """Met Accept: application/json antwoordt een item in JSON (application/json)."""
    rest.answers_as(claim_run.probe("json"), "application/json", with_context=False)


@PRACTICE
@REQUIRED
@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#iana-considerations")
def test_negotiates_jsonld(claim_run: ClaimRun) -> None:
    """Met Accept: application/ld+json antwoordt een item in JSON-LD, met een @context."""
    rest.answers_as(claim_run.probe("jsonld"), "application/ld+json", with_context=True)


@PRACTICE
@REQUIRED
@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.7")
def test_unsupported_accept(claim_run: ClaimRun) -> None:
    """Een onbekend mediatype in Accept krijgt 406 Not Acceptable, of het standaardformaat."""
    defaults = claim_run.suite.manifest.media_types
    rest.refuses_or_defaults(claim_run.probe("onbekend-mediatype"), defaults)


@PRACTICE
@REQUIRED
@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9457#section-3")
def test_unknown_item_is_a_problem(claim_run: ClaimRun) -> None:
    """Een onbekend item antwoordt 404 als problem+json met type, title en status."""
    rest.problem_details(claim_run.probe("onbekend-item"), NOT_FOUND)


@PRACTICE
@REQUIRED
@pytest.mark.requirement("https://www.w3.org/TR/cooluris/#semweb")
def test_ids_dereference(claim_run: ClaimRun) -> None:
    """De @id van een item is opvraagbaar en beschrijft dat item."""
    rest.dereferences(claim_run.probe("id"))


@PRACTICE
@REQUIRED
@pytest.mark.requirement("https://www.iana.org/assignments/link-relations/#self")
def test_items_describe_themselves(claim_run: ClaimRun) -> None:
    """De link naar elk item in de lijst antwoordt met een document over dat item."""
    collection.items_dereference(claim_run.crawl(ROLE))


@PRACTICE
@pytest.mark.usage("Aanbevolen")
@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9111#section-5.2")
def test_pages_cacheable(claim_run: ClaimRun) -> None:
    """Elk antwoord zegt hoe lang het bewaard mag worden en hoe het te hervalideren is."""
    ldes.pages_cacheable(claim_run.crawl(ROLE))
