"""Endpoints proposed for each role of each suite, and the profile YAML they make.

Evidence, strongest first: the path names the role (``/eventstreams`` for ``eventstreams``,
``/eventstreams/{id}`` for ``eventstream``), the answer itself shows what it is (an event stream
with a ``tree:view`` is a ``feed``, an RDF document ``documents``...), or a path segment is a word
the role is known by (``ldes`` for ``feed``). A candidate must also answer in a media type the
suite reads. A suite is proposed when each of its required roles has an endpoint and something
names the suite itself: a role named exactly, or a word of its id in the path or the examples (so
an LDES feed is claimed for ``ipdc-lpdc`` only when it says "ipdc" somewhere).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from interop_lab.profiles.openapi import ApiDocument, Operation, SecurityScheme

# Words generic roles are known by in paths; a role's own name always counts too.
ROLE_WORDS: dict[str, frozenset[str]] = {
    "feed": frozenset({"feed", "ldes", "stream", "streams"}),
    "collection": frozenset({"collection", "list", "lijst"}),
    "pages": frozenset({"pages", "paginas", "publicaties", "zittingen"}),
    "documents": frozenset({"documents", "documenten"}),
}
NAMED = 3  # the path names the role
SHOWN = 2  # the answer shows what it is (a tree:view: a feed)
WORD = 1  # a path segment is a word the role is known by
_TREE_VIEW = re.compile(r"tree[:#]view\b|\"view\"\s*:", re.IGNORECASE)
# The environment variables a proposed ``auth`` names: names only, the values stay with the vendor.
TOKEN_ENV, KEY_ENV = "INTEROP_LAB_TOKEN", "INTEROP_LAB_API_KEY"
USER_ENV, PASSWORD_ENV = "INTEROP_LAB_USERNAME", "INTEROP_LAB_PASSWORD"
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_YAML_BREAKS = re.compile(r"[\x7f-\x9f\u2028\u2029\ufeff]")


@dataclass(frozen=True, slots=True)
class SuiteOffer:
    """What init needs to know of a suite (the CLI reads it from the suite registry)."""

    id: str
    title: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    media_types: tuple[str, ...]

    @property
    def roles(self) -> tuple[str, ...]:
        return self.required + self.optional

    @property
    def words(self) -> frozenset[str]:
        return frozenset(word for word in self.id.split("-") if len(word) >= 4)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An endpoint something was found at: a path relative to the base URL, with its evidence."""

    path: str | None  # None: it could not be asked (a path parameter without an example)
    origin: str  # where it came from, for the comment: "GET /x (text/turtle)" or a URL
    media_types: tuple[str, ...]
    words: tuple[str, ...]  # lower-case path segments without parameters
    item: bool  # the path ends in a parameter: one item of a list
    text: str = ""  # example or body text: its vocabulary
    shows: frozenset[str] = frozenset()  # roles the answer itself looks like
    note: str | None = None  # why it cannot be proposed, when it cannot


@dataclass(frozen=True, slots=True)
class Proposal:
    suite: SuiteOffer
    endpoints: dict[str, Candidate]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ProfileDraft:
    """Everything the YAML file says, each value already checked by the caller."""

    vendor: tuple[str, str, str]  # name, KBO, contact
    product: tuple[str, str]  # name, release
    base_url: str
    auth: dict[str, str] | None
    claims: Sequence[Proposal]
    source: str
    notes: Sequence[str] = field(default_factory=tuple)


def propose(suites: Iterable[SuiteOffer], candidates: Sequence[Candidate]) -> list[Proposal]:
    """A proposal per suite whose required roles all found an endpoint."""
    return [proposal for suite in suites if (proposal := _proposal(suite, candidates)) is not None]


def _proposal(suite: SuiteOffer, candidates: Sequence[Candidate]) -> Proposal | None:
    chosen: dict[str, Candidate] = {}
    notes: list[str] = []
    named = False
    for role in suite.roles:
        scored = [(score(role, c), c) for c in candidates if _readable(suite, c)]
        scored = [(s, c) for s, c in scored if s > 0]
        if not scored:
            continue
        best = max(s for s, _ in scored)
        found = sorted((c for s, c in scored if s == best), key=_length)
        usable = next((c for c in found if c.note is None), None)
        notes += [f"{role}: {c.origin}: {c.note}" for c in found if c.note is not None]
        if usable is not None:
            chosen[role] = usable
            named |= best >= NAMED
    if any(role not in chosen for role in suite.required):
        return None
    if not (named or _mentions(suite, chosen.values())):
        return None
    return Proposal(suite, chosen, tuple(notes))


def score(role: str, candidate: Candidate) -> int:
    """How strongly the candidate looks like the role's endpoint; 0 when not at all."""
    tail = candidate.words[-1] if candidate.words else ""
    plain = _plain(role)
    if (not candidate.item and tail == plain) or (candidate.item and tail == plain + "s"):
        return NAMED
    if role in candidate.shows:
        return SHOWN
    known = ROLE_WORDS.get(role, frozenset())
    return WORD if any(word in known for word in candidate.words) else 0


