"""Every test's explanation: what its rule means, the usual cause of a failure, how to fix it.

Hand-written tests are explained in an ``explanations.yaml`` beside the module that defines them,
keyed by module and test function::

    collection_tests:            # the module's file name without .py
      test_pages_answer:         # the test function
        nl: {meaning: ..., cause: ..., fix: ...}
        en: {meaning: ..., cause: ..., fix: ...}

A test another suite imports is defined once, so it has one text wherever it runs. Tests generated
from the shapes are explained by a template per constraint component (``shape_explanations``).
The link of an explanation is the test's requirement IRI: the rule in the standard.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

import yaml
from pydantic import RootModel, ValidationError

from interop_lab.model.errors import SuiteError
from interop_lab.model.explanations import Explanation, ExplanationText
from interop_lab.shapes import ShapeConstraint
from interop_lab.suites.shape_explanations import Bilingual, explanation_of_constraint

EXPLANATIONS_FILE = "explanations.yaml"

# (module file stem, test function name) -> its texts
Written = Mapping[tuple[str, str], Bilingual]


class _ExplanationsFile(RootModel[dict[str, dict[str, Bilingual]]]):
    """module -> test function -> its texts in Dutch and English."""


def explanation_of_test(source: Path, function: str, link: str) -> Explanation | None:
    """The hand-written explanation of test ``function`` defined in the module file ``source``."""
    entry = written_explanations(source.parent).get((source.stem, function))
    if entry is None:
        return None
    nl, en = (ExplanationText(t.meaning, t.cause, t.fix) for t in (entry.nl, entry.en))
    return Explanation(nl=nl, en=en, link=link)


def explanation_of(
    constraint: ShapeConstraint | None, source: Path | None, function: str, link: str
) -> Explanation | None:
    """A generated test's explanation from its constraint, any other test's from its module."""
    if constraint is not None:
        return explanation_of_constraint(constraint, link)
    return explanation_of_test(source, function, link) if source is not None else None


@functools.cache
def written_explanations(folder: Path) -> Written:
    """The explanations of the test modules in ``folder`` (none without the file).

    Read once per process: they are asked for every failed test of every run.
    """
    path = folder / EXPLANATIONS_FILE
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        modules = _ExplanationsFile.model_validate(data).root
    except (OSError, yaml.YAMLError) as error:
        raise SuiteError(f"{path}: cannot read the explanations: {error}") from None
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in issue['loc'])}: {issue['msg']}"
            for issue in error.errors()
        )
        raise SuiteError(f"{path}: invalid explanations: {problems}") from None
    return {
        (module, function): entry
        for module, functions in modules.items()
        for function, entry in functions.items()
    }
