"""L2 - de feed beschrijft zichzelf als event stream en elk lid is een versie."""

from __future__ import annotations

import pytest

from interop_lab.checks import ldes
from interop_lab.model import vocab
from interop_lab.runner.claim import ClaimRun

LEVEL = pytest.mark.level("L2")


@LEVEL
@pytest.mark.usage("Verplicht")
@pytest.mark.requirement("https://w3id.org/ldes/specification#event-stream")
def test_event_stream(claim_run: ClaimRun) -> None:
    """De feed beschrijft een ldes:EventStream."""
    ldes.event_stream_described(claim_run.crawl("feed"))


@LEVEL
@pytest.mark.usage("Verplicht")
@pytest.mark.requirement("https://treecg.github.io/specification/#views")
def test_view(claim_run: ClaimRun) -> None:
    """De event stream verwijst met tree:view naar zijn pagina's."""
    ldes.view_declared(claim_run.crawl("feed"))


@LEVEL
@pytest.mark.usage("Aanbevolen")
@pytest.mark.requirement("https://w3id.org/ldes/specification#timestampPath")
def test_timestamp_path(claim_run: ClaimRun) -> None:
    """De event stream vermeldt ldes:timestampPath."""
    ldes.stream_property(claim_run.crawl("feed"), vocab.LDES_TIMESTAMP_PATH)


@LEVEL
@pytest.mark.usage("Aanbevolen")
@pytest.mark.requirement("https://w3id.org/ldes/specification#versionOfPath")
def test_version_of_path(claim_run: ClaimRun) -> None:
    """De event stream vermeldt ldes:versionOfPath."""
    ldes.stream_property(claim_run.crawl("feed"), vocab.LDES_VERSION_OF_PATH)


@LEVEL
@pytest.mark.usage("Aanbevolen")
@pytest.mark.requirement("https://w3id.org/ldes/specification#version-materializations")
def test_members_versioned(claim_run: ClaimRun) -> None:
    """Elk lid vermeldt zijn tijdstip en het object waarvan het een versie is."""
    ldes.members_versioned(claim_run.crawl("feed"))
