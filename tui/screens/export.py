"""Exporting from the app: a small chooser for the format, then the file written beside
the plan (``model.export.export_next_to_plan``) and a notification naming it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from model.i18n import t
from tui.keys import bind
from tui.screens.dialog import Dialog

if TYPE_CHECKING:
    from model.export import Format
    from tui.app import OkrApp

FORMAT_KEYS: dict[str, Format] = {"m": "md", "c": "csv", "j": "json", "h": "html"}
"""A letter for each format in the chooser."""
FORMAT_NAMES: dict[Format, str] = {
    "md": "review.export_md",
    "csv": "review.export_csv",
    "json": "review.export_json",
    "html": "review.export_html",
}


class ExportDialog(Dialog["Format | None"]):
    """Lists the formats; Enter or the format's letter picks one, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "cancel", "dialog.close"),
        *[
            bind(letter, f"pick('{fmt}')", "okr.export", show=False)
            for letter, fmt in FORMAT_KEYS.items()
        ],
    ]

    def __init__(self, plan_path: Path) -> None:
        super().__init__()
        self.plan_path = plan_path

    def compose_dialog(self) -> ComposeResult:
        options = [Option(_option(letter, fmt), id=fmt) for letter, fmt in FORMAT_KEYS.items()]
        with Vertical(classes="dialog"):
            yield Static(
                Text(t("review.export_title", file=self.plan_path.name)), classes="dialog-question"
            )
            yield OptionList(*options, id="export-formats")
            yield Static(t("review.export_keys"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)  # type: ignore[arg-type]

    def action_pick(self, fmt: Format) -> None:
        self.dismiss(fmt)

    def action_cancel(self) -> None:
        self.dismiss(None)


def export_plan(app: OkrApp, fmt: Format | None) -> Path | None:
    """Write ``app.plan`` as ``fmt`` beside its file and say where; ``None`` does nothing.

    The plan is exported as it is in the app, saved or not. Runs on the UI thread:
    the export renders in the plan's language by switching the global one briefly.
    """
    if fmt is None:
        return None
    from model.errors import PlanError
    from model.export import export_next_to_plan

    try:
        written = export_next_to_plan(app.plan, app.path, fmt, today=app.today())
    except (PlanError, OSError) as error:
        app.notify(str(error), title=t("review.export_failed"), severity="error", markup=False)
        return None
    app.notify(t("review.exported", path=written), markup=False)
    return written


def _option(letter: str, fmt: str) -> Table:
    """A format's key, then what it is for: a line that wraps goes on under the text,
    not under the key."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(letter, Text(t(FORMAT_NAMES[fmt])))
    return grid
