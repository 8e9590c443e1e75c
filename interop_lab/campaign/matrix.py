"""The campaign matrix (products x standards) and its changes, read from the catalogue.

The campaign's own process and ``campaign merge`` both build it from the catalogue alone (the
scorecards and one small job graph per task), so four shards and one unsharded run give one
matrix. Changes compare each scorecard with the product's previous run of that standard and with
its last certified run, test by test; a test whose outcome alternated over the recent runs is
flaky, and a new failure there is not counted as a regression.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

import pyoxigraph as ox

from interop_lab.catalogue import Catalogue, ScorecardSummary
from interop_lab.catalogue.diff import ChangeKind, TestChange, diff_scorecards
from interop_lab.catalogue.rdf import PREFIXES, lab
from interop_lab.model.ids import LAB_URN
from interop_lab.model.outcomes import Outcome
from interop_lab.model.scorecard import Scorecard, Subject, counts_against_vendor

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"
EXIT_CONFORMANT = 0
EXIT_NON_CONFORMANT = 1
EXIT_HARNESS = 3
FLAKY_WINDOW = 5  # the runs (this one included) over which an alternating test counts as flaky
JOBS_QUERY = (
    PREFIXES
    + """SELECT ?job ?profile ?trouble ?exit ?vendor ?kbo ?product ?release ?card ?unjudged WHERE {
  GRAPH ?job {
    ?job a lab:CampaignJob ; lab:campaign %s ; lab:profile ?profile ;
         lab:networkTrouble ?trouble ; lab:exitCode ?exit ; lab:vendor ?vendor ; lab:kbo ?kbo ;
         lab:product ?product ; lab:release ?release .
    OPTIONAL { ?job lab:scorecard ?card }
    OPTIONAL { ?job lab:unjudgedSuite ?unjudged }
  }
}"""
)


class Change(StrEnum):
    NEW = "new"  # no earlier run of this product and standard
    SAME = "same"
    BETTER = "better"
    WORSE = "worse"  # a level lost or a new failure: a regression
    FLAKY = "flaky"  # only tests that alternate changed
    NETWORK = "network"  # worse, but requests went unanswered or were retried
    ERROR = "error"  # the job could not be judged

    @property
    def label(self) -> str:
        return CHANGE_LABELS[self]


CHANGE_LABELS = {
    Change.NEW: "nieuw",
    Change.SAME: "ongewijzigd",
    Change.BETTER: "vooruitgang",
    Change.WORSE: "achteruitgang",
    Change.FLAKY: "wisselvallig",
    Change.NETWORK: "netwerkprobleem?",
    Change.ERROR: "niet beoordeeld",
}


@dataclass(frozen=True, slots=True)
class Cell:
    """One product release x standard in one campaign."""

    profile: str
    suite: str
    verdict: str
    level: str | None
    change: Change
    scorecard: str | None = None
    previous: str | None = None  # the earlier scorecard compared with
    previous_level: str | None = None
    new_failures: tuple[str, ...] = ()
    fixed: tuple[str, ...] = ()
    flaky: tuple[str, ...] = ()
    certified: str | None = None  # the last certified scorecard, when there is one
    certified_regressions: tuple[str, ...] = ()  # passed when certified, failed now
    network: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    profile: str
    vendor: str
    kbo: str
    product: str
    release: str
    cells: dict[str, Cell] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Matrix:
    campaign: str
    suites: tuple[str, ...]
    rows: tuple[Row, ...]

    def cells(self) -> Iterable[Cell]:
        for row in self.rows:
            yield from row.cells.values()

    def regressions(self) -> list[tuple[Row, Cell]]:
        return [
            (row, cell)
            for row in self.rows
            for cell in row.cells.values()
            if cell.change is Change.WORSE or cell.certified_regressions
        ]


@dataclass(frozen=True, slots=True)
class JobEntry:
    """One task's job graph: who, which scorecards, how the network behaved."""

    profile: str
    subject: Subject
    network: bool
    exit_code: int
    scorecards: tuple[str, ...]
    unjudged: tuple[str, ...]  # suites that got no scorecard (usage or harness error)


