"""Diagnoses of Turtle artefacts: syntax, and SHACL shapes that pySHACL refuses or nobody meets."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from difflib import SequenceMatcher

import pyshacl
from pyshacl.errors import ReportableRuntimeError
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SH, XSD
from rdflib.term import Node

from interop_lab.artefacts.findings import Diagnosis, Finding, listing, suspicious_iris
from interop_lab.model.prefixes import PREFIXES, short

CARDINALITIES = (
    SH.minCount,
    SH.maxCount,
    SH.minLength,
    SH.maxLength,
    SH.qualifiedMinCount,
    SH.qualifiedMaxCount,
)
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
_NAMED_IRIS = (SH.targetClass, SH["class"], SH.path, SH.datatype, SH.node)
_PROBE = "urn:interop-lab:probe:"
# W3C publishes its vocabularies under http only; for other vocabularies an https twin is only
# suspicious when the same artefact also uses the http form.
_W3C = "http://www.w3.org/"
_NEVER_MATCHES = "the constraint never matches data that uses the vocabulary's real IRI"


def diagnose_turtle(text: str, url: str, known_urls: Collection[str]) -> Diagnosis:
    graph = Graph()
    try:
        graph.parse(data=text, format="turtle", publicID=url)
    except Exception as error:  # rdflib raises many unrelated types for bad syntax
        return Diagnosis("Turtle that does not parse", (_syntax(error),))
    imports = _unresolved_imports(graph, known_urls)
    if not any(str(p).startswith(str(SH)) for p in graph.predicates(unique=True)):
        return Diagnosis(f"RDF (Turtle, {len(graph)} triples)", tuple(imports))
    findings = [
        *_string_cardinalities(graph),
        *_langstring_classes(graph),
        *_literal_datatypes(graph),
        *_wrong_namespaces(graph),
        *imports,
        *suspicious_iris(
            [(short(i), i) for i in sorted(set(map(str, _named_iris(graph))))], "shape IRI(s)"
        ),
        *_path_typos(graph),
        *_refusal(graph),
    ]
    return Diagnosis(f"SHACL shapes (Turtle, {len(graph)} triples)", tuple(findings))


def _syntax(error: Exception) -> Finding:
    text = str(error)
    line = re.search(r"at line (\d+)", text)
    reason = re.search(r"Bad syntax \(([^)]*)\)", text)
    where = f"line {line.group(1)}: " if line else ""
    return Finding(
        "turtle-syntax",
        f"Turtle does not parse: {where}{reason.group(1) if reason else text.splitlines()[0]}",
        "the artefact cannot be read: loading the suite stops",
        breaks_run=True,
        subject=where,
    )


def _string_cardinalities(graph: Graph) -> list[Finding]:
    wrong = [
        (p, o)
        for p in CARDINALITIES
        for o in graph.objects(None, p)
        if isinstance(o, Literal) and o.datatype != XSD.integer
    ]
    if not wrong:
        return []
    used = listing(short(str(p)) for p, _ in wrong)
    return [
        Finding(
            "string-cardinalities",
            f'{len(wrong)} cardinalities ({used}) are strings such as "{wrong[0][1]}", '
            "not xsd:integer",
            "pySHACL refuses to load the shapes (ConstraintLoadError): no shape test can run",
            breaks_run=True,
        )
    ]


def _langstring_classes(graph: Graph) -> list[Finding]:
    shapes = list(graph.subjects(SH["class"], RDF.langString))
    if not shapes:
        return []
    return [
        Finding(
            "class-langstring",
            f"sh:class rdf:langString (a datatype, not a class) on {len(shapes)} property "
            f"shape(s): {listing(_paths(graph, shapes))}",
            "no value can pass: a literal is never an instance of a class, so every such "
            "property that is present fails",
            breaks_run=False,
        )
    ]


def _literal_datatypes(graph: Graph) -> list[Finding]:
    shapes = list(graph.subjects(SH.datatype, RDFS.Literal))
    if not shapes:
        return []
    return [
        Finding(
            "datatype-literal",
            f"sh:datatype rdfs:Literal (which no ordinary value has) on {len(shapes)} property "
            f"shape(s): {listing(_paths(graph, shapes))}",
            "plain and language-tagged strings fail; only values typed rdfs:Literal pass",
            breaks_run=False,
        )
    ]


def _wrong_namespaces(graph: Graph) -> list[Finding]:
    findings = []
    used = {str(node) for triple in graph for node in triple if isinstance(node, URIRef)}
    for iri in sorted({str(o) for o in _named_iris(graph) if str(o).startswith("https://")}):
        twin = "http://" + iri.removeprefix("https://")
        namespace = next((ns for ns in PREFIXES.values() if twin.startswith(ns)), None)
        if namespace is None or not (
            namespace.startswith(_W3C) or any(u.startswith(namespace) for u in used)
        ):
            continue
        findings.append(
            Finding(
                "wrong-namespace",
                f"<{iri}> is in the wrong namespace: the vocabulary is {namespace} (http); "
                f"used as {_uses(graph, URIRef(iri))}",
                _NEVER_MATCHES,
                breaks_run=False,
                subject=iri,
            )
        )
    return findings


def _uses(graph: Graph, iri: URIRef) -> str:
    uses = []
    for predicate in _NAMED_IRIS:
        shapes = list(graph.subjects(predicate, iri))
        if predicate == SH.targetClass and shapes:
            uses.append(f"sh:targetClass of {listing(short(str(s)) for s in shapes)}")
        elif shapes:
            uses.append(f"{short(str(predicate))} on {listing(_paths(graph, shapes))}")
    return "; ".join(uses)


def _unresolved_imports(graph: Graph, known_urls: Collection[str]) -> list[Finding]:
    return [
        Finding(
            "unresolved-import",
            f"owl:imports <{iri}> cannot be resolved offline: no pin or mirror holds it",
            "the imported shapes and vocabulary are not part of the validation",
            breaks_run=False,
            subject=str(iri),
        )
        for iri in sorted(set(graph.objects(None, OWL.imports)), key=str)
        if str(iri) not in known_urls
    ]


def _path_typos(graph: Graph) -> list[Finding]:
    findings: dict[str, Finding] = {}
    for shape, path in graph.subject_objects(SH.path):
        name = graph.value(shape, SH.name)
        if not isinstance(path, URIRef) or name is None or str(path) in findings:
            continue
        spelled = _letters(str(name))
        local = _letters(re.split(r"[#/]", str(path))[-1])
        if local != spelled and len(local) >= 8 and _similar(local, spelled):
            findings[str(path)] = Finding(
                "path-typo",
                f"sh:path <{path}> looks like a typo: its sh:name is {str(name)!r}",
                "the constraint tests a property no data has: minCount always fails, "
                "the others never apply",
                breaks_run=False,
                subject=str(path),
            )
    return list(findings.values())


def _letters(text: str) -> str:
    """Lower-case letters and digits only, accents dropped: how a name and an IRI compare."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if char.isascii() and char.isalnum())


