"""One InstantieSnapshot member of the reference feed, computed from its position alone.

Everything is a pure function of (member index, seed): page N can be produced without producing
pages 0..N-1, which is what lets a 100,000-member feed be served lazily. Choices that belong to
the public service (which service, which municipality, which nested objects) are drawn from a
generator seeded with the index of the member that introduced the service, so every later
snapshot (version) of that service repeats them.
"""

from __future__ import annotations

import random
import unicodedata
import uuid
from typing import Any

from interop_lab.reference.services import SERVICES, PublicService
from interop_lab.reference.vocabulary import (
    MUNICIPALITIES,
    PUBLIC_SERVICE_BASE,
    SNAPSHOT_BASE,
    Municipality,
    format_timestamp,
)

__all__ = ["LEAN_KEYS", "build_member", "generated_at", "lineage"]

# Members come in blocks of 8: positions 0-5 introduce new services, position 6 is a new
# snapshot of position 1 of the previous block, position 7 one of position 6 of the previous
# block. That gives services with one, two and three snapshots, spread over the stream.
_BLOCK = 8
_UPDATE_SOURCE = {6: 1, 7: 6}

_START_MS = 1_704_700_800_000  # 2024-01-08T08:00:00Z
_STEP_MS = 10 * 60 * 1000  # one snapshot per ~10 minutes: 100,000 members span ~2 years
_MINUTE_MS = 60 * 1000
_DAY_MS = 24 * 60 * _MINUTE_MS
_IDS = uuid.UUID("6f1c3d0e-93b5-4b0e-9a51-2f8c6c1e0a17")  # namespace of the uuid5 identifiers


# A lean member (about 12 triples): only what the IPDC shapes require of a snapshot, plus its
# version and time. Benchmarks use it as the "OSLO-like member of about 12 triples".
LEAN_KEYS = (
    "@id",
    "@type",
    "isVersionOf",
    "generatedAtTime",
    "creatie",
    "laatstGewijzigd",
    "naam",
    "beschrijving",
    "aangemaaktDoor",
    "bevoegdeOverheden",
    "geografischToepassingsgebieden",
    "productnummer",
)


def lineage(index: int) -> tuple[int, int]:
    """(index of the member that introduced this member's service, snapshot version)."""
    block, position = divmod(index, _BLOCK)
    if block == 0 or position not in _UPDATE_SOURCE:
        return index, 1
    origin, version = lineage((block - 1) * _BLOCK + _UPDATE_SOURCE[position])
    return origin, version + 1


