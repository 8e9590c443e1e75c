"""``interop-lab run``: check the profile, then hand the claimed suites to pytest and the plugin."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest

from interop_lab.model.errors import UsageError
from interop_lab.model.ids import new_run_id, slug
from interop_lab.plugin.served import ServedHandoff
from interop_lab.profiles import VendorProfile, load_profile
from interop_lab.reporting.signing import read_private_key
from interop_lab.runner.session import suite_roles
from interop_lab.serve import ServedSession
from interop_lab.suites.registry import Suite, get_suite, load_suites

EXIT_USAGE = 2
EXIT_HARNESS = 3


@dataclass(frozen=True, slots=True)
class RunRequest:
    profile: Path
    suites: tuple[str, ...] = ()
    out_dir: Path | None = None
    catalogue: str | None = None
    quiet: bool = True
    certify_key: Path | None = None  # an Ed25519 private key (PEM): sign, mode "certified"
    run_id: str | None = None  # a campaign's job names its run, so a redone job replaces it
    pytest_args: tuple[str, ...] = ()  # more plugins' options, e.g. allure's --alluredir
    public_only: bool = False  # a campaign: public addresses only (`run` itself tests any)
    served: ServedSession | None = None  # `serve`: the session the client suite judges


def planned_suites(
    profile: VendorProfile, requested: Sequence[str], *, served: bool = False
) -> list[Suite]:
    """The suites to run: the requested ones (each must be claimed), else every claimed one.

    A suite that tests the vendor's client judges a served session: it runs only with one
    (``interop-lab serve``), and a run without one leaves it out unless it is asked for by name,
    which is a usage error."""
    known = load_suites()
    claimed = [claim.standard for claim in profile.claims]
    for suite_id in requested:
        suite = get_suite(suite_id, known)
        if suite_id not in claimed:
            raise UsageError(
                f"the profile does not claim '{suite_id}'; claimed: {', '.join(claimed)}"
            )
        if suite.manifest.tests_a_client and not served:
            raise UsageError(
                f"suite {suite_id} tests the product's client: run it with "
                f"interop-lab serve --suite {suite_id} --profile FILE"
            )
    if requested:
        return [get_suite(suite_id, known) for suite_id in requested]
    planned = [get_suite(suite_id, known) for suite_id in claimed]
    planned = [suite for suite in planned if suite.manifest.tests_a_client == served]
    if not planned:
        raise UsageError(
            "every standard the profile claims tests the product's client: "
            "run it with interop-lab serve --suite ID --profile FILE"
        )
    return planned


def default_out_dir(profile: VendorProfile, run_id: str) -> Path:
    product = profile.product
    return (
        Path("reports")
        / slug(profile.vendor.name)
        / slug(product.name)
        / slug(product.release)
        / run_id
    )


def run(request: RunRequest) -> tuple[int, Path]:
    """Run the claimed suites; returns the contract's exit code and the output folder."""
    profile = load_profile(request.profile, suite_roles(load_suites()))
    suites = planned_suites(profile, request.suites, served=request.served is not None)
    if request.certify_key is not None:
        read_private_key(request.certify_key)  # a bad key file is a usage error before any test
    run_id = request.run_id or new_run_id()
    out_dir = request.out_dir or default_out_dir(profile, run_id)
    ini = resources.files("interop_lab.plugin") / "lab-pytest.ini"
    args = [
        *(str(suite.folder) for suite in suites),
        "-c",
        str(ini),
        "--rootdir",
        str(suites[0].folder.parent),
        f"--lab-profile={request.profile}",
        f"--lab-out={out_dir}",
        f"--lab-run-id={run_id}",
        "-q" if request.quiet else "-v",
        "--no-header",
        "-rN",
        *request.pytest_args,
    ]
    if request.catalogue:
        args.append(f"--lab-catalogue={request.catalogue}")
    if request.certify_key is not None:
        args.append(f"--lab-certify-key={request.certify_key}")
    if request.public_only:
        args.append("--lab-public-only")
    plugins = [ServedHandoff(request.served)] if request.served is not None else []
    return _lab_code(int(pytest.main(args, plugins=plugins))), out_dir


def _lab_code(pytest_code: int) -> int:
    # The plugin sets 0/1/3 itself; what remains are pytest's own usage and internal errors.
    if pytest_code in (0, 1, EXIT_USAGE, EXIT_HARNESS):
        return pytest_code
    if pytest_code in (pytest.ExitCode.USAGE_ERROR, pytest.ExitCode.NO_TESTS_COLLECTED):
        return EXIT_USAGE
    return EXIT_HARNESS
