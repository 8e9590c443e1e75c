"""Test set-up shared by every test: the artefact mirror beside the checkout, when present."""

from __future__ import annotations

import os
from pathlib import Path

_MIRROR = Path(__file__).resolve().parents[1].parent / "shared" / "oslo"
if "INTEROP_LAB_ARTEFACTS" not in os.environ and _MIRROR.is_dir():
    os.environ["INTEROP_LAB_ARTEFACTS"] = str(_MIRROR)
