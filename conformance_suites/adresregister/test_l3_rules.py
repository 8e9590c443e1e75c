"""L3 - de regels van het applicatieprofiel: één test per SHACL-constraint van
adressenregister-SHACL.ttl, over alle lijstpagina's en adressen samen, en het JSON-schema
BelgischAdres voor elk adres."""

from __future__ import annotations

import pytest

from conformance_suites.common.shape_tests import test_shape_constraint
from interop_lab.checks import jsonschema
from interop_lab.runner.claim import ClaimRun

__all__ = ["test_json_schema", "test_shape_constraint"]

BELGISCH_ADRES = (
    "https://data.vlaanderen.be/doc/applicatieprofiel/adresregister/ontwerpstandaard/2025-11-01/"
    "swagger/components/schemas/BelgischAdres.json"
)


@pytest.mark.level("L3")
@pytest.mark.usage("Verplicht")
@pytest.mark.requirement(BELGISCH_ADRES)
def test_json_schema(claim_run: ClaimRun) -> None:
    """Elk adres volgt het JSON-schema BelgischAdres van het applicatieprofiel.

    Het schema noemt eigenschappen zonder klasse (``huisnummer``), de context met klasse
    (``BelgischAdres.huisnummer``): sleutels worden gelezen zonder hun klasse. Delen die naar
    niet-gepubliceerde schema's verwijzen (positie, status, ...) worden niet getoetst.
    """
    crawl = claim_run.crawl("collection")
    schema = claim_run.schema(BELGISCH_ADRES)
    jsonschema.documents_match(crawl.item_pages(), schema, keys=jsonschema.unqualified_key)
