"""L2 - elke melding is correcte JSON-LD met de context van Lokaal Beslist, en de inzending die
Lokaal Beslist ervan bewaart, volgt de vormen van een inzending (shacl-submission.ttl).

Een melding zonder @context krijgt, zoals bij de echte API, de context van Lokaal Beslist.
"""

from __future__ import annotations

import pytest

from conformance_suites.common.shape_tests import test_shape_constraint
from interop_lab.checks import http, jsonld
from interop_lab.runner.claim import ClaimRun
from interop_lab.runner.served import SUBMISSIONS

__all__ = [
    "test_context",
    "test_defined_types",
    "test_no_dropped_keys",
    "test_readable",
    "test_shape_constraint",
    "test_unique_keys",
]

pytestmark = [pytest.mark.level("L2")]


@pytest.mark.usage("Verplicht")
@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#json-ld-grammar")
def test_readable(claim_run: ClaimRun) -> None:
    """Elke melding is als JSON-LD te lezen."""
    http.payloads_readable(claim_run.crawl(SUBMISSIONS))


@pytest.mark.usage("Aanbevolen")
@pytest.mark.requirement("https://lblod.github.io/pages-vendors/#/docs/meldingsplicht#context")
def test_context(claim_run: ClaimRun) -> None:
    """Elke melding gebruikt de context van Lokaal Beslist (impliciet of expliciet)."""
    artefacts = claim_run.artefacts
    jsonld.official_context(
        claim_run.crawl(SUBMISSIONS), artefacts.context_urls, artefacts.official_contexts
    )


@pytest.mark.usage("Verplicht")
@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#terms")
def test_no_dropped_keys(claim_run: ClaimRun) -> None:
    """Elke JSON-sleutel van een melding is gedefinieerd in haar context."""
    jsonld.no_dropped_keys(claim_run.crawl(SUBMISSIONS))


@pytest.mark.usage("Verplicht")
@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#specifying-the-type")
def test_defined_types(claim_run: ClaimRun) -> None:
    """Elk @type (ook scheme) van een melding is een term uit de context of een absolute IRI."""
    jsonld.defined_types(claim_run.crawl(SUBMISSIONS))


@pytest.mark.usage("Verplicht")
@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc8259#section-4")
def test_unique_keys(claim_run: ClaimRun) -> None:
    """Geen JSON-object van een melding herhaalt een sleutel."""
    jsonld.unique_keys(claim_run.crawl(SUBMISSIONS))
