"""The palette's commands, and the actions only they (or a key of their own) run.

:class:`PaletteCommands` gives :class:`~tui.app.OkrApp` its command list, all in the
current language, and what those commands do beyond the app's own actions (save,
export, help, quit): add a KPI or an item, pick from the KPI catalog, go to the review
findings, switch the language, pick a theme, and open the dashboard, the check-in
screen (also ctrl+t and ctrl+l) or the next period's dialog.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.screen import ModalScreen, Screen

from model.i18n import LANGUAGE_NAMES, LANGUAGES, Language, get_language, set_language, t
from model.steps import STEPS, step_name
from tui.keys import localize_bindings

if TYPE_CHECKING:
    from pathlib import Path

    from model.plan import Plan
    from tui.screens.wizard import WizardScreen


class PaletteCommands:
    """The palette's commands, mixed into :class:`~tui.app.OkrApp` (whose plan, wizard
    and actions they use)."""

    plan: Plan
    path: Path
    wizard: WizardScreen

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette's commands, all in the current language."""
        yield SystemCommand(t("tui.cmd_save"), t("tui.cmd_save_help"), self.action_save)
        yield SystemCommand(
            t("safety.cmd_save_as"), t("safety.cmd_save_as_help"), self.action_save_as
        )
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
        yield SystemCommand(t("review.cmd_export"), t("review.cmd_export_help"), self.action_export)
        yield SystemCommand(
            t("review.cmd_review"), t("review.cmd_review_help"), self.review_findings
        )
        yield SystemCommand(t("tui.cmd_help"), t("tui.cmd_help_help"), self.action_help)
        yield SystemCommand(t("tui.cmd_theme"), t("tui.cmd_theme_help"), self.action_change_theme)
        if hasattr(screen, "relocalize"):  # not over a dialog: it would keep its old words
            yield from self.language_commands()
        yield SystemCommand(t("tui.cmd_quit"), t("tui.cmd_quit_help"), self.action_quit)

    async def add_kpi(self) -> None:
        """Go to the Core KPIs step and ask for a new KPI's name."""
        pane = await self.wizard.go_to_step("kpis")
        pane.add_kpi()  # type: ignore[attr-defined]

    async def add_item(self) -> None:
        """Go to the Objective step and start a new item."""
        pane = await self.wizard.go_to_step("objective")
        pane.editor.add_item()  # type: ignore[attr-defined]

    async def review_findings(self) -> None:
        """Go to the Review step, with the cursor in the findings."""
        await self.wizard.go_to_step("review")

    async def _pick_from_catalog(self) -> None:
        pane = await self.wizard.go_to_step("kpis")
        pane.pick_from_catalog()  # type: ignore[attr-defined]

    # --- language ----------------------------------------------------------------------------

    def language_commands(self) -> Iterable[SystemCommand]:
        """ "Language: 繁體中文" (or "語言:English"): one palette command per other language."""
        for language in LANGUAGES:
            if language != get_language():
                name = LANGUAGE_NAMES[language]
                yield SystemCommand(
                    t("lang.cmd_language", name=name),
                    t("lang.cmd_language_help", name=name),
                    lambda language=language: self.switch_language(language),
                )

    async def switch_language(self, language: Language) -> None:
        """Speak ``language`` from now on, at once: keys, Footer, step list and panes,
        and the dashboard, check-in or help screen when open (every screen in the stack
        has a ``relocalize``: the palette offers no switch over a dialog, which has none).

        The panes are rebuilt from the plan, which the app owns, so the plan, the current
        step and the unsaved marker stay as they were; old notifications are cleared so
        the screen holds no sentence in the previous language.
        """
        set_language(language)
        localize_bindings(self)
        self.clear_notifications()
        for screen in self.screen_stack:  # the wizard, and the tracking screens over it
            relocalize = getattr(screen, "relocalize", None)
            if relocalize is not None:
                await relocalize()
        self.refresh_title()
        self.notify(t("lang.switched", name=LANGUAGE_NAMES[language]), markup=False)

    def search_themes(self) -> None:
        """Textual's theme picker, with its placeholder in the current language."""
        from textual.theme import ThemeProvider

        from tui.widgets.palette import OkrCommandPalette

        self.push_screen(
            OkrCommandPalette(providers=[ThemeProvider], placeholder=t("lang.search_themes"))
        )

    # --- tracking: dashboard, check-ins, next period ------------------------------------

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
