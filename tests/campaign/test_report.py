"""The campaign report: campaign.json for machines, campaign.html (Dutch) for people."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
from lxml import etree

from interop_lab.campaign.journal import Header
from interop_lab.campaign.matrix import Cell, Change, Matrix, Row
from interop_lab.campaign.report import REPORT_HTML, REPORT_JSON, matrix_lines, write_report

CAMPAIGN = "20261201T000000Z-c0ffee"
HEADER = Header(CAMPAIGN, "2026-12-01T00:00:00Z", "/srv/profielen", "1/2", ("acme/ipdc-lpdc",))
FAILED = "urn:interop-lab:test:ipdc-lpdc:1.0.0:naam-verplicht"


def _text(element: etree._Element) -> str:
    return "".join(str(part) for part in element.itertext())


def _matrix() -> Matrix:
    worse = Cell(
        "acme",
        "ipdc-lpdc",
        "non-conformant",
        "L2",
        Change.WORSE,
        scorecard="urn:uuid:1",
        previous="urn:uuid:0",
        previous_level="L4",
        new_failures=(FAILED,),
    )
    error = Cell("acme", "ldes", "error", None, Change.ERROR)
    same = Cell(
        "beta",
        "ipdc-lpdc",
        "conformant",
        "L4",
        Change.SAME,
        scorecard="urn:uuid:2",
        certified="urn:uuid:c",
        certified_regressions=(),
    )
    certified = Cell(
        "beta",
        "ldes",
        "non-conformant",
        "L1",
        Change.SAME,
        scorecard="urn:uuid:3",
        certified="urn:uuid:c2",
        certified_regressions=(FAILED,),
    )
    rows = (
        Row(
            "acme", "Acme <NV>", "0123456789", "Loket", "4.2.0", {"ipdc-lpdc": worse, "ldes": error}
        ),
        Row(
            "beta",
            "Beta BV",
            "0987654321",
            "Portaal",
            "1.0",
            {"ipdc-lpdc": same, "ldes": certified},
        ),
        Row(
            "gamma",
            "Gamma",
            "0111111111",
            "Feed",
            "2.0",
            {
                "ipdc-lpdc": Cell(
                    "gamma", "ipdc-lpdc", "conformant", "L4", Change.NEW, scorecard="urn:uuid:4"
                )
            },
        ),
    )
    return Matrix(CAMPAIGN, ("ipdc-lpdc", "ldes"), rows)


def test_campaign_json(tmp_path: Path) -> None:
    write_report(tmp_path, _matrix(), HEADER, ["delta: a worker process died"])
    document = json.loads((tmp_path / REPORT_JSON).read_text("utf-8"))
    assert document["campaign"] == CAMPAIGN
    assert (document["started"], document["shard"]) == (HEADER.started, "1/2")
    assert document["suites"] == ["ipdc-lpdc", "ldes"]
    assert document["errors"] == ["delta: a worker process died"]
    assert [row["profile"] for row in document["rows"]] == ["acme", "beta", "gamma"]
    acme = document["rows"][0]
    assert (acme["vendor"], acme["kbo"], acme["product"], acme["release"]) == (
        "Acme <NV>",
        "0123456789",
        "Loket",
        "4.2.0",
    )
    worse = acme["cells"]["ipdc-lpdc"]
    assert (worse["change"], worse["changeLabel"]) == ("worse", "achteruitgang")
    assert worse["new_failures"] == [FAILED]
    assert (worse["level"], worse["previous_level"], worse["scorecard"]) == (
        "L2",
        "L4",
        "urn:uuid:1",
    )
    labels = {
        (row["profile"], suite): (cell["change"], cell["changeLabel"])
        for row in document["rows"]
        for suite, cell in row["cells"].items()
    }
    assert labels == {
        ("acme", "ipdc-lpdc"): ("worse", "achteruitgang"),
        ("acme", "ldes"): ("error", "niet beoordeeld"),
        ("beta", "ipdc-lpdc"): ("same", "ongewijzigd"),
        ("beta", "ldes"): ("same", "ongewijzigd"),
        ("gamma", "ipdc-lpdc"): ("new", "nieuw"),
    }
    regressions = [(found["profile"], found["suite"]) for found in document["regressions"]]
    assert regressions == [("acme", "ipdc-lpdc"), ("beta", "ldes")]
    assert document["regressions"][1]["certified_regressions"] == [FAILED]


def test_campaign_html(tmp_path: Path) -> None:
    write_report(tmp_path, _matrix(), HEADER, [])
    text = (tmp_path / REPORT_HTML).read_text("utf-8")
    page = lxml.html.fromstring(text)
    assert page.get("lang") == "nl"
    assert page.findtext(".//title") == f"Campagne {CAMPAIGN}"
    [table] = page.findall(".//table")
    assert table.findtext("caption") == "Niveau, oordeel en verandering sinds de vorige test"
    heads = [_text(th) for th in table.findall("thead/tr/th")]
    assert heads == ["Product", "ipdc-lpdc", "ldes"]
    rows = table.findall("tbody/tr")
    assert [row.findtext("th") for row in rows] == [
        "Acme <NV> / Loket 4.2.0",
        "Beta BV / Portaal 1.0",
        "Gamma / Feed 2.0",
    ]
    links = [a.get("href") for a in table.iter("a")]
    assert links == [
        "acme/ipdc-lpdc/scorecard.html",
        "beta/ipdc-lpdc/scorecard.html",
        "beta/ldes/scorecard.html",
        "gamma/ipdc-lpdc/scorecard.html",
    ]
    cells = [[_text(td) for td in row.findall("td")] for row in rows]
    assert cells[0] == [
        "niet conform, niveau L2; achteruitgang scorecard",
        "fout; niet beoordeeld",  # no scorecard, no link
    ]
    assert cells[2] == ["conform, niveau L4; nieuw scorecard", "-"]
    assert rows[0].findall("td")[0].get("class") == "worse"
    assert "Acme &lt;NV&gt;" in text  # escaped, never markup
    assert "Fouten in het lab" not in text


def test_campaign_html_lists_regressions_and_errors(tmp_path: Path) -> None:
    write_report(tmp_path, _matrix(), HEADER, ["delta: <b>stuk</b>"])
    page = lxml.html.fromstring((tmp_path / REPORT_HTML).read_text("utf-8"))
    lists = [[_text(li) for li in ul.findall("li")] for ul in page.iter("ul")]
    assert lists[0] == [
        f"Acme <NV> / Loket 4.2.0, ipdc-lpdc: {FAILED}",
        "Beta BV / Portaal 1.0, ldes: niveau lager (gecertificeerd geslaagd, nu gefaald: 1 regels)",
    ]
    assert lists[1] == ["delta: <b>stuk</b>"]


def test_campaign_html_without_regressions(tmp_path: Path) -> None:
    cell = Cell("gamma", "ldes", "conformant", "L3", Change.SAME, scorecard="urn:uuid:9")
    matrix = Matrix(CAMPAIGN, ("ldes",), (Row("gamma", "G", "0", "F", "1", {"ldes": cell}),))
    write_report(tmp_path, matrix, HEADER, [])
    page = lxml.html.fromstring((tmp_path / REPORT_HTML).read_text("utf-8"))
    assert [_text(li) for li in page.iter("li")] == ["geen"]
    assert json.loads((tmp_path / REPORT_JSON).read_text("utf-8"))["regressions"] == []


def test_matrix_lines() -> None:
    lines = matrix_lines(_matrix())
    assert lines[0] == f"campagne {CAMPAIGN}: 3 productversies"
    assert "Acme <NV> / Loket 4.2.0 (acme)" in lines
    assert any(
        line.startswith("  ipdc-lpdc") and "niet conform, niveau L2; achteruitgang" in line
        for line in lines
    )
    assert "achteruitgang: 2" in lines
    assert f"  acme ipdc-lpdc: {FAILED}" in lines
    assert f"  beta ldes: {FAILED}" in lines
