"""What two validations must agree on: results per constraint as multisets, focus counts, and
the results no constraint claims (messages are not compared)."""

from __future__ import annotations

from collections import Counter

from interop_lab.validation.shacl import ShaclResult, Validation


def comparable(validation: Validation) -> tuple[object, ...]:
    def seen(results: list[ShaclResult]) -> Counter[tuple[object, ...]]:
        return Counter((r.focus, r.path, r.value) for r in results)

    grouped = {key: seen(results) for key, results in validation.results.items()}
    return grouped, validation.focus_counts, seen(validation.unmatched)
