"""L4 - goede linked-data-praktijk bij het publiceren van de documenten."""

from __future__ import annotations

import pytest

from interop_lab.checks import http
from interop_lab.runner.claim import ClaimRun

pytestmark = [pytest.mark.level("L4"), pytest.mark.usage("Aanbevolen")]


@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#iana-considerations")
def test_media_type(claim_run: ClaimRun) -> None:
    """Elk document wordt geserveerd als JSON-LD of Turtle (Content-Type)."""
    http.media_types(claim_run.crawl("documents"), claim_run.suite.manifest.media_types)
