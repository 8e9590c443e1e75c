"""Fixtures for the payload tests: the artefact mirror as an offline context source, and a
loopback HTTP server that counts the requests it gets (a context must never be fetched)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.loopback import StaticServer
from tests.mirror import oslo_mirror


@dataclass
class Mirror:
    """The artefact mirror (``INTEROP_LAB_ARTEFACTS``): its index maps URL -> {path, sha256}."""

    folder: Path
    index: dict[str, dict[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index = json.loads((self.folder / "index.json").read_text())["artefacts"]

    def document(self, url: str) -> Any | None:
        """The pinned JSON document of ``url``: the lab's ContextSource over the mirror."""
        entry = self.index.get(url)
        if entry is None:
            return None
        return json.loads((self.folder / entry["path"]).read_text(encoding="utf-8"))

    def pyld_loader(self, url: str, options: Any = None) -> dict[str, Any]:
        """A pyld document loader over the same index; unpinned URLs read as an empty context,
        exactly as the lab treats them (never fetched)."""
        document = self.document(url)
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": {"@context": {}} if document is None else document,
        }


@pytest.fixture(scope="session")
def mirror() -> Mirror:
    return Mirror(oslo_mirror())


@pytest.fixture
def context_server() -> Iterator[StaticServer]:
    """Serves a context that would define ``naam``: if the lab fetched it, terms would resolve."""
    context = json.dumps({"@context": {"naam": "http://purl.org/dc/terms/title"}}).encode()
    server = StaticServer({})
    for path in ("/context.jsonld", "/import.jsonld", "/inner.jsonld"):
        server.answer(path, 200, context, "application/ld+json")
    yield server
    server.close()
