"""The catalogue site in real headless Chromium, used as a municipality would use it.

Debian's Chromium drives it (``/usr/bin/chromium``; CI installs it): a missing browser fails the
test with a clear message instead of skipping it.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import DemoRun


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def site(demo_run: DemoRun) -> Iterator[str]:
    """The demo's site (several products, a defective release) served on loopback."""
    folder = demo_run.workdir / ".interop-lab" / "site"
    assert f"site: {folder / 'index.html'}" in demo_run.result.stdout
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host!s}:{port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def shoot(
    tmp_path: Path, record_property: Callable[[str, object], None]
) -> Iterator[Callable[[Page, str], Path]]:
    """Screenshots kept under the test's tmp folder; their paths go to the test's output."""
    taken: list[Path] = []

    def take(page: Page, name: str) -> Path:
        path = tmp_path / "screenshots" / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        taken.append(path)
        return path

    yield take
    record_property("screenshots", " ".join(str(path) for path in taken))
    for path in taken:
        print(f"screenshot: {path}")


def _visible_rows(page: Page) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = page.eval_on_selector_all(
        "#resultaten tbody tr[data-standard]",
        "rows => rows.filter(r => !r.hidden && r.offsetParent !== null).map(r => ({...r.dataset,"
        " release: r.cells[2].textContent.trim()}))",
    )
    return rows


def test_a_municipality_finds_compares_and_reads_the_scorecards(
    site: str, browser: Browser, shoot: Callable[[Page, str], Path]
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "index.html")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("h1")).to_have_count(1)
    everything = len(_visible_rows(page))
    assert everything >= 27, "six releases of three products"
    shoot(page, "index")

    for _ in range(12):  # keyboard only: Tab until the standard filter has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "standaard":
            break
    assert page.evaluate("document.activeElement.id") == "standaard", "Tab never reached it"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "the focus must be visible"

    page.select_option("#standaard", "ipdc-lpdc")
    rows = _visible_rows(page)
    assert {row["standard"] for row in rows} == {"ipdc-lpdc"}
    assert sorted(row["release"] for row in rows) == [
        "1.0.0",
        "1.0.1-gebreken",
        "1.1.0",
        "2.3.0",
        "2.4.0",
    ]
    expect(page.locator("#aantal")).to_have_text(f"5 van {everything} resultaten")
    shoot(page, "index-ipdc-lpdc")

    page.select_option("#niveau", "L4")
    rows = _visible_rows(page)
    assert sorted(row["release"] for row in rows) == ["1.0.0", "1.1.0", "2.4.0"], rows
    conformant = page.locator("#resultaten tbody tr:visible", has_text="2.4.0")
    expect(conformant).to_contain_text("Conform")
    conformant.get_by_role("link", name="Scorecard").click()
    expect(page.locator("h1")).to_contain_text("2.4.0")
    expect(page.get_by_text("gecertificeerd door het lab").first).to_be_visible()
    expect(page.locator(".verdict-text")).to_have_text("✔ Conform")
    expect(page.locator(".level-text")).to_contain_text("Niveau L4")
    shoot(page, "scorecard-conform")

    page.go_back()
    page.select_option("#standaard", "ipdc-lpdc")
    page.select_option("#niveau", "")
    defective = page.locator("#resultaten tbody tr:visible", has_text="1.0.1-gebreken")
    expect(defective).to_contain_text("Niet conform")
    defective.get_by_role("link", name="Scorecard").click()
    expect(page.locator(".verdict-text")).to_have_text("✘ Niet conform")
    finding = page.locator("article.finding", has_text="dct:title").first
    expect(finding).to_contain_text("Gefaald")
    expect(finding.locator("table.locations caption")).to_contain_text("Waar")
    expect(finding.get_by_role("heading", name="Wat betekent deze regel")).to_be_visible()
    expect(finding.get_by_role("heading", name="Zo los je het op")).to_be_visible()
    shoot(page, "scorecard-gebreken")

    page.goto(site + "vergelijking.html")
    matrix = page.get_by_role("table")
    expect(matrix.locator("caption")).to_contain_text("Productversies")
    expect(matrix.get_by_role("row", name="1.0.0")).to_contain_text("Niveau L4")
    shoot(page, "vergelijking")

    page.get_by_role("row", name="1.0.1-gebreken").get_by_role("link").first.click()
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("svg.plot").first).to_be_visible()
    expect(page.locator("#laatste + div table")).to_contain_text("ipdc-lpdc")
    shoot(page, "product")
    page.close()


def test_without_javascript_every_row_stays_visible(site: str, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "index.html?standaard=ipdc-lpdc")
    total = page.locator("#resultaten tbody tr[data-standard]").count()
    assert total >= 27
    expect(page.locator("#resultaten tbody tr:visible")).to_have_count(total)
    context.close()


def test_on_a_phone_the_page_fits(
    site: str, browser: Browser, shoot: Callable[[Page, str], Path]
) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(site + "index.html")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "no sideways scrolling of the page itself"
    shoot(page, "index-telefoon")
    page.close()


def test_the_language_switch_leads_to_the_english_site_by_keyboard(
    site: str, browser: Browser, shoot: Callable[[Page, str], Path]
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "index.html")
    everything = len(_visible_rows(page))
    for _ in range(6):  # keyboard only: Tab until the switch has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang')") == "en":
            break
    assert page.evaluate("document.activeElement.textContent") == "English", "Tab never reached it"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "the focus must be visible"
    page.keyboard.press("Enter")

    page.wait_for_url("**/en/index.html")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Software tested against the OSLO standards")
    page.get_by_label("Standard", exact=True).select_option("ipdc-lpdc")
    rows = _visible_rows(page)
    assert {row["standard"] for row in rows} == {"ipdc-lpdc"}
    assert len(rows) == 5
    expect(page.locator("#aantal")).to_have_text(f"5 of {everything} results")
    release = page.locator("#resultaten tbody tr:visible", has_text="2.4.0")
    expect(release).to_contain_text("Conformant")
    expect(release.get_by_role("link", name="Scorecard")).to_contain_text("(in Dutch)")
    shoot(page, "index-en")

    page.get_by_role("link", name="Nederlands").click()
    page.wait_for_url(site + "index.html")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("h1")).to_have_text("Software getest op de OSLO-standaarden")
    page.close()
