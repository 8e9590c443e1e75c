"""L2 checks on JSON-LD use: the official context, and no term that JSON-LD silently drops."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from interop_lab.checks.common import fail, readable_pages
from interop_lab.crawl import Crawl
from interop_lab.model.errors import Inapplicable
from interop_lab.model.outcomes import Location
from interop_lab.payloads.read import JSON_LD
from interop_lab.payloads.traced import Finding, TracedGraph


def official_context(crawl: Crawl, pinned: frozenset[str], official: Sequence[str]) -> None:
    """Every JSON-LD page refers to a pinned context (or a pinned alias), and to no other."""
    pages = [
        page for page in readable_pages(crawl) if page.payload and page.payload.syntax == JSON_LD
    ]
    if not pages:
        raise Inapplicable("geen JSON-LD-pagina's: een JSON-LD-context is niet van toepassing")
    problems = []
    for page in pages:
        graph = page.payload.graph if page.payload else None
        if graph is None:
            continue
        problems += [
            Location(url=page.url, pointer="/@context", value=url)
            for url in graph.unpinned_contexts
        ]
        if not set(graph.contexts) & pinned:
            problems.append(Location(url=page.url, pointer="/@context", value="(geen officiële)"))
    fail(
        "pagina's gebruiken niet (alleen) de officiële JSON-LD-context",
        problems,
        expected=f"een van de officiële contexten: {', '.join(official)}",
        received=", ".join(sorted({p.value or "" for p in problems})[:5]),
    )


def no_dropped_keys(crawl: Crawl) -> None:
    """No JSON key is undefined by the context (JSON-LD would drop it without a word)."""
    problems = _findings(crawl, lambda graph: graph.dropped_keys)
    fail(
        "JSON-sleutels die de context niet definieert gaan verloren bij het lezen als linked data",
        problems,
        expected="elke sleutel is gedefinieerd in de JSON-LD-context",
        received=f"niet gedefinieerd: {_names(problems)}",
    )


def defined_types(crawl: Crawl) -> None:
    """Every ``@type`` value is a term of the context or an absolute IRI."""
    problems = _findings(crawl, lambda graph: graph.undefined_types)
    fail(
        "typenamen die de context niet definieert worden relatieve IRI's",
        problems,
        expected="elk @type is een term uit de context of een absolute IRI",
        received=f"onbekende types: {_names(problems)}",
    )


def _findings(crawl: Crawl, of: Callable[[TracedGraph], list[Finding]]) -> list[Location]:
    return [
        Location(url=page.url, pointer=finding.pointer, value=finding.subject)
        for page in readable_pages(crawl)
        if page.payload
        for finding in of(page.payload.graph)
    ]


def _names(problems: list[Location]) -> str:
    return ", ".join(sorted({p.value or "" for p in problems})[:10])


def unique_keys(crawl: Crawl) -> None:
    """No JSON object repeats a key (all but the last value would be lost)."""
    problems = [
        Location(url=page.url, pointer=problem.pointer, value=problem.message)
        for page in readable_pages(crawl)
        if page.payload
        for problem in page.payload.json_problems
    ]
    fail(
        "JSON-objecten herhalen een sleutel",
        problems,
        expected="elke sleutel komt één keer voor per object",
    )
