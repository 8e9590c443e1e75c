"""REST practice checks over probe answers: content negotiation, problem+json, dereferencing."""

from __future__ import annotations

from typing import Any

import pytest

from interop_lab.checks import rest
from interop_lab.crawl import Page
from interop_lab.model.errors import CantTell, Failure
from tests.checks.answers import answer, described, failure

ITEM = "http://v.test/v2/adressen/1"
ID = "http://v.test/id/adres/1"
PROBLEM = {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "onbekend"}


def failed(check: Any, *args: Any, **options: Any) -> Failure:
    with pytest.raises(Failure) as caught:
        check(*args, **options)
    return caught.value


def test_answer_in_the_asked_json_passes() -> None:
    rest.answers_as(
        [answer(ITEM, {"naam": "x"}, content_type="application/json")],
        "application/json",
        with_context=False,
    )


def test_answer_in_another_media_type_fails() -> None:
    page = answer(ITEM, described(ID))

    error = failed(rest.answers_as, [page], "application/json", with_context=False)

    assert error.description == (
        "de server antwoordt niet in application/json als daarom gevraagd wordt; verwacht: "
        "HTTP 200, Content-Type application/json; ontvangen: "
        f"{ITEM}: HTTP 200, application/ld+json"
    )


def test_jsonld_without_context_fails() -> None:
    page = answer(ITEM, {"@id": ID}, content_type="application/ld+json")

    error = failed(rest.answers_as, [page], "application/ld+json", with_context=True)

    assert error.received == f"{ITEM}: JSON zonder @context"
    assert "met @context" in (error.expected or "")


def test_answer_that_is_no_json_object_fails() -> None:
    page = answer(ITEM, ["geen", "object"], content_type="application/json")

    error = failed(rest.answers_as, [page], "application/json", with_context=False)

    assert error.received == f"{ITEM}: geen JSON-object"


def test_no_probe_answers_cannot_be_told() -> None:
    with pytest.raises(CantTell):
        rest.answers_as([], "application/json", with_context=False)


@pytest.mark.parametrize(
    "page",
    [
        answer(ITEM, PROBLEM, status=406, content_type="application/problem+json"),
        answer(ITEM, described(ID)),
    ],
    ids=["406", "default"],
)
def test_unsupported_accept_refused_or_defaulted_passes(page: Page) -> None:
    rest.refuses_or_defaults([page], ["application/ld+json"])


def test_unsupported_accept_answered_otherwise_fails() -> None:
    page = answer(ITEM, PROBLEM, status=500, content_type="application/problem+json")

    error = failed(rest.refuses_or_defaults, [page], ["application/ld+json"])

    assert error.description == (
        "een niet-ondersteund mediatype wordt niet correct geweigerd; verwacht: HTTP 406, of "
        "HTTP 200 in het standaardformaat (application/ld+json); ontvangen: "
        f"{ITEM}: HTTP 500, application/problem+json"
    )


def test_problem_details_pass() -> None:
    page = answer(ITEM, PROBLEM, status=404, content_type="application/problem+json")

    rest.problem_details([page], 404)


@pytest.mark.parametrize(
    ("page", "received"),
    [
        (answer(ITEM, status=404, content_type="text/html"), "HTTP 404, text/html"),
        (answer(ITEM, described(ID)), "HTTP 200, application/ld+json"),
        (
            answer(ITEM, {"detail": "weg"}, status=404, content_type="application/problem+json"),
            "application/problem+json zonder type, title, status",
        ),
        (
            answer(
                ITEM,
                {**PROBLEM, "status": 400},
                status=404,
                content_type="application/problem+json",
            ),
            "status 400 in het antwoord, HTTP 404",
        ),
    ],
    ids=["html", "found", "members", "status"],
)
def test_error_not_as_problem_details_fails(page: Page, received: str) -> None:
    error = failed(rest.problem_details, [page], 404)

    assert error.description.startswith(
        "een fout wordt niet gemeld als problem+json (RFC 9457); verwacht: HTTP 404, Content-Type "
        "application/problem+json, met type, title en status 404; ontvangen: "
    )
    assert error.received == f"{ITEM}: {received}"


def test_ids_that_describe_themselves_pass() -> None:
    rest.dereferences([answer(ID, described(ID))])


@pytest.mark.parametrize(
    ("page", "received"),
    [
        (answer(ID, status=404), "HTTP 404"),
        (answer(ID, described(ITEM)), f"beschrijft {ID} niet"),
    ],
    ids=["404", "other"],
)
def test_id_that_does_not_answer_with_itself_fails(page: Page, received: str) -> None:
    error = failed(rest.dereferences, [page])

    assert error.description == (
        "niet elke @id is opvraagbaar; verwacht: elke @id antwoordt (na doorverwijzing) met een "
        f"document over zichzelf; ontvangen: {ID}: {received}"
    )


def test_ids_outside_the_profile_hosts_cannot_be_told() -> None:
    page = failure(ID, "host-not-allowed", "host v.test staat niet in het profiel")

    with pytest.raises(CantTell, match="voeg hun host toe"):
        rest.dereferences([page])
