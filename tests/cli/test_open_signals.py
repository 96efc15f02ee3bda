"""The real ``okr`` in a terminal: SIGTERM/SIGHUP while editing keeps the edits and unlocks."""

from __future__ import annotations

import signal

import pytest

from model.lock import inspect_lock
from model.recovery import find_recovery


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_editing_keeps_the_edits_and_releases_the_lock(tmp_path, terminal, signum):
    plan = tmp_path / "p.toml"
    term = terminal(str(plan))
    assert term.read_until("Step 1: Objective"), term.output[-2000:]
    assert inspect_lock(plan) is not None
    term.type("Grow")
    assert term.read_until("unsaved"), term.output[-2000:]
    term.process.send_signal(signum)
    assert term.process.wait(timeout=30) == 128 + signum
    if signum == signal.SIGTERM:  # after SIGHUP the terminal is gone: nothing to read
        assert term.read_until("your unsaved edits were kept in", timeout=10), term.output[-600:]
    found = find_recovery(plan)
    assert found is not None and found.plan.objective.statement == "Grow"
    assert inspect_lock(plan) is None
    assert not plan.exists(), "nothing was saved to the plan itself"


def test_the_next_open_offers_the_kept_edits(tmp_path, terminal):
    plan = tmp_path / "p.toml"
    first = terminal(str(plan))
    assert first.read_until("Step 1: Objective")
    first.type("Grow")
    assert first.read_until("unsaved")
    first.process.send_signal(signal.SIGTERM)
    first.process.wait(timeout=30)
    second = terminal(str(plan))
    assert second.read_until("Unsaved edits were found"), second.output[-2000:]
    second.type("\r")  # recover
    assert second.read_until("Recovered the unsaved edits")
    second.type("\x13")  # ctrl+s
    assert second.read_until("Saved")
    second.type("\x11")  # ctrl+q
    assert second.process.wait(timeout=30) == 0
    assert find_recovery(plan) is None
    assert "Grow" in plan.read_text("utf-8")
