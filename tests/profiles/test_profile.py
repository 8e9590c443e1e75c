"""Loading valid profiles and what a loaded profile offers the rest of the lab."""

from __future__ import annotations

import base64
import inspect
from collections.abc import Callable
from pathlib import Path

import pytest

import interop_lab.profiles as profiles
from interop_lab.model.errors import ProfileError, UsageError
from interop_lab.profiles import (
    ApiKeyAuth,
    BasicAuth,
    BearerAuth,
    SuiteRoles,
    VendorProfile,
    check_profiles,
    load_profile,
)

WriteProfile = Callable[[str | bytes], Path]

FULL = """\
profile_version: 1
vendor: {name: Voorbeeld NV, kbo: "BE 0123.456.749", contact: interop@voorbeeld.be}
product: {name: Voorbeeld Loket, release: 4.2.0-rc1}
base_url: https://API.voorbeeld.be:8443/v1/
hosts: [Cdn.Voorbeeld.be, "[::1]:9000"]
tls_verify: false
limits: {request_timeout_s: 10, deadline_s: 600, max_pages: 50, max_members: 1000, max_body_mb: 2.5}
municipalities: [Gent, Aalst]
auth: {type: api_key, header: X-API-Key, key_env: VOORBEELD_KEY}
claims:
  - standard: ipdc-lpdc
    endpoints: {feed: "ldes/feed?page=1"}
    level: L3
    notes: de feed start bij pagina 1
  - standard: besluit-publicatie
    endpoints:
      pages: [/notulen.html, "https://cdn.voorbeeld.be/besluiten.html"]
      feed: /besluiten/feed
"""


def test_the_contracts_minimal_profile_loads(
    write_profile: WriteProfile, minimal: str, suites: dict[str, SuiteRoles]
) -> None:
    path = write_profile(minimal)
    profile = load_profile(path, suites)
    assert profile.source == path
    assert profile.vendor.kbo == "0123456789"
    assert profile.product.release == "4.2.0"
    assert profile.auth == BearerAuth(type="bearer", token_env="VOORBEELD_TOKEN")
    assert [claim.standard for claim in profile.claims] == ["ipdc-lpdc", "besluit-publicatie"]
    assert profile.tls_verify is True
    assert profile.limits.max_pages is None


def test_it_loads_without_suites_too(write_profile: WriteProfile, minimal: str) -> None:
    assert load_profile(write_profile(minimal)).claim_for("ipdc-lpdc") is not None


def test_optional_fields_load_and_normalise(
    write_profile: WriteProfile, suites: dict[str, SuiteRoles]
) -> None:
    profile = load_profile(write_profile(FULL), suites)
    assert profile.vendor.kbo == "0123456749"
    assert profile.vendor.kbo_checksum_ok
    assert profile.hosts == ("cdn.voorbeeld.be", "[::1]:9000")
    assert profile.tls_verify is False
    assert profile.limits.max_body_mb == 2.5
    assert profile.limits.request_timeout_s == 10.0
    assert profile.municipalities == ("Gent", "Aalst")
    claim = profile.claim_for("ipdc-lpdc")
    assert claim is not None
    assert claim.level == "L3"
    assert claim.notes == "de feed start bij pagina 1"


def test_the_contract_kbo_example_fails_only_the_checksum(
    write_profile: WriteProfile, minimal: str
) -> None:
    assert not load_profile(write_profile(minimal)).vendor.kbo_checksum_ok


def test_endpoint_urls_are_resolved_against_base_url(
    write_profile: WriteProfile, minimal: str
) -> None:
    profile = load_profile(write_profile(minimal))
    besluit = profile.claim_for("besluit-publicatie")
    assert besluit is not None
    assert profile.endpoint_urls(besluit, "pages") == (
        "http://127.0.0.1:8801/zittingen/2024-05-27/notulen.html",
        "http://127.0.0.1:8801/zittingen/2024-05-27/besluitenlijst.html",
    )
    assert profile.endpoint_urls(besluit, "feed") == ()


