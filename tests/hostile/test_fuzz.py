"""Property tests: any input to the profile loader or a payload reader gives a result or the
reader's own documented error, never another exception, and in bounded time.

Deterministic (``derandomize``): the same examples on every run, so a failure is reproducible;
an input that once broke a reader is kept as an explicit ``@example``.
"""

from __future__ import annotations

import html
import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from interop_lab.model.errors import Problem, ProfileError, UsageError
from interop_lab.payloads.json_text import MAX_DEPTH, JsonSyntaxError, parse_json
from interop_lab.payloads.jsonld import JsonLdError, to_rdf
from interop_lab.payloads.rdfa import RdfaError, RdfaPage, read_rdfa
from interop_lab.payloads.read import Payload, read_payload
from interop_lab.payloads.traced import TracedGraph
from interop_lab.profiles import VendorProfile, load_profile
from tests.mirror import oslo_mirror
from tests.profiles.conftest import MINIMAL, SUITES

# Far above what one example takes; a reader that loops or goes quadratic runs into it.
SECONDS_PER_INPUT = 5.0
URL = "http://vendor.test/feed?pagina=1"


def fuzz(examples: int) -> Callable[[Any], Any]:
    return settings(
        derandomize=True,
        max_examples=examples,
        deadline=None,  # timing is asserted by `bounded`, with room for a loaded CI machine
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@contextmanager
def bounded() -> Iterator[None]:
    started = time.monotonic()
    yield
    assert time.monotonic() - started < SECONDS_PER_INPUT


# --- the profile loader ------------------------------------------------------------------------

PROFILE_FIELDS = [
    "profile_version",
    "vendor",
    "product",
    "base_url",
    "auth",
    "claims",
    "limits",
    "hosts",
    "notify",
    "tls_verify",
    "municipalities",
    "name",
    "kbo",
    "contact",
    "release",
    "type",
    "token_env",
    "key_env",
    "header",
    "username_env",
    "password_env",
    "webhook",
    "secret_env",
    "standard",
    "endpoints",
    "level",
    "feed",
    "pages",
    "collection",
    "deadline_s",
    "request_timeout_s",
    "max_pages",
    "max_members",
    "max_body_mb",
    "requests_per_s",
    "max_requests",
    "token",
    "password",
]
PROFILE_WORDS = [
    "ipdc-lpdc",
    "besluit-publicatie",
    "ldes",
    "bearer",
    "basic",
    "api_key",
    "L3",
    "/feed",
    "//evil.test/x",
    "http://127.0.0.1:8801",
    "https://loket.voorbeeld.be/api",
    "javascript:alert(1)",
    "file:///etc/passwd",
    "VOORBEELD_TOKEN",
    "0123456789",
    "4.2.0",
    "interop@voorbeeld.be",
    "",
]
YAML_BITS = [
    "profile_version: 1\n",
    "claims:\n",
    "  - standard: ipdc-lpdc\n",
    "    endpoints: {feed: /f}\n",
    "&a ",
    "*a ",
    "<<: ",
    "!!python/object/apply:os.system ['true']",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "!!timestamp 2024-01-01",
    "? ",
    ": ",
    "- ",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "%TAG ! tag:x,2024:\n",
    "[",
    "]",
    "{",
    "}",
    "'",
    '"',
    "|\n",
    ">-\n",
    "\t",
    "  ",
    "\n",
    "# x\n",
    "\ufeff",
    "\x85",
    "\u2028",
    "1e999",
    ".nan",
    "0x1F",
    "0o17",
    "1_000",
    "~",
    "null",
    "yes",
]

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.sampled_from(PROFILE_WORDS)
    | st.text(max_size=12)
)
yaml_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(PROFILE_FIELDS) | st.text(max_size=8), children, max_size=5
        )
    ),
    max_leaves=30,
)
yaml_texts = st.lists(st.sampled_from(YAML_BITS) | st.text(max_size=6), max_size=30).map("".join)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "profiel.yaml"


