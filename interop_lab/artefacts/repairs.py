"""Named, documented repairs of published artefacts that cannot be used as they are.

A suite names the repairs it needs per artefact in its manifest. Each repair must change the
artefact: a repair that changes nothing means the pin or the manifest is wrong, and loading stops.
A repair may take parameters; the manifest then names it as a mapping::

    repairs:
      - cardinalities-as-integer
      - drop-invalid-context-terms: {terms: ["Organisatie.http://Www.W3.Org/Ns/Org#LinkedTo"]}
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS, SH, XSD

from interop_lab.artefacts.diagnose_json import rejected_terms
from interop_lab.artefacts.diagnose_turtle import CARDINALITIES
from interop_lab.artefacts.pins import RepairArguments
from interop_lab.model.errors import SuiteError


class RepairRefused(ValueError):
    """The artefact is not what the repair's parameters say (a term that is not there...)."""


@dataclass(frozen=True, slots=True)
class Repair:
    name: str
    description: str
    apply: Callable[..., bytes]  # (data, **parameters) -> repaired data
    parameters: tuple[str, ...] = ()


def _integer_cardinalities(data: bytes) -> bytes:
    graph = Graph().parse(data=data, format="turtle")
    for subject, predicate, value in list(graph):
        if (
            predicate in CARDINALITIES
            and isinstance(value, Literal)
            and value.datatype != XSD.integer
        ):
            graph.remove((subject, predicate, value))
            graph.add((subject, predicate, Literal(int(str(value)), datatype=XSD.integer)))
    return graph.serialize(format="nt", encoding="utf-8")


def _literal_as_node_kind(data: bytes) -> bytes:
    graph = Graph().parse(data=data, format="turtle")
    for shape in list(graph.subjects(SH.datatype, RDFS.Literal)):
        graph.remove((shape, SH.datatype, RDFS.Literal))
        graph.add((shape, SH.nodeKind, SH.Literal))
    return graph.serialize(format="nt", encoding="utf-8")


def _wrap_bare_context(data: bytes) -> bytes:
    document = json.loads(data)
    if not isinstance(document, dict) or "@context" in document:
        # Nothing to wrap: return the bytes as they are, so apply_repairs reports the repair as
        # changing nothing (re-serialising would change the bytes, and JSON has no graph check).
        return data
    return json.dumps({"@context": document}, ensure_ascii=False).encode("utf-8")


def _drop_context_terms(data: bytes, *, terms: tuple[str, ...]) -> bytes:
    document = json.loads(data)
    context = document.get("@context") if isinstance(document, dict) else None
    if not isinstance(context, dict):
        raise RepairRefused('the artefact has no "@context" object to drop terms from')
    missing = [term for term in terms if term not in context]
    if missing:
        raise RepairRefused(f"the context defines no term {', '.join(map(repr, missing))}")
    # Only terms JSON-LD rejects may go: dropping a valid term would hide a real change.
    rejected = rejected_terms(context, base="urn:interop-lab:repair")
    if rejected is None:
        raise RepairRefused("JSON-LD rejects the context as a whole, not because of single terms")
    valid = [term for term in terms if term not in rejected]
    if valid:
        raise RepairRefused(f"JSON-LD accepts the term {', '.join(map(repr, valid))}; keep it")
    kept = {key: value for key, value in context.items() if key not in terms}
    return json.dumps({**document, "@context": kept}, ensure_ascii=False).encode("utf-8")


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
            "literal-datatype-as-nodekind",
            "sh:datatype rdfs:Literal (which no literal has: rdfs:Literal is a class, every "
            'literal has a datatype such as xsd:string) is read as "any literal": '
            "sh:nodeKind sh:Literal",
            _literal_as_node_kind,
        ),
        Repair(
            "wrap-bare-context",
            'a context published without its "@context" wrapper is wrapped, so JSON-LD '
            "processors do not silently read it as an empty context",
            _wrap_bare_context,
        ),
        Repair(
            "drop-invalid-context-terms",
            "context terms that JSON-LD processors reject (parameter terms: the list) are "
            "removed, so the rest of the context can be used; payload keys using them are then "
            "reported as undefined",
            _drop_context_terms,
            parameters=("terms",),
        ),
    )
}


def apply_repairs(
    url: str, data: bytes, names: tuple[str, ...], arguments: RepairArguments | None = None
) -> bytes:
    """Apply the named repairs in order; each must exist and must change the artefact."""
    for name in names:
        repair = REPAIRS.get(name)
        if repair is None:
            known = ", ".join(sorted(REPAIRS))
            raise SuiteError(f"{url}: unknown repair '{name}'; known repairs: {known}")
        repaired = _apply(url, repair, data, (arguments or {}).get(name, {}))
        if repaired == data or _same_graph_text(repaired, data):
            raise SuiteError(
                f"{url}: repair '{name}' changes nothing; remove it from the suite manifest "
                "or check the artefact's pin"
            )
        data = repaired
    return data


def _apply(url: str, repair: Repair, data: bytes, given: Mapping[str, tuple[str, ...]]) -> bytes:
    if set(given) != set(repair.parameters):
        wanted = ", ".join(repair.parameters) or "none"
        raise SuiteError(
            f"{url}: repair '{repair.name}' takes the parameters: {wanted}; the manifest gives: "
            f"{', '.join(given) or 'none'}"
        )
    try:
        result: bytes = repair.apply(data, **given)
    except Exception as error:  # RepairRefused, or a parser's error on bytes it cannot read
        raise SuiteError(f"{url}: repair '{repair.name}' does not fit: {error}") from None
    return result


def _same_graph_text(repaired: bytes, original: bytes) -> bool:
    # Re-serialising a correct Turtle file changes its bytes but not its graph.
    try:
        before = Graph().parse(data=original, format="turtle")
        after = Graph().parse(data=repaired, format="nt")
    except Exception:
        return False
    # Full canonicalisation takes seconds on a shapes file full of blank nodes; graphs whose
    # triples differ even with every blank node blurred cannot be isomorphic.
    if _blurred(before) != _blurred(after):
        return False
    # Graph.isomorphic skips every triple with a blank node (SHACL property shapes are blank).
    return isomorphic(before, after)


def _blurred(graph: Graph) -> Counter[tuple[str, ...]]:
    return Counter(
        tuple("_:" if isinstance(term, BNode) else term.n3() for term in triple) for triple in graph
    )
