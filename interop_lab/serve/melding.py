"""Lokaal Beslist's submission API (``POST /melding``, "meldingsplicht"), as the lab plays it.

The real service is lblod/automatic-submission-service (app.js, jsonld-input.js, support.js; its
README documents the answers). It takes a JSON(-LD) body, adds what a minimal body leaves out (the
context, ``@type meb:Submission``, an ``@id``, a ``mu:uuid`` and the Concept status), converts it
to RDF and takes the first value of each property it needs from the triples; then it checks the
status, the vendor's key against the bestuurseenheid it submits for, and whether the resource was
submitted before. It answers 201 with the submission's IRI, or 400/401/409 with
``{"errors": [{"title": ...}]}``. The published document is downloaded afterwards, apart from the
answer: a document that cannot be fetched or read never changes the answer, only what follows.
The lab does the same, in the same order, with the same words (``judge``).
"""

from __future__ import annotations

import copy
import hmac
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from pyld.jsonld import JsonLdError

from interop_lab.payloads.json_text import JsonSyntaxError, parse_json
from interop_lab.payloads.jsonld import ContextSource, TooCostly, to_rdf
from interop_lab.serve.credentials import DocumentAccess, access_of, secrets_in, without_secrets
from interop_lab.serve.records import Answer, Fields, Refusal
from interop_lab.serve.stored import CONCEPT, SUBMITTABLE, enrich, first_value

JOBS = "http://data.lblod.info/id/automatic-submission-job/"

_KEY = "http://mu.semte.ch/vocabularies/account/key"
_VENDOR = "http://purl.org/pav/providedBy"
_ORGANISATION = "http://purl.org/pav/createdBy"
_SUBJECT = "http://purl.org/dc/terms/subject"
_STATUS = "http://www.w3.org/ns/adms#status"
_LOCATION = "http://www.w3.org/ns/prov#atLocation"

# The real service's words (README, "Error responses"), so a client's error handling is tested
# against what it will meet.
CONTENT_TYPE = "Content-Type not valid, only application/json or application/ld+json are accepted"
ARRAY = "Invalid JSON payload, expected an object but found array."
NOT_JSON = "Invalid JSON payload."
UNEXPECTED = (
    "Something unexpected happened while processing the auto-submission request. "
    "If this keeps occurring, please contact us at digitaalABB@vlaanderen.be."
)
STATUS_INVALID = "Some given properties are invalid:\nProperty status is not valid."
AUTH_FAILED = (
    "Authentication failed, vendor does not have access to the organization or does not exist. "
    "If this should not be the case, please contact us at digitaalABB@vlaanderen.be for login "
    "credentials."
)

# What the real service extracts, in its order, with the JSON key a body normally gives it by.
# ``href`` is the lab's addition: the real service takes it only when storing, and fails there.
_REQUIRED = (
    ("key", _KEY, "/publisher/key"),
    ("vendor", _VENDOR, "/publisher/uri"),
    ("organisation", _ORGANISATION, "/organization"),
    ("submittedResource", _SUBJECT, "/submittedResource"),
    ("href", _LOCATION, "/href"),
)
_JSON_TYPE = re.compile(r"application/(ld\+)?json")


@dataclass(frozen=True, slots=True)
class Registration:
    """The vendor as Lokaal Beslist registered it: URI, key, the bestuurseenheden it may act for."""

    publisher: str
    key: str = field(repr=False)
    organizations: frozenset[str]


@dataclass(slots=True)
class Judgement:
    """The answer to one submission and what the lab keeps of it (credentials removed)."""

    answer: Answer
    refusal: Refusal | None = None
    data: Any | None = None
    enriched: Any | None = None
    fields: Fields = field(default_factory=Fields)
    secrets: tuple[str, ...] = ()  # values to hide from every record of this request
    access: DocumentAccess | None = None  # how to fetch the published document, when accepted
    submission_iri: str | None = None
    job_iri: str | None = None