def load(path: Path, raw: bytes) -> None:
    """The loader gives a profile or a ProfileError whose every problem names file and field."""
    path.write_bytes(raw)
    problems: list[Problem] = []
    with bounded():
        try:
            profile = load_profile(path, SUITES)
        except ProfileError as error:
            problems = error.problems or [Problem(str(path), None, "", "")]
        except UsageError:  # the loader's other documented way out (exit 2)
            return
    if not problems:
        assert isinstance(profile, VendorProfile)
    for problem in problems:
        assert problem.file == str(path)
        assert problem.field, "every problem names its field"
        assert problem.message, "and what is wrong"
        where = str(path) if problem.line is None else f"{path}:{problem.line}"
        assert str(problem) == f"{where}: {problem.field}: {problem.message}"
        assert "\n" not in str(problem), "one line per problem"


@fuzz(300)
@given(text=st.text(max_size=400) | yaml_texts)
@example(text=MINIMAL)
@example(text="a: &a [*a]\n")
@example(text="- &a\n- *a\n" * 3)
@example(text="x: !!binary aGVsbG8=\n")
@example(text="x: !!timestamp 2024-13-45\n")
@example(text="x: 1e999999\n")
@example(text="\ufeff\ufeff")
@example(text="{" * 200)
@example(text='"a\\nb": 1\nvendor: {"x\\u2028y": 1}\n')  # found: keys broke the one-line format
@example(text='profile_version: 1\nclaims: [{standard: "a\\nb", level: "L\\r9"}]\n')
@example(text='base_url: "http://h/\\nx"\n')  # found: urlsplit dropped the line break unseen
def test_profile_loader_on_any_text(scratch: Path, text: str) -> None:
    load(scratch, text.encode("utf-8", "surrogatepass"))


@fuzz(150)
@given(raw=st.binary(max_size=400))
@example(raw=b"\xff\xfe" + "profile_version: 1\n".encode("utf-16-le"))
@example(raw=b"profile_version: 1\n\x00")
@example(raw=b"\xed\xa0\x80")  # a UTF-8-encoded surrogate
def test_profile_loader_on_any_bytes(scratch: Path, raw: bytes) -> None:
    load(scratch, raw)


@fuzz(200)
@given(data=yaml_values)
def test_profile_loader_on_any_yaml_structure(scratch: Path, data: Any) -> None:
    load(scratch, yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*path, index))


VALID = yaml.safe_load(MINIMAL)
VALID_PATHS = [path for path in _paths(VALID) if path]


@fuzz(300)
@given(
    edits=st.lists(
        st.tuples(st.sampled_from(VALID_PATHS), st.none() | st.just("delete") | yaml_values),
        min_size=1,
        max_size=3,
    )
)
def test_profile_loader_on_a_valid_profile_with_values_replaced(
    scratch: Path, edits: list[tuple[tuple[Any, ...], Any]]
) -> None:
    data = json.loads(json.dumps(VALID))
    for path, value in edits:
        holder = data
        try:
            for step in path[:-1]:
                holder = holder[step]
            if value == "delete":
                del holder[path[-1]]
            else:
                holder[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed or replaced this place
    load(scratch, yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8"))


# --- the strict JSON reader --------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=30,
)
JSON_BITS = ["{", "}", "[", "]", ",", ":", '"', '"a"', "1", "-0", "1e400", "NaN", "-Infinity"]
JSON_BITS += ["true", "null", "\\u0000", "\\ud800", " ", "\ufeff", "\x00", "1.5", "0e"]
json_texts = st.lists(st.sampled_from(JSON_BITS) | st.text(max_size=4), max_size=40).map("".join)


def read_json(raw: bytes) -> Any:
    with bounded():
        reason: str | None = None
        try:
            data, problems = parse_json(raw)
        except JsonSyntaxError as error:
            reason = str(error)
            data, problems = None, []
    assert reason is None or reason.strip(), "the reason is given"
    assert all(problem.pointer == "" or problem.pointer.startswith("/") for problem in problems)
    return data


@fuzz(400)
@given(raw=st.binary(max_size=300) | json_texts.map(lambda text: text.encode("utf-8", "replace")))
@example(raw=b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1))
@example(raw=b"[" * 100_000)
@example(raw=b'{"a": 1e999}')
@example(raw=b'{"a": 1, "a": 2}')
@example(raw=b'"\\ud800"')
@example(raw=b"\xef\xbb\xbf\xef\xbb\xbf{}")
def test_json_reader_on_any_bytes(raw: bytes) -> None:
    read_json(raw)


@fuzz(200)
@given(value=json_values)
def test_json_reader_reads_whatever_json_writes(value: Any) -> None:
    raw = json.dumps(value).encode("utf-8")
    assert read_json(raw) == json.loads(raw), "valid JSON is never refused"