def job_graph(campaign: str, profile: str) -> str:
    return f"{LAB_URN}campaign:{campaign}:{profile}"


def job_triples(
    campaign: str,
    profile: str,
    *,
    subject: Subject,
    network: bool,
    exit_code: int,
    scorecards: Sequence[str],
    unjudged: Sequence[str],
) -> list[ox.Triple]:
    node = ox.NamedNode(job_graph(campaign, profile))
    triples = [
        ox.Triple(node, RDF_TYPE, lab("CampaignJob")),
        ox.Triple(node, lab("campaign"), ox.Literal(campaign)),
        ox.Triple(node, lab("profile"), ox.Literal(profile)),
        ox.Triple(node, lab("vendor"), ox.Literal(subject.vendor)),
        ox.Triple(node, lab("kbo"), ox.Literal(subject.kbo)),
        ox.Triple(node, lab("product"), ox.Literal(subject.product)),
        ox.Triple(node, lab("release"), ox.Literal(subject.release)),
        ox.Triple(node, lab("networkTrouble"), ox.Literal(network)),
        ox.Triple(
            node,
            lab("exitCode"),
            ox.Literal(str(exit_code), datatype=ox.NamedNode(XSD + "integer")),
        ),
    ]
    triples += [ox.Triple(node, lab("scorecard"), ox.NamedNode(iri)) for iri in scorecards]
    triples += [ox.Triple(node, lab("unjudgedSuite"), ox.Literal(suite)) for suite in unjudged]
    return triples


def campaign_jobs(catalogue: Catalogue, campaign: str) -> list[JobEntry]:
    rows: dict[str, list[dict[str, str]]] = {}
    for row in catalogue.query(JOBS_QUERY % ox.Literal(campaign)):
        rows.setdefault(row["job"], []).append(row)
    jobs = [
        JobEntry(
            profile=found[0]["profile"],
            subject=Subject(
                vendor=found[0]["vendor"],
                kbo=found[0]["kbo"],
                product=found[0]["product"],
                release=found[0]["release"],
            ),
            network=found[0]["trouble"] == "true",
            exit_code=int(found[0]["exit"]),
            scorecards=tuple(sorted({row["card"] for row in found if "card" in row})),
            unjudged=tuple(sorted({row["unjudged"] for row in found if "unjudged" in row})),
        )
        for found in rows.values()
    ]
    return sorted(jobs, key=lambda job: job.profile)


def build_matrix(catalogue: Catalogue, campaign: str, suites: Sequence[str]) -> Matrix:
    """The campaign's matrix, every job it journaled in the catalogue, whatever shard ran it."""
    rows = []
    for job in campaign_jobs(catalogue, campaign):
        cells = _unjudged(job)
        for iri in job.scorecards:
            card = catalogue.get(iri)
            cells[card.standard.suite] = _cell(catalogue, job, card)
        subject = job.subject
        rows.append(
            Row(
                job.profile,
                subject.vendor,
                subject.kbo,
                subject.product,
                subject.release,
                dict(sorted(cells.items())),
            )
        )
    used = sorted({suite for row in rows for suite in row.cells} | set(suites))
    return Matrix(campaign, tuple(used), tuple(rows))


def _unjudged(job: JobEntry) -> dict[str, Cell]:
    return {
        suite: Cell(job.profile, suite, "error", None, Change.ERROR, network=job.network)
        for suite in job.unjudged
    }


