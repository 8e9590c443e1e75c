"""``catalogue serve`` picks up new scorecards without a restart, and never waits on a writer."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from interop_lab.catalogue import EmbeddedCatalogue
from interop_lab.service import CatalogueSite, Refresher, take_snapshot
from tests.reporting.cards import card, conformant_card

FIRST = replace(conformant_card(), iri="urn:uuid:00000000-0000-4000-8000-0000000000a1")
LATER = replace(card(), iri="urn:uuid:00000000-0000-4000-8000-0000000000a2")


def _site(folder: Path) -> CatalogueSite:
    with EmbeddedCatalogue(folder) as catalogue:
        catalogue.add(FIRST)
        return CatalogueSite(take_snapshot(catalogue))


def test_a_new_scorecard_is_served_after_the_next_round(tmp_path: Path) -> None:
    site = _site(tmp_path)
    refresher = Refresher(site, lambda: EmbeddedCatalogue(tmp_path, wait_s=0), every_s=60)
    assert refresher.refresh() is False, "nothing changed yet"

    with EmbeddedCatalogue(tmp_path) as catalogue:
        catalogue.add(LATER)

    assert refresher.refresh() is True
    assert set(site.snapshot.cards) == {FIRST.iri.rpartition(":")[2], LATER.iri.rpartition(":")[2]}


def test_a_busy_store_keeps_the_last_snapshot(tmp_path: Path) -> None:
    site = _site(tmp_path)
    before = site.snapshot
    refresher = Refresher(site, lambda: EmbeddedCatalogue(tmp_path, wait_s=0), every_s=60)

    with EmbeddedCatalogue(tmp_path) as writer:
        writer.add(LATER)
        assert refresher.refresh() is False, "the writer holds the store"

    assert site.snapshot is before
    assert "in use" in refresher.failures[-1]


def test_a_writer_waits_for_the_reader_instead_of_failing(tmp_path: Path) -> None:
    site = _site(tmp_path)
    refresher = Refresher(site, lambda: EmbeddedCatalogue(tmp_path, wait_s=0), every_s=0.01)
    refresher.start()
    try:
        for number in range(20):  # each open collides with the thread's rounds now and then
            later = replace(LATER, iri=f"urn:uuid:00000000-0000-4000-8000-{number:012}")
            with EmbeddedCatalogue(tmp_path) as catalogue:
                catalogue.add(later)
    finally:
        refresher.stop()
    with EmbeddedCatalogue(tmp_path) as catalogue:
        assert len(catalogue.scorecards()) == 21


def test_the_thread_refreshes_by_itself(tmp_path: Path) -> None:
    site = _site(tmp_path)
    refresher = Refresher(site, lambda: EmbeddedCatalogue(tmp_path, wait_s=0), every_s=0.05).start()
    try:
        with EmbeddedCatalogue(tmp_path) as catalogue:
            catalogue.add(LATER)
        deadline = time.monotonic() + 10
        while len(site.snapshot.cards) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        refresher.stop()
    assert len(site.snapshot.cards) == 2
