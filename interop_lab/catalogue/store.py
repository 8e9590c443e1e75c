"""The catalogue interface: scorecards in a SPARQL store, one named graph per scorecard."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from types import TracebackType
from typing import BinaryIO

import pyoxigraph as ox

from interop_lab.catalogue.history import CERTIFIED, TrendPoint, history_query
from interop_lab.catalogue.rdf import (
    document_query,
    register_from_triples,
    register_triples,
    scorecard_triples,
    summary_query,
)
from interop_lab.catalogue.register import REGISTER_GRAPH, Register
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
    # Filled by the history queries; the list query leaves them empty.
    mode: str = ""
    run_id: str = ""


class Catalogue(ABC):
    """Where scorecards are kept; ``add`` writes one scorecard's graph whole or not at all."""

    def add(self, card: Scorecard) -> None:
        """Store the card in the named graph ``card.iri``, replacing an earlier copy."""
        self.replace_graph(card.iri, scorecard_triples(card))

    @abstractmethod
    def query(self, sparql: str) -> list[dict[str, str]]:
        """A SELECT query's solutions as ``{variable: value}`` (unbound variables left out)."""

    @abstractmethod
    def export(self, out: BinaryIO) -> None:
        """Every graph as N-Quads."""

    @abstractmethod
    def graph(self, iri: str) -> list[ox.Triple]:
        """The triples of the scorecard's named graph, as stored (blank node labels vary)."""

    @abstractmethod
    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> None:
        """Swap the named graph ``graph`` for these triples, whole or not at all."""

    @abstractmethod
    def close(self) -> None:
        """Release the store; the catalogue cannot be used afterwards."""

    def set_register(self, register: Register) -> None:
        """The OSLO standards register as one named graph, replacing the one loaded before."""
        self.replace_graph(REGISTER_GRAPH, register_triples(register))

    def register(self) -> Register | None:
        """The standards register as loaded, None when none ever was."""
        try:
            return register_from_triples(self.graph(REGISTER_GRAPH))
        except UnknownScorecardError:
            return None

    def scorecards(self, product: str | None = None) -> list[ScorecardSummary]:
        """Every scorecard (or those of one product name), the most recent first."""
        return [_summary(row) for row in self.query(summary_query(product))]

    def history(
        self, vendor: str, product: str, suite: str | None = None
    ) -> list[ScorecardSummary]:
        """Every run of the vendor's product (of one suite, or all), the oldest first."""
        query = history_query(vendor=vendor, product=product, suite=suite)
        return [_summary(row) for row in self.query(query)]

    def latest(
        self, vendor: str, product: str, suite: str | None = None
    ) -> ScorecardSummary | None:
        runs = self.history(vendor, product, suite)
        return runs[-1] if runs else None

    def last_certified(
        self, vendor: str, product: str, suite: str | None = None
    ) -> ScorecardSummary | None:
        """The most recent run in mode ``certified``; None when the product was never certified."""
        query = history_query(vendor=vendor, product=product, suite=suite, mode=CERTIFIED)
        runs = [_summary(row) for row in self.query(query)]
        return runs[-1] if runs else None

    def trend(self, vendor: str, product: str) -> dict[str, list[TrendPoint]]:
        """Per suite, the level and verdict of every run, the oldest first (what a plot needs)."""
        points: dict[str, list[TrendPoint]] = {}
        for run in self.history(vendor, product):
            point = TrendPoint(run.iri, run.ended, run.release, run.mode, run.verdict, run.level)
            points.setdefault(run.suite, []).append(point)
        return points

    def runs(self, run_id: str, suite: str | None = None) -> list[ScorecardSummary]:
        """The scorecards of one run (one per suite it ran), by the run id printed by ``run``."""
        return [_summary(row) for row in self.query(history_query(run_id=run_id, suite=suite))]

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
        mode=row.get("mode", ""),
        run_id=row.get("runId", ""),
    )
