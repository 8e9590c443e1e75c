"""Bonusniveau - goede RDFa-praktijk: geen enkele annotatie gaat verloren bij het lezen."""

from __future__ import annotations

import pytest

from interop_lab.checks import rdfa
from interop_lab.runner.claim import ClaimRun

pytestmark = [pytest.mark.level("BONUS"), pytest.mark.usage("Aanbevolen")]


@pytest.mark.requirement("https://www.w3.org/TR/rdfa-core/#s_curies")
def test_terms_understood(claim_run: ClaimRun) -> None:
    """Elke CURIE in de RDFa gebruikt een gedeclareerd prefix (anders gaat ze stil verloren)."""
    rdfa.terms_understood(claim_run.crawl("pages"))
