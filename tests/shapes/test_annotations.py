"""Shape annotations: carried by each constraint, and turned into a test's level by the manifest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from interop_lab.model.errors import SuiteError
from interop_lab.plugin.shapes_params import shape_params
from interop_lab.shapes import ShapeConstraint, constraints_of
from interop_lab.suites.artefact_set import SuiteArtefacts
from interop_lab.suites.manifest import ShapesSpec, SuiteManifest
from interop_lab.suites.registry import Suite

LEVEL = "http://lblod.data.gift/vocabularies/besluit/maturiteitsniveau"
SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix lb: <http://lblod.data.gift/vocabularies/besluit/> .
@prefix ex: <http://ex.test/> .
ex:ZittingShape a sh:NodeShape ; sh:targetClass ex:Zitting ; lb:maturiteitsniveau "Niveau 1" ;
  sh:property [ sh:path ex:start ; sh:minCount 1 ] ;
  sh:property [ sh:path ex:voorzitter ; sh:minCount 1 ; lb:maturiteitsniveau "Niveau 3" ] ;
  sh:property [ sh:path ex:melding ; sh:minCount 1 ; lb:maturiteitsniveau "Automatisch melden" ] .
ex:DocumentShape a sh:NodeShape ; sh:targetClass ex:Document ;
  sh:property [ sh:path ex:titel ; sh:minCount 1 ] ;
  sh:property [ sh:path ex:opmerking ; sh:maxCount 1 ; sh:severity sh:Warning ] .
"""
MAP = {"Niveau 1": "N1", "Niveau 3": "N3"}


def _constraints() -> dict[str, ShapeConstraint]:
    found = constraints_of(Graph().parse(data=SHAPES, format="turtle"))
    return {constraint.local_id.split("/")[2]: constraint for constraint in found}


def _spec(**extra: Any) -> ShapesSpec:
    return ShapesSpec(required_level="TOP", recommended_level="AANBEVOLEN", **extra)


def test_a_property_shape_annotation_wins_over_its_node_shape() -> None:
    assert _constraints()["voorzitter"].annotation(LEVEL) == "Niveau 3"


def test_a_property_shape_without_it_takes_its_node_shapes_annotation() -> None:
    assert _constraints()["start"].annotation(LEVEL) == "Niveau 1"


def test_without_any_annotation_there_is_none() -> None:
    assert _constraints()["titel"].annotation(LEVEL) is None


@pytest.mark.parametrize(
    ("path", "level"),
    [
        ("start", "N1"),
        ("voorzitter", "N3"),
        ("melding", "TOP"),  # a value the map does not name
        ("titel", "TOP"),  # no annotation, sh:Violation
        ("opmerking", "AANBEVOLEN"),  # no annotation, sh:Warning
    ],
)
def test_the_manifest_maps_annotations_to_levels_else_severity_decides(
    path: str, level: str
) -> None:
    spec = _spec(level_annotation=LEVEL, levels_by_annotation=MAP)

    assert spec.level_of(_constraints()[path]) == level


def test_without_a_level_annotation_severity_decides_as_before() -> None:
    assert _spec().level_of(_constraints()["voorzitter"]) == "TOP"


def _suite(levels: list[str], shapes: dict[str, Any]) -> Suite:
    manifest = SuiteManifest.model_validate(
        {
            "id": "proef",
            "version": "1",
            "title": "Proef",
            "standard": {"iri": "http://ex.test/standaard", "version": "1", "title": "Proef"},
            "levels": [{"id": level, "title": level} for level in levels],
            "roles": {"required": ["pages"]},
            "shapes": shapes,
        }
    )
    return Suite(manifest, Path("/suites/proef"))


def test_each_generated_test_is_marked_with_its_level() -> None:
    shapes = {"required_level": "TOP", "recommended_level": "TOP", "level_annotation": LEVEL}
    suite = _suite(["N1", "N3", "TOP"], {**shapes, "levels_by_annotation": MAP})
    artefacts = SuiteArtefacts(constraints=list(_constraints().values()))

    params = shape_params(suite, artefacts)

    levels = {p.id: next(m.args[0] for m in p.marks if m.name == "level") for p in params}
    assert levels["shacl/ZittingShape/voorzitter/minCount"] == "N3"
    assert levels["shacl/ZittingShape/start/minCount"] == "N1"
    assert levels["shacl/DocumentShape/titel/minCount"] == "TOP"


def test_a_level_the_suite_does_not_define_is_a_suite_error_naming_it() -> None:
    shapes = {"required_level": "TOP", "recommended_level": "TOP", "level_annotation": LEVEL}
    suite = _suite(["N1", "TOP"], {**shapes, "levels_by_annotation": MAP})

    with pytest.raises(SuiteError, match="names level\\(s\\) N3 that the suite does not define"):
        shape_params(suite, SuiteArtefacts())
