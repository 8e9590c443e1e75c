"""Load and check vendor profiles, reporting every problem as ``file:line: field: problem``."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from pydantic import ValidationError

from interop_lab.model.errors import Problem, ProfileError
from interop_lab.profiles.claims import SuiteRoles, claim_problems, host_problems
from interop_lab.profiles.messages import validation_problems
from interop_lab.profiles.models import VendorProfile
from interop_lab.profiles.yaml_lines import YAML_FIELD, YamlDocument, parse_profile_yaml


def load_profile(path: Path, suites: Mapping[str, SuiteRoles] | None = None) -> VendorProfile:
    """The validated profile; ProfileError lists every problem found when it is not valid.

    With ``suites`` (suite id -> roles and levels) the claims are checked against them too.
    """
    profile, problems = _check(path, suites)
    if problems or profile is None:
        raise ProfileError(problems)
    return profile


def check_profiles(
    paths: Sequence[Path], suites: Mapping[str, SuiteRoles] | None = None
) -> list[Problem]:
    """Every problem of every profile, file by file; an empty list means all are valid."""
    return [problem for path in paths for problem in _check(path, suites)[1]]


def _check(
    path: Path, suites: Mapping[str, SuiteRoles] | None
) -> tuple[VendorProfile | None, list[Problem]]:
    path = Path(path)  # callers may pass a str despite the annotation
    file = str(path)
    doc, problems = parse_profile_yaml(path, file)
    if doc is None:
        return None, problems
    if not isinstance(doc.data, dict):
        message = (
            "the top level must be a mapping of profile fields, starting with profile_version: 1"
        )
        return None, [*problems, Problem(file, doc.line_of(()), YAML_FIELD, message)]
    profile, invalid = _validate(doc, file)
    problems += invalid + claim_problems(doc, file, suites)
    if profile is not None:
        problems += host_problems(profile, doc, file)
    return profile.with_source(path) if profile else None, _in_file_order(problems)


def _validate(doc: YamlDocument, file: str) -> tuple[VendorProfile | None, list[Problem]]:
    try:
        return VendorProfile.model_validate(doc.data), []
    except ValidationError as error:
        return None, validation_problems(error, doc, file)


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    ordered = sorted(problems, key=lambda problem: problem.line or 0)
    return [
        replace(problem, field=_one_line(problem.field), message=_one_line(problem.message))
        for problem in ordered
    ]


# Line breaks and other control characters of keys and values a message quotes: written out as
# escapes, so each problem stays one `file:line: field: problem` line (and none can be forged).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    return _UNPRINTABLE.sub(lambda found: f"\\x{ord(found[0]):02x}", text)
