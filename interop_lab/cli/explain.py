"""``interop-lab explain TEST``: what a test's rule means, the usual cause and the fix.

TEST is a test IRI (``urn:interop-lab:test:...``), ``SUITE::NAME`` or a bare NAME; a name is the
test's id within its suite (``l1_feed/media_type``, ``shacl/.../minCount``), its function
(``test_media_type`` or ``media_type``) or its pytest node id. A name that several tests share is
fine when they share one explanation (a test imported by several suites); otherwise the command
lists them (exit 2).

This module is imported to build the parser, so only the standard library is imported at its top;
the command imports the rest when it runs (``interop-lab --help`` stays fast).
"""

from __future__ import annotations

import argparse
import difflib
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interop_lab.model.explanations import Explanation
    from interop_lab.plugin.collect import TestInfo
    from interop_lab.suites.registry import Suite

TEST_IRI_PREFIX = "urn:interop-lab:test:"
SUITE_SEPARATOR = "::"
SUITE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # as suite manifests require
MAX_LISTED = 12


def add_explain(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``explain`` subcommand and its arguments."""
    explain = commands.add_parser(
        "explain", help="what a test's rule means, the usual cause and the fix (nl and en)"
    )
    explain.add_argument(
        "test",
        metavar="TEST",
        help="a test IRI, SUITE::NAME or a NAME (e.g. ipdc-lpdc::l1_feed/media_type)",
    )
    explain.add_argument(
        "--lang", choices=("nl", "en"), help="only this language (default: Dutch, then English)"
    )
    explain.set_defaults(handler=explain_command)


def explain_command(args: argparse.Namespace) -> int:
    """Print the explanation of the test ``args.test``; exit 2 when it names none or several."""
    from interop_lab.model.explanations import LANGUAGES
    from interop_lab.reporting.explanation_text import explanation_block

    tests = find_tests(args.test)
    explanation = _one_explanation(args.test, tests)
    print(tests[0].title)
    for test in tests:
        print(f"    {test.test} ({test.suite}, {test.level}, {test.usage.value})")
    for language in (args.lang,) if args.lang else LANGUAGES:
        print()
        print(explanation_block(explanation, language))
    return 0


def find_tests(query: str) -> list[TestInfo]:
    """The tests ``query`` names; a usage error naming close matches when it names none."""
    from interop_lab.model.errors import UsageError
    from interop_lab.plugin.collect import suite_tests
    from interop_lab.suites.registry import get_suite, load_suites

    text = query.strip()
    known = load_suites()
    if text.startswith(TEST_IRI_PREFIX):
        suite_id, name = text.removeprefix(TEST_IRI_PREFIX).split(":", 1)[0], text
    elif SUITE_ID.match(text.split(SUITE_SEPARATOR, 1)[0]) and SUITE_SEPARATOR in text:
        suite_id, name = text.split(SUITE_SEPARATOR, 1)
    else:  # a bare name, or a pytest node id (whose "::" follows a file name)
        suite_id, name = "", text
    suites = [get_suite(suite_id, known)] if suite_id else list(known.values())
    candidates = [test for suite in suites for test in suite_tests(suite)]
    found = [test for test in candidates if name in names_of(test)]
    if not found:
        raise UsageError(_unknown(query, name, candidates, suites))
    return found


def names_of(test: TestInfo) -> set[str]:
    """Every name by which ``test`` may be asked for."""
    node_name = test.nodeid.rsplit(SUITE_SEPARATOR, 1)[-1]
    return {
        test.test,
        test.local_id,
        test.function,
        test.function.removeprefix("test_"),
        test.nodeid,
        node_name,
    }


def _one_explanation(query: str, tests: Sequence[TestInfo]) -> Explanation:
    from interop_lab.model.errors import SuiteError, UsageError

    explanations = {test.explanation for test in tests}
    if len(explanations) > 1:
        listed = _listed(f"{test.suite}{SUITE_SEPARATOR}{test.local_id}" for test in tests)
        raise UsageError(
            f"'{query}' names {len(tests)} tests with different explanations; name one as "
            f"SUITE::NAME:\n{listed}"
        )
    explanation = explanations.pop()
    if explanation is None:
        raise SuiteError(
            f"{tests[0].test} has no explanation; add it to the explanations.yaml beside the "
            "module that defines the test"
        )
    return explanation


def _unknown(query: str, name: str, candidates: Sequence[TestInfo], suites: list[Suite]) -> str:
    every_name = sorted({n for test in candidates for n in names_of(test) if n})
    close = difflib.get_close_matches(name, every_name, n=MAX_LISTED, cutoff=0.6)
    where = suites[0].id if len(suites) == 1 else "any suite"
    message = f"no test '{query}' in {where}"
    if close:
        return f"{message}; did you mean:\n{_listed(close)}"
    return f"{message}; `interop-lab suites --requirements SUITE` lists a suite's tests"


def _listed(names: Iterable[str]) -> str:
    unique = list(dict.fromkeys(names))
    lines = [f"    {name}" for name in unique[:MAX_LISTED]]
    if len(unique) > MAX_LISTED:
        lines.append(f"    ... and {len(unique) - MAX_LISTED} more")
    return "\n".join(lines)
