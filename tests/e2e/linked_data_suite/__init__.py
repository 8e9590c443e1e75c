"""A generic linked-data catalogue suite, kept beside the tests (not bundled, so ``demo``, which
runs every bundled suite, is unchanged): ``install_suite`` writes it as a suite folder for
``INTEROP_LAB_SUITES``, its modules renamed ``test_*.py``."""

from __future__ import annotations

import shutil
from pathlib import Path

HERE = Path(__file__).parent


def install_suite(folder: Path) -> Path:
    """Write the suite to ``folder/linked-data``; returns ``folder`` (for INTEROP_LAB_SUITES)."""
    suite = folder / "linked-data"
    suite.mkdir(parents=True)
    shutil.copy(HERE / "suite.yaml", suite / "suite.yaml")
    for module in HERE.glob("ld_*.py"):
        shutil.copy(module, suite / f"test_{module.name}")
    return folder
