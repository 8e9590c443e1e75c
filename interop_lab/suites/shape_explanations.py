"""Explanations of the tests generated from the shapes: one template per SHACL constraint
component (``shape-explanations.yaml``), filled in with the constraint's property, value and shape.

Templates are data so that their words can be improved without touching code; a test fills every
template of the file, so a placeholder the code does not give fails there, not in a run.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, StringConstraints
from rdflib.namespace import SH

from interop_lab.model.explanations import Explanation, ExplanationText
from interop_lab.model.prefixes import short
from interop_lab.shapes import ShapeConstraint

TEMPLATES_RESOURCE = "shape-explanations.yaml"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Texts(_Strict):
    """One language's meaning, cause and fix (for the shapes: templates to fill in)."""

    meaning: Text
    cause: Text
    fix: Text


class Bilingual(_Strict):
    nl: Texts
    en: Texts


class Words(_Strict):
    """The phrases every template shares, in one language."""

    focus_class: Text
    focus_shape: Text
    focus_join: str
    named_property: Text
    values: Text
    itself: Text
    description: Text
    message: Text


class ShapeTemplates(_Strict):
    words: dict[str, Words]
    hints: dict[str, dict[str, Text]]
    components: dict[str, Bilingual]
    default: Bilingual


@cache
def shape_templates() -> ShapeTemplates:
    text = (resources.files("interop_lab.suites") / TEMPLATES_RESOURCE).read_text("utf-8")
    return ShapeTemplates.model_validate(yaml.safe_load(text))


def explanation_of_constraint(constraint: ShapeConstraint, link: str) -> Explanation:
    """The explanation of the test of ``constraint``, in Dutch and English."""
    templates = shape_templates()
    chosen = templates.components.get(constraint.component_name, templates.default)
    return Explanation(
        nl=_filled(chosen.nl, constraint, "nl"),
        en=_filled(chosen.en, constraint, "en"),
        link=link,
    )


def _filled(template: Texts, constraint: ShapeConstraint, language: str) -> ExplanationText:
    words = shape_templates().words[language]
    values = placeholders(constraint, language)
    meaning = _sentence(template.meaning.format_map(values))
    cause = _sentence(template.cause.format_map(values))
    if constraint.description:
        meaning += " " + words.description.format(description=constraint.description)
    if constraint.message:
        cause += " " + words.message.format(message=constraint.message)
    return ExplanationText(meaning, cause, _sentence(template.fix.format_map(values)))


def placeholders(constraint: ShapeConstraint, language: str) -> dict[str, str]:
    """What the templates may name (see the head of ``shape-explanations.yaml``)."""
    templates = shape_templates()
    words = templates.words[language]
    prop = _property(constraint, words)
    hint = templates.hints[language].get(constraint.parameter)
    return {
        "focus": _focus(constraint, words),
        "property": prop,
        "values": words.values.format(property=prop) if constraint.path_label else words.itself,
        "value": constraint.parameter,
        "hint": f" ({hint})" if hint else "",
        "shape": constraint.shape_label,
        "component": constraint.component_name,
    }


def _property(constraint: ShapeConstraint, words: Words) -> str:
    # sh:name is the standard's own word for the property ("naam"), the path what the data uses.
    if not constraint.path_label:
        return words.itself
    if constraint.name and constraint.name != constraint.path_label:
        return words.named_property.format(name=constraint.name, path=constraint.path_label)
    return constraint.path_label


def _focus(constraint: ShapeConstraint, words: Words) -> str:
    classes = [short(str(value)) for kind, value in constraint.targets if kind == SH.targetClass]
    if classes:
        return words.focus_class.format(target=words.focus_join.join(classes))
    return words.focus_shape.format(shape=constraint.shape_label)


def _sentence(text: str) -> str:
    """Upper case first: a template may start with a placeholder (``{focus} moet ...``)."""
    return text[:1].upper() + text[1:]
