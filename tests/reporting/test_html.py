"""scorecard.html: readable Dutch, accessible structure, and hostile vendor data kept inert."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

import pytest

from interop_lab.model.outcomes import Location
from interop_lab.model.scorecard import Scorecard
from interop_lab.reporting.html import scorecard_to_html
from tests.reporting.cards import HOSTILE, card, conformant_card, error_card


@dataclass
class Outline(HTMLParser):
    """What the accessibility checks need from a page: tags, headings, tables, the html lang."""

    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))

    def count(self, tag: str) -> int:
        return sum(1 for name, _ in self.tags if name == tag)


def _outline(page: str) -> Outline:
    outline = Outline()
    outline.feed(page)
    return outline


def test_page_is_dutch_with_one_h1_and_ordered_headings() -> None:
    outline = _outline(scorecard_to_html(card()))

    assert outline.tags[0] == ("html", {"lang": "nl"})
    assert outline.count("h1") == 1
    assert outline.headings[0] == 1
    steps = zip(outline.headings, outline.headings[1:], strict=False)
    assert all(after <= before + 1 for before, after in steps)


def test_page_is_self_contained_and_fits_a_phone() -> None:
    page = scorecard_to_html(card())
    outline = _outline(page)

    assert outline.count("script") == 0
    assert outline.count("img") == 0
    assert not [attrs for tag, attrs in outline.tags if tag == "link"]
    assert ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}) in (
        outline.tags
    )
    assert "@media (max-width" in page


def test_tables_have_captions_and_scoped_headers() -> None:
    outline = _outline(scorecard_to_html(card()))

    assert outline.count("table") == outline.count("caption") == 3
    assert all(attrs.get("scope") in ("col", "row") for tag, attrs in outline.tags if tag == "th")


@pytest.mark.parametrize(
    ("the_card", "verdict", "level"),
    [
        (card(), "Niet conform", "Niveau L2 van L4"),
        (conformant_card(), "Conform", "Niveau L4 van L4"),
        (error_card(), "Fout in het testlab", "Niveau L1 van L4"),
        (card(assertions=()), "Conform", "Niveau L4 van L4"),
    ],
)
def test_verdict_and_level_in_words(the_card: Scorecard, verdict: str, level: str) -> None:
    page = scorecard_to_html(the_card)

    assert f"</span> {verdict}</p>" in page
    assert f'<p class="level-text">{level}</p>' in page


def test_no_level_reached_is_said_plainly() -> None:
    failed_at_l1 = replace(card().assertions[2], level="L1")

    page = scorecard_to_html(card(assertions=(failed_at_l1,)))

    assert "geen niveau behaald" in page


def test_header_names_product_vendor_release_and_standard() -> None:
    page = scorecard_to_html(card())

    assert "<h1>Voorbeeld Loket 4.2.0</h1>" in page
    assert "Voorbeeld NV (KBO 0123456789)" in page
    assert "IPDC-LPDC implementatiemodel – é ü</a>, versie 2024-07-04" in page


def test_summary_counts_in_dutch() -> None:
    page = scorecard_to_html(card())

    for label, count in [
        ("geslaagd", 2), ("gefaald", 3), ("niet te beoordelen", 1),
        ("niet van toepassing", 1), ("niet getest", 1),
    ]:  # fmt: skip
        assert f'<th scope="row">{label}</th><td>{count}</td>' in page


def test_failure_shows_description_locations_fix_and_rule_link() -> None:
    page = scorecard_to_html(card())

    assert "verwacht: een naam in het Nederlands; ontvangen: een lege tekst" in page
    assert "<code>/member/3/naam</code>" in page
    assert "<td>http://purl.org/dc/terms/title</td>" in page
    assert "Waar (25 plaatsen)" in page
    assert page.count("<code>/member/") == 20
    assert "en 5 meer" in page
    assert "Zo los je het op" in page
    assert "verplichte regel van de standaard" in page
    assert '<a href="https://data.vlaanderen.be/shacl/ipdc-lpdc#naam-verplicht">' in page


def test_failures_come_first_and_blame_is_explained() -> None:
    page = scorecard_to_html(card())

    mandatory = page.index("Regel naam-verplicht")
    assert mandatory < page.index("Regel bevoegde-overheid") < page.index("Regel code-lijst")
    assert "Fout in de standaard, telt niet mee." in page
    assert page.index("Regel code-lijst") < page.index("<details>", mandatory)


def test_passed_and_inapplicable_tests_are_collapsed() -> None:
    page = scorecard_to_html(card())
    details = page[page.index("<details>") :]

    assert "Regel http-200" in details
    assert "Niet van toepassing:</span> Regel paging" in page


def test_harness_error_is_shown_as_the_labs_fault() -> None:
    page = scorecard_to_html(error_card())

    assert "Fout in het testlab:</span> Regel crash" in page
    assert "KeyError: &#39;x&#39;" in page


def test_fix_texts_can_be_overridden_per_level() -> None:
    page = scorecard_to_html(card(), fixes={"L3": "Vul de naam in."})

    assert '<p class="fix">Vul de naam in.</p>' in page


def test_footer_has_run_artefacts_and_evidence_link() -> None:
    page = scorecard_to_html(card())

    assert "interop-lab 0.1.0" in page
    assert "2026-11-28T18:05:01Z" in page
    assert '<a href="../evidence.har">' in page
    assert "abababababab…" in page
    assert "typfout in sh:path" in page


def test_hostile_vendor_data_is_escaped() -> None:
    page = scorecard_to_html(card(vendor=HOSTILE, product=HOSTILE))

    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "\x00" not in page
    assert "\x1b" not in page
    assert "\ufffe" not in page
    assert _outline(page).count("script") == 0


def test_only_web_links_become_hrefs() -> None:
    record = replace(
        card().assertions[2],
        requirement="javascript:alert(1)",
        locations=(Location(url=" JavaScript:alert(2)"),),
    )
    page = scorecard_to_html(card(assertions=(record,)))

    hrefs = [attrs["href"] or "" for tag, attrs in _outline(page).tags if tag == "a"]
    assert hrefs
    assert all(href.startswith(("https://", "../")) for href in hrefs)
    assert "<code>javascript:alert(1)</code>" in page


def test_without_the_evidence_beside_the_page_there_is_no_dead_link() -> None:
    page = scorecard_to_html(card(), evidence_beside=False)

    assert 'href="../evidence.har"' not in page
    assert "evidence.har, bij de bestanden van de testrun (niet op deze site)" in page


def test_run_names_what_validated() -> None:
    page = scorecard_to_html(card())

    assert "<dt>Validatie</dt><dd>interop-lab SHACL-engine (resultaten gelijk aan pySHACL" in page
