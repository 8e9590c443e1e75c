"""SHACL shapes read as a list of constraints: one scorecard line per OSLO rule."""

from __future__ import annotations

from interop_lab.shapes.constraints import ShapeConstraint, constraints_of

__all__ = ["ShapeConstraint", "constraints_of"]
