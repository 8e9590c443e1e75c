"""A test's explanation as the plugin finds it: from the module defining the test function (not
the one importing it into a suite), or from the shape constraint of a generated test; only failed
and undecided assertions carry it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pytest
from rdflib import BNode, URIRef
from rdflib.namespace import SH

from conformance_suites.common.collection_tests import test_pages_answer as pages_answer
from interop_lab.model.errors import CantTell, Failure, Inapplicable
from interop_lab.plugin.metadata import explanation_of_item
from interop_lab.plugin.records import record_of
from interop_lab.shapes import ShapeConstraint
from interop_lab.suites.registry import Suite, load_suites

REQUIREMENT = "https://www.rfc-editor.org/rfc/rfc9110#section-15.3"
SHAPE = "https://example.org/standaard#InstanceShape"


@dataclass
class _CallSpec:
    params: dict[str, Any]
    id: str


@dataclass
class _Item:
    """What the plugin reads of a pytest item."""

    function: Callable[..., None]
    requirement: str = REQUIREMENT
    callspec: _CallSpec | None = None
    nodeid: str = "conformance_suites/adresregister/test_l1_collection.py::test_pages_answer"
    path: Path = Path("conformance_suites/adresregister/test_l1_collection.py")
    name: str = "test_pages_answer"
    originalname: str = "test_pages_answer"

    def get_closest_marker(self, name: str) -> pytest.Mark | None:
        if name == "requirement":
            return pytest.mark.requirement(self.requirement).mark
        return None


def _suite() -> Suite:
    return load_suites()["adresregister"]


def _item(**changes: Any) -> pytest.Item:
    return cast(pytest.Item, _Item(**{"function": pages_answer, **changes}))


def _constraint() -> ShapeConstraint:
    return ShapeConstraint(
        local_id="shacl/InstanceShape/dct-title/minCount",
        node_shape=URIRef(SHAPE),
        shape=BNode(),
        component=SH.MinCountConstraintComponent,
        parameter="1",
        path="http://purl.org/dc/terms/title",
        path_label="dct:title",
        shape_label="InstanceShape",
        name="naam",
        severity=SH.Violation,
        requirement=SHAPE,
        targets=(),
    )


def test_an_imported_test_is_explained_by_the_module_that_defines_it() -> None:
    explanation = explanation_of_item(_item(), _suite())

    assert explanation is not None
    assert "lijst" in explanation.nl.meaning
    assert explanation.link == REQUIREMENT


def test_a_generated_test_is_explained_by_its_constraint() -> None:
    constraint = _constraint()
    item = _item(
        requirement=SHAPE, callspec=_CallSpec({"shape_constraint": constraint}, constraint.local_id)
    )

    explanation = explanation_of_item(item, _suite())

    assert explanation is not None
    assert "“naam” (dct:title) minstens 1 keer" in explanation.nl.meaning
    assert explanation.link == SHAPE


def _own_test() -> None:
    """A test defined where no explanations.yaml lies."""


def test_a_test_without_written_explanation_has_none() -> None:
    assert explanation_of_item(_item(function=_own_test), _suite()) is None


@pytest.mark.parametrize(
    ("error", "explained"),
    [
        (None, False),
        (Failure("kapot", expected="200", received="404"), True),
        (CantTell("geen pagina's"), True),
        (Inapplicable("niet geclaimd"), False),
    ],
    ids=["passed", "failed", "cantTell", "inapplicable"],
)
def test_only_failed_and_undecided_records_carry_the_explanation(
    error: BaseException | None, explained: bool
) -> None:
    record = record_of(_item(), _suite(), error)

    assert (record.explanation is not None) is explained
    if record.explanation is not None:
        assert record.explanation.link == record.requirement
