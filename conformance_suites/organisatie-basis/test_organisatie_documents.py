"""L1 - de documenten zijn bereikbaar en leesbaar (de gedeelde documenttests)."""

from __future__ import annotations

from conformance_suites.common.document_tests import test_documents_answer, test_documents_readable

__all__ = ["test_documents_answer", "test_documents_readable"]