def test_endpoint_paths_extend_base_urls_path_and_absolute_urls_stay(
    write_profile: WriteProfile,
) -> None:
    profile = load_profile(write_profile(FULL))
    ipdc, besluit = profile.claims
    assert profile.endpoint_urls(ipdc, "feed") == (
        "https://API.voorbeeld.be:8443/v1/ldes/feed?page=1",
    )
    assert profile.endpoint_urls(besluit, "pages") == (
        "https://API.voorbeeld.be:8443/v1/notulen.html",
        "https://cdn.voorbeeld.be/besluiten.html",
    )


def test_allowed_hosts_are_base_url_and_hosts_lower_case(
    write_profile: WriteProfile, minimal: str
) -> None:
    assert load_profile(write_profile(minimal)).allowed_hosts() == frozenset({"127.0.0.1:8801"})
    assert load_profile(write_profile(FULL)).allowed_hosts() == frozenset(
        {"api.voorbeeld.be:8443", "cdn.voorbeeld.be", "[::1]:9000"}
    )


def test_bearer_auth_material(write_profile: WriteProfile, minimal: str) -> None:
    profile = load_profile(write_profile(minimal))
    headers, secrets = profile.auth_material({"VOORBEELD_TOKEN": "s3cr3t"})
    assert headers == {"Authorization": "Bearer s3cr3t"}
    assert secrets == ("s3cr3t",)


def test_api_key_auth_material(write_profile: WriteProfile) -> None:
    profile = load_profile(write_profile(FULL))
    assert isinstance(profile.auth, ApiKeyAuth)
    assert profile.auth_material({"VOORBEELD_KEY": "k-123"}) == (
        {"X-API-Key": "k-123"},
        ("k-123",),
    )


def test_basic_auth_material_redacts_password_pair_and_base64(
    write_profile: WriteProfile, minimal: str
) -> None:
    text = minimal.replace(
        "{type: bearer, token_env: VOORBEELD_TOKEN}",
        "{type: basic, username_env: LAB_USER, password_env: LAB_PASSWORD}",
    )
    profile = load_profile(write_profile(text))
    assert isinstance(profile.auth, BasicAuth)
    headers, secrets = profile.auth_material({"LAB_USER": "lab", "LAB_PASSWORD": "pw"})
    encoded = base64.b64encode(b"lab:pw").decode()
    assert headers == {"Authorization": f"Basic {encoded}"}
    assert secrets == ("pw", "lab:pw", encoded)


def test_no_auth_means_no_material(write_profile: WriteProfile, minimal: str) -> None:
    text = "".join(line for line in minimal.splitlines(True) if not line.startswith("auth"))
    assert load_profile(write_profile(text)).auth_material({}) == ({}, ())


def test_missing_env_variable_names_the_variable_and_file(
    write_profile: WriteProfile, minimal: str
) -> None:
    path = write_profile(minimal)
    profile = load_profile(path)
    with pytest.raises(UsageError) as caught:
        profile.auth_material({"OTHER": "value"})
    assert str(caught.value) == (
        f"{path}: auth.token_env: omgevingsvariabele VOORBEELD_TOKEN is niet gezet; "
        "zet ze voor je de lab draait"
    )


def test_missing_env_variables_are_all_named_and_values_never_shown(
    write_profile: WriteProfile, minimal: str
) -> None:
    text = minimal.replace(
        "{type: bearer, token_env: VOORBEELD_TOKEN}",
        "{type: basic, username_env: LAB_USER, password_env: LAB_PASSWORD}",
    )
    profile = load_profile(write_profile(text))
    with pytest.raises(UsageError) as caught:
        profile.auth_material({"LAB_USER": "lab"})
    assert "auth.password_env: omgevingsvariabele LAB_PASSWORD is niet gezet" in str(caught.value)
    with pytest.raises(UsageError) as caught:
        profile.auth_material({"LAB_USER": "lab", "LAB_PASSWORD": "pw\r\nX-Evil: 1"})
    assert "LAB_PASSWORD bevat een regeleinde" in str(caught.value)
    assert "X-Evil" not in str(caught.value)
    with pytest.raises(UsageError, match="mag geen ':' bevatten"):
        profile.auth_material({"LAB_USER": "a:b", "LAB_PASSWORD": "pw"})


