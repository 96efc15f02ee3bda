"""The lock in the app: a busy plan asks read-only / take over / quit; lost locks turn read-only."""

from __future__ import annotations

import os

import pytest

from model.fingerprint import ABSENT
from model.lock import acquire, inspect_lock, take_over
from model.plan import Plan
from model.recovery import find_recovery, recovery_path, write_recovery
from model.store import load_plan
from tests.tui.helpers import retype, screen_text, type_text
from tests.tui.safety_helpers import dialog_id, hold_lock_elsewhere
from tui.app import make_app
from tui.screens.dialogs import PromptDialog

pytestmark = pytest.mark.usefixtures("autosave_at_once")  # they tick right after typing


async def test_a_free_plan_is_locked_while_open_and_unlocked_after(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert dialog_id(app) is None
        state = inspect_lock(path)
        assert state is not None and state.holder.pid == os.getpid()
        assert not app.guard.read_only
    assert inspect_lock(path) is None


async def test_a_busy_plan_names_its_holder_and_read_only_refuses_to_save(example_copy):
    path = example_copy()
    lock_file = hold_lock_elsewhere(path, user="alice")
    original = path.read_bytes()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert dialog_id(app) == "lock-dialog"
        text = screen_text(pilot)
        assert "Someone else is editing this plan" in text
        assert "alice" in text and f"process {os.getppid()}" in text
        await pilot.press("enter")  # the first, safe choice: read-only
        await pilot.pause()
        assert app.guard.read_only and app.guard.lock is None
        assert "READ-ONLY" in app.title and "READ-ONLY" in screen_text(pilot)
        await type_text(pilot, " mine")
        assert "READ-ONLY" in app.title
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog), "save is refused; save-as is offered"
        assert "open read-only" in screen_text(pilot)
        copy = path.with_name("copy.toml")
        await retype(pilot, str(copy))
        assert load_plan(copy).objective.statement.endswith(" mine")
        assert app.path == copy and not app.guard.read_only and not app.dirty
    assert path.read_bytes() == original
    assert inspect_lock(path).holder.user == "alice", "their lock is left alone"
    assert lock_file.exists()
    assert inspect_lock(copy) is None, "the copy's lock was released on exit"


async def test_read_only_refuses_save_as_onto_the_locked_plan(example_copy):
    path = example_copy()
    hold_lock_elsewhere(path)
    original = path.read_bytes()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # read-only
        await type_text(pilot, " mine")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # the prompt suggests the plan's own name
        await pilot.pause()
        assert "is being edited by alice" in list(app._notifications)[-1].message
        assert app.dirty and app.guard.read_only
    assert path.read_bytes() == original


async def test_taking_over_a_busy_plan_locks_it_for_this_session(example_copy):
    path = example_copy()
    hold_lock_elsewhere(path)
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#take-over")
        await pilot.pause()
        assert dialog_id(app) is None and not app.guard.read_only
        assert inspect_lock(path).holder.pid == os.getpid()
        await type_text(pilot, " mine")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "READ-ONLY" not in app.title
    assert load_plan(path).objective.statement.endswith(" mine")
    assert inspect_lock(path) is None


async def test_quit_from_the_lock_dialog_leaves_everything_as_it_was(example_copy):
    path = example_copy()
    hold_lock_elsewhere(path)
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#quit")
        await pilot.pause()
        assert not app.is_running
    assert inspect_lock(path).holder.user == "alice"


async def test_a_stale_lock_is_replaced_and_the_user_told(example_copy):
    path = example_copy()
    holder = acquire(path)
    holder.path.write_bytes(holder.path.read_bytes().replace(b"pid = ", b"pid = 99999999#"))
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert dialog_id(app) is None
        assert "A lock left by a session that is gone" in list(app._notifications)[-1].message
        assert app.guard.lock is not None and not app.guard.read_only


async def test_a_session_whose_lock_was_taken_over_turns_read_only(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, " mine")
        assert app.guard.write_recovery()
        take_over(path)  # another session takes the plan over
        app.guard.tick()
        await pilot.pause()
        assert app.guard.read_only and "READ-ONLY" in app.title
        assert "took over this plan" in list(app._notifications)[-1].message
        # From now on its edits go to a file of its own: the plan's is the new holder's.
        await type_text(pilot, " more")
        app.guard.tick()
        assert load_plan(recovery_path(path, own=True)).objective.statement.endswith("mine more")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
    found = find_recovery(path)
    assert found is not None, "the read-only session leaves the recovery file"
    assert found.plan.objective.statement.endswith(" mine"), "as it was when the lock went"


