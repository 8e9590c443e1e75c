"""The OSLO standards register: read and checked at the boundary, stored whole as one graph."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from interop_lab.catalogue import (
    Catalogue,
    RegisterError,
    RegisterUsage,
    StandardStatus,
    read_register,
    standard_iri,
    unknown_titles,
)
from interop_lab.catalogue.register import iso_date, parse_register, usage_of
from interop_lab.cli.main import main
from interop_lab.suites.registry import load_suites

REGISTER_FILE = (
    Path(__file__).resolve().parents[2]
    / ".."
    / "shared"
    / "peers"
    / "oslo-standaardenregister"
    / "standards.json"
)


def real_register_file() -> Path:
    """The register beside the repository; a missing one fails, it is never skipped."""
    if not REGISTER_FILE.is_file():
        raise AssertionError(f"no standards register at {REGISTER_FILE.resolve()}")
    return REGISTER_FILE


def configuration(title: str, **changes: Any) -> dict[str, Any]:
    return {
        "title": title,
        "category": "Applicatieprofiel",
        "usage": "Aanbevolen (vrijwillig)",
        "status": "erkende-standaard",
        "descriptionFileName": "ap.md",
        "responsibleOrganisation": {
            "name": "Agentschap Digitaal Vlaanderen",
            "uri": "https://data.vlaanderen.be/id/organisatie/OVO002949",
        },
        "publicationDate": "2024-07-04",
        "specificationDocuments": [
            {"name": f"{title} AP", "uri": f"https://data.vlaanderen.be/doc/ap/{len(title)}/"}
        ],
        **changes,
    }


def entries(*configurations: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"source_path": f"content/standaarden/{c['title']}/configuration.json", "configuration": c}
        for c in configurations
    ]


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "standards.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_real_register_reads_with_its_placeholder_left_out() -> None:
    register = read_register(real_register_file())

    assert register.source == "standards.json"
    assert len(register.entries) == 207
    assert register.placeholders == ("content/standaarden/dummy-standard/configuration.json",)
    besluit = register.find("applicatieprofiel besluit publicatie")
    assert besluit is not None
    assert (besluit.usage, besluit.usage_text) == (RegisterUsage.VERPLICHT, "Verplicht")
    assert besluit.status is StandardStatus.ERKEND
    assert besluit.organisations[0].name == "Agentschap Binnenlands Bestuur"
    assert besluit.specifications[0].url == (
        "https://data.vlaanderen.be/doc/applicatieprofiel/besluit-publicatie/"
    )
    assert besluit.published == "2018-07-20"
    assert besluit.registered == "2018-04-10"  # "10 April 2018 (retroactief)"


def test_every_suite_names_an_entry_of_the_real_register() -> None:
    register = read_register(real_register_file())
    named = {
        suite_id: suite.manifest.standard.register_title or ""
        for suite_id, suite in load_suites().items()
    }

    assert all(named.values()), named
    assert unknown_titles(register, named) == []


@pytest.mark.parametrize(
    ("text", "usage"),
    [
        ("Verplicht", RegisterUsage.VERPLICHT),
        ("Aanbevolen (vrijwillig)", RegisterUsage.AANBEVOLEN),
        ("aanbevolen (vrijwillig)", RegisterUsage.AANBEVOLEN),
        ("Aanbevolen", RegisterUsage.AANBEVOLEN),
        ("Pas toe of leg uit", RegisterUsage.PAS_TOE_OF_LEG_UIT),
        ("TBD", RegisterUsage.ONBEPAALD),
        ("", RegisterUsage.ONBEPAALD),
        ("Misschien", None),
    ],
)
def test_usage_is_normalised_to_a_closed_set(text: str, usage: RegisterUsage | None) -> None:
    assert usage_of(text) is usage


def test_the_original_usage_text_is_kept() -> None:
    register = parse_register(entries(configuration("A", usage="aanbevolen (vrijwillig)")), "r")

    (entry,) = register.entries
    assert (entry.usage, entry.usage_text) == (RegisterUsage.AANBEVOLEN, "aanbevolen (vrijwillig)")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2018-07-20", "2018-07-20"),
        ("20-06-2019", "2019-06-20"),
        ("01/02/2020", "2020-02-01"),
        (" 9 maart 2021", "2021-03-09"),
        ("10 April 2018 (retroactief)", "2018-04-10"),
        ("TBD", ""),
        ("Juni 2021", ""),
    ],
)
def test_dates_in_the_registers_spellings(text: str, iso: str) -> None:
    assert iso_date(text) == iso


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(RegisterError, match=r"nergens\.json: cannot read the standards register"):
        read_register(tmp_path / "nergens.json")


def test_a_file_that_is_not_json_is_named(tmp_path: Path) -> None:
    path = tmp_path / "standards.json"
    path.write_text("[{", encoding="utf-8")
    with pytest.raises(RegisterError, match=r"standards\.json: the standards register is not JSON"):
        read_register(path)


def test_the_register_must_be_an_array(tmp_path: Path) -> None:
    with pytest.raises(RegisterError, match=r"must be a JSON array .* found dict"):
        read_register(write(tmp_path, {"title": "A"}))


def test_an_unknown_usage_names_the_entry_and_the_field(tmp_path: Path) -> None:
    data = entries(configuration("A"), configuration("B", usage="Misschien"))
    with pytest.raises(
        RegisterError,
        match=r"standards\.json: invalid standards register: entry 1 \('B'\): "
        r"configuration\.usage: unknown usage 'Misschien'",
    ):
        read_register(write(tmp_path, data))


def test_an_unknown_status_names_the_entry_and_the_field(tmp_path: Path) -> None:
    data = entries(configuration("A", status="bijna-standaard"))
    with pytest.raises(
        RegisterError, match=r"entry 0 \('A'\): configuration\.status: unknown status"
    ):
        read_register(write(tmp_path, data))


def test_a_missing_configuration_field_is_named(tmp_path: Path) -> None:
    data: list[Any] = entries(configuration("A"))
    data[0]["configuration"].pop("title")
    with pytest.raises(RegisterError, match=r"entry 0: configuration\.title: Field required"):
        read_register(write(tmp_path, data))


def test_a_wrongly_typed_field_is_named(tmp_path: Path) -> None:
    data = entries(configuration("A", specificationDocuments="https://x.test/"))
    with pytest.raises(RegisterError, match=r"entry 0 \('A'\): configuration\.specificationDoc"):
        read_register(write(tmp_path, data))


def test_an_untitled_entry_that_describes_a_standard_is_refused(tmp_path: Path) -> None:
    data = entries(configuration(""))
    with pytest.raises(RegisterError, match=r"entry 0: configuration: title: the title is empty"):
        read_register(write(tmp_path, data))


def test_two_entries_with_one_title_are_refused(tmp_path: Path) -> None:
    data = entries(configuration("Applicatieprofiel X"), configuration("applicatieprofiel  x"))
    with pytest.raises(RegisterError, match=r"entries 0 and 1 have the same title"):
        read_register(write(tmp_path, data))


def test_a_manifest_title_missing_from_the_register_is_reported() -> None:
    register = parse_register(entries(configuration("Applicatieprofiel LDES")), "standards.json")

    assert unknown_titles(register, {"ldes": "Applicatieprofiel LDES", "x": "Onbekend"}) == [
        "suite x: its manifest names 'Onbekend' (standard.register), which is not in the "
        "standards register standards.json; correct the title in its suite.yaml"
    ]


def test_the_catalogue_keeps_the_register_as_one_graph(catalogue: Catalogue) -> None:
    assert catalogue.register() is None
    organisations = {"name": ["Agentschap A", "Agentschap B"], "uri": ["https://a.test/", ""]}
    register = parse_register(
        entries(
            configuration("Applicatieprofiel LDES", responsibleOrganisation=organisations),
            configuration("Vocabularium X", usage="TBD", status="", category=""),
        ),
        "standards.json",
    )
    catalogue.set_register(register)

    stored = catalogue.register()
    assert stored is not None
    assert stored.source == "standards.json"
    ldes = stored.find("Applicatieprofiel LDES")
    assert ldes == register.entries[0]
    minted = "urn:interop-lab:organisation:agentschap-b"
    assert [o.iri for o in ldes.organisations] == ["https://a.test/", minted]
    assert stored.find("Vocabularium X") == register.entries[1]


def test_loading_again_replaces_the_register_whole(catalogue: Catalogue) -> None:
    catalogue.set_register(parse_register(entries(configuration("Oud")), "oud.json"))
    catalogue.set_register(parse_register(entries(configuration("Nieuw")), "nieuw.json"))

    stored = catalogue.register()
    assert stored is not None
    assert (stored.source, [e.title for e in stored.entries]) == ("nieuw.json", ["Nieuw"])
    rows = catalogue.query(f"SELECT ?s WHERE {{ <{standard_iri('Oud')}> ?p ?o }}")
    assert rows == []


def test_the_cli_loads_the_register_and_warns_about_unknown_titles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, entries(configuration("Applicatieprofiel LDES"), {"title": ""}))
    url = f"file:{tmp_path / 'catalogus'}"

    assert main(["catalogue", "standards", str(path), "--catalogue", url]) == 0

    out, err = capsys.readouterr()
    assert "standards register: 1 standards, 1 suites linked" in out
    assert "left out an empty template entry: content/standaarden//configuration.json" in out
    assert "warning: suite besluit-publicatie: its manifest names " in err
    assert "'Applicatieprofiel Besluit Publicatie' (standard.register)" in err


def test_the_cli_stops_on_a_malformed_register(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, entries(configuration("A", usage="Misschien")))

    assert main(["catalogue", "standards", str(path), "--catalogue", f"file:{tmp_path}/c"]) == 2
    assert (
        "entry 0 ('A'): configuration.usage: unknown usage 'Misschien'" in capsys.readouterr().err
    )
