"""Scorecard <-> its JSON-LD form (``scorecard.jsonld``), whose inline context maps it onto EARL.

The compact keys are the contract's. A few are added because EARL needs them on every assertion
(``subject``, ``assertedBy``, ``mode``) or because the scorecard must read back unchanged
(``levels``, ``nodeid``, ``harnessError``, ``run.runId``), or for the solution catalogue
(``subject.municipalities``, ``standard.register``: written only when there are any, so older
scorecards read and verify as before), or to say how to fix a failure (``explanation`` of a failed
or cantTell assertion: meaning, cause and fix in Dutch, ``en`` in English, and the rule's
``link``), or to say what validated the data (``run.validator``); JSON-LD keywords (``@id`` of
the subject, ``@type`` of the run) make the product release and the PROV activity explicit.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from interop_lab.model.errors import UsageError
from interop_lab.model.explanations import Explanation, ExplanationText
from interop_lab.model.ids import LAB_URN, slug
from interop_lab.model.outcomes import Blame, Level, Location, Outcome, Usage
from interop_lab.model.scorecard import (
    ArtefactUse,
    AssertionRecord,
    RunInfo,
    Scorecard,
    Signature,
    StandardRef,
    Subject,
)

CONTEXT_RESOURCE = "scorecard-context.jsonld"
LAB_VOCAB = f"{LAB_URN}vocab#"


class InvalidScorecardError(UsageError):
    """A JSON document that is not a scorecard in the lab's JSON-LD form."""


@cache
def _context_text() -> str:
    return (resources.files("interop_lab.reporting") / CONTEXT_RESOURCE).read_text("utf-8")


def scorecard_context() -> dict[str, Any]:
    """The inline ``@context`` object (a fresh copy: callers may change it)."""
    context: dict[str, Any] = json.loads(_context_text())["@context"]
    return copy.deepcopy(context)


def _iri_part(text: str) -> str:
    # A release such as "4.2.0" stays readable; anything an IRI cannot hold is percent-encoded.
    return quote(text, safe=".-_~+")


def product_iri(subject: Subject) -> str:
    """The product (all releases): ``urn:interop-lab:product:<vendor>:<product>``."""
    return f"{LAB_URN}product:{slug(subject.vendor)}:{slug(subject.product)}"


def release_iri(subject: Subject) -> str:
    """The EARL subject: one release of a vendor's product."""
    return f"{product_iri(subject)}:{_iri_part(subject.release)}"


def harness_iri(harness: str) -> str:
    """The EARL assertor: ``urn:interop-lab:harness:<version>`` from ``interop-lab X.Y.Z``."""
    version = harness.split()[-1] if harness.strip() else "unknown"
    return f"{LAB_URN}harness:{_iri_part(version)}"


def scorecard_to_jsonld(card: Scorecard) -> dict[str, Any]:
    subject = card.subject
    standard = card.standard
    return {
        "@context": scorecard_context(),
        "@type": "Scorecard",
        "@id": card.iri,
        "subject": {
            "@id": release_iri(subject),
            "vendor": subject.vendor,
            "kbo": subject.kbo,
            "product": subject.product,
            "release": subject.release,
            **({"municipalities": list(subject.municipalities)} if subject.municipalities else {}),
        },
        "standard": {
            "suite": standard.suite,
            "suiteVersion": standard.suite_version,
            "iri": standard.iri,
            "version": standard.version,
            "title": standard.title,
            **({"register": standard.register} if standard.register else {}),
        },
        "mode": card.mode,
        "verdict": card.verdict,
        "level": card.level,
        "levels": [{"id": level.id, "title": level.title} for level in card.levels],
        **({"claimedLevel": card.claimed_level} if card.claimed_level else {}),
        "summary": card.summary,
        "assertions": [_assertion(card, record) for record in card.assertions],
        "run": _run(card.run),
        **({"signature": signature_to_jsonld(card.signature)} if card.signature else {}),
    }


def signature_to_jsonld(signature: Signature) -> dict[str, Any]:
    """The contract's ``signature`` member (see ``interop_lab.reporting.signing``)."""
    return {
        "alg": signature.alg,
        "key": signature.key,
        "keyId": signature.key_id,
        "digest": {
            "alg": signature.digest_alg,
            "scorecard": signature.scorecard_digest,
            "evidence": signature.evidence_digest,
        },
        "value": signature.value,
    }


def signature_from_jsonld(data: Any) -> Signature | None:
    """The signature, or None when there is none in the lab's form: such a card is not signed."""
    # Lenient on purpose: an incomplete signature cannot be verified, so it reads as absent and
    # the card shows as not certified, while the rest of the scorecard still reads.
    try:
        return _signature(data)
    except (KeyError, TypeError, AttributeError):
        return None


def _signature(data: dict[str, Any]) -> Signature:
    digest = data["digest"]
    return Signature(
        key=data["key"],
        key_id=data["keyId"],
        scorecard_digest=digest["scorecard"],
        evidence_digest=digest["evidence"],
        value=data["value"],
        alg=data["alg"],
        digest_alg=digest["alg"],
    )


