"""download(url): the bytes over the lab's HTTP path, or an ArtefactError that says the fix."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from interop_lab.artefacts.download import download
from interop_lab.model.errors import ArtefactError

if TYPE_CHECKING:
    from tests.loopback import StaticServer

SHAPES = b"@prefix sh: <http://www.w3.org/ns/shacl#> .\n"


def test_ok_answer_gives_the_bytes(static_server: StaticServer) -> None:
    url = static_server.answer("/shacl/shapes.ttl", 200, SHAPES)

    assert download(url) == SHAPES
    assert static_server.hits["/shacl/shapes.ttl"] == 1


def test_not_found_names_the_url_and_the_fix(static_server: StaticServer) -> None:
    url = static_server.url("/shacl/weg.ttl")

    with pytest.raises(ArtefactError) as raised:
        download(url)

    message = str(raised.value)
    assert message.startswith(f"{url}: artefact unreachable (HTTP 404)")
    assert "INTEROP_LAB_ARTEFACTS" in message
    assert "index.json lists this URL" in message
    assert static_server.hits["/shacl/weg.ttl"] == 1  # a 404 is an answer, not retried


def test_connection_refused_is_an_artefact_error(closed_port: int) -> None:
    url = f"http://127.0.0.1:{closed_port}/context.jsonld"

    with pytest.raises(ArtefactError) as raised:
        download(url)

    message = str(raised.value)
    assert message.startswith(f"{url}: artefact unreachable (")
    assert "HTTP" not in message.split("(", 1)[1].split(")", 1)[0]
    assert "INTEROP_LAB_ARTEFACTS" in message
