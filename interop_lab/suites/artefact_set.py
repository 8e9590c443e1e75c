"""A suite's pinned artefacts, loaded and parsed once per process: shapes, code lists, contexts.

The bytes are read and checked against their pins for every run; parsing them is what is kept,
keyed by those bytes, so a campaign worker running one vendor after another parses each suite
once. Sharing the graphs is safe: pySHACL adds two fixed RDFS axioms to a shapes graph the first
time it validates with it and nothing after, and nothing else writes to them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph

from interop_lab.artefacts.pins import CODELIST, CONTEXT, SHAPES, Artefact, sha256_hex
from interop_lab.artefacts.store import ArtefactStore
from interop_lab.model.errors import SuiteError
from interop_lab.shapes import ShapeConstraint, constraints_of
from interop_lab.suites.manifest import ArtefactSpec
from interop_lab.suites.registry import Suite

MAX_PARSED = 32  # suites x artefact versions a process keeps parsed


@dataclass(frozen=True, slots=True)
class ShapeSet:
    """Shapes validating the data of some endpoint roles (of every role when ``roles`` is empty)."""

    roles: frozenset[str]
    graph: Graph

    def covers(self, role: str) -> bool:
        return not self.roles or role in self.roles


# weakref_slot: the JSON-LD reader keeps its context memo for as long as these artefacts live.
@dataclass(slots=True, weakref_slot=True)
class SuiteArtefacts:
    shapes: Graph | None = None  # every shape of the suite, for listing its constraints
    shape_sets: list[ShapeSet] = field(default_factory=list)
    codelists: Graph = field(default_factory=Graph)
    contexts: dict[str, Any] = field(default_factory=dict)
    official_contexts: list[str] = field(default_factory=list)
    constraints: list[ShapeConstraint] = field(default_factory=list)
    used: list[Artefact] = field(default_factory=list)

    def context(self, url: str) -> Any | None:
        """The pinned context document for ``url`` (or one of its aliases), else None."""
        return self.contexts.get(url)

    @property
    def context_urls(self) -> frozenset[str]:
        return frozenset(self.contexts)


_Key = tuple[str, tuple[tuple[str, str, tuple[str, ...]], ...]]
_PARSED: dict[_Key, SuiteArtefacts] = {}


def load_suite_artefacts(suite: Suite, store: ArtefactStore) -> SuiteArtefacts:
    pinned = [(spec, store.load(spec.pin())) for spec in suite.manifest.artefacts]
    key = (
        str(suite.folder),
        tuple(
            (spec.model_dump_json(), sha256_hex(artefact.data), artefact.repairs_applied)
            for spec, artefact in pinned
        ),
    )
    if key not in _PARSED:
        if len(_PARSED) >= MAX_PARSED:
            _PARSED.pop(next(iter(_PARSED)))
        _PARSED[key] = _parse(pinned)
    return _PARSED[key]


def _parse(pinned: list[tuple[ArtefactSpec, Artefact]]) -> SuiteArtefacts:
    loaded = SuiteArtefacts()
    for spec, artefact in pinned:
        loaded.used.append(artefact)
        if spec.role == SHAPES:
            _add_shapes(loaded, frozenset(spec.applies_to), artefact)
        elif spec.role == CODELIST:
            _parse_rdf(loaded.codelists, artefact)
        elif spec.role == CONTEXT:
            document = _parse_json(artefact)
            loaded.official_contexts.append(spec.url)
            for url in (spec.url, *spec.aliases):
                loaded.contexts[url] = document
    if loaded.shapes is not None:
        loaded.constraints = constraints_of(loaded.shapes)
    return loaded


def _add_shapes(loaded: SuiteArtefacts, roles: frozenset[str], artefact: Artefact) -> None:
    same = next((s for s in loaded.shape_sets if s.roles == roles), None)
    if same is None:
        same = ShapeSet(roles, Graph())
        loaded.shape_sets.append(same)
    _parse_rdf(same.graph, artefact)
    # The union shares the sets' blank nodes, so each constraint names the set's own shapes.
    loaded.shapes = loaded.shapes or Graph()
    loaded.shapes += same.graph


def _parse_rdf(graph: Graph, artefact: Artefact) -> None:
    try:
        # Repairs write N-Triples, which is Turtle too.
        graph.parse(data=artefact.data, format="turtle", publicID=artefact.pin.url)
    except Exception as error:
        raise SuiteError(
            f"{artefact.pin.url}: the pinned artefact is not valid Turtle ({error}); "
            "declare a documented repair for it in the suite manifest"
        ) from None


def _parse_json(artefact: Artefact) -> Any:
    try:
        return json.loads(artefact.data)
    except ValueError as error:
        raise SuiteError(
            f"{artefact.pin.url}: the pinned context is not JSON ({error}); "
            "declare a documented repair for it in the suite manifest"
        ) from None
