"""HTML+RDFa to RDF with pyRdfa, offline, with the element each subject was described on.

The page is parsed here with lxml (libxml2: fast, forgiving like a browser, and it caps nesting
at 256 levels, so a hostile page cannot make parsing quadratic as html5lib would) and handed to
pyRdfa as a DOM: pyRdfa never gets a URL, so it never opens one. Vocabulary expansion (which
downloads the ``@vocab`` document) and embedded RDF are off, and the RDFa version is always 1.1,
whose initial context pyRdfa carries with it. XHTML is parsed the same way (so no XML entity is
ever expanded) and processed as XHTML5+RDFa.

RDFa has no JSON pointer: a subject's "pointer" is the XPath of the first element that names it
(``about``, ``resource``, ``href`` or ``src``, resolved against the page URL), e.g.
``/html/body/div[2]/section``. Subjects named by a CURIE or only by nesting (blank nodes) get
none.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin
from xml.dom.minidom import Document, Element, getDOMImplementation

import lxml.html
from lxml.etree import ParserError, _Element
from pyRdfa import Options, pyRdfa
from pyRdfa.host import HostLanguage
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import DCTERMS, Namespace
from rdflib.term import Node

from interop_lab.payloads.traced import TracedGraph

__all__ = ["RdfaError", "RdfaPage", "read_rdfa"]

RDFA = Namespace("http://www.w3.org/ns/rdfa#")
XHTML_MEDIA_TYPE = "application/xhtml+xml"
_NAMING_ATTRIBUTES = ("about", "resource", "href", "src")


class RdfaError(Exception):
    """The page could not be processed at all (the message is for the scorecard, in Dutch)."""


@dataclass(frozen=True, slots=True)
class RdfaPage:
    """The triples of one page, and what the RDFa processor had to ignore (unknown prefixes...)."""

    graph: TracedGraph
    warnings: tuple[str, ...]


def read_rdfa(body: bytes, *, base: str, media_type: str | None = None) -> RdfaPage:
    """The RDF in ``body``; RdfaError (never anything else) when it cannot be processed."""
    try:
        root = _parse(body)
        data, processor = _extract(_as_dom(root), base, media_type)
    except RdfaError:
        raise
    except Exception as error:
        # Whatever the page holds (attribute values rdflib refuses, nesting too deep for
        # pyRdfa's recursion), the vendor gets a finding, never a crashed run.
        reason = f"{type(error).__name__}: {error}"[:300]
        raise RdfaError(f"geen verwerkbare HTML+RDFa: {reason}") from None
    graph = TracedGraph(triples=list(data))
    graph.node_pointers = _subject_paths(root, graph, base)
    return RdfaPage(graph=graph, warnings=_warnings(processor))


def _parse(body: bytes) -> _Element:
    # UTF-8 first (what every current publication uses); other bytes are left to libxml2,
    # which honours a <meta charset> and otherwise reads Latin-1.
    try:
        text: str | bytes = body.decode("utf-8")
    except UnicodeDecodeError:
        text = body
    try:
        return lxml.html.document_fromstring(text)
    except ParserError:
        # lxml's only complaint: not a single element (empty, or only a comment or a doctype).
        raise RdfaError("geen HTML: het document bevat geen enkel element") from None


def _as_dom(root: _Element) -> Document:
    """The lxml tree as the minidom DOM pyRdfa works on (comments left out)."""
    dom: Document = getDOMImplementation().createDocument(None, None, None)
    top = _element(dom, root)
    dom.appendChild(top)
    _copy_children(dom, root, top)
    return dom


def _element(dom: Document, source: _Element) -> Element:
    element = dom.createElement(str(source.tag))
    for name, value in source.attrib.items():
        element.setAttribute(str(name), str(value))
    return element


def _copy_children(dom: Document, source: _Element, target: Element) -> None:
    # Recursion is bounded: libxml2 nests at most 256 levels deep.
    if source.text:
        target.appendChild(dom.createTextNode(source.text))
    for child in source:
        if isinstance(child.tag, str):
            element = _element(dom, child)
            target.appendChild(element)
            _copy_children(dom, child, element)
        if child.tail:
            target.appendChild(dom.createTextNode(child.tail))


def _extract(dom: Document, base: str, media_type: str | None) -> tuple[Graph, Graph]:
    options = Options(output_processor_graph=True, vocab_expansion=False, embedded_rdf=False)
    options.host_language = (
        HostLanguage.xhtml5 if media_type == XHTML_MEDIA_TYPE else HostLanguage.html5
    )
    data, processor = Graph(), Graph()
    pyRdfa(options, base=base, rdfa_version="1.1").graph_from_DOM(dom, data, processor)
    return data, processor


def _warnings(processor: Graph) -> tuple[str, ...]:
    """The processor's errors and warnings, each once (pyRdfa repeats one per element)."""
    messages = {
        str(processor.value(node, DCTERMS.description))
        for kind in (RDFA.Error, RDFA.Warning)
        for node in processor.subjects(RDF.type, kind)
    }
    return tuple(sorted(messages))


def _subject_paths(root: _Element, graph: TracedGraph, base: str) -> dict[Node, str]:
    subjects = {subject for subject, _, _ in graph.triples if isinstance(subject, URIRef)}
    tree = root.getroottree()
    found: dict[Node, str] = {}
    for element in root.iter():
        for attribute in _NAMING_ATTRIBUTES:
            value = element.get(attribute)
            if value is None:
                continue
            node = URIRef(urljoin(base, value.strip()))
            if node in subjects and node not in found:
                found[node] = tree.getpath(element)
    return found
