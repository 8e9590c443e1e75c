"""Bonusniveau - de publicatiefeed (optioneel): een LDES van de gepubliceerde documenten.

Alleen van toepassing als het profiel een endpoint voor de rol 'feed' noemt.
"""

from __future__ import annotations

import pytest

from interop_lab.checks import http, ldes
from interop_lab.runner.claim import ClaimRun

pytestmark = [pytest.mark.level("BONUS"), pytest.mark.usage("Verplicht")]


@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9110#section-15.3")
def test_feed_answers(claim_run: ClaimRun) -> None:
    """Elke pagina van de publicatiefeed antwoordt met HTTP 200."""
    http.pages_answer(claim_run.crawl("feed"))


@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#json-ld-grammar")
def test_feed_readable(claim_run: ClaimRun) -> None:
    """Elke pagina van de publicatiefeed is geldige JSON-LD of RDF."""
    http.payloads_readable(claim_run.crawl("feed"))


@pytest.mark.requirement("https://w3id.org/ldes/specification#event-stream")
def test_feed_event_stream(claim_run: ClaimRun) -> None:
    """De publicatiefeed beschrijft een ldes:EventStream."""
    ldes.event_stream_described(claim_run.crawl("feed"))


@pytest.mark.requirement("https://treecg.github.io/specification/#members")
def test_feed_members(claim_run: ClaimRun) -> None:
    """De publicatiefeed publiceert de documenten als leden (tree:member)."""
    ldes.members_present(claim_run.crawl("feed"))


@pytest.mark.requirement("https://treecg.github.io/specification/#relations")
def test_feed_relations(claim_run: ClaimRun) -> None:
    """De relaties tussen de pagina's van de feed spreken elkaar niet tegen."""
    ldes.relations_sound(claim_run.crawl("feed"))