def _similar(first: str, second: str) -> bool:
    return SequenceMatcher(None, first, second).ratio() >= 0.9


def _refusal(shapes: Graph) -> list[Finding]:
    """Run pySHACL as a run does; it loads a shape's constraints only for a focus node."""
    with _quiet_pyshacl():
        try:
            pyshacl.validate(_probe_data(shapes), shacl_graph=shapes, inference="none")
        except ReportableRuntimeError as error:
            first_line = str(error).strip().splitlines()[0]
            return [
                Finding(
                    "shacl-refused",
                    f"pySHACL refuses the shapes: {first_line}",
                    "the suite cannot validate anything: every run stops",
                    breaks_run=True,
                )
            ]
    return []


def _probe_data(shapes: Graph) -> Graph:
    """One focus node for every target of every shape."""
    data = Graph()
    for number, (predicate, value) in enumerate(
        (p, v) for p in _TARGETS for v in shapes.objects(None, p)
    ):
        focus = URIRef(f"{_PROBE}{number}")
        if predicate == SH.targetClass:
            data.add((focus, RDF.type, value))
        elif predicate == SH.targetNode:
            data.add((value, RDFS.label, Literal("probe")))
        elif isinstance(value, URIRef):
            data.add((focus, value, URIRef(f"{_PROBE}{number}-value")))
    return data


@contextmanager
def _quiet_pyshacl() -> Iterator[None]:
    # pySHACL logs every load error to stderr before raising it; the finding says it already.
    logger = logging.getLogger("pyshacl-validate")
    was_disabled = logger.disabled
    logger.disabled = True
    try:
        yield
    finally:
        logger.disabled = was_disabled


def _named_iris(graph: Graph) -> Iterator[Node]:
    for predicate in _NAMED_IRIS:
        yield from (o for o in graph.objects(None, predicate) if isinstance(o, URIRef))


def _paths(graph: Graph, shapes: list[Node]) -> list[str]:
    return [short(str(p)) for shape in shapes if (p := graph.value(shape, SH.path)) is not None]
