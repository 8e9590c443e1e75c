"""Shape sets: each shapes artefact judges the data of the roles it names, the union lists all."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import SH

from interop_lab.suites.artefact_set import ShapeSet
from tests.suite_artefacts import suite_artefacts


def test_a_set_without_roles_covers_every_role() -> None:
    every = ShapeSet(frozenset(), Graph())

    assert every.covers("pages")
    assert every.covers("feed")


def test_a_set_with_roles_covers_only_those() -> None:
    feed_only = ShapeSet(frozenset({"feed"}), Graph())

    assert feed_only.covers("feed")
    assert not feed_only.covers("pages")


def test_besluit_publicatie_judges_pages_and_feed_with_their_own_shapes() -> None:
    artefacts = suite_artefacts("besluit-publicatie")

    roles = sorted(sorted(shape_set.roles) for shape_set in artefacts.shape_sets)
    assert roles == [["feed"], ["pages"]]
    assert artefacts.shapes is not None
    union = {subject for subject, _, _ in artefacts.shapes.triples((None, SH.path, None))}
    for shape_set in artefacts.shape_sets:
        # pySHACL may add triples to a shapes graph it validated with; the shapes stay the same.
        own = {subject for subject, _, _ in shape_set.graph.triples((None, SH.path, None))}
        assert own <= union, "the union shares the sets' own (blank) property shapes"
    feed = next(s for s in artefacts.shape_sets if s.roles == {"feed"})
    feed_shapes = {subject for subject, _, _ in feed.graph}
    feed_constraints = [c for c in artefacts.constraints if c.node_shape in feed_shapes]
    assert len(feed_constraints) == 12
