"""The English site under en/: the same pages, a language switch both ways, no Dutch chrome."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest

from interop_lab.catalogue import Catalogue, EmbeddedCatalogue, TrendPoint
from interop_lab.catalogue.register import Register
from interop_lab.reporting.text import printable
from interop_lab.site import build_site
from interop_lab.site.data import SiteData, collect
from interop_lab.site.plot import trend_plot
from interop_lab.site.words import DUTCH, ENGLISH, Words
from tests.site.conftest import CARDS
from tests.site.test_standards import NEWER, OLDER, REGISTER, UNKNOWN

# Words of the Dutch templates that must not show on an English page (whole words, any case).
DUTCH_CHROME = (
    "Overzicht",
    "Vergelijking",
    "Standaard",
    "Standaarden",
    "Niveau",
    "Leverancier",
    "Versie",
    "Resultaat",
    "Resultaten",
    "Datum",
    "Rapport",
    "Oordeel",
    "Conform",
    "Niet conform",
    "Gefaald",
    "geen",
    "niet getest",
    "Gebruikt door",
    "gemeenten",
    "Laatste",
    "Geschiedenis",
    "Zoeken",
    "Filteren",
    "bevat",
    "Catalogus",
    "zelftest",
    "gecertificeerd",
    "Soort",
    "Gebruik",
    "Verantwoordelijk",
    "Specificatie",
    "vermeld",
    "Aanbevolen",
    "Verplicht",
    "Erkende",
    "Naar de inhoud",
    "rondje",
    "vierkant",
    "van",
    "voor",
    "het",
    "niet",
)
DUTCH_PATTERN = re.compile(r"\b(" + "|".join(map(re.escape, DUTCH_CHROME)) + r")\b", re.I)


@pytest.fixture
def registered(tmp_path: Path) -> Iterator[Catalogue]:
    """The small catalogue plus cards naming register entries, with the register loaded."""
    with EmbeddedCatalogue(tmp_path / "catalogue") as opened:
        for each in (*CARDS, OLDER, NEWER, UNKNOWN):
            opened.add(each)
        opened.set_register(REGISTER)
        yield opened


@pytest.fixture
def site(registered: Catalogue, tmp_path: Path) -> Path:
    build_site(registered, tmp_path / "site")
    return tmp_path / "site"


def _tree(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(path.read_text("utf-8"))


def _pages(folder: Path) -> set[str]:
    """The site's own pages in one language's folder, relative to it (scorecards apart)."""
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*.html")
        if path.relative_to(folder).parts[0] not in ("en", "scorecards")
    }


def _resolve(page: Path, href: str) -> Path:
    return (page.parent / urlsplit(href).path).resolve()


def test_the_english_tree_has_the_same_pages(site: Path) -> None:
    dutch = _pages(site)
    assert {"index.html", "vergelijking.html", "standaarden.html"} <= dutch
    assert len([page for page in dutch if page.startswith("producten/")]) == 3
    assert _pages(site / "en") == dutch
    assert not (site / "en" / "scorecards").exists(), "the scorecards exist once, in Dutch"


def test_every_page_says_its_language(site: Path) -> None:
    for page in site.rglob("*.html"):
        expected = "en" if page.relative_to(site).parts[0] == "en" else "nl"
        assert _tree(page).get("lang") == expected, page


@pytest.mark.parametrize(("here", "there"), [(DUTCH, ENGLISH), (ENGLISH, DUTCH)])
def test_the_switch_leads_to_the_same_page_in_the_other_language_and_back(
    site: Path, here: Words, there: Words
) -> None:
    for name in _pages(site):
        page = site / here.folder / name
        tree = _tree(page)
        (switch,) = tree.xpath("//header//p[@class='language']/a")
        assert switch.text_content() == there.name
        assert switch.get("lang") == switch.get("hreflang") == there.lang
        target = _resolve(page, switch.get("href"))
        assert target == (site / there.folder / name).resolve(), (page, switch.get("href"))
        assert target.exists()
        (back,) = _tree(target).xpath("//header//p[@class='language']/a")
        assert _resolve(target, back.get("href")) == page.resolve()
        alternates = {
            link.get("hreflang"): _resolve(page, link.get("href"))
            for link in tree.xpath("//head/link[@rel='alternate']")
        }
        assert alternates == {here.lang: page.resolve(), there.lang: target}


def test_the_switch_comes_first_after_the_skip_link(site: Path) -> None:
    for page in (site / "index.html", site / "en" / "index.html"):
        links = _tree(page).xpath("//body//a[@href]")
        assert links[0].get("class") == "skip"
        assert links[1].getparent().get("class") == "language", "reached with one Tab more"


def test_the_english_index_speaks_english(site: Path) -> None:
    tree = _tree(site / "en" / "index.html")
    assert tree.findtext(".//h1") == "Software tested against the OSLO standards"
    labels = {label.get("for"): label.text_content() for label in tree.xpath("//form//label")}
    assert labels == {
        "standaard": "Standard",
        "niveau": "Level",
        "leverancier": "Vendor",
        "zoek": "Product contains",
    }
    assert tree.xpath("//form")[0].get("aria-label") == "Filter the results"
    headers = [th.text_content() for th in tree.xpath("//table[@id='resultaten']/thead//th")]
    assert headers == [
        "Vendor",
        "Product",
        "Release",
        "Standard",
        "Level",
        "Result",
        "Date",
        "Report",
    ]
    cells = tree.xpath("//span[contains(@class, 'verdict-cell')]")
    verdicts = {span.text_content().strip() for span in cells}
    assert {"✔ Conformant", "✘ Not conformant"} <= verdicts
    assert tree.findtext(".//p[@id='aantal']") == "4 results"
    assert '"{shown} of {total} results"' in (tree.findtext(".//script") or "")


def test_english_pages_link_to_the_dutch_scorecards_and_say_so(site: Path) -> None:
    for page in (site / "en").rglob("*.html"):
        tree = _tree(page)
        for link in tree.xpath("//a[contains(@href, 'scorecards/')]"):
            target = _resolve(page, link.get("href"))
            assert target.parent == (site / "scorecards").resolve()
            assert target.exists()
            assert link.get("hreflang") == "nl"
            if link.text_content().startswith("Scorecard"):
                assert link.text_content().endswith("(in Dutch)")
    index = _tree(site / "en" / "index.html")
    assert index.xpath("//td/a[starts-with(@href, '../scorecards/')]")


def test_the_english_matrix_product_and_standards_pages(site: Path) -> None:
    matrix = _tree(site / "en" / "vergelijking.html")
    assert matrix.findtext(".//caption") == "Product releases (rows) against standards (columns)"
    assert any(a.text_content().endswith("Level L4") for a in matrix.xpath("//td/a"))
    product = next((site / "en" / "producten").glob("voorbeeld-nv-voorbeeld-loket-*.html"))
    text = " ".join(_tree(product).text_content().split())
    assert "Latest certification by the lab" in text
    assert "Level per run for LDES" in text
    assert "1 run from 2026-10-20 to 2026-10-20; latest level L2" in text
    assert "Kind of test" in text
    assert "self-test" in text
    assert "certified" in text
    standards = _tree(site / "en" / "standaarden.html")
    facts = {
        dt.text_content(): " ".join(dt.getnext().text_content().split())
        for dt in standards.xpath("//section[@aria-labelledby='standaard-ipdc-lpdc']//dt")
    }
    assert facts["Use"] == "Recommended (register: Aanbevolen (vrijwillig))"
    assert facts["Status"] == "Standard in development"
    assert facts["Responsible"] == "Agentschap Digitaal Vlaanderen"
    standards_text = " ".join(standards.text_content().split())
    assert "refers to “Applicatieprofiel Onbestaand”, but that title is not in" in standards_text


def _data_strings(data: SiteData, register: Register) -> list[str]:
    """What the vendors and the register wrote: Dutch there is theirs, not the site's."""
    strings = [*data.standards.values(), *data.standards]
    for cell in data.cells:
        strings += [cell.vendor, cell.product, cell.release]
    for product in data.products:
        strings += product.municipalities
    for entry in register.entries:
        strings += [entry.title, entry.category, entry.usage_text, register.source]
        strings += [organisation.name for organisation in entry.organisations]
        strings += [link.name for link in entry.specifications]
    strings += data.register_titles.values()
    cleaned = {" ".join(printable(each).split()) for each in strings if each}
    return sorted(cleaned, key=len, reverse=True)  # the longest first: no half-removed strings


