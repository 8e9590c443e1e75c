"""The site's page builders: what each page shows, its accessibility and escaping."""

from __future__ import annotations

import itertools
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest

from interop_lab.catalogue import Catalogue
from interop_lab.cli.main import main
from interop_lab.site import build_site
from interop_lab.site.build import (
    render_index,
    render_matrix,
    render_pages,
    render_product,
    render_standards,
)
from interop_lab.site.data import SiteData, collect, slug
from tests.reporting.cards import HOSTILE
from tests.site.conftest import LDES, NEW_BAD, OLD_GOOD, OTHER

NOW = "2026-11-28 12:00 UTC"


@pytest.fixture
def data(catalogue: Catalogue) -> SiteData:
    return collect(catalogue)


def _tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def test_rows_are_releases_with_their_latest_scorecard_per_suite(data: SiteData) -> None:
    loket = {row.release: row for row in data.rows if row.product == "Voorbeeld Loket"}
    assert set(loket) == {"4.2.0"}
    cells = loket["4.2.0"].cells
    assert cells["ipdc-lpdc"].href.endswith(".html")
    assert cells["ipdc-lpdc"].verdict == NEW_BAD.verdict  # the newer of the two runs
    assert cells["ldes"].suite == LDES.standard.suite
    assert data.standards == {"ipdc-lpdc": OLD_GOOD.standard.title, "ldes": "LDES"}


def test_a_product_has_its_latest_its_certified_and_its_history(data: SiteData) -> None:
    (loket,) = [
        p for p in data.products if (p.vendor, p.product) == ("Voorbeeld NV", "Voorbeeld Loket")
    ]
    assert [cell.suite for cell in loket.latest] == ["ipdc-lpdc", "ldes"]
    assert [cell.mode for cell in loket.certified] == ["certified"]
    assert [point.iri for point in loket.history["ipdc-lpdc"]] == [OLD_GOOD.iri, NEW_BAD.iri]


@pytest.mark.parametrize("page", ["index", "matrix", "product", "standards"])
def test_every_page_is_accessible_dutch(data: SiteData, page: str) -> None:
    html = {
        "index": lambda: render_index(data, NOW),
        "matrix": lambda: render_matrix(data, NOW),
        "product": lambda: render_product(data, data.products[0], NOW),
        "standards": lambda: render_standards(data, NOW),
    }[page]()
    tree = _tree(html)
    assert tree.get("lang") == "nl"
    assert tree.xpath("//meta[@name='viewport']")
    assert len(tree.xpath("//h1")) == 1
    levels = [int(h.tag[1]) for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    for table in tree.xpath("//table"):
        assert table.xpath("caption"), "every table has a caption"
        assert all(th.get("scope") in ("col", "row") for th in table.xpath(".//th"))
    for control in tree.xpath("//select | //input"):
        assert tree.xpath(f"//label[@for='{control.get('id')}']"), control.get("name")
    assert ":focus" in html


def test_the_index_filters_on_standard_level_and_vendor(data: SiteData) -> None:
    tree = _tree(render_index(data, NOW))
    assert {s.get("name") for s in tree.xpath("//form//select")} == {
        "standaard",
        "niveau",
        "leverancier",
    }
    rows = tree.xpath("//table[@id='resultaten']/tbody/tr")
    assert len(rows) == len(data.cells) == 4, "one row per release and suite"
    assert not [row for row in rows if row.get("hidden") is not None], "all visible without JS"
    assert {row.get("data-standard") for row in rows} == {"ipdc-lpdc", "ldes"}
    assert tree.xpath("//script"), "the small inline filter script"


def test_status_is_never_colour_alone(data: SiteData) -> None:
    tree = _tree(render_matrix(data, NOW))
    texts = [cell.text_content() for cell in tree.xpath("//span[contains(@class, 'verdict-cell')]")]
    assert texts
    assert all("Conform" in text or "Niet conform" in text for text in texts)


def test_matrix_cells_link_to_their_scorecards(data: SiteData) -> None:
    tree = _tree(render_matrix(data, NOW))
    cell = data.rows[0].cells["ipdc-lpdc"]
    (link,) = tree.xpath(f"//td/a[@href='{cell.href}']")
    assert f"Niveau {cell.level_text}" in link.text_content()
    assert cell.date in link.getparent().text_content()


def test_vendor_data_is_escaped_everywhere(data: SiteData) -> None:
    for html in render_pages(data, NOW).values():
        assert "<script>alert" not in html
        assert "\x00" not in html
    index = render_index(data, NOW)
    assert "&lt;script&gt;alert" in index
    assert all(
        set(part) <= set("abcdefghijklmnopqrstuvwxyz0123456789-") for part in [slug(HOSTILE)]
    )


def test_the_product_page_plots_each_suite(data: SiteData) -> None:
    loket = next(p for p in data.products if p.product == "Voorbeeld Loket")
    tree = _tree(render_product(data, loket, NOW))
    plots = tree.xpath("//svg")
    assert len(plots) == 2
    assert all(plot.get("role") == "img" for plot in plots)
    marks = plots[0].xpath(".//circle | .//rect")
    assert len(marks) == 2
    good, bad = marks
    assert good.tag == "circle"
    assert bad.tag == "rect", "failing runs differ by shape too"
    assert float(good.get("cy")) < float(bad.get("y")) + 5, "L4 plotted above the failing run"


def test_build_site_writes_every_page_and_every_link_resolves(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    index = build_site(catalogue, tmp_path / "site")
    assert index == tmp_path / "site" / "index.html"
    pages = list((tmp_path / "site").rglob("*.html"))
    assert len([p for p in pages if p.parent.name == "scorecards"]) == 5
    for page in pages:
        tree = _tree(page.read_text("utf-8"))
        for href in tree.xpath("//a/@href"):
            parts = urlsplit(href)
            if parts.scheme or href.startswith("#") or href.startswith("../evidence"):
                continue
            assert (page.parent / parts.path).resolve().exists(), (page, href)
    scorecard = next(p for p in pages if OTHER.iri.removeprefix("urn:uuid:") in p.name)
    assert "Conform" in scorecard.read_text("utf-8")


def test_the_cli_builds_the_site_and_says_where(
    catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue.close()
    url = f"file:{tmp_path / 'catalogue'}"
    assert main(["catalogue", "site", "--catalogue", url, "--out", str(tmp_path / "uit")]) == 0
    assert f"site: {tmp_path / 'uit' / 'index.html'}" in capsys.readouterr().out
    assert (tmp_path / "uit" / "vergelijking.html").exists()
