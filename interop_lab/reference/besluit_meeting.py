"""One council meeting of Voorbeeldegem as HTML+RDFa: the pieces the three documents are made of.

Every piece is annotated the way the Lokaal Beslist shapes ask (Besluit Publicatie vocabulary,
each value with the datatype its rule names), so together the documents reach the Bonusniveau.
Code list values are typed in the page itself (``skos:Concept``, ``eli:ResourceType``): the suite
pins no code lists. ``Damage`` names what a defect switch leaves out or gets wrong.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

__all__ = [
    "AGENDA_ITEMS",
    "MEETING",
    "PREFIXES",
    "Damage",
    "agenda_item",
    "meeting_header",
    "treatment",
]

_ID = "http://data.lblod.info/id/"
_CONCEPT = "http://data.vlaanderen.be/id/concept/"
MEETING = f"{_ID}zittingen/voorbeeldegem-2024-05-27"
_MUNICIPALITY = f"{_ID}bestuurseenheden/voorbeeldegem"
_COUNCIL = f"{_ID}bestuursorganen/gemeenteraad-voorbeeldegem"
_COUNCIL_NOW = f"{_ID}bestuursorganen/gemeenteraad-voorbeeldegem-2019-2024"
_DUTCH = "http://publications.europa.eu/resource/authority/language/NLD"
_REGULATION = (
    "https://data.vlaanderen.be/id/concept/BesluitType/67378dd0-5413-474b-8996-d992ef81637a"
)
_PLANNED_ITEM = f"{_CONCEPT}AgendapuntType/bbf5b0a6-f4b1-4ea3-a89f-34ca5e1c3c09"
PREFIXES = (
    "besluit: http://data.vlaanderen.be/ns/besluit# mandaat: http://data.vlaanderen.be/ns/mandaat# "
    "eli: http://data.europa.eu/eli/ontology# prov: http://www.w3.org/ns/prov# "
    "dct: http://purl.org/dc/terms/ skos: http://www.w3.org/2004/02/skos/core# "
    "foaf: http://xmlns.com/foaf/0.1/ org: http://www.w3.org/ns/org# "
    "generiek: https://data.vlaanderen.be/ns/generiek# xsd: http://www.w3.org/2001/XMLSchema#"
)
_MANDATARIES = (
    ("an-peeters", "An Peeters, voorzitter"),
    ("jan-janssens", "Jan Janssens, schepen"),
    ("els-maes", "Els Maes, gemeenteraadslid"),
    ("tom-claes", "Tom Claes, gemeenteraadslid"),
)
_CHAIR, _SECRETARY = f"{_ID}mandatarissen/an-peeters", f"{_ID}mandatarissen/lies-wouters"
AGENDA_ITEMS = (
    ("Goedkeuring van de notulen van de vorige zitting", "De notulen van 29 april 2024."),
    ("Retributiereglement op het gebruik van de sporthal", "Nieuwe tarieven vanaf 1 juli 2024."),
    ("Aanstelling van een nieuwe brandweercommandant", "Aanstelling na het examen van mei."),
)


@dataclass(frozen=True, slots=True)
class Damage:
    """What the defect switches change in the pieces."""

    untitled_item: int | None = None  # this agenda item loses its dct:title annotation
    start_as_text: bool = False  # prov:startedAtTime as Dutch text, not an xsd:dateTime


def _tag(name: str, attributes: dict[str, str], *children: str) -> str:
    attrs = "".join(f' {key}="{escape(value)}"' for key, value in attributes.items())
    return f"<{name}{attrs}>{''.join(children)}</{name}>"


def _value(path: str, text: str, datatype: str | None = None, content: str | None = None) -> str:
    attributes = {"property": path}
    if datatype is not None:
        attributes["datatype"] = datatype
    if content is not None:
        attributes["content"] = content
    return _tag("span", attributes, escape(text)) + " "


def _link(path: str, iri: str, kind: str, *children: str) -> str:
    return _tag("div", {"property": path, "resource": iri, "typeof": kind}, *children)


def _concept(path: str, iri: str, label: str, kind: str = "skos:Concept") -> str:
    return _link(path, iri, kind, escape(label))


def _council() -> str:
    municipality = _link(
        "besluit:bestuurt",
        _MUNICIPALITY,
        "besluit:Bestuurseenheid",
        _value("skos:prefLabel", "Voorbeeldegem"),
        _concept(
            "org:classification", f"{_CONCEPT}BestuurseenheidClassificatieCode/gemeente", "Gemeente"
        ),
        _link("besluit:werkingsgebied", f"{_ID}werkingsgebieden/voorbeeldegem", "prov:Location"),
    )
    organ = [
        _value("skos:prefLabel", "Gemeenteraad Voorbeeldegem"),
        _concept(
            "org:classification",
            f"{_CONCEPT}BestuursorgaanClassificatieCode/gemeenteraad",
            "Gemeenteraad",
        ),
        municipality,
    ]
    timeless = _link("generiek:isTijdspecialisatieVan", _COUNCIL, "besluit:Bestuursorgaan", *organ)
    return _link("besluit:isGehoudenDoor", _COUNCIL_NOW, "besluit:Bestuursorgaan", *organ, timeless)


def _mandataries(path: str, iris: Iterable[tuple[str, str]]) -> str:
    return "".join(
        _link(path, f"{_ID}mandatarissen/{key}", "mandaat:Mandataris", escape(name))
        for key, name in iris
    )


_DATETIME = "xsd:dateTime"
_END = "2024-05-27T22:15:00+02:00"


def meeting_header(*, held: bool, minutes: bool, damage: Damage) -> str:
    """The Zitting: when, where, by whom; ``held`` adds the times, ``minutes`` who was there."""
    place = f"{_ID}locaties/raadzaal-voorbeeldegem"
    parts = [
        _value(
            "besluit:geplandeStart", "27 mei 2024, 20 uur", _DATETIME, "2024-05-27T20:00:00+02:00"
        ),
        _link("prov:atLocation", place, "prov:Location", "Raadzaal"),
        _council(),
    ]
    if held:
        parts += [_start(damage), _value("prov:endedAtTime", "22.15 uur", _DATETIME, _END)]
    if minutes:
        parts.append(_presences())
    return "".join(parts)


def _start(damage: Damage) -> str:
    if damage.start_as_text:
        return _value("prov:startedAtTime", "gisteren om acht uur")
    return _value("prov:startedAtTime", "20.02 uur", _DATETIME, "2024-05-27T20:02:00+02:00")


def _presences() -> str:
    return "".join(
        (
            _mandataries("besluit:heeftAanwezigeBijStart", _MANDATARIES),
            _link(
                "besluit:heeftVoorzitter", _CHAIR, "mandaat:Mandataris", "Voorzitter: An Peeters"
            ),
            _link(
                "besluit:heeftSecretaris",
                _SECRETARY,
                "mandaat:Mandataris",
                "Secretaris: Lies Wouters",
            ),
            _link("besluit:heeftNotulen", "", "foaf:Document", "Deze notulen"),
        )
    )


def agenda_item(number: int, damage: Damage) -> str:
    """Agenda item ``number`` (1-based), as the meeting's ``besluit:behandelt``."""
    title, description = AGENDA_ITEMS[number - 1]
    heading = (
        _tag("h2", {}, escape(title))
        if damage.untitled_item == number
        else _tag("h2", {"property": "dct:title", "datatype": "xsd:string"}, escape(title))
    )
    parts = [
        heading,
        _value("dct:description", description, "xsd:string"),
        _value("besluit:geplandOpenbaar", "openbaar", "xsd:boolean", "true"),
        _concept("besluit:Agendapunt.type", _PLANNED_ITEM, "gepland"),
    ]
    if number > 1:
        parts.append(_link("besluit:aangebrachtNa", _item(number - 1), "besluit:Agendapunt"))
    return _link("besluit:behandelt", _item(number), "besluit:Agendapunt", *parts)


