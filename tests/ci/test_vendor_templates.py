"""The vendors' CI templates (ci/templates/) run as their CI would: each template's lab steps, in
bash, with the CI variables set, against the reference vendor on loopback. A conformant vendor
passes and a defective one fails the job; both keep the JUnit report, the HTML scorecard and the
badge. Only the install step is left out (the lab is installed here already).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from interop_lab.reference import IpdcFeed, ReferenceVendor
from tests.e2e.support import TOKEN, write_profile

TEMPLATES = Path(__file__).resolve().parents[2] / "ci" / "templates"
EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")
PLACEHOLDER = "https://preview.invalid"
Runner = Callable[[Path, dict[str, str]], int]


def _load(name: str) -> Any:
    return yaml.safe_load((TEMPLATES / name).read_text("utf-8"))


def _github(cwd: Path, ci: dict[str, str]) -> int:
    """The job's steps after the install, in order; a failed step skips the rest unless
    ``if: always()``. The job's outcome: 1 when a step failed."""
    job = _load("github-actions.yml")["jobs"]["conformance"]
    values = {f"vars.{k}": v for k, v in ci.items()} | {f"secrets.{k}": v for k, v in ci.items()}
    values["vars.INTEROP_LAB_PROFILE || 'vendor-profile.yaml'"] = "vendor-profile.yaml"
    env = {
        name: EXPRESSION.sub(lambda found: values.get(found[1], ""), str(value))
        for name, value in job["env"].items()
    }
    failed = False
    for step in job["steps"]:
        if "run" not in step or step["name"] == "install the lab":
            continue
        if failed and "always()" not in str(step.get("if", "")):
            continue
        # GitHub's bash runs each step as `bash --noprofile --norc -eo pipefail {0}`.
        command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]]
        failed |= _shell(command, cwd, env) != 0
    return int(failed)


def _gitlab(cwd: Path, ci: dict[str, str]) -> int:
    """The job's script lines as one shell script that stops at the first failing line."""
    job = _load("gitlab-ci.yml")["interop-lab"]
    script = "set -eo pipefail\n" + "\n".join(job["script"])
    return _shell(["bash", "-c", script], cwd, {**job["variables"], **ci})


def _shell(command: list[str], cwd: Path, env: dict[str, str]) -> int:
    # The lab's console script and `python` are this interpreter's.
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    result = subprocess.run(
        command, cwd=cwd, env={**os.environ, **env, "PATH": path}, timeout=240, check=False
    )
    return result.returncode


@pytest.fixture(params=[_github, _gitlab], ids=["github-actions", "gitlab-ci"])
def template(request: pytest.FixtureRequest) -> Runner:
    runner: Runner = request.param
    return runner


@pytest.fixture
def vendor_repo(tmp_path: Path) -> Path:
    """The vendor's checkout: its committed profile, whose base_url CI replaces."""
    write_profile(
        tmp_path,
        PLACEHOLDER,
        name="vendor-profile.yaml",
        auth={"type": "bearer", "token_env": "INTEROP_LAB_TOKEN"},
    )
    return tmp_path


@pytest.mark.parametrize(
    ("defects", "exit_code"), [((), 0), (("missing-title",), 1)], ids=["conformant", "defective"]
)
def test_a_template_runs_the_lab_on_the_preview_and_fails_on_non_conformance(
    template: Runner, vendor_repo: Path, defects: tuple[str, ...], exit_code: int
) -> None:
    feed = IpdcFeed(members=5, page_size=5, defects=defects)
    with ReferenceVendor(feed, token=TOKEN) as vendor:
        base_url = vendor.base_url
        ci = {
            "PREVIEW_URL": base_url,
            "INTEROP_LAB_TOKEN": TOKEN,
            "INTEROP_LAB_BADGE": "true",
        }
        assert template(vendor_repo, ci) == exit_code

    reports = vendor_repo / "reports"
    assert (reports / "junit.xml").is_file()
    assert "<html" in (reports / "ipdc-lpdc" / "scorecard.html").read_text("utf-8").lower()
    badge = (reports / "ipdc-lpdc.svg").read_text("utf-8")
    assert ("#c62828" in badge) is bool(defects)  # the badge is red when not conformant
    preview = (vendor_repo / "preview-profile.yaml").read_text("utf-8")
    assert base_url in preview
    assert PLACEHOLDER not in preview
    assert TOKEN not in preview


def test_the_templates_keep_the_reports_as_artefacts() -> None:
    gitlab = _load("gitlab-ci.yml")["interop-lab"]["artifacts"]
    assert gitlab["when"] == "always"
    assert gitlab["reports"]["junit"] == "reports/junit.xml"
    assert "reports/" in gitlab["paths"]
    steps = _load("github-actions.yml")["jobs"]["conformance"]["steps"]
    (upload,) = [s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact")]
    assert upload["with"]["path"] == "reports/"
    assert upload["if"] == "always()"
