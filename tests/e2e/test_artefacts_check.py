"""``interop-lab artefacts check`` over the real mirror names every defect the mirror's MANIFEST
records ("Defects found in the published artefacts", points 1-3) for the right file, and over a
suite says which documented repair removes each defect."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from tests.e2e.support import run_lab

# The OSLO mirror among those named: the one whose MANIFEST records the defects tested here.
MIRROR = next(
    (
        Path(folder)
        for folder in os.environ.get("INTEROP_LAB_ARTEFACTS", "").split(os.pathsep)
        if (Path(folder) / "MANIFEST.md").is_file() and (Path(folder) / "index.json").is_file()
    ),
    Path("/nonexistent"),
)
pytestmark = pytest.mark.skipif(
    not MIRROR.is_dir(), reason="no OSLO artefact mirror: set INTEROP_LAB_ARTEFACTS"
)

# Point 1: the new generator's shapes write their cardinalities as strings (counts as recorded).
STRING_CARDINALITIES = {
    "besluit-publicatie/2025-12-11-erkendestandaard/shacl/besluit-publicatie-SHACL.ttl": 57,
    "mandatendatabank/2025-12-11-erkendestandaard/shacl/mandatendatabank-SHACL.ttl": 64,
    "organisatie-basis/2025-ontwerpstandaard/shacl/organisatie-SHACL.ttl": 64,
    "persoon-basis/2025-ontwerpstandaard/shacl/persoon-SHACL.ttl": 75,
    "dienstencataloog/toolchain4-ontwerpstandaard/shacl/dienstencataloog-SHACL.ttl": 59,
    "generiek-basis/toolchain4-ontwerpstandaard/shacl/generiek-basis-SHACL.ttl": 61,
    "notificatie-basis/toolchain4-ontwerpstandaard/shacl/notificatie-basis-SHACL.ttl": 52,
}
# Point 2: contexts pyld rejects, with the terms to blame.
REJECTED_TERMS = {
    "organisatie-basis/2025-ontwerpstandaard/context/organisatie.jsonld": [
        "Organisatie.http://Www.W3.Org/Ns/Org#LinkedTo"
    ],
    "dienstencataloog/toolchain4-ontwerpstandaard/context/dienstencataloog.jsonld": [
        "Agent(InDeRolVanDienstverlener/Participant)"
    ],
    "notificatie-basis/toolchain4-ontwerpstandaard/context/notificatie-basis.jsonld": [
        "Sleutel/WaardePaar"
    ],
    "adresregister/published-root-context/context/adresregister.jsonld": [
        "classificatie",
        "werkingsgebied",
    ],
}
IPDC_AP_CONTEXT = "ipdc-lpdc/2022-05-11-ontwerpstandaard/context/ipdc-lpdc-ap.jsonld"
NOT_JSON = {
    "organisatie-basis/2020-oslothema-branch/context/organisatie-basis.jsonld": 190,
    "notificatie-basis/2020-oslothema-branch/context/notificatie-basis.jsonld": 146,
    "adresregister/basisregisters-api/context/adres/2022-10-17/adres_lijst.jsonld": 3,
}
BASISREGISTERS = "adresregister/basisregisters-api/context"
DIENSTENCATALOOG = "dienstencataloog/toolchain4-ontwerpstandaard/shacl/dienstencataloog-SHACL.ttl"
GENERIEK = "generiek-basis/toolchain4-ontwerpstandaard/shacl/generiek-basis-SHACL.ttl"
TODO_IRIS = {
    "persoon-basis/2025-ontwerpstandaard/context/persoon.jsonld": "http://todo.com/titel",
    "notificatie-basis/toolchain4-ontwerpstandaard/context/notificatie-basis.jsonld": (
        "http://todo.com/kadertBinnen"
    ),
    "notificatie-basis/toolchain4-ontwerpstandaard/shacl/notificatie-basis-SHACL.ttl": (
        "http://todo.com/kadertBinnen"
    ),
}


@pytest.fixture(scope="module")
def blocks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What ``artefacts check --mirror`` prints, per mirror file."""
    result = run_lab(
        "artefacts", "check", "--mirror", str(MIRROR), cwd=tmp_path_factory.mktemp("check")
    )
    assert result.returncode == 1, result.stderr  # the mirror holds unrepaired defects
    assert re.search(r"^\d+ artefacts checked, \d+ with defects;", result.stdout, re.MULTILINE)
    return {
        file.group(1): block
        for block in result.stdout.split("\n\n")
        if (file := re.search(r"^  file (.+)$", block, re.MULTILINE))
    }


@pytest.fixture(scope="module")
def report(blocks: dict[str, str]) -> dict[str, list[str]]:
    """The findings (not the verdicts) per mirror file."""
    return {file: re.findall(r"^  - (.+)$", block, re.MULTILINE) for file, block in blocks.items()}


@pytest.mark.parametrize(("file", "count"), STRING_CARDINALITIES.items())
def test_string_cardinalities_are_counted_per_shapes_file(
    report: dict[str, list[str]], file: str, count: int
) -> None:
    assert f"{count} cardinalities (sh:minCount, sh:maxCount) are strings" in " ".join(report[file])
    assert any(m.startswith("pySHACL refuses the shapes: ") for m in report[file])


@pytest.mark.parametrize(("file", "terms"), REJECTED_TERMS.items())
def test_invalid_contexts_name_the_terms_pyld_rejects(
    report: dict[str, list[str]], file: str, terms: list[str]
) -> None:
    rejected = " ".join(m for m in report[file] if m.startswith("pyld rejects the context"))

    assert re.findall(r"because of term '(.+?)' \(", rejected) == terms


