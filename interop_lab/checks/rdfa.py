"""Checks on HTML+RDFa pages: each one says something in RDFa, and nothing of it gets lost."""

from __future__ import annotations

from interop_lab.checks.common import fail, readable_pages
from interop_lab.crawl import Crawl
from interop_lab.model.outcomes import Location


def pages_have_triples(crawl: Crawl) -> None:
    """Every page that could be read yields at least one RDF triple."""
    problems = [
        Location(url=page.url, value="0 triples")
        for page in readable_pages(crawl)
        if page.payload is not None and not page.payload.graph.triples
    ]
    fail(
        "pagina's zonder RDFa-annotaties",
        problems,
        expected="elke pagina bevat RDFa-annotaties (minstens één triple)",
        received="geen triples op " + ", ".join(p.url for p in problems[:5]),
    )


def terms_understood(crawl: Crawl) -> None:
    """The RDFa processor had to ignore nothing: every prefix is declared, every term known."""
    problems = [
        Location(url=page.url, value=warning)
        for page in readable_pages(crawl)
        if page.payload is not None
        for warning in page.payload.rdfa_warnings
    ]
    fail(
        "het RDFa-verwerkingsprogramma moest annotaties negeren, die gaan dus verloren",
        problems,
        expected="elke CURIE gebruikt een gedeclareerd prefix en elke term is gekend",
        received="; ".join(f"{p.url}: {p.value}" for p in problems[:3]),
    )
