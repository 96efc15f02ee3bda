"""The autosave keeps unsaved edits without holding up someone typing: it writes in a
pause in the typing (or after the longest wait), and never writes an unchanged plan out."""

from __future__ import annotations

import threading

from model.recovery import find_recovery, write_recovery
from model.store import dumps_plan, load_plan
from tests.tui.helpers import type_text, until
from tui.app import make_app
from tui.guard import LONGEST_WAIT_SECONDS, TYPING_PAUSE_SECONDS


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def app_on_a_clock(example_copy, monkeypatch):
    """The app on a copy of the example plan, its autosave reading ``clock``."""
    clock = Clock()
    monkeypatch.setattr("tui.guard.monotonic", clock)
    path = example_copy()
    return make_app(load_plan(path), path), path, clock


async def test_the_autosave_waits_for_a_pause_in_the_typing(example_copy, monkeypatch):
    app, path, clock = app_on_a_clock(example_copy, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, " now")
        app.guard.tick()
        assert find_recovery(path) is None, "written while the keys were coming"
        clock.now += TYPING_PAUSE_SECONDS
        app.guard.tick()
        assert find_recovery(path).plan.objective.statement.endswith(" now")


async def test_typing_on_and_on_is_kept_after_the_longest_wait(example_copy, monkeypatch):
    app, path, clock = app_on_a_clock(example_copy, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        typed = ""
        while clock.now < 1000.0 + LONGEST_WAIT_SECONDS:
            assert find_recovery(path) is None
            await type_text(pilot, "x")
            typed += "x"
            clock.now += TYPING_PAUSE_SECONDS / 2
            app.guard.tick()  # never a pause long enough
        assert find_recovery(path).plan.objective.statement.endswith("teams" + typed)
        app.guard.quit_discarding()


async def test_a_plan_unchanged_since_the_last_write_is_not_written_out(example_copy, monkeypatch):
    written_out = []

    def counted(plan):
        written_out.append(plan)
        return dumps_plan(plan)

    monkeypatch.setattr("tui.guard.dumps_plan", counted)
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, " now")
        assert app.guard.write_recovery()
        assert len(written_out) == 1, "written out once, for the file and its digest both"
        assert not app.guard.write_recovery()
        assert len(written_out) == 1, "no edit since: nothing to write out"
        await type_text(pilot, "!")
        assert app.guard.write_recovery()
        assert find_recovery(path).plan.objective.statement.endswith(" now!")
        app.guard.quit_discarding()


async def test_the_timer_writes_the_plan_out_off_the_ui_thread_and_drops_a_stale_text(
    example_copy, monkeypatch
):
    monkeypatch.setattr("tui.guard.AUTOSAVE_SECONDS", 0.05)
    monkeypatch.setattr("tui.guard.TYPING_PAUSE_SECONDS", 0.0)
    started, gate = threading.Event(), threading.Event()

    def gated(plan):
        text = dumps_plan(plan)
        if threading.current_thread() is not threading.main_thread():
            started.set()
            assert gate.wait(10)  # an edit comes while the text is being made
        return text

    statements: list[str] = []

    def recorded(path, plan, base, **options):
        statements.append(plan.objective.statement)
        return write_recovery(path, plan, base, **options)

    monkeypatch.setattr("tui.guard.dumps_plan", gated)
    monkeypatch.setattr("tui.guard.write_recovery", recorded)
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, " now")
        await until(started.is_set, "the timer to write the plan out")
        await type_text(pilot, "!")
        await pilot.pause()
        assert app.query_one("#objective-statement").value.endswith(" now!")
        gate.set()
        await until(lambda: find_recovery(path) is not None, "the recovery file")
        assert find_recovery(path).plan.objective.statement.endswith(" now!")
        assert statements and all(s.endswith(" now!") for s in statements), statements
        app.guard.quit_discarding()


async def test_the_longest_wait_counts_from_the_first_edit_since_a_save(example_copy, monkeypatch):
    app, path, clock = app_on_a_clock(example_copy, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, " now")
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.guard.tick()  # nothing unsaved
        clock.now += LONGEST_WAIT_SECONDS + 1
        await type_text(pilot, "!")
        app.guard.tick()
        assert find_recovery(path) is None, "written while typing, long after the save"
        app.guard.quit_discarding()
