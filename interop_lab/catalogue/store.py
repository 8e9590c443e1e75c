"""The catalogue interface: scorecards in a SPARQL store, one named graph per scorecard."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from dataclasses import dataclass
from types import TracebackType
from typing import BinaryIO

from interop_lab.catalogue.rdf import document_query, summary_query
from interop_lab.model.errors import UsageError
from interop_lab.model.scorecard import Scorecard
from interop_lab.reporting.jsonld import scorecard_from_jsonld


class UnknownScorecardError(UsageError):
    """No scorecard with that IRI is in the catalogue."""


@dataclass(frozen=True, slots=True)
class ScorecardSummary:
    """One line of the catalogue's list of scorecards."""

    iri: str
    vendor: str
    product: str
    release: str
    suite: str
    verdict: str
    level: str | None
    ended: str


class Catalogue(ABC):
    """Where scorecards are kept; ``add`` writes one scorecard's graph whole or not at all."""

    @abstractmethod
    def add(self, card: Scorecard) -> None:
        """Store the card in the named graph ``card.iri``, replacing an earlier copy."""

    @abstractmethod
    def query(self, sparql: str) -> list[dict[str, str]]:
        """A SELECT query's solutions as ``{variable: value}`` (unbound variables left out)."""

    @abstractmethod
    def export(self, out: BinaryIO) -> None:
        """Every graph as N-Quads."""

    @abstractmethod
    def close(self) -> None:
        """Release the store; the catalogue cannot be used afterwards."""

    def scorecards(self, product: str | None = None) -> list[ScorecardSummary]:
        """Every scorecard (or those of one product name), the most recent first."""
        return [_summary(row) for row in self.query(summary_query(product))]

    def document(self, iri: str) -> str:
        """The scorecard's JSON-LD text exactly as it was written."""
        rows = self.query(document_query(iri))
        if not rows:
            raise UnknownScorecardError(f"no scorecard {iri} in the catalogue")
        return rows[0]["document"]

    def get(self, iri: str) -> Scorecard:
        return scorecard_from_jsonld(json.loads(self.document(iri)))

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _summary(row: dict[str, str]) -> ScorecardSummary:
    return ScorecardSummary(
        iri=row["iri"],
        vendor=row["vendor"],
        product=row["product"],
        release=row["release"],
        suite=row["suite"],
        verdict=row["verdict"],
        level=row.get("level"),
        ended=row.get("ended", ""),
    )
