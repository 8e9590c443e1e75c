"""Text cleaning shared by the writers: vendor data may hold characters no XML/HTML may carry."""

from __future__ import annotations

import re

# Everything outside XML 1.0's Char production: C0 controls (but tab, LF, CR), surrogates, U+FFFE/F.
_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def printable(text: str) -> str:
    """The text without characters that make an XML or HTML document invalid."""
    return _INVALID.sub("", text)
