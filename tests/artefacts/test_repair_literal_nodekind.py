"""The literal-datatype-as-nodekind repair: sh:datatype rdfs:Literal becomes "any literal"."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import RDFS, SH

from interop_lab.artefacts.repairs import apply_repairs
from interop_lab.model.errors import SuiteError

URL = "https://shapes.test/besluit.ttl"
REPAIR = "literal-datatype-as-nodekind"
SHAPES = b"""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://shapes.test/S> a sh:NodeShape ;
  sh:property [ sh:path <https://shapes.test/inhoud> ; sh:datatype %s ; sh:minCount 1 ] .
"""


def test_rdfs_literal_datatypes_become_literal_node_kinds() -> None:
    repaired = Graph().parse(
        data=apply_repairs(URL, SHAPES % b"rdfs:Literal", (REPAIR,)), format="nt"
    )

    assert not list(repaired.subjects(SH.datatype, RDFS.Literal))
    assert len(list(repaired.subjects(SH.nodeKind, SH.Literal))) == 1
    assert len(list(repaired.subjects(SH.minCount, None))) == 1


def test_shapes_without_rdfs_literal_are_refused_as_changing_nothing() -> None:
    with pytest.raises(SuiteError, match=f"repair '{REPAIR}' changes nothing"):
        apply_repairs(URL, SHAPES % b"<http://www.w3.org/2001/XMLSchema#string>", (REPAIR,))
