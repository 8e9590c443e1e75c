"""Strict JSON reading: what ``json.loads`` silently accepts is reported, not swallowed."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

MAX_DEPTH = 512
# Every value counts (objects, arrays, strings, numbers...): JSON-LD processing costs time and
# memory per value, so a document of a million small values would exhaust either.
MAX_VALUES = 100_000


@dataclass(frozen=True, slots=True)
class JsonProblem:
    """A JSON defect that does not stop reading, with the pointer of the object it is in."""

    pointer: str
    message: str


class JsonSyntaxError(ValueError):
    """The payload is not JSON; the message says where (line and column) in Dutch."""


def parse_json(body: bytes) -> tuple[Any, list[JsonProblem]]:
    """Parse ``body`` as UTF-8 JSON, rejecting NaN/Infinity and nesting deeper than MAX_DEPTH."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise JsonSyntaxError(f"geen geldige UTF-8 op byte {error.start}") from None
    duplicates: list[tuple[dict[str, Any], str]] = []
    try:
        data = json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_finite_float,
            object_pairs_hook=lambda pairs: _object(pairs, duplicates),
        )
    except json.JSONDecodeError as error:
        raise JsonSyntaxError(
            f"ongeldige JSON op regel {error.lineno}, kolom {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise JsonSyntaxError("JSON is te diep genest om te lezen") from None
    shape_problem = _too_deep_or_large(data)
    if shape_problem:
        raise JsonSyntaxError(shape_problem)
    return data, _duplicate_problems(data, duplicates)


def _reject_constant(name: str) -> Any:
    raise JsonSyntaxError(f"{name} is geen geldige JSON-waarde")


def _finite_float(text: str) -> float:
    # JSON has no infinity; 1e400 would silently become one.
    value = float(text)
    if not math.isfinite(value):
        raise JsonSyntaxError(f"het getal {text[:40]} is te groot voor een JSON-getal")
    return value


def _object(pairs: list[tuple[str, Any]], duplicates: list[tuple[dict[str, Any], str]]) -> Any:
    result = dict(pairs)  # the last value of a repeated key, at its first place
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                duplicates.append((result, key))
            seen.add(key)
    return result


def _too_deep_or_large(data: Any) -> str | None:
    # Iterative, so hostile nesting cannot exhaust the interpreter stack later on.
    count = 1
    stack: list[tuple[Any, int]] = [(data, 1)] if isinstance(data, dict | list) else []
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:  # a scalar is no level of nesting: only containers are stacked
            return f"JSON is dieper genest dan {MAX_DEPTH} niveaus"
        children = value.values() if isinstance(value, dict) else value
        count += len(children)
        if count > MAX_VALUES:
            return f"JSON bevat meer dan {MAX_VALUES:_} waarden (limiet)".replace("_", ".")
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return None


def _duplicate_problems(
    data: Any, duplicates: list[tuple[dict[str, Any], str]]
) -> list[JsonProblem]:
    if not duplicates:
        return []
    pointers = object_pointers(data)
    return [
        JsonProblem(
            pointer=pointers.get(id(obj), ""),
            message=f"sleutel '{key}' komt meer dan eens voor; alleen de laatste waarde telt",
        )
        for obj, key in duplicates
    ]


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def object_pointers(data: Any) -> dict[int, str]:
    """The JSON pointer (RFC 6901) of every object in ``data``, keyed by ``id()``."""
    pointers: dict[int, str] = {}
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        value, pointer = stack.pop()
        if isinstance(value, dict):
            pointers[id(value)] = pointer
            stack.extend(
                (child, f"{pointer}/{escape_pointer_token(key)}") for key, child in value.items()
            )
        elif isinstance(value, list):
            stack.extend((child, f"{pointer}/{index}") for index, child in enumerate(value))
    return pointers
