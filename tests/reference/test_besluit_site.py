"""The besluit-publicatie reference vendor: its pages meet every Lokaal Beslist rule the standard
lets anyone meet, over HTTP, and each defect switch breaks exactly its one thing."""

from __future__ import annotations

from collections import Counter

import httpx
import pyshacl
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from interop_lab.payloads.rdfa import read_rdfa
from interop_lab.reference import ReferenceVendor
from interop_lab.reference.besluit_site import (
    BESLUIT_DEFECTS,
    BESLUIT_FEED,
    BESLUIT_PAGES,
    BesluitPublicatie,
)
from tests.suite_artefacts import suite_artefacts

BASE = "http://gemeente.test"
DCT_TITLE = URIRef("http://purl.org/dc/terms/title")
STARTED = URIRef("http://www.w3.org/ns/prov#startedAtTime")
# The two rules the suite blames on the standard (standard_defects in its suite.yaml).
STANDARD_DEFECTS = Counter(
    {
        ("https://data.vlaanderen.be/ns/generiek#isTijdspecialisatieVan", "MinCount"): 1,
        ("https://data.vlaanderen.be/ns/mandaat#isTijdspecialisatieVan", "MinCount"): 2,
    }
)


def _graph(site: BesluitPublicatie) -> Graph:
    data = Graph()
    for path in BESLUIT_PAGES:
        for triple in read_rdfa(site.page(path).encode(), base=BASE + path).graph.triples:
            data.add(triple)
    return data


def _violations(site: BesluitPublicatie) -> Counter[tuple[str, str]]:
    sets = suite_artefacts("besluit-publicatie").shape_sets
    shapes = next(shape_set.graph for shape_set in sets if shape_set.roles == {"pages"})
    _, report, _ = pyshacl.validate(_graph(site), shacl_graph=shapes, inference="none")
    return Counter(
        (
            str(report.value(result, SH.resultPath)),
            str(report.value(result, SH.sourceConstraintComponent))
            .rsplit("#", 1)[-1]
            .removesuffix("ConstraintComponent"),
        )
        for result in report.subjects(RDF.type, SH.ValidationResult)
    )


def test_the_pages_break_no_rule_but_the_standards_own_defects() -> None:
    assert _violations(BesluitPublicatie()) == STANDARD_DEFECTS


def test_pages_are_html_and_other_paths_404(client: httpx.Client) -> None:
    with ReferenceVendor(BesluitPublicatie()) as vendor:
        pages = [client.get(vendor.base_url + path) for path in BESLUIT_PAGES]
        missing = client.get(vendor.base_url + "/zittingen/2024-05-27/verslag.html")

    assert [page.status_code for page in pages] == [200, 200, 200]
    assert {page.headers["content-type"] for page in pages} == {"text/html; charset=utf-8"}
    assert missing.status_code == 404


def test_the_feed_lists_each_page_as_a_member(client: httpx.Client) -> None:
    with ReferenceVendor(BesluitPublicatie()) as vendor:
        response = client.get(vendor.base_url + BESLUIT_FEED)
        pages = [vendor.base_url + path for path in BESLUIT_PAGES]

    assert response.headers["content-type"] == "application/ld+json"
    assert [member["atLocation"] for member in response.json()["member"]] == pages


def test_missing_title_drops_the_first_agenda_items_title() -> None:
    titles = [o for _, p, o in _graph(BesluitPublicatie(["missing-title"])) if p == DCT_TITLE]

    assert len(titles) == len(list(_graph(BesluitPublicatie()).objects(None, DCT_TITLE))) - 1
    assert _violations(BesluitPublicatie(["missing-title"])) - STANDARD_DEFECTS == Counter(
        {(str(DCT_TITLE), "MinCount"): 1}
    )


def test_wrong_datatype_makes_the_start_text() -> None:
    (start,) = _graph(BesluitPublicatie(["wrong-datatype"])).objects(None, STARTED)

    assert (str(start), start.language) == ("gisteren om acht uur", "nl")


def test_invalid_rdfa_leaves_the_besluit_prefix_undeclared_on_the_notulen() -> None:
    site = BesluitPublicatie(["invalid-rdfa"])
    minutes = read_rdfa(site.page(BESLUIT_PAGES[2]).encode(), base=BASE)
    agenda = read_rdfa(site.page(BESLUIT_PAGES[0]).encode(), base=BASE)

    assert any("besluit:" in warning for warning in minutes.warnings)
    assert agenda.warnings == ()


@pytest.mark.parametrize(("defect", "status"), [("page-404", 404), ("page-500", 500)])
def test_error_defects_hit_the_besluitenlijst_only(
    client: httpx.Client, defect: str, status: int
) -> None:
    with ReferenceVendor(BesluitPublicatie([defect])) as vendor:
        codes = [client.get(vendor.base_url + path).status_code for path in BESLUIT_PAGES]

    assert codes == [200, status, 200]


def test_wrong_content_type_serves_every_page_as_text(client: httpx.Client) -> None:
    with ReferenceVendor(BesluitPublicatie(["wrong-content-type"])) as vendor:
        types = {
            client.get(vendor.base_url + path).headers["content-type"] for path in BESLUIT_PAGES
        }

    assert types == {"text/plain; charset=utf-8"}


def test_never_answers_hangs_the_besluitenlijst(client: httpx.Client) -> None:
    with ReferenceVendor(BesluitPublicatie(["never-answers"])) as vendor:
        agenda = client.get(vendor.base_url + BESLUIT_PAGES[0])
        with pytest.raises(httpx.ReadTimeout):
            client.get(vendor.base_url + BESLUIT_PAGES[1], timeout=0.3)

    assert agenda.status_code == 200


def test_an_unknown_defect_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(ValueError, match="unknown defect") as caught:
        BesluitPublicatie(["bestaat-niet"])

    assert all(name in str(caught.value) for name in BESLUIT_DEFECTS)
