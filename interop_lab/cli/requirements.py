"""``interop-lab suites --requirements SUITE``: every requirement and the tests covering it."""

from __future__ import annotations

from collections import defaultdict

from interop_lab.plugin.collect import TestInfo, suite_tests
from interop_lab.suites.registry import Suite


def print_requirements(suite: Suite) -> None:
    tests = suite_tests(suite)
    by_requirement: dict[str, list[TestInfo]] = defaultdict(list)
    for test in tests:
        by_requirement[test.requirement].append(test)
    uncovered = [r for r in suite.manifest.requirements if r.iri not in by_requirement]
    print(
        f"{suite.id}: {len(by_requirement) + len(uncovered)} vereisten, {len(tests)} tests, "
        f"{len(uncovered)} vereisten zonder test"
    )
    for requirement in sorted(by_requirement):
        print(requirement)
        for test in by_requirement[requirement]:
            print(f"    {test.level} {test.usage.value:10} {test.title}")
            print(f"        {test.test}")
    for missing in uncovered:
        print(missing.iri)
        print(f"    {missing.level} {missing.usage:10} {missing.title}")
        print("        untested: geen test in deze suiteversie")
