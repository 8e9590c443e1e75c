"""L1 - elke melding wordt aanvaard zoals de meldings-API van Lokaal Beslist ze aanvaardt.

Het lab speelt POST /melding van Lokaal Beslist (automatic-submission-service): elke test hier
leest één reden waarom die API een melding weigert, en noemt elke inzending die daarom
geweigerd werd, met het antwoord dat het lab (zoals de echte API) gaf.
"""

from __future__ import annotations

import pytest

from interop_lab.checks import submissions
from interop_lab.serve import ServedSession

pytestmark = [pytest.mark.level("L1"), pytest.mark.usage("Verplicht")]
API = "https://lblod.github.io/pages-vendors/#/docs/meldingsplicht"


@pytest.mark.requirement(API)
def test_submissions_sent(served: ServedSession) -> None:
    """De client stuurt tijdens de sessie minstens één melding."""
    submissions.some_submissions(served)


@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc9110#section-8.3")
def test_media_type(served: ServedSession) -> None:
    """Elke melding wordt verstuurd als application/json of application/ld+json."""
    submissions.not_refused_for(
        served,
        {"content-type"},
        "meldingen met een ander mediatype worden geweigerd (HTTP 400)",
        "Content-Type application/json of application/ld+json",
    )


@pytest.mark.requirement("https://www.rfc-editor.org/rfc/rfc8259#section-2")
def test_json_object(served: ServedSession) -> None:
    """Elke melding is één JSON-object van hoogstens 100 kB, met Content-Length."""
    submissions.not_refused_for(
        served,
        {"json", "array", "too-large", "length"},
        "meldingen die geen enkel JSON-object zijn, worden geweigerd",
        "één JSON-object (geen array), hoogstens 100 kB, met Content-Length",
    )


@pytest.mark.requirement(API)
def test_required_properties(served: ServedSession) -> None:
    """Elke melding geeft href, organization, publisher (uri en key) en submittedResource."""
    submissions.not_refused_for(
        served,
        {"missing"},
        "meldingen zonder een eigenschap die Lokaal Beslist nodig heeft, worden geweigerd "
        "(HTTP 400, 'property ... is missing or invalid')",
        "href, organization, publisher.uri, publisher.key en submittedResource, met de "
        "betekenis die de context van Lokaal Beslist ze geeft",
    )


@pytest.mark.requirement("https://www.w3.org/TR/json-ld11/#processing-mode")
def test_processable(served: ServedSession) -> None:
    """Elke melding is JSON-LD die Lokaal Beslist kan verwerken."""
    submissions.not_refused_for(
        served,
        {"jsonld"},
        "meldingen waarvan de JSON-LD niet te verwerken is, worden geweigerd (HTTP 400)",
        "geldige JSON-LD met een bruikbare @context",
    )


@pytest.mark.requirement(f"{API}#status")
def test_status(served: ServedSession) -> None:
    """De status van elke melding is Concept of Inzendbaar (of ontbreekt: dan Concept)."""
    submissions.not_refused_for(
        served,
        {"status"},
        "meldingen met een andere status worden geweigerd (HTTP 400)",
        "status http://lblod.data.gift/concepts/79a52da4-f491-4e2f-9374-89a13cde8ecd (Concept) "
        "of http://lblod.data.gift/concepts/f6330856-e261-430f-b949-8e510d20d0ff (Inzendbaar)",
    )


@pytest.mark.requirement(f"{API}#authenticatie")
def test_authenticated(served: ServedSession) -> None:
    """Elke melding draagt de sleutel van de leverancier, voor een bestuur waarvoor hij meldt."""
    submissions.not_refused_for(
        served,
        {"auth"},
        "meldingen met een verkeerde sleutel, leverancier of bestuurseenheid worden geweigerd "
        "(HTTP 401)",
        "publisher.uri en publisher.key zoals Lokaal Beslist ze uitreikte, en een organization "
        "waarvoor de leverancier mag melden",
    )


@pytest.mark.requirement(f"{API}#niet-publieke-documenten")
def test_document_authentication(served: ServedSession) -> None:
    """Elke melding die authenticatie meegeeft, gebruikt basic of oauth2, volledig ingevuld."""
    submissions.not_refused_for(
        served,
        {"authentication"},
        "meldingen met een onvolledige of onbekende authenticatie worden geweigerd (HTTP 400)",
        "authentication met configuration (scheme basic of oauth2) en credentials",
    )


@pytest.mark.requirement(f"{API}#scope")
def test_not_resubmitted(served: ServedSession) -> None:
    """Geen resource wordt twee keer gemeld."""
    submissions.not_refused_for(
        served,
        {"duplicate"},
        "een resource die al gemeld werd, wordt geweigerd (HTTP 409)",
        "één melding per besluit of document (submittedResource); wie opnieuw wil melden, "
        "verwijdert eerst de vorige melding zolang die in Concept staat",
    )