def test_no_dutch_chrome_is_left_on_english_pages(site: Path, registered: Catalogue) -> None:
    data_strings = _data_strings(collect(registered), REGISTER)
    for page in (site / "en").rglob("*.html"):
        tree = _tree(page)
        for element in tree.xpath("//script | //style | //*[@lang='nl']"):
            element.drop_tree()  # the switch to Dutch is Dutch on purpose
        said = [" ".join(tree.text_content().split())]
        said += tree.xpath("//@aria-label | //@title | //@alt | //@placeholder")
        for text in said:
            for each in data_strings:
                text = text.replace(each, " ")
            assert not DUTCH_PATTERN.findall(text), (page.name, DUTCH_PATTERN.findall(text), text)


def test_dutch_pages_keep_their_dutch_words(site: Path) -> None:
    tree = _tree(site / "index.html")
    assert tree.findtext(".//h1") == "Software getest op de OSLO-standaarden"
    (switch,) = tree.xpath("//p[@class='language']/a")
    assert (switch.text_content(), switch.get("href")) == ("English", "en/index.html")
    product = next((site / "producten").glob("voorbeeld-nv-voorbeeld-loket-*.html"))
    text = " ".join(_tree(product).text_content().split())
    assert "Soort test" in text
    assert "zelftest" in text
    assert "gecertificeerd" in text


def _point(number: int, level: str | None, verdict: str) -> TrendPoint:
    ended = f"2026-0{number}-01T00:00:00Z"
    return TrendPoint(f"urn:uuid:{number}", ended, "1.0", "self-test", verdict, level)


def test_the_plot_in_english() -> None:
    points = [_point(1, "L2", "conformant"), _point(2, None, "non-conformant")]
    plot = trend_plot("ipdc-lpdc", ("L1", "L2"), points, ENGLISH)
    assert plot.description == "2 runs from 2026-01-01 to 2026-02-01; latest level none"
    assert [label for label, _ in plot.axis] == ["none", "L1", "L2"]
    assert plot.points[1].label == "2026-02-01, release 1.0: level none, Not conformant"


SAME_IN_BOTH = {"product", "scorecard", "status", "plot_run", "plot_runs", "register_says"}


def test_every_text_has_its_own_english_words() -> None:
    for field in dataclasses.fields(ENGLISH):
        dutch, english = getattr(DUTCH, field.name), getattr(ENGLISH, field.name)
        if isinstance(dutch, str) and field.name not in SAME_IN_BOTH | {"cards_in_dutch"}:
            assert dutch != english, field.name
        if isinstance(dutch, str):  # the same fields to fill in, in both languages
            assert sorted(re.findall(r"{\w+}", dutch)) == sorted(re.findall(r"{\w+}", english))
