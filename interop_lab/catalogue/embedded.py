"""The default catalogue: a pyoxigraph store on disk (``.interop-lab/catalogue``)."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from interop_lab.catalogue.rdf import replace_graph_update, solution_rows
from interop_lab.catalogue.store import Catalogue, UnknownScorecardError
from interop_lab.model.errors import UsageError

WAIT_S = 30.0


class EmbeddedCatalogue(Catalogue):
    """One process at a time may open the folder: RocksDB holds a lock until ``close()``."""

    def __init__(self, path: Path, *, wait_s: float = WAIT_S) -> None:
        """Waits up to ``wait_s`` for another process to release the folder (a site build or
        ``catalogue serve`` reading it for a moment), so a run's results are not lost to it."""
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + wait_s
        pause = 0.02
        while True:
            try:
                self._store: ox.Store | None = ox.Store(str(path))
                return
            except OSError as error:
                if time.monotonic() + pause > deadline:
                    raise UsageError(
                        f"the catalogue {path} is in use (another interop-lab process, or a "
                        f"catalogue object not closed); close it and try again: {error}"
                    ) from error
            time.sleep(pause)
            pause = min(pause * 2, 0.5)

    @property
    def store(self) -> ox.Store:
        if self._store is None:
            raise UsageError(f"the catalogue {self.path} was closed")
        return self._store

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> None:
        # The whole update text exists before the store is touched, and the store runs it as one
        # transaction: a failure anywhere leaves the previous state.
        self.store.update(replace_graph_update(graph, triples))

    def query(self, sparql: str) -> list[dict[str, str]]:
        # The default graph is the union of the scorecards' graphs, so ad-hoc queries need no GRAPH.
        solutions = self.store.query(sparql, use_default_graph_as_union=True)
        if not isinstance(solutions, ox.QuerySolutions):
            raise UsageError("only SELECT queries can be run on the catalogue")
        return solution_rows(solutions)

    def export(self, out: BinaryIO) -> None:
        self.store.dump(out, ox.RdfFormat.N_QUADS)

    def graph(self, iri: str) -> list[ox.Triple]:
        quads = self.store.quads_for_pattern(None, None, None, ox.NamedNode(iri))
        triples = [quad.triple for quad in quads]
        if not triples:
            raise UnknownScorecardError(f"no scorecard {iri} in the catalogue")
        return triples

    def close(self) -> None:
        # pyoxigraph has no close(): the lock goes when the last reference to the store does.
        if self._store is not None:
            self._store.flush()
        self._store = None
