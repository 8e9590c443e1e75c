"""The adresregister suite against its reference vendor: conformant as published, every defect
caught with a message naming the property or the HTTP cause, unclaimed levels inapplicable."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from interop_lab.reference import ReferenceVendor
from interop_lab.reference.adres_defects import ADRES_DEFECTS
from interop_lab.reference.adres_register import LIST_PATH, AdresRegister
from tests.e2e.support import TOKEN, failed, run_lab, scorecard, write_profile

SUITE = "adresregister"
# defect switch -> (test id the failure lands on, words the failure must contain)
DEFECTS = {
    "missing-postinfo": ("BelgischAdresShape/adres-heeftPostinfo/minCount", "adres:heeftPostinfo"),
    "wrong-datatype": ("BelgischAdresShape/adres-officieelToegekend/datatype", "xsd:boolean"),
    "undefined-key": ("l2_jsonld/no_dropped_keys", "opmerkingIntern"),
    "wrong-content-type": ("l1_collection/media_type", "text/plain"),
    "page-404": ("l1_collection/pages_answer", "HTTP 404"),
    "page-500": ("l1_collection/pages_answer", "HTTP 500"),
    "paging-loop": ("l1_collection/paging_ends", "lus"),
    "never-answers": ("l1_collection/pages_answer", "time-out"),
    "no-negotiation": ("l4_rest/negotiates_json", "application/ld+json"),
    "plain-404": ("l4_rest/unknown_item_is_a_problem", "text/html"),
    "id-not-dereferenceable": ("l4_rest/ids_dereference", "HTTP 404"),
}


def _run(
    workdir: Path, defects: tuple[str, ...] = (), level: str | None = None
) -> tuple[int, dict[str, Any]]:
    register = AdresRegister(addresses=12, page_size=5, defects=defects)
    claim: dict[str, Any] = {"standard": SUITE, "endpoints": {"collection": LIST_PATH}}
    if level:
        claim["level"] = level
    with ReferenceVendor(register, token=TOKEN) as vendor:
        profile = write_profile(
            workdir,
            vendor.base_url,
            claims=[claim],
            limits={"request_timeout_s": 1, "deadline_s": 60},
        )
        out = workdir / "uit"
        result = run_lab("run", "--profile", str(profile), "--out", str(out), cwd=workdir)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result.returncode, scorecard(out, SUITE)


def test_reference_register_is_conformant_at_the_top_level(workdir: Path) -> None:
    code, card = _run(workdir)

    assert code == 0
    assert (card["verdict"], card["level"]) == ("conformant", "L4")
    assert card["summary"]["failed"] == 0
    assert card["summary"]["cantTell"] == 0
    assert card["summary"]["passed"] > 90


def test_every_defect_has_an_expectation() -> None:
    assert sorted(DEFECTS) == sorted(ADRES_DEFECTS)


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_defect_is_caught_and_named(workdir: Path, defect: str) -> None:
    test_id, words = DEFECTS[defect]

    code, card = _run(workdir, (defect,))

    assert code == 1
    assert card["verdict"] == "non-conformant"
    failures = {a["test"].split(":", 5)[-1]: a for a in failed(card)}
    assertion = next((a for key, a in failures.items() if key.endswith(test_id)), None)
    assert assertion is not None, sorted(failures)
    assert words in json.dumps(assertion, ensure_ascii=False)
    assert "verwacht" in assertion["result"]["description"]
    assert "ontvangen" in assertion["result"]["description"]


def test_tests_above_the_claimed_level_are_inapplicable(workdir: Path) -> None:
    code, card = _run(workdir, ("no-negotiation",), level="L3")

    assert code == 0
    outcomes = {a["test"].split(":", 5)[-1]: a["result"] for a in card["assertions"]}
    negotiation = outcomes["l4_rest/negotiates_json"]
    assert negotiation["outcome"] == "inapplicable"
    assert "claimt tot niveau L3" in negotiation["description"]
    assert card["level"] == "L3", "a level above the claim is never reached"
