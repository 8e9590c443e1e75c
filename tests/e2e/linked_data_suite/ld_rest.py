"""L3 - opvraagbare identificatoren, inhoudsonderhandeling, problem+json, cachebare antwoorden."""

from __future__ import annotations

import pytest

from interop_lab.checks import collection, ldes, rest
from interop_lab.runner.claim import ClaimRun

pytestmark = pytest.mark.level("L3")
NOT_FOUND = 404


@pytest.mark.usage("Verplicht")
@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#iana-considerations")
def test_negotiates_jsonld(claim_run: ClaimRun) -> None:
    """Met Accept: application/ld+json antwoordt een item in JSON-LD, met een @context."""
    rest.answers_as(claim_run.probe("jsonld"), "application/ld+json", with_context=True)


@pytest.mark.usage("Verplicht")
@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1")
def test_negotiates_json(claim_run: ClaimRun) -> None:
    """Met Accept: application/json antwoordt een item in JSON (application/json)."""
    rest.answers_as(claim_run.probe("json"), "application/json", with_context=False)


@pytest.mark.usage("Verplicht")
@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.7")
def test_unsupported_accept(claim_run: ClaimRun) -> None:
    """Een onbekend mediatype in Accept krijgt 406 Not Acceptable, of het standaardformaat."""
    defaults = claim_run.suite.manifest.media_types
    rest.refuses_or_defaults(claim_run.probe("onbekend-mediatype"), defaults)


@pytest.mark.usage("Verplicht")
@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9457#section-3")
def test_unknown_item_is_a_problem(claim_run: ClaimRun) -> None:
    """Een onbekend item antwoordt 404 als problem+json met type, title en status."""
    rest.problem_details(claim_run.probe("onbekend-item"), NOT_FOUND)


@pytest.mark.usage("Verplicht")
@pytest.mark.requirement("https://www.w3.org/TR/cooluris/#semweb")
def test_ids_dereference(claim_run: ClaimRun) -> None:
    """De @id van een item is opvraagbaar en beschrijft dat item."""
    rest.dereferences(claim_run.probe("id"))


@pytest.mark.usage("Verplicht")
@pytest.mark.requirement("https://www.iana.org/assignments/link-relations/#self")
def test_items_describe_themselves(claim_run: ClaimRun) -> None:
    """De self-link van elk item in de catalogus antwoordt met een document over dat item."""
    collection.items_dereference(claim_run.crawl("collection"))


@pytest.mark.usage("Aanbevolen")
@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9111#section-5.2")
def test_pages_cacheable(claim_run: ClaimRun) -> None:
    """Elk antwoord zegt hoe lang het bewaard mag worden en hoe het te hervalideren is."""
    ldes.pages_cacheable(claim_run.crawl("collection"))
