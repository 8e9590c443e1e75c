"""A reference vendor that publishes a few documents (JSON-LD or Turtle) at fixed paths.

Suites whose endpoint role is a list of documents (mandatendatabank, organisatie-basis) build
their documents and serve them with a ``DocumentSite``. A path the site announces but does not
serve answers 404, which is how such a vendor's "page-404" defect is made.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from interop_lab.reference.site import SiteRequest, SiteResponse, problem

JSON_LD = "application/ld+json"
TURTLE = "text/turtle"
PAGE_404 = "page-404"


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    media_type: str
    body: bytes

    @classmethod
    def json_ld(cls, path: str, data: Mapping[str, Any]) -> Document:
        return cls(path, JSON_LD, json.dumps(data, ensure_ascii=False, indent=1).encode())

    @classmethod
    def turtle(cls, path: str, text: str) -> Document:
        return cls(path, TURTLE, text.encode())


class DocumentSite:
    """Serves its documents by path; ``hidden`` paths are announced but answer 404."""

    def __init__(self, documents: Sequence[Document], hidden: Collection[str] = ()) -> None:
        self._documents = {d.path: d for d in documents if d.path not in hidden}
        self.paths = tuple(d.path for d in documents)

    def answer(self, request: SiteRequest) -> SiteResponse:
        document = self._documents.get(request.path)
        if document is None:
            return problem(HTTPStatus.NOT_FOUND, f"no such document: {request.path}")
        return SiteResponse(
            status=int(HTTPStatus.OK),
            body=document.body,
            headers={"Content-Type": document.media_type},
        )


def check_defects(defects: Collection[str], known: Mapping[str, str]) -> frozenset[str]:
    """The defect names as a set; ValueError naming the known ones if any is unknown."""
    chosen = frozenset(defects)
    unknown = sorted(chosen - known.keys())
    if unknown:
        raise ValueError(f"unknown defect(s) {', '.join(unknown)}; known: {', '.join(known)}")
    return chosen