def scorecard_json(card: Scorecard) -> str:
    """The text of ``scorecard.jsonld``: the one serialisation files and the catalogue share."""
    return json.dumps(scorecard_to_jsonld(card), ensure_ascii=False, indent=2) + "\n"


def _assertion(card: Scorecard, record: AssertionRecord) -> dict[str, Any]:
    result: dict[str, Any] = {"outcome": record.outcome.value, "description": record.description}
    result["locations"] = [location.as_dict() for location in record.locations]
    data: dict[str, Any] = {
        "@type": "Assertion",
        "test": record.test,
        "title": record.title,
        "requirement": record.requirement,
        "level": record.level,
        "usage": record.usage.value,
        "subject": release_iri(card.subject),
        "assertedBy": harness_iri(card.run.harness),
        "mode": "automatic",
        "result": result,
    }
    if record.outcome is Outcome.FAILED and record.blame is not None:
        data["blame"] = record.blame.value
    if record.harness_error:
        data["harnessError"] = True
    if record.nodeid:
        data["nodeid"] = record.nodeid
    if record.explanation is not None:
        data["explanation"] = explanation_to_jsonld(record.explanation)
    return data


def explanation_to_jsonld(explanation: Explanation) -> dict[str, Any]:
    """Dutch first (the scorecard's language), English under ``en``, then the rule's link."""
    return {
        **_texts(explanation.nl),
        "en": _texts(explanation.en),
        "link": explanation.link,
    }


def _texts(text: ExplanationText) -> dict[str, str]:
    return {"meaning": text.meaning, "cause": text.cause, "fix": text.fix}


def _run(run: RunInfo) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Run"}
    if run.run_id:
        data["runId"] = run.run_id
    data |= {
        "harness": run.harness,
        "started": run.started,
        "ended": run.ended,
        "evidence": run.evidence,
        **({"validator": run.validator} if run.validator else {}),
        "artefacts": [
            {"url": use.url, "sha256": use.sha256, "repairs": list(use.repairs)}
            for use in run.artefacts
        ],
    }
    return data


def scorecard_from_jsonld(data: dict[str, Any]) -> Scorecard:
    """Rebuild the scorecard from its compact JSON-LD form (keys as written above)."""
    try:
        return _scorecard(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InvalidScorecardError(
            f"not a scorecard in the lab's JSON-LD form: {error!r}"
        ) from error


def _scorecard(data: dict[str, Any]) -> Scorecard:
    subject = data["subject"]
    standard = data["standard"]
    return Scorecard(
        iri=data["@id"],
        subject=Subject(
            subject["vendor"],
            subject["kbo"],
            subject["product"],
            subject["release"],
            tuple(str(name) for name in subject.get("municipalities", [])),
        ),
        standard=StandardRef(
            suite=standard["suite"],
            suite_version=standard["suiteVersion"],
            iri=standard["iri"],
            version=standard["version"],
            title=standard["title"],
            register=standard.get("register", ""),
        ),
        mode=data["mode"],
        levels=tuple(Level(level["id"], level["title"]) for level in data.get("levels", [])),
        assertions=tuple(_record(item) for item in data["assertions"]),
        run=_run_info(data["run"]),
        claimed_level=data.get("claimedLevel"),
        signature=signature_from_jsonld(data.get("signature")),
    )


def _record(item: dict[str, Any]) -> AssertionRecord:
    result = item["result"]
    blame = item.get("blame")
    return AssertionRecord(
        test=item["test"],
        title=item["title"],
        requirement=item["requirement"],
        level=item["level"],
        usage=Usage(item["usage"]),
        outcome=Outcome(result["outcome"]),
        description=result.get("description", ""),
        locations=tuple(_location(entry) for entry in result.get("locations", [])),
        blame=Blame(blame) if blame is not None else None,
        harness_error=bool(item.get("harnessError", False)),
        nodeid=item.get("nodeid", ""),
        explanation=_explanation(item["explanation"]) if "explanation" in item else None,
    )


def _explanation(data: dict[str, Any]) -> Explanation:
    english = data["en"]
    return Explanation(
        nl=ExplanationText(data["meaning"], data["cause"], data["fix"]),
        en=ExplanationText(english["meaning"], english["cause"], english["fix"]),
        link=data["link"],
    )


def _location(entry: dict[str, str]) -> Location:
    return Location(
        url=entry["url"],
        pointer=entry.get("pointer"),
        focus_node=entry.get("focusNode"),
        path=entry.get("path"),
        member=entry.get("member"),
        value=entry.get("value"),
    )


def _run_info(run: dict[str, Any]) -> RunInfo:
    return RunInfo(
        harness=run["harness"],
        started=run["started"],
        ended=run["ended"],
        evidence=run["evidence"],
        artefacts=tuple(
            ArtefactUse(use["url"], use["sha256"], tuple(use.get("repairs", [])))
            for use in run.get("artefacts", [])
        ),
        run_id=run.get("runId", ""),
        validator=run.get("validator", ""),
    )
