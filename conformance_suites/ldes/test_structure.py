"""L1 - de feed is bereikbaar en welgevormd: elke pagina antwoordt en de relaties kloppen."""

from __future__ import annotations

import pytest

from interop_lab.checks import http, ldes
from interop_lab.runner.claim import ClaimRun

LEVEL = pytest.mark.level("L1")
REQUIRED = pytest.mark.usage("Verplicht")


@LEVEL
@REQUIRED
@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9110#section-15.3")
def test_pages_answer(claim_run: ClaimRun) -> None:
    """Elke pagina van de feed antwoordt met HTTP 200."""
    http.pages_answer(claim_run.crawl("feed"))


@LEVEL
@REQUIRED
@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9110#section-8.3")
def test_media_type(claim_run: ClaimRun) -> None:
    """Elke pagina wordt geserveerd met een RDF-mediatype dat de standaard toelaat."""
    http.media_types(claim_run.crawl("feed"), claim_run.suite.manifest.media_types)


@LEVEL
@REQUIRED
@pytest.mark.requirement("https://www.w3.org/TR/rdf11-concepts/#section-rdf-graph")
def test_pages_readable(claim_run: ClaimRun) -> None:
    """Elke pagina is geldige RDF in haar mediatype."""
    http.payloads_readable(claim_run.crawl("feed"))


@LEVEL
@REQUIRED
@pytest.mark.requirement("https://treecg.github.io/specification/#relations")
def test_relations_sound(claim_run: ClaimRun) -> None:
    """De relaties tussen de pagina's vormen een structuur zonder tegenstrijdige cyclus."""
    ldes.relations_sound(claim_run.crawl("feed"))


@LEVEL
@REQUIRED
@pytest.mark.requirement("https://treecg.github.io/specification/#members")
def test_members_present(claim_run: ClaimRun) -> None:
    """De feed publiceert leden (tree:member)."""
    ldes.members_present(claim_run.crawl("feed"))


@LEVEL
@REQUIRED
@pytest.mark.requirement("https://treecg.github.io/specification/#traversing")
def test_feed_read_whole(claim_run: ClaimRun) -> None:
    """Het lab kon de hele feed lezen: elke relatie leidt naar een pagina op de hosts van het
    profiel, binnen de limieten van het profiel."""
    ldes.feed_read_whole(claim_run.crawl("feed"))
