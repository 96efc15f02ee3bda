"""What every dialog shares: centred over the screen below, and a Footer of its own keys.

A modal screen's keys stop at the screen (Textual's modal binding chain), so the Footer
of the screen below, which showed through dimmed, named keys (``^n``, ``^r``...) that do
nothing while the dialog is open. Each dialog draws its own :class:`KeyFooter` over it,
naming the keys that work now.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.screen import ModalScreen, ScreenResultType

from tui.keys import localize_bindings
from tui.widgets.footer import KeyFooter


class Dialog(ModalScreen[ScreenResultType]):
    """A modal dialog: :meth:`compose_dialog` builds its box, the Footer follows."""

    HOLDS_APP_KEYS: ClassVar[bool] = True
    """Whether the app's own commands (save, export, the palette, and quit when it would
    ask) wait until the dialog is answered: each would open a dialog of its own over this
    one (a second quit question over the first, export over the lock question) or save
    while a conflict or a recovery is still undecided (see ``OkrApp.check_action``)."""

    def __init__(self, *, dialog_id: str | None = None) -> None:
        super().__init__(classes="dialog-screen", id=dialog_id)
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        yield from self.compose_dialog()
        yield KeyFooter(compact=True)

    def compose_dialog(self) -> ComposeResult:
        """The dialog's box: its question, fields, buttons and hint."""
        yield from ()
