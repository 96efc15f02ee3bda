"""Small modal dialogs: a yes/no question, a one-line prompt, and the step picker."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from model.i18n import t
from model.steps import STEPS, Step, StepState, step_name
from tui.keys import bind, relabel
from tui.screens.dialog import Dialog
from tui.widgets.form import UndoableInput
from tui.widgets.step_list import STATE_MARKS


class ConfirmDialog(Dialog[bool]):
    """A question with two buttons; answers ``True`` for yes, ``False`` for no or Escape.

    The safe answer (no) has the focus, so Enter never destroys anything by accident.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape,n", "answer(False)", "dialog.no"),
        bind("y", "answer(True)", "dialog.yes"),
        bind("left", "app.focus_previous", "dialog.switch", show=False),
        bind("right", "app.focus_next", "dialog.switch", show=False),
    ]

    def __init__(self, question: str, *, yes: str, no: str) -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes
        self.no_label = no
        relabel(self, "dialog.yes", yes)  # the Footer names the buttons' answers
        relabel(self, "dialog.no", no)

    def compose_dialog(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question), classes="dialog-question")
            yield Static(t("tui.confirm_keys"), classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.no_label, id="no", variant="primary")
                yield Button(self.yes_label, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no").focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.answer_for(event.button.id))

    def answer_for(self, button_id: str | None) -> bool | str:
        """The answer a button gives."""
        return button_id == "yes"

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class QuitDialog(ConfirmDialog):
    """Quitting with unsaved changes: keep editing (the focus: Enter loses nothing), save
    and quit (``s``), or quit without saving (``y``, as in every yes/no question)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("s", "save_and_quit", "dialog.save_and_quit"),
    ]
    SAVE = "save"
    """What :meth:`dismiss` answers for "save and quit" (``True``: quit, ``False``: stay)."""

    def __init__(self) -> None:
        super().__init__(
            t("tui.confirm_quit"), yes=t("tui.quit_without_saving"), no=t("tui.keep_editing")
        )

    def compose_dialog(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question), classes="dialog-question")
            yield Static(t("tui.confirm_keys"), classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.no_label, id="no", variant="primary")
                yield Button(t("tui.save_and_quit"), id="save", variant="success")
                yield Button(self.yes_label, id="yes", variant="error")

    def answer_for(self, button_id: str | None) -> bool | str:
        return self.SAVE if button_id == "save" else super().answer_for(button_id)

    def action_save_and_quit(self) -> None:
        self.dismiss(self.SAVE)  # type: ignore[arg-type]


class PromptDialog(Dialog[str | None]):
    """Asks for one line of text; Enter answers it, Escape answers ``None``.

    Its field is the planner's: ctrl+z / ctrl+y, pasted lines joined by spaces, or, for
    one value (``one_value=True``: a file's path), a paste of several lines refused."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "cancel", "dialog.close"),
    ]

    def __init__(
        self, title: str, *, placeholder: str = "", value: str = "", one_value: bool = False
    ) -> None:
        super().__init__()
        self.prompt_title = title
        self.placeholder = placeholder
        self.value = value
        self.one_value = one_value

    def compose_dialog(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.prompt_title), classes="dialog-question")  # text, not markup
            yield UndoableInput(
                self.value,
                placeholder=self.placeholder,
                id="prompt-input",
                one_value=self.one_value,
            )
            yield Static(t("tui.prompt_keys"), classes="dialog-hint")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class GoToStepDialog(Dialog[Step | None]):
    """Lists the steps; a digit or Enter goes to one, Escape stays put."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "cancel", "dialog.close"),
        *[
            bind(str(number), f"go({number})", f"okr.step_{number}", show=False)
            for number in range(1, len(STEPS) + 1)
        ],
    ]

    def __init__(self, current: Step, states: dict[Step, StepState]) -> None:
        super().__init__()
        self.current = current
        self.states = states

    def compose_dialog(self) -> ComposeResult:
        options = [
            Option(
                Text(f"{number}  {STATE_MARKS[self.states.get(step, 'empty')]} {step_name(step)}"),
                id=step,
            )
            for number, step in enumerate(STEPS, start=1)
        ]
        with Vertical(classes="dialog"):
            yield Static(t("tui.go_to_title"), classes="dialog-question")
            yield OptionList(*options, id="step-options")
            yield Static(t("tui.go_to_keys"), classes="dialog-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = STEPS.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)  # type: ignore[arg-type]

    def action_go(self, number: int) -> None:
        self.dismiss(STEPS[number - 1])

    def action_cancel(self) -> None:
        self.dismiss(None)
