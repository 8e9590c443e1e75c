"""The files of one run, written where the contract says, each one atomically."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from interop_lab.model.scorecard import Scorecard
from interop_lab.reporting.html import scorecard_to_html
from interop_lab.reporting.jsonld import scorecard_json
from interop_lab.reporting.junit import junit_xml

EVIDENCE_FILE = "evidence.har"


def write_run_files(out_dir: Path, cards: Sequence[Scorecard], har: dict[str, Any]) -> list[Path]:
    """``<suite>/scorecard.jsonld``, ``<suite>/scorecard.html``, ``junit.xml``, ``evidence.har``."""
    evidence = write_evidence(out_dir, har)
    return [*write_reports(out_dir, cards), evidence]


def write_evidence(out_dir: Path, har: dict[str, Any]) -> Path:
    """``evidence.har``, written before the scorecards so that a certified run signs its bytes."""
    har_text = json.dumps(har, ensure_ascii=False, indent=2) + "\n"
    return write_text(out_dir / EVIDENCE_FILE, har_text)


def write_reports(out_dir: Path, cards: Sequence[Scorecard]) -> list[Path]:
    """Each suite's scorecard (JSON-LD and HTML) and the run's ``junit.xml``."""
    written: list[Path] = []
    for card in cards:
        suite_dir = out_dir / card.standard.suite
        written.append(write_text(suite_dir / "scorecard.jsonld", scorecard_json(card)))
        written.append(write_text(suite_dir / "scorecard.html", scorecard_to_html(card)))
    written.append(write_text(out_dir / "junit.xml", junit_xml(cards)))
    return written


def write_text(path: Path, text: str) -> Path:
    """Write UTF-8 text so that a reader sees the old file or the new one, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
