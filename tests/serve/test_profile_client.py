"""A profile names the vendor's client for a suite that tests one: its publisher URI, the
environment variable holding its key (never the key) and the bestuurseenheden it submits for;
every mistake is a ``file:line: field: problem`` line, as for the rest of a profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from interop_lab.model.errors import ProfileError, UsageError
from interop_lab.profiles import SuiteRoles, load_profile

SUITES = {
    "lokaal-beslist-melding": SuiteRoles(frozenset(), frozenset(), ("L1", "L2", "L3"), client=True),
    "ipdc-lpdc": SuiteRoles(frozenset({"feed"}), frozenset(), ("L1", "L2", "L3", "L4")),
}
HEAD = """\
profile_version: 1
vendor:  {name: Notulen NV, kbo: "0202239951", contact: interop@notulen.be}
product: {name: Notulenpakket, release: "2.1.0"}
base_url: https://raadpleegomgeving.tielt-winge.be
claims:
"""
CLIENT = """\
  - standard: lokaal-beslist-melding
    client:
      publisher: http://data.lblod.info/vendors/cipal-schaubroeck
      key_env: LOKAAL_BESLIST_SLEUTEL
      organizations: [http://data.lblod.info/id/bestuurseenheden/2498239]
"""


def _load(tmp_path: Path, claims: str) -> list[str]:
    path = tmp_path / "profiel.yaml"
    path.write_text(HEAD + claims, encoding="utf-8")
    try:
        load_profile(path, SUITES)
    except ProfileError as error:
        return [str(problem) for problem in error.problems]
    return []


def test_a_client_claim_loads_and_gives_its_key_from_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "profiel.yaml"
    path.write_text(HEAD + CLIENT, encoding="utf-8")
    profile = load_profile(path, SUITES)
    claim = profile.claims[0]
    assert claim.client is not None
    assert claim.client.organizations == ("http://data.lblod.info/id/bestuurseenheden/2498239",)
    assert profile.client_key(claim, {"LOKAAL_BESLIST_SLEUTEL": "AE86-GT86"}) == "AE86-GT86"


def test_a_missing_key_names_the_field_and_the_variable(tmp_path: Path) -> None:
    path = tmp_path / "profiel.yaml"
    path.write_text(HEAD + CLIENT, encoding="utf-8")
    profile = load_profile(path, SUITES)
    with pytest.raises(UsageError) as raised:
        profile.client_key(profile.claims[0], {})
    assert str(raised.value) == (
        f"{path}: claims[0].client.key_env: omgevingsvariabele LOKAAL_BESLIST_SLEUTEL is niet "
        "gezet; zet ze voor je de lab draait"
    )


def test_a_client_suite_needs_a_client(tmp_path: Path) -> None:
    problems = _load(tmp_path, "  - standard: lokaal-beslist-melding\n")
    assert problems == [
        f"{tmp_path / 'profiel.yaml'}:6: claims[0]: suite lokaal-beslist-melding tests the "
        "product's client (interop-lab serve): add client: {publisher: URI, key_env: NAME, "
        "organizations: [URI]}"
    ]


def test_a_client_suite_has_no_endpoints(tmp_path: Path) -> None:
    problems = _load(tmp_path, CLIENT + "    endpoints: {documents: /notulen.html}\n")
    assert len(problems) == 1
    assert ":11: claims[0].endpoints: suite lokaal-beslist-melding has no endpoints" in problems[0]


def test_a_suite_that_crawls_takes_no_client(tmp_path: Path) -> None:
    claim = CLIENT.replace("lokaal-beslist-melding", "ipdc-lpdc") + "    endpoints: {feed: /f}\n"
    problems = _load(tmp_path, claim)
    assert len(problems) == 1
    assert ":7: claims[0].client: suite ipdc-lpdc tests what the product publishes" in problems[0]


def test_a_key_written_in_the_profile_is_refused_without_repeating_it(tmp_path: Path) -> None:
    secret = "c2VjcmV0LXNsZXV0ZWwtOTg3NjU0MzIx"
    problems = _load(tmp_path, CLIENT.replace("LOKAAL_BESLIST_SLEUTEL", secret))
    assert len(problems) == 1
    assert ":9: claims[0].client.key_env: secrets never go in a profile" in problems[0]
    assert secret not in problems[0]


@pytest.mark.parametrize(
    ("replace", "replacement", "field"),
    [
        ("http://data.lblod.info/vendors/cipal-schaubroeck", "cipal", "client.publisher"),
        (
            "[http://data.lblod.info/id/bestuurseenheden/2498239]",
            "[]",
            "client.organizations",
        ),
    ],
)
def test_iris_and_organizations_are_checked(
    tmp_path: Path, replace: str, replacement: str, field: str
) -> None:
    problems = _load(tmp_path, CLIENT.replace(replace, replacement))
    assert len(problems) == 1
    assert f": claims[0].{field}: " in problems[0]
