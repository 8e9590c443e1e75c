"""Scorecards -> one JUnit XML report, so vendors' CI shows every rule as a test case."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from interop_lab.model.outcomes import Blame, Location, Outcome
from interop_lab.model.scorecard import AssertionRecord, Scorecard
from interop_lab.reporting.text import printable

SKIP_REASONS = {
    Outcome.CANT_TELL: "niet te beoordelen",
    Outcome.INAPPLICABLE: "niet van toepassing",
    Outcome.UNTESTED: "niet getest",
}
BLAME_REASONS = {
    Blame.STANDARD: "fout in de standaard, telt niet mee",
    Blame.LAB: "fout in het testlab, telt niet mee",
}
_TALLIES = (("failures", "failure"), ("errors", "error"), ("skipped", "skipped"))


def junit_xml(cards: Sequence[Scorecard]) -> str:
    root = ET.Element("testsuites")
    for card in cards:
        root.append(_testsuite(card))
    _total(root)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _testsuite(card: Scorecard) -> ET.Element:
    suite = ET.Element(
        "testsuite", _clean({"name": card.standard.suite, "timestamp": card.run.started})
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("scorecard", card.iri),
        ("verdict", card.verdict),
        ("level", card.level or ""),
        ("product", f"{card.subject.vendor} {card.subject.product} {card.subject.release}"),
    ):
        _property(properties, name, value)
    for record in card.assertions:
        suite.append(_testcase(card, record))
    _count(suite, suite.findall("testcase"))
    return suite


def _count(suite: ET.Element, cases: Sequence[ET.Element]) -> None:
    suite.set("tests", str(len(cases)))
    for name, tag in _TALLIES:
        suite.set(name, str(sum(1 for case in cases if case.find(tag) is not None)))


def _total(root: ET.Element) -> None:
    for name in ("tests", *(name for name, _ in _TALLIES)):
        root.set(name, str(sum(int(suite.get(name, "0")) for suite in root)))


def _testcase(card: Scorecard, record: AssertionRecord) -> ET.Element:
    case = ET.Element(
        "testcase",
        _clean(
            {
                "classname": f"{card.standard.suite}.{record.level}",
                "name": f"{record.title} [{record.test}]",
            }
        ),
    )
    properties = ET.SubElement(case, "properties")
    for name, value in (
        ("requirement", record.requirement),
        ("level", record.level),
        ("usage", record.usage.value),
    ):
        _property(properties, name, value)
    result = _result(record)
    if result is not None:
        case.append(result)
    return case


def _result(record: AssertionRecord) -> ET.Element | None:
    """The child saying how the case ended; ``None`` when it passed."""
    if record.harness_error:
        return _element("error", record.description, _where(record.locations))
    if record.outcome is Outcome.FAILED:
        if record.blame is not None and record.blame in BLAME_REASONS:
            reason = BLAME_REASONS[record.blame]
            return _element("skipped", f"{reason}: {record.description}", "")
        return _element("failure", record.description, _where(record.locations))
    if record.outcome in SKIP_REASONS:
        reason = SKIP_REASONS[record.outcome]
        message = f"{reason}: {record.description}" if record.description else reason
        return _element("skipped", message, "")
    return None


def _element(tag: str, message: str, text: str) -> ET.Element:
    element = ET.Element(tag, {"message": printable(message)})
    if text:
        element.text = printable(text)
    return element


def _where(locations: Sequence[Location]) -> str:
    return "\n".join(
        " ".join(f"{key}={value}" for key, value in location.as_dict().items())
        for location in locations
    )


def _property(parent: ET.Element, name: str, value: str) -> None:
    ET.SubElement(parent, "property", {"name": name, "value": printable(value)})


def _clean(attributes: dict[str, str]) -> dict[str, str]:
    return {name: printable(value) for name, value in attributes.items()}
