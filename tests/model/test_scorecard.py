"""The scorecard roll-up: verdict from Verplicht failures, level from the levels passed."""

from __future__ import annotations

from interop_lab.model.outcomes import Blame, Level, Outcome, Usage
from interop_lab.model.scorecard import (
    AssertionRecord,
    RunInfo,
    Scorecard,
    StandardRef,
    Subject,
)

LEVELS = (Level("L1", "een"), Level("L2", "twee"), Level("L3", "drie"))


def _record(
    level: str, outcome: Outcome, usage: Usage = Usage.VERPLICHT, **extra: object
) -> AssertionRecord:
    return AssertionRecord(
        test=f"urn:t:{level}:{outcome.value}:{usage.value}",
        title="t",
        requirement="urn:r",
        level=level,
        usage=usage,
        outcome=outcome,
        **extra,  # type: ignore[arg-type]
    )


def _card(*records: AssertionRecord, claimed: str | None = None) -> Scorecard:
    return Scorecard(
        iri="urn:uuid:x",
        subject=Subject("V", "0202239951", "P", "1"),
        standard=StandardRef("s", "1", "urn:s", "1", "S"),
        mode="self-test",
        levels=LEVELS,
        assertions=records,
        run=RunInfo(harness="h", started="a", ended="b", evidence="evidence.har"),
        claimed_level=claimed,
    )


def test_all_passed_is_conformant_at_the_top_level() -> None:
    card = _card(_record("L1", Outcome.PASSED), _record("L3", Outcome.PASSED))

    assert (card.verdict, card.level) == ("conformant", "L3")


def test_a_failed_aanbevolen_test_keeps_the_verdict_but_stops_the_level() -> None:
    card = _card(_record("L1", Outcome.PASSED), _record("L2", Outcome.FAILED, Usage.AANBEVOLEN))

    assert (card.verdict, card.level) == ("conformant", "L1")


def test_a_failed_verplicht_test_is_non_conformant() -> None:
    card = _card(_record("L1", Outcome.FAILED))

    assert (card.verdict, card.level) == ("non-conformant", None)


def test_a_failure_blamed_on_the_standard_does_not_count() -> None:
    card = _card(_record("L1", Outcome.FAILED, blame=Blame.STANDARD))

    assert (card.verdict, card.level) == ("conformant", "L3")


def test_cant_tell_stops_the_level_but_not_the_verdict() -> None:
    card = _card(_record("L1", Outcome.PASSED), _record("L2", Outcome.CANT_TELL))

    assert (card.verdict, card.level) == ("conformant", "L1")


def test_a_harness_error_is_the_verdict_error() -> None:
    card = _card(_record("L1", Outcome.CANT_TELL, harness_error=True))

    assert (card.verdict, card.level) == ("error", None)


def test_the_level_never_goes_above_the_claimed_one() -> None:
    card = _card(
        _record("L1", Outcome.PASSED),
        _record("L2", Outcome.INAPPLICABLE),
        _record("L3", Outcome.INAPPLICABLE),
        claimed="L1",
    )

    assert (card.verdict, card.level) == ("conformant", "L1")
