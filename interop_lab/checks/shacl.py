"""L3/L4 checks generated from the shapes: one constraint, every member, one verdict."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from interop_lab.checks.common import fail
from interop_lab.model.errors import CantTell, Inapplicable
from interop_lab.shapes import ShapeConstraint
from interop_lab.validation import Locator, ShaclResult, Validation

_RULES = {
    "MinCount": "komt minstens {p} keer voor",
    "MaxCount": "komt hoogstens {p} keer voor",
    "Datatype": "heeft datatype {p}",
    "Class": "verwijst naar iets van klasse {p}",
    "NodeKind": "is van soort {p}",
    "Pattern": "volgt het patroon {p}",
    "LanguageIn": "gebruikt enkel de taalcodes {p}",
    "UniqueLang": "heeft hoogstens één waarde per taal",
    "In": "heeft een waarde uit: {p}",
    "HasValue": "heeft de waarde {p}",
    "MinLength": "is minstens {p} tekens lang",
    "MaxLength": "is hoogstens {p} tekens lang",
    "Closed": "gebruikt geen eigenschappen buiten de vorm",
    "Node": "voldoet aan de vorm {p}",
}


def rule_text(constraint: ShapeConstraint) -> str:
    """The rule in plain Dutch, e.g. ``InstanceRuleShape: dct:title komt minstens 1 keer voor``."""
    template = _RULES.get(constraint.component_name, "voldoet aan {c} {p}")
    rule = template.format(p=constraint.parameter, c=f"sh:{constraint.component_name}")
    subject = constraint.path_label or "de knoop"
    return f"{constraint.shape_label}: {subject} {rule}"


def constraint_holds(
    constraint: ShapeConstraint, validation: Validation | None, locator: Locator
) -> None:
    """Fail with every offending node located in the payloads; inapplicable without focus nodes."""
    if validation is None:
        raise CantTell("de gegevens konden niet gevalideerd worden (geen leesbare pagina's)")
    results = validation.results_for(constraint)
    if not results and validation.focus_count(constraint) == 0:
        targets = ", ".join(str(value) for _, value in constraint.targets)
        raise Inapplicable(f"geen knopen waarop deze vorm van toepassing is ({targets})")
    locations = [locator.locate(r.focus, r.path, r.value) for r in results]
    kind = "aanbeveling" if constraint.severity != SH.Violation else "regel"
    fail(
        f"{len(results)} {'knoop voldoet' if len(results) == 1 else 'knopen voldoen'} niet aan "
        f"deze {kind}",
        locations,
        expected=rule_text(constraint),
        received=_received(constraint, results[0]) if results else None,
    )


# What was received, per constraint component, in words a municipality reads.
_RECEIVED = {
    "MinCount": "te weinig waarden",
    "MaxCount": "te veel waarden",
    "Datatype": "de waarde {v} heeft een ander datatype",
    "Class": "{v} is niet van klasse {p}",
    "Pattern": "{v} volgt het patroon niet",
    "LanguageIn": "{v} heeft een taalcode buiten {p}",
    "UniqueLang": "meer dan één waarde in dezelfde taal",
    "NodeKind": "{v} is van een andere soort",
    "In": "{v} staat niet in de lijst",
}


def _received(constraint: ShapeConstraint, result: ShaclResult) -> str:
    template = _RECEIVED.get(constraint.component_name)
    if template is None or ("{v}" in template and result.value is None):
        return f"bv. {result.message}" if result.message else "afwijkende waarden"
    value = _quoted(result.value)
    return "bv. " + template.format(v=value, p=constraint.parameter)


def _quoted(value: Node | None) -> str:
    if isinstance(value, Literal):
        text = str(value)
        return f'"{text[:80]}"' + ("..." if len(text) > 80 else "")
    return f"<{value}>" if isinstance(value, URIRef) else "een lege knoop"
