"""Scorecard -> one self-contained Dutch HTML page for a municipality's civil servant."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

import jinja2

from interop_lab.model.outcomes import Blame, Level, Outcome, Usage
from interop_lab.model.scorecard import (
    CONFORMANT,
    ERROR,
    NON_CONFORMANT,
    AssertionRecord,
    Scorecard,
    counts_against_vendor,
)
from interop_lab.reporting.explanation_text import HEADINGS
from interop_lab.reporting.text import printable

MAX_LOCATIONS = 20

VERDICTS = {CONFORMANT: "Conform", NON_CONFORMANT: "Niet conform", ERROR: "Fout in het testlab"}
MODES = {"self-test": "zelftest door de leverancier", "certified": "gecertificeerd door het lab"}
SUMMARY_LABELS = {
    Outcome.PASSED: "geslaagd",
    Outcome.FAILED: "gefaald",
    Outcome.CANT_TELL: "niet te beoordelen",
    Outcome.INAPPLICABLE: "niet van toepassing",
    Outcome.UNTESTED: "niet getest",
}
# What to do about a failure without an explanation of its own (a scorecard written before tests
# had them), per conformance class; suites with their own levels may pass theirs.
FIXES: dict[str, str] = {
    "L1": "Zorg dat het adres bereikbaar is via HTTPS, een 200-antwoord geeft met het juiste "
    "Content-Type, en dat de inhoud geldige JSON of HTML is.",
    "L2": "Gebruik de officiële JSON-LD-context van de standaard en gebruik alleen termen die "
    "daarin staan, zodat geen enkel gegeven stilzwijgend verloren gaat.",
    "L3": "Dit is een verplichte regel van de standaard: pas de gegevens of de export aan zodat "
    "elk object aan deze regel voldoet.",
    "L4": "Dit is een aanbevolen praktijk: volg ze om de gegevens beter herbruikbaar te maken "
    "(vindbare IRI's, paginering, volledige metadata).",
}
DEFAULT_FIX = "Pas de gegevens aan zodat ze aan deze regel van de standaard voldoen."
CANT_TELL_FIX = (
    "Zorg dat alles wat deze regel nodig heeft bereikbaar is (zie hierboven) en test opnieuw."
)
EXCUSED_FIX = "Niets te doen voor de leverancier: het testlab meldt dit aan de beheerders."
LAB_FIX = "Niets te doen voor de leverancier: dit is een fout in het testlab zelf. Test opnieuw."


@dataclass(frozen=True, slots=True)
class Finding:
    """One test shown in full: what went wrong, where, what the rule means and how to fix it."""

    record: AssertionRecord
    status: str
    tone: str
    note: str
    fix: tuple[str, ...]  # paragraphs: what to do first, then what the rule asks
    link: str  # the rule in the standard


@dataclass(frozen=True, slots=True)
class LevelSection:
    level: Level | None
    reached: bool
    findings: tuple[Finding, ...]
    others: tuple[AssertionRecord, ...]


def scorecard_to_html(
    card: Scorecard, fixes: Mapping[str, str] | None = None, *, evidence_beside: bool = True
) -> str:
    """The Dutch page; ``evidence_beside``: the run's evidence file lies in the folder above it."""
    template = _environment().get_template("scorecard.html.j2")
    return template.render(
        card=card,
        evidence_beside=evidence_beside,
        verdict=VERDICTS.get(card.verdict, card.verdict),
        mode=mode_text(card),
        level_text=_level_text(card),
        summary=[(SUMMARY_LABELS[outcome], card.summary[outcome.value]) for outcome in Outcome],
        sections=_sections(card, {**FIXES, **(fixes or {})}),
        max_locations=MAX_LOCATIONS,
        headings=HEADINGS["nl"],
    )


def mode_text(card: Scorecard) -> str:
    """Only a signed card says "certified"; the page itself cannot check the signature."""
    if card.mode != "certified":
        return MODES.get(card.mode, card.mode)
    if card.signature is None:
        return "niet gecertificeerd: de handtekening van het lab ontbreekt"
    return (
        f"{MODES['certified']} (handtekening Ed25519, sleutel {card.signature.key_id}; "
        "controleer met: interop-lab verify scorecard.jsonld)"
    )


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("interop_lab.reporting", "templates"),
        autoescape=True,  # vendor data is hostile: every value is escaped, always
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_printable_output,
    )
    environment.filters["href"] = safe_href
    environment.filters["evidence_href"] = evidence_href
    environment.filters["outcome_label"] = outcome_label
    return environment


def _printable_output(value: object) -> object:
    return printable(value) if isinstance(value, str) else value


