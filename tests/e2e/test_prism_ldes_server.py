"""A real mock vendor from a real specification: Prism serves the LDES Server admin OpenAPI.

``interop-lab init`` proposes the profile from the document, ``profile check`` accepts it, and
the run judges the document's own examples: every GET answer example, in each of its media types
(Prism picks the example by the Accept header). Two of them are not valid Turtle, as the peers'
MANIFEST records; the scorecard names exactly those two, by endpoint and media type.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml
from rdflib import Dataset, Graph

from tests.e2e.prism import prism_mock
from tests.e2e.support import failed, run_lab, scorecard

SPEC = Path(__file__).resolve().parents[2].parent / "shared/peers/ldes-server/openapi"
SPEC_FILE = SPEC / "ldes-server-admin-openapi.json"
SUITE = "ldes-server-beheer"
SYNTAX = {
    "text/turtle": "turtle",
    "application/n-quads": "nquads",
    "application/ld+json": "json-ld",
}
pytestmark = pytest.mark.skipif(not SPEC_FILE.is_file(), reason="no ../shared/peers/ldes-server")


def get_examples() -> dict[tuple[str, str], str]:
    """(GET path template, media type) -> the example of each RDF 200 answer, from the spec."""
    spec = json.loads(SPEC_FILE.read_text("utf-8"))
    return {
        (path, media_type): content["example"]
        if isinstance(content["example"], str)
        else json.dumps(content["example"])
        for path, item in spec["paths"].items()
        for media_type, content in item.get("get", {})
        .get("responses", {})
        .get("200", {})
        .get("content", {})
        .items()
        if media_type in SYNTAX and "example" in content
    }


def invalid(examples: dict[tuple[str, str], str]) -> set[tuple[str, str]]:
    """The examples rdflib cannot read: the test's own oracle, independent of the lab."""
    bad = set()
    for (path, media_type), text in examples.items():
        graph = Dataset() if media_type == "application/n-quads" else Graph()
        try:
            with warnings.catch_warnings():
                # rdflib 7's N-Quads and JSON-LD plugins warn about their own deprecated calls.
                warnings.simplefilter("ignore", DeprecationWarning)
                graph.parse(data=text, format=SYNTAX[media_type])
        except Exception:
            bad.add((path, media_type))
    return bad


def template_of(url: str, templates: set[str]) -> str:
    path = "/" + url.split("/", 3)[3]
    for template in templates:
        if re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", template), path):
            return template
    raise AssertionError(f"{url}: no path of the document")


def test_init_then_run_against_prism_names_the_two_invalid_turtle_examples(workdir: Path) -> None:
    examples = get_examples()
    broken = invalid(examples)
    assert broken == {
        ("/admin/api/v1/eventstreams", "text/turtle"),
        ("/admin/api/v1/eventstreams/{collectionName}", "text/turtle"),
    }, "the peers' MANIFEST records these two"

    with prism_mock(SPEC_FILE, "/admin/api/v1/eventstreams") as base_url:
        init = run_lab(
            "init", "--openapi", str(SPEC_FILE), "--base-url", base_url, "--yes",
            "--vendor", "Proef NV", "--kbo", "0202239951", "--contact", "lab@example.org",
            "--output", "profiel.yaml",
            cwd=workdir,
        )  # fmt: skip
        assert init.returncode == 0, init.stdout + init.stderr
        check = run_lab("profile", "check", "profiel.yaml", cwd=workdir)
        assert check.returncode == 0, check.stdout + check.stderr
        run = run_lab("run", "--profile", "profiel.yaml", "--out", "uit", cwd=workdir)

    assert run.returncode == 1, run.stdout + run.stderr
    card = scorecard(workdir / "uit", SUITE)
    (readable,) = [a for a in failed(card) if a["test"].endswith("documents_readable")]
    templates = {path for path, _ in examples}
    named = {
        (template_of(location["url"], templates), location["value"].split(":", 1)[0])
        for location in readable["result"]["locations"]
    }
    assert named == broken
    assert [a["test"].rsplit("/", 1)[1] for a in failed(card)] == ["documents_readable"]
    assert _asked(workdir / "uit" / "evidence.har", templates) == set(examples)
    shapes = [a for a in card["assertions"] if ":shacl/" in a["test"]]
    assert {a["result"]["outcome"] for a in shapes} >= {"passed"}
    assert _profile(workdir / "profiel.yaml")["claims"][0]["standard"] == SUITE


def _asked(har: Path, templates: set[str]) -> set[tuple[str, str]]:
    """(path template, media type) of every answer the run got: each example it judged."""
    entries = json.loads(har.read_text("utf-8"))["log"]["entries"]
    return {
        (template_of(e["request"]["url"], templates), e["response"]["content"]["mimeType"])
        for e in entries
        if e["response"]["status"] == 200
    }


def _profile(path: Path) -> Any:
    return yaml.safe_load(path.read_text("utf-8"))
