"""Keeping the UI thread's turns short while work runs in a background thread.

The checks, the autosave's dump and the opening's validation run in worker threads, but
Python runs one thread at a time: a thread that wants to run waits for the running one
to hand over, which by default it does only after 5 ms (:func:`sys.getswitchinterval`).
The UI thread hands over each time it waits for the terminal, several times for one key,
and waited up to 5 ms each time to get going again: with the checks running on the large
plan a key took 30 to 50 ms to show instead of 10. While the app runs the interval is
:data:`UI_TURN` instead; a thread running alone is never interrupted, so the background
work loses nothing unless a key is being handled. And when a key comes, the background
run steps aside altogether at its next step until the keys pause (:func:`giving_way`).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

UI_TURN = 0.001
"""Seconds a running thread keeps the interpreter when another asks for it (the app's)."""


def short_turns() -> float:
    """Make threads hand over after :data:`UI_TURN`; the interval before, to restore."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(UI_TURN)
    return before


def restore_turns(interval: float) -> None:
    """Put back the interval :func:`short_turns` replaced (the app has ended)."""
    sys.setswitchinterval(interval)


KEY_ROOM = 0.03
"""Seconds without a key a background run waits for, once a key came, before going on."""

_sleep = time.sleep


def giving_way(stale: Callable[[], bool], keys_seen: Callable[[], int]) -> Callable[[], bool]:
    """A ``stop`` for work in a background thread, asked between its steps: true once the
    work is ``stale`` (an edit changed what it reads); and after a key (``keys_seen``
    counts them), it first sleeps until the keys pause for :data:`KEY_ROOM`, leaving the
    interpreter to the UI thread meanwhile, then lets the work go on."""
    seen = keys_seen()

    def stop() -> bool:
        nonlocal seen
        while not stale():
            keys = keys_seen()
            if keys == seen:
                return False
            seen = keys
            _sleep(KEY_ROOM)
        return True

    return stop