def _item(number: int) -> str:
    return f"{_ID}agendapunten/voorbeeldegem-2024-05-27-{number}"


def treatment(number: int, *, minutes: bool) -> str:
    """How the meeting treated item ``number``: the vote and the decision it led to."""
    iri = f"{_ID}behandelingen-van-agendapunten/voorbeeldegem-2024-05-27-{number}"
    parts = [
        _link("dct:subject", _item(number), "besluit:Agendapunt"),
        _value("besluit:openbaar", "openbaar behandeld", "xsd:boolean", "true"),
        _mandataries("besluit:heeftAanwezige", _MANDATARIES),
        _link("besluit:heeftVoorzitter", _CHAIR, "mandaat:Mandataris"),
        _link("besluit:heeftSecretaris", _SECRETARY, "mandaat:Mandataris"),
        _vote(number),
        _decision(number, iri, minutes=minutes),
    ]
    if number > 1:
        previous = f"{_ID}behandelingen-van-agendapunten/voorbeeldegem-2024-05-27-{number - 1}"
        parts.append(_link("besluit:gebeurtNa", previous, "besluit:BehandelingVanAgendapunt"))
    return _tag("section", {"resource": iri, "typeof": "besluit:BehandelingVanAgendapunt"}, *parts)


def _vote(number: int) -> str:
    title = AGENDA_ITEMS[number - 1][0]
    return _link(
        "besluit:heeftStemming",
        f"{_ID}stemmingen/voorbeeldegem-2024-05-27-{number}",
        "besluit:Stemming",
        _value("besluit:onderwerp", title),
        _value("besluit:geheim", "openbare stemming", "xsd:boolean", "false"),
        _value("besluit:aantalVoorstanders", "4", "xsd:integer"),
        _value("besluit:aantalTegenstanders", "0", "xsd:integer"),
        _value("besluit:aantalOnthouders", "0", "xsd:integer"),
        _mandataries("besluit:heeftAanwezige", _MANDATARIES),
        _mandataries("besluit:heeftStemmer", _MANDATARIES),
        _mandataries("besluit:heeftVoorstander", _MANDATARIES),
        _value("besluit:gevolg", "Het voorstel wordt eenparig aangenomen."),
    )


