"""The vendor profile: who the vendor is, where its product runs and which standards it claims."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator
from pydantic_core import PydanticCustomError

from interop_lab.model.errors import Problem, UsageError
from interop_lab.profiles.fields import (
    BaseUrl,
    Email,
    Endpoints,
    EnvName,
    HeaderName,
    Host,
    Iri,
    Kbo,
    Release,
    Text,
)

AuthMaterial = tuple[dict[str, str], tuple[str, ...]]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


class Vendor(_Frozen):
    name: Text
    kbo: Kbo
    contact: Email

    @property
    def kbo_checksum_ok(self) -> bool:
        """Whether the KBO number passes its mod-97 check (not enforced: test data often fails)."""
        return 97 - int(self.kbo[:8]) % 97 == int(self.kbo[8:])


class Product(_Frozen):
    name: Text
    release: Release


class BearerAuth(_Frozen):
    type: Literal["bearer"]
    token_env: EnvName

    def material(self, values: Mapping[str, str]) -> AuthMaterial:
        """Headers and secrets from the values of the *_env variables, keyed by field name."""
        token = values["token_env"]
        return {"Authorization": f"Bearer {token}"}, (token,)


class ApiKeyAuth(_Frozen):
    type: Literal["api_key"]
    header: HeaderName
    key_env: EnvName

    def material(self, values: Mapping[str, str]) -> AuthMaterial:
        """Headers and secrets from the values of the *_env variables, keyed by field name."""
        key = values["key_env"]
        return {self.header: key}, (key,)


class BasicAuth(_Frozen):
    type: Literal["basic"]
    username_env: EnvName
    password_env: EnvName

    def material(self, values: Mapping[str, str]) -> AuthMaterial:
        """Headers and secrets; the pair and its base64 form are secrets too, as logged."""
        pair = f"{values['username_env']}:{values['password_env']}"
        encoded = base64.b64encode(pair.encode("utf-8")).decode("ascii")
        return {"Authorization": f"Basic {encoded}"}, (values["password_env"], pair, encoded)


Auth = Annotated[BearerAuth | ApiKeyAuth | BasicAuth, Field(discriminator="type")]


class Notify(_Frozen):
    """Where the lab tells the vendor that a campaign found its product worse than before.

    The body is signed with HMAC-SHA256 under the secret in ``secret_env`` (never in the file).
    """

    webhook: BaseUrl
    secret_env: EnvName


class ProfileLimits(_Frozen):
    """Per-vendor overrides of the lab's limits; None means the lab's default."""

    request_timeout_s: Annotated[float, Field(gt=0, le=120)] | None = None
    deadline_s: Annotated[float, Field(gt=0, le=3600)] | None = None
    max_pages: Annotated[int, Field(ge=1, strict=True)] | None = None
    max_members: Annotated[int, Field(ge=1, strict=True)] | None = None
    max_body_mb: Annotated[float, Field(gt=0, le=512)] | None = None
    requests_per_s: Annotated[float, Field(gt=0, le=1000)] | None = None
    max_requests: Annotated[int, Field(ge=1, strict=True)] | None = None


class ClientIdentity(_Frozen):
    """Who the vendor's client is to the API the lab plays (a suite that tests a client).

    For Lokaal Beslist's submission API: the vendor's URI (``publisher.uri``), the environment
    variable holding the key the vendor received (``publisher.key``: never in the file) and the
    bestuurseenheden it may submit for (``muAccount:canActOnBehalfOf``).
    """

    publisher: Iri
    key_env: EnvName
    organizations: tuple[Iri, ...] = Field(min_length=1)


class Claim(_Frozen):
    """One claimed standard: suite id, endpoint paths per role, highest level claimed; for a
    suite that tests the vendor's client, who that client is (``client``) instead of endpoints."""

    standard: Text
    endpoints: dict[str, Endpoints] = Field(default_factory=dict)
    level: Text | None = None
    notes: str | None = None
    client: ClientIdentity | None = None


