"""The pytest plugin (entry point ``pytest11``): inert unless ``--lab-profile`` is given.

It adds the lab's options, gives suites their fixtures (``lab``, ``claim_run``,
``shape_constraint``), turns each test's report into an EARL assertion and, at the end, writes the
run's files and stores the scorecards. ``interop-lab run`` is a thin wrapper over this.
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from interop_lab.artefacts.download import download
from interop_lab.artefacts.store import ArtefactStore
from interop_lab.model.errors import (
    Inapplicable,
    SuiteError,
    UsageError,
)
from interop_lab.model.outcomes import Blame
from interop_lab.plugin.metadata import MARKERS, level_of
from interop_lab.plugin.records import record_of
from interop_lab.plugin.reports import LabReports
from interop_lab.plugin.served import served_session
from interop_lab.plugin.shapes_params import shape_params
from interop_lab.plugin.write import finish_run
from interop_lab.reporting.explanation_text import fix_lines
from interop_lab.reporting.signing import read_private_key
from interop_lab.runner.claim import ClaimRun
from interop_lab.runner.session import LabSession
from interop_lab.serve import ServedSession
from interop_lab.suites.artefact_set import SuiteArtefacts, load_suite_artefacts
from interop_lab.suites.registry import Suite, load_suites, suite_of_path

LAB = pytest.StashKey["LabSession | None"]()
CERTIFY_KEY = pytest.StashKey[Ed25519PrivateKey | None]()
EXIT_USAGE = 2


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("interop-lab", "interop-lab conformance runs")
    group.addoption("--lab-profile", metavar="FILE", help="vendor profile to test")
    group.addoption("--lab-out", metavar="DIR", help="folder for scorecards, JUnit and evidence")
    group.addoption("--lab-catalogue", metavar="URL", help="catalogue to store scorecards in")
    group.addoption("--lab-run-id", metavar="ID", help="run id (default: time-based)")
    group.addoption(
        "--lab-certify-key",
        metavar="KEYFILE",
        help="sign the scorecards with this Ed25519 private key (PEM): a certified run",
    )
    group.addoption(
        "--lab-public-only",
        action="store_true",
        help="refuse every connection to a loopback, private or link-local address, checked on "
        "the resolved address (a campaign; a vendor's own run may test any address)",
    )
    group.addoption(
        "--lab-collect",
        action="store_true",
        help="collect suite tests without a profile (to list them)",
    )


def pytest_configure(config: pytest.Config) -> None:
    for name, text in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {text}")
    profile = config.getoption("lab_profile", None)
    config.stash[LAB] = None
    config.stash[CERTIFY_KEY] = None
    if not profile:
        return
    key_file = config.getoption("lab_certify_key", None)
    try:
        # The key is read before anything runs: a bad key file must stop the run (exit 2).
        config.stash[CERTIFY_KEY] = read_private_key(Path(key_file)) if key_file else None
        config.stash[LAB] = LabSession(
            Path(profile),
            run_id=config.getoption("lab_run_id"),
            public_only=bool(config.getoption("lab_public_only", False)),
            served=served_session(config),
        )
    except UsageError as error:
        problem = str(error)
    else:
        config.pluginmanager.register(LabReports(), "interop-lab-reports")
        return
    pytest.exit(f"interop-lab: {problem}", returncode=EXIT_USAGE)


def _lab(config: pytest.Config) -> LabSession | None:
    return config.stash.get(LAB, None)


def _suite(lab: LabSession, path: Path) -> Suite | None:
    return suite_of_path(path, lab.suites)


@pytest.fixture(scope="session")
def lab(request: pytest.FixtureRequest) -> LabSession:
    """The run in progress: profile, artefacts, evidence."""
    session = _lab(request.config)
    if session is None:
        pytest.exit("interop-lab: give the vendor profile with --lab-profile=FILE", EXIT_USAGE)
    return session


@pytest.fixture
def claim_run(lab: LabSession, request: pytest.FixtureRequest) -> ClaimRun:
    """The crawled, read and validated claim of the test's suite (prepared once per suite)."""
    suite = _suite(lab, request.node.path)
    if suite is None:
        pytest.exit(f"interop-lab: {request.node.path} is not inside a suite folder", EXIT_USAGE)
    try:
        return lab.claim_run(suite)
    except UsageError as error:
        problem = str(error)
    # Outside the except block, so pytest prints the message rather than a chained traceback.
    pytest.exit(f"interop-lab: {problem}", EXIT_USAGE)