# --- JSON-LD to RDF, with pinned contexts only --------------------------------------------------

INLINE_CONTEXT_URL = "https://pinned.test/context.jsonld"
INLINE_CONTEXT = {
    "@context": {
        "@version": 1.1,
        "ex": "http://ex.test/",
        "naam": {"@id": "ex:naam", "@language": "nl"},
        "link": {"@id": "ex:link", "@type": "@id"},
        "lijst": {"@id": "ex:lijst", "@container": "@list"},
        "beschermd": {"@id": "ex:beschermd", "@protected": True},
        "json": {"@id": "ex:json", "@type": "@json"},
    }
}
IPDC_CONTEXT_URL = "http://ipdc-stub/ipdc-lpdc-im.jsonld"
UNPINNED_URL = "https://not-pinned.test/context.jsonld"


@pytest.fixture(scope="module")
def contexts() -> Callable[[str], Any | None]:
    mirror = oslo_mirror()
    index = json.loads((mirror / "index.json").read_text("utf-8"))["artefacts"]
    pinned = {INLINE_CONTEXT_URL: INLINE_CONTEXT}
    entry = index[IPDC_CONTEXT_URL]
    pinned[IPDC_CONTEXT_URL] = json.loads((mirror / entry["path"]).read_text("utf-8"))
    return Contexts(pinned)


class Contexts:
    """The pinned contexts as a ContextSource, with a short repr for Hypothesis' reports."""

    def __init__(self, pinned: dict[str, Any]) -> None:
        self._pinned = pinned

    def __call__(self, url: str) -> Any | None:
        return self._pinned.get(url)

    def __repr__(self) -> str:
        return f"Contexts({sorted(self._pinned)})"


KEYWORDS = [
    "@context",
    "@id",
    "@type",
    "@graph",
    "@list",
    "@set",
    "@value",
    "@language",
    "@direction",
    "@index",
    "@reverse",
    "@nest",
    "@included",
    "@json",
    "@none",
    "@vocab",
    "@base",
    "@import",
    "@protected",
    "@propagate",
    "@version",
    "@container",
    "@prefix",
]
TERMS = ["naam", "link", "lijst", "beschermd", "json", "ex:a", "ex", "Instantie", "titel"]
TERMS += ["http://ex.test/p", "_:b0", "", "@", "@ignored", "a:b:c"]
LD_STRINGS = [
    "http://ex.test/a",
    "ex:b",
    "_:b1",
    "../relatief",
    "#frag",
    "nl",
    "en-BE",
    "ltr",
    "@id",
    "@vocab",
    "@json",
    "@list",
    "http://www.w3.org/2001/XMLSchema#integer",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON",
    INLINE_CONTEXT_URL,
    IPDC_CONTEXT_URL,
    UNPINNED_URL,
    "",
]
ld_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(LD_STRINGS)
    | st.text(max_size=8)
)
ld_keys = st.sampled_from(KEYWORDS) | st.sampled_from(TERMS) | st.text(max_size=5)
ld_values = st.recursive(
    ld_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(ld_keys, children, max_size=5)
    ),
    max_leaves=30,
)
ld_contexts = st.sampled_from([INLINE_CONTEXT_URL, IPDC_CONTEXT_URL, UNPINNED_URL]) | ld_values
ld_documents = st.builds(
    lambda context, body: body if context is None else {"@context": context, **body},
    st.none() | ld_contexts,
    st.dictionaries(ld_keys, ld_values, max_size=6),
) | st.lists(ld_values, max_size=3)


def to_rdf_or_error(data: Any, contexts: Callable[[str], Any | None]) -> None:
    with bounded():
        try:
            graph = to_rdf(data, base=URL, contexts=contexts)
        except JsonLdError:
            return
    assert isinstance(graph, TracedGraph)
    assert UNPINNED_URL not in graph.contexts, "an unpinned context is never used"


