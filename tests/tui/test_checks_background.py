"""After typing stops the checks run off the UI thread: keys typed meanwhile land at once,
and a report of the plan as it was before them is never shown."""

from __future__ import annotations

import threading

import model.checks
from model.checks.runner import ChecksStopped
from model.store import load_plan
from tests.tui.helpers import focused_id, screen_text, type_text, until
from tui.app import make_app
from tui.widgets.step_list import StepList


async def test_keys_typed_while_the_checks_run_land_and_the_stale_report_is_dropped(
    example_copy, monkeypatch
):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.wizard.query_one(StepList).states["objective"] == "done"
        real = model.checks.run_checks
        started = threading.Event()
        gates = [threading.Event(), threading.Event()]
        kgis_checked: list[str] = []
        finished: list[int] = []

        def slow_checks(plan, today, **options):
            run = len(kgis_checked)
            kgis_checked.append(plan.objective.kgi)
            started.set()
            assert gates[run].wait(10)
            try:  # the first run is stopped: an edit made it stale
                return real(plan, today, **options)
            finally:
                finished.append(run)

        monkeypatch.setattr(model.checks, "run_checks", slow_checks)
        await pilot.press("tab")
        assert focused_id(pilot) == "objective-kgi"
        await pilot.press("ctrl+u")  # no KGI: an error, once the checks have run
        await until(started.is_set, "the checks to start after the pause")
        await type_text(pilot, "Paid users 300")  # while the checks are busy
        await pilot.pause()
        assert app.query_one("#objective-kgi").value == "Paid users 300"
        assert "Paid users 300" in screen_text(pilot)
        gates[0].set()  # the run that started with no KGI ends after the KGI was typed
        await until(lambda: finished == [0], "the first run to end")
        await pilot.pause(0.1)
        assert app.last_check_report() is None, "a report of the plan before the keys"
        assert app.wizard.query_one(StepList).states["objective"] == "done"
        assert "✗ 1 Objective" not in screen_text(pilot)
        gates[1].set()
        await until(lambda: len(finished) == 2, "the checks to run again")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert kgis_checked == ["", "Paid users 300"]
        report = app.last_check_report()
        assert report is not None
        assert not [f for f in report.findings if f.check == "objective.kgi"]
        assert app.wizard.query_one(StepList).states["objective"] != "error"
        app.guard.quit_discarding()


async def test_a_run_steps_aside_for_a_key_that_edits_nothing_then_finishes(
    example_copy, monkeypatch
):
    """A run waits at its next check while keys come (they would share the interpreter
    with it), then goes on: a key that edits nothing does not throw its work away."""
    import tui.turns

    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        real = model.checks.run_checks
        first_run = threading.Event()
        go_on = threading.Event()
        outcomes: list[str] = []
        naps: list[float] = []
        monkeypatch.setattr(tui.turns, "_sleep", lambda seconds: naps.append(seconds))

        def held_checks(plan, today, **options):
            if not outcomes:
                first_run.set()
                assert go_on.wait(10)
            try:
                report = real(plan, today, **options)
            except ChecksStopped:
                outcomes.append("stopped")
                raise
            outcomes.append("done")
            return report

        monkeypatch.setattr(model.checks, "run_checks", held_checks)
        await pilot.press("tab")
        await pilot.press("ctrl+u")  # no KGI: an error, once the checks have run
        await until(first_run.is_set, "the checks to start after the pause")
        await pilot.press("shift+tab")  # moves the focus, edits nothing
        assert focused_id(pilot) == "objective-statement"
        go_on.set()
        await until(lambda: outcomes == ["done"], "the run to finish")
        assert naps == [tui.turns.KEY_ROOM], "it stepped aside once, for the one key"
        await until(lambda: app.last_check_report() is not None, "its report to be taken")
        report = app.last_check_report()
        assert [f.path for f in report.findings if f.check == "objective.kgi"] == ["objective.kgi"]
        await pilot.pause()
        assert app.wizard.query_one(StepList).states["objective"] == "error"
        app.guard.quit_discarding()
