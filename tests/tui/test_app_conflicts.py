"""Saving over a file that changed on disk: reload, overwrite or save as; never silently."""

from __future__ import annotations

from textual.widgets import Static

from model.atomic import backup_path_for
from model.fingerprint import fingerprint_of
from model.lock import inspect_lock
from model.store import load_plan, save_plan
from tests.conftest import run_okr
from tests.tui.helpers import retype, run_command, screen_text, type_text
from tests.tui.safety_helpers import dialog_id
from tui.app import make_app
from tui.screens.dialogs import ConfirmDialog, PromptDialog


def someone_else_saves(path, title: str = "Theirs") -> None:
    theirs = load_plan(path)
    theirs.title = title
    save_plan(theirs, path)


async def _edit_then_save_over_their_change(pilot, path) -> None:
    await pilot.pause()
    await type_text(pilot, " mine")
    someone_else_saves(path)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_a_changed_file_is_never_overwritten_without_asking(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _edit_then_save_over_their_change(pilot, path)
        assert dialog_id(app) == "conflict-dialog"
        text = screen_text(pilot)
        assert "The file changed on disk" in text and "Overwrite with mine" in text
        flat = " ".join(text.replace("│", " ").split())
        assert "Someone saved this plan after you opened it" in flat
        assert flat.count("another name") == 1  # what to do is said once, not twice
        await pilot.press("escape")  # cancel
        await pilot.pause()
        assert dialog_id(app) is None and app.dirty
    assert load_plan(path).title == "Theirs"
    assert not load_plan(path).objective.statement.endswith(" mine")


async def test_overwrite_writes_mine_and_keeps_theirs_as_the_backup(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _edit_then_save_over_their_change(pilot, path)
        await pilot.click("#overwrite")
        await pilot.pause()
        assert not app.dirty
        assert app.guard.base == fingerprint_of(path)
        await type_text(pilot, "!")  # the next save goes through without a question
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert dialog_id(app) is None and not app.dirty
    mine = load_plan(path)
    assert mine.objective.statement.endswith(" mine!") and mine.title != "Theirs"
    assert load_plan(backup_path_for(path)).objective.statement.endswith(" mine")


async def test_save_as_writes_mine_elsewhere_and_leaves_theirs(example_copy):
    path = example_copy()
    other = path.with_name("mine.v2.toml")
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _edit_then_save_over_their_change(pilot, path)
        await pilot.click("#save-as")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("ctrl+u")
        await type_text(pilot, str(other.with_name("mine.v2")))  # .toml is added
        await pilot.press("enter")
        await pilot.pause()
        assert app.path == other and not app.dirty
        assert other.name in app.sub_title
        assert inspect_lock(path) is None, "the old plan's lock was let go"
        assert inspect_lock(other) is not None
    assert load_plan(path).title == "Theirs"
    assert load_plan(other).objective.statement.endswith(" mine")


async def test_save_as_onto_an_existing_file_asks_first(example_copy):
    path = example_copy()
    other = example_copy("ecommerce-revenue.toml")
    original = other.read_bytes()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, " mine")
        await app.action_save_as()
        await pilot.pause()
        await retype(pilot, str(other))
        assert isinstance(app.screen, ConfirmDialog) and "already exists" in screen_text(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert app.path == path
        assert other.read_bytes() == original
        await app.action_save_as()
        await pilot.pause()
        await retype(pilot, str(other))
        await pilot.press("y")
        await pilot.pause()
        assert app.path == other
    assert load_plan(other).objective.statement.endswith(" mine")


async def test_reload_asks_then_takes_their_version(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _edit_then_save_over_their_change(pilot, path)
        await pilot.click("#reload")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and "lose your" in screen_text(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert app.plan.title == "Theirs" and not app.dirty
        assert not app.plan.objective.statement.endswith(" mine")
        assert app.query_one("#plan-title").value == "Theirs"
        assert app.guard.base == fingerprint_of(path)
    assert load_plan(path).title == "Theirs"


async def test_a_deleted_file_is_a_conflict_too(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, " mine")
        path.unlink()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert dialog_id(app) == "conflict-dialog"
        text = " ".join(screen_text(pilot).replace("│", " ").split())
        assert "The file is gone from disk" in text and "deleted or moved" in text
        assert "Someone saved" not in text  # not the advice for a changed file
        assert "Save it again" in text and not app.screen.query("#reload")  # nothing to reload
        await pilot.click("#overwrite")
        await pilot.pause()
    assert load_plan(path).objective.statement.endswith(" mine")


async def test_a_backup_that_could_not_be_kept_is_reported(example_copy):
    path = example_copy()
    backup = path.with_name(path.name + ".bak")
    backup.mkdir()  # something in the way of the .bak file
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, " mine")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.dirty
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Saved, but:") for m in messages), messages
    assert load_plan(path).objective.statement.endswith(" mine")


async def test_okr_checkin_on_a_plan_open_in_the_app_is_recorded_and_the_save_asks(
    example_copy,
):
    """The app's session lock does not stop okr checkin (README: okr checkin): the
    check-in is in the file, and the app's next save finds the plan changed on disk."""
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert inspect_lock(path) is not None, "the app holds the plan"
        await type_text(pilot, " mine")
        result = run_okr(
            "checkin", str(path), "--kpi", "cac", "--value", "650", "--date", "2026-02-20"
        )
        assert result.returncode == 0, result.stderr
        assert load_plan(path).checkins[-1].value == 650
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert dialog_id(app) == "conflict-dialog"
        await pilot.click("#reload")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.plan.checkins[-1].value == 650 and not app.dirty
    assert load_plan(path).checkins[-1].value == 650


async def test_check_ins_added_meanwhile_are_kept_with_my_edits(example_copy):
    path = example_copy()
    count = len(load_plan(path).checkins)
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, " mine")
        for kpi, value in (("cac", "$690"), ("trial_to_paid", "11%")):  # a colleague, twice
            result = run_okr(
                "checkin", str(path), "--kpi", kpi, "--value", value, "--date", "2026-02-20"
            )
            assert result.returncode == 0, result.stderr
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert dialog_id(app) == "conflict-dialog"
        flat = " ".join(screen_text(pilot).replace("│", " ").split())
        assert "2 check-ins were added" in flat and "Keep both" in flat
        await pilot.press("enter")  # Keep both: the first choice
        await pilot.pause()
        assert dialog_id(app) is None and not app.dirty
        assert app.guard.base == fingerprint_of(path)
    saved = load_plan(path)
    assert saved.objective.statement.endswith(" mine")
    added = saved.checkins[count:]
    assert [(c.kpi, c.value) for c in added] == [("cac", 690), ("trial_to_paid", 0.11)]


async def test_keep_both_is_not_offered_when_they_changed_more_than_check_ins(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _edit_then_save_over_their_change(pilot, path)
        assert dialog_id(app) == "conflict-dialog"
        assert "Keep both" not in screen_text(pilot)
        assert not app.screen.query("#keep-both")


async def test_save_as_onto_a_link_into_a_missing_folder_says_which_folder(example_copy, tmp_path):
    """A dangling symlink is saved through to its target, so its target's folder must
    exist; the message names that folder, not a bare "No such file or directory"."""
    path = example_copy()
    link = tmp_path / "link.toml"
    missing = tmp_path / "gone"
    link.symlink_to(missing / "plan.toml")
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, " mine")
        await run_command(pilot, "save as")
        assert isinstance(app.screen, PromptDialog)
        await retype(pilot, str(link))
        message = list(app._notifications)[-1].message
        assert message == (
            f"Not saved: {link} is a link into the folder {missing}, which does not exist."
        )
        assert app.path == path and app.dirty
    assert link.is_symlink() and not missing.exists()


async def test_a_plan_file_the_user_may_not_write_asks_for_another_name(example_copy, monkeypatch):
    """ctrl+s on a read-only file says why nothing was written and asks at once for a
    file name to save a copy under (the app's way out; the command line says no such
    thing). Root may write any file, so the permission check answers as for a user."""
    import model.atomic

    path = example_copy()
    original = path.read_bytes()
    may_write = model.atomic.os.access
    monkeypatch.setattr(
        model.atomic.os,
        "access",
        lambda file, mode, **kw: False if str(file) == str(path) else may_write(file, mode, **kw),
    )
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, " mine")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        question = str(app.screen.query_one(".dialog-question", Static).render())
        assert question == (
            "Not saved (the file is read-only for you; nothing was written)."
            " Save a copy under another name:"
        )
        copy = path.with_name("copy.toml")
        await retype(pilot, str(copy))
        assert load_plan(copy).objective.statement.endswith(" mine")
        assert app.path == copy and not app.dirty
    assert path.read_bytes() == original


async def test_keep_both_is_not_offered_for_a_check_in_on_a_kpi_renamed_here(example_copy):
    """Their check-in is for trial_activation, which this session renamed: kept both, it
    would point at no KPI, so the dialog offers the usual choices."""
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("alt+3")
        await pilot.pause()
        await pilot.press("enter")  # the first KPI, its id field first
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, "activation")
        await pilot.pause()
        assert app.plan.kpis[0].id == "activation"
        result = run_okr(
            "checkin",
            str(path),
            "--kpi",
            "trial_activation",
            "--value",
            "40%",
            "--date",
            "2026-02-20",
        )
        assert result.returncode == 0, result.stderr
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert dialog_id(app) == "conflict-dialog"
        assert "Keep both" not in screen_text(pilot)
        assert not app.screen.query("#keep-both")