def judge(
    body: bytes,
    content_type: str | None,
    registration: Registration,
    contexts: ContextSource,
    first_submission_of: Callable[[str], bool],
    *,
    base: str,
    now: str,
) -> Judgement:
    """Judge one ``POST /melding`` as the real service does, step by step."""
    if not _JSON_TYPE.search(content_type or ""):
        return _refuse(400, CONTENT_TYPE, "content-type", f"Content-Type {content_type or '-'}")
    try:
        data, _ = parse_json(body)
    except JsonSyntaxError as error:
        return _refuse(400, NOT_JSON, "json", str(error))
    if isinstance(data, list):
        return _refuse(400, ARRAY, "array", "de body is een JSON-array, geen object")
    if not isinstance(data, dict):
        return _refuse(400, NOT_JSON, "json", "de body is geen JSON-object")
    secrets = (registration.key, *secrets_in(data))
    judgement = _judge_object(data, registration, contexts, first_submission_of, base, now)
    judgement.secrets = tuple(s for s in (*secrets, *judgement.secrets) if s)
    judgement.data = without_secrets(data, judgement.secrets)
    judgement.enriched = without_secrets(judgement.enriched, judgement.secrets)
    if judgement.refusal is not None:
        # A refusal's detail may quote the body (a JSON-LD error does): it goes on a scorecard.
        detail = without_secrets(judgement.refusal.detail, judgement.secrets)
        judgement.refusal = replace(judgement.refusal, detail=detail)
    return judgement


def _judge_object(
    data: dict[str, Any],
    registration: Registration,
    contexts: ContextSource,
    first_submission_of: Callable[[str], bool],
    base: str,
    now: str,
) -> Judgement:
    enriched = enrich(data, now)
    if not _authentication_complete(data):
        return _refuse(400, UNEXPECTED, "authentication", _INCOMPLETE_AUTHENTICATION)
    try:
        triples = to_rdf(copy.deepcopy(enriched), base=base, contexts=contexts).triples
    except (JsonLdError, TooCostly, RecursionError) as error:
        return _refuse(400, UNEXPECTED, "jsonld", f"geen verwerkbare JSON-LD: {error}"[:300])
    values = {name: first_value(triples, predicate) for name, predicate, _ in _REQUIRED}
    for name, _, pointer in _REQUIRED:
        # jsonld.js, without a base, drops a triple whose IRI is relative: the property is then
        # "missing or invalid" to the real service, wherever the lab's reader would resolve it.
        if name != "key" and _relative(data, pointer):
            values[name] = None
    access = access_of(triples)
    fields = Fields(
        href=values["href"],
        organization=values["organisation"],
        publisher=values["vendor"],
        key_given=values["key"] is not None,
        submitted_resource=values["submittedResource"],
        status=first_value(triples, _STATUS),
        scheme=access.scheme if access else None,
    )
    judgement = _verdict(fields, values, data, registration, access, first_submission_of)
    judgement.fields, judgement.enriched = fields, enriched
    # The key as sent, right or wrong, is a credential too (perhaps one for another service).
    judgement.secrets = (values["key"] or "", *(access.secrets if access else ()))
    if judgement.refusal is None:
        judgement.access = access
        judgement.submission_iri = str(enriched["@id"])
        judgement.job_iri = f"{JOBS}{uuid.uuid4()}"
        iri = judgement.submission_iri
        judgement.answer = Answer(201, {"uri": iri, "submission": iri, "job": judgement.job_iri})
    return judgement


