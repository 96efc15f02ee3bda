"""After typing stops the checks run off the UI thread: keys typed meanwhile land at once,
and a report of the plan as it was before them is never shown."""

from __future__ import annotations

import threading

import model.checks
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
