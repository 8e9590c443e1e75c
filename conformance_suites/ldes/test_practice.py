"""L3 - goede LDES-praktijk: cachebare pagina's, een bewaarbeleid."""

from __future__ import annotations

import pytest

from interop_lab.checks import ldes
from interop_lab.runner.claim import ClaimRun

LEVEL = pytest.mark.level("L3")
RECOMMENDED = pytest.mark.usage("Aanbevolen")


@LEVEL
@RECOMMENDED
@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9111#section-5.2")
def test_pages_cacheable(claim_run: ClaimRun) -> None:
    """Elke pagina zegt hoe lang ze bewaard mag worden en hoe ze te hervalideren is."""
    ldes.pages_cacheable(claim_run.crawl("feed"))


@LEVEL
@RECOMMENDED
@pytest.mark.requirement("https://w3id.org/ldes/specification#retention-policies")
def test_retention_declared(claim_run: ClaimRun) -> None:
    """De view vermeldt een bewaarbeleid (ldes:retentionPolicy)."""
    ldes.retention_declared(claim_run.crawl("feed"))
