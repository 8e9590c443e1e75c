"""L4 - goede REST-praktijk: inhoudsonderhandeling, problem+json, opvraagbare identificatoren,
cachebare antwoorden (de gedeelde collectietests)."""

from __future__ import annotations

from conformance_suites.common.collection_tests import (
    test_ids_dereference,
    test_items_describe_themselves,
    test_negotiates_json,
    test_negotiates_jsonld,
    test_pages_cacheable,
    test_unknown_item_is_a_problem,
    test_unsupported_accept,
)

__all__ = [
    "test_ids_dereference",
    "test_items_describe_themselves",
    "test_negotiates_json",
    "test_negotiates_jsonld",
    "test_pages_cacheable",
    "test_unknown_item_is_a_problem",
    "test_unsupported_accept",
]
