"""The diff of two scorecards: every kind of change, in Dutch for people and as JSON."""

from __future__ import annotations

import json
from dataclasses import replace

from interop_lab.catalogue.diff import (
    NO_CHANGES,
    ChangeKind,
    ScorecardDiff,
    diff_json,
    diff_lines,
    diff_scorecards,
)
from interop_lab.model.outcomes import Outcome
from interop_lab.model.scorecard import AssertionRecord, Scorecard, StandardRef
from tests.reporting.cards import card, conformant_card, iri_of_test

LATER = "urn:uuid:6f1c2d1e-1111-4a4a-9b9b-000000000099"


def _with_outcomes(base: Scorecard, outcomes: dict[str, Outcome], iri: str = LATER) -> Scorecard:
    """A later run of ``base`` in which the named tests ended differently."""
    records = tuple(
        replace(record, outcome=outcomes.get(record.test, record.outcome))
        for record in base.assertions
    )
    return replace(base, iri=iri, assertions=records)


def _only(diff: ScorecardDiff, kind: ChangeKind) -> list[str]:
    return [change.test for change in diff.of_kind(kind)]


def test_identical_runs_have_no_changes() -> None:
    diff = diff_scorecards(card(), replace(card(), iri=LATER))

    assert diff.changes == ()
    assert diff.unchanged
    assert diff_lines(diff)[-1] == NO_CHANGES
    assert diff_json(diff)["unchanged"] is True


def test_a_passed_test_that_fails_is_a_new_failure_and_costs_the_verdict() -> None:
    before = conformant_card()
    broken = iri_of_test("ok-L2")

    diff = diff_scorecards(before, _with_outcomes(before, {broken: Outcome.FAILED}))

    assert _only(diff, ChangeKind.NEW_FAILURE) == [broken]
    assert diff.verdict_changed
    assert diff.level_changed
    text = "\n".join(diff_lines(diff))
    assert "nieuw gefaald (1):" in text
    assert f"{broken}  Regel ok-L2: passed -> failed" in text
    assert "oordeel: conformant -> non-conformant" in text
    assert "niveau: L4 -> L1" in text


def test_a_failed_test_that_passes_or_no_longer_applies_is_fixed() -> None:
    before = card()
    passes, gone = iri_of_test("naam-verplicht"), iri_of_test("iri-deref")

    after = _with_outcomes(before, {passes: Outcome.PASSED, gone: Outcome.INAPPLICABLE})
    diff = diff_scorecards(before, after)

    assert _only(diff, ChangeKind.FIXED) == sorted([passes, gone])
    assert "opgelost (2):" in diff_lines(diff)
    assert "oordeel: non-conformant -> conformant" in diff_lines(diff)


def test_other_outcome_changes_are_changes() -> None:
    before = card()
    doubtful, failed_to_doubt = iri_of_test("context"), iri_of_test("naam-verplicht")

    after = _with_outcomes(
        before, {doubtful: Outcome.CANT_TELL, failed_to_doubt: Outcome.CANT_TELL}
    )
    diff = diff_scorecards(before, after)

    # A failure that became cantTell is not fixed: nobody could tell whether it was.
    assert _only(diff, ChangeKind.CHANGED) == sorted([doubtful, failed_to_doubt])
    assert diff.of_kind(ChangeKind.FIXED) == ()
    assert f"{doubtful}  Regel context: passed -> cantTell" in "\n".join(diff_lines(diff))


def test_tests_added_and_removed() -> None:
    before = card()
    dropped = before.assertions[-1]
    new = AssertionRecord(
        test=iri_of_test("nieuw"),
        title="Nieuwe regel",
        requirement="https://data.vlaanderen.be/shacl/ipdc-lpdc#nieuw",
        level="L4",
        usage=dropped.usage,
        outcome=Outcome.PASSED,
    )
    after = replace(before, iri=LATER, assertions=(*before.assertions[:-1], new))

    diff = diff_scorecards(before, after)

    assert _only(diff, ChangeKind.ADDED) == [new.test]
    assert _only(diff, ChangeKind.REMOVED) == [dropped.test]
    text = "\n".join(diff_lines(diff))
    assert f"toegevoegd (1):\n  {new.test}  Nieuwe regel: - -> passed" in text
    assert f"verwijderd (1):\n  {dropped.test}  Regel sparql: untested -> -" in text


def test_a_new_suite_version_keeps_tests_the_same_tests() -> None:
    before = conformant_card()
    renamed = tuple(
        replace(record, test=record.test.replace(":1.0.0:", ":1.1.0:"))
        for record in before.assertions
    )
    standard: StandardRef = replace(before.standard, suite_version="1.1.0")

    diff = diff_scorecards(before, replace(before, standard=standard, assertions=renamed))

    assert diff.unchanged


def test_the_bad_news_comes_first() -> None:
    before = card()
    after = _with_outcomes(
        before,
        {
            iri_of_test("naam-verplicht"): Outcome.PASSED,
            iri_of_test("http-200"): Outcome.FAILED,
            iri_of_test("context"): Outcome.CANT_TELL,
        },
    )

    kinds = [change.kind for change in diff_scorecards(before, after).changes]

    assert kinds == [ChangeKind.NEW_FAILURE, ChangeKind.FIXED, ChangeKind.CHANGED]


def test_json_holds_the_same_as_the_text() -> None:
    before = conformant_card()
    broken = iri_of_test("ok-L3")
    after = _with_outcomes(before, {broken: Outcome.FAILED})

    data = json.loads(json.dumps(diff_json(diff_scorecards(before, after))))

    assert data["before"]["iri"] == before.iri
    assert data["after"] == {
        "iri": LATER,
        "runId": after.run.run_id,
        "release": "4.2.0",
        "suite": "ipdc-lpdc",
        "ended": after.run.ended,
        "mode": "self-test",
        "verdict": "non-conformant",
        "level": "L2",
    }
    assert data["verdictChanged"]
    assert data["levelChanged"]
    assert not data["unchanged"]
    [change] = data["changes"]
    assert change["kind"] == "new-failure"
    assert change["label"] == "nieuw gefaald"
    assert (change["test"], change["before"], change["after"]) == (broken, "passed", "failed")
