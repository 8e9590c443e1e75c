"""Vendor profiles: pydantic models and a YAML loader whose errors say ``file:line: field: fix``.

A profile names the vendor, the product release, where it runs, how to authenticate (through
environment variable names, never secrets) and which standards it claims, with their endpoints.
"""

from __future__ import annotations

from interop_lab.profiles.claims import SuiteRoles
from interop_lab.profiles.loader import check_profiles, load_profile
from interop_lab.profiles.models import (
    ApiKeyAuth,
    Auth,
    BasicAuth,
    BearerAuth,
    Claim,
    ClientIdentity,
    Notify,
    Product,
    ProfileLimits,
    Vendor,
    VendorProfile,
)
from interop_lab.profiles.yaml_lines import MAX_BYTES

__all__ = [
    "MAX_BYTES",
    "ApiKeyAuth",
    "Auth",
    "BasicAuth",
    "BearerAuth",
    "Claim",
    "ClientIdentity",
    "Notify",
    "Product",
    "ProfileLimits",
    "SuiteRoles",
    "Vendor",
    "VendorProfile",
    "check_profiles",
    "load_profile",
]
