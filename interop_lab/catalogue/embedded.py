"""The default catalogue: a pyoxigraph store on disk (``.interop-lab/catalogue``)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from interop_lab.catalogue.rdf import replace_graph_update, scorecard_triples, solution_rows
from interop_lab.catalogue.store import Catalogue
from interop_lab.model.errors import UsageError
from interop_lab.model.scorecard import Scorecard


class EmbeddedCatalogue(Catalogue):
    """One process at a time may open the folder: RocksDB holds a lock until ``close()``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        try:
            self._store: ox.Store | None = ox.Store(str(path))
        except OSError as error:
            raise UsageError(
                f"the catalogue {path} is in use (another interop-lab process, or a catalogue "
                f"object not closed); close it and try again: {error}"
            ) from error

    @property
    def store(self) -> ox.Store:
        if self._store is None:
            raise UsageError(f"the catalogue {self.path} was closed")
        return self._store

    def add(self, card: Scorecard) -> None:
        # The whole update text exists before the store is touched, and the store runs it as one
        # transaction: a failure anywhere leaves the previous state.
        self.store.update(replace_graph_update(card.iri, scorecard_triples(card)))

    def query(self, sparql: str) -> list[dict[str, str]]:
        # The default graph is the union of the scorecards' graphs, so ad-hoc queries need no GRAPH.
        solutions = self.store.query(sparql, use_default_graph_as_union=True)
        if not isinstance(solutions, ox.QuerySolutions):
            raise UsageError("only SELECT queries can be run on the catalogue")
        return solution_rows(solutions)

    def export(self, out: BinaryIO) -> None:
        self.store.dump(out, ox.RdfFormat.N_QUADS)

    def close(self) -> None:
        # pyoxigraph has no close(): the lock goes when the last reference to the store does.
        if self._store is not None:
            self._store.flush()
        self._store = None