@pytest.fixture
def served(lab: LabSession, request: pytest.FixtureRequest) -> ServedSession:
    """The session of the lab as a server whose client the test's suite judges."""
    if lab.served is None:
        suite = _suite(lab, request.node.path)
        pytest.exit(
            f"interop-lab: suite {suite.id if suite else '?'} tests a client: start a session "
            "with interop-lab serve --suite ID --profile FILE",
            EXIT_USAGE,
        )
    return lab.served


@pytest.fixture(autouse=True)
def _lab_claim_gate(request: pytest.FixtureRequest) -> None:
    """Tests of a standard or level the vendor does not claim are inapplicable, not failed."""
    session = _lab(request.config)
    suite = _suite(session, request.node.path) if session else None
    if session is None or suite is None:
        return
    claim = session.profile.claim_for(suite.id)
    if claim is None:
        raise Inapplicable(f"de leverancier claimt de standaard '{suite.id}' niet")
    order = [level.id for level in suite.levels]
    level = level_of(request.node, suite)
    if claim.level and level in order and order.index(level) > order.index(claim.level):
        raise Inapplicable(f"de leverancier claimt tot niveau {claim.level}; deze test is {level}")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "shape_constraint" not in metafunc.fixturenames:
        return
    try:
        params = shape_params(*_suite_artefacts(metafunc))
    except UsageError as error:
        problem = str(error)
    else:
        metafunc.parametrize("shape_constraint", params)
        return
    # Outside the except block, so pytest prints the message rather than a chained traceback.
    pytest.exit(f"interop-lab: {problem}", returncode=EXIT_USAGE)


def _suite_artefacts(metafunc: pytest.Metafunc) -> tuple[Suite, SuiteArtefacts]:
    """The suite of a test module and its artefacts, from the run or, to list tests, the store."""
    session = _lab(metafunc.config)
    suites = session.suites if session else load_suites()
    suite = suite_of_path(metafunc.definition.path, suites)
    if suite is None:
        raise SuiteError(f"{metafunc.definition.path} is not inside a suite folder")
    if session is not None:
        return suite, session.artefacts(suite)
    if metafunc.config.getoption("lab_collect"):
        return suite, load_suite_artefacts(suite, ArtefactStore.from_environment(download))
    raise UsageError("give the vendor profile with --lab-profile=FILE")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    session = _lab(item.config)
    suite = _suite(session, item.path) if session else None
    if session is None or suite is None or report.when == "teardown":
        return report
    # The outcome and words of a lab result were set by LabReports (reports.py).
    error = call.excinfo.value if call.excinfo is not None else None
    if report.when == "call" or report.outcome != "passed":
        record = record_of(item, suite, error)
        session.records[suite.id].append(record)
        explanation = None if record.harness_error else record.explanation
        if report.failed and explanation is not None and isinstance(report.longrepr, str):
            # The fix under each vendor failure on the terminal, as on the scorecard.
            report.longrepr = f"{report.longrepr}\n{fix_lines(explanation)}"
        if record.blame is Blame.STANDARD:
            # Not the vendor's failure: pytest must not count it as one either.
            report.outcome = "skipped"
            report.longrepr = (str(item.path), item.location[1] or 0, record.description)
    return report


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    lab_session = _lab(session.config)
    if lab_session is None or exitstatus == EXIT_USAGE:
        return
    options: dict[str, Any] = {
        "out": session.config.getoption("lab_out"),
        "catalogue": session.config.getoption("lab_catalogue"),
        "certify_key": session.config.stash.get(CERTIFY_KEY, None),
    }
    session.exitstatus = finish_run(lab_session, options, session.config)