def _cell(catalogue: Catalogue, job: JobEntry, card: Scorecard) -> Cell:
    subject, suite = card.subject, card.standard.suite
    history = [
        run
        for run in catalogue.history(subject.vendor, subject.product, suite)
        if run.iri != card.iri and run.ended < card.run.ended
    ]
    certified = _last_certified(history)
    cell = Cell(
        job.profile,
        suite,
        card.verdict,
        card.level,
        Change.NEW,
        scorecard=card.iri,
        network=job.network,
        certified=certified.iri if certified else None,
    )
    if certified is not None:
        since = diff_scorecards(catalogue.get(certified.iri), card)
        held = _held_against(card)
        regressed = [t for t in _tests(since.of_kind(ChangeKind.NEW_FAILURE)) if t in held]
        cell = replace(cell, certified_regressions=tuple(regressed))
    if not history:
        return cell
    recent = [catalogue.get(run.iri) for run in history[-(FLAKY_WINDOW - 1) :]]
    previous = recent[-1]
    diff = diff_scorecards(previous, card)
    # Only failures held against the vendor count: those blamed on the standard or the lab
    # change neither its verdict nor its level, and are no regression either.
    failing, failed_before = _held_against(card), _held_against(previous)
    worse = {t for t in _tests(diff.of_kind(ChangeKind.NEW_FAILURE)) if t in failing}
    better = {t for t in _tests(diff.of_kind(ChangeKind.FIXED)) if t in failed_before}
    flaky = _alternating([*recent, card])
    moved = worse | better
    new_failures = tuple(sorted(worse - flaky))
    fixed = tuple(sorted(better - flaky))
    flaky_changed = tuple(sorted(moved & flaky))
    if moved and moved <= flaky:
        # Only alternating tests moved: whatever that did to the level is the flakiness.
        change = Change.FLAKY
    else:
        change = _change_of(previous, card, new_failures, fixed, job.network)
    return replace(
        cell,
        change=change,
        previous=previous.iri,
        previous_level=previous.level,
        new_failures=new_failures,
        fixed=fixed,
        flaky=flaky_changed,
    )


def _held_against(card: Scorecard) -> frozenset[str]:
    return frozenset(record.test for record in card.assertions if counts_against_vendor(record))


def _last_certified(history: Sequence[ScorecardSummary]) -> ScorecardSummary | None:
    certified = [run for run in history if run.mode == "certified"]
    return certified[-1] if certified else None


def _change_of(
    previous: Scorecard,
    card: Scorecard,
    new_failures: tuple[str, ...],
    fixed: tuple[str, ...],
    network: bool,
) -> Change:
    before, after = _rank(previous), _rank(card)
    if after < before or new_failures:
        return Change.NETWORK if network else Change.WORSE
    if after > before or fixed:
        return Change.BETTER
    return Change.SAME


def _rank(card: Scorecard) -> int:
    """Conformance first, then the level reached (levels are ordered in the suite)."""
    order = [level.id for level in card.levels]
    level = order.index(card.level) + 1 if card.level in order else 0
    return (2 if card.verdict == "conformant" else 1) * 100 + level


def _alternating(cards: Sequence[Scorecard]) -> frozenset[str]:
    """Tests whose outcome went between passed and failed at least twice over these runs."""
    switches: dict[str, int] = {}
    last: dict[str, Outcome] = {}
    for card in cards:
        for record in card.assertions:
            if record.outcome not in (Outcome.PASSED, Outcome.FAILED):
                continue
            test = record.test
            if test in last and last[test] is not record.outcome:
                switches[test] = switches.get(test, 0) + 1
            last[test] = record.outcome
    return frozenset(test for test, count in switches.items() if count >= 2)


def _tests(changes: Iterable[TestChange]) -> tuple[str, ...]:
    return tuple(sorted({change.test for change in changes}))


def exit_code(matrix: Matrix, errors: Sequence[str]) -> int:
    """The contract's codes: 3 a job could not be judged, 1 a claim not conformant, else 0."""
    if errors or any(cell.verdict == "error" for cell in matrix.cells()):
        return EXIT_HARNESS
    if any(cell.verdict != "conformant" for cell in matrix.cells()):
        return EXIT_NON_CONFORMANT
    return EXIT_CONFORMANT
