"""Read a profile's YAML safely into plain data, remembering the line of every key and item.

Only the composer runs (no object construction), with anchors and aliases refused before anything
can expand, nesting bounded, and only plain scalar tags allowed; duplicate keys are reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from interop_lab.model.errors import Problem

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 64
YAML_FIELD = "yaml"
ALIAS_MESSAGE = (
    "YAML aliases are not allowed in profiles (nor the &anchors they point to): "
    "write each value out in full"
)
_STD = "tag:yaml.org,2002:"
_CONSTRUCTED = {_STD + name for name in ("bool", "int", "float", "null")}
_AS_TEXT = {_STD + name for name in ("str", "timestamp", "merge", "value")}

DataPath = tuple[str | int, ...]


class _ReadError(Exception):
    """One problem that stops reading the file; turned into a Problem by parse_profile_yaml."""

    def __init__(self, line: int | None, field: str, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.field = field
        self.message = message


@dataclass(frozen=True)
class YamlDocument:
    """A profile as plain data, with the line of every key and list item in it."""

    data: object
    lines: dict[DataPath, int]

    def line_of(self, path: DataPath) -> int:
        """The line of path, or of its nearest enclosing key that exists (the root always does)."""
        while path not in self.lines:
            path = path[:-1]
        return self.lines[path]


def dotted(path: DataPath) -> str:
    """claims[0].endpoints.feed for ("claims", 0, "endpoints", "feed")."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(top level)"


def parse_profile_yaml(path: Path, file: str) -> tuple[YamlDocument | None, list[Problem]]:
    """The document and its duplicate-key problems, or None and the problem that stopped reading."""
    try:
        text = _decode(_read(path))
        root = _compose(text)
        if root is None:
            raise _ReadError(
                1, YAML_FIELD, "the file is empty; a profile starts with profile_version: 1"
            )
        builder = _Builder()
        data = builder.value(root, ())
    except _ReadError as problem:
        return None, [Problem(file, problem.line, problem.field, problem.message)]
    return YamlDocument(data, builder.lines), [
        Problem(file, line, dotted(key), message) for key, line, message in builder.duplicates
    ]


def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)  # bounded: a huge or endless file is never read whole
    except FileNotFoundError:
        raise _ReadError(None, "file", "file not found; check the path") from None
    except OSError as error:
        raise _ReadError(None, "file", f"cannot read the file: {error.strerror}") from None
    if len(raw) > MAX_BYTES:
        raise _ReadError(
            None, "file", "file is larger than 1 MiB; a profile is a few lines of YAML"
        )
    return raw


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        byte = raw[error.start]
        raise _ReadError(
            line, "encoding", f"the file is not UTF-8 (byte 0x{byte:02x}); save it as UTF-8"
        ) from None


def _compose(text: str) -> Node | None:
    try:
        loader = _ProfileLoader(text)  # the reader refuses unprintable characters right here
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        message = f"character U+{error.character:04X} is not allowed in YAML; remove it"
        raise _ReadError(line, YAML_FIELD, message) from None
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        raise _syntax_problem(error, text) from None
    finally:
        loader.dispose()


def _syntax_problem(error: yaml.MarkedYAMLError, text: str) -> _ReadError:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    source_line = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
    if "\\t" in str(error.problem) or "\t" in source_line:
        return _ReadError(line, YAML_FIELD, "tab characters cannot indent YAML; indent with spaces")
    what = ", ".join(part for part in (error.context, error.problem) if part)
    return _ReadError(
        line, YAML_FIELD, f"YAML syntax error: {what}; check indentation, colons and quotes"
    )


class _ProfileLoader(yaml.SafeLoader):
    """A composer that refuses anchors, aliases and deep nesting while it reads."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()
        mark = event.start_mark if event else None
        line = mark.line + 1 if mark else None
        if isinstance(event, AliasEvent) or (isinstance(event, NodeEvent) and event.anchor):
            raise _ReadError(line, YAML_FIELD, ALIAS_MESSAGE)
        if self._depth >= MAX_DEPTH:
            raise _ReadError(line, YAML_FIELD, f"nested more than {MAX_DEPTH} levels deep")
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Builder:
    """Turns composed nodes into dicts, lists and scalars, recording lines and duplicate keys."""

    def __init__(self) -> None:
        self.lines: dict[DataPath, int] = {}
        self.duplicates: list[tuple[DataPath, int, str]] = []
        self._constructor = SafeConstructor()

    def value(self, node: Node, path: DataPath) -> object:
        self.lines.setdefault(path, node.start_mark.line + 1)
        _check_tag(node, path)
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.value(item, (*path, index)) for index, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: MappingNode, path: DataPath) -> dict[str, object]:
        result: dict[str, object] = {}
        for key_node, value_node in node.value:
            key = _key(key_node, path)
            line = key_node.start_mark.line + 1
            if key in result:
                first = self.lines[(*path, key)]
                message = f"duplicate key '{key}' (first on line {first}); keep only one"
                self.duplicates.append(((*path, key), line, message))
                continue
            self.lines[(*path, key)] = line
            result[key] = self.value(value_node, (*path, key))
        return result

    def _scalar(self, node: Node, path: DataPath) -> object:
        if node.tag in _AS_TEXT:  # dates stay text: a release or date is compared as written
            return node.value
        try:
            return self._constructor.construct_object(node)
        except (ValueError, yaml.YAMLError):
            line = node.start_mark.line + 1
            raise _ReadError(line, dotted(path), "this value cannot be read; quote it") from None


def _key(node: Node, path: DataPath) -> str:
    """Keys are kept as written, so 'yes' or '1' stays a name rather than becoming True or 1."""
    if not isinstance(node, ScalarNode):
        line = node.start_mark.line + 1
        raise _ReadError(line, YAML_FIELD, "a key must be a plain name, not a list or mapping")
    _check_tag(node, path)
    return str(node.value)


def _check_tag(node: Node, path: DataPath) -> None:
    allowed = {
        MappingNode: {_STD + "map"},
        SequenceNode: {_STD + "seq"},
        ScalarNode: _CONSTRUCTED | _AS_TEXT,
    }[type(node)]
    if node.tag not in allowed:
        tag = str(node.tag).replace(_STD, "!!")
        raise _ReadError(
            node.start_mark.line + 1,
            dotted(path) if path else YAML_FIELD,
            f"YAML tag '{tag}' is not allowed in profiles; write a plain value without a tag",
        )
