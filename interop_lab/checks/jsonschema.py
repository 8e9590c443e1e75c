"""Documents against a pinned JSON Schema, offline.

Nothing is fetched: a ``$ref`` that does not resolve inside the schema itself (OSLO's swagger
components point at ``#/components/schemas/...`` of a document that is not pinned) is not
checked; the rest of the schema is. OSLO's generator names JSON-LD context terms
``Klasse.eigenschap`` and schema properties ``eigenschap``; ``unqualified_key`` lets a suite
read documents the way the schema names them. Findings point into the vendor's own document.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry

from interop_lab.checks.common import fail
from interop_lab.crawl import Page
from interop_lab.model.errors import CantTell
from interop_lab.model.outcomes import Location
from interop_lab.payloads.json_text import JsonSyntaxError, escape_pointer_token, parse_json

KeyName = Callable[[str], str]


def same_key(key: str) -> str:
    return key


def unqualified_key(key: str) -> str:
    """``BelgischAdres.huisnummer`` -> ``huisnummer``; keywords (``@id``) stay as they are."""
    return key if key.startswith("@") else key.partition(".")[2] or key


def documents_match(
    pages: Sequence[Page], schema: Mapping[str, Any], *, keys: KeyName = same_key
) -> None:
    """Every readable JSON document among ``pages`` is valid against ``schema``."""
    validator = _validator(schema)
    documents = [(page, data) for page in pages if (data := _json(page)) is not None]
    if not documents:
        raise CantTell("geen enkel document kon als JSON gelezen worden om te toetsen")
    problems = list(
        dict.fromkeys(
            Location(url=page.url, pointer=_pointer(data, error.absolute_path, keys), value=text)
            for page, data in documents
            for error in validator.iter_errors(_renamed(data, keys))
            for text in [_dutch(error)]
        )
    )
    title = schema.get("title", "het JSON-schema")
    fail(
        f"documenten voldoen niet aan het JSON-schema {title}",
        problems,
        expected=f"elk document voldoet aan het JSON-schema {title}",
        received="; ".join(f"{p.pointer or '/'}: {p.value}" for p in problems[:3]),
    )


def _validator(schema: Mapping[str, Any]) -> Any:
    local = _without_unresolvable_refs(schema, schema)
    cls = validators.validator_for(local, default=Draft202012Validator)
    cls.check_schema(local)
    # An empty registry: a reference the schema does not resolve itself is never retrieved.
    return cls(local, registry=Registry())


def _without_unresolvable_refs(value: Any, root: Mapping[str, Any]) -> Any:
    if isinstance(value, list):
        return [_without_unresolvable_refs(item, root) for item in value]
    if not isinstance(value, Mapping):
        return value
    kept = {
        key: _without_unresolvable_refs(item, root)
        for key, item in value.items()
        if key != "$ref" or _resolves(item, root)
    }
    return kept


def _resolves(reference: Any, root: Mapping[str, Any]) -> bool:
    if not isinstance(reference, str) or not reference.startswith("#"):
        return False
    node: Any = root
    for token in filter(None, reference[1:].split("/")):
        name = token.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, Mapping) or name not in node:
            return False
        node = node[name]
    return True


def _json(page: Page) -> Any | None:
    if not page.fetched.ok:
        return None
    try:
        data, _ = parse_json(page.fetched.body)
    except JsonSyntaxError:
        return None
    return data


def _renamed(value: Any, keys: KeyName) -> Any:
    if isinstance(value, list):
        return [_renamed(item, keys) for item in value]
    if isinstance(value, dict):
        renamed: dict[str, Any] = {}
        for key, item in value.items():
            renamed.setdefault(keys(key), _renamed(item, keys))
        return renamed
    return value


def _pointer(data: Any, path: Iterable[str | int], keys: KeyName) -> str:
    """The JSON pointer, in the vendor's document, of a schema path over the renamed one."""
    tokens = []
    for step in path:
        if isinstance(data, dict):
            original = next((key for key in data if keys(key) == step), str(step))
            tokens.append(escape_pointer_token(original))
            data = data.get(original)
        else:
            tokens.append(str(step))
            data = data[step] if isinstance(data, list) and isinstance(step, int) else None
    return "".join(f"/{token}" for token in tokens)


def _dutch(error: ValidationError) -> str:
    rule = error.validator
    expected: Any = error.validator_value
    instance: Any = error.instance
    if rule == "required" and isinstance(instance, dict):
        missing = [key for key in expected if key not in instance]
        return f"verplichte sleutel ontbreekt: {', '.join(missing)}"
    if rule == "type":
        return f"verwacht type {expected}, ontvangen {json.dumps(instance, ensure_ascii=False)}"
    if rule == "pattern":
        return f"{json.dumps(instance, ensure_ascii=False)} volgt het patroon {expected} niet"
    if rule == "minItems":
        return f"minstens {expected} elementen verwacht, ontvangen {len(instance)}"
    return f"voldoet niet aan '{rule}' ({error.message})"
