"""Keeping the garbage collector out of the way of typing.

A full collection walks every object that could be in a reference cycle. With the
large plan open (3,000 items; the editor's widgets and caches; the modules) that took
0.12 to 0.17 s every few seconds while typing, and a key typed meanwhile waited for it.
Once the editor is on screen the objects alive then (almost all of them live as long as
the app) are moved out of the collector's way with :func:`gc.freeze`; collections then
walk only what was made since, about a third as long.

Frozen objects are still freed as soon as nothing refers to them; only a cycle among
them would stay. So a rebuild of the panes, which drops widgets that refer to each
other, gives everything back to the collector (:func:`release_memory`) and freezes again
:data:`SETTLE_DELAY` later, after a collection; and so does the app when it ends, which
matters to a process that runs many apps one after another (the tests).
"""

from __future__ import annotations

import gc

SETTLE_DELAY = 1.0
"""Seconds after a rebuild of the panes before what is alive is frozen again: the old
panes let go of each other only once their message loops have ended."""


def settle_memory(*, collect: bool = False) -> None:
    """Freeze every object alive now, after collecting the garbage if ``collect``."""
    if collect:
        gc.unfreeze()
        gc.collect()
    gc.freeze()


def release_memory() -> None:
    """Hand the frozen objects back to the collector (the app is ending)."""
    gc.unfreeze()