async def _open_read_only_and_type(pilot, text: str) -> None:
    await pilot.pause()
    assert dialog_id(pilot.app) == "lock-dialog"
    await pilot.press("enter")  # read-only
    await pilot.pause()
    await type_text(pilot, text)


async def test_a_read_only_session_keeps_its_edits_in_its_own_recovery_file(example_copy):
    path = example_copy()
    hold_lock_elsewhere(path, user="alice")
    alices = write_recovery(path, Plan(title="alice's unsaved edits"), ABSENT)
    alices_bytes = alices.read_bytes()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_read_only_and_type(pilot, " mine")
        assert app.guard.read_only and app.dirty
        assert dialog_id(app) is None, "alice's kept edits are hers: not offered here"
        app.guard.tick()
        own = recovery_path(path, own=True)
        assert load_plan(own).objective.statement.endswith(" mine")
        assert alices.read_bytes() == alices_bytes
        await type_text(pilot, " too")
        app.guard.tick()
        assert load_plan(own).objective.statement.endswith(" mine too")
    # The app ended without saving or discarding: the edits stay, and it says where.
    assert own.exists() and alices.read_bytes() == alices_bytes
    assert len(app.guard.exit_notices) == 1 and str(own) in app.guard.exit_notices[0]


async def test_quitting_a_read_only_session_without_saving_removes_only_its_file(example_copy):
    path = example_copy()
    hold_lock_elsewhere(path, user="alice")
    alices = write_recovery(path, Plan(title="alice's unsaved edits"), ABSENT)
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_read_only_and_type(pilot, " mine")
        app.guard.tick()
        assert recovery_path(path, own=True).exists()
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
    assert not recovery_path(path, own=True).exists() and alices.exists()
    assert app.guard.exit_notices == []


async def test_saving_a_read_only_sessions_edits_elsewhere_removes_its_file(example_copy):
    path = example_copy()
    hold_lock_elsewhere(path, user="alice")
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_read_only_and_type(pilot, " mine")
        app.guard.tick()
        own = recovery_path(path, own=True)
        assert own.exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await retype(pilot, str(path.with_name("copy.toml")))
        assert not app.dirty and app.path == path.with_name("copy.toml")
    assert not own.exists() and find_recovery(path) is None


async def test_read_only_saving_onto_its_plan_once_free_asks_when_they_saved(example_copy):
    """Alice saved and quit; saving the read-only session's edits over the plan's own name
    must say her save is there (the conflict dialog), not just "replace the file?"."""
    path = example_copy()
    lock_file = hold_lock_elsewhere(path, user="alice")
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_read_only_and_type(pilot, " mine")
        app.guard.tick()
        alices = path.read_text("utf-8").replace('title = "', 'title = "Alice: ', 1)
        path.write_text(alices, "utf-8")  # alice saves ...
        lock_file.unlink()  # ... and quits
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("enter")  # the prompt suggests the plan's own name
        await pilot.pause()
        assert dialog_id(app) == "conflict-dialog"
        assert "changed on disk" in screen_text(pilot)
        assert path.read_text("utf-8") == alices, "nothing written before the choice"
        await pilot.press("escape")  # cancel: the edits stay, unsaved, in this session
        await pilot.pause()
        assert app.dirty and not app.guard.read_only, "the plan is this session's now"
        assert inspect_lock(path).holder.pid == os.getpid()
        app.guard.tick()
        assert find_recovery(path).plan.objective.statement.endswith(" mine")
    assert path.read_text("utf-8") == alices
    assert not recovery_path(path, own=True).exists(), "the edits moved to the plan's file"


async def test_read_only_saving_onto_its_plan_once_free_saves_when_unchanged(example_copy):
    path = example_copy()
    lock_file = hold_lock_elsewhere(path, user="alice")
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_read_only_and_type(pilot, " mine")
        lock_file.unlink()  # alice quits without saving
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # the plan's own name: nobody saved it meanwhile
        await pilot.pause()
        assert dialog_id(app) is None and not app.dirty and not app.guard.read_only
    assert load_plan(path).objective.statement.endswith(" mine")
