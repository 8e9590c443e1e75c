"""HTML+RDFa reading: triples against the page URL, element paths, warnings, never a fetch or a
crash, and the dispatch from read_payload."""

from __future__ import annotations

import pytest
from pyRdfa import pyRdfa
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from interop_lab.payloads.rdfa import RdfaError, read_rdfa
from interop_lab.payloads.read import RDFA, TURTLE, read_payload, sniff_syntax
from tests.e2e.support import StaticSite

PAGE = "http://gemeente.test/zittingen/1/notulen.html"
BESLUIT = "http://data.vlaanderen.be/ns/besluit#"
HTML = b"""<!DOCTYPE html>
<html lang="nl" prefix="besluit: http://data.vlaanderen.be/ns/besluit#">
<body>
  <div resource="#zitting" typeof="besluit:Zitting">
    <span property="besluit:geplandeStart" datatype="xsd:dateTime"
          content="2024-05-27T20:00:00+02:00">27 mei</span>
  </div>
</body>
</html>"""


def _no_context(url: str) -> None:
    return None


def test_triples_are_resolved_against_the_page_url_with_the_element_path() -> None:
    page = read_rdfa(HTML, base=PAGE)

    zitting = URIRef(PAGE + "#zitting")
    start = Literal("2024-05-27T20:00:00+02:00", datatype=XSD.dateTime)
    assert (zitting, URIRef(BESLUIT + "geplandeStart"), start) in page.graph.triples
    assert page.graph.node_pointers[zitting] == "/html/body/div"
    assert page.warnings == ()


def test_an_undeclared_prefix_is_a_warning_naming_it() -> None:
    body = b'<html><body><div about="#z" typeof="onbekend:Zitting">x</div></body></html>'

    page = read_rdfa(body, base=PAGE)

    assert any("onbekend:Zitting" in warning for warning in page.warnings)


def test_xhtml_is_read_too() -> None:
    page = read_rdfa(HTML, base=PAGE, media_type="application/xhtml+xml")

    assert len(page.graph.triples) == 2


def test_a_processor_crash_is_an_error_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*args: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pyRdfa, "graph_from_DOM", crash)

    with pytest.raises(RdfaError, match=r"^geen verwerkbare HTML\+RDFa: RecursionError: maximum"):
        read_rdfa(HTML, base=PAGE)


def test_a_page_without_any_element_is_an_error_in_dutch() -> None:
    with pytest.raises(RdfaError, match="geen HTML"):
        read_rdfa(b"<!-- alleen commentaar -->", base=PAGE)


@pytest.mark.parametrize(
    "body",
    [
        b"<html>" + bytes(range(256)) * 50,
        b"<div>" * 100_000 + b'<span property="dct:title">diep</span>',
        b'<html><body about="http://[::1" property="dct:title">x</body></html>',
        b'<html><body about="' + b"a" * 1_000_000 + b'" property="dct:title">x</body></html>',
        b"<html><body>\x00\x00<div typeof=\xff\xfe>\x00</div></body></html>",
        b"<!DOCTYPE html><html><body><p>nog niet af",
    ],
    ids=["binary", "deep", "bad-iri", "huge-attribute", "nul-bytes", "truncated"],
)
def test_garbage_is_a_finding_never_a_crash(body: bytes) -> None:
    payload = read_payload(body, url=PAGE, media_type="text/html", contexts=_no_context)

    assert payload.syntax == RDFA
    assert payload.error is None or payload.error.startswith("geen")


def test_reading_never_fetches_anything() -> None:
    with StaticSite(lambda path: (200, "text/html", b"<html></html>")) as site:
        base = site.base_url
        body = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML+RDFa 1.0//EN" "{base}/dtd">
<html version="XHTML+RDFa 1.0" vocab="{base}/vocab#" profile="{base}/profile"
      prefix="ex: {base}/ex#" xmlns:oud="{base}/oud#">
<head><base href="{base}/base/"><link rel="stylesheet" href="{base}/css">
<script src="{base}/js"></script></head>
<body><div about="{base}/ding" typeof="Ding" property="naam">x</div>
<img src="{base}/img"><iframe src="{base}/frame"></iframe>
<div rel="ex:ziet" resource="{base}/ander" typeof="ex:Ding"></div></body></html>"""
        for media_type in ("text/html", "application/xhtml+xml"):
            read_payload(
                body.encode(), url=f"{base}/pagina", media_type=media_type, contexts=_no_context
            )
        requests = list(site.requests)

    assert requests == []


@pytest.mark.parametrize(
    ("media_type", "start", "syntax"),
    [
        ("text/html", b"<!DOCTYPE html>", RDFA),
        ("text/html", b"<html lang='nl'>", RDFA),
        ("text/plain", b"<div>", RDFA),
        (None, b"\xef\xbb\xbf  <?xml version='1.0'?>", RDFA),
        ("text/html", b"<http://ex.test/s> <http://ex.test/p>", TURTLE),
    ],
)
def test_markup_is_read_as_rdfa_whatever_the_media_type(
    media_type: str | None, start: bytes, syntax: str
) -> None:
    assert sniff_syntax(media_type, start + b" rest") == syntax


def test_read_payload_keeps_the_rdfa_warnings_and_the_error() -> None:
    body = b'<html><body><div about="#z" typeof="onbekend:Zitting">x</div></body></html>'

    warned = read_payload(body, url=PAGE, media_type="text/html", contexts=_no_context)
    empty = read_payload(b"<!-- niets -->", url=PAGE, media_type="text/html", contexts=_no_context)

    assert warned.error is None
    assert any("onbekend:Zitting" in warning for warning in warned.rdfa_warnings)
    assert empty.error == "geen HTML: het document bevat geen enkel element"
