"""The end of a run: scorecards written, stored in the catalogue, summed up on the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from interop_lab import __version__
from interop_lab.catalogue import open_catalogue
from interop_lab.model.scorecard import Scorecard
from interop_lab.plugin.launch import default_out_dir
from interop_lab.reporting.files import write_evidence, write_reports
from interop_lab.reporting.signing import certify
from interop_lab.runner.scorecards import build_scorecards, exit_code
from interop_lab.runner.session import LabSession
from interop_lab.transport import har_document

VERDICTS_NL = {
    "conformant": "conform",
    "non-conformant": "niet conform",
    "error": "fout in het lab",
}


def finish_run(lab: LabSession, options: dict[str, Any], config: pytest.Config) -> int:
    cards = build_scorecards(lab)
    out_dir = (
        Path(options["out"]) if options.get("out") else default_out_dir(lab.profile, lab.run_id)
    )
    har = har_document(lab.recorder.exchanges, creator_version=__version__)
    evidence = write_evidence(out_dir, har)
    key = options.get("certify_key")
    if key is not None:
        # Signed over the evidence bytes as written, so verification reads exactly these.
        evidence_bytes = evidence.read_bytes()
        cards = [certify(card, key, evidence_bytes) for card in cards]
    write_reports(out_dir, cards)
    if options.get("catalogue"):
        catalogue = open_catalogue(options["catalogue"])
        try:
            for card in cards:
                catalogue.add(card)
        finally:
            catalogue.close()
    _summarise(config, cards, out_dir)
    return exit_code(cards)


def _summarise(config: pytest.Config, cards: list[Scorecard], out_dir: Path) -> None:
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    reporter.section("interop-lab")
    for card in cards:
        summary = card.summary
        reporter.line(
            f"{card.standard.suite}: {VERDICTS_NL.get(card.verdict, card.verdict)}, "
            f"niveau {card.level or '-'}; {summary['passed']} geslaagd, {summary['failed']} "
            f"gefaald, {summary['cantTell']} niet te beoordelen, "
            f"{summary['inapplicable']} niet van toepassing"
        )
    reporter.line(f"rapporten: {out_dir}")
