"""A product's history in the catalogue: every run kept, oldest first, on every kind of store."""

from __future__ import annotations

from dataclasses import replace

from interop_lab.catalogue import Catalogue, TrendPoint
from interop_lab.model.scorecard import Scorecard
from tests.reporting.cards import card, conformant_card

VENDOR, PRODUCT = "Voorbeeld NV", "Voorbeeld Loket"


def _run(
    number: int, ended: str, *, suite: str = "ipdc-lpdc", mode: str = "self-test"
) -> Scorecard:
    base = card() if number % 2 else replace(conformant_card(), subject=card().subject)
    return replace(
        base,
        iri=f"urn:uuid:00000000-0000-4000-8000-{number:012d}",
        standard=replace(base.standard, suite=suite),
        mode=mode,
        run=replace(base.run, ended=ended, run_id=f"run-{number}"),
    )


# Added out of order on purpose: the catalogue orders by the end of the run, not by arrival.
FIRST = _run(1, "2026-09-01T10:00:00Z")
SECOND = _run(2, "2026-10-01T10:00:00Z")
THIRD = _run(3, "2026-11-01T10:00:00Z")
OTHER_SUITE = _run(4, "2026-10-15T10:00:00Z", suite="ldes")


def _fill(catalogue: Catalogue, *cards: Scorecard) -> None:
    for each in cards:
        catalogue.add(each)
    catalogue.add(replace(conformant_card(), iri="urn:uuid:00000000-0000-4000-8000-00000000ffff"))


def test_history_keeps_every_run_oldest_first(catalogue: Catalogue) -> None:
    _fill(catalogue, THIRD, FIRST, OTHER_SUITE, SECOND)

    runs = catalogue.history(VENDOR, PRODUCT)

    assert [run.iri for run in runs] == [FIRST.iri, SECOND.iri, OTHER_SUITE.iri, THIRD.iri]
    assert [run.run_id for run in runs] == ["run-1", "run-2", "run-4", "run-3"]
    assert runs[0].verdict == "non-conformant"
    assert runs[1].verdict == "conformant"
    assert runs[1].level == "L4"
    assert runs[0].level == "L2"
    assert {run.mode for run in runs} == {"self-test"}


def test_history_of_one_suite(catalogue: Catalogue) -> None:
    _fill(catalogue, THIRD, FIRST, OTHER_SUITE, SECOND)

    assert [r.iri for r in catalogue.history(VENDOR, PRODUCT, "ldes")] == [OTHER_SUITE.iri]
    assert len(catalogue.history(VENDOR, PRODUCT, "ipdc-lpdc")) == 3
    assert catalogue.history(VENDOR, PRODUCT, "adresregister") == []
    assert catalogue.history("Andere NV", PRODUCT) == []


def test_latest(catalogue: Catalogue) -> None:
    assert catalogue.latest(VENDOR, PRODUCT) is None

    _fill(catalogue, THIRD, FIRST, OTHER_SUITE, SECOND)

    assert catalogue.latest(VENDOR, PRODUCT) == catalogue.history(VENDOR, PRODUCT)[-1]
    latest_ldes = catalogue.latest(VENDOR, PRODUCT, "ldes")
    assert latest_ldes is not None
    assert latest_ldes.iri == OTHER_SUITE.iri


def test_last_certified_is_none_until_a_certified_run(catalogue: Catalogue) -> None:
    _fill(catalogue, FIRST, SECOND)
    assert catalogue.last_certified(VENDOR, PRODUCT) is None

    certified = _run(5, "2026-10-20T10:00:00Z", mode="certified")
    catalogue.add(certified)
    catalogue.add(THIRD)

    found = catalogue.last_certified(VENDOR, PRODUCT)
    assert found is not None
    assert found.iri == certified.iri
    assert found.mode == "certified"
    assert catalogue.last_certified(VENDOR, PRODUCT, "ldes") is None
    latest = catalogue.latest(VENDOR, PRODUCT)
    assert latest is not None
    assert latest.iri == THIRD.iri


def test_trend_per_suite(catalogue: Catalogue) -> None:
    _fill(catalogue, THIRD, FIRST, OTHER_SUITE, SECOND)

    trend = catalogue.trend(VENDOR, PRODUCT)

    assert sorted(trend) == ["ipdc-lpdc", "ldes"]
    assert [(p.ended, p.verdict, p.level) for p in trend["ipdc-lpdc"]] == [
        ("2026-09-01T10:00:00Z", "non-conformant", "L2"),
        ("2026-10-01T10:00:00Z", "conformant", "L4"),
        ("2026-11-01T10:00:00Z", "non-conformant", "L2"),
    ]
    assert trend["ldes"] == [
        TrendPoint(
            OTHER_SUITE.iri, "2026-10-15T10:00:00Z", "4.2.0", "self-test", "conformant", "L4"
        )
    ]


def test_runs_by_run_id(catalogue: Catalogue) -> None:
    _fill(catalogue, FIRST, SECOND, replace(OTHER_SUITE, run=SECOND.run))

    assert sorted(r.suite for r in catalogue.runs("run-2")) == ["ipdc-lpdc", "ldes"]
    assert [r.iri for r in catalogue.runs("run-2", "ipdc-lpdc")] == [SECOND.iri]
    assert catalogue.runs("run-9") == []
