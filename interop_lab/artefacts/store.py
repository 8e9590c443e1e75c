"""Where pinned artefacts come from: a mirror folder, the local cache, or a download by URL.

Mirrors (``INTEROP_LAB_ARTEFACTS=DIR[:DIR...]``) hold an ``index.json`` mapping public URLs to
files; a URL found there is read from the file and never fetched. Everything else is read from
the cache, or downloaded once and cached under its sha256. The hash is checked in every case.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from interop_lab.artefacts.pins import Artefact, Pin, sha256_hex
from interop_lab.artefacts.repairs import apply_repairs
from interop_lab.model.errors import ArtefactError

MIRROR_VARIABLE = "INTEROP_LAB_ARTEFACTS"
CACHE_VARIABLE = "INTEROP_LAB_CACHE"
Downloader = Callable[[str], bytes]


@dataclass(frozen=True, slots=True)
class MirrorEntry:
    path: Path
    sha256: str


def default_cache_dir() -> Path:
    if os.environ.get(CACHE_VARIABLE):
        return Path(os.environ[CACHE_VARIABLE])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "interop-lab" / "artefacts"


def read_mirror_index(folder: Path) -> dict[str, MirrorEntry]:
    index_file = folder / "index.json"
    try:
        index = json.loads(index_file.read_text(encoding="utf-8"))
        entries = index["artefacts"]
        return {
            url: MirrorEntry(folder / entry["path"], entry["sha256"])
            for url, entry in entries.items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ArtefactError(
            f"{index_file}: not a usable artefact mirror index ({error}); fix {MIRROR_VARIABLE} "
            'or the file (form: {"artefacts": {"<url>": {"path": ..., "sha256": ...}}})'
        ) from None


class ArtefactStore:
    """Resolves pins to verified bytes; never returns an artefact whose hash differs."""

    def __init__(self, mirrors: Sequence[Path], cache_dir: Path, download: Downloader) -> None:
        self._mirror: dict[str, MirrorEntry] = {}
        for folder in reversed(mirrors):  # the first folder named wins
            self._mirror.update(read_mirror_index(folder))
        self._cache_dir = cache_dir
        self._download = download

    @classmethod
    def from_environment(cls, download: Downloader) -> ArtefactStore:
        mirrors = [Path(part) for part in os.environ.get(MIRROR_VARIABLE, "").split(os.pathsep)]
        return cls([m for m in mirrors if str(m) not in ("", ".")], default_cache_dir(), download)

    def load(self, pin: Pin) -> Artefact:
        data = self.original(pin)
        repaired = apply_repairs(pin.url, data, pin.repairs, pin.repair_arguments)
        return Artefact(pin=pin, data=repaired, repairs_applied=pin.repairs)

    def original(self, pin: Pin) -> bytes:
        """The pinned bytes as published, before any repair (hash checked)."""
        entry = self._mirror.get(pin.url)
        if entry is not None:
            return self._from_mirror(pin, entry)
        cached = self._cache_dir / pin.sha256
        if cached.is_file() and sha256_hex(data := cached.read_bytes()) == pin.sha256:
            return data
        data = self._download(pin.url)
        _check_hash(pin, sha256_hex(data), "downloaded")
        self._cache_dir.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(cached)
        return data

    def _from_mirror(self, pin: Pin, entry: MirrorEntry) -> bytes:
        _check_hash(pin, entry.sha256, f"listed in the mirror index of {entry.path.parent}")
        try:
            data = entry.path.read_bytes()
        except OSError as error:
            raise ArtefactError(
                f"{pin.url}: the mirror lists {entry.path} but it cannot be read "
                f"({error.strerror});"
                f" restore the file or remove the mirror from {MIRROR_VARIABLE}"
            ) from None
        _check_hash(pin, sha256_hex(data), f"read from {entry.path}")
        return data


def _check_hash(pin: Pin, actual: str, source: str) -> None:
    if actual != pin.sha256:
        raise ArtefactError(
            f"{pin.url}: sha256 {actual} ({source}) differs from the suite's pin {pin.sha256}; "
            "the published artefact changed: review it and update the pin in the suite manifest, "
            "or point the mirror at the pinned version"
        )
