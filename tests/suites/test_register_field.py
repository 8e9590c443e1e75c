"""A manifest names its standard's entry in the OSLO standards register (standard.register)."""

from __future__ import annotations

from pathlib import Path

import pytest

from interop_lab.model.errors import SuiteError
from interop_lab.suites.manifest import read_manifest
from interop_lab.suites.registry import load_suites
from tests.suites.test_collection_manifest import manifest_with

STANDARD = {"iri": "http://ex.test/std", "version": "1", "title": "Proef"}


def test_the_register_title_is_read(tmp_path: Path) -> None:
    folder = manifest_with(tmp_path, standard={**STANDARD, "register": "Applicatieprofiel LDES"})

    assert read_manifest(folder).standard.register_title == "Applicatieprofiel LDES"


def test_the_register_title_is_optional(tmp_path: Path) -> None:
    assert read_manifest(manifest_with(tmp_path)).standard.register_title is None


def test_a_register_title_that_is_no_text_is_refused(tmp_path: Path) -> None:
    folder = manifest_with(tmp_path, standard={**STANDARD, "register": ["a", "b"]})

    with pytest.raises(SuiteError, match=r"invalid suite manifest: standard\.register: "):
        read_manifest(folder)


def test_every_bundled_suite_names_its_register_entry() -> None:
    titles = {
        suite_id: suite.manifest.standard.register_title
        for suite_id, suite in load_suites().items()
    }

    assert titles["ipdc-lpdc"] == "Vocabularium en implementatiemodel IPDC - LPDC"
    assert titles["besluit-publicatie"] == "Applicatieprofiel Besluit Publicatie"
    assert all(titles.values()), titles
