"""Diagnoses of JSON artefacts: syntax, and JSON-LD contexts as the lab's processor reads them.

Contexts are processed by pyld exactly as a run processes them (``payloads.jsonld.to_rdf``),
offline: a context that refers to another remote context gets an empty one, as in a run.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from typing import Any

from interop_lab.artefacts.findings import Diagnosis, Finding, listing, suspicious_iris
from interop_lab.payloads.jsonld import ContextSource, JsonLdError, to_rdf

PROBE_ID = "urn:interop-lab:probe"
_UNREADABLE = "every payload using this context is unreadable as JSON-LD"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"


def _offline(_url: str) -> None:
    return None


def diagnose_json(text: str, url: str) -> Diagnosis:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        return Diagnosis("JSON that does not parse", (_not_json(error),))
    except RecursionError:
        return Diagnosis("JSON nested too deep to read")
    if isinstance(document, dict) and "@context" in document:
        kind = "JSON-LD context" if len(document) == 1 else "JSON-LD document (context checked)"
        return Diagnosis(kind, tuple(context_findings(document["@context"], url)))
    if isinstance(document, dict) and _is_bare_context(document, url):
        findings = [_bare(document), *context_findings(document, url)]
        return Diagnosis('JSON-LD context without its "@context" wrapper', tuple(findings))
    return Diagnosis("JSON, not a JSON-LD context")


def context_findings(context: Any, url: str) -> list[Finding]:
    """What is wrong with the value of a context's ``@context`` (an object or a list of them)."""
    parts = [
        p for p in (context if isinstance(context, list) else [context]) if isinstance(p, dict)
    ]
    findings = [finding for part in parts for finding in _rejection(part, url)]
    findings += suspicious_iris(
        [pair for part in parts for pair in _term_iris(part)], "term IRI(s)"
    )
    return findings + _coercions([pair for part in parts for pair in _term_types(part)])


def processing_error(context: dict[str, Any], base: str) -> str | None:
    """Why pyld rejects the context (its error code and message), or None when it accepts it."""
    try:
        to_rdf({"@context": context, "@id": PROBE_ID}, base=base, contexts=_offline)
    except JsonLdError as error:
        return _reason(error)
    except RecursionError:
        return "context nested too deep to process"
    return None


def rejected_terms(context: dict[str, Any], base: str) -> dict[str, str] | None:
    """The terms that make pyld reject the context, each with pyld's reason.

    Empty when pyld accepts the context; None when no set of single terms is to blame. Each term
    is first processed alone (with the context's keywords such as ``@vocab``), then the suspects
    again with all the other terms, as a term may rely on a prefix another term defines.
    """
    if processing_error(context, base) is None:
        return {}
    keywords = {key: value for key, value in context.items() if key.startswith("@")}
    suspects = [
        term
        for term, definition in context.items()
        if not term.startswith("@") and processing_error({**keywords, term: definition}, base)
    ]
    rest = {key: value for key, value in context.items() if key not in suspects}
    if processing_error(rest, base) is not None:
        return None
    reasons = {term: processing_error({**rest, term: context[term]}, base) for term in suspects}
    return {term: reason for term, reason in reasons.items() if reason is not None}


def _rejection(context: dict[str, Any], url: str) -> list[Finding]:
    terms = rejected_terms(context, url)
    if terms is None:
        reason = processing_error(context, url) or ""
        return [
            Finding("context-rejected", f"pyld rejects the context: {reason}", _UNREADABLE, True)
        ]
    return [
        Finding(
            "context-rejected",
            f"pyld rejects the context because of term {term!r} ({reason}): "
            f"{json.dumps(context[term], ensure_ascii=False)[:160]}",
            _UNREADABLE,
            breaks_run=True,
            subject=term,
        )
        for term, reason in terms.items()
    ]


