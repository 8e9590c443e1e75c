"""The checks of SHACL Core on each value node alone, each as pySHACL 0.40 decides it.

Each mirrors the ``evaluate`` of its pySHACL component (pyshacl/constraints/core), quirks
included: sh:languageIn compares the whole tag or its first subtag only, sh:pattern reads only the
``i`` and ``m`` flags, sh:datatype also checks the Python value of a few XSD types. A value's
verdict depends on nothing else, so the failing values of a path are found once for the graph.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from itertools import chain
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, XSD, BNode, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from interop_lab.validation.engine.index import DataIndex, Values
from interop_lab.validation.engine.messages import data_term
from interop_lab.validation.engine.model import NodeSet

if TYPE_CHECKING:
    from interop_lab.validation.engine.run import Scope

# sh:datatype also checks the literal's Python value for these (pySHACL _assert_actual_datatype).
_PYTHON_TYPES: dict[Node, type | tuple[type, ...]] = {
    XSD.string: (str, bytes),
    RDF.langString: (str, bytes),
    XSD.integer: int,
    XSD.float: float,
    XSD.decimal: Decimal,
    XSD.boolean: bool,
    XSD.date: date,
    XSD.time: time,
    XSD.dateTime: datetime,
}


class ValueCheckBase:
    """Reports each (focus, value) whose value fails; failing values are found once per path."""

    __slots__ = ()
    component: URIRef
    text: str

    @property
    def key(self) -> Hashable:
        """What the failing values depend on, besides the values."""
        raise NotImplementedError

    def apply(self, scope: Scope) -> None:
        for focus, value in scope.pairs(scope.failing_values(self)):
            scope.report(self, focus, value)

    def failing(self, index: DataIndex, groups: Iterable[Values]) -> NodeSet:
        raise NotImplementedError

    def message(self, focus: Node, value: Node | None) -> str:
        return self.text


@dataclass(frozen=True, slots=True, eq=False)
class ClassCheck(ValueCheckBase):
    cls: Node
    text: str
    component: URIRef = SH.ClassConstraintComponent

    @property
    def key(self) -> Hashable:
        return ("class", self.cls)

    def failing(self, index: DataIndex, groups: Iterable[Values]) -> NodeSet:
        values = set().union(*groups)
        instances = index.instances(self.cls)
        # A literal never is an instance, even one the data types as a subject.
        return (values - instances) | {v for v in values & instances if isinstance(v, Literal)}


@dataclass(frozen=True, slots=True, eq=False)
class DatatypeCheck(ValueCheckBase):
    datatype: Node
    text: str
    component: URIRef = SH.DatatypeConstraintComponent

    @property
    def key(self) -> Hashable:
        return ("datatype", self.datatype)

    def failing(self, index: DataIndex, groups: Iterable[Values]) -> NodeSet:
        rule = self.datatype
        python_type = _PYTHON_TYPES.get(rule, object)
        other = _OTHER_MATCHES.get(rule)
        # rdflib compares IRIs in Python; comparing the (cached) hashes first skips nearly all.
        rule_hash = hash(rule)
        tagged_rule = other == "tagged"
        failing: set[Node] = set()
        for value in _each(groups):
            if not isinstance(value, Literal):
                failing.add(value)
                continue
            if tagged_rule and value.language:
                # The usual case first; rdflib gives a literal with a language no datatype.
                if not isinstance(value.value, python_type):
                    failing.add(value)
                continue
            datatype = value.datatype
            if datatype is not None and hash(datatype) == rule_hash and datatype == rule:
                matches = value.ill_typed is not True and isinstance(value.value, python_type)
            elif other is None:
                matches = False
            elif other == "any literal":
                matches = True
            elif other == "typed":
                matches = bool(datatype)
            elif other == "plain":
                matches = datatype is None and value.language is None
                matches = matches and isinstance(value.value, python_type)
            else:  # tagged
                matches = bool(value.language) and isinstance(value.value, python_type)
            if not matches:
                failing.add(value)
        return failing


# The rules a literal of another datatype can still match, in pySHACL's order of tests.
_OTHER_MATCHES: dict[Node, str] = {
    RDFS.Literal: "any literal",
    RDFS.Datatype: "typed",
    XSD.string: "plain",
    RDF.langString: "tagged",
}


@dataclass(frozen=True, slots=True, eq=False)
class NodeKindCheck(ValueCheckBase):
    kind: Node
    text: str
    component: URIRef = SH.NodeKindConstraintComponent

    @property
    def key(self) -> Hashable:
        return ("nodeKind", self.kind)

    def failing(self, index: DataIndex, groups: Iterable[Values]) -> NodeSet:
        blank = self.kind in (SH.BlankNode, SH.BlankNodeOrLiteral, SH.BlankNodeOrIRI)
        literal = self.kind in (SH.Literal, SH.BlankNodeOrLiteral, SH.IRIOrLiteral)
        iri = self.kind in (SH.IRI, SH.IRIOrLiteral, SH.BlankNodeOrIRI)
        return {
            v
            for v in _each(groups)
            if not (blank if isinstance(v, BNode) else literal if isinstance(v, Literal) else iri)
        }


def _each(groups: Iterable[Values]) -> Iterator[Node]:
    return chain.from_iterable(groups)


def value_text(value: Node) -> str:
    """The string a string-based component reads (pySHACL ``value_node_to_string``)."""
    if (
        isinstance(value, Literal)
        and value.value is not None
        and (value.datatype is None or value.datatype in (RDF.langString, XSD.string))
    ):
        return str(value.value)
    return str(value)


@dataclass(frozen=True, slots=True, eq=False)
class PatternCheck(ValueCheckBase):
    pattern: re.Pattern[str]
    text: str
    component: URIRef = SH.PatternConstraintComponent

    @property
    def key(self) -> Hashable:
        return ("pattern", self.pattern.pattern, self.pattern.flags)

    def failing(self, index: DataIndex, groups: Iterable[Values]) -> NodeSet:
        search = self.pattern.search
        return {v for v in _each(groups) if isinstance(v, BNode) or not search(value_text(v))}


@dataclass(frozen=True, slots=True, eq=False)
class LengthCheck(ValueCheckBase):
    """sh:minLength (``longest`` False) or sh:maxLength; a blank node fails either."""

    limit: int
    longest: bool
    text: str
    component: URIRef

    @property
    def key(self) -> Hashable:
        return ("length", self.limit, self.longest)

    def failing(self, index: DataIndex, groups: Iterable[Values]) -> NodeSet:
        values = _each(groups)
        if self.longest:
            return {v for v in values if isinstance(v, BNode) or len(value_text(v)) > self.limit}
        if self.limit == 0:
            return set()
        return {v for v in values if isinstance(v, BNode) or len(value_text(v)) < self.limit}


@dataclass(frozen=True, slots=True, eq=False)
class LanguageInCheck(ValueCheckBase):
    languages: frozenset[str]  # lower case
    text: str
    component: URIRef = SH.LanguageInConstraintComponent

    @property
    def key(self) -> Hashable:
        return ("languageIn", self.languages)

    def failing(self, index: DataIndex, groups: Iterable[Values]) -> NodeSet:
        verdicts: dict[str | None, bool] = {}  # a graph uses few language tags
        failing: set[Node] = set()
        for value in _each(groups):
            if not isinstance(value, Literal):
                failing.add(value)
                continue
            tag = value.language
            allowed = verdicts.get(tag)
            if allowed is None:
                allowed = verdicts[tag] = self._allows(tag)
            if not allowed:
                failing.add(value)
        return failing

    def _allows(self, tag: str | None) -> bool:
        if not tag:
            return False
        if "*" in self.languages:
            return True
        return tag.lower() in self.languages or tag.split("-")[0].lower() in self.languages


@dataclass(frozen=True, slots=True, eq=False)
class InCheck(ValueCheckBase):
    allowed: frozenset[Node]
    listed: str  # the list as pySHACL writes it in its message
    component: URIRef = SH.InConstraintComponent

    @property
    def key(self) -> Hashable:
        return ("in", self.allowed)

    def failing(self, index: DataIndex, groups: Iterable[Values]) -> NodeSet:
        return set().union(*groups) - self.allowed

    def message(self, focus: Node, value: Node | None) -> str:
        return f"Value {data_term(value) if value is not None else ''} not in list {self.listed}"
