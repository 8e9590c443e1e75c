"""ArtefactStore: mirror, then cache, then download; the pinned hash is checked every time."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from interop_lab.artefacts.pins import Pin, sha256_hex
from interop_lab.artefacts.store import (
    ArtefactStore,
    default_cache_dir,
    read_mirror_index,
)
from interop_lab.model.errors import ArtefactError

URL = "https://data.vlaanderen.test/context/voorbeeld.jsonld"
DATA = b'{"@context": {"naam": "http://purl.org/dc/terms/title"}}'
OTHER = b'{"@context": {}}'


class Downloads:
    """A downloader that serves fixed bytes and remembers each URL it was asked for."""

    def __init__(self, data: bytes = DATA) -> None:
        self.data = data
        self.urls: list[str] = []

    def __call__(self, url: str) -> bytes:
        self.urls.append(url)
        return self.data


def refuse(url: str) -> bytes:
    raise AssertionError(f"{url} must not be downloaded")


def pin(data: bytes = DATA, url: str = URL, repairs: tuple[str, ...] = ()) -> Pin:
    return Pin(url=url, sha256=sha256_hex(data), role="context", repairs=repairs)


def make_mirror(
    folder: Path, files: dict[str, bytes], hashes: dict[str, str] | None = None
) -> Path:
    """A mirror folder with one file per URL and an index giving their (or the given) hashes."""
    folder.mkdir(parents=True, exist_ok=True)
    artefacts = {}
    for number, (url, data) in enumerate(files.items()):
        name = f"artefact-{number}.bin"
        (folder / name).write_bytes(data)
        digest = (hashes or {}).get(url, sha256_hex(data))
        artefacts[url] = {"path": name, "sha256": digest}
    (folder / "index.json").write_text(json.dumps({"artefacts": artefacts}))
    return folder


def test_mirror_hit_is_read_and_never_downloaded(tmp_path: Path) -> None:
    mirror = make_mirror(tmp_path / "mirror", {URL: DATA})
    store = ArtefactStore([mirror], tmp_path / "cache", refuse)

    artefact = store.load(pin())

    assert artefact.data == DATA
    assert artefact.pin == pin()
    assert artefact.repairs_applied == ()
    assert not (tmp_path / "cache").exists()


def test_index_hash_differing_from_the_pin_names_url_and_both_hashes(tmp_path: Path) -> None:
    mirror = make_mirror(tmp_path / "mirror", {URL: OTHER})
    store = ArtefactStore([mirror], tmp_path / "cache", refuse)

    with pytest.raises(ArtefactError) as raised:
        store.load(pin(DATA))

    message = str(raised.value)
    assert message.startswith(URL)
    assert sha256_hex(OTHER) in message
    assert sha256_hex(DATA) in message
    assert "update the pin" in message


def test_mirror_file_differing_from_its_index_entry_is_refused(tmp_path: Path) -> None:
    mirror = make_mirror(tmp_path / "mirror", {URL: OTHER}, hashes={URL: sha256_hex(DATA)})
    store = ArtefactStore([mirror], tmp_path / "cache", refuse)

    with pytest.raises(ArtefactError) as raised:
        store.load(pin(DATA))

    message = str(raised.value)
    assert URL in message
    assert f"sha256 {sha256_hex(OTHER)}" in message
    assert sha256_hex(DATA) in message
    assert "artefact-0.bin" in message


def test_mirror_entry_without_its_file_says_which_file(tmp_path: Path) -> None:
    mirror = make_mirror(tmp_path / "mirror", {URL: DATA})
    (mirror / "artefact-0.bin").unlink()
    store = ArtefactStore([mirror], tmp_path / "cache", refuse)

    with pytest.raises(ArtefactError) as raised:
        store.load(pin())

    message = str(raised.value)
    assert URL in message
    assert str(mirror / "artefact-0.bin") in message
    assert "cannot be read" in message
    assert "INTEROP_LAB_ARTEFACTS" in message


def test_first_mirror_named_wins(tmp_path: Path) -> None:
    first = make_mirror(tmp_path / "first", {URL: DATA})
    second = make_mirror(tmp_path / "second", {URL: OTHER})

    store = ArtefactStore([first, second], tmp_path / "cache", refuse)

    assert store.load(pin(DATA)).data == DATA


def test_cache_hit_is_not_downloaded(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / sha256_hex(DATA)).write_bytes(DATA)
    store = ArtefactStore([], cache, refuse)

    assert store.load(pin()).data == DATA


def test_download_is_cached_under_its_hash(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    downloads = Downloads()

    first = ArtefactStore([], cache, downloads).load(pin())
    again = ArtefactStore([], cache, refuse).load(pin())

    assert first.data == again.data == DATA
    assert downloads.urls == [URL]
    assert sorted(path.name for path in cache.iterdir()) == [sha256_hex(DATA)]


def test_corrupt_cache_entry_is_downloaded_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / sha256_hex(DATA)).write_bytes(b"half")
    downloads = Downloads()

    artefact = ArtefactStore([], cache, downloads).load(pin())

    assert artefact.data == DATA
    assert downloads.urls == [URL]
    assert (cache / sha256_hex(DATA)).read_bytes() == DATA


def test_download_with_another_hash_is_refused_and_not_cached(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    store = ArtefactStore([], cache, Downloads(OTHER))

    with pytest.raises(ArtefactError) as raised:
        store.load(pin(DATA))

    message = str(raised.value)
    assert URL in message
    assert sha256_hex(OTHER) in message
    assert sha256_hex(DATA) in message
    assert "downloaded" in message
    assert not cache.exists() or list(cache.iterdir()) == []


def test_downloader_error_propagates(tmp_path: Path) -> None:
    error = ArtefactError(f"{URL}: artefact unreachable")

    def failing(url: str) -> bytes:
        raise error

    store = ArtefactStore([], tmp_path / "cache", failing)

    with pytest.raises(ArtefactError) as raised:
        store.load(pin())

    assert raised.value is error


def test_repairs_are_applied_after_the_hash_check(tmp_path: Path) -> None:
    bare = b'{"naam": "http://purl.org/dc/terms/title"}'
    mirror = make_mirror(tmp_path / "mirror", {URL: bare})
    store = ArtefactStore([mirror], tmp_path / "cache", refuse)

    artefact = store.load(pin(bare, repairs=("wrap-bare-context",)))

    assert json.loads(artefact.data) == {"@context": json.loads(bare)}
    assert artefact.repairs_applied == ("wrap-bare-context",)


def test_real_mirror_artefact_loads_with_its_index_hash(real_mirror: Path) -> None:
    index = json.loads((real_mirror / "index.json").read_text())["artefacts"]
    url = "https://raw.githubusercontent.com/Informatievlaanderen/ipdc-lpdc/main/jsonld/ldes.jsonld"
    entry = index[url]
    store = ArtefactStore([real_mirror], Path("/nonexistent/cache"), refuse)

    artefact = store.load(Pin(url=url, sha256=entry["sha256"], role="context"))

    assert artefact.data == (real_mirror / entry["path"]).read_bytes()


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        '{"artefacts": []}',
        '{"other": {}}',
        '{"artefacts": {"https://x.test/a": "a.ttl"}}',
        '{"artefacts": {"https://x.test/a": {"path": "a.ttl"}}}',
    ],
)
def test_unusable_index_is_an_artefact_error_with_the_fix(tmp_path: Path, text: str) -> None:
    (tmp_path / "index.json").write_text(text)

    with pytest.raises(ArtefactError) as raised:
        ArtefactStore([tmp_path], tmp_path / "cache", refuse)

    message = str(raised.value)
    assert str(tmp_path / "index.json") in message
    assert "not a usable artefact mirror index" in message
    assert '{"artefacts": {"<url>": {"path": ..., "sha256": ...}}}' in message


def test_missing_mirror_folder_is_an_artefact_error(tmp_path: Path) -> None:
    with pytest.raises(ArtefactError, match="not a usable artefact mirror index"):
        read_mirror_index(tmp_path / "absent")


def test_mirror_paths_are_relative_to_the_mirror_folder(tmp_path: Path) -> None:
    make_mirror(tmp_path, {URL: DATA})

    entries = read_mirror_index(tmp_path)

    assert entries[URL].path == tmp_path / "artefact-0.bin"
    assert entries[URL].sha256 == sha256_hex(DATA)


def test_from_environment_reads_every_mirror_and_the_cache_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_mirror(tmp_path / "first", {URL: DATA})
    other_url = "https://data.vlaanderen.test/shapes.ttl"
    second = make_mirror(tmp_path / "second", {other_url: OTHER})
    monkeypatch.setenv("INTEROP_LAB_ARTEFACTS", os.pathsep.join(["", str(first), str(second)]))
    monkeypatch.setenv("INTEROP_LAB_CACHE", str(tmp_path / "cache"))
    downloads = Downloads(b"third")

    store = ArtefactStore.from_environment(downloads)

    assert store.load(pin()).data == DATA
    assert store.load(pin(OTHER, url=other_url)).data == OTHER
    store.load(pin(b"third", url="https://elders.test/x"))
    assert (tmp_path / "cache" / sha256_hex(b"third")).is_file()


def test_empty_environment_means_no_mirror(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTEROP_LAB_ARTEFACTS", "")
    monkeypatch.setenv("INTEROP_LAB_CACHE", str(tmp_path / "cache"))
    downloads = Downloads()

    ArtefactStore.from_environment(downloads).load(pin())

    assert downloads.urls == [URL]


def test_default_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTEROP_LAB_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "interop-lab" / "artefacts"

    monkeypatch.setenv("INTEROP_LAB_CACHE", str(tmp_path / "own"))
    assert default_cache_dir() == tmp_path / "own"
