"""The submission shapes (shacl-submission.ttl) on broken submissions, as the lab stores them: the
lab's SHACL engine gives exactly pySHACL's results (no shared example breaks these shapes, so the
engine's differential tests compare them here)."""

from __future__ import annotations

import json
from typing import Any

from rdflib import Graph

from interop_lab.payloads.read import read_payload
from interop_lab.serve.stored import enrich
from interop_lab.validation import validate, validate_fast
from interop_lab.validation.engine import supported
from tests.serve.publication import real_example
from tests.suite_artefacts import suite_artefacts
from tests.validation.compare import comparable

SUITE = "lokaal-beslist-melding"


def _stored(body: dict[str, Any]) -> list[Any]:
    artefacts = suite_artefacts(SUITE)
    enriched = enrich(body, "2026-01-02T03:04:05Z")
    payload = read_payload(
        json.dumps(enriched).encode(),
        url="http://127.0.0.1:8810/melding?inzending=1",
        media_type="application/ld+json",
        contexts=artefacts.context,
    )
    assert payload.error is None
    return list(payload.graph.triples)


def test_broken_submissions_give_pyshacls_results() -> None:
    artefacts = suite_artefacts(SUITE)
    (shape_set,) = artefacts.shape_sets
    assert supported(shape_set.graph) is None  # the engine validates these shapes itself
    broken = [
        real_example("voorbeeld-body.json", publisher="cipal-schaubroeck"),  # a literal
        real_example("voorbeeld-body.json", **{"http://purl.org/dc/terms/modified": "gisteren"}),
        real_example("voorbeeld-body.json", **{"http://mu.semte.ch/vocabularies/core/uuid": 7}),
        real_example("voorbeeld-basic-auth.json"),
    ]
    data = [triple for body in broken for triple in _stored(body)]
    graph = Graph()
    for triple in data:
        graph.add(triple)
    constraints = [
        c for c in artefacts.constraints if (c.node_shape, None, None) in shape_set.graph
    ]
    slow = validate(graph, shape_set.graph, constraints)
    fast = validate_fast(iter(data), shape_set.graph, constraints)
    assert comparable(fast) == comparable(slow)
    failing = {key[0].split("/")[-1] for key, results in slow.results.items() if results}
    assert {"Submission_providedBy", "Submission_modified"} <= failing
