"""interop-lab: the interoperability test lab for Flemish local government software."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
