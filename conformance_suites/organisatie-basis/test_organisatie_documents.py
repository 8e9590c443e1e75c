"""L1 - de documenten zijn bereikbaar en leesbaar."""

from __future__ import annotations

import pytest

from interop_lab.checks import http
from interop_lab.runner.claim import ClaimRun

pytestmark = [pytest.mark.level("L1"), pytest.mark.usage("Verplicht")]


@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9110#section-15.3")
def test_documents_answer(claim_run: ClaimRun) -> None:
    """Elk document antwoordt met HTTP 200."""
    http.pages_answer(claim_run.crawl("documents"))


@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#json-ld-grammar")
def test_documents_readable(claim_run: ClaimRun) -> None:
    """Elk document is geldige JSON-LD of Turtle."""
    http.payloads_readable(claim_run.crawl("documents"))
