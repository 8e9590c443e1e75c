"""Shared by the checks: how many findings a failure lists, and how it says so."""

from __future__ import annotations

from collections.abc import Sequence

from interop_lab.crawl import Crawl, Page
from interop_lab.model.errors import CantTell, Failure
from interop_lab.model.outcomes import Location

MAX_LOCATIONS = 200


def fail(
    message: str, locations: Sequence[Location], *, expected: str, received: str | None = None
) -> None:
    """Raise one Failure for all findings of a check, when there are any."""
    if not locations:
        return
    count = len(locations)
    summary = received or (f"{count} afwijking" if count == 1 else f"{count} afwijkingen")
    raise Failure(
        message, expected=expected, received=summary, locations=tuple(locations[:MAX_LOCATIONS])
    )


def readable_pages(crawl: Crawl) -> list[Page]:
    """Pages whose payload was read; no such page means there is nothing to judge."""
    pages = [
        page for page in crawl.pages if page.payload is not None and page.payload.error is None
    ]
    if not pages:
        raise CantTell(
            "geen enkele pagina kon gelezen worden, dus deze regel kan niet beoordeeld worden"
        )
    return pages
