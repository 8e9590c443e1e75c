"""What changed between two runs of one suite: per test, and in verdict and level. No I/O."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from interop_lab.model.outcomes import Outcome
from interop_lab.model.scorecard import AssertionRecord, Scorecard

NO_CHANGES = "geen wijzigingen"
# An outcome after a failure that means the vendor really fixed it (cantTell does not).
SETTLED = (Outcome.PASSED, Outcome.INAPPLICABLE)


class ChangeKind(StrEnum):
    """The kinds of change, in the order people read them: the bad news first."""

    NEW_FAILURE = "new-failure"
    FIXED = "fixed"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"

    @property
    def label(self) -> str:
        return LABELS[self]


LABELS = {
    ChangeKind.NEW_FAILURE: "nieuw gefaald",
    ChangeKind.FIXED: "opgelost",
    ChangeKind.CHANGED: "gewijzigd",
    ChangeKind.ADDED: "toegevoegd",
    ChangeKind.REMOVED: "verwijderd",
}
ORDER = {kind: index for index, kind in enumerate(ChangeKind)}


@dataclass(frozen=True, slots=True)
class TestChange:
    """One test whose outcome differs (None: the test was not in that run)."""

    __test__ = False  # not a pytest test class, despite the name

    kind: ChangeKind
    test: str
    title: str
    requirement: str
    before: Outcome | None
    after: Outcome | None
    description: str = ""  # the later run's explanation, when it has one


@dataclass(frozen=True, slots=True)
class ScorecardDiff:
    before: Scorecard
    after: Scorecard
    changes: tuple[TestChange, ...]

    @property
    def verdict_changed(self) -> bool:
        return self.before.verdict != self.after.verdict

    @property
    def level_changed(self) -> bool:
        return self.before.level != self.after.level

    @property
    def unchanged(self) -> bool:
        return not (self.changes or self.verdict_changed or self.level_changed)

    def of_kind(self, kind: ChangeKind) -> tuple[TestChange, ...]:
        return tuple(change for change in self.changes if change.kind is kind)


def diff_scorecards(before: Scorecard, after: Scorecard) -> ScorecardDiff:
    """Compare the earlier card ``before`` with the later ``after``, test by test."""
    earlier = _by_test(before)
    later = _by_test(after)
    changes = []
    for key in earlier.keys() | later.keys():
        change = _change(earlier.get(key), later.get(key))
        if change is not None:
            changes.append(change)
    changes.sort(key=lambda change: (ORDER[change.kind], change.test))
    return ScorecardDiff(before, after, tuple(changes))


def _by_test(card: Scorecard) -> dict[str, AssertionRecord]:
    # Test IRIs carry the suite version; dropping it keeps a test the same test across versions.
    version = f":{card.standard.suite_version}:"
    return {record.test.replace(version, ":", 1): record for record in card.assertions}


def _change(old: AssertionRecord | None, new: AssertionRecord | None) -> TestChange | None:
    if new is None:
        assert old is not None  # a key comes from at least one of the two cards
        return _make(ChangeKind.REMOVED, old, old.outcome, None)
    if old is None:
        return _make(ChangeKind.ADDED, new, None, new.outcome)
    if old.outcome is new.outcome:
        return None
    if new.outcome is Outcome.FAILED:
        kind = ChangeKind.NEW_FAILURE
    elif old.outcome is Outcome.FAILED and new.outcome in SETTLED:
        kind = ChangeKind.FIXED
    else:
        kind = ChangeKind.CHANGED
    return _make(kind, new, old.outcome, new.outcome)


def _make(
    kind: ChangeKind, record: AssertionRecord, before: Outcome | None, after: Outcome | None
) -> TestChange:
    description = record.description if after is not None else ""
    return TestChange(
        kind, record.test, record.title, record.requirement, before, after, description
    )


def diff_lines(diff: ScorecardDiff) -> list[str]:
    """The diff for people, in Dutch."""
    before, after = diff.before, diff.after
    lines = [
        f"{after.subject.vendor} / {after.subject.product}, {after.standard.suite}",
        f"  voor: {_run_line(before)}",
        f"  na:   {_run_line(after)}",
    ]
    if diff.unchanged:
        return [*lines, NO_CHANGES]
    if diff.verdict_changed:
        lines.append(f"oordeel: {before.verdict} -> {after.verdict}")
    if diff.level_changed:
        lines.append(f"niveau: {before.level or '-'} -> {after.level or '-'}")
    for kind in ChangeKind:
        changes = diff.of_kind(kind)
        if changes:
            lines.append(f"{kind.label} ({len(changes)}):")
            lines.extend(_change_line(change) for change in changes)
    return lines


def _run_line(card: Scorecard) -> str:
    return (
        f"{card.iri} ({card.subject.release}, {card.run.ended or '?'}): "
        f"{card.verdict}, niveau {card.level or '-'}"
    )


def _change_line(change: TestChange) -> str:
    outcomes = f"{change.before or '-'} -> {change.after or '-'}"
    line = f"  {change.test}  {change.title}: {outcomes}"
    return f"{line}\n      {change.description}" if change.description else line


def diff_json(diff: ScorecardDiff) -> dict[str, Any]:
    """The same diff for machines: plain JSON values, kinds and outcomes by their codes."""
    return {
        "before": _card_json(diff.before),
        "after": _card_json(diff.after),
        "verdictChanged": diff.verdict_changed,
        "levelChanged": diff.level_changed,
        "unchanged": diff.unchanged,
        "changes": [
            {
                "kind": change.kind.value,
                "label": change.kind.label,
                "test": change.test,
                "title": change.title,
                "requirement": change.requirement,
                "before": change.before.value if change.before else None,
                "after": change.after.value if change.after else None,
                "description": change.description,
            }
            for change in diff.changes
        ],
    }


def _card_json(card: Scorecard) -> dict[str, Any]:
    return {
        "iri": card.iri,
        "runId": card.run.run_id,
        "release": card.subject.release,
        "suite": card.standard.suite,
        "ended": card.run.ended,
        "mode": card.mode,
        "verdict": card.verdict,
        "level": card.level,
    }
