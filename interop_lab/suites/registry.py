"""Finding suites: the bundled ones, plus folders named in ``INTEROP_LAB_SUITES``.

Adding a standard is a folder with a manifest and test modules; nothing in the package changes.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from interop_lab.model.errors import SuiteError
from interop_lab.model.outcomes import Level
from interop_lab.suites.manifest import MANIFEST_NAME, SuiteManifest, read_manifest

SUITES_VARIABLE = "INTEROP_LAB_SUITES"


@dataclass(frozen=True, slots=True)
class Suite:
    manifest: SuiteManifest
    folder: Path

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def levels(self) -> tuple[Level, ...]:
        return tuple(Level(level.id, level.title) for level in self.manifest.levels)


def suite_roots() -> list[Path]:
    roots = [Path(str(resources.files("conformance_suites")))]
    extra = os.environ.get(SUITES_VARIABLE, "")
    roots.extend(Path(part) for part in extra.split(os.pathsep) if part)
    return roots


def load_suites(roots: list[Path] | None = None) -> dict[str, Suite]:
    """Every suite under the roots, by id; a duplicate id is an error naming both folders."""
    suites: dict[str, Suite] = {}
    for root in roots if roots is not None else suite_roots():
        for manifest_file in sorted(root.glob(f"*/{MANIFEST_NAME}")):
            suite = Suite(read_manifest(manifest_file.parent), manifest_file.parent)
            if suite.id in suites:
                raise SuiteError(
                    f"suite id '{suite.id}' is defined twice: {suites[suite.id].folder} and "
                    f"{suite.folder}; rename one"
                )
            suites[suite.id] = suite
    return suites


def get_suite(suite_id: str, suites: dict[str, Suite] | None = None) -> Suite:
    known = suites if suites is not None else load_suites()
    if suite_id not in known:
        raise SuiteError(
            f"unknown suite '{suite_id}'; known suites: {', '.join(sorted(known)) or '(none)'}"
            " (see `interop-lab suites`)"
        )
    return known[suite_id]


def suite_of_path(path: Path, suites: dict[str, Suite]) -> Suite | None:
    """The suite whose folder holds ``path`` (a test module), if any."""
    resolved = _resolved(path)
    for suite in suites.values():
        if resolved.is_relative_to(_resolved(suite.folder)):
            return suite
    return None


@functools.cache
def _resolved(path: Path) -> Path:
    # Asked for every report of every test: resolving (a system call per path part) once is enough.
    return path.resolve()
