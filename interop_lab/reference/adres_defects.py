"""The defect switches of the reference address register: typical ways address APIs go wrong.

Each changes as little as possible, always in the same place, so a test can name the one finding
it expects. Data defects hit one address: the first one of the second list page (the first
address when there is one page). Page defects hit the second list page.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

__all__ = ["ADRES_DEFECTS", "damage_address", "page_failure"]

ADRES_DEFECTS: Mapping[str, str] = MappingProxyType(
    {
        "missing-postinfo": "one address has no heeftPostinfo (adres:heeftPostinfo, sh:minCount 1)",
        "wrong-datatype": 'one address\'s officieelToegekend is "ja", not an xsd:boolean',
        "undefined-key": "one address has a key opmerkingIntern that its context does not define",
        "wrong-content-type": "every document is served as text/plain",
        "page-404": "the second list page answers 404 Not Found",
        "page-500": "the second list page answers 500 Internal Server Error",
        "paging-loop": "the last list page's volgende points back to the first page",
        "never-answers": "requests for the second list page never get an answer",
        "no-negotiation": "every answer is JSON-LD, whatever the Accept header asks for",
        "plain-404": "an unknown address answers 404 as an HTML page, not problem+json",
        "id-not-dereferenceable": "an address's @id (/id/adres/...) answers 404",
    }
)

# When several page defects are on, the one that leaves the least of the response wins.
_PAGE_FAILURES = ("never-answers", "page-404", "page-500")


def damage_address(address: dict[str, Any], defects: frozenset[str]) -> None:
    """Apply the data defects to the one address they target (in place)."""
    if "missing-postinfo" in defects:
        del address["BelgischAdres.heeftPostinfo"]
    if "wrong-datatype" in defects:
        address["BelgischAdres.officieelToegekend"] = {"@value": "ja", "@type": "Boolean"}
    if "undefined-key" in defects:
        address["opmerkingIntern"] = "Huisnummer nog na te kijken op het terrein."


def page_failure(defects: frozenset[str], page_index: int) -> str | None:
    """The page defect the request for list page ``page_index`` runs into, if any."""
    if page_index != 1:
        return None
    return next((name for name in _PAGE_FAILURES if name in defects), None)
