"""Hostile vendors in one campaign with conformant ones: the hostile ones are judged
non-conformant, the others exactly as when they run alone, the whole within a bound."""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path

from interop_lab.reference.fleet import fleet
from tests.e2e.support import TOKEN, TOKEN_ENV, scorecard, write_profile
from tests.hostile.corpus import CASES, DEADLINE_S, MAX_RSS_MB, WALL_MARGIN_S
from tests.hostile.measure import run_measured
from tests.hostile.server import HostileServer

HOSTILE = ("json/nested-100000-deep", "jsonld/page-of-a-million-members")
SUITE = "ipdc-lpdc"


def test_hostile_vendors_leave_the_others_of_a_campaign_unaffected(tmp_path: Path) -> None:
    profiles = tmp_path / "profielen"
    cases = [case for case in CASES if case.id in HOSTILE]
    with contextlib.ExitStack() as stack:
        good = stack.enter_context(
            fleet(profiles, 2, (SUITE,), token=TOKEN, token_env=TOKEN_ENV, defects={})
        )
        for number, case in enumerate(cases):
            server = stack.enter_context(HostileServer())
            case.serve(server)
            write_profile(
                profiles,
                server.base_url,
                name=f"vijandig{number}.yaml",
                claims=[{"standard": SUITE, "endpoints": {"feed": case.path}}],
                limits={"request_timeout_s": 5, "deadline_s": DEADLINE_S},
            )
        alone = run_measured(
            "run",
            "--profile",
            str(profiles / "v00.yaml"),
            "--out",
            "alleen",
            cwd=tmp_path,
            timeout_s=DEADLINE_S + WALL_MARGIN_S,
        )
        began = time.monotonic()
        campaign = run_measured(
            "campaign",
            "--allow-private",
            "--profiles",
            str(profiles),
            "--out",
            "uit",
            "--catalogue",
            "file:catalogus.db",
            "--no-allure",
            "--no-notify",
            cwd=tmp_path,
            timeout_s=DEADLINE_S + 3 * WALL_MARGIN_S,
        )
        seconds = time.monotonic() - began

    print(f"campaign\t4 profiles\t{seconds:.1f} s\t{campaign.rss_mb:.0f} MB")
    assert alone.code == 0, alone.output[-3000:]
    assert campaign.code == 1, campaign.output[-3000:]
    assert seconds < DEADLINE_S + 2 * WALL_MARGIN_S
    assert campaign.rss_mb < MAX_RSS_MB
    report = json.loads((tmp_path / "uit" / "campaign.json").read_text("utf-8"))
    cells = {row["profile"]: row["cells"][SUITE] for row in report["rows"]}
    assert report["errors"] == []
    solo = scorecard(tmp_path / "alleen", SUITE)
    for stem in ("v00", "v01"):
        assert good.expected[(stem, SUITE)] == "conformant"
        assert (cells[stem]["verdict"], cells[stem]["level"]) == ("conformant", solo["level"])
    for number, case in enumerate(cases):
        assert cells[f"vijandig{number}"]["verdict"] == "non-conformant", case.id
        card = scorecard(tmp_path / "uit" / f"vijandig{number}", SUITE)
        descriptions = json.dumps(card["assertions"], ensure_ascii=False)
        assert all(words in descriptions for words in case.words), case.id
