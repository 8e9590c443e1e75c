"""The HTML scorecard of a failing run in real headless Chromium: every failure says what its rule
means, the usual cause, how to fix it, and links to the rule in the standard.

The run is ``interop-lab run`` (a subprocess, as a vendor runs it) against the reference vendor
with defects switched on. Debian's Chromium drives it (``/usr/bin/chromium``, as in
``test_site_browser.py``): a missing browser fails the test instead of skipping it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Locator, expect

from interop_lab.reference import IpdcFeed, ReferenceVendor
from tests.e2e.support import TOKEN, failed, run_lab, scorecard, write_profile

# A data rule (shapes), a format rule (shapes), a transport rule and a JSON-LD rule.
DEFECTS = ("missing-title", "bad-email", "wrong-content-type", "undefined-key")


def _failing_run(workdir: Path) -> tuple[str, Path]:
    feed = IpdcFeed(members=25, page_size=10, defects=DEFECTS)
    with ReferenceVendor(feed, token=TOKEN) as vendor:
        profile = write_profile(workdir, vendor.base_url)
        out = workdir / "uit"
        result = run_lab("run", "--profile", str(profile), "--out", str(out), cwd=workdir)
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout, out


def _check_explained(article: Locator, assertion: Mapping[str, Any]) -> None:
    explanation = assertion["explanation"]
    for heading in ("Wat betekent deze regel", "Gebruikelijke oorzaak", "Zo los je het op"):
        expect(article.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(article.locator("p.meaning")).to_have_text(explanation["meaning"])
    expect(article.locator("p.cause")).to_have_text(explanation["cause"])
    expect(article.locator("p.fix")).to_have_text(explanation["fix"])
    link = article.get_by_role("link", name="Regel in de standaard", exact=True)
    expect(link).to_be_visible()
    expect(link).to_have_attribute("href", assertion["requirement"])


def test_every_failure_shows_its_explanation_fix_and_rule_link(
    workdir: Path,
    browser: Browser,
    tmp_path: Path,
    record_property: Callable[[str, object], None],
) -> None:
    stdout, out = _failing_run(workdir)
    failures = failed(scorecard(out))
    assert len(failures) >= len(DEFECTS), [a["test"] for a in failures]
    assert all(a["explanation"]["link"] == a["requirement"] for a in failures)
    assert stdout.count("Zo los je het op: ") == len(failures), "the terminal shows each fix"

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((out / "ipdc-lpdc" / "scorecard.html").as_uri())
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    shown = page.locator("article.finding.tone-fail")
    expect(shown).to_have_count(len(failures))
    for index in range(len(failures)):
        test = shown.nth(index).get_attribute("data-test")
        assertion = next(a for a in failures if a["test"] == test)
        _check_explained(shown.nth(index), assertion)

    screenshot = tmp_path / "screenshots" / "scorecard-failures.png"
    page.screenshot(path=str(screenshot), full_page=True)
    record_property("screenshots", str(screenshot))
    print(f"screenshot: {screenshot}")
    page.close()
