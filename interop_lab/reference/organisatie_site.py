"""The reference vendor of the organisatie-basis suite: a city administration described in two
JSON-LD documents, the organisation itself and its units and sites.

Conformant to the Organisatie-basis 2025 shapes; each defect switch changes one thing in one place.
Values the context coerces to rdf:langString are written with their language, and code list
entries are typed in the documents themselves: the suite pins no code lists.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from types import MappingProxyType
from typing import Any

from interop_lab.reference.document_site import PAGE_404, Document, DocumentSite, check_defects

CONTEXT = (
    "https://data.vlaanderen.be/doc/applicatieprofiel/organisatie-basis/ontwerpstandaard/2025/"
    "context/organisatie.jsonld"
)
ORGANISATION_PATH = "/organisatie/stad.jsonld"
UNITS_PATH = "/organisatie/eenheden.jsonld"

ORGANISATIE_DEFECTS: Mapping[str, str] = MappingProxyType(
    {
        "missing-required": "the city has no voorkeursnaam (skos:prefLabel, sh:minCount 1)",
        "wrong-datatype": 'the merger\'s datum is "vorig jaar", not an xsd:dateTime',
        "undefined-key": "the city has a key opmerkingIntern that the context does not define "
        "(JSON-LD silently drops it)",
        PAGE_404: f"the units document ({UNITS_PATH}) answers 404 Not Found",
    }
)

_ID = "https://data.voorbeeldegem.be/id/"
_CITY = f"{_ID}organisatie/stad-voorbeeldegem"
_OCMW = f"{_ID}organisatie/ocmw-voorbeeldegem"
_MERGER = f"{_ID}veranderingsgebeurtenis/integratie-ocmw-2019"
_UNIT = f"{_ID}organisatie/dienst-burgerzaken"
_SITE = f"{_ID}vestiging/stadhuis"
_PLACE = f"{_ID}plaats/voorbeeldegem"
_REGISTRATION = f"{_ID}identificator/kbo-0207451227"
_CLASSIFICATION = "https://data.vlaanderen.be/id/concept/OrganisatieClassificatie/gemeente"
_LEGAL_FORM = "https://data.vlaanderen.be/id/concept/Rechtsvorm/publiekrechtelijk"


def organisatie_site(defects: Collection[str] = ()) -> DocumentSite:
    chosen = check_defects(defects, ORGANISATIE_DEFECTS)
    city = _city()
    _damage(city, chosen)
    documents = [Document.json_ld(ORGANISATION_PATH, city), Document.json_ld(UNITS_PATH, _units())]
    return DocumentSite(documents, hidden={UNITS_PATH} if PAGE_404 in chosen else set())


def _nl(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "nl"}


def _city() -> dict[str, Any]:
    return {
        "@context": CONTEXT,
        "@graph": [
            {
                "@id": _CITY,
                "@type": ["Organisatie", "PubliekeOrganisatie", "GeregistreerdeOrganisatie"],
                "Organisatie.voorkeursnaam": _nl("Stad Voorbeeldegem"),
                "Organisatie.alternatieveNaam": [_nl("Voorbeeldegem")],
                "Organisatie.beschrijving": _nl("Het lokaal bestuur van Voorbeeldegem."),
                "Organisatie.homepage": "https://www.voorbeeldegem.be",
                "Organisatie.classificatie": [{"@id": _CLASSIFICATION}],
                "Organisatie.heeftEenheid": [{"@id": _UNIT}],
                "Organisatie.heeftVestiging": [{"@id": _SITE}],
                "Organisatie.heeftPrimaireVestiging": [{"@id": _SITE}],
                "Organisatie.isHetResultaatVan": [{"@id": _MERGER}],
                "PubliekeOrganisatie.werkingsgebied": [{"@id": _PLACE}],
                "GeregistreerdeOrganisatie.wettelijkeNaam": _nl("Stad Voorbeeldegem"),
                "GeregistreerdeOrganisatie.registratie": {"@id": _REGISTRATION},
                "GeregistreerdeOrganisatie.rechtsvorm": {"@id": _LEGAL_FORM},
            },
            {"@id": _CLASSIFICATION, "@type": "OrganisatieClassificatie"},
            {"@id": _LEGAL_FORM, "@type": "Rechtsvormtype"},
            {
                "@id": _REGISTRATION,
                "@type": "Identificator",
                "Identificator.identificator": "0207451227",
                "Identificator.toegekendDoor(String)": "Kruispuntbank van Ondernemingen",
            },
            {"@id": _PLACE, "@type": "Plaats", "Plaats.plaatsnaam": _nl("Voorbeeldegem")},
            {
                "@id": _MERGER,
                "@type": ["Veranderingsgebeurtenis", "Fusie"],
                "Veranderingsgebeurtenis.datum": "2019-01-01T00:00:00+01:00",
                "Veranderingsgebeurtenis.oorspronkelijkeOrganisatie": [{"@id": _OCMW}],
                "Veranderingsgebeurtenis.resulterendeOrganisatie": [{"@id": _CITY}],
            },
            {
                "@id": _OCMW,
                "@type": "Organisatie",
                "Organisatie.voorkeursnaam": _nl("OCMW Voorbeeldegem"),
                "Organisatie.isVeranderdDoor": [{"@id": _MERGER}],
            },
        ],
    }


def _units() -> dict[str, Any]:
    return {
        "@context": CONTEXT,
        "@graph": [
            {
                "@id": _UNIT,
                "@type": "OrganisatieEenheid",
                "Organisatie.voorkeursnaam": _nl("Dienst Burgerzaken"),
                "OrganisatieEenheid.isEenheidVan": {"@id": _CITY},
            },
            {
                "@id": _SITE,
                "@type": "Vestiging",
                "Vestiging.vestigingsadres": {
                    "@type": "Contactpunt",
                    "Contactpunt.email": "burgerzaken@voorbeeldegem.be",
                    "Contactpunt.telefoon": "+32 9 000 00 00",
                    "Contactpunt.pagina": "https://www.voorbeeldegem.be/burgerzaken",
                    "Contactpunt.adres": {
                        "@type": "Adresvoorstelling",
                        "Adresvoorstelling.straatnaam": _nl("Markt"),
                        "Adresvoorstelling.huisnummer": "1",
                        "Adresvoorstelling.postcode": "9999",
                        "Adresvoorstelling.gemeentenaam": _nl("Voorbeeldegem"),
                        "Adresvoorstelling.volledigAdres": _nl("Markt 1, 9999 Voorbeeldegem"),
                    },
                },
            },
        ],
    }


def _damage(city: dict[str, Any], defects: frozenset[str]) -> None:
    organisation = city["@graph"][0]
    merger = next(node for node in city["@graph"] if node["@id"] == _MERGER)
    if "missing-required" in defects:
        del organisation["Organisatie.voorkeursnaam"]
    if "wrong-datatype" in defects:
        merger["Veranderingsgebeurtenis.datum"] = "vorig jaar"
    if "undefined-key" in defects:
        organisation["opmerkingIntern"] = "Logo nog aan te leveren."
