"""The defect switches of the reference vendor: typical ways real IPDC feeds go wrong.

Each defect changes as little as possible, always in the same place, so a test can name the one
finding it expects. Data defects hit one member: the first member of the second page
(pageNumber=1), or member 0 when the feed has a single page. Transport defects hit the second page
(pageNumber=1) or every page; on a single-page feed the second-page ones have nothing to hit.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from types import MappingProxyType
from typing import Any

__all__ = [
    "IPDC_DEFECTS",
    "SECOND_PAGE",
    "check_defects",
    "damage_member",
    "page_failure",
    "served_content_type",
]

IPDC_DEFECTS: Mapping[str, str] = MappingProxyType(
    {
        "missing-title": "one member has no naam (dct:title, sh:minCount 1)",
        "wrong-datatype": 'one member\'s creatie is "gisteren", not an xsd:dateTime',
        "undefined-key": "one member has a key opmerkingIntern that no context defines "
        "(JSON-LD silently drops it)",
        "wrong-content-type": "every page is served as text/plain instead of application/ld+json",
        "page-404": "the second page (pageNumber=1) answers 404 Not Found",
        "page-500": "the second page (pageNumber=1) answers 500 Internal Server Error",
        "relation-cycle": "the last page has a GreaterThanOrEqualToRelation back to page 0",
        "never-answers": "requests for the second page (pageNumber=1) never get an answer",
        "remote-context": "pages also reference the unpinned context "
        "http://127.0.0.1/onbekend/context.jsonld",
        "bad-email": 'one contact point has the e-mail "info(at)gemeente" (sh:pattern)',
        "invalid-json": "the second page (pageNumber=1) body is truncated, invalid JSON",
    }
)

SECOND_PAGE = 1
# When several transport defects hit the same page, the one that leaves the least of the
# response wins: no answer, then an error status, then a truncated body.
_PAGE_FAILURES = ("never-answers", "page-404", "page-500", "invalid-json")


def check_defects(
    defects: Collection[str], known: Mapping[str, str] = IPDC_DEFECTS
) -> frozenset[str]:
    """The defect names as a set; ValueError naming the known ones if any is unknown."""
    chosen = frozenset(defects)
    unknown = sorted(chosen - known.keys())
    if unknown:
        names = ", ".join(sorted(known))
        raise ValueError(f"unknown defect(s) {', '.join(unknown)}; known defects: {names}")
    return chosen


def damage_member(member: dict[str, Any], defects: frozenset[str]) -> None:
    """Apply the data defects to the one member they target (in place)."""
    if "missing-title" in defects:
        del member["naam"]
    if "wrong-datatype" in defects:
        member["creatie"] = "gisteren"
    if "undefined-key" in defects:
        member["opmerkingIntern"] = "Nog na te kijken door de dienst Burgerzaken."
    if "bad-email" in defects:
        member["contactgegevens"][0]["email"] = "info(at)gemeente"


def page_failure(defects: frozenset[str], page_index: int) -> str | None:
    """The transport defect that the request for page `page_index` runs into, if any."""
    if page_index != SECOND_PAGE:
        return None
    return next((name for name in _PAGE_FAILURES if name in defects), None)


def served_content_type(defects: frozenset[str]) -> str:
    """Content-Type of the pages; JSON-LD has no charset parameter (it is always UTF-8)."""
    if "wrong-content-type" in defects:
        return "text/plain; charset=utf-8"
    return "application/ld+json"
