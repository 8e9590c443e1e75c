"""A bundled suite's pinned artefacts, loaded as a run loads them: from the artefact mirror(s)
named in INTEROP_LAB_ARTEFACTS (tests/conftest.py names the ones beside the checkout)."""

from __future__ import annotations

from functools import cache

from interop_lab.artefacts.download import download
from interop_lab.artefacts.store import ArtefactStore
from interop_lab.suites.artefact_set import SuiteArtefacts, load_suite_artefacts
from interop_lab.suites.registry import load_suites


@cache
def suite_artefacts(suite_id: str) -> SuiteArtefacts:
    return load_suite_artefacts(load_suites()[suite_id], ArtefactStore.from_environment(download))
