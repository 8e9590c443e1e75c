"""The besluit-publicatie suite end to end: five real council publications, served on loopback,
judged exactly as pyshacl judges them; the reference vendor conformant, and each defect caught.

The reference for the real publications is computed here, independently of the lab's path:
pyRdfa's own HTML reader, the Lokaal Beslist shapes repaired here (sh:datatype rdfs:Literal as
sh:nodeKind sh:Literal), one pyshacl call per publication, and the maturity level read from the
shapes' own annotations. The CLI runs in parallel subprocesses to keep the module fast.
"""

from __future__ import annotations

import io
import json
import os
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pyshacl
import pytest
from pyRdfa import pyRdfa
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH

from interop_lab.reference import ReferenceVendor
from interop_lab.reference.besluit_site import BESLUIT_FEED, BESLUIT_PAGES, BesluitPublicatie
from tests.e2e.support import TOKEN, StaticSite, failed, run_lab, scorecard, write_profile

SUITE = "besluit-publicatie"
EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "oslo" / "besluit-publicatie"
PUBLICATIONS = sorted((EXAMPLES / "examples" / "lblod-harvested-rdfa").glob("*.html"))
SHAPES_URL = (
    "https://raw.githubusercontent.com/brechtvdv/demo-data/"
    "b544745385def9250cf326676d99bb1ac4d316ba/besluit-publicatie-SHACL.ttl"
)
LEVEL = URIRef("http://lblod.data.gift/vocabularies/besluit/maturiteitsniveau")
LEVELS = {"Niveau 1": "N1", "Niveau 2": "N2", "Niveau 3": "N3", "Bonusniveau": "BONUS"}
ORDER = ["N0", "N1", "N2", "N3", "BONUS"]
# defect switch -> (test id the failure lands on, words the failure must contain)
DEFECTS = {
    "missing-title": ("shacl/AgendapuntShape/dct-title/minCount", "dct:title"),
    "wrong-datatype": ("shacl/ZittingShape/prov-startedAtTime/datatype", "prov:startedAtTime"),
    "invalid-rdfa": ("bonus_rdfa/terms_understood", "besluit:"),
    "wrong-content-type": ("n0_pages/media_type", "text/plain"),
    "page-404": ("n0_pages/pages_answer", "HTTP 404"),
    "page-500": ("n0_pages/pages_answer", "HTTP 500"),
    "never-answers": ("n0_pages/pages_answer", "time-out"),
    "feed-without-location": ("shacl/DocumentShape/prov-atLocation/minCount", "prov:atLocation"),
}
Violations = Counter[tuple[str, str, str]]


def _repaired_shapes() -> Graph:
    for folder in os.environ["INTEROP_LAB_ARTEFACTS"].split(os.pathsep):
        index = json.loads((Path(folder) / "index.json").read_text("utf-8"))["artefacts"]
        if SHAPES_URL in index:
            shapes = Graph().parse(Path(folder) / index[SHAPES_URL]["path"], format="turtle")
            break
    for shape in list(shapes.subjects(SH.datatype, RDFS.Literal)):
        shapes.remove((shape, SH.datatype, RDFS.Literal))
        shapes.add((shape, SH.nodeKind, SH.Literal))
    return shapes


def _reference(body: bytes, url: str, shapes: Graph) -> tuple[Violations, str]:
    """pyshacl's violations on pyRdfa's graph of the page, and the maturity level they leave."""
    data = Graph()
    pyRdfa(media_type="text/html", base=url).graph_from_source(io.BytesIO(body), data)
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    found: Violations = Counter()
    blocked = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus, path = report.value(result, SH.focusNode), report.value(result, SH.resultPath)
        component = str(report.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]
        found[(_node(focus), str(path), component)] += 1
        # The suite blames these two rules on the standard: they block no level.
        if not (str(path).endswith("isTijdspecialisatieVan") and component.startswith("MinCount")):
            blocked.add(_level(shapes, report.value(result, SH.sourceShape)))
    reached = next((ORDER[i - 1] for i, level in enumerate(ORDER) if level in blocked), "BONUS")
    return found, reached


def _level(shapes: Graph, shape: Any) -> str:
    """The shape's maturiteitsniveau, else its node shape's; none or unknown: the Bonusniveau."""
    node_shape = next(shapes.subjects(SH.property, shape), shape)
    value = shapes.value(shape, LEVEL) or shapes.value(node_shape, LEVEL)
    return LEVELS.get(str(value), "BONUS")


def _node(focus: object) -> str:
    return "(blank node)" if isinstance(focus, BNode) or focus is None else str(focus)


def _lab_violations(card: dict[str, Any]) -> Violations:
    found: Violations = Counter()
    for assertion in failed(card):
        local_id = assertion["test"].split(":", 5)[-1]
        if not local_id.startswith("shacl/"):
            continue
        name = local_id.rsplit("/", 1)[-1].split("-")[0]
        component = name[0].upper() + name[1:] + "ConstraintComponent"
        for location in assertion["result"]["locations"]:
            found[(location.get("focusNode", "(blank node)"), location["path"], component)] += 1
    return found