class VendorProfile(_Frozen):
    profile_version: int = Field(strict=True)
    vendor: Vendor
    product: Product
    base_url: BaseUrl
    auth: Auth | None = None
    claims: tuple[Claim, ...]
    hosts: tuple[Host, ...] = ()
    tls_verify: bool = Field(default=True, strict=True)
    limits: ProfileLimits = Field(default_factory=ProfileLimits)
    municipalities: tuple[Text, ...] = ()
    notify: Notify | None = None
    _source: Path | None = PrivateAttr(default=None)

    @field_validator("profile_version")
    @classmethod
    def _version_one(cls, value: int) -> int:
        if value != 1:
            raise PydanticCustomError(
                "profile_version",
                "profile_version {value} is not supported; this lab reads profile_version: 1",
                {"value": value},
            )
        return value

    @field_validator("claims")
    @classmethod
    def _some_claims(cls, value: tuple[Claim, ...]) -> tuple[Claim, ...]:
        if not value:
            raise PydanticCustomError(
                "profile_no_claims",
                "claim at least one standard: add an item with standard: SUITE and its endpoints",
            )
        return value

    @property
    def source(self) -> Path | None:
        """The file the profile was loaded from, for messages; None when built in code."""
        return self._source

    def with_source(self, source: Path) -> VendorProfile:
        """A copy that knows which file it came from."""
        copy = self.model_copy()
        copy._source = source
        return copy

    def claim_for(self, suite_id: str) -> Claim | None:
        return next((claim for claim in self.claims if claim.standard == suite_id), None)

    def endpoint_urls(self, claim: Claim, role: str) -> tuple[str, ...]:
        """The role's URLs: a path is appended to base_url's path, an absolute URL is kept."""
        base = self.base_url.rstrip("/")
        return tuple(
            path if urlsplit(path).scheme else f"{base}/{path.lstrip('/')}"
            for path in claim.endpoints.get(role, ())
        )

    def allowed_hosts(self) -> frozenset[str]:
        """host[:port], lower-case, of base_url and of every extra host the lab may contact."""
        return frozenset({netloc_of(self.base_url), *self.hosts})

    def auth_material(self, environ: Mapping[str, str]) -> AuthMaterial:
        """Request headers and the secret values to redact, read from the named variables."""
        if self.auth is None:
            return {}, ()
        names: dict[str, str] = self.auth.model_dump(exclude={"type", "header"})
        values = {field: environ.get(name, "") for field, name in names.items()}
        problems = [
            Problem(self._file_label(), None, f"auth.{field}", message)
            for field, name in names.items()
            if (message := _env_problem(name, values[field]))
        ]
        if not problems and ":" in values.get("username_env", ""):
            message = f"de gebruikersnaam in {names['username_env']} mag geen ':' bevatten"
            problems.append(Problem(self._file_label(), None, "auth.username_env", message))
        if problems:
            raise UsageError("\n".join(str(problem) for problem in problems))
        return self.auth.material(values)

    def client_key(self, claim: Claim, environ: Mapping[str, str]) -> str:
        """The key the claim's client must send, read from the variable its profile names."""
        if claim.client is None:
            raise UsageError(f"{self._file_label()}: claim {claim.standard} names no client")
        name = claim.client.key_env
        value = environ.get(name, "")
        message = _env_problem(name, value)
        if message is not None:
            index = self.claims.index(claim)
            field = f"claims[{index}].client.key_env"
            raise UsageError(str(Problem(self._file_label(), None, field, message)))
        return value

    def _file_label(self) -> str:
        return str(self._source) if self._source else "profiel"


def _env_problem(name: str, value: str) -> str | None:
    """What is wrong with a variable's value, in Dutch for the operator; never the value itself."""
    if not value:
        return f"omgevingsvariabele {name} is niet gezet; zet ze voor je de lab draait"
    if any(char in value for char in "\r\n\x00"):
        return f"omgevingsvariabele {name} bevat een regeleinde of NUL-teken; verwijder het"
    return None


def netloc_of(url: str) -> str:
    """host[:port] of a URL, lower-case, without user information."""
    return urlsplit(url).netloc.rpartition("@")[2].lower()
