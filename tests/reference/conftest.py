"""Fixtures for testing the reference vendor the way the lab reads a vendor: over HTTP, JSON-LD
expanded with the pinned contexts from the artefact mirror (never from the network), all pages
merged with the IPDC code lists and validated once against instantie-shape.ttl."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pyshacl
import pytest
from pyld import jsonld
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from tests.mirror import oslo_mirror

_IPDC = "ipdc-lpdc/2024-07-04-implementatiemodel"
_MAX_PAGES = 50  # a crawl guard: the relation-cycle defect would otherwise loop forever


@dataclass
class OfflineLoader:
    """pyld document loader that resolves URLs through the mirror's index.json only."""

    mirror: Path
    requested: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._index = json.loads((self.mirror / "index.json").read_text())["artefacts"]

    def pinned(self, url: str) -> bool:
        return url in self._index

    def __call__(self, url: str, options: Any = None) -> dict[str, Any]:
        self.requested.append(url)
        if not self.pinned(url):
            raise LookupError(f"{url} is not pinned in the artefact mirror")
        document = json.loads((self.mirror / self._index[url]["path"]).read_text())
        return {"contextUrl": None, "documentUrl": url, "document": document}


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    component: str
    value: str | None


@dataclass
class Lab:
    """The few lab steps the tests need: crawl, expand, convert, validate."""

    loader: OfflineLoader
    codelists: Graph
    shapes: Graph

    def crawl(self, client: httpx.Client, root: str) -> list[dict[str, Any]]:
        """Fetch the root, then follow GreaterThanOrEqualTo relations until none is left."""
        pages: list[dict[str, Any]] = []
        url: str | None = root
        while url is not None and len(pages) < _MAX_PAGES:
            response = client.get(url)
            assert response.status_code == 200, f"{url}: HTTP {response.status_code}"
            pages.append(response.json())
            url = self.next_page(pages[-1])
        return pages

    @staticmethod
    def next_page(page: dict[str, Any]) -> str | None:
        """The node of the page's GreaterThanOrEqualToRelation, if it has one."""
        relations = page["view"]["relation"]
        forward = [r["node"] for r in relations if r["@type"] == "GreaterThanOrEqualToRelation"]
        return forward[0] if forward else None

    @staticmethod
    def count_typed(graph: Graph, class_iri: str) -> int:
        return len(set(graph.subjects(RDF.type, URIRef(class_iri))))

    def dropped_keys(self, page: dict[str, Any]) -> list[str | None]:
        dropped: list[str | None] = []
        jsonld.expand(page, {"documentLoader": self.loader}, on_property_dropped=dropped.append)
        return dropped

    def graph(self, pages: list[dict[str, Any]]) -> Graph:
        graph = Graph()
        graph += self.codelists
        for page in pages:
            options = {"documentLoader": self.loader, "format": "application/n-quads"}
            # One parse per page: blank-node labels of different pages stay distinct.
            graph.parse(data=jsonld.to_rdf(page, options), format="nt")
        return graph

    def violations(self, pages: list[dict[str, Any]]) -> set[Violation]:
        _, report, _ = pyshacl.validate(
            self.graph(pages), shacl_graph=self.shapes, inference="none"
        )
        return {
            Violation(
                str(report.value(result, SH.focusNode)),
                str(report.value(result, SH.resultPath)),
                str(report.value(result, SH.sourceConstraintComponent)),
                _text(report.value(result, SH.value)),
            )
            for result in report.subjects(RDF.type, SH.ValidationResult)
        }


def _text(node: Node | None) -> str | None:
    return None if node is None else str(node)


@pytest.fixture(scope="session")
def mirror() -> Path:
    return oslo_mirror()


@pytest.fixture(scope="session")
def codelists(mirror: Path) -> Graph:
    graph = Graph()
    for path in sorted((mirror / _IPDC / "codelijsten").glob("*.ttl")):
        graph.parse(path)
    return graph


@pytest.fixture(scope="session")
def shapes(mirror: Path) -> Graph:
    return Graph().parse(mirror / _IPDC / "shacl" / "instantie-shape.ttl")


@pytest.fixture
def loader(mirror: Path) -> OfflineLoader:
    return OfflineLoader(mirror)


@pytest.fixture
def lab(loader: OfflineLoader, codelists: Graph, shapes: Graph) -> Lab:
    return Lab(loader, codelists, shapes)


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    # trust_env=False: a proxy from the environment must not see loopback traffic.
    with httpx.Client(trust_env=False, timeout=10) as http:
        yield http
