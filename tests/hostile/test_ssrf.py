"""SSRF: a campaign's run (``--lab-public-only``) never reaches a loopback vendor.

The profile names a reference vendor on 127.0.0.1, which a vendor's own ``interop-lab run`` may
test; the same suite under plain pytest with the plugin's public-only option is refused at
connect time, so the vendor is non-conformant, the scorecard says why, and the server hears
nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from interop_lab.reference import IpdcFeed, ReferenceVendor
from interop_lab.reference.site import SiteRequest, SiteResponse
from interop_lab.suites.registry import get_suite
from tests.e2e.support import TOKEN, TOKEN_ENV, failed, scorecard, write_profile

REFUSAL = "is niet publiek (loopback); een campagne test alleen publieke adressen"


class Listening:
    """The reference feed, noting every request that reaches it."""

    def __init__(self, feed: IpdcFeed) -> None:
        self.feed = feed
        self.requests: list[str] = []

    def answer(self, request: SiteRequest) -> SiteResponse:
        self.requests.append(f"{request.method} {request.path}")
        return self.feed.answer(request)


def _lab_pytest(
    suite: Path, profile: Path, out: Path, *extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(suite),
            f"--lab-profile={profile}",
            f"--lab-out={out}",
            "-p",
            "no:cacheprovider",
            "-q",
            *extra,
        ],
        cwd=profile.parent,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, TOKEN_ENV: TOKEN},
    )


def test_a_public_only_run_refuses_a_loopback_vendor(tmp_path: Path) -> None:
    site = Listening(IpdcFeed(members=5, page_size=10))
    with ReferenceVendor(site, token=TOKEN) as vendor:
        base_url = vendor.base_url
        profile = write_profile(tmp_path, base_url)
        out = tmp_path / "uit"
        result = _lab_pytest(get_suite("ipdc-lpdc").folder, profile, out, "--lab-public-only")

    assert result.returncode == 1, result.stdout + result.stderr
    assert site.requests == []
    card = scorecard(out)
    assert card["verdict"] == "non-conformant"
    host = base_url.split("//", 1)[1].rsplit(":", 1)[0]
    refusals = [
        assertion
        for assertion in failed(card)
        if REFUSAL in json.dumps(assertion, ensure_ascii=False)
    ]
    assert refusals, [a["result"].get("description") for a in failed(card)]
    assert f"verbinding met {host} geweigerd" in json.dumps(refusals[0], ensure_ascii=False)
    entries: list[dict[str, Any]] = json.loads((out / "evidence.har").read_text("utf-8"))["log"][
        "entries"
    ]
    assert entries
    assert all(not entry["response"]["status"] for entry in entries)
    assert all(REFUSAL in entry["_error"] for entry in entries)


def test_without_the_option_the_same_run_reaches_the_vendor(tmp_path: Path) -> None:
    # A vendor's own run (self-test) may test the address it names, loopback included.
    site = Listening(IpdcFeed(members=5, page_size=10))
    with ReferenceVendor(site, token=TOKEN) as vendor:
        profile = write_profile(tmp_path, vendor.base_url)
        result = _lab_pytest(get_suite("ipdc-lpdc").folder, profile, tmp_path / "uit")

    assert result.returncode == 0, result.stdout + result.stderr
    assert site.requests
