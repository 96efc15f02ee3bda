"""``okr PLAN`` in a terminal paints the file first, validates it right after, then hands
over to the editor: nothing typed in between is lost, and a bad file still ends in one
line naming it, with nothing written."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual import events

from model.lock import inspect_lock
from model.plan_source import read_plan_source
from model.store import load_plan
from tests.tui.helpers import until
from tests.tui.safety_helpers import dialog_id, hold_lock_elsewhere
from tui.app import OkrApp, make_opening_app
from tui.screens.opening import OpeningPane

Hook = Callable[[OkrApp], Awaitable[None]]


def opening_app(path: Path, before_validation: Hook | None = None) -> OkrApp:
    """The app as ``okr PLAN`` makes it in a terminal; ``before_validation`` runs after
    the first paint, just before the file is validated."""
    source = read_plan_source(path)
    app = make_opening_app(source, path)
    if before_validation is not None:
        validate = app._validate_source

        async def hooked() -> None:
            await before_validation(app)
            await validate()

        app._validate_source = hooked  # type: ignore[method-assign]
    return app


def shown(app: OkrApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def typed(app: OkrApp, *keys: str) -> None:
    """Keys as the terminal sends them, before the editor is there."""
    for key in keys:
        character = {"space": " ", "tab": "\t", "backspace": "\x7f"}.get(key, key)
        app.post_message(events.Key(key, character))


async def taken_over(app: OkrApp) -> None:
    """Wait for the editor to take over from the opening pane and be painted."""
    await app.workers.wait_for_complete()
    await until(lambda: not app._batch_count and not app.query(OpeningPane), "the editor")
    # the compositor lays the new screen out on its next refresh, not at the swap
    await until(lambda: "Statement" in shown(app), "the editor's paint")


async def test_the_file_is_painted_as_text_before_it_is_validated(example_copy):
    plan = example_copy()
    text = plan.read_text("utf-8")
    text = text.replace('title = "SaaS growth Q1 2026"', 'title = "[bold]Ops[/bold] \\u001b[2J"')
    plan.write_text(text, "utf-8")
    seen: list[str] = []

    async def look(app: OkrApp) -> None:
        assert app.plan is None, "not validated yet"
        seen.append(shown(app))

    app = opening_app(plan, look)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = seen[0]
        assert "Make the free trial the fastest path" in first
        assert "[bold]Ops[/bold]" in first, "markup in the file is shown as typed"
        assert "\x1b" not in first
        assert "Key results and initiatives: 8" in first
        assert "Raise trial-to-paid conversion" in first
        # then the editor takes over: the real fields, the step marks from the checks
        await taken_over(app)
        assert app.focused is not None and app.focused.id == "objective-statement"
        assert app.plan.objective.statement.startswith("Make the free trial")
        assert inspect_lock(plan) is not None, "the guard started with the plan"


async def test_a_files_comments_are_read_after_the_opening_for_the_first_save(example_copy):
    from model import comments

    plan = example_copy()
    text = plan.read_text("utf-8").replace("[objective]", "# why this goal\n[objective]", 1)
    plan.write_text(text, "utf-8")
    comments._last_carried = None
    app = opening_app(plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await taken_over(app)
        await app.workers.wait_for_complete()
        read = comments._last_carried
        assert read is not None and read.text == text, "read in the background"
        await pilot.press("end", "!", "ctrl+s")
        await pilot.pause()
    saved = plan.read_text("utf-8")
    assert "# why this goal\n[objective]\n" in saved
    assert load_plan(plan).objective.statement.endswith("small teams!")


async def test_keys_typed_before_the_editor_is_there_land_in_it_in_order(example_copy):
    plan = example_copy()

    async def type_early(app: OkrApp) -> None:
        for char in " now":  # queued before validation: nothing has the focus yet
            app.post_message(events.Key("space" if char == " " else char, char))

    app = opening_app(plan, type_early)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("!", "ctrl+s")
        await pilot.pause()
        statement = app.plan.objective.statement
    assert statement.endswith("small teams now!"), statement
    assert load_plan(plan).objective.statement == statement


async def test_characters_typed_during_the_opening_show_at_once_where_the_editor_puts_them(
    example_copy,
):
    plan = example_copy()
    seen: list[str] = []

    async def type_and_look(app: OkrApp) -> None:
        typed(app, "space", "n", "o", "x", "backspace", "w")
        await until(lambda: "teams now" in shown(app), "the typed keys on screen")
        assert app.plan is None, "shown by the opening pane, before the file is validated"
        seen.append(shown(app))

    app = opening_app(plan, type_and_look)
    async with app.run_test(size=(100, 30)) as pilot:
        await taken_over(app)
        [echo] = [line for line in seen[0].splitlines() if "Statement" in line]
        # as the field will show it: its end, the cursor after the last character
        assert echo.rstrip().endswith("for small teams now"), echo
        assert app.focused is not None and app.focused.id == "objective-statement"
        assert app.plan.objective.statement.endswith("for small teams now")
        assert "for small teams now" in shown(app), "and the editor shows them"
        await pilot.press("!", "ctrl+s")
        await pilot.pause()
    assert load_plan(plan).objective.statement.endswith("for small teams now!")


async def test_the_first_key_that_is_not_a_character_ends_what_the_opening_shows(example_copy):
    plan = example_copy()
    seen: list[str] = []

    async def type_and_look(app: OkrApp) -> None:
        typed(app, "space", "a", "tab", "z")
        await until(lambda: "teams a" in shown(app), "the first keys on screen")
        await asyncio.sleep(0.1)  # the app has read the tab and the z meanwhile
        seen.append(shown(app))

    app = opening_app(plan, type_and_look)
    async with app.run_test(size=(100, 30)) as pilot:
        await taken_over(app)
        await pilot.pause()
        objective = app.plan.objective
        assert "teams a" in seen[0] and "teams az" not in seen[0]
        assert "z" not in seen[0].split("KGI", 1)[1].split("\n", 1)[0], "nothing guessed"
        # every key still reaches the editor, each where it goes
        assert objective.statement.endswith("for small teams a")
        assert objective.kgi.endswith("z"), objective.kgi


async def test_keys_shown_during_the_opening_of_a_busy_plan_are_not_written_into_it(
    example_copy,
):
    plan = example_copy()
    hold_lock_elsewhere(plan, user="alice")

    async def type_early(app: OkrApp) -> None:
        typed(app, "x")
        await until(lambda: "teamsx" in shown(app), "the key on screen")

    app = opening_app(plan, type_early)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await until(lambda: dialog_id(app) == "lock-dialog", "the lock dialog")
        await until(lambda: "Someone else is editing this plan" in shown(app), "its paint")
        assert not app._batch_count, "the screen is painted, not held for the keys"
        await pilot.pause()
    assert load_plan(plan).objective.statement.endswith("small teams"), "nothing written"


async def test_a_file_that_fails_validation_exits_with_its_one_line_error(example_copy):
    plan = example_copy()
    text = plan.read_text("utf-8").replace('unit = "count"', 'unit = "furlongs"', 1)
    plan.write_text(text, "utf-8")
    app = opening_app(plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 2
    message = str(app.open_error)
    assert str(plan) in message and "furlongs" in message and "\n" not in message
    assert plan.read_text("utf-8") == text, "nothing written"
    assert inspect_lock(plan) is None


async def test_keys_typed_during_the_opening_do_not_answer_the_recovery_question(example_copy):
    # Replayed into the question they answered it: tab went to Discard, enter pressed it,
    # and the edits kept from the last session were deleted unseen.
    from model.fingerprint import fingerprint_of
    from model.recovery import find_recovery, write_recovery

    path = example_copy()
    edited = load_plan(path)
    edited.objective.statement = "Recovered statement"
    write_recovery(path, edited, fingerprint_of(path))

    async def type_early(app: OkrApp) -> None:
        typed(app, "x", "tab", "y")
        app.post_message(events.Key("enter", "\r"))

    app = opening_app(path, type_early)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await until(lambda: dialog_id(app) == "recovery-dialog", "the recovery dialog")
        for _ in range(5):  # time for held keys to be replayed, were there any
            await pilot.pause()
        assert dialog_id(app) == "recovery-dialog", "still asking"
        assert find_recovery(path) is not None, "the kept edits are still there"
        await pilot.press("enter")  # recover, as the focused button says
        await pilot.pause()
        assert app.plan.objective.statement == "Recovered statement"
