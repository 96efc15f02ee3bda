"""Under a dialog the Footer names the dialog's own keys, each of which works there,
not the planner's keys (``^n``, ``^r``...), which do nothing while a dialog is open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from textual.screen import ModalScreen

from model.i18n import set_language, t
from model.store import load_plan
from tests.tui.helpers import screen_text, type_text
from tests.tui.test_footer import footer_keys
from tui.app import OkrApp, make_app

SIZES = [(60, 20), (80, 24), (120, 40)]

PLANNER_KEYS = ("^n", "^r", "^s", "^o", "f1", "^q")
"""Keys the planner's Footer names, which do nothing while a dialog is open (and f1 and
ctrl+q, which the planner's Footer always keeps)."""


@dataclass
class Case:
    """A dialog, the keys its Footer names (``"esc <label>"``) and what each answers."""

    open: Callable[[OkrApp], ModalScreen]
    keys: Callable[[], dict[str, tuple[str, Any]]]
    """Per key pressed: its Footer label and the dialog's answer to it."""


def _confirm(app: OkrApp) -> ModalScreen:
    from tui.screens.dialogs import ConfirmDialog

    return ConfirmDialog("Delete [bold]x[/]?", yes=t("tui.delete"), no=t("tui.keep"))


def _quit(app: OkrApp) -> ModalScreen:
    from tui.screens.dialogs import QuitDialog

    return QuitDialog()


def _prompt(app: OkrApp) -> ModalScreen:
    from tui.screens.dialogs import PromptDialog

    return PromptDialog("Name?")


def _go_to(app: OkrApp) -> ModalScreen:
    from tui.screens.dialogs import GoToStepDialog

    return GoToStepDialog("objective", {})


def _choice(app: OkrApp) -> ModalScreen:
    from tui.screens.choice import Choice, ChoiceDialog

    choices = [
        Choice("keep-both", t("safety.keep_both")),
        Choice("cancel", t("safety.cancel")),
    ]
    return ChoiceDialog("Conflict", ["The file changed."], choices, escape="cancel")


def _export(app: OkrApp) -> ModalScreen:
    from tui.screens.export import ExportDialog

    return ExportDialog(app.path)


def _next_period(app: OkrApp) -> ModalScreen:
    from tui.screens.next_period import NextPeriodDialog

    return NextPeriodDialog(app.plan, app.path)


def _catalog(app: OkrApp) -> ModalScreen:
    from tui.screens.catalog_picker import CatalogPicker

    return CatalogPicker()


def _inputs(app: OkrApp) -> ModalScreen:
    from tui.screens.formula_feedback import InputsDialog

    kpi = next(kpi for kpi in app.plan.kpis if kpi.formula)
    return InputsDialog(app.plan, kpi, {})


def _help(app: OkrApp) -> ModalScreen:
    from tui.screens.help import HelpScreen

    return HelpScreen()


def _close(answer: Any = None) -> Callable[[], dict[str, tuple[str, Any]]]:
    return lambda: {"escape": (f"esc {t('tui.key_dialog_close')}", answer)}


CASES: dict[str, Case] = {
    "confirm": Case(
        _confirm,
        lambda: {
            "escape": (f"esc {t('tui.keep')}", False),
            "y": (f"y {t('tui.delete')}", True),
        },
    ),
    "quit": Case(
        _quit,
        lambda: {
            "escape": (f"esc {t('tui.keep_editing')}", False),
            "y": (f"y {t('tui.quit_without_saving')}", True),
            "s": (f"s {t('tui.save_and_quit')}", "save"),
        },
    ),
    "prompt": Case(_prompt, _close()),
    "go to step": Case(_go_to, _close()),
    "conflict": Case(_choice, lambda: {"escape": (f"esc {t('safety.cancel')}", "cancel")}),
    "export": Case(_export, _close()),
    "next period": Case(_next_period, _close()),
    "catalog": Case(_catalog, _close()),
    "inputs": Case(_inputs, _close(False)),
    "help": Case(_help, _close()),
}


