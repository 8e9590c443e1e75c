"""A suite's tests as pytest collects them, described without running anything."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import pytest

from interop_lab.model.outcomes import Usage
from interop_lab.plugin.metadata import level_of, requirement_of, test_iri_of, title_of, usage_of
from interop_lab.suites.registry import Suite


@dataclass(frozen=True, slots=True)
class TestInfo:
    test: str
    title: str
    requirement: str
    level: str
    usage: Usage


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
        )
        for item in collector.items
    ]
