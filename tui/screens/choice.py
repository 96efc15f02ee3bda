"""A dialog offering a few named choices: the lock, recovery and conflict questions.

The body is plain text (plan text and file names in it are shown literally, never read
as markup). Buttons stack vertically so three or four of them fit 60 columns; the first
choice has the focus and Escape answers ``escape`` (always a choice that loses nothing).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Static

from model.i18n import t
from tui.keys import bind, relabel
from tui.screens.dialog import Dialog


class Choice(NamedTuple):
    """One button: its id (the dialog's answer) and its label."""

    id: str
    label: str
    variant: str = "default"


class ChoiceDialog(Dialog[str]):
    """Asks one question with a few answers; dismisses with the chosen answer's id."""

    DEFAULT_CSS = """
    ChoiceDialog .choice-body {
        height: auto;
        max-height: 12;
    }
    ChoiceDialog .choice-line {
        margin-bottom: 1;
    }
    ChoiceDialog .choice-buttons {
        height: auto;
    }
    ChoiceDialog .choice-buttons Button {
        width: 100%;
        margin-bottom: 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "escape", "dialog.close"),
        bind("up", "app.focus_previous", "dialog.switch", show=False),
        bind("down", "app.focus_next", "dialog.switch", show=False),
    ]

    def __init__(
        self,
        title: str,
        body: Sequence[str],
        choices: Sequence[Choice],
        *,
        escape: str,
        dialog_id: str | None = None,
    ) -> None:
        super().__init__(dialog_id=dialog_id)
        self.dialog_title = title
        self.body = list(body)
        self.choices = list(choices)
        self.escape_choice = escape
        relabel(self, "dialog.close", next(c.label for c in self.choices if c.id == escape))

    def compose_dialog(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.dialog_title), classes="dialog-question")
            with VerticalScroll(classes="choice-body"):
                for line in self.body:
                    yield Static(Text(line), classes="choice-line")
            with Vertical(classes="choice-buttons"):
                for choice in self.choices:
                    yield Button(
                        Text(choice.label),
                        id=choice.id,
                        variant=choice.variant,  # type: ignore[arg-type]
                        compact=True,
                    )
            yield Static(t("safety.choice_keys"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or self.escape_choice)

    def action_escape(self) -> None:
        self.dismiss(self.escape_choice)
