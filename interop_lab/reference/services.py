"""Catalogue of municipal public services the reference feed publishes instances of.

Names follow the IPDC concept catalogue; the codes are the short forms of the IPDC code lists
(type.ttl, thema.ttl, doelgroep.ttl, your-europe-categorie.ttl, bevoegd- and
uitvoerend-bestuursniveau.ttl). Texts avoid "u"/"je" so that they read right under both the
formal and the informal Dutch language tag.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SERVICES", "PublicService"]


@dataclass(frozen=True, slots=True)
class PublicService:
    """One kind of public service; every instance of it in the feed shares these values."""

    naam: str
    name: str  # English title, published for a share of the instances
    omschrijving: str
    description: str
    dienst: str  # municipal department that runs it (contact point, procedure text)
    type: str
    themas: tuple[str, ...]
    doelgroepen: tuple[str, ...]
    your_europe: tuple[str, ...] = ()
    bevoegd: tuple[str, ...] = ("Lokaal",)
    uitvoerend: tuple[str, ...] = ("Lokaal",)
    prijs: str = ""  # empty: the service is free, so it gets no Kost
    ocmw: bool = False  # executed by the OCMW (social welfare) rather than the municipality


_CIVIL = ("BurgerOverheid",)
_CITIZEN = ("Burger",)
_FEDERAL = ("Federaal",)

SERVICES: tuple[PublicService, ...] = (
    PublicService(
        "Aanvraag identiteitskaart",
        "Application for an identity card",
        "Belgen vanaf 12 jaar krijgen een elektronische identiteitskaart (eID) van de gemeente.",
        "Belgians aged 12 and over receive an electronic identity card (eID).",
        "Burgerzaken",
        "Bewijs",
        _CIVIL,
        _CITIZEN,
        ("ReizenDocumenten",),
        _FEDERAL,
        prijs="€ 20,80",
    ),
    PublicService(
        "Huwelijk",
        "Marriage",
        "Een burgerlijk huwelijk wordt voltrokken door de ambtenaar van de burgerlijke stand.",
        "A civil marriage is performed by the registrar of the municipality.",
        "Burgerzaken",
        "AdviesBegeleiding",
        _CIVIL,
        _CITIZEN,
        ("BurgerEnFamilieRechtenPartners",),
        _FEDERAL,
        prijs="€ 150",
    ),
    PublicService(
        "Aangifte van een geboorte",
        "Registration of a birth",
        "Een geboorte wordt binnen vijftien dagen aangegeven bij de burgerlijke stand.",
        "A birth is registered with the registrar within fifteen days.",
        "Burgerzaken",
        "Bewijs",
        _CIVIL,
        _CITIZEN,
        ("ProcedureGeboorteBewijs",),
        _FEDERAL,
    ),
    PublicService(
        "Adreswijziging",
        "Change of address",
        "Wie verhuist, geeft het nieuwe adres binnen acht werkdagen door aan de gemeente.",
        "Anyone who moves reports the new address to the municipality within eight working days.",
        "Burgerzaken",
        "Bewijs",
        _CIVIL,
        _CITIZEN,
        ("ProcedureVerhuizingAdreswijziging",),
        _FEDERAL,
    ),
    PublicService(
        "Rijbewijs",
        "Driving licence",
        "Het Europees model van rijbewijs in bankkaartformaat wordt aangevraagd bij de gemeente.",
        "The European credit-card format driving licence is requested at the municipality.",
        "Burgerzaken",
        "Bewijs",
        ("MobiliteitOpenbareWerken",),
        _CITIZEN,
        ("VoertuigenVerleningRijbewijzen",),
        _FEDERAL,
        prijs="€ 25",
    ),
    PublicService(
        "Internationaal paspoort",
        "International passport",
        "Een paspoort is nodig om te reizen naar landen buiten de Europese Unie.",
        "A passport is needed to travel to countries outside the European Union.",
        "Burgerzaken",
        "Bewijs",
        _CIVIL,
        _CITIZEN,
        ("ReizenDocumenten",),
        _FEDERAL,
        prijs="€ 75",
    ),
    PublicService(
        "Uittreksel uit het strafregister",
        "Extract from the criminal record",
        "Het uittreksel vermeldt de veroordelingen die in het strafregister zijn opgenomen.",
        "The extract lists the convictions recorded in the criminal record.",
        "Burgerzaken",
        "Bewijs",
        _CIVIL,
        ("Burger", "Vereniging"),
        (),
        _FEDERAL,
    ),
    PublicService(
        "Wettelijke samenwoning",
        "Legal cohabitation",
        "Twee personen die samenwonen, leggen een verklaring van wettelijke samenwoning af.",
        "Two people living together make a declaration of legal cohabitation.",
        "Burgerzaken",
        "Bewijs",
        _CIVIL,
        _CITIZEN,
        ("BurgerEnFamilieRechtenPartners",),
        _FEDERAL,
    ),
    PublicService(
        "Omgevingsvergunning voor stedenbouwkundige handelingen",
        "Planning permission",
        "Voor bouwen, verbouwen of slopen is vaak een omgevingsvergunning nodig.",
        "Building, converting or demolishing often requires planning permission.",
        "Omgeving",
        "Toelating",
        ("BouwenWonen",),
        ("Burger", "Onderneming"),
        ("DienstenLicentiesVergunningen",),
        ("Vlaams",),
        prijs="€ 50",
    ),
    PublicService(
        "Premie voor dakisolatie",
        "Roof insulation grant",
        "Eigenaars die hun dak isoleren, krijgen een gemeentelijke premie.",
        "Owners who insulate their roof receive a municipal grant on top of the regional one.",
        "Wonen",
        "FinancieelVoordeel",
        ("MilieuEnergie", "BouwenWonen"),
        _CITIZEN,
    ),
    PublicService(
        "Bewonerskaart parkeren",
        "Residents' parking permit",
        "Bewoners van een zone met betalend parkeren kunnen een bewonerskaart aanvragen.",
        "Residents of a paid parking zone can apply for a residents' permit.",
        "Mobiliteit",
        "Toelating",
        ("MobiliteitOpenbareWerken",),
        _CITIZEN,
        prijs="€ 30 per jaar",
    ),
    PublicService(
        "Inname openbaar domein",
        "Use of the public domain",
        "Voor een container, stelling of verhuislift op de openbare weg is een toelating nodig.",
        "A skip, scaffolding or furniture lift on the public road needs a permit.",
        "Mobiliteit",
        "Toelating",
        ("MobiliteitOpenbareWerken",),
        ("Burger", "Onderneming"),
        prijs="€ 2 per m² per dag",
    ),
    PublicService(
        "Evenementenvergunning",
        "Event permit",
        "Wie een evenement organiseert op publiek terrein, vraagt vooraf een vergunning aan.",
        "Organisers of an event on public ground apply for a permit in advance.",
        "Vrije Tijd",
        "Toelating",
        ("CultuurSportVrijeTijd",),
        ("Vereniging", "Burger"),
    ),
    PublicService(
        "Uitleendienst feestmateriaal",
        "Loan of event equipment",
        "Verenigingen lenen tafels, stoelen, podiumelementen en nadarhekken van de gemeente.",
        "Associations borrow tables, chairs, stage elements and crowd barriers.",
        "Vrije Tijd",
        "InfrastructuurMateriaal",
        ("CultuurSportVrijeTijd",),
        ("Vereniging",),
        prijs="€ 5 per stuk",
    ),
    PublicService(
        "Huurpremie",
        "Rent allowance",
        "Huurders op de wachtlijst voor een sociale woning kunnen een huurpremie krijgen.",
        "Tenants on the waiting list for social housing may receive a rent allowance.",
        "Wonen",
        "FinancieelVoordeel",
        ("BouwenWonen",),
        _CITIZEN,
        (),
        ("Vlaams",),
    ),
    PublicService(
        "Ophaling grofvuil aan huis",
        "Bulky waste collection",
        "Grofvuil wordt op afspraak aan huis opgehaald tegen betaling.",
        "Bulky waste is collected at home by appointment, for a fee.",
        "Milieu",
        "InfrastructuurMateriaal",
        ("MilieuEnergie",),
        _CITIZEN,
        prijs="€ 25 per m³",
    ),
    PublicService(
        "Belasting op tweede verblijven",
        "Second home tax",
        "Eigenaars van een tweede verblijf betalen een jaarlijkse gemeentebelasting.",
        "Owners of a second home pay an annual municipal tax.",
        "Financiën",
        "FinancieleVerplichting",
        _CIVIL,
        ("Burger", "Onderneming"),
        ("BelastingenOverigeBelastingen",),
        prijs="€ 600 per jaar",
    ),
    PublicService(
        "Buitenschoolse kinderopvang",
        "Out-of-school childcare",
        "Kinderen uit het basisonderwijs kunnen voor en na school terecht.",
        "Primary school children are cared for before and after school.",
        "Onderwijs",
        "AdviesBegeleiding",
        ("OnderwijsWetenschap", "WelzijnGezondheid"),
        _CITIZEN,
        prijs="€ 1,20 per halfuur",
    ),
    PublicService(
        "Leefloon",
        "Living wage",
        "Het leefloon is een minimuminkomen voor wie onvoldoende bestaansmiddelen heeft.",
        "The living wage is a minimum income for people without sufficient means.",
        "Sociale dienst",
        "FinancieelVoordeel",
        ("WelzijnGezondheid",),
        _CITIZEN,
        (),
        _FEDERAL,
        ocmw=True,
    ),
    PublicService(
        "Standplaats op de wekelijkse markt",
        "Pitch at the weekly market",
        "Ambulante handelaars vragen een vaste standplaats per abonnement aan.",
        "Market traders apply for a permanent pitch by subscription.",
        "Economie",
        "Toelating",
        ("EconomieWerk",),
        ("Onderneming",),
        ("DienstenLicentiesVergunningen",),
        prijs="€ 1,50 per lopende meter",
    ),
)
