"""``interop-lab verify FILE``: was this scorecard certified by the lab, and is it unchanged?"""

from __future__ import annotations

import argparse
import json
from pathlib import Path, PurePosixPath
from typing import Any

from interop_lab.model.errors import UsageError
from interop_lab.reporting.signing import (
    Verification,
    in_lab_form,
    not_certified,
    read_public_key,
)
from interop_lab.reporting.signing import verify as check

EXIT_VALID = 0
EXIT_INVALID = 1


def verify(args: argparse.Namespace) -> int:
    path = Path(args.file)
    raw, document = _load(path)
    trusted = read_public_key(Path(args.key)) if args.key else None
    result = not_certified(document)
    if result is None:
        evidence = Path(args.evidence) if args.evidence else _evidence_of(path, document)
        result = check(document, _read_evidence(evidence), trusted)
        if result.valid and not in_lab_form(raw, document):
            result = Verification(False, "the file is not as the lab wrote it (bytes changed)")
    if not result.valid:
        print(f"ONGELDIG / INVALID: {path}: {result.reason}")
        return EXIT_INVALID
    print(
        f"geldig: gecertificeerd door het lab, ongewijzigd, met bewijsstukken / "
        f"valid: {path}: {_about(document)}, {result.reason}"
    )
    return EXIT_VALID


def _load(path: Path) -> tuple[bytes, dict[str, Any]]:
    try:
        raw = path.read_bytes()
        document = json.loads(raw)
    except OSError as error:
        raise UsageError(f"{path}: cannot read it ({error.strerror or error})") from error
    except ValueError as error:  # JSONDecodeError and undecodable bytes
        raise UsageError(f"{path}: not JSON ({error}); give a scorecard.jsonld") from error
    if not isinstance(document, dict):
        raise UsageError(f"{path}: not a scorecard (a JSON object); give a scorecard.jsonld")
    return raw, document


def _evidence_of(path: Path, document: dict[str, Any]) -> Path:
    """``run.evidence`` in the run folder (``<run>/<suite>/scorecard.jsonld``)."""
    run = document.get("run")
    name = run.get("evidence") if isinstance(run, dict) else None
    if not isinstance(name, str) or not name:
        raise UsageError(f"{path}: no run.evidence; give the evidence file with --evidence PATH")
    relative = PurePosixPath(name)
    # The name comes from the file being checked: it may only point inside the run folder.
    if relative.is_absolute() or ".." in relative.parts:
        raise UsageError(
            f"{path}: run.evidence {name!r} leaves the run folder; use --evidence PATH"
        )
    return path.resolve().parent.parent / relative


def _read_evidence(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UsageError(
            f"evidence {path}: cannot read it ({error.strerror or error}); "
            "give the run's evidence.har with --evidence PATH"
        ) from error


def _about(document: dict[str, Any]) -> str:
    subject = document.get("subject") or {}
    standard = document.get("standard") or {}
    return (
        f"{subject.get('vendor')} {subject.get('product')} {subject.get('release')}, "
        f"{standard.get('suite')}: {document.get('verdict')}"
    )
