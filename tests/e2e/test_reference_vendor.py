"""The lab against its reference vendor: conformant as published, and every defect caught."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interop_lab.reference import IpdcFeed, ReferenceVendor
from tests.e2e.support import TOKEN, failed, run_lab, scorecard, write_profile

# defect switch -> (test id the failure lands on, words the failure must contain)
DEFECTS = {
    "missing-title": ("InstancePublicServiceShape/dct-title/minCount", "dct:title"),
    "wrong-datatype": ("InstancePublicServiceShape/schema-dateCreated/datatype", "xsd:dateTime"),
    "bad-email": ("InstanceContactPointShape/schema-email/pattern", "schema:email"),
    "undefined-key": ("l2_jsonld/no_dropped_keys", "opmerkingIntern"),
    "remote-context": ("l2_jsonld/official_context", "onbekend/context.jsonld"),
    "wrong-content-type": ("l1_feed/media_type", "text/plain"),
    "page-404": ("l1_feed/pages_answer", "HTTP 404"),
    "page-500": ("l1_feed/pages_answer", "HTTP 500"),
    "never-answers": ("l1_feed/pages_answer", "time-out"),
    "invalid-json": ("l1_feed/pages_readable", "ongeldige JSON"),
    "relation-cycle": ("l1_feed/relations_sound", "cyclus"),
}


def _run(workdir: Path, defects: tuple[str, ...] = ()) -> tuple[int, dict[str, object], Path]:
    with ReferenceVendor(
        IpdcFeed(members=25, page_size=10, defects=defects), token=TOKEN
    ) as vendor:
        profile = write_profile(workdir, vendor.base_url)
        out = workdir / "uit"
        result = run_lab("run", "--profile", str(profile), "--out", str(out), cwd=workdir)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result.returncode, scorecard(out), out


def test_reference_vendor_is_conformant_at_the_top_level(workdir: Path) -> None:
    code, card, out = _run(workdir)

    assert code == 0
    assert card["verdict"] == "conformant"
    assert card["level"] == "L4"
    assert card["summary"]["failed"] == 0
    assert card["summary"]["passed"] > 200
    assert card["run"]["validator"].startswith("interop-lab SHACL-engine (resultaten gelijk aan")
    for produced in (
        "ipdc-lpdc/scorecard.jsonld",
        "ipdc-lpdc/scorecard.html",
        "junit.xml",
        "evidence.har",
    ):
        assert (out / produced).is_file(), produced


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_each_defect_is_non_conformant_naming_its_cause(workdir: Path, defect: str) -> None:
    test_id, words = DEFECTS[defect]

    code, card, _ = _run(workdir, (defect,))

    assert code == 1
    assert card["verdict"] == "non-conformant"
    failures = {a["test"].split(":", 5)[-1]: a for a in failed(card)}
    assert any(key.endswith(test_id) for key in failures), sorted(failures)
    assertion = next(a for key, a in failures.items() if key.endswith(test_id))
    assert words in json.dumps(assertion, ensure_ascii=False)
    assert "verwacht" in assertion["result"]["description"]
    assert "ontvangen" in assertion["result"]["description"]


def test_the_token_appears_in_no_output(workdir: Path) -> None:
    _, _, out = _run(workdir, ("missing-title",))

    for produced in out.rglob("*"):
        if produced.is_file():
            assert TOKEN not in produced.read_text("utf-8", errors="replace"), produced
