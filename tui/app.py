"""The planner app. :func:`make_app` builds it, for the CLI and for the tests alike.

The app owns the plan; the step panes change it through ``model.edit`` and tell the app
(:class:`~tui.screens.base.PlanEdited`), which marks it unsaved. Saving writes it with
``model.store.save_plan``; a failed save is reported and the plan stays in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.reactive import reactive
from textual.screen import Screen

from model.i18n import t
from model.plan import Plan
from model.steps import STEPS, step_name
from model.store import PlanError, save_plan
from tui.keys import bind, localize_bindings, read_alt_digits_as_alt
from tui.screens.wizard import WizardScreen
from tui.widgets.step_list import StepList


class OkrApp(App[int], inherit_bindings=False):
    """Edits one plan, which it owns; screens change it through ``model`` functions."""

    CSS_PATH = "app.tcss"
    TITLE = "OKR Planner"
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("ctrl+s", "save", "okr.save", priority=True),
        bind("f1", "help", "okr.help"),
        bind("ctrl+q", "quit", "okr.quit", priority=True),
        bind("ctrl+p", "command_palette", "okr.palette", show=False, priority=True),
        bind("ctrl+c", "help_quit", "okr.quit_hint", show=False, system=True),
        bind("ctrl+t", "dashboard", "okr.dashboard", show=False),
        bind("ctrl+o", "checkin", "okr.checkin", show=False),
    ]

    dirty: reactive[bool] = reactive(False)
    """Whether the plan has changes that are not saved yet."""

    def __init__(
        self, plan: Plan, path: Path, *, is_new: bool = False, today: dt.date | None = None
    ) -> None:
        super().__init__()
        localize_bindings(self)
        read_alt_digits_as_alt()
        self.plan = plan
        self.path = path
        self.is_new = is_new
        self.kpi_cursor = 0
        """The KPI chosen on the KPI steps (shared, so they stay on the same KPI)."""
        self.wizard = WizardScreen()
        """The main screen: step list and step panes."""
        self.fixed_today = today
        """The day the tracking screens judge progress on; ``None`` reads the clock
        (tests and snapshots fix it, so they never depend on the date they run)."""

    def get_default_screen(self) -> Screen:
        return self.wizard

    def on_mount(self) -> None:
        self.refresh_title()

    # --- title and unsaved marker ---------------------------------------------------------

    def refresh_title(self) -> None:
        """Show the plan's title (or the file name) and whether it has unsaved changes."""
        name = self.plan.title.strip() or self.path.name
        self.title = t("tui.title_unsaved", title=name) if self.dirty else name
        self.sub_title = str(self.path)

    def watch_dirty(self, dirty: bool) -> None:
        self.refresh_title()
        for step_list in self.wizard.query(StepList):
            step_list.dirty = dirty

    # --- actions ---------------------------------------------------------------------------

    def action_save(self) -> None:
        """Write the plan to its file; on failure say why in one line and keep the plan."""
        try:
            save_plan(self.plan, self.path)
        except PlanError as error:
            self.notify(str(error), title=t("tui.save_failed"), severity="error", markup=False)
            return
        self.is_new = False
        self.dirty = False
        invalid = len(self.wizard.query(".field-row.-error"))
        if invalid:
            message = t("tui.saved_with_errors", path=self.path, count=invalid)
            self.notify(message, severity="warning", markup=False)
        else:
            self.notify(t("tui.saved", path=self.path), markup=False)

    async def action_quit(self) -> None:
        """Quit, asking first when there are unsaved changes."""
        if not self.dirty:
            self.exit(0)
            return
        from tui.screens.dialogs import ConfirmDialog

        def answered(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.exit(0)

        dialog = ConfirmDialog(
            t("tui.confirm_quit"), yes=t("tui.quit_without_saving"), no=t("tui.keep_editing")
        )
        self.push_screen(dialog, answered)

    def action_help_quit(self) -> None:
        """Ctrl+C copies in text fields; say how to quit instead of quitting."""
        self.notify(t("tui.quit_hint"), markup=False)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(placeholder=t("tui.palette_placeholder"), id="--command-palette")
            )

    async def focus_field(self, path: str, *, step: str | None = None) -> bool:
        """Jump to the field at ``path`` (``objective.kgi``, ``kpis.cac.target``,
        ``items[2].text``...): the hook the review findings use."""
        return await self.wizard.focus_field(path, step=step)

    async def add_kpi(self) -> None:
        """Go to the Core KPIs step and ask for a new KPI's name."""
        pane = await self.wizard.go_to_step("kpis")
        pane.add_kpi()  # type: ignore[attr-defined]

    async def add_item(self) -> None:
        """Go to the Objective step and start a new item."""
        pane = await self.wizard.go_to_step("objective")
        pane.editor.add_item()  # type: ignore[attr-defined]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette's commands, all in the current language."""
        yield SystemCommand(t("tui.cmd_save"), t("tui.cmd_save_help"), self.action_save)
        yield from self.tracking_commands()
        yield SystemCommand(t("tui.cmd_add_kpi"), t("tui.cmd_add_kpi_help"), self.add_kpi)
        yield SystemCommand(t("tui.cmd_add_item"), t("tui.cmd_add_item_help"), self.add_item)
        from tui.screens import kpis

        if kpis.CATALOG_PICKER is not None:
            yield SystemCommand(
                t("tui.cmd_catalog"), t("tui.cmd_catalog_help"), self._pick_from_catalog
            )
        for number, step in enumerate(STEPS, start=1):
            yield SystemCommand(
                t("tui.cmd_go_to", number=number, name=step_name(step)),
                t("tui.cmd_go_to_help"),
                lambda step=step: self.wizard.go_to_step(step),
            )
        yield SystemCommand(t("tui.cmd_help"), t("tui.cmd_help_help"), self.action_help)
        yield SystemCommand(t("tui.cmd_theme"), t("tui.cmd_theme_help"), self.action_change_theme)
        yield SystemCommand(t("tui.cmd_quit"), t("tui.cmd_quit_help"), self.action_quit)

    async def _pick_from_catalog(self) -> None:
        pane = await self.wizard.go_to_step("kpis")
        pane.pick_from_catalog()  # type: ignore[attr-defined]

    # --- tracking: dashboard, check-ins, next period ------------------------------------

    def today(self) -> dt.date:
        """The day progress is judged on: the fixed one, else the clock's."""
        return self.fixed_today or dt.date.today()

    def tracking_commands(self) -> Iterable[SystemCommand]:
        """The palette's tracking commands."""
        yield SystemCommand(
            t("tracking_ui.cmd_dashboard"),
            t("tracking_ui.cmd_dashboard_help"),
            self.action_dashboard,
        )
        yield SystemCommand(
            t("tracking_ui.cmd_checkin"), t("tracking_ui.cmd_checkin_help"), self.action_checkin
        )
        yield SystemCommand(
            t("tracking_ui.cmd_next_period"),
            t("tracking_ui.cmd_next_period_help"),
            self.action_next_period,
        )

    def action_dashboard(self) -> None:
        """Open the dashboard (from the check-in screen: back to it, if it is below)."""
        from textual.screen import ModalScreen

        from tui.screens.checkin import CheckinScreen
        from tui.screens.dashboard import DashboardScreen

        screen = self.screen
        if isinstance(screen, ModalScreen | DashboardScreen):
            return
        if isinstance(screen, CheckinScreen) and any(
            isinstance(below, DashboardScreen) for below in self.screen_stack
        ):
            screen.leave()
            return
        self.push_screen(DashboardScreen())

    def action_checkin(self) -> None:
        """Open the check-in screen (from the dashboard, on the KPI under its cursor)."""
        from textual.screen import ModalScreen

        from tui.screens.checkin import CheckinScreen
        from tui.screens.dashboard import DashboardScreen

        screen = self.screen
        if isinstance(screen, DashboardScreen):
            screen.action_check_in()
        elif not isinstance(screen, ModalScreen | CheckinScreen):
            self.push_screen(CheckinScreen())

    def action_next_period(self) -> None:
        """Ask where to write the next period's plan, then write it (this plan stays)."""
        from tui.screens.next_period import NextPeriodDialog

        self.push_screen(NextPeriodDialog(self.plan, self.path))


def make_app(
    plan: Plan, path: str | Path, *, is_new: bool = False, today: dt.date | None = None
) -> OkrApp:
    """The app for ``plan``, saving to ``path``; ``today`` fixes the day the tracking
    screens judge progress on (the clock's today by default)."""
    return OkrApp(plan, Path(path), is_new=is_new, today=today)
