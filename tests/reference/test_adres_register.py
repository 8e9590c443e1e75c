"""The reference address register over HTTP: pages, items, redirects, content negotiation,
problem+json, and what each defect switch changes (nothing else)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from interop_lab.reference import ReferenceVendor
from interop_lab.reference.adres_defects import ADRES_DEFECTS
from interop_lab.reference.adres_register import LIST_PATH, AdresRegister
from interop_lab.reference.adres_site import negotiate

DAMAGED = "/v2/adressen/100006"  # the first address of the second page (page size 5)
SECOND_PAGE = f"{LIST_PATH}?offset=5&limit=5"


@contextmanager
def serving(*defects: str) -> Iterator[httpx.Client]:
    register = AdresRegister(addresses=12, page_size=5, defects=defects)
    with ReferenceVendor(register) as vendor, httpx.Client(base_url=vendor.base_url) as client:
        yield client


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with serving() as served:
        yield served


def json_of(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        ("", "application/ld+json"),
        ("*/*", "application/ld+json"),
        ("application/json", "application/json"),
        ("application/*", "application/ld+json"),
        ("application/ld+json;q=0.5, application/json", "application/json"),
        ("application/ld+json, text/turtle;q=0.9, */*;q=0.1", "application/ld+json"),
        ("text/html", None),
        ("application/json;q=0", None),
    ],
)
def test_negotiation(accept: str, chosen: str | None) -> None:
    assert negotiate(accept, frozenset()) == chosen


def test_list_pages_chain_to_the_last(client: httpx.Client) -> None:
    pages = [json_of(client.get(LIST_PATH))]
    while "volgende" in pages[-1]:
        pages.append(json_of(client.get(pages[-1]["volgende"])))

    assert [len(page["adressen"]) for page in pages] == [5, 5, 2]
    assert pages[0]["@context"].endswith("/adres/2023-02-28/adres_lijst.jsonld")


def test_an_address_is_its_detail_and_its_id_redirects_there(client: httpx.Client) -> None:
    entry = json_of(client.get(LIST_PATH))["adressen"][0]
    item = json_of(client.get(entry["detail"]))
    redirect = client.get(entry["identificator"]["id"])

    assert item["@id"] == entry["identificator"]["id"]
    assert item["@type"] == "BelgischAdres"
    assert item["BelgischAdres.huisnummer"] == {"@value": entry["huisnummer"]}
    assert (redirect.status_code, redirect.headers["location"]) == (303, entry["detail"])


def test_json_is_the_same_document_without_its_context(client: httpx.Client) -> None:
    as_jsonld = json_of(client.get(DAMAGED))
    as_json = client.get(DAMAGED, headers={"Accept": "application/json"})

    assert as_json.headers["content-type"] == "application/json"
    assert as_json.json() == {k: v for k, v in as_jsonld.items() if k != "@context"}
    assert as_jsonld["@context"] in as_json.headers["link"]


@pytest.mark.parametrize(
    ("path", "accept", "status"),
    [
        ("/v2/adressen/999999999", "application/ld+json", 404),
        ("/elders", "application/ld+json", 404),
        (f"{LIST_PATH}?offset=3", "application/ld+json", 404),
        (DAMAGED, "text/html", 406),
    ],
)
def test_errors_are_problem_details(
    client: httpx.Client, path: str, accept: str, status: int
) -> None:
    response = client.get(path, headers={"Accept": accept})

    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == status


def test_answers_are_cacheable(client: httpx.Client) -> None:
    response = client.get(DAMAGED)

    assert "max-age" in response.headers["cache-control"]
    assert (
        client.get(DAMAGED, headers={"If-None-Match": response.headers["etag"]}).status_code == 304
    )


def test_same_parameters_give_the_same_bytes() -> None:
    one, two = AdresRegister(addresses=3), AdresRegister(addresses=3)

    assert one.item(2, "http://v.test") == two.item(2, "http://v.test")
    assert one.item(2, "http://v.test") != AdresRegister(addresses=3, seed=1).item(
        2, "http://v.test"
    )


def test_unknown_defects_and_empty_registers_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown defect"):
        AdresRegister(defects=["bestaat-niet"])
    with pytest.raises(ValueError, match="addresses"):
        AdresRegister(addresses=0)


def test_data_defects_hit_one_address_only() -> None:
    register = AdresRegister(
        addresses=12, page_size=5, defects=["missing-postinfo", "wrong-datatype", "undefined-key"]
    )
    damaged, healthy = register.item(5, "http://v.test"), register.item(6, "http://v.test")

    assert "BelgischAdres.heeftPostinfo" not in damaged
    assert damaged["BelgischAdres.officieelToegekend"]["@value"] == "ja"
    assert "opmerkingIntern" in damaged
    assert "BelgischAdres.heeftPostinfo" in healthy
    assert "opmerkingIntern" not in healthy


@pytest.mark.parametrize(("defect", "status"), [("page-404", 404), ("page-500", 500)])
def test_second_page_fails_with_status(defect: str, status: int) -> None:
    with serving(defect) as client:
        assert client.get(SECOND_PAGE).status_code == status
        assert client.get(LIST_PATH).status_code == 200


def test_paging_loop_points_the_last_page_back_to_the_first() -> None:
    with serving("paging-loop") as client:
        last = json_of(client.get(f"{LIST_PATH}?offset=10&limit=5"))
        assert last["volgende"] == f"{client.base_url}{LIST_PATH}"


def test_never_answers_hangs_the_second_page_only() -> None:
    with serving("never-answers") as client:
        assert client.get(LIST_PATH).status_code == 200
        with pytest.raises(httpx.TimeoutException):
            client.get(SECOND_PAGE, timeout=0.3)


@pytest.mark.parametrize(
    ("defect", "path", "accept", "status", "content_type"),
    [
        ("wrong-content-type", DAMAGED, "application/ld+json", 200, "text/plain; charset=utf-8"),
        ("no-negotiation", DAMAGED, "application/json", 200, "application/ld+json"),
        ("plain-404", "/v2/adressen/999999999", "*/*", 404, "text/html; charset=utf-8"),
        ("id-not-dereferenceable", "/id/adres/100001", "*/*", 404, "application/problem+json"),
    ],
)
def test_http_defects(defect: str, path: str, accept: str, status: int, content_type: str) -> None:
    with serving(defect) as client:
        response = client.get(path, headers={"Accept": accept})
        assert (response.status_code, response.headers["content-type"]) == (status, content_type)


def test_every_defect_is_documented_and_tested_here() -> None:
    tested = {
        "missing-postinfo",
        "wrong-datatype",
        "undefined-key",
        "page-404",
        "page-500",
        "paging-loop",
        "never-answers",
        "wrong-content-type",
        "no-negotiation",
        "plain-404",
        "id-not-dereferenceable",
    }
    assert set(ADRES_DEFECTS) == tested
