"""Fixed vocabulary of the reference IPDC-LPDC feed: contexts, IRI bases, municipalities.

Code-list values are written the way the real LPDC feed writes them: as the short code that the
property-scoped ``@base`` of the pinned IPDC context turns into the code-list IRI (``"BE23444021"``
becomes ``http://data.europa.eu/nuts/code/BE23444021``). Every code used here exists in the
IPDC code lists (``codelijsten/*.ttl``), so ``sh:class skos:Concept`` holds once they are merged.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

__all__ = [
    "BESTUURSEENHEID_BASE",
    "DCT_IS_VERSION_OF",
    "IPDC_CONTEXT",
    "LDES_CONTEXT",
    "MUNICIPALITIES",
    "PROV_GENERATED_AT_TIME",
    "PUBLIC_SERVICE_BASE",
    "SNAPSHOT_BASE",
    "UNPINNED_CONTEXT",
    "Municipality",
    "format_timestamp",
]

# The pinned contexts, by the public URLs the artefact mirror's index.json maps to local copies:
# a lab that resolves contexts offline can always expand these pages.
IPDC_CONTEXT = "https://raw.githubusercontent.com/Informatievlaanderen/ipdc-lpdc/main/jsonld/ipdc-lpdc-im.jsonld"
LDES_CONTEXT = (
    "https://raw.githubusercontent.com/Informatievlaanderen/ipdc-lpdc/main/jsonld/ldes.jsonld"
)
# Deliberately absent from every mirror: the "remote-context" defect points here.
UNPINNED_CONTEXT = "http://127.0.0.1/onbekend/context.jsonld"

# ldes:timestampPath, ldes:versionOfPath and tree:path are "@type": "@id" in ldes.jsonld, i.e.
# resolved against the document URL, not the vocabulary: only absolute IRIs mean the property.
PROV_GENERATED_AT_TIME = "http://www.w3.org/ns/prov#generatedAtTime"
DCT_IS_VERSION_OF = "http://purl.org/dc/terms/isVersionOf"

# The IRI patterns of the real LPDC instance-snapshot feed (lblod app-lpdc-digitaal-loket).
SNAPSHOT_BASE = "http://data.lblod.info/id/public-service-snapshot/"
PUBLIC_SERVICE_BASE = "http://data.lblod.info/id/public-service/"
BESTUURSEENHEID_BASE = "http://data.lblod.info/id/bestuurseenheden/"

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Municipality:
    """A Flemish municipality as publisher: its LAU code, town hall address and house style."""

    name: str
    lau_code: str  # NUTS/LAU code in geografisch-toepassingsgebied.ttl
    postcode: str
    street: str
    house_number: str
    domain: str
    telephone: str
    dutch_tag: str  # each local government picks one register (formal/informal) for its texts

    def organisation(self, kind: str = "Gemeente") -> str:
        """IRI of the municipality's (or its OCMW's) bestuurseenheid.

        lblod identifies bestuurseenheden by a 64-hex hash; these are synthetic hashes of the
        name (not the real lblod identifiers), stable across runs.
        """
        digest = hashlib.sha256(f"{kind} {self.name}".encode()).hexdigest()
        return BESTUURSEENHEID_BASE + digest


MUNICIPALITIES: tuple[Municipality, ...] = (
    Municipality(
        "Gent",
        "BE23444021",
        "9000",
        "Botermarkt",
        "1",
        "stad.gent",
        "09 210 10 10",
        "nl-BE-x-informal",
    ),
    Municipality(
        "Antwerpen",
        "BE21111002",
        "2000",
        "Grote Markt",
        "1",
        "antwerpen.be",
        "03 22 11 333",
        "nl-BE-x-formal",
    ),
    Municipality(
        "Leuven",
        "BE24224062",
        "3000",
        "Professor Van Overstraetenplein",
        "1",
        "leuven.be",
        "016 27 20 00",
        "nl-BE-x-formal",
    ),
    Municipality(
        "Brugge",
        "BE25131005",
        "8000",
        "Burg",
        "12",
        "brugge.be",
        "050 44 80 00",
        "nl-BE-x-formal",
    ),
    Municipality(
        "Mechelen",
        "BE21212025",
        "2800",
        "Grote Markt",
        "21",
        "mechelen.be",
        "015 29 76 55",
        "nl-BE-x-informal",
    ),
    Municipality(
        "Kortrijk",
        "BE25434022",
        "8500",
        "Grote Markt",
        "54",
        "kortrijk.be",
        "056 27 80 00",
        "nl",
    ),
    Municipality(
        "Aalst",
        "BE23141002",
        "9300",
        "Werfplein",
        "1",
        "aalst.be",
        "053 77 30 00",
        "nl-BE-x-formal",
    ),
    Municipality(
        "Turnhout",
        "BE21313040",
        "2300",
        "Campus Blairon",
        "200",
        "turnhout.be",
        "014 44 33 11",
        "nl",
    ),
    Municipality(
        "Oostende",
        "BE25535013",
        "8400",
        "Vindictivelaan",
        "1",
        "oostende.be",
        "059 80 55 00",
        "nl-BE-x-informal",
    ),
    Municipality(
        "Tienen",
        "BE24224107",
        "3300",
        "Grote Markt",
        "27",
        "tienen.be",
        "016 80 57 00",
        "nl-BE-x-formal",
    ),
)


def format_timestamp(milliseconds: int) -> str:
    """xsd:dateTime in UTC with milliseconds, the form the real LPDC feed uses."""
    moment = _EPOCH + timedelta(milliseconds=milliseconds)
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{milliseconds % 1000:03d}Z"
