"""``interop-lab badge SCORECARD [--out FILE]``: the catalogue's SVG badge, drawn
from one scorecard file, for a vendor's CI (no catalogue needed): the standard, and the level
reached or the verdict, with the test date.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from interop_lab.catalogue import ScorecardSummary
from interop_lab.reporting.jsonld import InvalidScorecardError, scorecard_from_jsonld
from interop_lab.service.render import badge_svg
from interop_lab.service.snapshot import Card


def badge(scorecard: Path) -> bytes:
    """The badge of the scorecard ``scorecard.jsonld`` as written by ``interop-lab run``."""
    text = scorecard.read_text(encoding="utf-8")
    card = scorecard_from_jsonld(json.loads(text))
    subject = card.subject
    summary = ScorecardSummary(
        iri=card.iri,
        vendor=subject.vendor,
        product=subject.product,
        release=subject.release,
        suite=card.standard.suite,
        verdict=card.verdict,
        level=card.level,
        ended=card.run.ended,
    )
    key = card.iri.removeprefix("urn:uuid:")
    product = f"{subject.vendor} {subject.product} {subject.release}"
    return badge_svg(product, card.standard.suite, Card(key, summary, subject.release, text))


def badge_command(args: argparse.Namespace) -> int:
    scorecard = Path(args.scorecard)
    try:
        svg = badge(scorecard)
    except (OSError, ValueError, InvalidScorecardError) as error:
        print(f"{scorecard}: not a scorecard the lab wrote: {error}", file=sys.stderr)
        return 2
    if args.out is None:
        sys.stdout.buffer.write(svg)
    else:
        Path(args.out).write_bytes(svg)
    return 0
