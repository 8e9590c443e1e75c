"""L2 - correcte JSON-LD met de officiële context: geen term gaat stil verloren.

Shared by every suite whose vendors publish JSON-LD; each test reads every document of the claim.
"""

from __future__ import annotations

import pytest

from interop_lab.checks import jsonld
from interop_lab.runner.claim import ClaimRun

LEVEL = pytest.mark.level("L2")
REQUIRED = pytest.mark.usage("Verplicht")


@LEVEL
@REQUIRED
@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#the-context")
def test_official_context(claim_run: ClaimRun) -> None:
    """Elk document gebruikt een officiële context van de standaard en geen andere externe."""
    artefacts = claim_run.artefacts
    jsonld.official_context(
        claim_run.everything(), artefacts.context_urls, artefacts.official_contexts
    )


@LEVEL
@REQUIRED
@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#terms")
def test_no_dropped_keys(claim_run: ClaimRun) -> None:
    """Elke JSON-sleutel is gedefinieerd in de context (anders gaat ze verloren als linked data)."""
    jsonld.no_dropped_keys(claim_run.everything())


@LEVEL
@REQUIRED
@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#specifying-the-type")
def test_defined_types(claim_run: ClaimRun) -> None:
    """Elk @type is een term uit de context of een absolute IRI."""
    jsonld.defined_types(claim_run.everything())


@LEVEL
@REQUIRED
@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc8259#section-4")
def test_unique_keys(claim_run: ClaimRun) -> None:
    """Geen JSON-object herhaalt een sleutel."""
    jsonld.unique_keys(claim_run.everything())
