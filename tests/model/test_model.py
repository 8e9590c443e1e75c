"""The lab's vocabulary: the error tree, outcomes, locations, identifiers and short names."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from interop_lab.model import (
    ArtefactError,
    Blame,
    CantTell,
    Failure,
    HarnessError,
    Inapplicable,
    LabError,
    Location,
    Outcome,
    Problem,
    ProfileError,
    SuiteError,
    Usage,
    UsageError,
    VendorResult,
    ids,
)
from interop_lab.model.ids import new_run_id, scorecard_iri, slug
from interop_lab.model.prefixes import PREFIXES, short


def test_description_joins_message_expected_and_received() -> None:
    failure = Failure("titel ontbreekt", expected="1 titel", received="0 titels")

    assert failure.description == "titel ontbreekt; verwacht: 1 titel; ontvangen: 0 titels"


def test_description_leaves_out_what_is_not_given() -> None:
    assert CantTell("niet bereikbaar").description == "niet bereikbaar"
    assert Failure("x", expected="y").description == "x; verwacht: y"
    assert Failure("x", received="z").description == "x; ontvangen: z"


def test_vendor_result_keeps_its_fields() -> None:
    where = (Location(url="http://v.test/1"),)

    result = Inapplicable("niets", locations=where, blame=Blame.STANDARD)

    assert str(result) == "niets"
    assert result.message == "niets"
    assert result.locations == where
    assert result.blame is Blame.STANDARD
    assert Failure("x").blame is Blame.VENDOR
    assert Failure("x").locations == ()


@pytest.mark.parametrize(
    ("kind", "outcome"),
    [
        (Failure, Outcome.FAILED),
        (CantTell, Outcome.CANT_TELL),
        (Inapplicable, Outcome.INAPPLICABLE),
    ],
)
def test_each_vendor_result_has_its_earl_outcome(
    kind: type[VendorResult], outcome: Outcome
) -> None:
    result = kind("m")

    assert result.outcome is outcome
    assert isinstance(result, VendorResult)
    assert isinstance(result, LabError)
    assert not isinstance(result, UsageError | HarnessError)


def test_usage_errors_exit_2_and_harness_errors_exit_3() -> None:
    for kind in (SuiteError, ArtefactError, ProfileError):
        assert issubclass(kind, UsageError)
    assert UsageError.exit_code == 2
    assert ArtefactError("x").exit_code == 2
    assert HarnessError.exit_code == 3
    assert issubclass(HarnessError, LabError)


def test_problem_is_printed_as_file_line_field_message() -> None:
    assert str(Problem("p.yaml", 4, "base_url", "geen URL")) == "p.yaml:4: base_url: geen URL"
    assert str(Problem("p.yaml", None, "claims", "leeg")) == "p.yaml: claims: leeg"


def test_profile_error_lists_one_problem_per_line() -> None:
    problems = [Problem("p.yaml", 1, "a", "x"), Problem("p.yaml", 2, "b", "y")]

    error = ProfileError(problems)

    assert error.problems == problems
    assert str(error) == "p.yaml:1: a: x\np.yaml:2: b: y"


def test_outcome_iris_are_earl() -> None:
    assert Outcome.CANT_TELL.iri == "http://www.w3.org/ns/earl#cantTell"
    assert [outcome.value for outcome in Outcome] == [
        "passed",
        "failed",
        "cantTell",
        "inapplicable",
        "untested",
    ]


def test_usage_values_are_the_oslo_words() -> None:
    assert Usage.VERPLICHT == "Verplicht"
    assert Usage.AANBEVOLEN == "Aanbevolen"


def test_location_as_dict_uses_camel_case_and_skips_none() -> None:
    location = Location(url="http://v.test/p", pointer="", focus_node="http://ex.test/a")

    assert location.as_dict() == {
        "url": "http://v.test/p",
        "pointer": "",
        "focusNode": "http://ex.test/a",
    }


def test_location_as_dict_with_every_field() -> None:
    location = Location("u", "/a", "f", "p", "m", "v")

    assert location.as_dict() == {
        "url": "u",
        "pointer": "/a",
        "focusNode": "f",
        "path": "p",
        "member": "m",
        "value": "v",
    }


def test_run_id_is_sortable_and_unique() -> None:
    moment = datetime(2026, 11, 28, 18, 5, 1, tzinfo=UTC)

    first, second = new_run_id(moment), new_run_id(moment)

    assert re.fullmatch(r"20261128T180501Z-[0-9a-f]{6}", first)
    assert first != second
    assert new_run_id(datetime(2026, 11, 28, 18, 5, 2, tzinfo=UTC)) > max(first, second)


def test_run_id_defaults_to_now() -> None:
    assert re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{6}", new_run_id())


def test_scorecard_iri_is_a_urn_uuid_named_by_run_and_suite() -> None:
    first = scorecard_iri("20261128T180501Z-3f2a9c", "ipdc-lpdc")

    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", first)
    assert first == scorecard_iri("20261128T180501Z-3f2a9c", "ipdc-lpdc"), "a redone run"
    assert first != scorecard_iri("20261128T180501Z-3f2a9c", "ldes")
    assert first != scorecard_iri("20261128T180501Z-3f2a9d", "ipdc-lpdc")


def test_test_iri_is_stable() -> None:
    iri = ids.test_iri("ipdc-lpdc", "2024-07-04", "shacl/InstanceShape/dct-title/minCount")

    assert iri == "urn:interop-lab:test:ipdc-lpdc:2024-07-04:shacl/InstanceShape/dct-title/minCount"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gemeente Gent", "gemeente-gent"),
        ("  Voorbeeld NV / Loket 4.2 ", "voorbeeld-nv-loket-4-2"),
        ("één keer", "n-keer"),
        ("", "x"),
        ("---", "x"),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


@pytest.mark.parametrize(
    ("iri", "expected"),
    [
        ("http://purl.org/dc/terms/title", "dct:title"),
        ("https://w3id.org/tree#member", "tree:member"),
        ("http://www.w3.org/ns/shacl#Violation", "sh:Violation"),
        ("https://productencatalogus.data.vlaanderen.be/ns/ipdc-lpdc#Instantie", "lpdc:Instantie"),
        ("http://unknown.test/vocab#Thing", "Thing"),
        ("http://unknown.test/vocab/thing/", "thing"),
        ("http://purl.org/dc/terms/", "terms"),
        ("urn:x", "urn:x"),
    ],
)
def test_short(iri: str, expected: str) -> None:
    assert short(iri) == expected


def test_no_prefix_namespace_hides_another() -> None:
    # short() tries the longest namespace first; none may be a prefix of another by accident.
    namespaces = list(PREFIXES.values())

    overlapping = [(a, b) for a in namespaces for b in namespaces if a != b and b.startswith(a)]

    assert overlapping == []
    assert len(set(namespaces)) == len(namespaces)
