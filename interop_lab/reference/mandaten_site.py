"""The reference vendor of the mandatendatabank suite: one municipality's mandates, published as
a JSON-LD document (organs, mandates, mandataries) and a Turtle document (the persons).

Conformant to the Mandatendatabank shapes, except where the standard itself cannot be met (the
suite documents that); each defect switch changes one thing in one place.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from types import MappingProxyType
from typing import Any

from interop_lab.reference.document_site import PAGE_404, Document, DocumentSite, check_defects

CONTEXT = (
    "https://data.vlaanderen.be/doc/applicatieprofiel/mandatendatabank/ontwerpstandaard/"
    "toolchain4/context/mandatendatabank_nl.jsonld"
)
ORGANS_PATH = "/mandaten/organen.jsonld"
PERSONS_PATH = "/mandaten/personen.ttl"

MANDATEN_DEFECTS: Mapping[str, str] = MappingProxyType(
    {
        "missing-required": "the first mandataris has no start (mandaat:start, sh:minCount 1)",
        "wrong-datatype": 'the mandate\'s aantalHouders is "vijfentwintig", not an xsd:integer',
        "undefined-key": "the first mandataris has a key opmerkingIntern that the context does "
        "not define (JSON-LD silently drops it)",
        PAGE_404: f"the persons document ({PERSONS_PATH}) answers 404 Not Found",
    }
)

_ID = "http://data.lblod.info/id/"
_CONCEPT = "http://data.vlaanderen.be/id/concept/"
_SKOS_CONCEPT = "http://www.w3.org/2004/02/skos/core#Concept"
_MUNICIPALITY = f"{_ID}bestuurseenheden/voorbeeldegem"
_COUNCIL = f"{_ID}bestuursorganen/gemeenteraad-voorbeeldegem"
_COUNCIL_2025 = f"{_ID}bestuursorganen/gemeenteraad-voorbeeldegem-2025"
_MANDATE = f"{_ID}mandaten/gemeenteraadslid-voorbeeldegem-2025"
_APPOINTMENT = f"{_ID}rechtsgronden/aanstelling-gemeenteraad-2025"
_GROUP = f"{_ID}fracties/voorbeeldlijst"
_MANDATARIES = (f"{_ID}mandatarissen/an-peeters", f"{_ID}mandatarissen/jan-janssens")
_PERSONS = (f"{_ID}personen/an-peeters", f"{_ID}personen/jan-janssens")
_EFFECTIVE = f"{_CONCEPT}MandatarisStatusCode/21063a5b-912c-4241-841c-cc7fb3c73e75"


def mandaten_site(defects: Collection[str] = ()) -> DocumentSite:
    chosen = check_defects(defects, MANDATEN_DEFECTS)
    organs = _organs()
    _damage(organs, chosen)
    documents = [Document.json_ld(ORGANS_PATH, organs), Document.turtle(PERSONS_PATH, _PERSONS_TTL)]
    return DocumentSite(documents, hidden={PERSONS_PATH} if PAGE_404 in chosen else set())


def _organs() -> dict[str, Any]:
    return {
        "@context": CONTEXT,
        "@graph": [
            *_municipality(),
            {
                "@id": _MANDATE,
                "@type": "Mandaat",
                "bestuursfunctie": {"@id": f"{_CONCEPT}BestuursfunctieCode/gemeenteraadslid"},
                "aantalHouders": 25,
            },
            _concept(
                f"{_CONCEPT}BestuursfunctieCode/gemeenteraadslid", "http://www.w3.org/ns/org#Role"
            ),
            *(_mandatary(number) for number in range(len(_MANDATARIES))),
            {
                "@id": _APPOINTMENT,
                "@type": "RechtsgrondAanstelling",
                "bekrachtigtAanstellingVan": [{"@id": iri} for iri in _MANDATARIES],
            },
            _concept(_EFFECTIVE),
            {"@id": _GROUP, "@type": "Fractie", "naam": "Voorbeeldlijst"},
            {
                "@id": f"{_ID}lidmaatschappen/an-peeters-voorbeeldlijst",
                "@type": "Lidmaatschap",
                # The context has no terms for org:organization and org:member (it maps its
                # Lidmaatschap terms elsewhere), so the full IRIs are the way to say them.
                "http://www.w3.org/ns/org#organization": {"@id": _GROUP},
                "http://www.w3.org/ns/org#member": {"@id": _MANDATARIES[0]},
            },
        ],
    }


def _municipality() -> list[dict[str, Any]]:
    council = {
        "naam": "Gemeenteraad Voorbeeldegem",
        "classificatie": {"@id": f"{_CONCEPT}BestuursorgaanClassificatieCode/gemeenteraad"},
        "bestuurt": {"@id": _MUNICIPALITY},
    }
    return [
        {
            "@id": _MUNICIPALITY,
            "@type": "Bestuurseenheid",
            "naam": "Voorbeeldegem",
            "classificatie": {"@id": f"{_CONCEPT}BestuurseenheidClassificatieCode/gemeente"},
            "werkingsgebied": {"@id": f"{_ID}werkingsgebieden/voorbeeldegem"},
        },
        _concept(f"{_CONCEPT}BestuurseenheidClassificatieCode/gemeente"),
        _concept(f"{_ID}werkingsgebieden/voorbeeldegem", "http://www.w3.org/ns/prov#Location"),
        {"@id": _COUNCIL, "@type": "Bestuursorgaan", **council},
        _concept(f"{_CONCEPT}BestuursorgaanClassificatieCode/gemeenteraad"),
        {
            "@id": _COUNCIL_2025,
            "@type": ["Bestuursorgaan", "Bestuursorgaan(InBestuursperiode)"],
            **council,
            "isTijdspecialisatieVan": {"@id": _COUNCIL},
            "bevat": [{"@id": _MANDATE}],
        },
    ]


def _mandatary(number: int) -> dict[str, Any]:
    return {
        "@id": _MANDATARIES[number],
        "@type": "Mandataris",
        "start": "2025-01-02T19:00:00+01:00",
        "einde": "2030-12-31T23:59:59+01:00",
        "status": {"@id": _EFFECTIVE},
        "bekleedt": {"@id": _MANDATE},
        "isBestuurlijkeAliasVan": {"@id": _PERSONS[number]},
        "isAangesteldDoor": [{"@id": _APPOINTMENT}],
        "rangorde": {
            "@value": f"{'eerste' if number == 0 else 'tweede'} gemeenteraadslid",
            "@language": "nl",
        },
    }


def _concept(iri: str, kind: str = _SKOS_CONCEPT) -> dict[str, Any]:
    # Code list entries are typed in the document itself: the suite pins no code lists.
    return {"@id": iri, "@type": kind}


def _damage(organs: dict[str, Any], defects: frozenset[str]) -> None:
    first = next(node for node in organs["@graph"] if node["@id"] == _MANDATARIES[0])
    mandate = next(node for node in organs["@graph"] if node["@id"] == _MANDATE)
    if "missing-required" in defects:
        del first["start"]
    if "wrong-datatype" in defects:
        mandate["aantalHouders"] = "vijfentwintig"
    if "undefined-key" in defects:
        first["opmerkingIntern"] = "Eedaflegging nog na te kijken."


_PERSONS_TTL = f"""\
@prefix adms: <http://www.w3.org/ns/adms#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix mandaat: <http://data.vlaanderen.be/ns/mandaat#> .
@prefix person: <http://www.w3.org/ns/person#> .
@prefix persoon: <https://data.vlaanderen.be/ns/persoon#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<{_PERSONS[0]}> a person:Person ;
    foaf:familyName "Peeters" ;
    persoon:gebruikteVoornaam "An" ;
    persoon:geslacht <{_CONCEPT}geslacht/vrouwelijk> ;
    adms:identifier <{_ID}identificatoren/an-peeters> ;
    persoon:heeftGeboorte <{_ID}geboortes/an-peeters> ;
    mandaat:isAangesteldAls <{_MANDATARIES[0]}> .

<{_PERSONS[1]}> a person:Person ;
    foaf:familyName "Janssens" ;
    persoon:gebruikteVoornaam "Jan" ;
    persoon:geslacht <{_CONCEPT}geslacht/mannelijk> ;
    adms:identifier <{_ID}identificatoren/jan-janssens> ;
    persoon:heeftGeboorte <{_ID}geboortes/jan-janssens> ;
    mandaat:isAangesteldAls <{_MANDATARIES[1]}> .

<{_CONCEPT}geslacht/vrouwelijk> a skos:Concept .
<{_CONCEPT}geslacht/mannelijk> a skos:Concept .
<{_ID}identificatoren/an-peeters> a adms:Identifier ; skos:notation "RRN-0001" .
<{_ID}identificatoren/jan-janssens> a adms:Identifier ; skos:notation "RRN-0002" .
<{_ID}geboortes/an-peeters> a persoon:Geboorte ; persoon:datum "1980-04-12"^^xsd:date .
<{_ID}geboortes/jan-janssens> a persoon:Geboorte ; persoon:datum "1975-11-03"^^xsd:date .
"""
