"""Short names for the vocabularies OSLO uses, fixed here so test ids never depend on a file."""

from __future__ import annotations

PREFIXES: dict[str, str] = {
    "adms": "http://www.w3.org/ns/adms#",
    "adres": "https://data.vlaanderen.be/ns/adres#",
    "besluit": "http://data.vlaanderen.be/ns/besluit#",
    "cpsv": "http://purl.org/vocab/cpsv#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "generiek": "https://data.vlaanderen.be/ns/generiek#",
    "ldes": "https://w3id.org/ldes#",
    "locn": "http://www.w3.org/ns/locn#",
    "lpdc": "https://productencatalogus.data.vlaanderen.be/ns/ipdc-lpdc#",
    "m8g": "http://data.europa.eu/m8g/",
    "mandaat": "http://data.vlaanderen.be/ns/mandaat#",
    "mu": "http://mu.semte.ch/vocabularies/core/",
    "org": "http://www.w3.org/ns/org#",
    "pav": "http://purl.org/pav/",
    "person": "http://www.w3.org/ns/person#",
    "persoon": "https://data.vlaanderen.be/ns/persoon#",
    "prov": "http://www.w3.org/ns/prov#",
    "ps": "http://vocab.belgif.be/ns/publicservice#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "regorg": "http://www.w3.org/ns/regorg#",
    "schema": "http://schema.org/",
    "sh": "http://www.w3.org/ns/shacl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "tree": "https://w3id.org/tree#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def short(iri: str) -> str:
    """``dct:title`` for a known vocabulary, else the IRI's last segment, else the IRI."""
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    tail = iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return tail or iri