def _decision(number: int, treatment_iri: str, *, minutes: bool) -> str:
    """The Besluit; the minutes add its reasons, its text and its article."""
    title, description = AGENDA_ITEMS[number - 1]
    iri = f"{_ID}besluiten/voorbeeldegem-2024-05-27-{number}"
    parts = [
        _tag("h3", {"property": "eli:title", "datatype": "xsd:string"}, escape(title)),
        _value("eli:title_short", f"Besluit {number}", "xsd:string"),
        _value("eli:description", description, "xsd:string"),
        _value("eli:date_publication", "28 mei 2024", "xsd:date", "2024-05-28"),
        _concept("eli:language", _DUTCH, "Nederlands"),
        _link("prov:wasGeneratedBy", treatment_iri, "besluit:BehandelingVanAgendapunt"),
        _legal_resource(number),
    ]
    if minutes:
        parts += [
            _value("besluit:motivering", "Gelet op het decreet over het lokaal bestuur."),
            _tag("div", {"property": "prov:value"}, escape(f"Artikel 1. {description}")),
            _article(number),
        ]
    return _link("prov:generated", iri, "besluit:Besluit", *parts)


def _legal_resource(number: int) -> str:
    iri = f"{_ID}rechtsgronden/voorbeeldegem-2024-05-27-{number}"
    part = _link(
        "eli:has_part",
        f"{iri}/artikel-1",
        "eli:LegalResourceSubdivision",
        _link("eli:is_part_of", iri, "eli:LegalResource"),
    )
    return _link(
        "eli:realizes",
        iri,
        "eli:LegalResource",
        _value("eli:first_date_entry_in_force", "1 juni 2024", "xsd:date", "2024-06-01"),
        _concept("eli:type_document", _REGULATION, "reglement", "eli:ResourceType"),
        _link("eli:passed_by", _COUNCIL_NOW, "besluit:Bestuursorgaan"),
        part,
    )


def _article(number: int) -> str:
    description = AGENDA_ITEMS[number - 1][1]
    iri = f"{_ID}artikels/voorbeeldegem-2024-05-27-{number}-1"
    return _link(
        "eli:has_part",
        iri,
        "besluit:Artikel",
        _value("eli:number", "Artikel 1", "xsd:string"),
        _value("eli:title", "Artikel 1", "xsd:string"),
        _tag("div", {"property": "prov:value"}, escape(description)),
        _concept("eli:language", _DUTCH, "Nederlands"),
        _link(
            "eli:realizes",
            f"{_ID}rechtsgronden/voorbeeldegem-2024-05-27-{number}/artikel-1",
            "eli:LegalResourceSubdivision",
        ),
    )
