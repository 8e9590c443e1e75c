"""The direct JSON-LD reader against the traced pyld path: same graph, same pointers, same
contexts, on every JSON-LD document of the shared examples, on the reference vendor's pages, and
on generated variations of them; and `Unsupported` for what it leaves to pyld."""

from __future__ import annotations

import copy
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Literal
from rdflib.term import Node

from interop_lab.payloads.jsonld import to_rdf, traced_to_rdf
from interop_lab.payloads.jsonld_direct import Unsupported, read_direct
from interop_lab.payloads.traced import TracedGraph
from interop_lab.reference import IpdcFeed

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def _parses(path: Path) -> bool:
    try:
        json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return False  # a few examples are not JSON at all: the JSON reader's tests cover those
    return True


EXAMPLES = sorted(
    path
    for folder in ("peers", "oslo")
    for pattern in ("**/examples/**/*.json", "**/examples/**/*.jsonld", "**/*ldes-page*.jsonld")
    for path in (SHARED / folder).glob(pattern)
    if _parses(path)
)
BASE = "http://vendor.test/feed?page=1"


@cache
def _index() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in os.environ.get("INTEROP_LAB_ARTEFACTS", "").split(os.pathsep):
        index = Path(folder) / "index.json"
        if index.is_file():
            entries = json.loads(index.read_text(encoding="utf-8"))["artefacts"]
            for url, entry in entries.items():
                found.setdefault(url, Path(folder) / entry["path"])
    assert found, "no artefact mirror: set INTEROP_LAB_ARTEFACTS"
    return found


class Pinned:
    """A context source over every mirror folder (one object, so the reader's memo is reused)."""

    @cache  # noqa: B019 - one instance for the whole module
    def document(self, url: str) -> Any | None:
        path = _index().get(url)
        if path is None or path.suffix not in (".json", ".jsonld"):
            return None
        return json.loads(path.read_text(encoding="utf-8"))


PINNED = Pinned()


def _identity(node: Node, graph: TracedGraph) -> str:
    # Blank nodes differ in label between the two readers: a blank node is its JSON pointer.
    if isinstance(node, BNode):
        return f"_:{graph.node_pointers.get(node)}"
    return str(node)


def _view(graph: TracedGraph) -> dict[str, Any]:
    return {
        "nodes": {(_identity(n, graph), p) for n, p in graph.node_pointers.items()},
        "properties": {
            (_identity(n, graph), iri, p) for (n, iri), p in graph.property_pointers.items()
        },
        "contexts": graph.contexts,
        "dropped": graph.dropped_keys,
        "types": graph.undefined_types,
        "unpinned": graph.unpinned_contexts,
    }


def _triples(graph: TracedGraph) -> set[tuple[Any, ...]]:
    """The triples, each blank node named by its JSON pointer (stricter than isomorphism)."""

    def term(node: Node) -> Any:
        if isinstance(node, Literal):
            return (str(node), node.datatype, node.language)
        return _identity(node, graph)

    return {tuple(term(node) for node in triple) for triple in graph.triples}


def assert_same_reading(data: Any, base: str = BASE) -> bool:
    """True when the direct reader read ``data`` (and then exactly as pyld did), False when it
    left it to pyld."""
    try:
        direct = read_direct(copy.deepcopy(data), base=base, contexts=PINNED.document).result
    except Unsupported:
        return False  # to_rdf hands the document to pyld
    traced = traced_to_rdf(copy.deepcopy(data), base=base, contexts=PINNED.document)
    assert len(direct.triples) == len(set(direct.triples))
    assert _triples(direct) == _triples(traced)
    assert _view(direct) == _view(traced)
    return True


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(SHARED)))
def test_every_shared_example_reads_as_pyld_reads_it(path: Path) -> None:
    assert_same_reading(_load(path))


def test_the_direct_reader_takes_most_real_examples() -> None:
    # Else the test above would pass by leaving everything to pyld.
    read = [path.name for path in EXAMPLES if assert_same_reading(_load(path))]

    # The others have findings (dropped keys, unpinned contexts): pyld's path reports those.
    assert len(EXAMPLES) >= 40
    assert len(read) >= 15, read
    assert {"page-0.json", "page-1.json", "page-2.json", "instance-published.json"} <= set(read)


