"""Judging one ``POST /melding`` as Lokaal Beslist's automatic-submission-service does: the
answers (status and body, in the service's words), the order of its checks, and what the lab
keeps (every credential hidden)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from interop_lab.serve import melding, stored
from interop_lab.serve.melding import Judgement, Registration, judge
from tests.serve.publication import MELDING, real_example
from tests.suite_artefacts import suite_artefacts

PUBLISHER = "http://data.lblod.info/vendors/cipal-schaubroeck"
ORGANIZATION = "http://data.lblod.info/id/bestuurseenheden/2498239"
KEY = "AE86-GT86"
REGISTRATION = Registration(PUBLISHER, KEY, frozenset({ORGANIZATION}))
JSON = "application/json"


def _judge(
    body: Any, content_type: str | None = JSON, *, submitted: set[str] | None = None
) -> Judgement:
    seen = set() if submitted is None else submitted

    def first(resource: str) -> bool:
        new = resource not in seen
        seen.add(resource)
        return new

    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    contexts = suite_artefacts("lokaal-beslist-melding").context
    return judge(
        raw,
        content_type,
        REGISTRATION,
        contexts,
        first,
        base="http://127.0.0.1:8810/melding",
        now="2026-01-02T03:04:05Z",
    )


def _kind(judgement: Judgement) -> str | None:
    return judgement.refusal.kind if judgement.refusal else None


def _detail(judgement: Judgement) -> str:
    return judgement.refusal.detail if judgement.refusal else ""


def _title(judgement: Judgement) -> str:
    title: str = judgement.answer.body["errors"][0]["title"]
    return title


@pytest.mark.parametrize(
    "name",
    [
        "voorbeeld-body.json",
        "voorbeeld-body-met-draft-status.json",
        "voorbeeld-basic-auth.json",
        "voorbeeld-oauth2.json",
    ],
)
def test_the_real_examples_are_accepted(name: str) -> None:
    judgement = _judge(real_example(name))
    assert judgement.refusal is None
    assert judgement.answer.status == 201
    body = judgement.answer.body
    assert set(body) == {"uri", "submission", "job"}
    assert body["uri"] == body["submission"] == judgement.submission_iri
    assert body["submission"].startswith(stored.SUBMISSIONS)
    assert body["job"].startswith(melding.JOBS)


def test_a_body_without_status_becomes_a_concept() -> None:
    judgement = _judge(real_example("voorbeeld-body.json"))
    assert judgement.fields.status == stored.CONCEPT
    assert judgement.enriched["@context"] == stored.CONTEXT_URL
    assert judgement.enriched["@type"] == "meb:Submission"


def test_the_documented_inline_and_mixed_contexts_are_accepted() -> None:
    context = json.loads((MELDING / "json-ld-context.json").read_text("utf-8"))
    inline = {**real_example("voorbeeld-body.json"), **context}
    assert _judge(inline).answer.status == 201
    mixed = real_example("voorbeeld-body.json", submittedResource="http://example.org/besluit/2")
    mixed["@context"] = [stored.CONTEXT_URL, {"ext": "http://mu.semte.ch/vocabularies/ext/"}]
    assert _judge(mixed).answer.status == 201


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded"])
def test_another_media_type_is_refused(content_type: str | None) -> None:
    judgement = _judge(real_example("voorbeeld-body.json"), content_type)
    assert judgement.answer.status == 400
    assert _title(judgement) == melding.CONTENT_TYPE
    assert _kind(judgement) == "content-type"


def test_json_ld_media_type_is_accepted() -> None:
    judgement = _judge(real_example("voorbeeld-body.json"), "application/ld+json; charset=utf-8")
    assert judgement.answer.status == 201


def test_an_array_and_invalid_json_are_refused() -> None:
    array = _judge([real_example("voorbeeld-body.json")])
    assert (array.answer.status, _title(array)) == (400, melding.ARRAY)
    broken = _judge(b'{"href": "http://x",}')
    assert broken.answer.status == 400
    assert _kind(broken) == "json"


@pytest.mark.parametrize(
    ("remove", "property_"),
    [
        (("publisher", "key"), "key"),
        (("organization",), "organisation"),
        (("submittedResource",), "submittedResource"),
        (("href",), "href"),
    ],
)
def test_a_missing_property_is_named_as_the_service_names_it(
    remove: tuple[str, ...], property_: str
) -> None:
    body = real_example("voorbeeld-body.json")
    holder: Any = body
    for part in remove[:-1]:
        holder = holder[part]
    del holder[remove[-1]]
    judgement = _judge(body)
    assert judgement.answer.status == 400
    assert (
        _title(judgement)
        == f'Invalid JSON-LD payload: property "{property_}" is missing or invalid.'
    )
    assert judgement.refusal is not None
    assert judgement.refusal.pointer == "/" + "/".join(remove)


def test_a_publisher_without_uri_is_an_unknown_vendor() -> None:
    # The publisher object is then a blank node: the service reads a vendor, just not a known
    # one, and answers 401 rather than 400.
    body = real_example("voorbeeld-body.json", publisher={"key": KEY})
    judgement = _judge(body)
    assert (judgement.answer.status, _kind(judgement)) == (401, "auth")
    assert "publisher heeft geen uri" in _detail(judgement)


def test_a_context_that_means_something_else_loses_the_key_first() -> None:
    body = {**real_example("voorbeeld-body.json"), "@context": {"@vocab": "http://schema.org/"}}
    judgement = _judge(body)
    assert _title(judgement) == 'Invalid JSON-LD payload: property "key" is missing or invalid.'
    assert "@context" in _detail(judgement)


def test_an_unknown_status_is_refused_before_the_key_is_checked() -> None:
    body = real_example("voorbeeld-body.json", status="http://example.org/verstuurd")
    body["publisher"] = {"uri": PUBLISHER, "key": "fout"}
    judgement = _judge(body)
    assert (judgement.answer.status, _title(judgement)) == (400, melding.STATUS_INVALID)


@pytest.mark.parametrize(
    ("publisher", "organization", "why"),
    [
        ({"uri": PUBLISHER, "key": "AE86-GT87"}, ORGANIZATION, "sleutel"),
        ({"uri": "http://data.lblod.info/vendors/andere", "key": KEY}, ORGANIZATION, "onbekende"),
        (
            {"uri": PUBLISHER, "key": KEY},
            "http://data.lblod.info/id/bestuurseenheden/1",
            "mag niet",
        ),
    ],
)
def test_a_wrong_key_vendor_or_organization_is_401(
    publisher: dict[str, str], organization: str, why: str
) -> None:
    body = real_example("voorbeeld-body.json", publisher=publisher, organization=organization)
    judgement = _judge(body)
    assert (judgement.answer.status, _title(judgement)) == (401, melding.AUTH_FAILED)
    assert why in _detail(judgement)


def test_a_resource_submitted_twice_is_409() -> None:
    submitted: set[str] = set()
    first = _judge(real_example("voorbeeld-body.json"), submitted=submitted)
    again = _judge(real_example("voorbeeld-basic-auth.json"), submitted=submitted)
    assert first.answer.status == 201
    assert again.answer.status == 409
    resource = real_example("voorbeeld-body.json")["submittedResource"]
    assert _title(again) == f"The given submittedResource <{resource}> has already been submitted."


def test_a_refused_submission_does_not_count_as_submitted() -> None:
    submitted: set[str] = set()
    wrong = real_example("voorbeeld-body.json", publisher={"uri": PUBLISHER, "key": "fout"})
    assert _judge(wrong, submitted=submitted).answer.status == 401
    assert _judge(real_example("voorbeeld-body.json"), submitted=submitted).answer.status == 201


def test_incomplete_or_unknown_authentication_is_refused() -> None:
    incomplete = real_example("voorbeeld-basic-auth.json")
    del incomplete["authentication"]["credentials"]  # type: ignore[attr-defined]
    judgement = _judge(incomplete)
    assert (judgement.answer.status, _title(judgement)) == (400, melding.UNEXPECTED)
    unknown = real_example("voorbeeld-basic-auth.json")
    unknown["authentication"]["configuration"]["scheme"] = "http://example.org/Bearer"  # type: ignore[index]
    judgement = _judge(unknown)
    assert _kind(judgement) == "authentication"


def test_credentials_are_hidden_in_what_the_lab_keeps() -> None:
    judgement = _judge(real_example("voorbeeld-basic-auth.json"))
    assert {KEY, "bar"} <= set(judgement.secrets)
    kept = json.dumps([judgement.data, judgement.enriched])
    assert KEY not in kept
    assert '"password": "bar"' not in kept
    assert judgement.data["publisher"]["key"] == "[verborgen]"
    assert judgement.access is not None
    assert judgement.access.password == "bar"  # used to fetch the document, never kept


def test_a_wrong_key_is_hidden_too() -> None:
    body = real_example(
        "voorbeeld-body.json", publisher={"uri": PUBLISHER, "key": "oude-sleutel-1"}
    )
    judgement = _judge(body)
    assert "oude-sleutel-1" in judgement.secrets
    assert "oude-sleutel-1" not in json.dumps(judgement.data)


def test_the_stored_graph_types_the_submitted_resource() -> None:
    judgement = _judge(real_example("voorbeeld-body.json"))
    included = judgement.enriched["@included"][0]
    assert included["@id"] == real_example("voorbeeld-body.json")["submittedResource"]
    assert "http://xmlns.com/foaf/0.1/Document" in included["@type"]
    assert (
        judgement.enriched["http://purl.org/dc/terms/created"]["@value"] == "2026-01-02T03:04:05Z"
    )


@pytest.mark.parametrize(("key", "name"), [("href", "href"), ("status", "status")])
def test_a_relative_iri_is_missing_or_invalid(key: str, name: str) -> None:
    # The real service reads the body without a base: a relative IRI's triple is dropped.
    judgement = _judge(real_example("voorbeeld-body.json", **{key: "notulen.html"}))
    assert judgement.answer.status == 400
    assert _title(judgement) == f'Invalid JSON-LD payload: property "{name}" is missing or invalid.'
