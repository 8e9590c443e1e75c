"""Named, documented repairs of published artefacts that cannot be used as they are.

A suite names the repairs it needs per artefact in its manifest. Each repair must change the
artefact: a repair that changes nothing means the pin or the manifest is wrong, and loading stops.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import SH, XSD

from interop_lab.model.errors import SuiteError


@dataclass(frozen=True, slots=True)
class Repair:
    name: str
    description: str
    apply: Callable[[bytes], bytes]


def _integer_cardinalities(data: bytes) -> bytes:
    graph = Graph().parse(data=data, format="turtle")
    counts = (
        SH.minCount,
        SH.maxCount,
        SH.minLength,
        SH.maxLength,
        SH.qualifiedMinCount,
        SH.qualifiedMaxCount,
    )
    for subject, predicate, value in list(graph):
        if predicate in counts and isinstance(value, Literal) and value.datatype != XSD.integer:
            graph.remove((subject, predicate, value))
            graph.add((subject, predicate, Literal(int(str(value)), datatype=XSD.integer)))
    return graph.serialize(format="nt", encoding="utf-8")


def _wrap_bare_context(data: bytes) -> bytes:
    document = json.loads(data)
    if not isinstance(document, dict) or "@context" in document:
        # Nothing to wrap: return the bytes as they are, so apply_repairs reports the repair as
        # changing nothing (re-serialising would change the bytes, and JSON has no graph check).
        return data
    return json.dumps({"@context": document}, ensure_ascii=False).encode("utf-8")


REPAIRS: dict[str, Repair] = {
    repair.name: repair
    for repair in (
        Repair(
            "cardinalities-as-integer",
            "sh:minCount/sh:maxCount (and length/qualified counts) published as strings are "
            "retyped as xsd:integer, as SHACL requires",
            _integer_cardinalities,
        ),
        Repair(
            "wrap-bare-context",
            'a context published without its "@context" wrapper is wrapped, so JSON-LD '
            "processors do not silently read it as an empty context",
            _wrap_bare_context,
        ),
    )
}


def apply_repairs(url: str, data: bytes, names: tuple[str, ...]) -> bytes:
    """Apply the named repairs in order; each must exist and must change the artefact."""
    for name in names:
        repair = REPAIRS.get(name)
        if repair is None:
            known = ", ".join(sorted(REPAIRS))
            raise SuiteError(f"{url}: unknown repair '{name}'; known repairs: {known}")
        repaired = repair.apply(data)
        if repaired == data or _same_graph_text(repaired, data):
            raise SuiteError(
                f"{url}: repair '{name}' changes nothing; remove it from the suite manifest "
                "or check the artefact's pin"
            )
        data = repaired
    return data


def _same_graph_text(repaired: bytes, original: bytes) -> bool:
    # Re-serialising a correct Turtle file changes its bytes but not its graph.
    try:
        before = Graph().parse(data=original, format="turtle")
        after = Graph().parse(data=repaired, format="nt")
    except Exception:
        return False
    # Graph.isomorphic skips every triple with a blank node (SHACL property shapes are blank).
    return isomorphic(before, after)
