"""Niveau 0 - de documenten zijn bereikbaar, als HTML, en bevatten RDFa.

Dit is geen maturiteitsniveau van de standaard, maar zonder bereikbare en leesbare pagina's valt
er niets te beoordelen (Lokaal Beslist noemt dat "Niveau 0").
"""

from __future__ import annotations

import pytest

from interop_lab.checks import http, rdfa
from interop_lab.runner.claim import ClaimRun

pytestmark = [pytest.mark.level("N0"), pytest.mark.usage("Verplicht")]


@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9110#section-15.3")
def test_pages_answer(claim_run: ClaimRun) -> None:
    """Elk document antwoordt met HTTP 200."""
    http.pages_answer(claim_run.crawl("pages"))


@pytest.mark.requirement("https://html.spec.whatwg.org/multipage/iana.html#text/html")
def test_media_type(claim_run: ClaimRun) -> None:
    """Elk document wordt geserveerd als HTML (Content-Type text/html)."""
    http.media_types(claim_run.crawl("pages"), claim_run.suite.manifest.media_types)


@pytest.mark.requirement("https://www.w3.org/TR/html-rdfa/")
def test_pages_readable(claim_run: ClaimRun) -> None:
    """Elk document kan als HTML+RDFa verwerkt worden."""
    http.payloads_readable(claim_run.crawl("pages"))


@pytest.mark.requirement("https://www.w3.org/TR/rdfa-core/#s_model")
def test_pages_have_rdfa(claim_run: ClaimRun) -> None:
    """Elk document bevat RDFa-annotaties."""
    rdfa.pages_have_triples(claim_run.crawl("pages"))
