"""L2 - correcte JSON-LD met de officiële contexten (de gedeelde JSON-LD-tests).

Officieel zijn de context van het applicatieprofiel en die van de Basisregisters-lijsten.
"""

from __future__ import annotations

from conformance_suites.common.jsonld_tests import (
    test_defined_types,
    test_no_dropped_keys,
    test_official_context,
    test_unique_keys,
)

__all__ = [
    "test_defined_types",
    "test_no_dropped_keys",
    "test_official_context",
    "test_unique_keys",
]
