"""The constraint parameters of one shape read into checks, with pySHACL's rules for each value.

A parameter pySHACL knows and the engine does not implement, or a value pySHACL would refuse
(ConstraintLoadError, or an error once data reaches it), is UnsupportedShapes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NoReturn

from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS
from pyshacl.consts import XSD_WHOLE_INTEGERS
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from interop_lab.validation.engine.discovery import shape_list
from interop_lab.validation.engine.focus_checks import (
    ClosedCheck,
    CountCheck,
    HasValueCheck,
    UniqueLangCheck,
)
from interop_lab.validation.engine.lists import MalformedList, read_list
from interop_lab.validation.engine.logic import LogicCheck, NodeCheck, PropertyCheck
from interop_lab.validation.engine.messages import Texts, data_term
from interop_lab.validation.engine.model import Check, Shape, UnsupportedShapes
from interop_lab.validation.engine.value_checks import (
    ClassCheck,
    DatatypeCheck,
    InCheck,
    LanguageInCheck,
    LengthCheck,
    NodeKindCheck,
    PatternCheck,
)

_KNOWN = frozenset(ALL_CONSTRAINT_PARAMETERS)
_LOGIC = {
    SH["and"]: (SH.AndConstraintComponent, "must conform to all shapes in"),
    SH["or"]: (SH.OrConstraintComponent, "must conform to one or more shapes in"),
    SH.xone: (SH.XoneConstraintComponent, "must conform to exactly one shape in"),
}


class ParameterReader:
    def __init__(
        self, shapes: Graph, shape: Shape, compiled: dict[Node, Shape], texts: Texts
    ) -> None:
        self._graph = shapes
        self._shape = shape
        self._compiled = compiled
        self._texts = texts
        self.references: list[Node] = []  # the shapes this one validates values against

    def checks(self) -> list[Check]:
        present = set(self._graph.predicates(self._shape.node, None)) & _KNOWN
        readers = self._readers()
        if unsupported := present - readers.keys():
            names = ", ".join(sorted(str(p).removeprefix(str(SH)) for p in unsupported))
            raise UnsupportedShapes(f"shape {self._shape.node} uses sh:{names}")
        if SH.ignoredProperties in present:
            present.add(SH.closed)  # one component; pySHACL refuses the list without sh:closed
        return [check for p in present if p != SH.ignoredProperties for check in readers[p]()]

    def _readers(self) -> dict[Node, Callable[[], Iterator[Check]]]:
        return {
            SH["class"]: self._class,
            SH.datatype: self._datatype,
            SH.nodeKind: self._node_kind,
            SH.minCount: lambda: self._count(SH.minCount, SH.MinCountConstraintComponent),
            SH.maxCount: lambda: self._count(SH.maxCount, SH.MaxCountConstraintComponent),
            SH.minLength: lambda: self._length(SH.minLength, SH.MinLengthConstraintComponent),
            SH.maxLength: lambda: self._length(SH.maxLength, SH.MaxLengthConstraintComponent),
            SH.pattern: self._pattern,
            SH.languageIn: self._language_in,
            SH.uniqueLang: self._unique_lang,
            SH["in"]: self._in,
            SH.hasValue: self._has_value,
            SH.closed: self._closed,
            SH.ignoredProperties: self._closed,
            SH.node: self._node,
            SH.property: self._property,
            SH["not"]: self._not,
            SH["and"]: lambda: self._logic(SH["and"]),
            SH["or"]: lambda: self._logic(SH["or"]),
            SH.xone: lambda: self._logic(SH.xone),
        }

    def _class(self) -> Iterator[Check]:
        classes = self._values(SH["class"])
        if len(classes) == 1:
            text = f"Value does not have class {self._texts.shape_term(classes[0])}"
        else:
            text = f"Value class is not in classes ({self._texts.shape_terms(classes, ', ')})"
        for cls in classes:
            yield ClassCheck(cls, text)

    def _datatype(self) -> Iterator[Check]:
        datatype = self._one(SH.datatype)
        yield DatatypeCheck(
            datatype, f"Value is not Literal with datatype {self._texts.shape_term(datatype)}"
        )

    def _node_kind(self) -> Iterator[Check]:
        kind = self._one(SH.nodeKind)
        yield NodeKindCheck(kind, f"Value is not of Node Kind {self._texts.shape_term(kind)}")

    def _count(self, parameter: URIRef, component: URIRef) -> Iterator[Check]:
        value = self._one(parameter)
        path = self._property_path(parameter)
        if not (isinstance(value, Literal) and value.datatype == XSD.integer):
            self._refuse(f"{parameter} is not an xsd:integer literal")
        if not isinstance(value.value, int) or value.value < 0:
            self._refuse(f"{parameter} is not an integer >= 0")
        yield CountCheck(
            value.value, parameter == SH.maxCount, self._texts.shape_term(path), component
        )

    def _length(self, parameter: URIRef, component: URIRef) -> Iterator[Check]:
        value = self._one(parameter)
        if (
            not isinstance(value, Literal)
            or value.datatype not in XSD_WHOLE_INTEGERS
            or getattr(value, "ill_typed", False)
            or not isinstance(value.value, int)
            or value.value < 0
            or value.datatype in (XSD.negativeInteger, XSD.nonPositiveInteger)
        ):
            self._refuse(f"{parameter} is not a whole number >= 0")
        longest = parameter == SH.maxLength
        text = f"String length not {'<=' if longest else '>='} {data_term(value)}"
        yield LengthCheck(value.value, longest, text, component)

    def _pattern(self) -> Iterator[Check]:
        patterns = self._values(SH.pattern)
        flags = self._flags()
        compiled = [self._regex(pattern, flags) for pattern in patterns]
        if len(patterns) == 1:
            text = f"Value does not match pattern '{_python_value(patterns[0])}'"
        else:
            listed = "', '".join(str(_python_value(p)) for p in patterns)
            text = f"Value does not match every pattern in ('{listed}')"
        for regex in compiled:
            yield PatternCheck(regex, text)

    def _flags(self) -> int:
        values = self._values(SH.flags)
        if len(values) > 1:
            self._refuse("more than one sh:flags (pySHACL takes either)")
        if not values:
            return 0
        if not isinstance(values[0], Literal):
            self._refuse("sh:flags is not a literal")
        # Only i and m count for pySHACL: s and x are ignored.
        letters = str(values[0].value).lower()
        return (re.IGNORECASE if "i" in letters else 0) | (re.MULTILINE if "m" in letters else 0)

    def _regex(self, pattern: Node, flags: int) -> re.Pattern[str]:
        if not isinstance(pattern, Literal) or not isinstance(pattern.value, str | None):
            self._refuse(f"sh:pattern {pattern!r} is not a string literal")
        value = pattern.value
        text = str(value) if value is not None and len(value) > 1 else str(pattern)
        try:
            return re.compile(text, flags)
        except re.error as error:
            self._refuse(f"sh:pattern {text!r} is no Python regular expression ({error})")

    def _language_in(self) -> Iterator[Check]:
        head = self._one(SH.languageIn)
        languages = self._list(head, SH.languageIn)
        if not all(isinstance(t, Literal) and isinstance(t.value, str) for t in languages):
            self._refuse("sh:languageIn lists something else than string literals")
        text = f"String language is not in {self._texts.shape_term(head)}"
        yield LanguageInCheck(frozenset(str(t).lower() for t in languages), text)

    def _unique_lang(self) -> Iterator[Check]:
        value = self._one(SH.uniqueLang)
        self._property_path(SH.uniqueLang)
        if not isinstance(value, Literal) or not isinstance(value.value, bool):
            self._refuse("sh:uniqueLang is not a boolean literal")
        if value.value:
            yield UniqueLangCheck()

    def _in(self) -> Iterator[Check]:
        allowed = frozenset(self._list(self._one(SH["in"]), SH["in"]))
        yield InCheck(allowed, str([self._texts.shape_term(v) for v in allowed]))

    def _has_value(self) -> Iterator[Check]:
        required = set(self._values(SH.hasValue))
        listed = str([self._texts.shape_term(v) for v in required])
        path = None
        if self._shape.path is not None:
            path = self._texts.shape_term(self._property_path(SH.hasValue))
        for value in required:
            yield HasValueCheck(value, listed, path)

    def _closed(self) -> Iterator[Check]:
        closed = self._one(SH.closed, "sh:ignoredProperties without sh:closed")
        if not isinstance(closed, Literal):
            self._refuse("sh:closed is not a literal")
        if not bool(closed.value):  # pySHACL's reading of the value
            return
        ignored = {p for head in self._values(SH.ignoredProperties) for p in self._list(head)}
        properties = [self._shape_at(p, SH.property, True) for p in self._values(SH.property)]
        paths = {self._graph.value(p.node, SH.path) for p in properties}
        yield ClosedCheck(frozenset(p for p in paths | ignored if p is not None))

    def _node(self) -> Iterator[Check]:
        targets = [self._shape_at(n, SH.node, properties=False) for n in self._values(SH.node)]
        names = [self._texts.shape_term(t.node) for t in targets]
        if len(targets) == 1:
            text = f"Value does not conform to Shape {names[0]}."
        else:
            text = "Value must conform to every Shape in ('{}').".format("', '".join(names))
        for target in targets:
            yield NodeCheck(target, text + " See details for more information.")

    def _property(self) -> Iterator[Check]:
        for value in self._values(SH.property):
            yield PropertyCheck(self._shape_at(value, SH.property, properties=True))

    def _not(self) -> Iterator[Check]:
        targets = [self._shape_at(n, SH["not"]) for n in self._values(SH["not"])]
        names = [self._texts.shape_term(t.node) for t in targets]
        if len(targets) == 1:
            after = f" must not conform to shape {names[0]}"
        else:
            after = f" must not conform to any shapes in {' , '.join(names)}"
        for target in targets:
            yield LogicCheck((target,), SH.NotConstraintComponent, "Node ", after)

    def _logic(self, parameter: URIRef) -> Iterator[Check]:
        component, words = _LOGIC[parameter]
        lists = [shape_list(self._graph, head, parameter) for head in self._values(parameter)]
        written = [self._texts.shape_terms(members, " , ") for members in lists]
        listed = written[0] if len(written) == 1 else " and ".join(f"({w})" for w in written)
        for members in lists:
            shapes = tuple(self._shape_at(m, parameter) for m in members)
            if parameter != SH.xone:
                shapes = tuple(dict.fromkeys(shapes))
            yield LogicCheck(shapes, component, "Node ", f" {words} {listed}")

    def _shape_at(self, node: Node, parameter: Node, properties: bool | None = None) -> Shape:
        """The shape a shape-expecting parameter names; ``properties`` the kind it must be."""
        self.references.append(node)
        shape = self._compiled.get(node)
        if shape is None or not isinstance(node, URIRef | BNode):
            self._refuse(f"{parameter} names {node!r}, which is not a shape")
        if properties is not None and (shape.path is not None) != properties:
            kind = "property" if properties else "node"
            self._refuse(f"{parameter} names {node}, which is not a {kind} shape")
        return shape

    def _property_path(self, parameter: Node) -> Node:
        """The sh:path value of the shape, which must be a property shape."""
        path = self._graph.value(self._shape.node, SH.path)
        if self._shape.path is None or path is None:
            self._refuse(f"{parameter} on a node shape")
        return path

    def _values(self, parameter: Node) -> list[Node]:
        return list(self._graph.objects(self._shape.node, parameter))

    def _one(self, parameter: Node, missing: str | None = None) -> Node:
        values = self._values(parameter)
        if len(values) != 1:
            self._refuse(
                missing if not values and missing else f"{len(values)} values of {parameter}"
            )
        return values[0]

    def _list(self, head: Node, parameter: Node = SH.ignoredProperties) -> list[Node]:
        try:
            return read_list(self._graph, head)
        except MalformedList as error:
            self._refuse(f"{parameter}: {error}")

    def _refuse(self, reason: str) -> NoReturn:
        raise UnsupportedShapes(f"shape {self._shape.node}: {reason}")


def _python_value(literal: Node) -> object:
    return literal.value if isinstance(literal, Literal) else literal
