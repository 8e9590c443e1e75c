"""junit.xml: one case per assertion, counted right, and valid XML whatever vendors send."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from interop_lab.model.outcomes import Location
from interop_lab.reporting.junit import junit_xml
from tests.reporting.cards import HOSTILE, card, conformant_card, error_card


def _parse(text: str) -> ET.Element:
    return ET.fromstring(text.encode("utf-8"))


def test_one_suite_per_scorecard_and_one_case_per_assertion() -> None:
    root = _parse(junit_xml([card(), conformant_card()]))

    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == ["ipdc-lpdc", "ipdc-lpdc"]
    assert [len(suite.findall("testcase")) for suite in suites] == [8, 4]
    case = suites[0].findall("testcase")[2]
    assert case.get("classname") == "ipdc-lpdc.L3"
    assert (
        case.get("name")
        == "Regel naam-verplicht [urn:interop-lab:test:ipdc-lpdc:1.0.0:naam-verplicht]"
    )
    properties = {prop.get("name"): prop.get("value") for prop in case.iter("property")}
    assert properties == {
        "requirement": "https://data.vlaanderen.be/shacl/ipdc-lpdc#naam-verplicht",
        "level": "L3",
        "usage": "Verplicht",
    }


def test_outcomes_map_to_failure_skipped_and_error() -> None:
    root = _parse(junit_xml([card(), error_card()]))
    first, second = root.findall("testsuite")

    # failed by vendor (Verplicht + Aanbevolen) = 2 failures; standard-blamed, cantTell,
    # inapplicable, untested = 4 skipped.
    assert (first.get("tests"), first.get("failures"), first.get("skipped")) == ("8", "2", "4")
    assert first.get("errors") == "0"
    assert (second.get("errors"), second.get("failures")) == ("1", "0")
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("11", "2", "1")
    assert root.get("skipped") == "4"


def test_messages_say_why() -> None:
    cases = _parse(junit_xml([card()])).findall("testsuite/testcase")
    failure = cases[2].find("failure")
    blamed = cases[3].find("skipped")
    cant_tell = cases[4].find("skipped")

    assert failure is not None
    assert failure.get("message") == (
        "verwacht: een naam in het Nederlands; ontvangen: een lege tekst"
    )
    assert "pointer=/member/3/naam" in (failure.text or "")
    assert blamed is not None
    assert (blamed.get("message") or "").startswith("fout in de standaard, telt niet mee")
    assert cant_tell is not None
    assert cant_tell.get("message") == "niet te beoordelen: pagina 2 onbereikbaar"


def test_hostile_strings_are_stripped_to_valid_xml() -> None:
    record = replace(
        card().assertions[2],
        title=HOSTILE,
        description=HOSTILE,
        locations=(Location(url="https://x/\x00", value=HOSTILE),),
    )
    text = junit_xml([card(vendor=HOSTILE, assertions=(record,))])
    root = _parse(text)

    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "<script>alert('x')</script> &  \"quotes\" ]]>"
    assert "\x00" not in text
    assert "\ufffe" not in text