def test_the_ipdc_ap_context_names_its_twelve_fixme_terms(report: dict[str, list[str]]) -> None:
    findings = report[IPDC_AP_CONTEXT]
    rejected = [m for m in findings if m.startswith("pyld rejects the context")]

    assert len(rejected) == 12
    assert all("fixme.com" in m for m in rejected)
    assert any(
        m.startswith("3 term IRI(s) with spaces: Conceptual PublicService") for m in findings
    )
    assert any("on a placeholder host (fixme.com)" in m for m in findings)


@pytest.mark.parametrize(("file", "line"), NOT_JSON.items())
def test_contexts_that_are_not_json_are_named_with_their_line(
    report: dict[str, list[str]], file: str, line: int
) -> None:
    assert any(m.startswith("not JSON: ") and f"at line {line} column" in m for m in report[file])


def test_the_bare_basisregisters_contexts_are_named(report: dict[str, list[str]]) -> None:
    bare = sorted(
        str(path.relative_to(MIRROR))
        for version in ("2021-12-15", "2022-01-11")
        for path in (MIRROR / BASISREGISTERS).glob(f"*/{version}/*.jsonld")
    )

    assert len(bare) == 14
    for file in bare:
        assert any('without "@context"' in m and "yields zero triples" in m for m in report[file])
    assert not any(
        "zero triples" in m
        for m in report[f"{BASISREGISTERS}/adres/2023-02-28/adres_detail.jsonld"]
    )


def test_the_dienstencataloog_shapes_misuse_langstring_and_the_org_namespace(
    report: dict[str, list[str]],
) -> None:
    findings = " ".join(report[DIENSTENCATALOOG])

    assert "sh:class rdf:langString (a datatype, not a class) on 17 property shape(s)" in findings
    assert "<https://www.w3.org/ns/org#Organization> is in the wrong namespace" in findings
    assert "used as sh:targetClass of OrganisatieShape" in findings


def test_the_generiek_basis_shapes_defects_are_named(report: dict[str, list[str]]) -> None:
    findings = report[GENERIEK]
    telephone = next(m for m in findings if "OpeningHoursSpecification" in m)

    assert "wrong namespace" in telephone
    assert "sh:class on schema:hoursAvailable, schema:telephone" in telephone
    assert any(m.startswith("sh:datatype rdfs:Literal") for m in findings)
    assert any("generiek#gestructureerdedentificator> looks like a typo" in m for m in findings)


@pytest.mark.parametrize(("file", "iri"), TODO_IRIS.items())
def test_placeholder_todo_iris_are_named(report: dict[str, list[str]], file: str, iri: str) -> None:
    assert any("placeholder host (todo.com)" in m and iri in m for m in report[file])


def test_a_mirrored_artefact_a_suite_pins_gets_that_suites_repairs(blocks: dict[str, str]) -> None:
    block = blocks["organisatie-basis/2025-ontwerpstandaard/context/organisatie.jsonld"]

    assert "pinned by suite organisatie-basis" in block
    assert "\n    repaired by drop-invalid-context-terms" in block
    assert "also https://test.data.vlaanderen.be/" in block


def test_a_sound_artefact_has_no_findings(report: dict[str, list[str]]) -> None:
    assert report["ipdc-lpdc/2024-07-04-implementatiemodel/shacl/instantie-shape.ttl"] == []


def test_a_suite_says_which_repair_removes_each_defect(workdir: Path) -> None:
    result = run_lab("artefacts", "check", "organisatie-basis", cwd=workdir)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "pinned by suite organisatie-basis" in result.stdout
    assert "repaired by drop-invalid-context-terms" in result.stdout
    assert result.stdout.count("repaired by cardinalities-as-integer") == 2
    assert "0 defects that break a run are not repaired" in result.stdout


def test_a_suite_without_the_needed_repair_fails_the_check(workdir: Path) -> None:
    folder = workdir / "suites" / "generiek"
    folder.mkdir(parents=True)
    manifest = {
        "id": "generiek",
        "version": "0.1.0",
        "title": "Generiek, zonder herstelling",
        "standard": {
            "iri": "https://data.vlaanderen.be/ns/generiek",
            "version": "t4",
            "title": "G",
        },
        "levels": [{"id": "L3", "title": "Regels"}],
        "roles": {"required": ["documents"]},
        "artefacts": [
            {
                "role": "shapes",
                "url": "https://data.vlaanderen.be/doc/applicatieprofiel/generiek-basis/"
                "ontwerpstandaard/toolchain4/shacl/generiek-basis-SHACL.ttl",
                "sha256": "f443db321246bd637b0a703decde7edbd4afe34cfae1ca7d174ba0e099e2c903",
            }
        ],
    }
    (folder / "suite.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")

    result = run_lab(
        "artefacts",
        "check",
        "generiek",
        cwd=workdir,
        env={"INTEROP_LAB_SUITES": str(folder.parent)},
    )

    assert result.returncode == 1, result.stdout + result.stderr
    assert "not repaired: pySHACL refuses to load the shapes" in result.stdout


def test_an_unknown_suite_is_a_usage_error(workdir: Path) -> None:
    result = run_lab("artefacts", "check", "bestaat-niet", cwd=workdir)

    assert result.returncode == 2
    assert "unknown suite 'bestaat-niet'" in result.stderr
