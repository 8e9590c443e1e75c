"""A small catalogue of hand-built scorecards: two products, two releases, a certified run."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from interop_lab.catalogue import Catalogue, EmbeddedCatalogue
from interop_lab.model.scorecard import Scorecard
from tests.reporting.cards import HOSTILE, card, conformant_card


def run(number: int, base: Scorecard, ended: str, **changes: object) -> Scorecard:
    return replace(
        base,
        iri=f"urn:uuid:00000000-0000-4000-8000-{number:012d}",
        run=replace(base.run, ended=ended, run_id=f"run-{number}"),
        **changes,  # type: ignore[arg-type]
    )


GOOD = conformant_card()
LOKET = card().subject
OLD_GOOD = run(1, replace(GOOD, subject=LOKET), "2026-09-01T10:00:00Z", mode="certified")
NEW_BAD = run(2, card(), "2026-10-01T10:00:00Z")
OTHER = run(3, GOOD, "2026-10-15T10:00:00Z")
LDES = run(
    4, card(), "2026-10-20T10:00:00Z", standard=replace(card().standard, suite="ldes", title="LDES")
)
HOSTILE_CARD = run(5, card(vendor=HOSTILE, product=HOSTILE, release=HOSTILE), "2026-11-01T10:00Z")
CARDS = (OLD_GOOD, NEW_BAD, OTHER, LDES, HOSTILE_CARD)


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[Catalogue]:
    opened = EmbeddedCatalogue(tmp_path / "catalogue")
    for each in CARDS:
        opened.add(each)
    yield opened
    opened.close()
