"""A test's explanation as text: the headings every writer uses, and the plain-text forms for the
terminal (``interop-lab run``) and ``interop-lab explain``."""

from __future__ import annotations

import textwrap

from interop_lab.model.explanations import Explanation

# The same words on the HTML scorecard, the terminal and `interop-lab explain`.
HEADINGS: dict[str, dict[str, str]] = {
    "nl": {
        "meaning": "Wat betekent deze regel",
        "cause": "Gebruikelijke oorzaak",
        "fix": "Zo los je het op",
        "link": "Regel in de standaard",
    },
    "en": {
        "meaning": "What the rule means",
        "cause": "Usual cause",
        "fix": "How to fix it",
        "link": "Rule in the standard",
    },
}
WIDTH = 100
INDENT = "    "


def fix_lines(explanation: Explanation) -> str:
    """The Dutch fix and the rule's link, to print under a failure on the terminal."""
    headings = HEADINGS["nl"]
    return f"{headings['fix']}: {explanation.nl.fix}\n{headings['link']}: {explanation.link}"


def explanation_block(explanation: Explanation, language: str) -> str:
    """Meaning, cause, fix and link in ``language``, under their headings, wrapped."""
    headings = HEADINGS[language]
    text = explanation.text(language)
    parts = []
    for key, body in (("meaning", text.meaning), ("cause", text.cause), ("fix", text.fix)):
        wrapped = textwrap.fill(
            body,
            WIDTH,
            initial_indent=INDENT,
            subsequent_indent=INDENT,
            # Codes, IRIs and media types stay whole, so they can be copied.
            break_long_words=False,
            break_on_hyphens=False,
        )
        parts.append(f"{headings[key]}\n{wrapped}")
    parts.append(f"{headings['link']}\n{INDENT}{explanation.link}")
    return "\n\n".join(parts)