@fuzz(400)
@given(document=ld_documents)
@example(document={"@context": UNPINNED_URL, "naam": "x"})
@example(document={"@context": {"@import": INLINE_CONTEXT_URL}, "naam": "x"})
@example(document={"@context": [INLINE_CONTEXT_URL, {"beschermd": "ex:ander"}]})
@example(document={"@context": IPDC_CONTEXT_URL, "@graph": [{"@id": "_:b0", "@type": "x"}]})
@example(document={"@context": {"@vocab": "http://ex.test/"}, "@reverse": {"p": {"@id": "x"}}})
@example(document={"@context": INLINE_CONTEXT_URL, "json": {"a": [1, {"b": None}]}})
@example(document={"@context": {"@version": 1.0}})
@example(document={"_:b0": False})  # found: KeyError 'produceGeneralizedRdf'
@example(document={"@context": {"@vocab": None}})  # found: KeyError '@vocab' inside pyld
@example(document={"@context": {"@language": None}})  # found: KeyError '@language' inside pyld
@example(document={"@context": {"@prefix": None}})  # found: pyld's SyntaxWarning under -W error
def test_json_ld_to_rdf_on_any_document(
    contexts: Callable[[str], Any | None], document: Any
) -> None:
    to_rdf_or_error(document, contexts)


@fuzz(300)
@given(raw=st.binary(max_size=300) | json_texts.map(lambda text: text.encode("utf-8", "replace")))
@example(raw=b'{"@context": "https://not-pinned.test/context.jsonld", "naam": "x"}')
@example(raw=b'{"@context": {"a": {"@id": "a", "@context": ' * 300 + b"}" * 601)
def test_json_ld_payload_on_any_bytes(contexts: Callable[[str], Any | None], raw: bytes) -> None:
    read(raw, "application/ld+json", contexts)


@fuzz(200)
@given(document=ld_documents)
@example(document={"@context": {"@vocab": None}})
@example(document={"@context": {"@language": None}})
@example(document={"_:b0": False})
def test_json_ld_payload_on_any_document(
    contexts: Callable[[str], Any | None], document: Any
) -> None:
    raw = json.dumps(document).encode("utf-8")
    payload = read(raw, "application/ld+json", contexts)
    assert payload.json_problems == [] or payload.error is None


def read(raw: bytes, media_type: str | None, contexts: Callable[[str], Any | None]) -> Payload:
    """read_payload documents it never raises on vendor data: a Payload, with or without error."""
    with bounded():
        payload = read_payload(raw, url=URL, media_type=media_type, contexts=contexts)
    assert isinstance(payload, Payload)
    assert payload.error is None or payload.error.strip()
    return payload


# --- Turtle, N-Triples, N-Quads ----------------------------------------------------------------

TURTLE_BITS = [
    "@prefix ex: <http://ex.test/> .\n",
    "@base <http://ex.test/> .\n",
    "PREFIX ex: <http://ex.test/>\n",
    "BASE <../>\n",
    "ex:a",
    "ex:",
    "<http://ex.test/a>",
    "<a>",
    "<>",
    "< >",
    '"x"',
    '"""x\ny"""',
    "'x'",
    "^^",
    "ex:type",
    "@nl",
    "@",
    ".",
    ";",
    ",",
    "[",
    "]",
    "(",
    ")",
    "a",
    "true",
    "1.5e3",
    "-0",
    "_:b",
    "<<",
    ">>",
    "{",
    "}",
    "GRAPH",
    "\\u0000",
    "\\U0010FFFF",
    "#",
    "\n",
    " ",
    "\x00",
]
turtle_texts = st.lists(st.sampled_from(TURTLE_BITS) | st.text(max_size=4), max_size=50).map(
    " ".join
)
RDF_TEXT_TYPES = ["text/turtle", "application/n-triples", "application/n-quads"]


@fuzz(250)
@given(
    raw=st.binary(max_size=300) | turtle_texts.map(lambda text: text.encode("utf-8", "replace")),
    media_type=st.sampled_from(RDF_TEXT_TYPES),
)
@example(raw=b"(" * 5000 + b")" * 5000, media_type="text/turtle")
@example(raw=b"[ ex:p " * 2000, media_type="text/turtle")
@example(raw=b'<a> <b> "x"^^<http://www.w3.org/2001/XMLSchema#int> .', media_type="text/turtle")
@example(raw=b"<a> <b> <c> <d> .\n", media_type="application/n-quads")
def test_rdf_text_payload_on_any_bytes(
    contexts: Callable[[str], Any | None], raw: bytes, media_type: str
) -> None:
    read(raw, media_type, contexts)


# --- HTML + RDFa --------------------------------------------------------------------------------