def _verdict(
    fields: Fields,
    values: dict[str, str | None],
    data: dict[str, Any],
    registration: Registration,
    access: DocumentAccess | None,
    first_submission_of: Callable[[str], bool],
) -> Judgement:
    for name, _, pointer in _REQUIRED:
        if values[name] is None:
            title = f'Invalid JSON-LD payload: property "{name}" is missing or invalid.'
            return _refuse(400, title, "missing", _missing_detail(name, pointer, data), pointer)
    if _relative(data, "/status"):
        title = 'Invalid JSON-LD payload: property "status" is missing or invalid.'
        return _refuse(400, title, "missing", "/status is een relatieve IRI", "/status")
    if fields.status not in (CONCEPT, SUBMITTABLE):
        detail = f"status {fields.status} is noch Concept noch Inzendbaar"
        return _refuse(400, STATUS_INVALID, "status", detail, "/status")
    if not _authorised(values, registration):
        detail = _auth_detail(values, registration)
        return _refuse(401, AUTH_FAILED, "auth", detail, "/publisher")
    if access is not None and access.scheme is None:
        detail = "authentication.configuration.scheme is noch basic noch oauth2"
        return _refuse(400, UNEXPECTED, "authentication", detail, "/authentication")
    resource = str(values["submittedResource"])
    if not first_submission_of(resource):
        title = f"The given submittedResource <{resource}> has already been submitted."
        detail = f"{resource} werd eerder in deze sessie gemeld"
        return _refuse(409, title, "duplicate", detail, "/submittedResource")
    return Judgement(answer=Answer(201, {}))


_INCOMPLETE_AUTHENTICATION = (
    "authentication mist configuration of credentials (de echte dienst loopt daarop vast)"
)


def _authentication_complete(data: dict[str, Any]) -> bool:
    # The real service writes an @id into authentication.configuration and .credentials without
    # looking: one of them missing is an exception, answered as "something unexpected".
    authentication = data.get("authentication")
    if authentication is None:
        return True
    return isinstance(authentication, dict) and all(
        isinstance(authentication.get(part), dict) for part in ("configuration", "credentials")
    )


def _authorised(values: dict[str, str | None], registration: Registration) -> bool:
    key = (values["key"] or "").encode("utf-8")
    return (
        values["vendor"] == registration.publisher
        and hmac.compare_digest(key, registration.key.encode("utf-8"))
        and values["organisation"] in registration.organizations
    )


def _auth_detail(values: dict[str, str | None], registration: Registration) -> str:
    """Which of the three did not match, for the scorecard (the API itself never says)."""
    vendor = values["vendor"] or ""
    if vendor.startswith("_:"):
        return "publisher heeft geen uri: de leverancier is onbekend"
    if vendor != registration.publisher:
        return f"onbekende leverancier {vendor} (geregistreerd: {registration.publisher})"
    if values["organisation"] not in registration.organizations:
        return f"de leverancier mag niet melden voor {values['organisation']}"
    return "de sleutel (publisher.key) is niet die van de leverancier"


def _missing_detail(name: str, pointer: str, data: dict[str, Any]) -> str:
    if _at(data, pointer) is not _ABSENT:
        return (
            f"{pointer} staat in de JSON, maar de @context geeft het niet de betekenis die "
            f"Lokaal Beslist leest, dus ontbreekt '{name}'"
        )
    return f"{pointer} ontbreekt"


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_ABSENT = object()


def _at(data: dict[str, Any], pointer: str) -> Any:
    """The JSON value at ``pointer`` (objects only), or ``_ABSENT``."""
    current: Any = data
    for part in pointer.strip("/").split("/"):
        if not isinstance(current, dict) or part not in current:
            return _ABSENT
        current = current[part]
    return current


def _relative(data: dict[str, Any], pointer: str) -> bool:
    """Whether the body gives the value at ``pointer`` as a string that is no absolute IRI."""
    value = _at(data, pointer)
    return isinstance(value, str) and not _SCHEME.match(value)


def _refuse(
    status: int, title: str, kind: str, detail: str, pointer: str | None = None
) -> Judgement:
    return Judgement(
        answer=Answer(status, {"errors": [{"title": title}]}),
        refusal=Refusal(kind, detail, pointer),
    )
