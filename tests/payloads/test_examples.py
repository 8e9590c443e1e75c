"""Differential tests on the real IPDC-LPDC examples: the lab's tracing converter gives the same
graph as plain pyld, and every node's pointer leads back to the JSON object it came from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from pyld import jsonld
from rdflib import BNode, Graph, URIRef
from rdflib.compare import isomorphic

from interop_lab.payloads.jsonld import to_rdf

if TYPE_CHECKING:
    from conftest import Mirror

EXAMPLES = Path(__file__).resolve().parents[2].parent / "shared/peers/ipdc-lpdc/examples"
PATTERNS = (
    "instancesnapshot-ldes/page-*.json",
    "conceptsnapshot-ldes/page-*.json",
    "instance-data/*.jsonld",
    "shacl-test-data/instances/*.json",
)
FILES = sorted(path for pattern in PATTERNS for path in EXAMPLES.glob(pattern))
BASE = "http://ipdc-stub/doc/examples"


def example_id(path: Path) -> str:
    return str(path.relative_to(EXAMPLES))


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def resolve_pointer(document: Any, pointer: str) -> Any:
    """RFC 6901 evaluation: '' is the whole document, ~1 is '/', ~0 is '~'."""
    value = document
    if pointer == "":
        return value
    assert pointer.startswith("/"), pointer
    for token in pointer[1:].split("/"):
        key = token.replace("~1", "/").replace("~0", "~")
        value = value[int(key)] if isinstance(value, list) else value[key]
    return value


def expanded_id(document: Any, identifier: str, mirror: Mirror) -> str:
    """``identifier`` as JSON-LD expands an ``@id`` under the document's top-level context."""
    context = document.get("@context", {}) if isinstance(document, dict) else {}
    probe = {"@context": context, "@id": identifier, "http://probe.test/p": 1}
    options = {"base": BASE, "documentLoader": mirror.pyld_loader}
    return str(jsonld.expand(probe, options)[0]["@id"])


pytestmark = pytest.mark.skipif(not FILES, reason=f"no IPDC-LPDC examples under {EXAMPLES}")


def test_all_four_example_sets_are_present() -> None:
    found = {pattern: any(EXAMPLES.glob(pattern)) for pattern in PATTERNS}

    assert found == dict.fromkeys(PATTERNS, True)


@pytest.mark.parametrize("path", FILES, ids=example_id)
def test_triples_are_isomorphic_to_plain_pyld(path: Path, mirror: Mirror) -> None:
    document = load(path)

    traced = to_rdf(document, base=BASE, contexts=mirror.document)
    ours = Graph()
    for triple in traced.triples:
        ours.add(triple)
    options = {
        "base": BASE,
        "documentLoader": mirror.pyld_loader,
        "format": "application/n-quads",
    }
    reference = Graph().parse(data=jsonld.to_rdf(load(path), options), format="nt")

    assert len(traced.triples) == len(ours)  # no triple twice
    assert len(ours) == len(reference)
    assert isomorphic(ours, reference)


@pytest.mark.parametrize("path", FILES, ids=example_id)
def test_every_node_pointer_resolves_to_its_json_object(path: Path, mirror: Mirror) -> None:
    document = load(path)

    traced = to_rdf(document, base=BASE, contexts=mirror.document)

    subjects = {subject for subject, _, _ in traced.triples}
    assert subjects <= traced.node_pointers.keys()
    for node, pointer in traced.node_pointers.items():
        target = resolve_pointer(document, pointer)
        assert isinstance(target, dict), (node, pointer)
        identifier = target.get("@id")
        if isinstance(node, URIRef) and identifier is not None:
            assert expanded_id(document, identifier, mirror) == str(node), pointer
        if isinstance(node, BNode):
            assert identifier is None or identifier.startswith("_:"), pointer


@pytest.mark.parametrize("path", FILES, ids=example_id)
def test_unpinned_contexts_of_the_examples_are_named(path: Path, mirror: Mirror) -> None:
    document = load(path)
    declared = document.get("@context", []) if isinstance(document, dict) else []
    remote = [declared] if isinstance(declared, str) else list(declared)

    traced = to_rdf(document, base=BASE, contexts=mirror.document)

    assert traced.unpinned_contexts == [url for url in remote if url not in mirror.index]
    assert traced.contexts == [url for url in remote if url in mirror.index]
