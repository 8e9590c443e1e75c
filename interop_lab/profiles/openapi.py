"""What an OpenAPI 3.0/3.1 document says a product serves: GET operations and their answers.

Only what ``interop-lab init`` needs to propose endpoints: each GET path, the media types of its
2xx answers (and whether the document shows what they hold), its path parameters filled from the
document's examples, words from its examples, and the security schemes. The document is untrusted
input: YAML aliases are refused (they can multiply a small file into a huge structure), local
``$ref``s are followed a bounded number of times, and nothing in it is ever fetched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import yaml

from interop_lab.profiles.fields import looks_like_secret

MAX_REF_HOPS = 16
MAX_EXAMPLE_TEXT = 64 * 1024  # of each operation's examples: enough to spot a vocabulary
# Parameters whose value is a credential: their examples are never copied into a profile.
_SECRET_NAME = re.compile(r"token|secret|passw|api[-_]?key|apikey|auth|session|signature", re.I)
_PARAMETER = re.compile(r"\{([^{}/]+)\}")


class OpenApiError(ValueError):
    """The text is not an OpenAPI 3.0/3.1 document this reader can use; the message says why."""


@dataclass(frozen=True, slots=True)
class Operation:
    """One GET operation: its path template, the path to ask, and what its 2xx answers hold."""

    template: str
    path: str | None  # the template filled from examples; None when a parameter has none
    filled: tuple[tuple[str, str], ...]  # parameter, the example it was filled with
    unfilled: tuple[str, ...]  # parameters without a usable example
    media_types: tuple[str, ...]  # of 2xx answers the document shows (example or schema)
    undocumented: tuple[str, ...]  # of 2xx answers listed without example or schema
    example_text: str  # the answers' examples, for the words and vocabulary they use
    secured: bool  # the operation (or the document) asks for a security scheme

    @property
    def segments(self) -> tuple[str, ...]:
        return tuple(part for part in self.template.split("/") if part)


@dataclass(frozen=True, slots=True)
class SecurityScheme:
    """A security scheme, as far as a profile's ``auth`` can say it (never a value)."""

    name: str
    kind: str  # http-bearer, http-basic, api-key-header, or unsupported: <why>
    header: str | None = None


@dataclass(frozen=True, slots=True)
class ApiDocument:
    version: str
    title: str
    api_version: str
    server: str  # servers[0].url, "" when none is given
    operations: tuple[Operation, ...]
    schemes: tuple[SecurityScheme, ...]  # those the GET operations (or the document) ask for


def parse_openapi(text: str) -> ApiDocument:
    """The document's GET operations and security; OpenApiError says what is wrong with it."""
    data = _load(text)
    version = str(data.get("openapi", ""))
    if not re.fullmatch(r"3\.[01](\.\d+)?(-.+)?", version):
        found = f"swagger {data['swagger']}" if "swagger" in data else f"openapi '{version}'"
        raise OpenApiError(f"not an OpenAPI 3.0 or 3.1 document ({found}); convert it to 3.x")
    info = _mapping(data.get("info"))
    reader = _Reader(data)
    operations = tuple(reader.operations())
    return ApiDocument(
        version=version,
        title=str(info.get("title", "")),
        api_version=str(info.get("version", "")),
        server=_server(data),
        operations=operations,
        schemes=reader.schemes(),
    )


def _load(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text) if text.lstrip().startswith("{") else _load_yaml(text)
    except (ValueError, yaml.YAMLError, RecursionError) as error:
        raise OpenApiError(f"not JSON or YAML: {_one_line(str(error))}") from None
    if not isinstance(data, dict):
        raise OpenApiError("not an OpenAPI document: the top level is not a mapping")
    return data


