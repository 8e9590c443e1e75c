"""The lab's OSLO artefact mirror, as the tests find it (tests/conftest.py names it first)."""

from __future__ import annotations

import os
from pathlib import Path


def oslo_mirror() -> Path:
    """The first folder of INTEROP_LAB_ARTEFACTS; a missing mirror fails, it is never skipped."""
    first = os.environ.get("INTEROP_LAB_ARTEFACTS", "").split(os.pathsep)[0]
    folder = Path(first)
    if not (first and (folder / "index.json").is_file()):
        raise AssertionError("no artefact mirror: set INTEROP_LAB_ARTEFACTS to the OSLO mirror")
    return folder
