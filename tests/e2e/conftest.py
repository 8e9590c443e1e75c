"""Fixtures of the end-to-end tests."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.catalogue.test_register import real_register_file
from tests.e2e.support import run_lab

DEMO_DEFECTS = ("missing-title", "undefined-key")


@dataclass(frozen=True)
class DemoRun:
    """One ``interop-lab demo --defect ...`` in an empty folder, shared by its readers."""

    workdir: Path
    result: subprocess.CompletedProcess[str]


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    folder = tmp_path / "werk"
    folder.mkdir()
    return folder


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> DemoRun:
    """Read-only for its users: a test that changes a file works on a copy."""
    folder = tmp_path_factory.mktemp("demo")
    arguments = [argument for name in DEMO_DEFECTS for argument in ("--defect", name)]
    register = str(real_register_file())
    result = run_lab("demo", *arguments, "--register", register, cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    return DemoRun(folder, result)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: install it (apt-get install -y chromium); "
            "the browser tests never download one"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()