def shows_tree_view(text: str) -> bool:
    """Whether example or body text gives something a ``tree:view``: an event stream."""
    return bool(_TREE_VIEW.search(text))


def _readable(suite: SuiteOffer, candidate: Candidate) -> bool:
    return bool(set(candidate.media_types) & set(suite.media_types))


def _mentions(suite: SuiteOffer, chosen: Iterable[Candidate]) -> bool:
    text = " ".join(" ".join(c.words) + " " + c.text for c in chosen).lower()
    return any(word in text for word in suite.words)


def _length(candidate: Candidate) -> int:
    return len(candidate.path or candidate.origin)


def _plain(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def candidates_of(api: ApiDocument) -> list[Candidate]:
    """One candidate per GET operation of an OpenAPI document."""
    return [_operation_candidate(operation) for operation in api.operations]


def _operation_candidate(operation: Operation) -> Candidate:
    note = None
    if operation.unfilled:
        note = f"no example for path parameter {', '.join(operation.unfilled)}"
    elif not operation.media_types:
        note = "the document shows no example or schema of its answer"
    types = operation.media_types or operation.undocumented
    filled = "".join(
        f"; {name}={value} (the document's example)" for name, value in operation.filled
    )
    return Candidate(
        path=operation.path,
        origin=f"GET {operation.template} ({', '.join(types)}){filled}",
        media_types=types,
        words=path_words(operation.template),
        item=operation.template.rstrip("/").endswith("}"),
        text=operation.example_text,
        shows=frozenset({"feed"}) if shows_tree_view(operation.example_text) else frozenset(),
        note=note,
    )


def auth_of(schemes: Sequence[SecurityScheme]) -> tuple[dict[str, str] | None, list[str]]:
    """The ``auth`` of the first scheme a profile can say, and a note for each it cannot."""
    notes = [f"security scheme {s.name}: {s.kind}" for s in schemes if s.kind.startswith("unsupp")]
    for scheme in schemes:
        if scheme.kind == "http-bearer":
            return {"type": "bearer", "token_env": TOKEN_ENV}, notes
        if scheme.kind == "http-basic":
            return {"type": "basic", "username_env": USER_ENV, "password_env": PASSWORD_ENV}, notes
        if scheme.kind == "api-key-header" and scheme.header:
            return {"type": "api_key", "header": scheme.header, "key_env": KEY_ENV}, notes
    return None, notes


def path_words(template: str) -> tuple[str, ...]:
    """The literal segments of a path, lower-case, without punctuation."""
    return tuple(_plain(part) for part in template.split("/") if part and not part.startswith("{"))


def render(draft: ProfileDraft) -> str:
    """The profile as commented YAML; every scalar written as a JSON string (valid YAML)."""
    name, kbo, contact = draft.vendor
    lines = [
        f"# Vendor profile proposed by `interop-lab init` from {_comment(draft.source)}.",
        "# Check each endpoint, then: interop-lab profile check FILE",
        "profile_version: 1",
        f"vendor: {{name: {_q(name)}, kbo: {_q(kbo)}, contact: {_q(contact)}}}",
        f"product: {{name: {_q(draft.product[0])}, release: {_q(draft.product[1])}}}",
        f"base_url: {_q(draft.base_url)}",
    ]
    lines += [f"# note: {_comment(note)}" for note in draft.notes]
    if draft.auth is not None:
        lines.append("# Secrets never go here: set these environment variables before a run.")
        pairs = ", ".join(f"{key}: {_q(value)}" for key, value in draft.auth.items())
        lines.append(f"auth: {{{pairs}}}")
    lines.append("claims:")
    for proposal in draft.claims:
        lines += _claim_lines(proposal)
    return "\n".join(lines) + "\n"


def _claim_lines(proposal: Proposal) -> list[str]:
    lines = [
        f"  # {_comment(proposal.suite.title)}",
        f"  - standard: {_q(proposal.suite.id)}",
        "    endpoints:",
    ]
    for role, candidate in proposal.endpoints.items():
        lines.append(f"      # {_comment(candidate.origin)}")
        lines.append(f"      {role}: {_q(candidate.path or '')}")
    lines += [f"    # not proposed: {_comment(note)}" for note in proposal.notes]
    return lines


def _q(value: str) -> str:
    """A JSON string, which YAML reads as is; the characters YAML takes for line breaks escaped."""
    text = json.dumps(value, ensure_ascii=False)
    return _YAML_BREAKS.sub(lambda found: f"\\u{ord(found[0]):04x}", text)


def _comment(text: str) -> str:
    """One line of comment text: a line break in a spec's title must not start YAML of its own."""
    return _UNSAFE.sub(" ", text)[:300]
