"""The planner app. :func:`make_app` builds it, for the CLI and for the tests alike."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

from model.i18n import t
from model.plan import Plan
from model.store import PlanError, save_plan


class OkrApp(App[int]):
    """Edits one plan, which it owns; screens change it through ``model`` functions."""

    CSS_PATH = "app.tcss"
    TITLE = "OKR Planner"
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("ctrl+s", "save", t("tui.save"), id="save"),
        Binding("ctrl+q", "quit", t("tui.quit"), id="quit"),
    ]

    def __init__(self, plan: Plan, path: Path, *, is_new: bool = False) -> None:
        super().__init__()
        self.plan = plan
        self.path = path
        self.is_new = is_new

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.plan.objective.statement, id="objective", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.plan.title or self.path.name
        self.sub_title = str(self.path)

    def action_save(self) -> None:
        try:
            save_plan(self.plan, self.path)
        except PlanError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.is_new = False
        self.notify(t("tui.saved", path=self.path), markup=False)


def make_app(plan: Plan, path: str | Path, *, is_new: bool = False) -> OkrApp:
    """The app for ``plan``, saving to ``path``."""
    return OkrApp(plan, Path(path), is_new=is_new)
