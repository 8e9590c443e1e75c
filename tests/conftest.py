"""Test set-up shared by every test: the artefact mirrors beside the checkout, when present.

Two mirrors: the lab's OSLO mirror (``../shared/oslo``) and ``tests/mirrors/peers``, whose index
points into ``../shared/peers`` for artefacts published outside OSLO (the Lokaal Beslist shapes).
The peers mirror is added after whatever the environment already names.
"""

from __future__ import annotations

import os
from pathlib import Path

_VARIABLE = "INTEROP_LAB_ARTEFACTS"
_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
_OSLO = _SHARED / "oslo"
_PEERS = Path(__file__).resolve().parent / "mirrors" / "peers"

_named = [part for part in os.environ.get(_VARIABLE, "").split(os.pathsep) if part]
if not _named and _OSLO.is_dir():
    _named.append(str(_OSLO))
if (_SHARED / "peers").is_dir() and str(_PEERS) not in _named:
    _named.append(str(_PEERS))
if _named:
    os.environ[_VARIABLE] = os.pathsep.join(_named)