def _run(
    folder: Path, base_url: str, endpoints: dict[str, Any], **claim: Any
) -> tuple[int, dict[str, Any]]:
    folder.mkdir()
    claims = [{"standard": SUITE, "endpoints": endpoints, **claim}]
    # A short time-out: the never-answers run waits for it (and its retries).
    limits = {"request_timeout_s": 0.5, "deadline_s": 60}
    profile = write_profile(folder, base_url, claims=claims, limits=limits)
    result = run_lab("run", "--profile", str(profile), "--out", str(folder / "uit"), cwd=folder)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result.returncode, scorecard(folder / "uit", SUITE)


def _in_parallel(jobs: dict[str, Callable[[], tuple[int, dict[str, Any]]]]) -> dict[str, Any]:
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {name: pool.submit(job) for name, job in jobs.items()}
        return {name: future.result() for name, future in futures.items()}


def test_real_publications_get_pyshacls_violations_and_their_level(workdir: Path) -> None:
    bodies = {f"/publicaties/{path.name}": path.read_bytes() for path in PUBLICATIONS}
    with StaticSite(
        lambda path: (200, "text/html", bodies[path]) if path in bodies else None
    ) as site:
        runs = _in_parallel(
            {
                path: lambda path=path: _run(
                    workdir / Path(path).stem, site.base_url, {"pages": [path]}
                )
                for path in bodies
            }
        )
    shapes = _repaired_shapes()

    assert len(runs) == 5
    for path, (code, card) in runs.items():
        violations, level = _reference(bodies[path], site.base_url + path, shapes)
        assert code == 1, path
        assert _lab_violations(card) == violations, path
        assert card["level"] == level, path
        assert sum(violations.values()) > 40, path


@pytest.fixture(scope="module")
def vendor_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One run per defect switch, one without any, one claiming only up to N1."""
    root = tmp_path_factory.mktemp("besluit")
    vendors = {name: ReferenceVendor(BesluitPublicatie([name]), token=TOKEN) for name in DEFECTS}
    vendors["conform"] = vendors["tot-N1"] = ReferenceVendor(BesluitPublicatie(), token=TOKEN)
    for vendor in {id(v): v for v in vendors.values()}.values():
        vendor.__enter__()
    try:
        return _in_parallel(
            {
                name: lambda name=name: _run(
                    root / name,
                    vendors[name].base_url,
                    {"pages": list(BESLUIT_PAGES), "feed": BESLUIT_FEED},
                    **({"level": "N1"} if name == "tot-N1" else {}),
                )
                for name in vendors
            }
        )
    finally:
        for vendor in {id(v): v for v in vendors.values()}.values():
            vendor.__exit__(None, None, None)


def test_reference_vendor_is_conformant_at_the_top_level(vendor_runs: dict[str, Any]) -> None:
    code, card = vendor_runs["conform"]

    assert (code, card["verdict"], card["level"]) == (0, "conformant", "BONUS")
    assert {a.get("blame") for a in failed(card)} == {"standard"}
    feed = [a for a in card["assertions"] if "bonus_feed/" in a["test"]]
    assert len(feed) == 5
    assert {a["result"]["outcome"] for a in feed} == {"passed"}
    stream = [a for a in card["assertions"] if "/DocumentShape/" in a["test"]]
    assert len(stream) == 12, "the publication stream shape judges the feed's members"
    assert {a["result"]["outcome"] for a in stream} == {"passed"}
    assert card["summary"]["passed"] > 150


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_each_defect_is_caught_naming_its_cause(vendor_runs: dict[str, Any], defect: str) -> None:
    test_id, words = DEFECTS[defect]
    code, card = vendor_runs[defect]

    assert code == 1
    assert card["verdict"] == "non-conformant"
    assert card["level"] != "BONUS"
    failures = {a["test"].split(":", 5)[-1]: a for a in failed(card)}
    assert test_id in failures, sorted(failures)
    assert words in json.dumps(failures[test_id], ensure_ascii=False)
    assert "verwacht" in failures[test_id]["result"]["description"]


def test_tests_of_an_unclaimed_level_are_inapplicable(vendor_runs: dict[str, Any]) -> None:
    _, card = vendor_runs["tot-N1"]

    by_level: dict[str, set[str]] = {}
    for assertion in card["assertions"]:
        by_level.setdefault(assertion["level"], set()).add(assertion["result"]["outcome"])
    assert by_level["N3"] == by_level["BONUS"] == {"inapplicable"}
    assert by_level["N1"] <= {"passed", "inapplicable"}
    assert "passed" in by_level["N0"]
    assert card["level"] == "N1"
