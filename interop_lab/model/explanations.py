"""What a test's rule means and how to fix a failure of it, in Dutch and English (plain data).

Every test of every suite has one: hand-written beside the tests, or built from a template per
SHACL constraint component (``interop_lab.suites.explanations``). A failed or undecided assertion
carries its test's explanation onto the scorecard.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("nl", "en")


@dataclass(frozen=True, slots=True)
class ExplanationText:
    """One language's words, each a few short sentences."""

    meaning: str  # what the rule asks
    cause: str  # the usual reason a product breaks it
    fix: str  # what the vendor changes so it holds


@dataclass(frozen=True, slots=True)
class Explanation:
    nl: ExplanationText
    en: ExplanationText
    link: str  # the rule in the standard: the test's requirement IRI

    def text(self, language: str) -> ExplanationText:
        """The words in ``language`` (``nl`` or ``en``)."""
        if language not in LANGUAGES:
            raise ValueError(f"no explanations in {language!r}; known: {', '.join(LANGUAGES)}")
        text: ExplanationText = getattr(self, language)
        return text
