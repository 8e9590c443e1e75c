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


def write_run_files(out_dir: Path, cards: Sequence[Scorecard], har: dict[str, Any]) -> list[Path]:
    """``<suite>/scorecard.jsonld``, ``<suite>/scorecard.html``, ``junit.xml``, ``evidence.har``."""
    written: list[Path] = []
    for card in cards:
        suite_dir = out_dir / card.standard.suite
        written.append(write_text(suite_dir / "scorecard.jsonld", scorecard_json(card)))
        written.append(write_text(suite_dir / "scorecard.html", scorecard_to_html(card)))
    written.append(write_text(out_dir / "junit.xml", junit_xml(cards)))
    har_text = json.dumps(har, ensure_ascii=False, indent=2) + "\n"
    written.append(write_text(out_dir / "evidence.har", har_text))
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