@pytest.mark.parametrize("lean", [False, True])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_reference_feed_pages_read_directly_as_pyld_reads_them(lean: bool, seed: int) -> None:
    defects = ("missing-title", "wrong-datatype") if lean else ("missing-title", "bad-email")
    feed = IpdcFeed(members=60, page_size=20, seed=seed, lean=lean, defects=defects)

    for index in range(feed.page_count()):
        assert assert_same_reading(feed.page(index, "http://vendor.test"))


def test_to_rdf_falls_back_to_pyld_and_its_findings() -> None:
    page = IpdcFeed(members=4, page_size=4, defects=("undefined-key",)).page(0, "http://v.test")

    with pytest.raises(Unsupported, match="opmerkingIntern"):
        read_direct(page, base=BASE, contexts=PINNED.document)
    graph = to_rdf(page, base=BASE, contexts=PINNED.document)

    assert [finding.subject for finding in graph.dropped_keys] == ["opmerkingIntern"]


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ({"@context": "https://unpinned.test/ctx.jsonld", "@id": "http://a"}, "loading remote"),
        ({"@context": {"x": {"@id": "http://x", "@container": "@list"}}, "x": [1]}, "@list"),
        ({"@context": {"x": {"@reverse": "http://x"}}, "x": {"@id": "http://b"}}, "reverse"),
        ({"@id": "http://a", "http://p": {"@context": {}, "@id": "http://b"}}, "embedded"),
        ({"@id": "http://a", "@graph": [{"@id": "http://b"}]}, "@graph"),
        ({"@id": "http://a", "http://p": {"@value": "x", "@direction": "ltr"}}, "@direction"),
        ({"@id": "http://a", "http://p": {"@list": [1]}}, "@list"),
        ({"@id": "http://a b", "http://p": 1}, "absolute IRI"),
        ({"@id": "http://a", "undefined": 1}, "dropped"),
        ({"@id": "http://a", "@type": "Undefined"}, "undefined"),
    ],
)
def test_features_left_to_pyld(document: dict[str, Any], reason: str) -> None:
    with pytest.raises(Unsupported, match=reason):
        read_direct(document, base="", contexts=PINNED.document)


def test_scalars_read_as_pyld_converts_them() -> None:
    document = {
        "@id": "http://a",
        "http://p/int": [0, -7, 10**22],
        "http://p/float": [1.5, 1e-7, 2.0],
        "http://p/bool": [True, False],
        "http://p/typed": {"@value": 3, "@type": "http://www.w3.org/2001/XMLSchema#double"},
        "http://p/text": [{"@value": "x", "@language": "NL-be"}, "y", {"@value": "z"}],
    }

    assert assert_same_reading(document, base="")


_PAGE = IpdcFeed(members=6, page_size=6).page(0, "http://vendor.test")
_KEYS = sorted({key for member in _PAGE["member"] for key in member})
_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**22), 10**22),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
    st.sampled_from(["http://x.test/a", "_:b1", "Lokaal", "nl", "Burger", "@id"]),
    st.dictionaries(
        st.sampled_from(["nl", "en", "@none", "nl-BE-x-formal", "x y"]), st.text(max_size=4)
    ),
    st.lists(st.text(max_size=4), max_size=3),
)


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.sampled_from(_KEYS), _VALUES),
        min_size=1,
        max_size=4,
    )
)
def test_mutated_pages_read_as_pyld_reads_them_or_are_left_to_it(
    changes: list[tuple[int, str, Any]],
) -> None:
    page = copy.deepcopy(_PAGE)
    for member, key, value in changes:
        page["member"][member][key] = value

    # What the direct reader reads, pyld reads the same; a document pyld refuses, it leaves.
    assert_same_reading(page)


def test_pointers_made_on_first_use_name_the_same_blank_nodes() -> None:
    page = IpdcFeed(members=6, page_size=6, defects=("bad-email",)).page(0, "http://v.test")
    eager = to_rdf(copy.deepcopy(page), base=BASE, contexts=PINNED.document)
    lazy = to_rdf(copy.deepcopy(page), base=BASE, contexts=PINNED.document, again=lambda: page)
    blank = next(s for s, _, _ in lazy.triples if isinstance(s, BNode))

    assert lazy.trace is not None
    assert not lazy.node_pointers
    assert not lazy.property_pointers
    pointer = lazy.pointer_of(blank)

    assert lazy.trace is None
    assert pointer is not None
    assert pointer.startswith("/member/")
    assert blank in lazy.node_pointers  # the second reading labelled the node the same way
    assert _view(lazy) == _view(eager)
