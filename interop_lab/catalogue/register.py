"""The OSLO standards register (``standards.json``): read, checked, and normalised to plain data.

The file is a JSON array of ``{source_path, configuration}`` objects, each configuration as the
OSLO-Standaardenregister repository keeps it. Its free-text fields vary in case and spelling
("Aanbevolen (vrijwillig)", "aanbevolen (vrijwillig)", "TBD", ""); usage and status are mapped
onto small closed sets here, and the original text is kept beside them for people to read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pyoxigraph as ox
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)

from interop_lab.model.errors import UsageError
from interop_lab.model.ids import LAB_URN, slug

REGISTER_GRAPH = f"{LAB_URN}register"


class RegisterError(UsageError):
    """The standards register file cannot be read, or an entry in it is malformed."""


class RegisterUsage(StrEnum):
    """How strongly the Flemish government asks for a standard (the register's ``usage``)."""

    VERPLICHT = "verplicht"
    PAS_TOE_OF_LEG_UIT = "pas-toe-of-leg-uit"
    AANBEVOLEN = "aanbevolen"
    ONBEPAALD = "onbepaald"  # "TBD" or empty: the register has not decided yet


class StandardStatus(StrEnum):
    """Where a standard is in the OSLO process (the register's ``status``)."""

    ERKEND = "erkende-standaard"
    KANDIDAAT = "kandidaat-standaard"
    IN_ONTWIKKELING = "standaard-in-ontwikkeling"
    HERROEPEN = "herroepen-standaard"
    ZONDER_STATUS = "zonder-status"


USAGE_WORDS = {
    RegisterUsage.VERPLICHT: ("Verplicht", "Mandatory"),
    RegisterUsage.PAS_TOE_OF_LEG_UIT: ("Pas toe of leg uit", "Comply or explain"),
    RegisterUsage.AANBEVOLEN: ("Aanbevolen", "Recommended"),
    RegisterUsage.ONBEPAALD: ("Nog niet bepaald", "Not yet decided"),
}
STATUS_WORDS = {
    StandardStatus.ERKEND: ("Erkende standaard", "Recognised standard"),
    StandardStatus.KANDIDAAT: ("Kandidaat-standaard", "Candidate standard"),
    StandardStatus.IN_ONTWIKKELING: ("Standaard in ontwikkeling", "Standard in development"),
    StandardStatus.HERROEPEN: ("Herroepen standaard", "Withdrawn standard"),
    StandardStatus.ZONDER_STATUS: ("Zonder status", "Without status"),
}
_UNDECIDED = {"", "tbd", "tdb"}
DUTCH_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def usage_of(text: str) -> RegisterUsage | None:
    """The closed usage for the register's text, None when the text is not one the lab knows."""
    words = " ".join(text.casefold().split())
    if words in _UNDECIDED:
        return RegisterUsage.ONBEPAALD
    for usage, prefix in (
        (RegisterUsage.VERPLICHT, "verplicht"),
        (RegisterUsage.PAS_TOE_OF_LEG_UIT, "pas toe of leg uit"),
        (RegisterUsage.AANBEVOLEN, "aanbevolen"),
    ):
        if words.startswith(prefix):
            return usage
    return None


def status_of(text: str) -> StandardStatus | None:
    words = text.strip().casefold()
    if not words:
        return StandardStatus.ZONDER_STATUS
    return next((status for status in StandardStatus if status.value == words), None)


def iso_date(text: str) -> str:
    """``YYYY-MM-DD`` from the register's many date spellings; "" when there is no date in it."""
    words = text.casefold().replace("(retroactief)", "").split()
    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", " ".join(words))
    if found:
        return found.group(0)
    found = re.fullmatch(r"(\d{1,2})[-/](\d{1,2})[-/](\d{4})", " ".join(words))
    if found:
        day, month, year = found.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    if len(words) == 3 and words[0].isdigit() and words[1] in DUTCH_MONTHS and words[2].isdigit():
        return f"{words[2]}-{DUTCH_MONTHS.index(words[1]) + 1:02d}-{int(words[0]):02d}"
    return ""


def standard_iri(title: str) -> str:
    """The register entry's stable IRI, from its title: what suite manifests name."""
    return f"{LAB_URN}standard:{slug(title)}"


def web_iri(text: str) -> str:
    """The link as an http(s) IRI, "" when it is none (empty, or not a web address)."""
    # Register links hold spaces (file names in GitHub URLs): encoded, they are IRIs again.
    encoded = quote(text.strip(), safe=":/?#[]@!$&'()*+,;=%~")
    try:
        ox.NamedNode(encoded)
    except ValueError:
        return ""
    parts = urlsplit(encoded)
    return encoded if parts.scheme in ("http", "https") and parts.netloc else ""


@dataclass(frozen=True, slots=True)
class Link:
    name: str
    url: str  # an http(s) IRI


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    iri: str  # the register's IRI, or one the lab mints from the name when it gives none


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """One standard of the register, as the catalogue and the site use it."""

    title: str
    category: str
    usage: RegisterUsage
    usage_text: str  # the register's own words, e.g. "Aanbevolen (vrijwillig)"
    status: StandardStatus
    status_text: str
    organisations: tuple[Organisation, ...] = ()
    specifications: tuple[Link, ...] = ()
    description_file: str = ""
    published: str = ""  # ISO dates; "" when the register holds none the lab can read
    registered: str = ""
    acknowledged_by_working_group: str = ""
    acknowledged_by_steering_committee: str = ""

    @property
    def iri(self) -> str:
        return standard_iri(self.title)


@dataclass(frozen=True, slots=True)
class Register:
    source: str  # the file's name, never a machine path
    entries: tuple[RegisterEntry, ...]
    placeholders: tuple[str, ...] = ()  # source paths of empty template entries, left out

    def find(self, title: str) -> RegisterEntry | None:
        """The entry of that title (case and spacing aside), None when the register lacks it."""
        return next((entry for entry in self.entries if entry.iri == standard_iri(title)), None)


class _In(BaseModel):
    # The register may grow fields the lab does not use: they are ignored, not refused.
    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)