def _term_iris(context: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Each term with the IRI it maps to, scoped contexts included."""
    for term, definition in context.items():
        if term.startswith("@"):
            continue
        iri = definition.get("@id") if isinstance(definition, dict) else definition
        if isinstance(iri, str):
            yield term, iri
        if isinstance(definition, dict) and isinstance(definition.get("@context"), dict):
            yield from _term_iris(definition["@context"])


def _term_types(context: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Each term with the ``@type`` its values are coerced to, scoped contexts included."""
    for term, definition in context.items():
        if isinstance(definition, dict) and not term.startswith("@"):
            if isinstance(definition.get("@type"), str):
                yield term, definition["@type"]
            if isinstance(definition.get("@context"), dict):
                yield from _term_types(definition["@context"])


def _coercions(typed: list[tuple[str, str]]) -> list[Finding]:
    """Coercions that turn a plain string into a literal no shape accepts."""
    to_class = [f"{term} -> {iri}" for term, iri in typed if _looks_like_class(iri)]
    to_langstring = [term for term, iri in typed if iri == f"{_RDF}langString"]
    findings = []
    if to_class:
        findings.append(
            Finding(
                "coerced-to-class",
                f"{len(to_class)} term(s) coerce values to a class, as if it were a datatype: "
                f"{listing(to_class)}",
                "a plain string value becomes a literal typed with the class, so sh:class fails; "
                'payloads must write {"@id": ...}',
                breaks_run=False,
            )
        )
    if to_langstring:
        findings.append(
            Finding(
                "coerced-to-langstring",
                f"{len(to_langstring)} term(s) coerce values to rdf:langString, which needs a "
                f"language the coercion cannot give: {listing(to_langstring)}",
                "a plain string value becomes an ill-formed literal that fails sh:datatype "
                'rdf:langString; payloads must write {"@value": ..., "@language": ...}',
                breaks_run=False,
            )
        )
    return findings


def _looks_like_class(iri: str) -> bool:
    # Datatypes are named lowerCamelCase (xsd:dateTime, geo:wktLiteral), classes UpperCamelCase;
    # rdf: and rdfs: hold the capitalised exceptions (rdf:HTML, rdfs:Literal).
    if iri.startswith("@") or iri.startswith((_RDF, _RDFS)):
        return False
    local = iri.replace("#", "/").rstrip("/").rsplit("/", 1)[-1]
    return local[:1].isupper()


def _is_bare_context(document: dict[str, Any], url: str) -> bool:
    """Term definitions without the wrapper: read as a remote context they define nothing."""
    if processing_error(document, url) is not None:
        return False  # not term definitions at all (e.g. a JSON Schema)
    # Probed one term at a time: pyld fails in its own ways on some values a probe invents.
    probe = {
        term: "probe"
        for term, definition in document.items()
        if _plain(term, definition) and _triples({"@context": document, term: "probe"}, url)
    }
    remote = {"@context": url, **probe}
    return bool(probe) and not _triples(
        remote, url, lambda wanted: document if wanted == url else None
    )


def _triples(probe: dict[str, Any], url: str, contexts: ContextSource = _offline) -> int:
    try:
        with warnings.catch_warnings():
            # The probe's invented value need not fit a term's datatype (rdflib warns on "probe"
            # as an xsd:boolean); only whether a triple comes out matters.
            warnings.simplefilter("ignore")
            return len(to_rdf({"@id": PROBE_ID, **probe}, base=url, contexts=contexts).triples)
    except (JsonLdError, RecursionError, AttributeError, TypeError):
        return 0


def _plain(term: str, definition: Any) -> bool:
    """A term a probe document can use with a plain string value."""
    if term.startswith("@"):
        return False
    if isinstance(definition, str):
        return not definition.startswith("@")
    return isinstance(definition, dict) and not {"@container", "@reverse"} & definition.keys()


def _bare(document: dict[str, Any]) -> Finding:
    terms = [term for term in document if not term.startswith("@")]
    return Finding(
        "bare-context",
        f'a bare context object without "@context": used as a remote context it defines none of '
        f"its {len(terms)} terms ({listing(terms)}), so a payload using it yields zero triples",
        "payloads that use it silently lose every property: nothing is left to validate",
        breaks_run=True,
    )


def _not_json(error: json.JSONDecodeError) -> Finding:
    return Finding(
        "not-json",
        f"not JSON: {error.msg} at line {error.lineno} column {error.colno}",
        "the artefact cannot be read: loading the suite stops",
        breaks_run=True,
        subject=f"line {error.lineno}",
    )


def _reason(error: JsonLdError) -> str:
    # pyld wraps the cause in errors of its own; the innermost one names the real problem.
    cause: BaseException = error
    while isinstance(cause.__cause__, JsonLdError):
        cause = cause.__cause__
    code = getattr(cause, "code", None)
    message = str(cause.args[0]) if cause.args else type(cause).__name__
    detail = message.split(";", 1)[-1].strip()
    return f"{code}: {detail}" if code else detail
