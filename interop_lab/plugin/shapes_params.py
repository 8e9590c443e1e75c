"""Tests generated from the shapes: one pytest parameter per SHACL constraint."""

from __future__ import annotations

from typing import Any

import pytest

from interop_lab.checks.shacl import rule_text
from interop_lab.model.errors import SuiteError
from interop_lab.suites.artefact_set import SuiteArtefacts
from interop_lab.suites.registry import Suite


def shape_params(suite: Suite, artefacts: SuiteArtefacts) -> list[Any]:
    spec = suite.manifest.shapes
    if spec is None:
        return []
    _check_levels(suite, spec.level_ids())
    return [
        pytest.param(
            constraint,
            id=constraint.local_id,
            marks=[
                pytest.mark.level(spec.level_of(constraint)),
                pytest.mark.usage(constraint.usage.value),
                pytest.mark.requirement(constraint.requirement),
                pytest.mark.title(rule_text(constraint)),
            ],
        )
        for constraint in artefacts.constraints
    ]


def _check_levels(suite: Suite, named: set[str]) -> None:
    known = {level.id for level in suite.levels}
    unknown = sorted(named - known)
    if unknown:
        raise SuiteError(
            f"{suite.folder}: the shapes section names level(s) {', '.join(unknown)} that the "
            f"suite does not define; its levels are {', '.join(sorted(known))}"
        )
