"""Tests of suites whose documents are served in several RDF syntaxes, one role per document.

The crawl asks every role's documents with the lab's usual preference (JSON-LD first); the suite
declares a probe per further syntax (``target: start`` with an ``accept``), so each document is
read once in every syntax. The tests read both, and each finding names the media type.
"""

from __future__ import annotations

import pytest

from interop_lab.checks import formats
from interop_lab.checks.formats import Asked
from interop_lab.runner.claim import ClaimRun

LEVEL = pytest.mark.level("L1")
REQUIRED = pytest.mark.usage("Verplicht")


def every_answer(claim_run: ClaimRun) -> list[Asked]:
    """The crawl's answers, then every probe's, with the media type each asked for."""
    asked = [Asked(None, page) for page in claim_run.everything().pages]
    for spec in claim_run.suite.manifest.probes:
        probe = claim_run.probes.get(spec.name)
        if probe is not None:
            asked += [Asked(spec.accept, page) for page in probe.pages]
    return asked


@LEVEL
@REQUIRED
@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9110#section-15.3")
def test_documents_answer(claim_run: ClaimRun) -> None:
    """Elk document antwoordt met HTTP 200, in elk gevraagd formaat."""
    formats.answered(every_answer(claim_run))


@LEVEL
@REQUIRED
@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1")
def test_documents_served_as_asked(claim_run: ClaimRun) -> None:
    """Elk document komt in het RDF-formaat dat gevraagd werd (Content-Type)."""
    formats.served_as_asked(every_answer(claim_run), claim_run.suite.manifest.media_types)


@LEVEL
@REQUIRED
@pytest.mark.requirement("https://www.w3.org/TR/rdf11-concepts/#section-rdf-graph")
def test_documents_readable(claim_run: ClaimRun) -> None:
    """Elk document is leesbare RDF in elk formaat: JSON-LD, Turtle en N-Quads."""
    formats.readable(every_answer(claim_run))
