"""A background run asks ``giving_way`` between its steps: it stops once stale, and steps
aside after a key until the keys pause."""

from __future__ import annotations

import tui.turns
from tui.turns import KEY_ROOM, giving_way


def test_a_run_goes_on_without_keys_waits_while_keys_come_and_stops_once_stale(monkeypatch):
    keys = [0]
    stale = [False]
    naps: list[float] = []

    def nap(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) == 1:
            keys[0] += 1  # a second key while it waits: it waits again

    monkeypatch.setattr(tui.turns, "_sleep", nap)
    stop = giving_way(lambda: stale[0], lambda: keys[0])
    assert stop() is False
    assert naps == []
    keys[0] += 1
    assert stop() is False, "a key that edited nothing: the run goes on"
    assert naps == [KEY_ROOM, KEY_ROOM], "after waiting out both keys"
    assert stop() is False
    assert len(naps) == 2
    keys[0] += 1
    stale[0] = True
    assert stop() is True, "an edit made the run stale: it stops, no wait"
    assert len(naps) == 2