def generated_at(index: int, seed: int) -> int:
    """prov:generatedAtTime in epoch milliseconds; strictly increasing with the index."""
    jitter = random.Random(f"{seed}:time:{index}").randrange(_STEP_MS // 2)
    return _START_MS + index * _STEP_MS + jitter


def build_member(index: int, seed: int) -> dict[str, Any]:
    """The JSON-LD node object of member `index`, using only terms of the pinned contexts."""
    origin, version = lineage(index)
    pick = random.Random(f"{seed}:service:{origin}")
    service = pick.choice(SERVICES)
    town = pick.choice(MUNICIPALITIES)
    text = _Texts(town.dutch_tag, english=pick.random() < 0.35)
    member: dict[str, Any] = {
        "@id": SNAPSHOT_BASE + _uuid(seed, "snapshot", index),
        "@type": "InstantieSnapshot",
        "isVersionOf": PUBLIC_SERVICE_BASE + _uuid(seed, "service", origin),
        **_history(index, origin, seed, pick),
        "naam": text(service.naam, service.name),
        "beschrijving": text(
            _paragraph(service.omschrijving, version, "bijgewerkte versie"),
            _paragraph(service.description, version, "updated version"),
        ),
        **_authorities(service, town),
        **_classification(service, town),
        "contactgegevens": [_contact_point(town, service)],
    }
    if version == 3:
        member["gearchiveerd"] = True  # the third snapshot withdraws the service
    member.update(_optional_parts(pick, service, town, text))
    return member


def _history(index: int, origin: int, seed: int, pick: random.Random) -> dict[str, str]:
    """Timestamps: created before the service's first snapshot, modified shortly before this
    one (later than the previous snapshot, which is at least 9 members, ~90 minutes, back)."""
    produced = generated_at(index, seed)
    created = generated_at(origin, seed) - pick.randrange(1, 30) * _DAY_MS
    return {
        "generatedAtTime": format_timestamp(produced),
        "creatie": format_timestamp(created),
        "laatstGewijzigd": format_timestamp(produced - (1 + index % 50) * _MINUTE_MS),
    }


def _authorities(service: PublicService, town: Municipality) -> dict[str, Any]:
    executing = town.organisation("OCMW" if service.ocmw else "Gemeente")
    return {
        "aangemaaktDoor": _organisation(town.organisation()),
        "bevoegdeOverheden": [_organisation(town.organisation())],
        "uitvoerendeOverheden": [_organisation(executing)],
    }


def _classification(service: PublicService, town: Municipality) -> dict[str, Any]:
    """Code-list values, as the short codes the context's scoped @base expands."""
    codes: dict[str, Any] = {
        "geografischToepassingsgebieden": [town.lau_code],
        "type": service.type,
        "themas": list(service.themas),
        "doelgroepen": list(service.doelgroepen),
        "bevoegdBestuursniveaus": list(service.bevoegd),
        "uitvoerendBestuursniveaus": list(service.uitvoerend),
        "productnummer": str(1000 + SERVICES.index(service) * 7),
    }
    if service.your_europe:
        codes["yourEuropeCategorieen"] = list(service.your_europe)
        codes["publicatiekanalen"] = ["YourEurope"]
    return codes


class _Texts:
    """Builds language maps: the municipality's Dutch register, plus English when published."""

    def __init__(self, dutch_tag: str, english: bool) -> None:
        self._dutch_tag = dutch_tag
        self._english = english

    def __call__(self, dutch: str, english: str) -> dict[str, str]:
        texts = {self._dutch_tag: dutch}
        if self._english:
            texts["en"] = english
        return texts


def _optional_parts(
    pick: random.Random, service: PublicService, town: Municipality, text: _Texts
) -> dict[str, Any]:
    """Nested objects that only a share of the services carry (at most one procedure and one
    requirement: the shape has sh:maxCount 1 on cpsv:follows and ps:hasRequirement)."""
    parts: dict[str, Any] = {}
    if pick.random() < 0.6:
        parts["procedures"] = [_procedure(service, town, text)]
    if pick.random() < 0.5:
        parts["voorwaarden"] = [_requirement(service, text)]
    if service.prijs:
        parts["kosten"] = [_cost(service, text)]
    if service.type == "FinancieelVoordeel":
        parts["financieleVoordelen"] = [_advantage(service, text)]
    if pick.random() < 0.3:
        parts["regelgeving"] = [_legal_resource(service, town, text)]
        parts["regelgevingTekst"] = text(
            f"<p>Gemeentelijk reglement {service.naam.lower()}.</p>",
            f"<p>Municipal regulation: {service.name.lower()}.</p>",
        )
    if pick.random() < 0.4:
        parts["websites"] = [_website(f"{service.naam} in {town.name}", town, service, text)]
    if pick.random() < 0.5:
        parts["zoektermen"] = {town.dutch_tag: [service.naam.lower(), service.dienst.lower()]}
    if pick.random() < 0.25:
        parts["uitzonderingen"] = text(
            "<p>Tijdens de zomermaanden gelden aangepaste openingsuren.</p>",
            "<p>Opening hours differ in summer.</p>",
        )
    if pick.random() < 0.2:
        parts["startDienstVerlening"] = format_timestamp(
            _START_MS - pick.randrange(1, 2000) * _DAY_MS
        )
    return parts


def _organisation(iri: str) -> dict[str, str]:
    # Embedded with its type, so sh:class m8g:PublicOrganisation holds within the feed itself.
    return {"@id": iri, "@type": "PubliekeOrganisatie"}


def _contact_point(town: Municipality, service: PublicService) -> dict[str, Any]:
    return {
        "@type": "Contactgegevens",
        "email": f"{_mailbox(service.dienst)}@{town.domain}",
        "telefoonnummer": town.telephone,
        "openingsuren": "ma-vr 9u-12u30, do 14u-19u",
        "url": f"https://www.{town.domain}/{_mailbox(service.dienst)}",
        "order": 0,
        "adres": {
            "@type": "Adres",
            "straatnaam": {"nl": town.street},
            "huisnummer": town.house_number,
            "postcode": town.postcode,
            "gemeentenaam": {"nl": town.name},
            "land": {"nl": "België"},
        },
    }


def _procedure(service: PublicService, town: Municipality, text: _Texts) -> dict[str, Any]:
    return {
        "@type": "Procedure",
        "naam": text("Aanvraagprocedure", "Application procedure"),
        "beschrijving": text(
            f"<p>De aanvraag gebeurt aan het loket {service.dienst} of via het e-loket.</p>",
            f"<p>Apply at the {service.dienst} desk or through the online desk.</p>",
        ),
        "order": 0,
        "websites": [_website("E-loket", town, service, text)],
    }


def _requirement(service: PublicService, text: _Texts) -> dict[str, Any]:
    return {
        "@type": "Voorwaarde",
        "naam": text("Voorwaarden", "Conditions"),
        "beschrijving": text(
            "<p>De aanvrager is ingeschreven in het bevolkingsregister van de gemeente.</p>",
            "<p>The applicant is registered in the municipal population register.</p>",
        ),
        "order": 0,
        "bewijs": {
            "@type": "Bewijs",
            "naam": text("Identiteitskaart", "Identity card"),
            "beschrijving": text(
                f"<p>De identiteitskaart van de aanvrager voor {service.naam.lower()}.</p>",
                "<p>The applicant's identity card.</p>",
            ),
        },
    }


def _cost(service: PublicService, text: _Texts) -> dict[str, Any]:
    return {
        "@type": "Kost",
        "naam": text("Prijs", "Price"),
        "beschrijving": text(f"<p>{service.prijs}</p>", f"<p>{service.prijs}</p>"),
        "order": 0,
    }


def _advantage(service: PublicService, text: _Texts) -> dict[str, Any]:
    return {
        "@type": "FinancieelVoordeel",
        "naam": text(service.naam, service.name),
        "beschrijving": text(f"<p>{service.omschrijving}</p>", f"<p>{service.description}</p>"),
        "order": 0,
    }


def _legal_resource(service: PublicService, town: Municipality, text: _Texts) -> dict[str, Any]:
    return {
        "@type": "Regelgeving",
        "naam": text(f"Reglement {service.naam.lower()}", f"Regulation: {service.name.lower()}"),
        "url": f"https://www.{town.domain}/reglementen/{_mailbox(service.naam)}",
        "order": 0,
    }


def _website(
    title: str, town: Municipality, service: PublicService, text: _Texts
) -> dict[str, Any]:
    return {
        "@type": "Website",
        "naam": text(title, title),
        "url": f"https://www.{town.domain}/{_mailbox(service.naam)}",
        "order": 0,
    }


def _paragraph(sentence: str, version: int, edited: str) -> str:
    # Later snapshots differ in their description, as a real edit between versions would.
    suffix = f" ({edited} {version})" if version > 1 else ""
    return f'<p data-indentation-level="0">{sentence}{suffix}</p>'


def _mailbox(label: str) -> str:
    """ASCII slug of a label ("Financiën" -> "financien"), usable in e-mail addresses and URLs."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return "".join(ch for ch in ascii_label.lower().replace(" ", "-") if ch.isalnum() or ch == "-")


def _uuid(seed: int, kind: str, index: int) -> str:
    return str(uuid.uuid5(_IDS, f"{seed}:{kind}:{index}"))
