"""What two validations must agree on (results per constraint as multisets, focus counts, the
results no constraint claims; messages are not compared), and the prefixes of test shapes."""

from __future__ import annotations

from collections import Counter

from interop_lab.validation.shacl import ShaclResult, Validation

PREFIXES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://ex.test/> .
"""


def comparable(validation: Validation) -> tuple[object, ...]:
    def seen(results: list[ShaclResult]) -> Counter[tuple[object, ...]]:
        return Counter((r.focus, r.path, r.value) for r in results)

    grouped = {key: seen(results) for key, results in validation.results.items()}
    return grouped, validation.focus_counts, seen(validation.unmatched)
