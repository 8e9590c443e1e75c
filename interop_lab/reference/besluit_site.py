"""The reference vendor of the besluit-publicatie suite: one meeting's agenda, besluitenlijst and
notulen as HTML+RDFa pages, conformant to the Lokaal Beslist shapes up to the Bonusniveau.

Each defect switch changes one thing in one place, so a test can name the one finding it expects.
Data defects hit every page that carries the damaged value; transport defects hit the
besluitenlijst (or every page, for the media type).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from http import HTTPStatus
from types import MappingProxyType
from typing import Any

from interop_lab.reference.besluit_meeting import (
    AGENDA_ITEMS,
    MEETING,
    PREFIXES,
    Damage,
    agenda_item,
    meeting_header,
    treatment,
)
from interop_lab.reference.document_site import PAGE_404, check_defects
from interop_lab.reference.site import SiteRequest, SiteResponse, problem

__all__ = ["BESLUIT_DEFECTS", "BESLUIT_FEED", "BESLUIT_PAGES", "BesluitPublicatie"]

_FOLDER = "/zittingen/2024-05-27"
AGENDA, DECISIONS, MINUTES = (
    f"{_FOLDER}/{name}.html" for name in ("agenda", "besluitenlijst", "notulen")
)
BESLUIT_PAGES = (AGENDA, DECISIONS, MINUTES)
_DOCUMENT_TYPES = {
    AGENDA: ("Agenda", "13fefad6-a9d6-4025-83b5-e4cbee3a8965"),
    DECISIONS: ("Besluitenlijst", "3fa67785-ffdc-4b30-8880-2b99d97b4dee"),
    MINUTES: ("Notulen", "8e791b27-7600-4577-b24e-c7c29e0eb773"),
}
_TYPE_BASE = "https://data.vlaanderen.be/id/concept/BesluitDocumentType/"
BESLUIT_FEED = "/ldes/publicaties"
# The feed context as the vendor documentation publishes it (the suite pins it under this alias).
_FEED_CONTEXT = "https://lblod.github.io/pages-vendors/assets/json-ld/publicatie-feed-context.json"
_PUBLISHED = "2024-05-28T09:00:00Z"

BESLUIT_DEFECTS: Mapping[str, str] = MappingProxyType(
    {
        "missing-title": "the first agenda item has no dct:title (sh:minCount 1, Niveau 1)",
        "wrong-datatype": 'the meeting\'s prov:startedAtTime is "gisteren om acht uur", not an '
        "xsd:dateTime",
        "invalid-rdfa": "the notulen do not declare the besluit: prefix, so every besluit: term "
        "on them becomes an IRI of an unknown scheme, not the Besluit vocabulary",
        "wrong-content-type": "every page is served as text/plain instead of text/html",
        PAGE_404: f"the besluitenlijst ({DECISIONS}) answers 404 Not Found",
        "page-500": f"the besluitenlijst ({DECISIONS}) answers 500 Internal Server Error",
        "never-answers": f"requests for the besluitenlijst ({DECISIONS}) never get an answer",
        "feed-without-location": "the feed's first member has no prov:atLocation "
        "(publication stream shape, sh:minCount 1)",
    }
)
_FAILURES = {PAGE_404: HTTPStatus.NOT_FOUND, "page-500": HTTPStatus.INTERNAL_SERVER_ERROR}


class BesluitPublicatie:
    """A ``Site``: deterministic pages, the same bytes for the same defects."""

    def __init__(self, defects: Collection[str] = ()) -> None:
        self.defects = check_defects(defects, BESLUIT_DEFECTS)
        self._damage = Damage(
            untitled_item=1 if "missing-title" in self.defects else None,
            start_as_text="wrong-datatype" in self.defects,
        )

    @property
    def paths(self) -> tuple[str, ...]:
        return BESLUIT_PAGES

    def answer(self, request: SiteRequest) -> SiteResponse:
        if request.path == BESLUIT_FEED:
            body = json.dumps(self.feed(request.base_url), indent=1).encode()
            return SiteResponse(200, body, {"Content-Type": "application/ld+json"})
        if request.path not in BESLUIT_PAGES:
            return problem(HTTPStatus.NOT_FOUND, f"no such document: {request.path}")
        failure = next((name for name in _FAILURES if name in self.defects), None)
        if request.path == DECISIONS and "never-answers" in self.defects:
            return SiteResponse(status=0, hang=True)
        if request.path == DECISIONS and failure is not None:
            return problem(_FAILURES[failure], f"{request.path} is not available")
        media_type = "text/plain" if "wrong-content-type" in self.defects else "text/html"
        return SiteResponse(
            status=int(HTTPStatus.OK),
            body=self.page(request.path).encode(),
            headers={"Content-Type": f"{media_type}; charset=utf-8"},
        )

    def page(self, path: str) -> str:
        """The HTML of the document at ``path``."""
        name, document_type = _DOCUMENT_TYPES[path]
        held, minutes = path != AGENDA, path == MINUTES
        damaged = minutes and "invalid-rdfa" in self.defects
        prefixes = _without_besluit() if damaged else PREFIXES
        body = [
            meeting_header(held=held, minutes=minutes, damage=self._damage),
            *(agenda_item(n, self._damage) for n in range(1, len(AGENDA_ITEMS) + 1)),
        ]
        if held:
            body += [treatment(n, minutes=minutes) for n in range(1, len(AGENDA_ITEMS) + 1)]
        return _document(name, _TYPE_BASE + document_type, prefixes, "".join(body))

    def feed(self, base_url: str) -> dict[str, Any]:
        """The publication LDES: one page, each document a member, as Lokaal Beslist asks."""
        stream = base_url + BESLUIT_FEED
        return {
            "@context": _FEED_CONTEXT,
            "id": stream,
            "type": "ldes:EventStream",
            "timestampPath": "prov:generatedAtTime",
            "versionOfPath": "dct:isVersionOf",
            "view": {"id": stream, "type": "Node"},
            "member": [self._feed_member(base_url, path) for path in BESLUIT_PAGES],
        }

    def _feed_member(self, base_url: str, path: str) -> dict[str, str]:
        member = _member(base_url, path)
        if "feed-without-location" in self.defects and path == BESLUIT_PAGES[0]:
            del member["atLocation"]
        return member


def _member(base_url: str, path: str) -> dict[str, str]:
    return {
        "id": f"{base_url}{BESLUIT_FEED}/leden{path.removesuffix('.html')}/1",
        "type": "foaf:Document",
        "isVersionOf": base_url + path.removesuffix(".html"),
        "dctType": _TYPE_BASE + _DOCUMENT_TYPES[path][1],
        "atLocation": base_url + path,
        "generatedAtTime": _PUBLISHED,
    }


def _without_besluit() -> str:
    words = PREFIXES.split()
    start = words.index("besluit:")
    return " ".join(words[:start] + words[start + 2 :])


def _document(name: str, document_type: str, prefixes: str, meeting: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="nl" prefix="{prefixes}">\n<head><meta charset="utf-8">'
        f"<title>{name} gemeenteraad Voorbeeldegem 27 mei 2024</title></head>\n<body>\n"
        f'<div resource="" typeof="foaf:Document {document_type}">'
        f"<h1>{name} van de gemeenteraad van 27 mei 2024</h1></div>\n"
        f'<div resource="{MEETING}" typeof="besluit:Zitting">{meeting}</div>\n</body>\n</html>\n'
    )
