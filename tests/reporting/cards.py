"""Hand-built scorecards for the writer and catalogue tests: every outcome, blame and oddity."""

from __future__ import annotations

from dataclasses import replace

from interop_lab.model.explanations import Explanation, ExplanationText
from interop_lab.model.outcomes import Blame, Level, Location, Outcome, Usage
from interop_lab.model.scorecard import (
    ArtefactUse,
    AssertionRecord,
    RunInfo,
    Scorecard,
    StandardRef,
    Subject,
)

SUITE = "ipdc-lpdc"
LEVELS = (
    Level("L1", "Bereikbaar en goed gevormd"),
    Level("L2", "Correcte JSON-LD"),
    Level("L3", "Verplichte regels"),
    Level("L4", "Aanbevolen praktijk"),
)
RULES = "https://data.vlaanderen.be/shacl/ipdc-lpdc#"
HOSTILE = "<script>alert('x')</script> & \x00\x08\x1b\ufffe \"quotes\" ]]>"


def iri_of_test(local: str) -> str:
    return f"urn:interop-lab:test:{SUITE}:1.0.0:{local}"


def _record(local: str, level: str, outcome: Outcome, **extra: object) -> AssertionRecord:
    return AssertionRecord(
        test=iri_of_test(local),
        title=f"Regel {local}",
        requirement=f"https://data.vlaanderen.be/shacl/ipdc-lpdc#{local}",
        level=level,
        usage=Usage.VERPLICHT,
        outcome=outcome,
        **extra,  # type: ignore[arg-type]
    )


def _many_locations(count: int) -> tuple[Location, ...]:
    return tuple(
        Location(url="https://vendor.example/ldes?page=2", pointer=f"/member/{index}/naam")
        for index in range(count)
    )


def records() -> tuple[AssertionRecord, ...]:
    failed_location = Location(
        url="https://vendor.example/ldes?page=1",
        pointer="/member/3/naam",
        focus_node="https://vendor.example/id/dienst/3",
        path="http://purl.org/dc/terms/title",
        member="https://vendor.example/id/dienst/3",
        value="",
    )
    return (
        _record("http-200", "L1", Outcome.PASSED, nodeid="conformance_suites/t.py::test_200"),
        _record("context", "L2", Outcome.PASSED),
        _record(
            "naam-verplicht",
            "L3",
            Outcome.FAILED,
            description="verwacht: een naam in het Nederlands; ontvangen: een lege tekst",
            locations=(failed_location, *_many_locations(24)),
            blame=Blame.VENDOR,
        ),
        _record(
            "code-lijst",
            "L3",
            Outcome.FAILED,
            description="de codelijst van de standaard is zelf ongeldig",
            blame=Blame.STANDARD,
        ),
        _record("bevoegde-overheid", "L3", Outcome.CANT_TELL, description="pagina 2 onbereikbaar"),
        _record("paging", "L4", Outcome.INAPPLICABLE, description="geen paginering aangeboden"),
        replace(
            _record("iri-deref", "L4", Outcome.FAILED, description="IRI geeft 404"),
            usage=Usage.AANBEVOLEN,
        ),
        _record("sparql", "L4", Outcome.UNTESTED),
    )


def explanation(link: str = f"{RULES}naam-verplicht") -> Explanation:
    """An explanation as a failed assertion carries it (Dutch and English, the rule's link)."""
    return Explanation(
        nl=ExplanationText(
            meaning="Elke dienst heeft een naam.",
            cause="De naam ontbreekt in de export.",
            fix="Vul de naam in voor elke dienst.",
        ),
        en=ExplanationText(
            meaning="Every service has a name.",
            cause="The name is missing from the export.",
            fix="Fill in the name of every service.",
        ),
        link=link,
    )


def explained_card() -> Scorecard:
    """``card()`` whose vendor failure and doubt carry their explanations."""
    explained = tuple(
        replace(record, explanation=explanation(record.requirement))
        if record.outcome in (Outcome.FAILED, Outcome.CANT_TELL)
        else record
        for record in records()
    )
    return card(assertions=explained)


def run_info() -> RunInfo:
    return RunInfo(
        harness="interop-lab 0.1.0",
        started="2026-11-28T18:05:01Z",
        ended="2026-11-28T18:05:09Z",
        evidence="evidence.har",
        artefacts=(
            ArtefactUse(
                url="https://data.vlaanderen.be/doc/applicatieprofiel/ipdc-lpdc/shacl.ttl",
                sha256="ab" * 32,
                repairs=("sh:datatype rdf:langString hersteld", "typfout in sh:path"),
            ),
        ),
        run_id="20261128T180501Z-3f2a9c",
        validator="interop-lab SHACL-engine (resultaten gelijk aan pySHACL 0.40.1)",
    )


def card(
    *,
    iri: str = "urn:uuid:6f1c2d1e-1111-4a4a-9b9b-000000000001",
    vendor: str = "Voorbeeld NV",
    product: str = "Voorbeeld Loket",
    release: str = "4.2.0",
    assertions: tuple[AssertionRecord, ...] | None = None,
) -> Scorecard:
    return Scorecard(
        iri=iri,
        subject=Subject(vendor=vendor, kbo="0123456789", product=product, release=release),
        standard=StandardRef(
            suite=SUITE,
            suite_version="1.0.0",
            iri="https://data.vlaanderen.be/doc/applicatieprofiel/ipdc-lpdc/",
            version="2024-07-04",
            title="IPDC-LPDC implementatiemodel – é ü",
        ),
        mode="self-test",
        levels=LEVELS,
        assertions=records() if assertions is None else assertions,
        run=run_info(),
    )


def conformant_card(iri: str = "urn:uuid:6f1c2d1e-1111-4a4a-9b9b-000000000002") -> Scorecard:
    passed = tuple(
        _record(f"ok-{level.id}", level.id, Outcome.PASSED, description="") for level in LEVELS
    )
    return card(iri=iri, product="Ander Loket", assertions=passed)


def error_card(iri: str = "urn:uuid:6f1c2d1e-1111-4a4a-9b9b-000000000003") -> Scorecard:
    crash = _record(
        "crash", "L2", Outcome.UNTESTED, description="KeyError: 'x'", harness_error=True
    )
    return card(iri=iri, assertions=(*records()[:2], crash))
