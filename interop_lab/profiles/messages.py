"""Pydantic's errors as short `file:line: field: problem` lines that name the fix.

Pydantic's own sentences (and its documentation URLs) are never shown; inputs are not echoed,
because a wrongly placed secret must not reach a CI log.
"""

from __future__ import annotations

import difflib
import re
import typing
from typing import Any, Literal

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from interop_lab.model.errors import Problem
from interop_lab.profiles.fields import SECRET_HINT, looks_like_secret
from interop_lab.profiles.models import VendorProfile
from interop_lab.profiles.yaml_lines import DataPath, YamlDocument, dotted

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "model_type": "a mapping of fields (key: value)",
    "model_attributes_type": "a mapping of fields (key: value)",
    "dict_type": "a mapping (key: value)",
    "tuple_type": "a list",
    "list_type": "a list",
}
_CONSTRAINTS = {
    "greater_than": "must be greater than {gt}",
    "greater_than_equal": "must be at least {ge}",
    "less_than": "must be less than {lt}",
    "less_than_equal": "must be at most {le}",
    "string_too_short": "must not be empty",
    "string_too_long": "is too long: at most {max_length} characters",
    "too_short": "must not be empty",
    "finite_number": "must be a finite number",
    "literal_error": "must be {expected}",
}
_SECRET_NAMES = {"token", "password", "passwd", "secret", "api_key", "apikey", "access_token"}
_SECRETISH = re.compile(r"secret|token|passw|key|credential|bearer")


def validation_problems(error: ValidationError, doc: YamlDocument, file: str) -> list[Problem]:
    """One Problem per pydantic error, at the line of the field it concerns."""
    problems = []
    for detail in error.errors(include_url=False):
        path = data_path(detail["loc"], doc.data)
        if detail["type"] == "union_tag_invalid":
            path = (*path, "type")
        problems.append(Problem(file, doc.line_of(path), dotted(path), _message(detail, path, doc)))
    return problems


def data_path(loc: tuple[str | int, ...], data: object) -> DataPath:
    """The path in the YAML data that pydantic's loc points at, without pydantic's own parts."""
    path: list[str | int] = []
    current = data
    entered = True  # just stepped into current: where pydantic puts a union member's tag
    for part in loc:
        if isinstance(current, dict) and entered and part == current.get("type"):
            entered = False  # the tag of the auth union, not a key in the YAML
            continue
        found, child = _child(current, part)
        if not found:
            if isinstance(current, dict):
                path.append(part)  # a missing key: its parent's line is the one to show
            break  # below a scalar, parts name union members or a wrapped list, not YAML
        path.append(part)
        current, entered = child, True
    return tuple(path)


def _child(current: object, part: str | int) -> tuple[bool, object]:
    """(True, the value) when part is a key or an index present in current."""
    if isinstance(current, dict) and part in current:
        return True, current[part]
    if isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
        return True, current[part]
    return False, None


def _message(detail: ErrorDetails, path: DataPath, doc: YamlDocument) -> str:
    kind = detail["type"]
    context = detail.get("ctx", {})
    if kind.startswith("profile_"):
        return detail["msg"]  # written by fields.py / models.py, already in our words
    if kind == "missing":
        return f"required field '{path[-1]}' is missing; add it"
    if kind == "extra_forbidden":
        return _unknown_field(path, doc.data)
    if kind == "union_tag_invalid":
        tags = ", ".join(_tags(_models_at(path[:-1], doc.data)))
        tag = str(context.get("tag", ""))
        shown = "" if looks_like_secret(tag) else f" '{tag}'"  # never echo a pasted secret
        return f"unknown type{shown}; use one of: {tags}"
    if kind == "union_tag_not_found":
        tags = ", ".join(_tags(_models_at(path, doc.data)))
        return f"'type' is missing; add type: with one of: {tags}"
    if kind in _EXPECTED:
        return _type_message(_EXPECTED[kind], detail["input"])
    if kind in _CONSTRAINTS:
        return _CONSTRAINTS[kind].format(**{key: _plain(value) for key, value in context.items()})
    return f"invalid value ({kind})"


def _type_message(expected: str, value: object) -> str:
    got = _kind_of(value)
    hint = "; put the value in quotes" if expected == "text" and got != "nothing" else ""
    return f"expected {expected}, got {got}{hint}"


def _kind_of(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "text"
    return "a mapping" if isinstance(value, dict) else "a list"


def _plain(value: object) -> object:
    """120 rather than 120.0 in a limit."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _unknown_field(path: DataPath, data: object) -> str:
    key = str(path[-1])
    models = _models_at(path[:-1], data)
    allowed = list(dict.fromkeys(name for model in models for name in model.model_fields))
    under_auth = path[:1] == ("auth",)
    if key.lower() in _SECRET_NAMES or (under_auth and _is_secretish(key)):
        env_fields = [name for name in allowed if name.endswith("_env")] or ["token_env"]
        closest = difflib.get_close_matches(key, env_fields, n=1, cutoff=0) or env_fields
        return SECRET_HINT.format(field=closest[0])
    suggestion = difflib.get_close_matches(key, allowed, n=1)
    hint = f" (did you mean '{suggestion[0]}'?)" if suggestion else ""
    return f"unknown field '{key}'{hint}; allowed: {', '.join(allowed)}"


def _is_secretish(key: str) -> bool:
    return not key.endswith("_env") and bool(_SECRETISH.search(key.lower()))


def _models_at(path: DataPath, data: object) -> list[type[BaseModel]]:
    """The models that may validate the mapping at path; the auth union is narrowed by its type."""
    models: list[type[BaseModel]] = [VendorProfile]
    current: Any = data
    for part in path:
        current = current[part]
        if isinstance(part, int):
            continue
        fields = [model.model_fields[part] for model in models if part in model.model_fields]
        models = [found for field in fields for found in _models_in(field.annotation)]
        tagged = [model for model in models if _tag_matches(model, current)]
        models = tagged or models
    return models


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in _models_in(arg)]


def _tag_matches(model: type[BaseModel], value: object) -> bool:
    field = model.model_fields.get("type")
    return bool(
        field and isinstance(value, dict) and value.get("type") in _literal(field.annotation)
    )


def _tags(models: list[type[BaseModel]]) -> list[str]:
    fields = [model.model_fields["type"] for model in models if "type" in model.model_fields]
    return [str(tag) for field in fields for tag in _literal(field.annotation)]


def _literal(annotation: object) -> tuple[object, ...]:
    return typing.get_args(annotation) if typing.get_origin(annotation) is Literal else ()
