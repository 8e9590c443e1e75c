"""L1 - de catalogus is bereikbaar, welgevormd en volledig door te bladeren."""

from __future__ import annotations

import pytest

from interop_lab.checks import collection, http
from interop_lab.runner.claim import ClaimRun

pytestmark = [pytest.mark.level("L1"), pytest.mark.usage("Verplicht")]


@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9110#section-15.3")
def test_pages_answer(claim_run: ClaimRun) -> None:
    """Elke pagina van de catalogus en elk item antwoordt met HTTP 200."""
    http.pages_answer(claim_run.crawl("collection"))


@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#iana-considerations")
def test_media_type(claim_run: ClaimRun) -> None:
    """Elke pagina en elk item wordt geserveerd als JSON-LD (application/ld+json)."""
    http.media_types(claim_run.crawl("collection"), claim_run.suite.manifest.media_types)


@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#json-ld-grammar")
def test_pages_readable(claim_run: ClaimRun) -> None:
    """Elke pagina en elk item is geldige JSON-LD."""
    http.payloads_readable(claim_run.crawl("collection"))


@pytest.mark.requirement("https://www.hydra-cg.com/spec/latest/core/#collections")
def test_paging_ends(claim_run: ClaimRun) -> None:
    """De links naar de volgende pagina (hydra:next) leiden tot een laatste pagina, zonder lus."""
    collection.paging_ends(claim_run.crawl("collection"))


@pytest.mark.requirement("https://www.iana.org/assignments/link-relations/#self")
def test_items_listed(claim_run: ClaimRun) -> None:
    """De catalogus verwijst naar het document van elk item (self)."""
    collection.items_listed(claim_run.crawl("collection"))
