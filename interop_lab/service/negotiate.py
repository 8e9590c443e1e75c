"""Content negotiation on the Accept header (RFC 9110, section 12.5.1)."""

from __future__ import annotations

JSONLD = "application/ld+json"
JSON = "application/json"
TURTLE = "text/turtle"
HTML = "text/html"
OFFERED = (JSONLD, TURTLE, HTML, JSON)


def choose(accept: str | None, offered: tuple[str, ...] = OFFERED) -> str | None:
    """The offered type the client prefers most (the first offered on a tie), None if none."""
    if not accept or not accept.strip():
        return offered[0]
    best: tuple[float, int, str] | None = None
    for position, media in enumerate(offered):
        quality = _quality(accept, media)
        if quality > 0 and (best is None or (quality, -position) > (best[0], best[1])):
            best = (quality, -position, media)
    return best[2] if best else None


def _quality(accept: str, media: str) -> float:
    kind = media.split("/")[0]
    found: tuple[int, float] | None = None  # (specificity, q)
    for part in accept.split(","):
        name, *params = (piece.strip() for piece in part.split(";"))
        name = name.lower()
        specificity = (
            2 if name == media else 1 if name == f"{kind}/*" else 0 if name == "*/*" else -1
        )
        if specificity < 0:
            continue
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if found is None or specificity > found[0]:
            found = (specificity, quality)
    return found[1] if found else 0.0
