"""An accelerated SHACL Core engine that gives exactly the results ``shacl.validate`` gives.

pySHACL walks an rdflib graph term by term; for a claim of 100,000 feed members that takes minutes.
The engine indexes the triples once in dictionaries and evaluates each constraint of a shape for
all its focus nodes at once, with set operations where it can. It implements the subset of SHACL
Core the lab's shapes use, pySHACL 0.40's way; ``supported`` names anything else it meets, and the
caller then validates with pySHACL.

    if supported(shapes) is None:
        validation = validate_fast(triples, shapes, constraints)
"""

from __future__ import annotations

from interop_lab.validation.engine.fast import supported, validate_fast
from interop_lab.validation.engine.model import UnsupportedShapes

__all__ = ["UnsupportedShapes", "supported", "validate_fast"]
