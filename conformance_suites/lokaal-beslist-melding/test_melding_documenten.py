"""L3 - het gepubliceerde document van elke aanvaarde melding: op te halen zoals de melding
zegt, als HTML+RDFa, en het beschrijft de gemelde resource.

Lokaal Beslist haalt het document (href) op na het antwoord, vraagt om HTML en gebruikt de
authenticatie van de melding; het lab doet hetzelfde, via zijn ene HTTP-client. Of het document
zelf Besluit Publicatie volgt, beoordeelt de suite besluit-publicatie.
"""

from __future__ import annotations

import pytest

from interop_lab.checks import submissions
from interop_lab.serve import ServedSession

pytestmark = [pytest.mark.level("L3"), pytest.mark.usage("Verplicht")]
PUBLISHED = "https://lblod.github.io/pages-vendors/#/docs/meldingsplicht#publicatie-documenten"
ANNOTATIONS = "https://lblod.github.io/pages-vendors/#/docs/meldingsplicht-annotaties"


@pytest.mark.requirement(PUBLISHED)
def test_document_fetched(served: ServedSession) -> None:
    """Het document van elke aanvaarde melding is op te halen, met de authenticatie ervan."""
    submissions.documents_fetched(served)


@pytest.mark.requirement("https://html.spec.whatwg.org/multipage/iana.html#text/html")
def test_document_html(served: ServedSession) -> None:
    """Elk gepubliceerd document wordt geserveerd als HTML."""
    submissions.documents_html(served)


@pytest.mark.requirement("https://www.w3.org/TR/html-rdfa/")
def test_document_rdfa(served: ServedSession) -> None:
    """Elk gepubliceerd document is leesbare HTML+RDFa met annotaties."""
    submissions.documents_rdfa(served)


@pytest.mark.requirement(ANNOTATIONS)
def test_document_describes_resource(served: ServedSession) -> None:
    """Elk gepubliceerd document beschrijft de gemelde resource (submittedResource)."""
    submissions.documents_describe(served, typed=False)


@pytest.mark.requirement(ANNOTATIONS)
def test_document_type(served: ServedSession) -> None:
    """De gemelde resource heeft in het document een documenttype (dct:type)."""
    submissions.documents_describe(served, typed=True)
