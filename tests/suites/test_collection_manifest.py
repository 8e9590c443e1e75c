"""The manifest fields of paged collections: collection links per role, and probes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from interop_lab.crawl import LinkRules
from interop_lab.model.errors import SuiteError
from interop_lab.runner.claim import link_rules
from interop_lab.suites.manifest import read_manifest
from interop_lab.suites.registry import Suite, load_suites

NEXT = "http://www.w3.org/ns/hydra/core#next"
SELF = "http://www.iana.org/assignments/relation/self"


def manifest_with(folder: Path, **fields: Any) -> Path:
    data = {
        "id": "proef",
        "version": "1.0.0",
        "title": "Proef",
        "standard": {"iri": "http://ex.test/std", "version": "1", "title": "Proef"},
        "levels": [{"id": "L1", "title": "Bereikbaar"}],
        "roles": {"required": ["collection"], "follow": ["collection"]},
        **fields,
    }
    (folder / "suite.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    return folder


def test_adresregister_declares_its_links_and_probes() -> None:
    suite = load_suites()["adresregister"]

    assert link_rules(suite, "collection") == LinkRules(
        next=frozenset({NEXT}), items=frozenset({SELF})
    )
    assert {probe.name: probe.target for probe in suite.manifest.probes} == {
        "json": "item",
        "jsonld": "item",
        "onbekend-mediatype": "item",
        "onbekend-item": "unknown-item",
        "id": "item-id",
    }


def test_a_role_without_links_is_crawled_as_tree() -> None:
    assert link_rules(load_suites()["ipdc-lpdc"], "feed") is None


def test_links_and_probes_are_read(tmp_path: Path) -> None:
    folder = manifest_with(
        tmp_path,
        roles={"required": ["lijst"], "follow": ["lijst"], "links": {"lijst": {"next": [NEXT]}}},
        probes=[{"name": "p", "role": "lijst", "target": "start", "accept": "text/csv"}],
    )

    manifest = read_manifest(folder)
    suite = Suite(manifest, folder)

    assert link_rules(suite, "lijst") == LinkRules(next=frozenset({NEXT}))
    assert manifest.probes[0].accept == "text/csv"
    assert (manifest.probes[0].limit, manifest.probes[0].unknown_id) == (1, "999999999")


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"probes": [{"name": "p", "role": "r", "target": "elders"}]}, "probes.0.target"),
        ({"probes": [{"name": "p", "role": "r", "target": "item", "limit": 0}]}, "probes.0.limit"),
        ({"roles": {"links": {"r": {"items": [SELF]}}}}, "roles.links.r.next"),
    ],
)
def test_invalid_fields_are_named(tmp_path: Path, fields: dict[str, Any], problem: str) -> None:
    with pytest.raises(SuiteError, match=problem):
        read_manifest(manifest_with(tmp_path, **fields))
