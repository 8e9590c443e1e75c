"""Usage errors of ``interop-lab serve`` stop before the lab listens (exit 2, the fix named), and
``run`` never runs a suite that tests a client (it needs a served session)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from interop_lab.cli.main import main

KEY_ENV = "LOKAAL_BESLIST_SLEUTEL"
CLIENT = {
    "publisher": "http://data.lblod.info/vendors/cipal-schaubroeck",
    "key_env": KEY_ENV,
    "organizations": ["http://data.lblod.info/id/bestuurseenheden/2498239"],
}


def _profile(folder: Path, *claims: dict[str, object]) -> str:
    data = {
        "profile_version": 1,
        "vendor": {"name": "Notulen NV", "kbo": "0202239951", "contact": "lab@example.org"},
        "product": {"name": "Notulenpakket", "release": "2.1.0"},
        "base_url": "http://127.0.0.1:9",
        "claims": list(claims) or [{"standard": "lokaal-beslist-melding", "client": CLIENT}],
    }
    path = folder / "profiel.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return str(path)


def _serve(profile: str, *more: str, suite: str = "lokaal-beslist-melding") -> list[str]:
    return ["serve", "--suite", suite, "--profile", profile, *more]


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KEY_ENV, "AE86-GT86")


def test_a_suite_that_crawls_is_not_served(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ipdc = {"standard": "ipdc-lpdc", "endpoints": {"feed": "/feed"}}
    assert main(_serve(_profile(tmp_path, ipdc), suite="ipdc-lpdc")) == 2
    assert "tests what a product publishes" in capsys.readouterr().err


def test_the_key_must_be_in_its_variable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(KEY_ENV)
    assert main(_serve(_profile(tmp_path))) == 2
    assert f"claims[0].client.key_env: omgevingsvariabele {KEY_ENV}" in capsys.readouterr().err


@pytest.mark.parametrize(
    "arguments",
    [("--listen", "localhost"), ("--listen", "127.0.0.1:99999"), ("--until-idle", "0"),
     ("--submissions", "0")],
)  # fmt: skip
def test_bad_session_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: tuple[str, str]
) -> None:
    assert main(_serve(_profile(tmp_path), *arguments)) == 2
    assert arguments[0] in capsys.readouterr().err


def test_an_address_in_use_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(_serve(_profile(tmp_path), "--listen", f"127.0.0.1:{port}")) == 2
    assert "cannot listen there" in capsys.readouterr().err


def test_run_leaves_a_client_suite_to_serve(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = _profile(tmp_path)
    assert main(["run", "--profile", profile]) == 2
    assert "interop-lab serve" in capsys.readouterr().err
    assert main(["run", "--profile", profile, "--suite", "lokaal-beslist-melding"]) == 2
    assert "tests the product's client" in capsys.readouterr().err


def test_a_campaign_leaves_client_suites_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interop_lab.campaign.plan import plan
    from interop_lab.runner.session import suite_roles
    from interop_lab.suites.registry import load_suites

    monkeypatch.setenv("INTEROP_LAB_TEST_TOKEN", "t")
    both = tmp_path / "profielen"
    both.mkdir()
    ipdc = {"standard": "ipdc-lpdc", "endpoints": {"feed": "/feed"}}
    client = {"standard": "lokaal-beslist-melding", "client": CLIENT}
    Path(_profile(both, ipdc, client)).rename(both / "beide.yaml")
    Path(_profile(both)).rename(both / "enkel-client.yaml")
    tasks = plan(both, suite_roles(load_suites()), allow_private=True)
    assert [(task.stem, task.suites) for task in tasks] == [("beide", ("ipdc-lpdc",))]
