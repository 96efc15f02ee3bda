"""Unsaved edits in the app: autosaved, offered back on the next open, kept on a crash."""

from __future__ import annotations

import asyncio

import pytest

from model.fingerprint import fingerprint_of
from model.plan import Plan
from model.recovery import find_recovery, recovery_path, write_recovery
from model.store import load_plan, save_plan
from tests.model.test_recovery import parses_of
from tests.tui.helpers import screen_text, type_text
from tests.tui.safety_helpers import dialog_id
from tui.app import make_app
from tui.screens.choice import ChoiceDialog
from tui.widgets.items_editor import ItemsEditor

pytestmark = pytest.mark.usefixtures("autosave_at_once")  # they tick right after typing


async def test_unsaved_edits_are_autosaved_only_when_they_changed(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.guard.write_recovery(), "nothing unsaved, nothing written"
        assert find_recovery(path) is None
        await type_text(pilot, " now")
        app.guard.tick()
        found = find_recovery(path)
        assert found is not None and found.plan.objective.statement.endswith(" now")
        assert found.base == fingerprint_of(path)
        assert not app.guard.write_recovery(), "unchanged since the last write"
        await type_text(pilot, "!")
        assert app.guard.write_recovery()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert find_recovery(path) is None, "a save cleans the recovery file up"
        assert app.guard.base == fingerprint_of(path)


async def test_the_autosave_timer_writes_the_recovery_file(example_copy, monkeypatch):
    monkeypatch.setattr("tui.guard.AUTOSAVE_SECONDS", 0.05)
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, " now")
        for _ in range(100):
            if find_recovery(path) is not None:
                break
            await pilot.pause(0.05)
        assert find_recovery(path).plan.objective.statement.endswith(" now")


async def test_recovery_is_offered_with_what_differs_and_applied(example_copy):
    path = example_copy()
    edited = load_plan(path)
    edited.objective.statement = "Recovered statement"
    edited.kpis[0].name = "Recovered KPI"
    write_recovery(path, edited, fingerprint_of(path))
    original = path.read_bytes()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert dialog_id(app) == "recovery-dialog"
        text = screen_text(pilot)
        assert "Unsaved edits were found" in text and "Recovered statement" in text
        assert str(recovery_path(path)) in app.screen.body[0]  # wrapped on screen
        await pilot.press("enter")  # recover (the first choice)
        await pilot.pause()
        assert app.plan == edited and app.dirty
        assert app.query_one("#objective-statement").value == "Recovered statement"
        assert "unsaved" in app.title
        assert path.read_bytes() == original, "recovering writes nothing by itself"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.dirty
    assert load_plan(path) == edited
    assert find_recovery(path) is None


async def test_recovery_can_be_discarded(example_copy):
    path = example_copy()
    edited = load_plan(path)
    edited.title = "Not wanted"
    write_recovery(path, edited, fingerprint_of(path))
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#discard")
        await pilot.pause()
        assert app.plan.title != "Not wanted" and not app.dirty
        assert find_recovery(path) is None
    assert find_recovery(path) is None


async def test_recovered_edits_over_a_file_saved_since_ask_before_overwriting(example_copy):
    path = example_copy()
    edited = load_plan(path)
    edited.title = "Mine"
    write_recovery(path, edited, fingerprint_of(path))
    theirs = load_plan(path)
    theirs.title = "Theirs"
    save_plan(theirs, path)
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "The file was saved by someone after these edits began" in screen_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert dialog_id(app) == "conflict-dialog"
    assert load_plan(path).title == "Theirs"


async def test_quitting_without_saving_discards_the_recovery_file(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, " now")
        app.guard.tick()
        assert find_recovery(path) is not None
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
    assert find_recovery(path) is None
    assert app.guard.exit_notices == []


async def test_a_crash_keeps_the_unsaved_edits_and_says_where(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)

    def explode() -> None:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        async with app.run_test(size=(80, 24)) as pilot:
            await type_text(pilot, " now")
            app.call_later(explode)
            await pilot.pause()
    found = find_recovery(path)
    assert found is not None and found.plan.objective.statement.endswith(" now")
    assert len(app.guard.exit_notices) == 1
    notice = app.guard.exit_notices[0]
    assert "stopped on an error" in notice and str(found.file) in notice


async def test_an_exit_that_did_not_ask_keeps_the_edits(example_copy):
    """Closing the browser tab under ``okr serve`` ends the app without the quit question."""
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, " now")
        app.exit()
        await pilot.pause()
    assert find_recovery(path).plan.objective.statement.endswith(" now")
    assert "were kept in" in app.guard.exit_notices[0]


async def test_a_signal_keeps_the_edits_and_lets_go_of_the_lock(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, " now")
        app.guard.on_signal(15)
        assert app.guard.lock is None
        assert find_recovery(path).plan.objective.statement.endswith(" now")
        assert "was stopped" in app.guard.exit_notices[0]