class _LinkIn(_In):
    name: str = ""
    uri: str


class _OrganisationIn(_In):
    # Two standards name two organisations: the register then holds parallel lists.
    name: str | list[str] = ""
    uri: str | list[str] = ""


class _ConfigurationIn(_In):
    title: str
    category: str = ""
    usage: str = ""
    status: str = ""
    description_file: str = Field("", alias="descriptionFileName")
    organisation: _OrganisationIn | None = Field(None, alias="responsibleOrganisation")
    specifications: tuple[_LinkIn, ...] = Field((), alias="specificationDocuments")
    published: str = Field("", alias="publicationDate")
    registered: str = Field("", alias="dateOfRegistration")
    by_working_group: str = Field("", alias="dateOfAcknowledgementByWorkingGroup")
    by_steering_committee: str = Field("", alias="dateOfAcknowledgementBySteeringCommittee")

    @field_validator("title")
    @classmethod
    def _stripped(cls, value: str) -> str:
        return value.strip()

    @model_validator(mode="after")
    def _titled_unless_placeholder(self) -> _ConfigurationIn:
        if not self.title and not self.is_placeholder:
            raise ValueError("title: the title is empty, yet the entry describes a standard")
        return self

    @property
    def is_placeholder(self) -> bool:
        """The register's template entry (``dummy-standard``): every field empty."""
        texts = (self.title, self.category, self.usage, self.status, self.description_file)
        links = (link.uri for link in self.specifications)
        return not any(text.strip() for text in (*texts, *links))

    @field_validator("usage")
    @classmethod
    def _known_usage(cls, value: str) -> str:
        if usage_of(value) is None:
            raise ValueError(
                f"unknown usage {value!r}: expected Verplicht, Pas toe of leg uit, "
                "Aanbevolen (any case, with or without a remark), TBD or empty"
            )
        return value

    @field_validator("status")
    @classmethod
    def _known_status(cls, value: str) -> str:
        if status_of(value) is None:
            known = ", ".join(status.value for status in StandardStatus)
            raise ValueError(f"unknown status {value!r}: expected one of {known}, or empty")
        return value


class _EntryIn(_In):
    source_path: str = ""
    configuration: _ConfigurationIn


