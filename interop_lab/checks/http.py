"""L1 checks on HTTP behaviour: every page answers, with an RDF media type, and can be read."""

from __future__ import annotations

from collections.abc import Collection

from interop_lab.checks.common import fail
from interop_lab.crawl import Crawl, Page
from interop_lab.model.errors import CantTell
from interop_lab.model.outcomes import Location


def pages_answer(crawl: Crawl) -> None:
    """Every page the crawl reached answered with HTTP 2xx."""
    if not crawl.pages:
        raise CantTell("de crawl heeft geen enkele pagina opgehaald")
    problems = [
        Location(url=page.url, value=_answer(page)) for page in crawl.pages if not page.fetched.ok
    ]
    fail(
        "niet elke pagina is bereikbaar",
        problems,
        expected="elke pagina antwoordt met HTTP 200",
        received="; ".join(f"{p.url}: {p.value}" for p in problems[:5]),
    )


def media_types(crawl: Crawl, accepted: Collection[str]) -> None:
    """Every page is served with one of the suite's media types."""
    problems = [
        Location(url=page.url, value=page.fetched.header("content-type") or "(geen Content-Type)")
        for page in crawl.pages
        if page.fetched.ok and page.fetched.media_type not in accepted
    ]
    fail(
        "pagina's worden met een verkeerd mediatype geserveerd",
        problems,
        expected=f"Content-Type {' of '.join(sorted(accepted))}",
        received="; ".join(f"{p.url}: {p.value}" for p in problems[:5]),
    )


def payloads_readable(crawl: Crawl) -> None:
    """Every page that answered can be read in its syntax (JSON-LD, Turtle...); a page the lab's
    own reader failed on cannot be judged."""
    unread = [p for p in crawl.pages if p.payload is not None and p.payload.error is not None]
    problems = [
        Location(url=page.url, value=page.payload.error)
        for page in unread
        if page.payload is not None and not page.payload.lab_fault
    ]
    if unread and not problems:
        first = unread[0]
        raise CantTell(
            f"het lab kon {len(unread)} pagina('s) niet lezen door een fout in zijn JSON-LD-"
            f"verwerker, dus niet beoordelen of ze geldig zijn: {first.url}: "
            f"{first.payload.error if first.payload else ''}"
        )
    fail(
        "niet elke pagina is leesbaar",
        problems,
        expected="geldige JSON-LD of RDF",
        received="; ".join(f"{p.url}: {p.value}" for p in problems[:5]),
    )


def _answer(page: Page) -> str:
    if page.fetched.error is not None:
        return page.fetched.error.message
    return f"HTTP {page.fetched.status}"
