"""The child of the kill-mid-write test: writes large scorecards to a catalogue until killed.

``python -m tests.catalogue.atomic_writer TARGET`` (a folder or a server's query URL) prints
``ready`` once the catalogue is open and ``wrote N`` after each scorecard it wrote.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from interop_lab.catalogue import Catalogue, EmbeddedCatalogue, SparqlCatalogue
from interop_lab.model.scorecard import Scorecard
from tests.reporting.cards import card, records

IRIS = tuple(f"urn:uuid:00000000-0000-4000-8000-{number:012d}" for number in range(3))
VERSIONS = 8  # writes per run: each IRI is written, then replaced by another version
ASSERTIONS = 800  # about 20 000 triples and 1 MB of JSON: a write takes a good part of a second


def large_card(write: int, assertions: int = ASSERTIONS) -> Scorecard:
    """Write ``write``'s card: thousands of assertions, different for every version of an IRI."""
    template = records()[2]  # a failed assertion with 25 locations: many triples each
    many = tuple(
        replace(
            template,
            test=f"{template.test}-{write}-{index}",
            description=f"{template.description} (schrijfbeurt {write}, regel {index})",
            locations=template.locations[: 1 + (index + write) % 4],
        )
        for index in range(assertions)
    )
    return card(iri=IRIS[write % len(IRIS)], release=f"4.2.{write}", assertions=many)


def open_target(target: str) -> Catalogue:
    if target.startswith("http://"):
        return SparqlCatalogue(target, target.removesuffix("query") + "update")
    return EmbeddedCatalogue(Path(target))


def main(target: str) -> None:
    cards = [large_card(write) for write in range(VERSIONS)]
    with open_target(target) as catalogue:
        print("ready", flush=True)
        for write, each in enumerate(cards):
            catalogue.add(each)
            print(f"wrote {write}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