_ENTRIES = TypeAdapter(list[_EntryIn])


def read_register(path: Path) -> Register:
    """The register file, checked whole: any malformed entry stops the load with its index."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RegisterError(f"{path}: cannot read the standards register: {error}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise RegisterError(f"{path}: the standards register is not JSON: {error}") from None
    return parse_register(data, path.name, where=str(path))


def parse_register(data: Any, source: str, *, where: str = "") -> Register:
    where = where or source
    if not isinstance(data, list):
        raise RegisterError(
            f"{where}: the standards register must be a JSON array of "
            f"{{source_path, configuration}} objects, found {type(data).__name__}"
        )
    try:
        parsed = _ENTRIES.validate_python(data)
    except ValidationError as error:
        raise RegisterError(f"{where}: {_problems(error, data)}") from None
    entries = tuple(
        _entry(item.configuration) for item in parsed if not item.configuration.is_placeholder
    )
    _refuse_twins(entries, where)
    placeholders = tuple(item.source_path for item in parsed if item.configuration.is_placeholder)
    return Register(source, entries, placeholders)


def _problems(error: ValidationError, data: list[Any]) -> str:
    lines = []
    for issue in error.errors():
        index, *field = issue["loc"]
        title = _title_at(data, index)
        named = f" ({title!r})" if title else ""
        message = str(issue["msg"]).removeprefix("Value error, ")
        lines.append(f"entry {index}{named}: {'.'.join(map(str, field)) or '-'}: {message}")
    return "invalid standards register: " + "; ".join(lines)


def _title_at(data: list[Any], index: object) -> str:
    if not isinstance(index, int) or not isinstance(data[index], dict):
        return ""
    configuration = data[index].get("configuration")
    title = configuration.get("title") if isinstance(configuration, dict) else None
    return title.strip() if isinstance(title, str) else ""


def _refuse_twins(entries: tuple[RegisterEntry, ...], where: str) -> None:
    # Entries are found by the IRI of their title: two titles with one IRI would be one standard.
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if entry.iri in seen:
            raise RegisterError(
                f"{where}: entries {seen[entry.iri]} and {index} have the same title "
                f"{entry.title!r} (case and punctuation aside): a title names one standard"
            )
        seen[entry.iri] = index


def _entry(configuration: _ConfigurationIn) -> RegisterEntry:
    # The validators refused any usage or status without a closed value: the fallbacks never apply.
    return RegisterEntry(
        title=configuration.title,
        category=configuration.category.strip(),
        usage=usage_of(configuration.usage) or RegisterUsage.ONBEPAALD,
        usage_text=configuration.usage.strip(),
        status=status_of(configuration.status) or StandardStatus.ZONDER_STATUS,
        status_text=configuration.status.strip(),
        organisations=_organisations(configuration.organisation),
        specifications=tuple(
            Link(link.name.strip(), web_iri(link.uri))
            for link in configuration.specifications
            if web_iri(link.uri)
        ),
        description_file=configuration.description_file.strip(),
        published=iso_date(configuration.published),
        registered=iso_date(configuration.registered),
        acknowledged_by_working_group=iso_date(configuration.by_working_group),
        acknowledged_by_steering_committee=iso_date(configuration.by_steering_committee),
    )


def _organisations(organisation: _OrganisationIn | None) -> tuple[Organisation, ...]:
    if organisation is None:
        return ()
    names = _as_list(organisation.name)
    iris = _as_list(organisation.uri)
    iris += [""] * (len(names) - len(iris))
    return tuple(
        Organisation(name.strip(), web_iri(iri) or f"{LAB_URN}organisation:{slug(name)}")
        for name, iri in zip(names, iris, strict=False)
        if name.strip()
    )


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def unknown_titles(register: Register, named: Mapping[str, str]) -> list[str]:
    """A line per suite whose manifest names (suite id -> title) an entry the register lacks."""
    return [
        f"suite {suite}: its manifest names {title!r} (standard.register), which is not in "
        f"the standards register {register.source}; correct the title in its suite.yaml"
        for suite, title in sorted(named.items())
        if register.find(title) is None
    ]
