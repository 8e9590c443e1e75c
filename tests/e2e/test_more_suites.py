"""Two OSLO profiles as suites from shapes and contexts alone: mandatendatabank and
organisatie-basis. Their reference vendors pass at the top level; each defect switch fails the
test that names the property; the official organisatie example, served as a vendor would, fails
with exactly the violations pySHACL finds in it."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyshacl
import pytest
from rdflib import RDF, Graph
from rdflib.namespace import SH

from interop_lab.artefacts.download import download
from interop_lab.artefacts.store import ArtefactStore
from interop_lab.model import ids
from interop_lab.payloads.read import read_payload
from interop_lab.reference import ReferenceVendor
from interop_lab.reference.mandaten_site import mandaten_site
from interop_lab.reference.organisatie_site import organisatie_site
from interop_lab.shapes import constraints_of
from interop_lab.suites.registry import get_suite
from tests.e2e.support import TOKEN, StaticSite, failed, run_lab, scorecard, write_profile

MANDATEN, ORGANISATIE = "mandatendatabank", "organisatie-basis"
EXAMPLE = next(
    (
        path
        for folder in os.environ.get("INTEROP_LAB_ARTEFACTS", "").split(os.pathsep)
        if (
            path := Path(folder, "organisatie-basis", "examples", "digitaal-vlaanderen.jsonld")
        ).is_file()
    ),
    Path("/nonexistent"),
)
# The property each data defect takes away or breaks, per suite: the test that must fail.
DATA_DEFECTS = {
    "missing-required": {
        MANDATEN: "shacl/MandatarisShape/mandaat-start/minCount",
        ORGANISATIE: "shacl/OrganisatieShape/skos-prefLabel/minCount",
    },
    "wrong-datatype": {
        MANDATEN: "shacl/MandaatShape/mandaat-aantalHouders/datatype",
        ORGANISATIE: "shacl/VeranderingsgebeurtenisShape/dct-date/datatype",
    },
}


def _run(
    workdir: Path, defects: tuple[str, ...] = (), levels: Mapping[str, str] | None = None
) -> dict[str, dict[str, Any]]:
    """Both reference vendors, each on its own port, claimed in one profile."""
    mandaten, organisatie = mandaten_site(defects), organisatie_site(defects)
    with (
        ReferenceVendor(mandaten, token=TOKEN) as first,
        ReferenceVendor(organisatie, token=TOKEN) as second,
    ):
        claims = [
            {"standard": MANDATEN, "endpoints": {"documents": list(mandaten.paths)}},
            {
                "standard": ORGANISATIE,
                "endpoints": {"documents": [second.base_url + path for path in organisatie.paths]},
            },
        ]
        for claim in claims:
            if levels and claim["standard"] in levels:
                claim["level"] = levels[claim["standard"]]
        hosts = [second.base_url.removeprefix("http://")]
        profile = write_profile(workdir, first.base_url, claims=claims, hosts=hosts)
        result = run_lab(
            "run", "--profile", str(profile), "--out", str(workdir / "uit"), cwd=workdir
        )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return {suite: scorecard(workdir / "uit", suite) for suite in (MANDATEN, ORGANISATIE)}


def _local(assertion: Mapping[str, Any], suite: str) -> str:
    return str(assertion["test"]).removeprefix(ids.test_iri(suite, "1.0.0", ""))


def test_the_reference_vendors_are_conformant_at_the_top_level(workdir: Path) -> None:
    cards = _run(workdir)

    for suite, card in cards.items():
        assert (card["verdict"], card["level"]) == ("conformant", "L4"), suite
        assert card["summary"]["passed"] > 50
        assert all(a["blame"] == "standard" for a in failed(card)), suite
    blamed = {_local(a, MANDATEN) for a in failed(cards[MANDATEN])}
    assert blamed == {
        "shacl/Bestuursorgaan(inBestuursperiode)Shape/generiek-isTijdspecialisatieVan/minCount",
        "shacl/Bestuursorgaan(inBestuursperiode)Shape/org-hasPost/minCount",
    }
    repairs = {
        use["url"].rsplit("/", 1)[-1]: use["repairs"]
        for use in cards[ORGANISATIE]["run"]["artefacts"]
    }
    assert repairs == {
        "organisatie-SHACL.ttl": ["cardinalities-as-integer"],
        "organisatie.jsonld": ["drop-invalid-context-terms"],
    }


@pytest.mark.parametrize("defect", sorted(DATA_DEFECTS))
def test_a_data_defect_fails_the_rule_of_its_property(workdir: Path, defect: str) -> None:
    cards = _run(workdir, (defect,))

    for suite, card in cards.items():
        assert card["verdict"] == "non-conformant", suite
        vendor_failures = [a for a in failed(card) if a["blame"] != "standard"]
        assert [_local(a, suite) for a in vendor_failures] == [DATA_DEFECTS[defect][suite]]
        (location,) = vendor_failures[0]["result"]["locations"]
        assert location["path"].rsplit("#", 1)[-1].rsplit("/", 1)[-1] in DATA_DEFECTS[defect][suite]


def test_an_undefined_key_fails_the_json_ld_test_naming_the_key(workdir: Path) -> None:
    cards = _run(workdir, ("undefined-key",))

    for suite, card in cards.items():
        (dropped,) = [a for a in failed(card) if a["blame"] != "standard"]
        assert _local(dropped, suite).endswith("jsonld/no_dropped_keys")
        assert "niet gedefinieerd: opmerkingIntern" in dropped["result"]["description"]
        assert card["level"] == "L1"


def test_a_document_that_answers_404_fails_reachability(workdir: Path) -> None:
    cards = _run(workdir, ("page-404",))

    for suite, card in cards.items():
        answered = next(
            a for a in failed(card) if _local(a, suite).endswith("documents/documents_answer")
        )
        assert "HTTP 404" in answered["result"]["description"]
        assert card["verdict"] == "non-conformant"


def test_tests_above_the_claimed_level_are_inapplicable(workdir: Path) -> None:
    cards = _run(workdir, ("wrong-datatype",), levels={MANDATEN: "L2", ORGANISATIE: "L2"})

    for suite, card in cards.items():
        above = [a for a in card["assertions"] if a["level"] in ("L3", "L4")]
        assert above, suite
        assert {a["result"]["outcome"] for a in above} == {"inapplicable"}
        assert card["verdict"] == "conformant", "the broken datatype is an L3 rule, not claimed"


@pytest.mark.skipif(not EXAMPLE.is_file(), reason="no artefact mirror with the example")
def test_the_official_example_served_as_is_fails_with_pyshacls_violations(workdir: Path) -> None:
    body = EXAMPLE.read_bytes()
    with StaticSite(
        lambda path: (200, "application/ld+json", body) if path == "/dv.jsonld" else None
    ) as site:
        claim = {"standard": ORGANISATIE, "endpoints": {"documents": ["/dv.jsonld"]}}
        profile = write_profile(workdir, site.base_url, claims=[claim])
        result = run_lab(
            "run", "--profile", str(profile), "--out", str(workdir / "uit"), cwd=workdir
        )
        url = site.base_url + "/dv.jsonld"

    assert result.returncode == 1, result.stdout + result.stderr
    card = scorecard(workdir / "uit", ORGANISATIE)
    failures = {_local(a, ORGANISATIE): a for a in failed(card)}
    dropped = failures.pop("organisatie_jsonld/no_dropped_keys")
    assert "Contactpunt.website, Organisatie.logo" in dropped["result"]["description"]
    reported = Counter({test: len(a["result"]["locations"]) for test, a in failures.items()})
    assert reported == _pyshacl_violations(body, url)
    assert sum(reported.values()) == 6  # as the mirror's MANIFEST records


def _pyshacl_violations(body: bytes, url: str) -> Counter[str]:
    """pySHACL's own results on the example, per test id, with the suite's repaired artefacts."""
    store = ArtefactStore.from_environment(download)
    shapes, contexts = Graph(), {}
    for spec in get_suite(ORGANISATIE).manifest.artefacts:
        artefact = store.load(spec.pin())
        if spec.role == "shapes":
            shapes.parse(data=artefact.data, format="turtle")
        else:
            contexts.update(
                {alias: json.loads(artefact.data) for alias in (spec.url, *spec.aliases)}
            )
    payload = read_payload(body, url=url, media_type="application/ld+json", contexts=contexts.get)
    data = Graph()
    for triple in payload.graph.triples:
        data.add(triple)
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    ids = {(c.shape, c.component): c.local_id for c in constraints_of(shapes)}
    return Counter(
        ids[
            (
                report.value(result, SH.sourceShape),
                report.value(result, SH.sourceConstraintComponent),
            )
        ]
        for result in report.subjects(RDF.type, SH.ValidationResult)
    )
