"""L1 - elk document is bereikbaar en leesbare RDF, in elk formaat (de gedeelde formaattests)."""

from __future__ import annotations

from conformance_suites.common.format_tests import (
    test_documents_answer,
    test_documents_readable,
    test_documents_served_as_asked,
)

__all__ = ["test_documents_answer", "test_documents_readable", "test_documents_served_as_asked"]
