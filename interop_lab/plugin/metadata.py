"""What a pytest item says about itself as a conformance test: level, usage, requirement, title."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from interop_lab.model.explanations import Explanation
from interop_lab.model.ids import test_iri
from interop_lab.model.outcomes import Usage
from interop_lab.shapes import ShapeConstraint
from interop_lab.suites.explanations import explanation_of
from interop_lab.suites.registry import Suite

MARKERS = {
    "level": "level(ID): the conformance class (level) of the test, e.g. L1",
    "usage": "usage(NAME): Verplicht (default) or Aanbevolen",
    "requirement": "requirement(IRI): the requirement the test verifies",
    "title": "title(TEXT): the test's title when its docstring does not give one",
    "test_id": "test_id(ID): the stable local id of the test within its suite",
}


def _marker_arg(item: pytest.Item, name: str) -> str | None:
    marker = item.get_closest_marker(name)
    return str(marker.args[0]) if marker is not None and marker.args else None


def level_of(item: pytest.Item, suite: Suite) -> str:
    level = _marker_arg(item, "level") or suite.levels[0].id
    return suite.manifest.level_in_this_suite(_origin_suite(item), level)


def _origin_suite(item: pytest.Item) -> str:
    """The bundled suite a test function was written in (it may be imported by another)."""
    module = getattr(getattr(item, "function", None), "__module__", "") or ""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "conformance_suites" else ""


def usage_of(item: pytest.Item) -> Usage:
    return Usage(_marker_arg(item, "usage") or Usage.VERPLICHT.value)


def requirement_of(item: pytest.Item, suite: Suite) -> str:
    return _marker_arg(item, "requirement") or suite.manifest.standard.iri


def title_of(item: pytest.Item) -> str:
    title = _marker_arg(item, "title")
    if title:
        return title
    function = getattr(item, "function", None)
    doc = (getattr(function, "__doc__", None) or "").strip()
    return doc.splitlines()[0] if doc else item.name


def local_id_of(item: pytest.Item) -> str:
    """The test's id within its suite: a marker, the shape constraint, or module/function."""
    local_id = _marker_arg(item, "test_id")
    if local_id is not None:
        return local_id
    callspec = getattr(item, "callspec", None)
    if callspec is not None:
        return str(callspec.id)
    module = item.path.stem.removeprefix("test_")
    function = getattr(item, "originalname", item.name).removeprefix("test_")
    return f"{module}/{function}"


def test_iri_of(item: pytest.Item, suite: Suite) -> str:
    return test_iri(suite.id, suite.manifest.version, local_id_of(item))


def explanation_of_item(item: pytest.Item, suite: Suite) -> Explanation | None:
    """What the test's rule means and how to fix it; its link is the test's requirement."""
    callspec = getattr(item, "callspec", None)
    constraint = callspec.params.get("shape_constraint") if callspec is not None else None
    function = getattr(item, "function", None)
    # The module that defines the function, not the one that imports it into a suite: a shared
    # test has one explanation wherever it runs.
    source = Path(inspect.getfile(function)) if function is not None else None
    return explanation_of(
        constraint if isinstance(constraint, ShapeConstraint) else None,
        source,
        getattr(function, "__name__", ""),
        requirement_of(item, suite),
    )