RDFA_ATTRIBUTES = [
    "about",
    "resource",
    "href",
    "src",
    "property",
    "rel",
    "rev",
    "typeof",
    "content",
    "datatype",
    "prefix",
    "vocab",
    "inlist",
    "lang",
    "xml:lang",
    "datetime",
    "id",
]
RDFA_VALUES = [
    "http://ex.test/a",
    "ex:a",
    "ex: http://ex.test/",
    "besluit: http://data.vlaanderen.be/ns/besluit#",
    "besluit:Besluit",
    "[ex:a]",
    "_:b",
    "#x",
    "../y",
    "",
    "xsd:date",
    "rdf:XMLLiteral",
    "rdf:HTML",
    "2024-05-27",
    "javascript:alert(1)",
    "http://[::1",
    "http://ex.test/%zz",
    "nl",
]
TAGS = ["div", "span", "a", "p", "time", "html", "head", "body", "meta", "link", "img", "script"]
TAGS += ["svg", "math", "table", "li", "base", "template"]


def _element(tag: str, attributes: dict[str, str], children: list[str]) -> str:
    rendered = "".join(f' {name}="{html.escape(value)}"' for name, value in attributes.items())
    return f"<{tag}{rendered}>{''.join(children)}</{tag}>"


html_text = st.text(max_size=8).map(html.escape)
html_nodes = st.recursive(
    html_text,
    lambda children: st.builds(
        _element,
        st.sampled_from(TAGS),
        st.dictionaries(
            st.sampled_from(RDFA_ATTRIBUTES),
            st.sampled_from(RDFA_VALUES) | st.text(max_size=8),
            max_size=4,
        ),
        st.lists(children, max_size=3),
    ),
    max_leaves=20,
)
html_pages = st.builds(
    lambda doctype, nodes: doctype + "<html><body>" + "".join(nodes) + "</body></html>",
    st.sampled_from(["", "<!DOCTYPE html>", '<?xml version="1.0"?>']),
    st.lists(html_nodes, max_size=4),
)


def rdfa_or_error(raw: bytes, media_type: str | None) -> None:
    with bounded():
        try:
            page: RdfaPage | None = read_rdfa(raw, base=URL, media_type=media_type)
        except RdfaError as error:
            page, reason = None, str(error)
    if page is None:
        assert reason.strip(), "the reason is given"
        return
    assert isinstance(page, RdfaPage)
    assert all(path.startswith("/") for path in page.graph.node_pointers.values())


@fuzz(100)
@given(
    raw=st.binary(max_size=300).map(lambda body: b"<html>" + body),
    media_type=st.sampled_from([None, "text/html", "application/xhtml+xml"]),
)
@example(raw=b"<div>" * 5000, media_type="text/html")
@example(raw=b"<!-- alleen commentaar -->", media_type="text/html")
@example(
    raw=b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    media_type="application/xhtml+xml",
)
def test_rdfa_reader_on_any_bytes(raw: bytes, media_type: str | None) -> None:
    rdfa_or_error(raw, media_type)


@fuzz(150)
@given(
    page=html_pages,
    media_type=st.sampled_from([None, "text/html", "application/xhtml+xml"]),
)
@example(page='<div about="http://[::1" property="ex:p">x</div>', media_type=None)
@example(page='<p vocab="http://ex.test/" property="naam">x</p>', media_type=None)
@example(
    page='<span prefix="ex: http://ex.test/" property="ex:p" datatype="rdf:XMLLiteral">'
    "<b>x</b></span>",
    media_type=None,
)
def test_rdfa_reader_on_any_page(page: str, media_type: str | None) -> None:
    rdfa_or_error(page.encode("utf-8", "surrogatepass"), media_type)


# --- whatever the media type says --------------------------------------------------------------


@fuzz(200)
@given(
    raw=st.binary(max_size=200)
    | json_texts.map(str.encode)
    | turtle_texts.map(str.encode)
    | html_pages.map(str.encode),
    media_type=st.none()
    | st.sampled_from(["text/html", "text/plain", "application/json", *RDF_TEXT_TYPES])
    | st.text(max_size=10),
)
def test_any_payload_is_read_or_explained(
    contexts: Callable[[str], Any | None], raw: bytes, media_type: str | None
) -> None:
    read(raw, media_type, contexts)