def test_a_profile_built_in_code_has_no_source() -> None:
    profile = VendorProfile.model_validate(
        {
            "profile_version": 1,
            "vendor": {"name": "V", "kbo": "0123456789", "contact": "a@b.be"},
            "product": {"name": "P", "release": "1"},
            "base_url": "http://localhost:8000",
            "claims": [{"standard": "ldes", "endpoints": {"feed": ("/a", "/b")}}],
        }
    )
    assert profile.source is None
    assert "source" not in profile.model_dump()
    with pytest.raises(UsageError, match=r"^profiel: auth"):
        profile.model_copy(update={"auth": BearerAuth(type="bearer", token_env="T")}).auth_material(
            {}
        )


def test_models_are_frozen(write_profile: WriteProfile, minimal: str) -> None:
    profile = load_profile(write_profile(minimal))
    with pytest.raises(ValueError, match="frozen"):
        profile.base_url = "http://elders"


def test_check_profiles_reports_problems_of_every_file(
    write_profile: WriteProfile, minimal: str, suites: dict[str, SuiteRoles]
) -> None:
    good = write_profile(minimal)
    bad_version = write_profile(minimal.replace("profile_version: 1", "profile_version: 2"))
    bad_suite = write_profile(minimal.replace("standard: ipdc-lpdc", "standard: ipdc"))
    missing = good.parent / "missing.yaml"
    problems = check_profiles([good, bad_version, bad_suite, missing], suites)
    assert [str(problem).split(": ")[0] for problem in problems] == [
        f"{bad_version}:1",
        f"{bad_suite}:7",
        str(missing),
    ]
    assert check_profiles([good], suites) == []


def test_load_profile_raises_every_problem_at_once(
    write_profile: WriteProfile, minimal: str, suites: dict[str, SuiteRoles]
) -> None:
    text = minimal.replace('"0123456789"', '"123"').replace("http://127.0.0.1:8801", "/api")
    path = write_profile(text)
    with pytest.raises(ProfileError) as caught:
        load_profile(path, suites)
    assert [(problem.line, problem.field) for problem in caught.value.problems] == [
        (2, "vendor.kbo"),
        (4, "base_url"),
    ]
    assert str(caught.value).splitlines()[0].startswith(f"{path}:2: vendor.kbo: ")


def test_all_lists_exactly_the_public_names() -> None:
    public = {
        name
        for name, value in vars(profiles).items()
        if not name.startswith("_") and not inspect.ismodule(value) and name != "annotations"
    }
    assert set(profiles.__all__) == public
    assert len(profiles.__all__) == len(set(profiles.__all__))


def test_public_functions_take_a_path(tmp_path: Path) -> None:
    assert check_profiles([tmp_path / "none.yaml"])[0].line is None


def test_bom_crlf_and_unquoted_dates_are_accepted(
    write_profile: WriteProfile, minimal: str
) -> None:
    text = minimal.replace('"4.2.0"', "2024-05-27").replace("\n", "\r\n")
    profile = load_profile(write_profile(b"\xef\xbb\xbf" + text.encode()))
    assert profile.product.release == "2024-05-27"


def test_lines_count_from_the_top_with_crlf(write_profile: WriteProfile, minimal: str) -> None:
    text = minimal.replace("interop@voorbeeld.be", "nope").replace("\n", "\r\n")
    problems = check_profiles([write_profile(text)])
    assert [(problem.line, problem.field) for problem in problems] == [(2, "vendor.contact")]


def test_an_unreadable_number_points_at_its_field(
    write_profile: WriteProfile, minimal: str
) -> None:
    problems = check_profiles([write_profile(minimal + f"limits: {{max_pages: {'9' * 5000}}}\n")])
    assert [(problem.line, problem.field) for problem in problems] == [(11, "limits.max_pages")]
