"""From a finished session to one scorecard per suite, and to the exit code the contract names."""

from __future__ import annotations

from collections.abc import Sequence

from interop_lab import __version__
from interop_lab.model.ids import scorecard_iri, slug, test_iri
from interop_lab.model.outcomes import Outcome, Usage
from interop_lab.model.scorecard import (
    CONFORMANT,
    ERROR,
    ArtefactUse,
    AssertionRecord,
    RunInfo,
    Scorecard,
    StandardRef,
    Subject,
)
from interop_lab.runner.session import LabSession, now_iso
from interop_lab.suites.registry import Suite

EVIDENCE_FILE = "evidence.har"
EXIT_CONFORMANT = 0
EXIT_NON_CONFORMANT = 1
EXIT_HARNESS = 3


def build_scorecards(lab: LabSession) -> list[Scorecard]:
    ended = now_iso()
    cards = []
    for suite_id in sorted(lab.records):
        suite = lab.suites[suite_id]
        claim = lab.profile.claim_for(suite_id)
        if claim is None:
            continue
        manifest = suite.manifest
        order = {level.id: index for index, level in enumerate(suite.levels)}
        found = [*lab.records[suite_id], *untested(suite, lab.records[suite_id])]
        records = sorted(found, key=lambda r: (order.get(r.level, 99), r.test))
        artefacts = lab.artefacts(suite).used
        cards.append(
            Scorecard(
                iri=scorecard_iri(lab.run_id, suite_id),
                subject=Subject(
                    vendor=lab.profile.vendor.name,
                    kbo=lab.profile.vendor.kbo,
                    product=lab.profile.product.name,
                    release=lab.profile.product.release,
                    municipalities=lab.profile.municipalities,
                ),
                standard=StandardRef(
                    suite=suite_id,
                    suite_version=manifest.version,
                    iri=manifest.standard.iri,
                    version=manifest.standard.version,
                    title=manifest.standard.title,
                    register=manifest.standard.register_title or "",
                ),
                mode="self-test",
                levels=suite.levels,
                assertions=tuple(records),
                run=RunInfo(
                    harness=f"interop-lab {__version__}",
                    started=lab.started,
                    ended=ended,
                    evidence=EVIDENCE_FILE,
                    artefacts=tuple(
                        ArtefactUse(a.pin.url, a.pin.sha256, a.repairs_applied) for a in artefacts
                    ),
                    run_id=lab.run_id,
                    validator=lab.validator(suite_id),
                ),
                claimed_level=claim.level,
            )
        )
    return cards


def untested(suite: Suite, records: Sequence[AssertionRecord]) -> list[AssertionRecord]:
    """The suite's named requirements no test covers: listed as untested, never left out."""
    covered = {record.requirement for record in records}
    return [
        AssertionRecord(
            test=test_iri(suite.id, suite.manifest.version, f"untested/{slug(requirement.iri)}"),
            title=requirement.title,
            requirement=requirement.iri,
            level=requirement.level,
            usage=Usage(requirement.usage),
            outcome=Outcome.UNTESTED,
            description="deze suiteversie heeft (nog) geen test voor deze vereiste",
        )
        for requirement in suite.manifest.requirements
        if requirement.iri not in covered
    ]


def exit_code(cards: Sequence[Scorecard]) -> int:
    """0 every claimed standard conformant, 1 one is not, 3 the lab itself failed."""
    if any(card.verdict == ERROR for card in cards):
        return EXIT_HARNESS
    if all(card.verdict == CONFORMANT for card in cards):
        return EXIT_CONFORMANT
    return EXIT_NON_CONFORMANT
