"""Validating a claim's data once against its shapes, and locating each result in the payloads."""

from __future__ import annotations

from interop_lab.validation.engine import supported, validate_fast
from interop_lab.validation.locate import Locator
from interop_lab.validation.shacl import ShaclResult, Validation, validate

__all__ = ["Locator", "ShaclResult", "Validation", "supported", "validate", "validate_fast"]
