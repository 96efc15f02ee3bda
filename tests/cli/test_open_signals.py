"""The real ``okr`` in a terminal: SIGTERM/SIGHUP while editing keeps the edits and unlocks."""

from __future__ import annotations

import signal

import pytest

from bench.large_plan import OBJECTIVE, write_large_plan
from model.fingerprint import ABSENT
from model.lock import inspect_lock
from model.plan import Plan
from model.recovery import find_recovery, write_recovery
from tests.tui.safety_helpers import hold_lock_elsewhere


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_editing_keeps_the_edits_and_releases_the_lock(tmp_path, terminal, signum):
    plan = tmp_path / "p.toml"
    term = terminal(str(plan))
    assert term.read_until("Step 1: Objective"), term.output[-2000:]
    term.type("Grow")  # maybe before the editor has taken over: held, then typed
    assert term.read_until("Grow") and term.read_until("unsaved"), term.output[-2000:]
    assert inspect_lock(plan) is not None
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
    assert first.read_until("Grow") and first.read_until("unsaved")
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


LEFT_ALT_SCREEN = b"\x1b[?1049l"
"""What Textual writes when it puts the terminal back (the watchdog's hard exit cannot)."""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_exits_cleanly_and_puts_the_terminal_back(example_copy, terminal, signum):
    plan = example_copy()
    term = terminal(str(plan))
    assert term.read_until("Make the free trial"), term.output[-2000:]
    term.type("!")
    assert term.read_until("unsaved"), term.output[-2000:]
    term.process.send_signal(signum)
    assert term.process.wait(timeout=30) == 128 + signum
    if signum == signal.SIGTERM:
        assert term.read_until("your unsaved edits were kept in", timeout=10)
        assert LEFT_ALT_SCREEN in term.output, "a clean exit, not the watchdog's"
        assert b"Traceback" not in term.output
    found = find_recovery(plan)
    assert found is not None and found.plan.objective.statement.endswith("teams!")


def test_a_signal_while_the_file_is_still_being_opened_leaves_a_clean_terminal(
    example_copy, terminal
):
    plan = example_copy()
    text = plan.read_text("utf-8")
    term = terminal(str(plan))
    assert term.read_until("Make the free trial"), term.output[-2000:]
    term.process.send_signal(signal.SIGTERM)  # at the first paint: maybe before validation
    assert term.process.wait(timeout=30) == 128 + signal.SIGTERM
    term.read_until("never shown", timeout=2)  # collect what is left to read
    assert LEFT_ALT_SCREEN in term.output
    assert b"Traceback" not in term.output and b"Error" not in term.output
    assert plan.read_text("utf-8") == text
    assert inspect_lock(plan) is None


def test_a_signal_before_the_editor_has_taken_over_keeps_what_the_screen_shows_typed(
    tmp_path, terminal
):
    """A big plan takes a moment to validate; what is typed meanwhile shows in its
    statement at once, and a signal then keeps it like any unsaved edit."""
    plan = write_large_plan(tmp_path / "big.toml")
    text = plan.read_text("utf-8")
    term = terminal(str(plan))
    assert term.read_until(OBJECTIVE[:20]), term.output[-2000:]
    term.type(" now")
    assert term.read_until("市集 now"), term.output[-2000:]
    term.process.send_signal(signal.SIGTERM)
    assert term.process.wait(timeout=30) == 128 + signal.SIGTERM
    assert term.read_until("your unsaved edits were kept in", timeout=10), term.output[-600:]
    found = find_recovery(plan)
    assert found is not None and found.plan.objective.statement == OBJECTIVE + " now"
    assert found.pid == term.process.pid, "kept before the editor took the lock: its own file"
    assert plan.read_text("utf-8") == text
    assert inspect_lock(plan) is None


def test_a_read_only_sessions_edits_survive_a_signal_and_come_back(example_copy, terminal):
    """Someone else holds the plan; my read-only edits are mine, kept apart from theirs."""
    plan = example_copy()
    hold_lock_elsewhere(plan, user="alice")
    alices = write_recovery(plan, Plan(title="alice's unsaved edits"), ABSENT)
    alices_bytes = alices.read_bytes()
    first = terminal(str(plan))
    assert first.read_until("Someone else is editing this plan"), first.output[-2000:]
    first.type("\r")  # open read-only
    assert first.read_until("Opened read-only"), first.output[-2000:]
    first.type(" mine")
    assert first.read_until("unsaved · READ-ONLY"), first.output[-2000:]
    assert first.read_until("small teams mine"), first.output[-2000:]  # every key typed
    first.process.send_signal(signal.SIGTERM)
    assert first.process.wait(timeout=30) == 128 + signal.SIGTERM
    assert first.read_until("your unsaved edits were kept in", timeout=10), first.output[-600:]
    assert alices.read_bytes() == alices_bytes, "the lock holder's kept edits are untouched"

    # Back again while alice still edits: read-only again, and offered my own edits only.
    second = terminal(str(plan))
    assert second.read_until("Someone else is editing this plan"), second.output[-2000:]
    second.type("\r")
    assert second.read_until("Unsaved edits were found"), second.output[-2000:]
    second.type("\r")  # recover
    assert second.read_until("Recovered the unsaved edits"), second.output[-2000:]
    second.process.send_signal(signal.SIGTERM)
    assert second.process.wait(timeout=30) == 128 + signal.SIGTERM
    mine = find_recovery(plan, plan_file=False)
    assert mine is not None and mine.plan.objective.statement.endswith(" mine")
    assert mine.file != alices and alices.read_bytes() == alices_bytes
    assert len(list(alices.parent.glob("*.toml"))) == 2, "my edits moved, not copied"
