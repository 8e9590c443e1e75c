"""The data graph as dictionaries, built in one pass over the triples and read by set operations.

Everything beyond the one predicate -> subject -> objects map is derived on first use and kept:
inverse maps, the union of a path's values, instances of a class (rdfs:subClassOf followed in the
data graph, as pySHACL does even without inference).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import TypeAlias, cast

from rdflib import RDF, RDFS, BNode, URIRef
from rdflib.term import Node

from interop_lab.validation.engine.paths import Path, Step

Triple: TypeAlias = tuple[Node, Node, Node]
# A node's values: a list while there is one, a set once there are more (deduplicated then).
Values: TypeAlias = Collection[Node]
ValueMap: TypeAlias = Mapping[Node, Values]
EMPTY: frozenset[Node] = frozenset()
_NO_VALUES: dict[Node, Values] = {}


class DataIndex:
    """predicate -> subject -> objects; a subject only appears with at least one object."""

    def __init__(self, triples: Iterable[Triple]) -> None:
        # rdflib compares IRIs and blank nodes in Python, so every dictionary or set hit on an
        # equal but distinct object costs a call; readers make a new object per occurrence.
        # Keeping one object per IRI and per blank node (looked up by plain string, compared in
        # C) makes every later hit an identity hit.
        iris: dict[str, Node] = {}
        blanks: dict[str, Node] = {}
        by_key: dict[object, dict[Node, list[Node]]] = {}
        predicates: dict[object, Node] = {}
        several: list[tuple[dict[Node, list[Node]], Node]] = []
        # One loop, no call of ours per triple, methods looked up once: this loop is most of
        # the engine's time on a large graph.
        intern_iri, intern_blank, subjects_of = iris.setdefault, blanks.setdefault, by_key.get
        for subject, predicate, obj in triples:
            kind = type(subject)
            if kind is URIRef:
                subject = intern_iri(str(subject), subject)
            elif kind is BNode:
                subject = intern_blank(str(subject), subject)
            kind = type(obj)
            if kind is URIRef:
                obj = intern_iri(str(obj), obj)
            elif kind is BNode:
                obj = intern_blank(str(obj), obj)
            key = str(predicate) if type(predicate) is URIRef else predicate
            subjects = subjects_of(key)
            if subjects is None:
                subjects = by_key[key] = {}
                predicates[key] = predicate
            objects = subjects.get(subject)
            # Lists: a set would hash each literal in Python, and most nodes have one value.
            if objects is None:
                subjects[subject] = [obj]
            else:
                if len(objects) == 1:
                    several.append((subjects, subject))
                objects.append(obj)
        several_of: dict[int, set[Node]] = {}  # id of a subjects dict -> its multi-valued ones
        for subjects, subject in several:
            deduplicated = set(subjects[subject])
            cast(dict[Node, Values], subjects)[subject] = deduplicated
            if len(deduplicated) > 1:
                several_of.setdefault(id(subjects), set()).add(subject)
        self.by_predicate = {
            predicates[key]: cast(dict[Node, Values], subjects) for key, subjects in by_key.items()
        }
        self._maps: dict[tuple[Step, ...], ValueMap] = {}
        self._values: dict[tuple[Step, ...], set[Node]] = {}
        # Known from building already for each predicate, the paths most shapes have.
        self._several: dict[tuple[Step, ...], set[Node]] = {
            (Step(predicates[key]),): several_of.get(id(subjects), set())
            for key, subjects in by_key.items()
        }
        self._instances: dict[Node, set[Node]] = {}
        self._objects: set[Node] | None = None

    def objects(self, predicate: Node) -> ValueMap:
        return self.by_predicate.get(predicate, _NO_VALUES)

    def path_map(self, path: Path) -> ValueMap:
        """Focus node -> its value nodes along ``path``, for every node that has one."""
        found = self._maps.get(path.steps)
        if found is None:
            found = self._maps[path.steps] = self._compose(path.steps)
        return found

    def path_values(self, path: Path) -> set[Node]:
        """Every value node of ``path`` in the graph."""
        found = self._values.get(path.steps)
        if found is None:
            found = self._values[path.steps] = set().union(*self.path_map(path).values())
        return found

    def with_several_values(self, path: Path) -> set[Node]:
        """The nodes with two values or more along ``path`` (the only ones maxCount 1 can fail)."""
        found = self._several.get(path.steps)
        if found is None:
            mapping = self.path_map(path)
            found = self._several[path.steps] = {n for n, vs in mapping.items() if len(vs) > 1}
        return found

    def subclasses(self, cls: Node) -> set[Node]:
        """``cls`` and every class below it by rdfs:subClassOf in the data (rdflib's
        ``transitive_subjects``, which pySHACL calls for sh:targetClass and sh:class)."""
        below = self.path_map(Path((Step(RDFS.subClassOf, inverse=True),)))
        found = {cls}
        todo = [cls]
        while todo:
            for sub in below.get(todo.pop(), EMPTY):
                if sub not in found:
                    found.add(sub)
                    todo.append(sub)
        return found

    def instances(self, cls: Node) -> set[Node]:
        """The nodes typed ``cls`` or one of its subclasses in the data."""
        found = self._instances.get(cls)
        if found is None:
            typed = self.path_map(Path((Step(RDF.type, inverse=True),)))
            found = set().union(*(typed.get(c, EMPTY) for c in self.subclasses(cls)))
            self._instances[cls] = found
        return found

    def is_subject(self, node: Node) -> bool:
        return any(node in subjects for subjects in self.by_predicate.values())

    def is_object(self, node: Node) -> bool:
        if self._objects is None:
            self._objects = set().union(
                *(self.path_values(Path((Step(p),))) for p in self.by_predicate)
            )
        return node in self._objects

    def _compose(self, steps: tuple[Step, ...]) -> ValueMap:
        mapping = self._step(steps[0])
        for step in steps[1:]:
            following = self._step(step)
            composed: dict[Node, set[Node]] = {}
            for node, values in mapping.items():
                reached = set().union(*(following.get(v, EMPTY) for v in values))
                if reached:
                    composed[node] = reached
            mapping = composed
        return mapping

    def _step(self, step: Step) -> ValueMap:
        if not step.inverse:
            return self.objects(step.predicate)
        key = (step,)
        found = self._maps.get(key)
        if found is None:
            inverse: dict[Node, set[Node]] = {}
            for subject, objects in self.objects(step.predicate).items():
                for obj in objects:
                    subjects = inverse.get(obj)
                    if subjects is None:
                        inverse[obj] = {subject}
                    else:
                        subjects.add(subject)
            found = self._maps[key] = inverse
        return found


class TargetView:
    """The four graph reads ``shacl._focus_count`` makes, answered from the index, so both
    validation paths count focus nodes with the same code."""

    def __init__(self, index: DataIndex) -> None:
        self._index = index

    def subjects(self, predicate: Node, obj: Node | None) -> Iterator[Node]:
        if obj is None:
            return iter(self._index.objects(predicate))
        return iter(self._index.path_map(Path((Step(predicate, inverse=True),))).get(obj, EMPTY))

    def objects(self, subject: Node | None, predicate: Node) -> Iterator[Node]:
        if subject is None:
            return iter(self._index.path_values(Path((Step(predicate),))))
        return iter(self._index.objects(predicate).get(subject, EMPTY))

    def transitive_subjects(self, predicate: Node, obj: Node) -> Iterator[Node]:
        if predicate != RDFS.subClassOf:
            raise NotImplementedError(f"transitive_subjects over {predicate}")
        return iter(self._index.subclasses(obj))

    def __contains__(self, pattern: tuple[Node | None, Node | None, Node | None]) -> bool:
        subject, predicate, obj = pattern
        if predicate is None and obj is None and subject is not None:
            return self._index.is_subject(subject)
        if subject is None and predicate is None and obj is not None:
            return self._index.is_object(obj)
        raise NotImplementedError(f"pattern {pattern}")
