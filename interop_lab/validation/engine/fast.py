"""validate_fast: what ``shacl.validate`` reports, computed from the triples without pySHACL."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from rdflib import Graph
from rdflib.term import Node

from interop_lab.model.collector import collector_paused
from interop_lab.shapes import ShapeConstraint
from interop_lab.validation.engine.compile import compile_shapes
from interop_lab.validation.engine.index import DataIndex, TargetView, Triple
from interop_lab.validation.engine.model import Entry, Shape, Targets, UnsupportedShapes
from interop_lab.validation.engine.run import Run
from interop_lab.validation.shacl import PYSHACL, Validation, grouped

# Named on the scorecard: what validated, and what its results equal.
ENGINE = f"interop-lab SHACL-engine (resultaten gelijk aan {PYSHACL})"


def supported(shapes: Graph) -> str | None:
    """None when the engine implements every feature of ``shapes``, else a short English reason."""
    try:
        compile_shapes(shapes)
    except UnsupportedShapes as error:
        return str(error)
    return None


def validate_fast(
    triples: Iterable[Triple], shapes: Graph, constraints: list[ShapeConstraint]
) -> Validation:
    """``shacl.validate`` of a graph holding ``triples`` (read once; duplicates are one triple).

    UnsupportedShapes when ``supported(shapes)`` is not None."""
    compiled = compile_shapes(shapes)
    with collector_paused():
        # The index is dropped when _validate returns, before the collector runs again.
        return _validate(compiled, DataIndex(triples), constraints)


def _validate(
    compiled: list[Shape], index: DataIndex, constraints: list[ShapeConstraint]
) -> Validation:
    run = Run(index)
    entries: list[Entry] = []
    for shape in compiled:
        if shape.deactivated:
            continue
        focus = _focus_nodes(index, shape.targets)
        if focus:
            reports = run.evaluate(shape, focus).reports
            for node in focus.intersection(reports):
                entries.extend(reports[node])
    return _validation(entries, index, constraints)


def _focus_nodes(index: DataIndex, targets: Targets) -> set[Node]:
    """pySHACL's focus nodes (Shape.focus_nodes): sh:targetNode counts even when absent."""
    found: set[Node] = set(targets.nodes)
    for cls in targets.classes:
        found |= index.instances(cls)
    for predicate in targets.subjects_of:
        found.update(index.objects(predicate))
    for predicate in targets.objects_of:
        for values in index.objects(predicate).values():
            found.update(values)
    return found


def _validation(
    entries: list[Entry], index: DataIndex, constraints: list[ShapeConstraint]
) -> Validation:
    """The results grouped as ``shacl.validate`` groups pySHACL's, focus nodes counted by it."""
    # _focus_count reads a Graph; the view answers the same four reads from the index.
    return grouped(entries, constraints, cast(Graph, TargetView(index)), ENGINE)
