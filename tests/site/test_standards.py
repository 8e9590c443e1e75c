"""The standards page (what each tested standard is for, from the register) and municipalities."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest

from interop_lab.catalogue import Catalogue, EmbeddedCatalogue
from interop_lab.catalogue.register import parse_register
from interop_lab.model.scorecard import Scorecard
from interop_lab.site.build import render_pages, render_product, render_standards
from interop_lab.site.data import SiteData, collect
from tests.catalogue.test_register import configuration, entries
from tests.reporting.cards import card, conformant_card

NOW = "2026-11-28 12:00 UTC"
REGISTER = parse_register(
    entries(
        configuration(
            "Vocabularium en implementatiemodel IPDC - LPDC",
            category="Vocabularium en implementatiemodel",
            usage="Aanbevolen (vrijwillig)",
            status="standaard-in-ontwikkeling",
        ),
        configuration("Applicatieprofiel LDES", usage="Verplicht", status="erkende-standaard"),
    ),
    "standards.json",
)


def _card(base: Scorecard, number: int, register: str, *municipalities: str) -> Scorecard:
    return replace(
        base,
        iri=f"urn:uuid:00000000-0000-4000-8000-{number:012d}",
        subject=replace(base.subject, municipalities=municipalities),
        standard=replace(base.standard, register=register),
        run=replace(base.run, ended=f"2026-10-0{number}T10:00:00Z"),
    )


OLDER = _card(card(), 1, "Vocabularium en implementatiemodel IPDC - LPDC", "Oudstad")
NEWER = _card(card(), 2, "Vocabularium en implementatiemodel IPDC - LPDC", "Gent", "Sint-Niklaas")
ORGANISATIE = replace(conformant_card().standard, suite="organisatie-basis", title="Organisatie")
UNKNOWN = _card(replace(conformant_card(), standard=ORGANISATIE), 3, "Applicatieprofiel Onbestaand")


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[Catalogue]:
    with EmbeddedCatalogue(tmp_path / "catalogue") as opened:
        for each in (OLDER, NEWER, UNKNOWN):
            opened.add(each)
        yield opened


def _text(html: str) -> str:
    return " ".join(lxml.html.document_fromstring(html).text_content().split())


def _section(html: str, suite: str) -> str:
    """The section's text, one space between a term and its description."""
    tree = lxml.html.document_fromstring(html)
    (section,) = tree.xpath(f"//section[@aria-labelledby='standaard-{suite}']")
    for term in section.iter("dt", "dd"):
        term.tail = " " + (term.tail or "")
    return " ".join(section.text_content().split())


def _facts(html: str) -> dict[str, str]:
    tree = lxml.html.document_fromstring(html)
    terms = tree.xpath("//dl[@class='facts']/dt")
    return {dt.text_content(): " ".join(dt.getnext().text_content().split()) for dt in terms}


def test_the_standards_page_says_what_the_register_says(catalogue: Catalogue) -> None:
    catalogue.set_register(REGISTER)
    html = render_standards(collect(catalogue), NOW)

    section = _section(html, "ipdc-lpdc")
    assert "In het register Vocabularium en implementatiemodel IPDC - LPDC" in section
    assert "Soort Vocabularium en implementatiemodel" in section
    assert "Gebruik Aanbevolen (register: Aanbevolen (vrijwillig))" in section
    assert "Status Standaard in ontwikkeling" in section
    assert "Verantwoordelijk Agentschap Digitaal Vlaanderen" in section
    tree = lxml.html.document_fromstring(html)
    assert tree.xpath("//dd/a[@href='https://data.vlaanderen.be/doc/ap/46/']")


def test_a_title_missing_from_the_register_is_said_on_the_page(catalogue: Catalogue) -> None:
    catalogue.set_register(REGISTER)
    section = _section(render_standards(collect(catalogue), NOW), "organisatie-basis")

    assert "verwijst naar „Applicatieprofiel Onbestaand”, maar die titel staat niet in" in section
    assert "(standards.json)" in section


def test_without_a_register_the_page_says_how_to_load_one(catalogue: Catalogue) -> None:
    data = collect(catalogue)
    text = _text(render_standards(data, NOW))

    assert data.register is None
    assert "Het standaardenregister is nog niet in de catalogus geladen" in text
    assert "interop-lab catalogue standards" in text


def test_the_product_page_lists_the_municipalities_of_its_newest_scorecard(
    catalogue: Catalogue,
) -> None:
    data: SiteData = collect(catalogue)
    loket = next(p for p in data.products if p.product == NEWER.subject.product)
    tree = lxml.html.document_fromstring(render_product(data, loket, NOW))

    assert loket.municipalities == ("Gent", "Sint-Niklaas")
    assert tree.xpath("//ul[@class='municipalities']/li/text()") == ["Gent", "Sint-Niklaas"]
    assert _facts(render_product(data, loket, NOW))["Gebruikt door"] == "GentSint-Niklaas"


def test_a_product_without_municipalities_says_so(catalogue: Catalogue) -> None:
    data = collect(catalogue)
    other = next(p for p in data.products if p.product == UNKNOWN.subject.product)

    assert _facts(render_product(data, other, NOW))["Gebruikt door"] == "geen gemeenten opgegeven"


def test_every_page_links_to_the_standards_page(catalogue: Catalogue) -> None:
    pages = render_pages(collect(catalogue), NOW)

    assert "standaarden.html" in pages
    for name in ("index.html", "vergelijking.html", "standaarden.html"):
        assert 'href="standaarden.html">Standaarden</a>' in pages[name]
