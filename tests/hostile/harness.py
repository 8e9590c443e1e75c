"""Running one corpus case: its own loopback server, its own ``interop-lab run``, measured."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.e2e.support import failed, scorecard, write_profile
from tests.hostile.corpus import DEADLINE_S, WALL_MARGIN_S, Case
from tests.hostile.measure import Measured, run_measured
from tests.hostile.server import HostileServer


@dataclass(frozen=True)
class CaseRun:
    case: Case
    measured: Measured
    card: dict[str, Any] | None
    hits: dict[str, int]  # requests the server saw, by path

    def failures(self) -> list[dict[str, Any]]:
        return [dict(a) for a in failed(self.card)] if self.card else []


def run_case(case: Case, folder: Path) -> CaseRun:
    folder.mkdir(parents=True)
    with HostileServer() as server:
        case.serve(server)
        limits = {"request_timeout_s": 5, "deadline_s": DEADLINE_S, **case.limits}
        profile = write_profile(folder, server.base_url, claims=[case.claim()], limits=limits)
        out = folder / "uit"
        measured = run_measured(
            "run",
            "--profile",
            str(profile),
            "--out",
            str(out),
            cwd=folder,
            timeout_s=DEADLINE_S + 3 * WALL_MARGIN_S,
        )
        hits = dict(server.hits)
    card_file = out / case.suite / "scorecard.jsonld"
    card = scorecard(out, case.suite) if card_file.exists() else None
    return CaseRun(case, measured, card, hits)
