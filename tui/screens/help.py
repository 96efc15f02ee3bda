"""The help screen (F1): how the wizard works, what the marks mean, and every key.

The key tables are read from the bindings themselves, so they cannot drift from what
the keys really do.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from model.i18n import t
from tui.keys import bind, detail, localize_bindings
from tui.screens.dialog import Dialog


def key_sections() -> list[tuple[str, list[Binding]]]:
    """``(section title, bindings)`` for every place keys work, in reading order."""
    from tui.app import OkrApp
    from tui.screens.checkin import CheckinScreen
    from tui.screens.checkin_form import RecordInput
    from tui.screens.dashboard import DashboardScreen
    from tui.screens.dialogs import ConfirmDialog, QuitDialog
    from tui.screens.formulas import FormulasPane
    from tui.screens.kpi_step import KpiStepPane
    from tui.screens.kpis import KpisPane
    from tui.screens.review import ReviewPane
    from tui.screens.wizard import WizardScreen
    from tui.widgets.form import FieldInput, UndoableInput
    from tui.widgets.items_editor import ItemsEditor, ItemTextInput
    from tui.widgets.kpi_board import KpiBoard
    from tui.widgets.row_list import RowList

    def own(cls) -> list[Binding]:
        return [b for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]

    return [
        (t("tui.help_keys_everywhere"), own(OkrApp)),
        (t("tui.help_keys_wizard"), own(WizardScreen)),
        (t("tui.help_keys_fields"), own(FieldInput) + own(UndoableInput)),
        (t("tui.help_keys_lists"), own(RowList)),
        (t("tui.help_keys_items"), own(ItemsEditor) + own(ItemTextInput)),
        (t("tui.help_keys_kpis"), own(KpiStepPane)),
        (t("tui.help_keys_core_kpis"), own(KpisPane)),
        (t("tui.help_keys_formulas"), own(FormulasPane)),
        (t("tui.help_keys_review"), own(ReviewPane)),
        (t("tui.help_keys_dashboard"), own(DashboardScreen) + own(KpiBoard)),
        (t("tui.help_keys_checkin"), own(CheckinScreen) + own(RecordInput)),
        (t("tui.help_keys_dialogs"), own(ConfirmDialog) + own(QuitDialog)),
    ]


class HelpScreen(Dialog[None]):
    """What the wizard does and which keys do what; Escape, F1 or q closes it."""

    HOLDS_APP_KEYS = False  # it asks nothing: quit or save from it as from the planner

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape,f1,q", "dismiss", "dialog.close"),
    ]

    def __init__(self) -> None:
        super().__init__()

    def compose_dialog(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static(t("tui.help_title"), classes="dialog-question")
            yield Static(Text(t("tui.help_intro")), classes="help-text")
            yield Static(Text(t("tui.help_marks")), classes="help-text")
            for title, bindings in key_sections():
                yield Static(title, classes="help-heading")
                yield Static(self._table(bindings), classes="help-keys")
            yield Static(t("tui.help_close"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    async def relocalize(self) -> None:
        """Build the help again in the current language (after a language switch)."""
        localize_bindings(self)
        await self.recompose()
        self.query_one("#help").focus()

    def _table(self, bindings: list[Binding]) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style="bold")
        table.add_column(overflow="fold")  # a Chinese sentence is one long "word"
        for binding in bindings:
            keys = [self._key_label(binding, key.strip()) for key in binding.key.split(",")]
            table.add_row(Text(" / ".join(keys)), Text(detail(binding.id) or ""))
        return table

    def _key_label(self, binding: Binding, key: str) -> str:
        """``ctrl+n`` as typed (the way the README writes it); symbols for the rest."""
        if "+" in key and len(key) > 1:
            return key
        return self.app.get_key_display(replace(binding, key=key, key_display=None))
