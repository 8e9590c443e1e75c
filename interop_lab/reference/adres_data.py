"""One address of the reference address register, computed from its position alone.

Everything is a pure function of (index, seed), so any page is produced without the others. The
item document follows the Adresregister application profile (ontwerpstandaard 2025-11-01): its
context's terms (``BelgischAdres.huisnummer``), and every node a shape constrains with
``sh:class`` carries its type. Literals are JSON-LD value objects, the form the profile's JSON
Schema (``BelgischAdres.json``) asks for. Municipalities are the reference IPDC towns; their NIS
code is the tail of their LAU code.
"""

from __future__ import annotations

import random
from typing import Any

from interop_lab.reference.vocabulary import MUNICIPALITIES, Municipality

__all__ = ["AP_CONTEXT", "LIST_CONTEXT", "build_address", "list_entry", "object_id"]

# The pinned contexts, by the URLs the artefact mirror's index.json maps.
AP_CONTEXT = (
    "https://data.vlaanderen.be/doc/applicatieprofiel/adresregister/ontwerpstandaard/"
    "2025-11-01/context/adressenregister.jsonld"
)
LIST_CONTEXT = (
    "https://docs.basisregisters.vlaanderen.be/context/adres/2023-02-28/adres_lijst.jsonld"
)

_ID = "https://data.vlaanderen.be/id/"
_CONCEPT = _ID + "concept/"
_FIRST_ID = 100_001
_STREETS = (
    "Kerkstraat",
    "Stationsstraat",
    "Dorpsstraat",
    "Molenstraat",
    "Schoolstraat",
    "Nieuwstraat",
    "Kapelstraat",
    "Veldstraat",
    "Beekstraat",
    "Lindenlaan",
)
_GML = (
    '<gml:Point srsName="https://www.opengis.net/def/crs/EPSG/0/31370" '
    'xmlns:gml="http://www.opengis.net/gml/3.2"><gml:pos>{x:.2f} {y:.2f}</gml:pos></gml:Point>'
)


def object_id(index: int) -> str:
    """The register's local identifier of address ``index``."""
    return str(_FIRST_ID + index)


def _parts(index: int, seed: int) -> tuple[random.Random, Municipality, str, str]:
    pick = random.Random(f"{seed}:adres:{index}")
    town = pick.choice(MUNICIPALITIES)
    street = pick.choice(_STREETS)
    number = str(pick.randint(1, 180))
    return pick, town, street, number


def list_entry(index: int, seed: int, base_url: str) -> dict[str, Any]:
    """The summary of an address in a list page, in the Basisregisters list form."""
    _, _, _, number = _parts(index, seed)
    local = object_id(index)
    return {
        "@type": "Adres",
        "identificator": {
            "id": f"{base_url}/id/adres/{local}",
            "naamruimte": f"{base_url}/id/adres",
            "objectId": local,
            "versieId": _version(index),
        },
        "detail": f"{base_url}/v2/adressen/{local}",
        "huisnummer": number,
        "adresStatus": "inGebruik",
    }


def build_address(index: int, seed: int, base_url: str) -> dict[str, Any]:
    """The item document of address ``index`` (without its @context)."""
    pick, town, street, number = _parts(index, seed)
    nis = town.lau_code[-5:]
    municipality = {"@id": f"{_ID}gemeente/{nis}", "@type": "Gemeente"}
    address: dict[str, Any] = {
        "@id": f"{base_url}/id/adres/{object_id(index)}",
        "@type": "BelgischAdres",
        "BelgischAdres.huisnummer": {"@value": number},
        "BelgischAdres.officieelToegekend": {"@value": True, "@type": "Boolean"},
        "BelgischAdres.status": _concept("adresstatus/inGebruik"),
        "BelgischAdres.positie": _position(pick),
        "BelgischAdres.heeftGemeentenaam": {
            "@type": "Gemeentenaam",
            "Gemeentenaam.gemeentenaam": [_dutch(town.name)],
            "Gemeentenaam.isAfgeleidVan": municipality,
        },
        "BelgischAdres.toegeschrevenAan": municipality,
        "BelgischAdres.heeftStraatnaam": _street(nis, street, municipality),
        "BelgischAdres.heeftPostinfo": _postinfo(town),
        "BelgischAdres.isVerrijktMet": {
            "@type": "Adresuitbreiding",
            "Adresuitbreiding.volledigAdres": [
                _dutch(f"{street} {number}, {town.postcode} {town.name}")
            ],
        },
        "Object.identificator": [_identifier(index, base_url)],
    }
    if pick.random() < 0.2:
        address["BelgischAdres.busnummer"] = {"@value": str(pick.randint(1, 4))}
    return address


def _version(index: int) -> str:
    return f"2024-{1 + index % 12:02d}-{1 + index % 28:02d}T10:00:00+01:00"


def _dutch(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "nl"}


def _concept(path: str, kind: str = "Statuswaarde") -> dict[str, str]:
    return {"@id": _CONCEPT + path, "@type": kind}


def _position(pick: random.Random) -> dict[str, Any]:
    # Lambert 72 coordinates somewhere in Flanders.
    x, y = pick.uniform(22_000, 250_000), pick.uniform(153_000, 244_000)
    return {
        "@type": "GeografischePositie",
        "GeografischePositie.default": True,
        "GeografischePositie.geometrie": {"@type": "Punt", "Geometrie.gml": _GML.format(x=x, y=y)},
        "GeografischePositie.methode": _concept(
            "geometriemethode/aangeduidDoorBeheerder", "GeometrieMethodeWaarde"
        ),
        "GeografischePositie.specificatie": _concept(
            "geometriespecificatie/gebouweenheid", "GeometrieSpecificatieWaarde"
        ),
    }


def _postinfo(town: Municipality) -> dict[str, Any]:
    return {
        "@id": f"{_ID}postinfo/{town.postcode}",
        "@type": "Postinfo",
        "Postinfo.postcode": town.postcode,
        "Postinfo.postnaam": [_dutch(town.name)],
    }


def _street(nis: str, street: str, municipality: dict[str, str]) -> dict[str, Any]:
    return {
        "@id": f"{_ID}straatnaam/{nis}{_STREETS.index(street):03d}",
        "@type": "Straatnaam",
        "Straatnaam.straatnaam": [_dutch(street)],
        "Straatnaam.status": _concept("straatnaamstatus/inGebruik"),
        "Straatnaam.isToegekendDoor": municipality,
    }


def _identifier(index: int, base_url: str) -> dict[str, Any]:
    local = object_id(index)
    return {
        "@type": "Identificator",
        "Identificator.identificator": f"{base_url}/id/adres/{local}",
        "Identificator.gestructureerdeIdentificator": {
            "@type": "GestructureerdeIdentificator",
            "GestructureerdeIdentificator.lokaleIdentificator": local,
            "GestructureerdeIdentificator.naamruimte": f"{base_url}/id/adres",
            "GestructureerdeIdentificator.versie-Identificator": _version(index),
        },
    }
