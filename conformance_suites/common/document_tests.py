"""Tests of suites whose vendors publish standalone documents (endpoint role ``documents``)."""

from __future__ import annotations

import pytest

from interop_lab.checks import http
from interop_lab.runner.claim import ClaimRun

ROLE = "documents"


@pytest.mark.level("L1")
@pytest.mark.usage("Verplicht")
@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9110#section-15.3")
def test_documents_answer(claim_run: ClaimRun) -> None:
    """Elk document antwoordt met HTTP 200."""
    http.pages_answer(claim_run.crawl(ROLE))


@pytest.mark.level("L1")
@pytest.mark.usage("Verplicht")
@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#json-ld-grammar")
def test_documents_readable(claim_run: ClaimRun) -> None:
    """Elk document is geldige JSON-LD of Turtle."""
    http.payloads_readable(claim_run.crawl(ROLE))


@pytest.mark.level("L4")
@pytest.mark.usage("Aanbevolen")
@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#iana-considerations")
def test_media_type(claim_run: ClaimRun) -> None:
    """Elk document wordt geserveerd als JSON-LD of Turtle (Content-Type)."""
    http.media_types(claim_run.crawl(ROLE), claim_run.suite.manifest.media_types)