def footer_line(pilot) -> str:
    return screen_text(pilot).splitlines()[-1].strip()


@pytest.mark.parametrize("language", ["en", "zh-TW"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_a_dialogs_footer_names_its_own_keys_and_each_works(example_copy, language, size):
    set_language(language)
    path = example_copy()
    app = make_app(load_plan(path), path, today=dt.date(2026, 2, 20))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for name, case in CASES.items():
            for key, (label, answer) in case.keys().items():
                answers: list[Any] = []
                dialog = case.open(app)
                app.push_screen(dialog, answers.append)
                await pilot.pause()
                shown = footer_line(pilot)
                expected = "  ".join(label for label, _ in case.keys().values())
                assert " ".join(shown.split()) == " ".join(expected.split()), (name, shown)
                assert [label for label, _ in case.keys().values()] == footer_keys(pilot), name
                assert not set(PLANNER_KEYS) & set(shown.split()), (name, shown)
                await pilot.press(key)
                await pilot.pause()
                assert app.screen is not dialog, (name, key)
                assert answers == [answer], (name, key)


async def test_the_delete_question_deletes_with_the_key_its_footer_names(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(60, 20)) as pilot:
        count = len(app.plan.kpis)
        await pilot.press("alt+3", "escape", "end", "d")
        await pilot.pause()
        assert footer_line(pilot).split() == ["esc", "Keep", "y", "Delete"]
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.plan.kpis) == count
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert len(app.plan.kpis) == count - 1


async def test_the_quit_question_saves_and_quits_with_the_key_its_footer_names(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(60, 20)) as pilot:
        await type_text(pilot, " now")
        await pilot.press("ctrl+q")
        await pilot.pause()
        line = footer_line(pilot)
        assert "s Save and quit" in line and "y Quit without saving" in line, line
        assert not set(PLANNER_KEYS) & set(line.split())
        await pilot.press("s")
        await pilot.pause()
        assert not app.is_running
    assert load_plan(path).objective.statement.endswith(" now")


@pytest.mark.parametrize("language", ["en", "zh-TW"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_catalog_picker_keeps_its_formula_and_hint_above_the_footer(
    example_copy, language, size
):
    set_language(language)
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("alt+3", "escape", "c")
        await pilot.pause()
        await pilot.pause()  # the rows laid out again for the list's width
        lines = screen_text(pilot).splitlines()
        for shown in (t("assist.catalog_keys"), "= branded_search_sessions"):
            assert any(f"│  {shown} " in line for line in lines[:-1]), (shown, lines)
        assert lines[-1].split()[0] == "esc"


async def test_the_apps_commands_wait_while_a_dialog_asks(example_copy):
    """ctrl+q in the quit question, ctrl+o or ctrl+s over it: no second dialog stacks on
    the first and nothing is saved before the question is answered."""
    path = example_copy()
    before = path.read_bytes()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, " now")
        await pilot.press("ctrl+q")
        await pilot.pause()
        quit_dialog = app.screen
        assert type(quit_dialog).__name__ == "QuitDialog"
        for key in ("ctrl+q", "ctrl+o", "ctrl+s", "ctrl+p"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is quit_dialog, key
        assert path.read_bytes() == before, "ctrl+s did not save under the question"
        await pilot.press("escape")  # keep editing: the planner's keys work again
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExportDialog"


async def test_quitting_with_nothing_unsaved_still_works_from_a_dialog(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExportDialog"
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_left_and_right_move_between_the_quit_questions_three_buttons(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, " now")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.focused.id == "no"
        await pilot.press("right")
        assert app.focused.id == "save"
        await pilot.press("left")
        assert app.focused.id == "no", "left goes back, not on round to the third"
        await pilot.press("left")
        assert app.focused.id == "yes", "and round to the last"
