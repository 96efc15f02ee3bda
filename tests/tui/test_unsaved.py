"""Unsaved means the plan differs from its file: an edit undone or typed back leaves
nothing to save, nothing to ask about on quitting and no recovery file to offer back."""

from __future__ import annotations

import pytest

from model.fingerprint import fingerprint_of
from model.recovery import find_recovery, write_recovery
from model.store import load_plan, save_plan
from tests.tui.helpers import screen_text, type_text
from tests.tui.safety_helpers import dialog_id
from tui.app import make_app

MARK = "● unsaved"

pytestmark = pytest.mark.usefixtures("autosave_at_once")  # they tick right after typing


async def test_undoing_back_to_the_saved_plan_takes_the_mark_and_the_quit_question_away(
    example_copy,
):
    # ctrl+z took the words back, but "● unsaved" stayed and ctrl+q still asked.
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, " now")
        await pilot.pause()
        assert MARK in screen_text(pilot) and "Unsaved changes" in screen_text(pilot)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.plan == load_plan(path)
        assert MARK not in screen_text(pilot) and "Unsaved changes" not in screen_text(pilot)
        await pilot.press("ctrl+y")  # redone: unsaved again
        await pilot.pause()
        assert MARK in screen_text(pilot)
        await pilot.press("ctrl+z", "ctrl+q")
        await pilot.pause()
        assert not app.is_running, "nothing to save: quitting does not ask"


async def test_text_typed_back_to_what_was_saved_is_not_unsaved(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "x")
        await pilot.press("backspace")  # not an undo: the same text typed back
        await pilot.pause()
        assert app.plan == load_plan(path) and MARK not in screen_text(pilot)
        await pilot.press("alt+5")  # a KPI's baseline, a number
        await pilot.pause()
        shown = app.focused.value
        await pilot.press("ctrl+u")
        await type_text(pilot, "40")
        await pilot.pause()
        assert MARK in screen_text(pilot)
        await pilot.press("ctrl+u")
        await type_text(pilot, shown)
        await pilot.pause()
        assert app.plan == load_plan(path) and MARK not in screen_text(pilot)
        await pilot.press("ctrl+u")
        await type_text(pilot, "41")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, shown)  # back to the file as loaded, not as saved since
        await pilot.pause()
        assert MARK in screen_text(pilot)


async def test_edits_undone_after_they_were_kept_for_recovery_are_not_offered_back(
    example_copy,
):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, " now")
        app.guard.tick()  # the autosave keeps them
        assert find_recovery(path) is not None
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert find_recovery(path) is None, "kept edits that were undone are stale"
        app.guard.tick()
        assert find_recovery(path) is None
        await type_text(pilot, " again")  # unsaved again: kept again
        app.guard.tick()
        assert find_recovery(path).plan.objective.statement.endswith(" again")
        await pilot.press("ctrl+z")
        await pilot.pause()
        app.exit()  # an exit that does not ask (a closed browser tab) keeps unsaved edits
        await pilot.pause()
    assert find_recovery(path) is None and app.guard.exit_notices == []
    reopened = make_app(load_plan(path), path)
    async with reopened.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert dialog_id(reopened) is None, "no recovery offered"


async def test_recovered_edits_are_unsaved_until_typed_back_to_the_file(example_copy):
    path = example_copy()
    edited = load_plan(path)
    edited.objective.statement += " now"
    write_recovery(path, edited, fingerprint_of(path))  # kept over the file as it was...
    theirs = load_plan(path)
    theirs.title = "Theirs"
    save_plan(theirs, path)  # ...which someone saved since
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # recover
        await pilot.pause()
        assert app.dirty and MARK in screen_text(pilot), "a recovered plan is not the file"
        assert find_recovery(path) is not None, "kept until saved"
        app.query_one("#objective-statement").focus()
        await pilot.press("end", "backspace", "backspace", "backspace", "backspace")  # " now"
        app.query_one("#plan-title").focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "Theirs")  # the recovered plan has the title they changed
        await pilot.pause()
        assert app.plan == load_plan(path)
        assert MARK not in screen_text(pilot) and find_recovery(path) is None
        # the plan is the file as it is now: saving it is no conflict with their save
        await type_text(pilot, "!")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert dialog_id(app) is None and not app.dirty
    assert load_plan(path).title == "Theirs!"
