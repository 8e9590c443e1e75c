"""What a fetch returns: the final response (`Fetched`) or why there is none (`FetchError`)."""

from __future__ import annotations

from dataclasses import dataclass

from interop_lab.transport.recording import Exchange

FETCH_ERROR_KINDS = frozenset(
    {
        "timeout",
        "deadline",
        "budget",
        "connect",
        "too-large",
        "redirects",
        "redirect-loop",
        "scheme",
        "host-not-allowed",
        "address-not-allowed",
        "protocol",
        "tls",
        "decoding",
        "invalid-url",
    }
)


@dataclass(frozen=True, slots=True)
class FetchError:
    """Why a fetch has no usable response; ``message`` is Dutch and names the limit involved."""

    kind: str
    message: str

    def __post_init__(self) -> None:
        if self.kind not in FETCH_ERROR_KINDS:
            raise ValueError(f"unknown fetch error kind {self.kind!r}")

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class Fetched:
    """The outcome of one fetch: the final response after redirects and retries, with evidence.

    ``headers`` are the final response headers as received, except Set-Cookie (redacted);
    ``body`` is the decoded body, empty when there is an error.
    """

    requested_url: str
    url: str
    status: int | None
    headers: tuple[tuple[str, str], ...]
    body: bytes
    error: FetchError | None
    exchanges: tuple[Exchange, ...]

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (case-insensitive), or None."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    @property
    def media_type(self) -> str | None:
        """The Content-Type without parameters, lower-case."""
        value = self.header("content-type")
        if value is None:
            return None
        media_type = value.split(";", 1)[0].strip().lower()
        return media_type or None

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300
