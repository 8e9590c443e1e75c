"""Tests generated from the shapes: one pytest parameter per SHACL constraint."""

from __future__ import annotations

from typing import Any

import pytest

from interop_lab.checks.shacl import rule_text
from interop_lab.model.outcomes import Usage
from interop_lab.suites.artefact_set import SuiteArtefacts
from interop_lab.suites.registry import Suite


def shape_params(suite: Suite, artefacts: SuiteArtefacts) -> list[Any]:
    levels = suite.manifest.shapes
    if levels is None:
        return []
    params = []
    for constraint in artefacts.constraints:
        required = constraint.usage is Usage.VERPLICHT
        level = levels.required_level if required else levels.recommended_level
        params.append(
            pytest.param(
                constraint,
                id=constraint.local_id,
                marks=[
                    pytest.mark.level(level),
                    pytest.mark.usage(constraint.usage.value),
                    pytest.mark.requirement(constraint.requirement),
                    pytest.mark.title(rule_text(constraint)),
                ],
            )
        )
    return params
