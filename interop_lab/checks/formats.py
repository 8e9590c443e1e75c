"""L1 checks on documents asked in several RDF syntaxes: each answer names what was asked.

The same URL is asked once per media type (the crawl, then one probe per syntax), so a finding
names the URL *and* the media type asked: a document that is fine as JSON-LD and broken as Turtle
must say which of the two is broken.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from interop_lab.checks.common import fail
from interop_lab.crawl import Page
from interop_lab.model.errors import CantTell
from interop_lab.model.outcomes import Location


@dataclass(frozen=True, slots=True)
class Asked:
    """One answer and the media type the lab asked for; None: the crawl's own preference."""

    accept: str | None
    page: Page

    @property
    def label(self) -> str:
        """What was asked, for a finding: the media type, or what the crawl got."""
        return self.accept or self.page.fetched.media_type or "(geen Content-Type)"


def answered(asked: Sequence[Asked]) -> None:
    """Every request answered with HTTP 2xx, in every syntax asked."""
    _something(asked)
    problems = [
        Location(url=a.page.url, value=f"{a.label}: {_answer(a.page)}")
        for a in asked
        if not a.page.fetched.ok
    ]
    fail(
        "niet elk document is bereikbaar in elk gevraagd formaat",
        problems,
        expected="HTTP 200 voor elk document, in elk formaat",
        received=_summary(problems),
    )


def served_as_asked(asked: Sequence[Asked], media_types: Collection[str]) -> None:
    """Each answer has the Content-Type asked for (the crawl's: one of ``media_types``)."""
    _something(asked)
    problems = [
        Location(url=a.page.url, value=f"gevraagd {a.label}, kreeg {_content_type(a.page)}")
        for a in asked
        if a.page.fetched.ok and not _as_asked(a, media_types)
    ]
    fail(
        "documenten komen niet in het gevraagde formaat",
        problems,
        expected=f"Content-Type zoals gevraagd: {', '.join(sorted(media_types))}",
        received=_summary(problems),
    )


def readable(asked: Sequence[Asked]) -> None:
    """Every answer can be read as RDF in its syntax; a finding names the media type."""
    _something(asked)
    problems = [
        Location(url=a.page.url, value=f"{a.label}: {a.page.payload.error}")
        for a in asked
        if a.page.payload is not None and a.page.payload.error is not None
    ]
    fail(
        "niet elk document is leesbare RDF",
        problems,
        expected="geldige RDF in elk formaat dat het document aanbiedt",
        received=_summary(problems),
    )


def _as_asked(asked: Asked, media_types: Collection[str]) -> bool:
    served = asked.page.fetched.media_type
    return served == asked.accept if asked.accept else served in media_types


def _something(asked: Sequence[Asked]) -> None:
    if not asked:
        raise CantTell("er is geen enkel document opgehaald")


def _content_type(page: Page) -> str:
    return page.fetched.header("content-type") or "(geen Content-Type)"


def _answer(page: Page) -> str:
    if page.fetched.error is not None:
        return page.fetched.error.message
    return f"HTTP {page.fetched.status}"


def _summary(problems: Sequence[Location]) -> str:
    return "; ".join(f"{p.url} ({p.value})" for p in problems[:5])
