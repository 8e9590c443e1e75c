"""A suite's tests as pytest collects them, described without running anything."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import pytest

from interop_lab.model.explanations import Explanation
from interop_lab.model.outcomes import Usage
from interop_lab.plugin.metadata import (
    explanation_of_item,
    level_of,
    local_id_of,
    requirement_of,
    test_iri_of,
    title_of,
    usage_of,
)
from interop_lab.suites.registry import Suite


@dataclass(frozen=True, slots=True)
class TestInfo:
    test: str
    title: str
    requirement: str
    level: str
    usage: Usage
    suite: str = ""
    local_id: str = ""  # the test's id within its suite, as in its IRI
    function: str = ""  # the test function's name (one for every generated shape test)
    nodeid: str = ""
    explanation: Explanation | None = None


class _Collector:
    """A pytest plugin object that keeps the collected items."""

    def __init__(self) -> None:
        self.items: list[pytest.Item] = []

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.items = list(session.items)


def suite_tests(suite: Suite) -> list[TestInfo]:
    """Every test of ``suite``, generated shape tests included (no profile needed)."""
    collector = _Collector()
    ini = resources.files("interop_lab.plugin") / "lab-pytest.ini"
    pytest.main(
        [str(suite.folder), "-c", str(ini), "--collect-only", "-p", "no:terminal", "--lab-collect"],
        plugins=[collector],
    )
    return [
        TestInfo(
            test=test_iri_of(item, suite),
            title=title_of(item),
            requirement=requirement_of(item, suite),
            level=level_of(item, suite),
            usage=usage_of(item),
            suite=suite.id,
            local_id=local_id_of(item),
            function=getattr(item, "originalname", item.name),
            nodeid=item.nodeid,
            explanation=explanation_of_item(item, suite),
        )
        for item in collector.items
    ]