async def test_the_recovery_dialog_shows_plan_text_literally(example_copy):
    path = example_copy()
    edited = load_plan(path)
    edited.objective.statement = "[bold]x[/bold] \x1b[31mred"
    write_recovery(path, edited, fingerprint_of(path))
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert "[bold]x[/bold]" in screen_text(pilot)


async def test_a_list_fit_pending_when_the_panes_are_rebuilt_is_no_crash(example_copy):
    """The items editor fits its list after the next refresh; a recovery (or a reload,
    or a language switch) can take that editor down first. Over a slow terminal this
    happened when Recover was pressed right after the dialog came up."""
    path = example_copy()
    edited = load_plan(path)
    edited.items[0].text = "Recovered item"
    write_recovery(path, edited, fingerprint_of(path))
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert dialog_id(app) == "recovery-dialog"
        old_editor = app.query_one(ItemsEditor)
        await pilot.press("enter")  # recover: the panes are rebuilt...
        for _ in range(20):  # ...and the old editor fits its list as its rows go
            old_editor.fit_list()
            await asyncio.sleep(0)
        await pilot.pause()
        assert app.is_running and app.plan == edited
        assert "Recovered item" in screen_text(pilot)
        editor = app.query_one(ItemsEditor)
        assert editor is not old_editor and editor.item_list.styles.height.value >= 3


async def test_edits_kept_in_the_temp_folder_come_back_and_go_once_saved(
    example_copy, monkeypatch, tmp_path
):
    """The state folder cannot be written: a signal keeps the edits in the temporary
    folder; the next open offers them, and saving them removes that file."""
    import tempfile

    from model.recovery import emergency_save

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)
    path = example_copy()
    edited, base = load_plan(path), fingerprint_of(path)
    edited.objective.statement += " kept"
    kept = emergency_save(path, edited, base)
    assert kept is not None and kept.parent == tmp_path
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert dialog_id(app) == "recovery-dialog"
        assert "Unsaved edits were found" in screen_text(pilot)
        await pilot.press("enter")  # recover
        await pilot.pause()
        assert app.dirty and app.plan.objective.statement.endswith(" kept")
        assert kept.exists(), "the state folder still cannot take them: they stay there"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.dirty
    assert load_plan(path).objective.statement.endswith(" kept")
    assert not kept.exists(), "saved: not offered again"


async def test_opening_parses_the_recovery_file_once(example_copy, monkeypatch):
    """It is a whole plan (up to 16 MB): reading it once tells both whether it can be read
    and what to offer."""
    path = example_copy()
    edited = load_plan(path)
    edited.objective.statement = "Recovered statement"
    file = write_recovery(path, edited, fingerprint_of(path))
    parses = parses_of(file, monkeypatch)
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert dialog_id(app) == "recovery-dialog"
        assert "Recovered statement" in screen_text(pilot)
        assert parses == [file]


async def test_an_unreadable_recovery_file_is_moved_aside_not_overwritten(example_copy):
    """A recovery file the app cannot read (here: a key a newer okr might write) used to
    be skipped in silence, then replaced by the first autosave of the new session."""
    path = example_copy()
    edited = load_plan(path)
    edited.objective.statement = "Edits from yesterday"
    write_recovery(path, edited, fingerprint_of(path))
    kept = recovery_path(path)
    unreadable = kept.read_text("utf-8").replace("\nschema = 1\n", "\nschema = 1\nfrom_v9 = 1\n")
    kept.write_text(unreadable, "utf-8")
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert dialog_id(app) is None, "nothing readable to offer"
        notice = list(app._notifications)[-1].message
        assert "could not be read" in notice and "unknown key 'from_v9'" in notice
        aside = list(kept.parent.glob(f"{kept.stem}.unreadable-*.toml"))
        assert len(aside) == 1 and str(aside[0]) in notice
        await type_text(pilot, " today")
        assert app.guard.write_recovery()
        assert find_recovery(path).plan.objective.statement.endswith(" today")
    assert aside[0].read_text("utf-8") == unreadable, "yesterday's edits are still there"


async def test_recovered_edits_of_a_file_deleted_since_say_it_was_deleted(example_copy):
    """The file the edits began from is gone: the dialog says so, not that someone saved
    it, and saving the recovered plan asks before writing it there again."""
    path = example_copy()
    edited = load_plan(path)
    edited.title = "Mine"
    write_recovery(path, edited, fingerprint_of(path))
    path.unlink()
    app = make_app(Plan(), path)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        said = app.screen.body[-1]  # the dialog's last line (it scrolls on a small screen)
        assert said.startswith("The file was deleted or moved after these edits began")
        assert not [line for line in app.screen.body if "saved by someone" in line]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert dialog_id(app) == "conflict-dialog"
        assert "deleted or moved" in " ".join(screen_text(pilot).replace("│", " ").split())
    assert not path.exists()
