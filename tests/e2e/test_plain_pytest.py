"""Plain pytest with the plugin's options gives the same judgement as ``interop-lab run``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from interop_lab.reference import IpdcFeed, ReferenceVendor
from interop_lab.suites.registry import get_suite
from tests.e2e.support import TOKEN, TOKEN_ENV, run_lab, scorecard, write_profile


def _outcomes(card: dict[str, Any]) -> dict[str, tuple[str, str]]:
    return {
        a["test"]: (a["result"]["outcome"], a["result"].get("description", ""))
        for a in card["assertions"]
    }


def test_pytest_on_the_suite_folder_judges_like_run(workdir: Path) -> None:
    suite_folder = get_suite("ipdc-lpdc").folder
    feed = IpdcFeed(members=25, page_size=10, defects=("missing-title", "undefined-key"))
    with ReferenceVendor(feed, token=TOKEN) as vendor:
        profile = write_profile(workdir, vendor.base_url)
        by_run = run_lab(
            "run", "--profile", str(profile), "--out", str(workdir / "run"), cwd=workdir
        )
        by_pytest = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                str(suite_folder),
                f"--lab-profile={profile}",
                f"--lab-out={workdir / 'pytest'}",
                "-p",
                "no:cacheprovider",
                "-q",
            ],
            cwd=workdir,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            env={**os.environ, TOKEN_ENV: TOKEN},
        )

    assert by_run.returncode == 1, by_run.stdout + by_run.stderr
    assert by_pytest.returncode == 1, by_pytest.stdout + by_pytest.stderr
    from_run = _outcomes(scorecard(workdir / "run"))
    from_pytest = _outcomes(scorecard(workdir / "pytest"))
    assert len(from_run) > 200
    assert from_pytest == from_run
