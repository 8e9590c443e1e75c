"""Every malformed profile yields `file:line: field: problem` naming the fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from interop_lab.model.errors import ProfileError
from interop_lab.profiles import MAX_BYTES, SuiteRoles, load_profile

WriteProfile = Callable[[str | bytes], Path]
Edit = Callable[[str], str | bytes]


def sub(old: str, new: str) -> Edit:
    """The minimal profile with one piece of text replaced (which must be there)."""

    def edit(base: str) -> str:
        assert old in base, old
        return base.replace(old, new, 1)

    return edit


def append(text: str) -> Edit:
    return lambda base: base + text


def whole(content: str | bytes) -> Edit:
    return lambda base: content


def without(prefix: str) -> Edit:
    """The minimal profile from the line starting with prefix on, cut off."""
    return lambda base: base[: base.index(prefix)]


LAUGHS = (
    "profile_version: 1\nlol1: &lol1 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(f"lol{n}: &lol{n} [{', '.join([f'*lol{n - 1}'] * 9)}]\n" for n in range(2, 10))
)
TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsYWIifQ.c2lnbmF0dXJl"
AUTH = "{type: bearer, token_env: VOORBEELD_TOKEN}"
FEED = "{feed: /ldes/instancesnapshot}"

CASES = [
    # wrong types
    (
        "version as text",
        sub("version: 1", 'version: "1"'),
        1,
        "profile_version",
        "expected a whole number",
    ),
    (
        "version 2",
        sub("version: 1", "version: 2"),
        1,
        "profile_version",
        "reads profile_version: 1",
    ),
    (
        "vendor null",
        sub(
            'vendor:  {name: Voorbeeld NV, kbo: "0123456789", contact: interop@voorbeeld.be}',
            "vendor:",
        ),
        2,
        "vendor",
        "expected a mapping",
    ),
    (
        "kbo as number",
        sub('kbo: "0123456789"', "kbo: 123456789"),
        2,
        "vendor.kbo",
        "put the value in quotes",
    ),
    (
        "release as number",
        sub('release: "4.2.0"', "release: 4.2"),
        3,
        "product.release",
        "put the value in quotes",
    ),
    ("claims a mapping", sub("claims:\n", "claims: {}\nx:\n"), 6, "claims", "expected a list"),
    (
        "claim as text",
        sub(
            "  - standard: besluit-publicatie\n",
            "  - besluit-publicatie\n  - standard: besluit-publicatie\n",
        ),
        9,
        "claims[1]",
        "expected a mapping",
    ),
    ("endpoint a number", sub(FEED, "{feed: 5}"), 8, "claims[0].endpoints.feed", "a list of paths"),
    ("tls_verify text", append('tls_verify: "no"\n'), 11, "tls_verify", "expected true or false"),
    (
        "municipality number",
        append("municipalities: [Gent, 9000]\n"),
        11,
        "municipalities[1]",
        "expected text",
    ),
    (
        "empty vendor name",
        sub("name: Voorbeeld NV", 'name: ""'),
        2,
        "vendor.name",
        "must not be empty",
    ),
    # unknown and missing keys
    (
        "unknown top-level key",
        append("bse_url: x\n"),
        11,
        "bse_url",
        "unknown field 'bse_url' (did you mean 'base_url'?); allowed: profile_version, vendor",
    ),
    (
        "source is not a field",
        append("source: /etc/passwd\n"),
        11,
        "source",
        "unknown field 'source'",
    ),
    (
        "unknown vendor key",
        sub("contact: interop", "tokn: x, contact: interop"),
        2,
        "vendor.tokn",
        "unknown field 'tokn'; allowed: name, kbo, contact",
    ),
    (
        "unknown claim key",
        sub("  - standard: ipdc-lpdc", "  - levl: L3\n    standard: ipdc-lpdc"),
        7,
        "claims[0].levl",
        "did you mean 'level'?",
    ),
    (
        "unknown auth key",
        sub(AUTH, "{type: bearer, token_env: T, scope: read}"),
        5,
        "auth.scope",
        "unknown field 'scope'; allowed: type, token_env",
    ),
    (
        "unknown limit",
        append("limits: {max_page: 3}\n"),
        11,
        "limits.max_page",
        "did you mean 'max_pages'?",
    ),
    (
        "missing kbo",
        sub('kbo: "0123456789", ', ""),
        2,
        "vendor.kbo",
        "required field 'kbo' is missing",
    ),
    ("missing claims", without("claims:"), 1, "claims", "required field 'claims' is missing"),
    ("empty claims", without("claims:"), 1, "claims", "add it"),
    (
        "claims empty list",
        sub("claims:\n", "claims: []\nx:\n"),
        6,
        "claims",
        "claim at least one standard",
    ),
    (
        "missing standard",
        sub("  - standard: ipdc-lpdc", "  - level: L1"),
        7,
        "claims[0].standard",
        "required field 'standard' is missing",
    ),
    # claims against the suites
    (
        "unknown suite",
        sub("standard: ipdc-lpdc", "standard: ipdc"),
        7,
        "claims[0].standard",
        "unknown suite 'ipdc' (did you mean 'ipdc-lpdc'?); "
        "known: adresregister, besluit-publicatie, ipdc-lpdc, ldes",
    ),
    (
        "unknown role",
        sub(FEED, "{feed: /f, fed: /g}"),
        8,
        "claims[0].endpoints.fed",
        "unknown role 'fed' for suite ipdc-lpdc",
    ),
    (
        "missing required role",
        sub("{pages: [", "{feed: /f, x: ["),
        10,
        "claims[1].endpoints",
        "suite besluit-publicatie needs the role 'pages'; add pages:",
    ),
    (
        "no endpoints at all",
        sub(f"    endpoints: {FEED}", "    level: L1"),
        7,
        "claims[0].endpoints",
        "needs the role 'feed'",
    ),
    (
        "duplicate standard",
        sub("standard: besluit-publicatie", "standard: ipdc-lpdc"),
        9,
        "claims[1].standard",
        "claimed twice (also claims[0]); merge",
    ),
    (
        "bad level",
        sub(f"    endpoints: {FEED}", f"    endpoints: {FEED}\n    level: L9"),
        9,
        "claims[0].level",
        "unknown level 'L9' for suite ipdc-lpdc; use one of: L1, L2, L3, L4",
    ),
    # URLs and endpoints
    (
        "relative base URL",
        sub("http://127.0.0.1:8801", "/api"),
        4,
        "base_url",
        "must be an absolute URL with scheme and host",
    ),
    (
        "base URL without scheme",
        sub("http://127.0.0.1:8801", "127.0.0.1:8801"),
        4,
        "base_url",
        "must be an absolute URL",
    ),
    (
        "host and port as base URL",
        sub("http://127.0.0.1", "localhost"),
        4,
        "base_url",
        "scheme 'localhost' is not allowed in base_url; use http:// or https://",
    ),
    ("ftp base URL", sub("http://", "ftp://"), 4, "base_url", "scheme 'ftp' is not allowed"),
    (
        "credentials in base URL",
        sub("http://", "http://lab:pw@"),
        4,
        "base_url",
        "no user name or password",
    ),
    ("bad port", sub("8801", "88010"), 4, "base_url", "invalid port"),
    (
        "javascript endpoint",
        sub("/ldes/instancesnapshot", "javascript:alert(1)"),
        8,
        "claims[0].endpoints.feed",
        "scheme 'javascript' is not allowed",
    ),
    (
        "file endpoint in a list",
        sub("[/zittingen", "[file:///etc/passwd, /zittingen"),
        10,
        "claims[1].endpoints.pages[0]",
        "scheme 'file' is not allowed",
    ),
    (
        "protocol-relative endpoint",
        sub("/ldes/instancesnapshot", "//evil.example/feed"),
        8,
        "claims[0].endpoints.feed",
        "start with a single /",
    ),
    (
        "empty endpoint",
        sub("/ldes/instancesnapshot", '""'),
        8,
        "claims[0].endpoints.feed",
        "an endpoint is a path",
    ),
    (
        "no paths for a role",
        sub(FEED, "{feed: []}"),
        8,
        "claims[0].endpoints.feed",
        "at least one path",
    ),
    (
        "endpoint on an unlisted host",
        sub("/ldes/instancesnapshot", "https://elders.be/feed"),
        8,
        "claims[0].endpoints.feed",
        "add it to hosts: [elders.be]",
    ),
    (
        "host with scheme",
        append("hosts: [https://cdn.be/]\n"),
        11,
        "hosts[0]",
        "no scheme, no path",
    ),
    # secrets and environment variables
    (
        "inline token",
        sub(AUTH, "{type: bearer, token_env: T, token: abc123}"),
        5,
        "auth.token",
        "secrets never go in a profile: put the value in an environment variable "
        "and name it here with token_env: NAME",
    ),
    (
        "inline password",
        sub(AUTH, "{type: basic, username_env: U, password: hunter2}"),
        5,
        "auth.password",
        "name it here with password_env: NAME",
    ),
    (
        "inline api key",
        sub(AUTH, "{type: api_key, header: X-Key, api_key: k-123}"),
        5,
        "auth.api_key",
        "name it here with key_env: NAME",
    ),
    (
        "token where a name belongs",
        sub("VOORBEELD_TOKEN", TOKEN),
        5,
        "auth.token_env",
        "secrets never go in a profile",
    ),
    (
        "secret at top level",
        append("password: hunter2\n"),
        11,
        "password",
        "secrets never go in a profile",
    ),
    (
        "bad env var name",
        sub("VOORBEELD_TOKEN", "voorbeeld-token"),
        5,
        "auth.token_env",
        "^[A-Z_][A-Z0-9_]*$",
    ),
    (
        "bad header name",
        sub(AUTH, "{type: api_key, header: 'X-Key: 1', key_env: K}"),
        5,
        "auth.header",
        "not an HTTP header name",
    ),
    (
        "unknown auth type",
        sub("type: bearer", "type: oauth2"),
        5,
        "auth.type",
        "unknown type 'oauth2'; use one of: bearer, api_key, basic",
    ),
    ("auth without type", sub("type: bearer, ", ""), 5, "auth", "'type' is missing"),
    # vendor values
    (
        "kbo too short",
        sub("0123456789", "0123.456.78"),
        2,
        "vendor.kbo",
        "a KBO number has 10 digits",
    ),
    ("kbo with letters", sub("0123456789", "BE01234567AB"), 2, "vendor.kbo", "10 digits"),
    (
        "bad e-mail",
        sub("interop@voorbeeld.be", "interop-at-voorbeeld"),
        2,
        "vendor.contact",
        "is not an e-mail address",
    ),
    (
        "release with a slash",
        sub('"4.2.0"', '"../../etc"'),
        3,
        "product.release",
        "letters, digits and . _ + - only",
    ),
    # limits
    (
        "timeout zero",
        append("limits: {request_timeout_s: 0}\n"),
        11,
        "limits.request_timeout_s",
        "must be greater than 0",
    ),
    (
        "timeout too long",
        append("limits:\n  request_timeout_s: 121\n"),
        12,
        "limits.request_timeout_s",
        "must be at most 120",
    ),
    (
        "deadline too long",
        append("limits: {deadline_s: 3601}\n"),
        11,
        "limits.deadline_s",
        "must be at most 3600",
    ),
    (
        "body too large",
        append("limits: {max_body_mb: 513}\n"),
        11,
        "limits.max_body_mb",
        "must be at most 512",
    ),
    ("no pages", append("limits: {max_pages: 0}\n"), 11, "limits.max_pages", "must be at least 1"),
    (
        "fractional members",
        append("limits: {max_members: 2.5}\n"),
        11,
        "limits.max_members",
        "expected a whole number, got a decimal number",
    ),
    (
        "infinite deadline",
        append("limits: {deadline_s: .inf}\n"),
        11,
        "limits.deadline_s",
        "must be a finite number",
    ),
    # YAML itself
    ("syntax error", sub('release: "4.2.0"}', 'release: "4.2.0"'), 4, "yaml", "YAML syntax error"),
    ("tab indentation", append("limits:\n\tmax_pages: 3\n"), 12, "yaml", "indent with spaces"),
    (
        "duplicate key",
        append("base_url: http://127.0.0.1:9999\n"),
        11,
        "base_url",
        "duplicate key 'base_url' (first on line 4)",
    ),
    (
        "duplicate nested key",
        sub("name: Voorbeeld NV,", "name: Voorbeeld NV, name: Ander NV,"),
        2,
        "vendor.name",
        "duplicate key 'name'",
    ),
    ("billion laughs", whole(LAUGHS), 2, "yaml", "YAML aliases are not allowed in profiles"),
    (
        "alias without anchor",
        append("hosts: *elders\n"),
        11,
        "yaml",
        "YAML aliases are not allowed in profiles",
    ),
    (
        "python object tag",
        sub("vendor:  {", "vendor: !!python/object/apply:os.system ['true']\nx:  {"),
        2,
        "vendor",
        "YAML tag '!!python/object/apply:os.system' is not allowed",
    ),
    (
        "custom tag",
        sub('"4.2.0"', "!include other.yaml"),
        3,
        "product.release",
        "YAML tag '!include' is not allowed",
    ),
    (
        "non-UTF-8 bytes",
        lambda base: base.replace("Loket", "L\xf6ket").encode("latin-1"),
        3,
        "encoding",
        "the file is not UTF-8 (byte 0xf6)",
    ),
    (
        "control character",
        sub("Voorbeeld NV", "Voorbeeld\x07NV"),
        2,
        "yaml",
        "character U+0007 is not allowed",
    ),
    ("empty file", whole(""), 1, "yaml", "the file is empty"),
    ("only comments", whole("# nog in te vullen\n"), 1, "yaml", "the file is empty"),
    (
        "top-level list",
        whole("- profile_version: 1\n"),
        1,
        "yaml",
        "the top level must be a mapping",
    ),
    ("top-level text", whole("profile_version 1\n"), 1, "yaml", "the top level must be a mapping"),
    (
        "two documents",
        append("---\nprofile_version: 1\n"),
        11,
        "yaml",
        "expected a single document",
    ),
    ("complex key", append("? [a, b]\n: 1\n"), 11, "yaml", "a key must be a plain name"),
    (
        "deep nesting",
        append("x: " + "[" * 100 + "]" * 100 + "\n"),
        11,
        "yaml",
        "nested more than 64 levels deep",
    ),
    ("file too large", append("#" * MAX_BYTES), None, "file", "larger than 1 MiB"),
]


@pytest.mark.parametrize(
    ("edit", "line", "field", "phrase"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_malformed_profile(
    write_profile: WriteProfile,
    minimal: str,
    suites: dict[str, SuiteRoles],
    edit: Edit,
    line: int | None,
    field: str,
    phrase: str,
) -> None:
    path = write_profile(edit(minimal))
    with pytest.raises(ProfileError) as caught:
        load_profile(path, suites)
    prefix = f"{path}:{line}: {field}: " if line is not None else f"{path}: {field}: "
    lines = [str(problem) for problem in caught.value.problems]
    assert any(text.startswith(prefix) and phrase in text for text in lines), lines


def test_there_are_enough_malformed_variants() -> None:
    assert len(CASES) >= 30
    assert len({case[0] for case in CASES}) == len(CASES)


def test_a_missing_file_is_one_problem_without_line(tmp_path: Path) -> None:
    path = tmp_path / "nergens.yaml"
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{path}: file: file not found; check the path"
    ]


def test_secrets_are_never_echoed(
    write_profile: WriteProfile, minimal: str, suites: dict[str, SuiteRoles]
) -> None:
    text = minimal.replace(AUTH, f"{{type: basic, username_env: {TOKEN}, password: p4ss-w0rd}}")
    with pytest.raises(ProfileError) as caught:
        load_profile(write_profile(text), suites)
    assert TOKEN not in str(caught.value)
    assert "p4ss-w0rd" not in str(caught.value)
    assert "https://errors.pydantic.dev" not in str(caught.value)


def test_the_alias_bomb_is_refused_quickly(write_profile: WriteProfile, minimal: str) -> None:
    # Nine levels of nine: expanded it would be 387 million items; refused, it never expands.
    with pytest.raises(ProfileError, match="aliases are not allowed"):
        load_profile(write_profile(LAUGHS + minimal.replace("profile_version: 1\n", "")))
