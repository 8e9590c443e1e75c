"""The campaign matrix from a real embedded catalogue: changes, flakiness, certified regressions."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from interop_lab.campaign.matrix import (
    Change,
    build_matrix,
    campaign_jobs,
    exit_code,
    job_graph,
    job_triples,
)
from interop_lab.catalogue import EmbeddedCatalogue
from interop_lab.model.outcomes import Blame
from interop_lab.model.scorecard import Scorecard, Subject
from tests.campaign.support import rule, scored

CAMPAIGN = "20261201T000000Z-c0ffee"
# Who a task is about when no scorecard says it (the job graph names it).
BETA = Subject(vendor="Beta BV", kbo="0202239951", product="Beta Loket", release="2.0")
DAY = "2026-11-{:02}T10:00:00Z"


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[EmbeddedCatalogue]:
    opened = EmbeddedCatalogue(tmp_path / "catalogue")
    yield opened
    opened.close()


def _history(catalogue: EmbeddedCatalogue, *cards: Scorecard) -> None:
    for card in cards:
        catalogue.add(card)


def _job(
    catalogue: EmbeddedCatalogue,
    profile: str,
    cards: Sequence[Scorecard] = (),
    *,
    network: bool = False,
    exit_code: int = 0,
    unjudged: Sequence[str] = (),
    campaign: str = CAMPAIGN,
) -> None:
    for card in cards:
        catalogue.add(card)
    catalogue.replace_graph(
        job_graph(campaign, profile),
        job_triples(
            campaign,
            profile,
            subject=cards[0].subject if cards else BETA,
            network=network,
            exit_code=exit_code,
            scorecards=[card.iri for card in cards],
            unjudged=unjudged,
        ),
    )


def _iri(number: int) -> str:
    return f"urn:uuid:00000000-0000-4000-8000-{number:012}"


def test_new_when_no_earlier_run(catalogue: EmbeddedCatalogue) -> None:
    now = scored(_iri(1), DAY.format(10))
    _job(catalogue, "acme", [now])
    matrix = build_matrix(catalogue, CAMPAIGN, ["ipdc-lpdc", "ldes"])
    assert matrix.campaign == CAMPAIGN
    assert matrix.suites == ("ipdc-lpdc", "ldes")
    [row] = matrix.rows
    assert (row.profile, row.vendor, row.kbo, row.product, row.release) == (
        "acme",
        "Voorbeeld NV",
        "0123456789",
        "Voorbeeld Loket",
        "4.2.0",
    )
    cell = row.cells["ipdc-lpdc"]
    assert cell.change is Change.NEW
    assert (cell.verdict, cell.level, cell.scorecard) == ("conformant", "L4", now.iri)
    assert cell.previous is None
    assert cell.certified is None
    assert matrix.regressions() == []


def test_same(catalogue: EmbeddedCatalogue) -> None:
    before = scored(_iri(1), DAY.format(1), failed=("l3",))
    _history(catalogue, before)
    _job(catalogue, "acme", [scored(_iri(2), DAY.format(2), failed=("l3",))])
    cell = build_matrix(catalogue, CAMPAIGN, []).rows[0].cells["ipdc-lpdc"]
    assert cell.change is Change.SAME
    assert cell.change.label == "ongewijzigd"
    assert (cell.previous, cell.previous_level, cell.level) == (before.iri, "L2", "L2")
    assert cell.new_failures == cell.fixed == cell.flaky == ()


def test_worse_lists_new_failures(catalogue: EmbeddedCatalogue) -> None:
    _history(catalogue, scored(_iri(1), DAY.format(1)))
    _job(catalogue, "acme", [scored(_iri(2), DAY.format(2), failed=("l3",))], exit_code=1)
    matrix = build_matrix(catalogue, CAMPAIGN, [])
    cell = matrix.rows[0].cells["ipdc-lpdc"]
    assert cell.change is Change.WORSE
    assert cell.new_failures == (rule("l3"),)
    assert (cell.previous_level, cell.level, cell.verdict) == ("L4", "L2", "non-conformant")
    assert [(row.profile, found.suite) for row, found in matrix.regressions()] == [
        ("acme", "ipdc-lpdc")
    ]


def test_new_failure_in_a_later_level_is_worse(catalogue: EmbeddedCatalogue) -> None:
    # The level stays (L2: l3 fails in both) but l4 newly fails: still a regression.
    _history(catalogue, scored(_iri(1), DAY.format(1), failed=("l3",)))
    _job(catalogue, "acme", [scored(_iri(2), DAY.format(2), failed=("l3", "l4"))])
    cell = build_matrix(catalogue, CAMPAIGN, []).rows[0].cells["ipdc-lpdc"]
    assert cell.change is Change.WORSE
    assert cell.new_failures == (rule("l4"),)


def test_better_lists_fixed(catalogue: EmbeddedCatalogue) -> None:
    _history(catalogue, scored(_iri(1), DAY.format(1), failed=("l2", "l3")))
    _job(catalogue, "acme", [scored(_iri(2), DAY.format(2), failed=("l3",))])
    matrix = build_matrix(catalogue, CAMPAIGN, [])
    cell = matrix.rows[0].cells["ipdc-lpdc"]
    assert cell.change is Change.BETTER
    assert cell.fixed == (rule("l2"),)
    assert cell.new_failures == ()
    assert matrix.regressions() == []


def test_previous_is_the_latest_earlier_run(catalogue: EmbeddedCatalogue) -> None:
    _history(
        catalogue,
        scored(_iri(1), DAY.format(1)),
        scored(_iri(2), DAY.format(2), failed=("l3",)),
    )
    _job(catalogue, "acme", [scored(_iri(3), DAY.format(3), failed=("l3",))])
    cell = build_matrix(catalogue, CAMPAIGN, []).rows[0].cells["ipdc-lpdc"]
    assert (cell.change, cell.previous) == (Change.SAME, _iri(2))


def test_network_instead_of_worse(catalogue: EmbeddedCatalogue) -> None:
    _history(catalogue, scored(_iri(1), DAY.format(1)))
    _job(catalogue, "acme", [scored(_iri(2), DAY.format(2), failed=("l2",))], network=True)
    matrix = build_matrix(catalogue, CAMPAIGN, [])
    cell = matrix.rows[0].cells["ipdc-lpdc"]
    assert cell.change is Change.NETWORK
    assert cell.change.label == "netwerkprobleem?"
    assert cell.network is True
    assert cell.new_failures == (rule("l2"),)
    assert matrix.regressions() == []


def test_network_trouble_does_not_hide_better(catalogue: EmbeddedCatalogue) -> None:
    _history(catalogue, scored(_iri(1), DAY.format(1), failed=("l2",)))
    _job(catalogue, "acme", [scored(_iri(2), DAY.format(2))], network=True)
    cell = build_matrix(catalogue, CAMPAIGN, []).rows[0].cells["ipdc-lpdc"]
    assert cell.change is Change.BETTER


def _alternating_history(catalogue: EmbeddedCatalogue, *, always: tuple[str, ...]) -> None:
    """l4 passed, failed, passed over three runs (``always`` failed in every run)."""
    _history(
        catalogue,
        scored(_iri(1), DAY.format(1), failed=always),
        scored(_iri(2), DAY.format(2), failed=(*always, "l4")),
        scored(_iri(3), DAY.format(3), failed=always),
    )


def test_flaky_when_only_an_alternating_test_changed(catalogue: EmbeddedCatalogue) -> None:
    # l4 went passed, failed, passed and fails again now; its failure is flakiness, no regression.
    _alternating_history(catalogue, always=())
    _job(catalogue, "acme", [scored(_iri(4), DAY.format(4), failed=("l4",))])
    matrix = build_matrix(catalogue, CAMPAIGN, [])
    cell = matrix.rows[0].cells["ipdc-lpdc"]
    assert cell.flaky == (rule("l4"),)
    assert cell.new_failures == ()
    assert cell.change is Change.FLAKY
    assert cell.change.label == "wisselvallig"
    assert matrix.regressions() == []


def test_flaky_when_the_level_does_not_move(catalogue: EmbeddedCatalogue) -> None:
    # l3 fails throughout, so l4 flipping changes neither the verdict nor the level.
    _alternating_history(catalogue, always=("l3",))
    _job(catalogue, "acme", [scored(_iri(4), DAY.format(4), failed=("l3", "l4"))])
    matrix = build_matrix(catalogue, CAMPAIGN, [])
    cell = matrix.rows[0].cells["ipdc-lpdc"]
    assert cell.change is Change.FLAKY
    assert cell.flaky == (rule("l4"),)
    assert cell.new_failures == ()
    assert matrix.regressions() == []


def test_one_switch_is_not_flaky(catalogue: EmbeddedCatalogue) -> None:
    _history(
        catalogue,
        scored(_iri(1), DAY.format(1), failed=("l3",)),
        scored(_iri(2), DAY.format(2), failed=("l3",)),
        scored(_iri(3), DAY.format(3), failed=("l3",)),
    )
    _job(catalogue, "acme", [scored(_iri(4), DAY.format(4), failed=("l3", "l4"))])
    cell = build_matrix(catalogue, CAMPAIGN, []).rows[0].cells["ipdc-lpdc"]
    assert cell.change is Change.WORSE
    assert cell.flaky == ()
    assert cell.new_failures == (rule("l4"),)


def test_certified_regression(catalogue: EmbeddedCatalogue) -> None:
    certified = scored(_iri(1), DAY.format(1), mode="certified")
    _history(catalogue, certified, scored(_iri(2), DAY.format(2), failed=("l2",)))
    _job(catalogue, "acme", [scored(_iri(3), DAY.format(3), failed=("l2",))])
    matrix = build_matrix(catalogue, CAMPAIGN, [])
    cell = matrix.rows[0].cells["ipdc-lpdc"]
    assert cell.change is Change.SAME  # the same as the run before
    assert cell.certified == certified.iri
    assert cell.certified_regressions == (rule("l2"),)
    assert [found.suite for _, found in matrix.regressions()] == ["ipdc-lpdc"]


def test_certified_is_the_last_certified_run(catalogue: EmbeddedCatalogue) -> None:
    _history(
        catalogue,
        scored(_iri(1), DAY.format(1), mode="certified"),
        scored(_iri(2), DAY.format(2), mode="certified", failed=("l4",)),
        scored(_iri(3), DAY.format(3), failed=("l4",)),
    )
    _job(catalogue, "acme", [scored(_iri(4), DAY.format(4), failed=("l4",))])
    cell = build_matrix(catalogue, CAMPAIGN, []).rows[0].cells["ipdc-lpdc"]
    assert cell.certified == _iri(2)
    assert cell.certified_regressions == ()


def test_other_products_are_not_history(catalogue: EmbeddedCatalogue) -> None:
    _history(catalogue, scored(_iri(1), DAY.format(1), product="Ander Loket", failed=("l2",)))
    _job(catalogue, "acme", [scored(_iri(2), DAY.format(2))])
    cell = build_matrix(catalogue, CAMPAIGN, []).rows[0].cells["ipdc-lpdc"]
    assert cell.change is Change.NEW


def test_unjudged_suite_is_an_error_cell(catalogue: EmbeddedCatalogue) -> None:
    _job(catalogue, "acme", [scored(_iri(1), DAY.format(1))], unjudged=["ldes"], exit_code=3)
    _job(catalogue, "beta", unjudged=["ipdc-lpdc"], exit_code=2, network=True)
    matrix = build_matrix(catalogue, CAMPAIGN, ["ipdc-lpdc"])
    assert matrix.suites == ("ipdc-lpdc", "ldes")
    acme, beta = matrix.rows
    assert list(acme.cells) == ["ipdc-lpdc", "ldes"]
    error = acme.cells["ldes"]
    assert (error.change, error.verdict, error.level, error.scorecard) == (
        Change.ERROR,
        "error",
        None,
        None,
    )
    assert error.change.label == "niet beoordeeld"
    assert (beta.profile, beta.vendor, beta.product) == ("beta", "Beta BV", "Beta Loket")
    assert beta.cells["ipdc-lpdc"].change is Change.ERROR
    assert beta.cells["ipdc-lpdc"].network is True
    assert exit_code(matrix, []) == 3


def test_campaign_jobs_reads_the_job_graphs(catalogue: EmbeddedCatalogue) -> None:
    _job(catalogue, "beta", [scored(_iri(1), DAY.format(1))], network=True, exit_code=1)
    _job(catalogue, "acme", unjudged=["ldes", "ipdc-lpdc"], exit_code=3)
    _job(catalogue, "gamma", [scored(_iri(2), DAY.format(2))], campaign="een-andere")
    jobs = campaign_jobs(catalogue, CAMPAIGN)
    assert [(job.profile, job.network, job.exit_code) for job in jobs] == [
        ("acme", False, 3),
        ("beta", True, 1),
    ]
    assert jobs[0].unjudged == ("ipdc-lpdc", "ldes")
    assert jobs[1].scorecards == (_iri(1),)


def test_redone_task_replaces_its_job_graph(catalogue: EmbeddedCatalogue) -> None:
    _job(catalogue, "acme", unjudged=["ipdc-lpdc"], exit_code=3)
    _job(catalogue, "acme", [scored(_iri(1), DAY.format(1))])
    [job] = campaign_jobs(catalogue, CAMPAIGN)
    assert (job.unjudged, job.scorecards, job.exit_code) == ((), (_iri(1),), 0)


def test_exit_codes(catalogue: EmbeddedCatalogue) -> None:
    empty = build_matrix(catalogue, CAMPAIGN, [])
    assert exit_code(empty, []) == 0
    _job(catalogue, "acme", [scored(_iri(1), DAY.format(1))])
    conformant = build_matrix(catalogue, CAMPAIGN, [])
    assert exit_code(conformant, []) == 0
    assert exit_code(conformant, ["beta: a worker process died"]) == 3
    _job(catalogue, "beta", [scored(_iri(2), DAY.format(2), failed=("l1",), product="B")])
    assert exit_code(build_matrix(catalogue, CAMPAIGN, []), []) == 1
    _job(catalogue, "gamma", unjudged=["ldes"])
    assert exit_code(build_matrix(catalogue, CAMPAIGN, []), []) == 3


def test_failure_blamed_on_the_standard_is_no_regression(catalogue: EmbeddedCatalogue) -> None:
    # A failure blamed on the standard is shown but never held against the vendor (as in the
    # verdict, the level and the journal's JobResult.failed): it must not make the cell WORSE.
    before = scored(_iri(1), DAY.format(1))
    now = scored(_iri(2), DAY.format(2), failed=("l4",))
    blamed = tuple(
        replace(record, blame=Blame.STANDARD) if record.test == rule("l4") else record
        for record in now.assertions
    )
    now = replace(now, assertions=blamed)
    assert (now.verdict, now.level) == ("conformant", "L4")
    _history(catalogue, before)
    _job(catalogue, "acme", [now])
    matrix = build_matrix(catalogue, CAMPAIGN, [])
    cell = matrix.rows[0].cells["ipdc-lpdc"]
    assert cell.change is Change.SAME
    assert cell.new_failures == ()
    assert matrix.regressions() == []
