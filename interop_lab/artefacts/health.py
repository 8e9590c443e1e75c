"""What is wrong with a published artefact, and which documented repair puts it right.

Every diagnosis reads the bytes, never the file name: what the artefact is (JSON, a JSON-LD
context, Turtle, SHACL shapes) is told from its content. A finding that disappears once one of the
suite's repairs is applied is reported as repaired by that repair; every other finding says what
it does to a run. ``interop-lab artefacts check`` prints the result.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from interop_lab.artefacts.diagnose_json import diagnose_json
from interop_lab.artefacts.diagnose_turtle import diagnose_turtle
from interop_lab.artefacts.findings import Diagnosis, Finding
from interop_lab.artefacts.pins import Pin
from interop_lab.artefacts.repairs import apply_repairs
from interop_lab.model.errors import SuiteError

_HTML = re.compile(r"<(!doctype\s+html|html)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Assessed:
    """A finding, and the repair that removes it when the suite names one."""

    finding: Finding
    repaired_by: str | None = None

    @property
    def blocking(self) -> bool:
        """A defect that breaks a run and that no repair of the suite removes."""
        return self.finding.breaks_run and self.repaired_by is None

    @property
    def verdict(self) -> str:
        if self.repaired_by is not None:
            return f"repaired by {self.repaired_by}"
        return f"not repaired: {self.finding.consequence}"


@dataclass(frozen=True, slots=True)
class ArtefactHealth:
    url: str
    kind: str
    assessed: tuple[Assessed, ...]

    @property
    def blocking(self) -> bool:
        return any(item.blocking for item in self.assessed)


def diagnose(data: bytes, url: str, known_urls: Collection[str] = frozenset()) -> Diagnosis:
    """What the bytes are and what is wrong with them; ``known_urls`` can be resolved offline."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return Diagnosis("bytes that are not UTF-8", (_not_utf8(data, error),))
    start = text.lstrip("\ufeff \t\r\n")
    if start[:1] in ("{", "["):
        return diagnose_json(text, url)
    if _HTML.match(start):
        return Diagnosis("an HTML page (RDFa is not checked here)")
    return diagnose_turtle(text, url, known_urls)


def assess(
    url: str, data: bytes, *, pin: Pin | None = None, known_urls: Collection[str] = frozenset()
) -> ArtefactHealth:
    """Diagnose the artefact as published, then after each of the pin's repairs in turn."""
    original = diagnose(data, url, known_urls)
    repaired_by: dict[tuple[str, str], str] = {}
    later: list[Assessed] = []  # findings the repairs bring in, and a repair that fails
    remaining = {finding.key for finding in original.findings}
    repairs, arguments = (pin.repairs, pin.repair_arguments) if pin else ((), {})
    for name in repairs:
        try:
            data = apply_repairs(url, data, (name,), arguments)
        except SuiteError as error:
            later.append(Assessed(_repair_failed(name, error)))
            break
        after = diagnose(data, url, known_urls).findings
        repaired_by.update({key: name for key in remaining - {f.key for f in after}})
        remaining &= {finding.key for finding in after}
        later = [Assessed(_introduced(f)) for f in after if f.key not in remaining]
    assessed = [Assessed(f, repaired_by.get(f.key)) for f in original.findings]
    return ArtefactHealth(url=url, kind=original.kind, assessed=(*assessed, *later))


def unavailable(url: str, reason: str) -> ArtefactHealth:
    """The health of an artefact the lab could not get at all."""
    finding = Finding("unavailable", reason, "the suite cannot be run", breaks_run=True)
    return ArtefactHealth(url=url, kind="unavailable", assessed=(Assessed(finding),))


def _not_utf8(data: bytes, error: UnicodeDecodeError) -> Finding:
    line = data[: error.start].count(b"\n") + 1
    return Finding(
        "not-utf8",
        f"not UTF-8: byte 0x{data[error.start]:02x} at line {line} (offset {error.start})",
        "the artefact cannot be read: loading the suite stops",
        breaks_run=True,
    )


def _repair_failed(name: str, error: SuiteError) -> Finding:
    return Finding(
        "repair-failed", str(error), "loading the suite stops", breaks_run=True, subject=name
    )


def _introduced(finding: Finding) -> Finding:
    return Finding(
        finding.code,
        f"after the suite's repairs: {finding.message}",
        finding.consequence,
        finding.breaks_run,
        finding.subject,
    )
