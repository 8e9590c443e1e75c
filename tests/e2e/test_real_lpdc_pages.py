"""The real LPDC instance-snapshot pages, served on loopback as a vendor, judged like pyshacl does.

The reference is computed here, independently of the lab's path: plain pyld to RDF, one rdflib
graph with the code lists, one pyshacl call. The lab must report exactly those violations, each
located at its member and JSON pointer.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import pyshacl
from pyld import jsonld
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, SH

from tests.e2e.support import StaticSite, failed, run_lab, scorecard, write_profile

PEERS = Path(__file__).resolve().parents[3] / "shared" / "peers" / "ipdc-lpdc" / "examples"
PAGES = PEERS / "instancesnapshot-ldes"
IPDC = "ipdc-lpdc/2024-07-04-implementatiemodel"


def _mirror() -> tuple[Path, dict[str, Any]]:
    folder = Path(os.environ["INTEROP_LAB_ARTEFACTS"].split(os.pathsep)[0])
    index = json.loads((folder / "index.json").read_text("utf-8"))["artefacts"]
    return folder, index


def _served_pages(base_url: str) -> dict[str, bytes]:
    pages = {}
    for number in range(3):
        text = (PAGES / f"page-{number}.json").read_text("utf-8")
        pages[f"/doc/instancesnapshot?pageNumber={number}"] = text.replace(
            "http://hostname/doc/", f"{base_url}/doc/"
        ).encode()
    return pages


def _reference_violations(pages: dict[str, bytes], base_url: str) -> Counter[tuple[str, str, str]]:
    folder, index = _mirror()

    def loader(url: str, _options: object = None) -> dict[str, Any]:
        document = json.loads((folder / index[url]["path"]).read_text("utf-8"))
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": document,
        }

    data = Graph()
    for path, body in pages.items():
        quads = jsonld.to_rdf(
            json.loads(body),
            {"documentLoader": loader, "base": base_url + path, "format": "application/n-quads"},
        )
        data.parse(data=quads, format="nt")  # default graph only: N-Triples
    for codelist in sorted((folder / IPDC / "codelijsten").glob("*.ttl")):
        data.parse(codelist)
    shapes = Graph().parse(folder / IPDC / "shacl" / "instantie-shape.ttl")
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    found: Counter[tuple[str, str, str]] = Counter()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        component = str(report.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]
        found[(_node(focus), str(report.value(result, SH.resultPath)), component)] += 1
    return found


def _node(focus: object) -> str:
    return "(blank node)" if isinstance(focus, BNode) or focus is None else str(URIRef(str(focus)))


def _lab_violations(card: dict[str, Any]) -> Counter[tuple[str, str, str]]:
    found: Counter[tuple[str, str, str]] = Counter()
    for assertion in failed(card):
        local_id = assertion["test"].split(":", 5)[-1]
        if not local_id.startswith("shacl/"):
            continue
        name = local_id.rsplit("/", 1)[-1].split("-")[0]
        component = name[0].upper() + name[1:] + "ConstraintComponent"
        for location in assertion["result"]["locations"]:
            found[(location.get("focusNode", "(blank node)"), location["path"], component)] += 1
    return found


def test_real_pages_get_exactly_pyshacls_violations_located(workdir: Path) -> None:
    served: dict[str, bytes] = {}
    with StaticSite(
        lambda path: (200, "application/ld+json", served[path]) if path in served else None
    ) as site:
        served.update(_served_pages(site.base_url))
        profile = write_profile(
            workdir,
            site.base_url,
            auth=None,
            claims=[
                {"standard": suite, "endpoints": {"feed": "/doc/instancesnapshot?pageNumber=0"}}
                for suite in ("ipdc-lpdc", "ldes")
            ],
        )
        result = run_lab(
            "run", "--profile", str(profile), "--out", str(workdir / "uit"), cwd=workdir
        )
        requests = list(site.requests)
    reference = _reference_violations(served, site.base_url)
    card = scorecard(workdir / "uit")

    assert result.returncode == 1, result.stdout + result.stderr
    assert card["verdict"] == "non-conformant"
    assert sum(reference.values()) == 33
    assert _lab_violations(card) == reference
    assert sorted(requests) == sorted(served), "every page fetched once, for both suites"
    for assertion in failed(card):
        if assertion["test"].split(":", 5)[-1].startswith("shacl/"):
            for location in assertion["result"]["locations"]:
                assert location["url"].startswith(site.base_url + "/doc/instancesnapshot")
                assert location["member"].startswith("http://data.lblod.info/id/public-service")
                assert location["pointer"].startswith("/member/")