def safe_href(value: str) -> str | None:
    """The value when it may be a link: http(s) or a relative path, never ``javascript:``."""
    cleaned = value.strip()
    if not cleaned or any(ord(char) < 0x20 for char in cleaned):
        return None
    scheme = urlsplit(cleaned).scheme.lower()
    return cleaned if scheme in ("http", "https", "") else None


def evidence_href(value: str) -> str | None:
    """The evidence link from the page: ``run.evidence`` is relative to the run folder, one up."""
    href = safe_href(value)
    if href is None or urlsplit(href).scheme:
        return href
    return f"../{href}"


def outcome_label(record: AssertionRecord) -> str:
    return SUMMARY_LABELS[record.outcome].capitalize()


def _level_text(card: Scorecard) -> str:
    if not card.levels:
        return "geen niveaus in deze testsuite"
    if card.level is None:
        return "geen niveau behaald"
    return f"Niveau {card.level} van {card.levels[-1].id}"


def _sections(card: Scorecard, fixes: Mapping[str, str]) -> list[LevelSection]:
    reached_ids = _reached_ids(card)
    known = {level.id for level in card.levels}
    sections = [
        _section(level, level.id in reached_ids, _at(card, level.id), fixes)
        for level in card.levels
    ]
    strays = tuple(record for record in card.assertions if record.level not in known)
    if strays:
        sections.append(_section(None, False, strays, fixes))
    return sections


def _reached_ids(card: Scorecard) -> set[str]:
    ids = [level.id for level in card.levels]
    return set(ids[: ids.index(card.level) + 1]) if card.level in ids else set()


def _at(card: Scorecard, level_id: str) -> tuple[AssertionRecord, ...]:
    return tuple(record for record in card.assertions if record.level == level_id)


def _section(
    level: Level | None,
    reached: bool,
    records: Sequence[AssertionRecord],
    fixes: Mapping[str, str],
) -> LevelSection:
    shown = sorted((record for record in records if _needs_attention(record)), key=_severity)
    return LevelSection(
        level=level,
        reached=reached,
        findings=tuple(_finding(record, fixes) for record in shown),
        others=tuple(record for record in records if not _needs_attention(record)),
    )


def _needs_attention(record: AssertionRecord) -> bool:
    return record.harness_error or record.outcome in (Outcome.FAILED, Outcome.CANT_TELL)


def _severity(record: AssertionRecord) -> int:
    """Failures held against the vendor first, then doubts, then what does not count."""
    if counts_against_vendor(record) and not record.harness_error:
        return 0 if record.usage is Usage.VERPLICHT else 1
    if record.outcome is Outcome.CANT_TELL and not record.harness_error:
        return 2
    return 3 if record.harness_error else 4


def _finding(record: AssertionRecord, fixes: Mapping[str, str]) -> Finding:
    status, tone, note, first = _status(record)
    explanation = record.explanation
    rule_fix = explanation.nl.fix if explanation else fixes.get(record.level, DEFAULT_FIX)
    link = explanation.link if explanation else record.requirement
    return Finding(record, status, tone, note, _fix(record, first, rule_fix), link)


def _fix(record: AssertionRecord, first: str | None, rule_fix: str) -> tuple[str, ...]:
    """A failure the vendor need not act on gets only that; a doubt also what the rule asks."""
    if first is None:
        return (rule_fix,)
    if record.outcome is Outcome.CANT_TELL and not record.harness_error and record.explanation:
        return (first, rule_fix)
    return (first,)


def _status(record: AssertionRecord) -> tuple[str, str, str, str | None]:
    """Label (never by colour alone), tone, whether it counts, and a fix unless the level's."""
    if record.harness_error:
        return "Fout in het testlab", "error", "Telt niet mee tegen de leverancier.", LAB_FIX
    if record.outcome is Outcome.CANT_TELL:
        return "Niet te beoordelen", "doubt", "Het niveau is niet behaald.", CANT_TELL_FIX
    if record.blame is Blame.STANDARD:
        return "Gefaald", "excused", "Fout in de standaard, telt niet mee.", EXCUSED_FIX
    if record.blame is Blame.LAB:
        return "Gefaald", "excused", "Fout in het testlab, telt niet mee.", EXCUSED_FIX
    if record.usage is Usage.AANBEVOLEN:
        return (
            "Gefaald",
            "fail",
            "Aanbevolen regel: telt mee voor het niveau, niet voor conformiteit.",
            None,
        )
    return "Gefaald", "fail", "Verplichte regel: het product is hierdoor niet conform.", None