class _NoAliases(yaml.SafeLoader):
    """Safe YAML without aliases: an alias can make a few bytes stand for millions of nodes."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("YAML aliases (*name) are not supported; write the value out")
        return super().compose_node(parent, index)


def _load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_NoAliases)  # a SafeLoader subclass: no tags, no aliases


def _server(data: Mapping[str, Any]) -> str:
    servers = data.get("servers")
    first = servers[0] if isinstance(servers, list) and servers else None
    url = first.get("url") if isinstance(first, dict) else None
    return url if isinstance(url, str) and "{" not in url else ""


class _Reader:
    """Walks the document, following local ``$ref``s a bounded number of hops."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.required = bool(data.get("security"))
        self.asked: set[str] = {name for need in _list(data.get("security")) for name in need}

    def resolve(self, node: Any) -> Any:
        for _ in range(MAX_REF_HOPS):
            ref = node.get("$ref") if isinstance(node, dict) else None
            if not isinstance(ref, str):
                return node
            node = self._target(ref)
        raise OpenApiError(f"$ref chain longer than {MAX_REF_HOPS} hops (a loop?)")

    def _target(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            raise OpenApiError(f"$ref '{ref[:200]}' points outside the document; bundle it first")
        node: Any = self.data
        for token in ref[2:].split("/"):
            key = token.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or key not in node:
                raise OpenApiError(f"$ref '{ref[:200]}' points at nothing")
            node = node[key]
        return node

    def operations(self) -> Iterator[Operation]:
        for template, item in _mapping(self.data.get("paths")).items():
            item = _mapping(self.resolve(item))
            get = item.get("get")
            if isinstance(template, str) and isinstance(get, dict):
                yield self._operation(template, item, get)

    def _operation(
        self, template: str, item: Mapping[str, Any], get: Mapping[str, Any]
    ) -> Operation:
        parameters = self._path_parameters(item, get)
        values = {name: value for name, value in parameters.items() if value is not None}
        named = _PARAMETER.findall(template)
        unfilled = tuple(name for name in named if name not in values)
        shown, undocumented, examples = self._answers(get)
        security = get.get("security")
        self.asked |= {name for need in _list(security) for name in need}
        return Operation(
            template=template,
            path=None if unfilled else _fill(template, values),
            filled=tuple((name, values[name]) for name in named if name in values),
            unfilled=unfilled,
            media_types=shown,
            undocumented=undocumented,
            example_text=examples[:MAX_EXAMPLE_TEXT],
            secured=bool(security) if security is not None else self.required,
        )

    def _path_parameters(
        self, item: Mapping[str, Any], get: Mapping[str, Any]
    ) -> dict[str, str | None]:
        """Path parameter -> its example, operation-level parameters overriding the item's."""
        found: dict[str, str | None] = {}
        for raw in [*_list(item.get("parameters")), *_list(get.get("parameters"))]:
            parameter = _mapping(self.resolve(raw))
            name = parameter.get("name")
            if parameter.get("in") == "path" and isinstance(name, str):
                found[name] = _usable(name, self._example_of(parameter))
        return found

    def _example_of(self, parameter: Mapping[str, Any]) -> Any:
        if "example" in parameter:
            return parameter["example"]
        for example in _mapping(parameter.get("examples")).values():
            return _mapping(self.resolve(example)).get("value")
        schema = _mapping(self.resolve(parameter.get("schema")))
        for key in ("example", "default"):
            if key in schema:
                return schema[key]
        listed = schema.get("examples") or schema.get("enum")
        return listed[0] if isinstance(listed, list) and listed else None

    def _answers(self, get: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...], str]:
        shown: list[str] = []
        undocumented: list[str] = []
        examples: list[str] = []
        for code, answer in _mapping(get.get("responses")).items():
            if not str(code).startswith("2"):
                continue
            for media_type, content in _mapping(
                _mapping(self.resolve(answer)).get("content")
            ).items():
                content = _mapping(self.resolve(content))
                texts = self._example_texts(content)
                examples += texts
                has_schema = bool(_mapping(self.resolve(content.get("schema"))))
                bare = media_type.split(";")[0].strip().lower()
                (shown if texts or has_schema else undocumented).append(bare)
        return _unique(shown), _unique(undocumented), "\n".join(examples)

    def _example_texts(self, content: Mapping[str, Any]) -> list[str]:
        values = [content["example"]] if "example" in content else []
        for example in _mapping(content.get("examples")).values():
            values.append(_mapping(self.resolve(example)).get("value"))
        return [_text(value) for value in values if value is not None]

    def schemes(self) -> tuple[SecurityScheme, ...]:
        declared = _mapping(_mapping(self.data.get("components")).get("securitySchemes"))
        return tuple(
            _scheme(str(name), _mapping(self.resolve(scheme)))
            for name, scheme in declared.items()
            if name in self.asked
        )


def _scheme(name: str, scheme: Mapping[str, Any]) -> SecurityScheme:
    kind = str(scheme.get("type", "")).lower()
    if kind == "http":
        http = str(scheme.get("scheme", "")).lower()
        if http in ("bearer", "basic"):
            return SecurityScheme(name, f"http-{http}")
        return SecurityScheme(name, f"unsupported: HTTP scheme '{http[:40]}'")
    if kind in ("oauth2", "openidconnect"):
        # The lab sends a token it is given; how the vendor's CI obtains one is its own affair.
        return SecurityScheme(name, "http-bearer")
    if kind == "apikey" and scheme.get("in") == "header" and isinstance(scheme.get("name"), str):
        return SecurityScheme(name, "api-key-header", header=scheme["name"])
    return SecurityScheme(name, f"unsupported: {kind or 'no type'} in {scheme.get('in', '?')}")


def _usable(name: str, value: Any) -> str | None:
    """A parameter example fit for a path: plain text, and never anything like a credential."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value)
    if not text or _SECRET_NAME.search(name) or looks_like_secret(text) or "/" in text:
        return None
    return text


def _fill(template: str, values: Mapping[str, str]) -> str:
    return _PARAMETER.sub(lambda found: quote(values[found[1]], safe="-._~"), template)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()[:300]
