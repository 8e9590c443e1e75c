"""Python's cyclic garbage collector, paused while large acyclic structures are built.

A claim of 100,000 feed members holds millions of tuples, terms and dicts, none of them garbage;
the collector would walk the growing heap again and again while they are made (seen: half of
the SHACL engine's time, a third of reading a large feed).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the collector for the block (process-wide), restoring it after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
