"""The planner app. :func:`make_app` builds it, for the CLI and for the tests alike.

The app owns the plan; the step panes change it through ``model.edit`` and tell the app
(:class:`~tui.screens.base.PlanEdited`), which marks it unsaved while it differs from
what was last saved or loaded (``PlanGuard.plan_edited``). Saving writes it with
``model.store.save_plan``; a failed save is reported and the plan stays in memory.

``okr PLAN`` in a terminal starts the app from the parsed file instead
(:func:`make_opening_app`): the first paint shows the plan as the file has it
(``tui.screens.opening``), then the plan is validated (in a thread: characters typed
meanwhile show in the opening pane at once) and the real editor takes over, with the
keys typed meanwhile replayed into it (``tui.key_bursts``). A file that fails
validation ends the app with the same one-line error, and nothing is written.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.filter import LineFilter
from textual.reactive import reactive
from textual.screen import Screen

from model.errors import PlanError
from model.fingerprint import ABSENT, Fingerprint, fingerprint_of
from model.i18n import t
from model.safetext import one_line
from tui.console_glyphs import CONSOLE_GLYPH_FILTER, is_linux_console
from tui.key_bursts import KeyBursts
from tui.keys import bind, localize_bindings, read_alt_digits_as_alt
from tui.memory import release_memory
from tui.palette_commands import PaletteCommands
from tui.safe_output import CONTROL_FILTER
from tui.screens.wizard import WizardScreen
from tui.takeover import Takeover
from tui.turns import restore_turns, short_turns
from tui.widgets.step_list import StepList

if TYPE_CHECKING:
    from model.checks import CheckReport
    from model.plan import Plan
    from model.plan_source import PlanSource
    from model.saved import SavedPlan
    from tui.guard import PlanGuard


_HELD_BY_DIALOGS = frozenset({"save", "save_as", "quit", "export", "command_palette"})
"""The app's commands that wait while a dialog asks something (``OkrApp.check_action``)."""


class OkrApp(Takeover, KeyBursts, PaletteCommands, App[int], inherit_bindings=False):
    """Edits one plan, which it owns; screens change it through ``model`` functions."""

    CSS_PATH: ClassVar[list[str]] = ["app.tcss", "editor.tcss"]
    TITLE = "OKR Planner"
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("ctrl+s", "save", "okr.save", priority=True),
        bind("f1", "help", "okr.help"),
        bind("ctrl+q", "quit", "okr.quit", priority=True),
        bind("ctrl+p", "command_palette", "okr.palette", show=False, priority=True),
        bind("ctrl+o", "export", "okr.export", priority=True),
        bind("ctrl+c", "help_quit", "okr.quit_hint", show=False, system=True),
        bind("ctrl+t", "dashboard", "okr.dashboard", show=False),
        bind("ctrl+l", "checkin", "okr.checkin", show=False),
    ]

    dirty: reactive[bool] = reactive(False)
    """Whether the plan differs from what was last saved or loaded (or recovered edits
    were put in it): what the unsaved mark shows and quitting asks about."""

    def __init__(
        self,
        plan: Plan | None,
        path: Path,
        *,
        is_new: bool = False,
        base: Fingerprint = ABSENT,
        today: dt.date | None = None,
        source: PlanSource | None = None,
    ) -> None:
        """``plan``, or ``None`` with the ``source`` it is to be validated from once the
        file is on screen (see :func:`make_opening_app`)."""
        # opening: only the frame's stylesheet before the first paint, the rest after
        super().__init__(css_path=None if source is None else self.CSS_PATH[:1])
        localize_bindings(self)
        read_alt_digits_as_alt()
        self.plan: Plan = plan  # type: ignore[assignment]  # set once validated
        self.path = path
        self.is_new = is_new
        self.kpi_cursor = 0
        """The KPI chosen on the KPI steps (shared, so they stay on the same KPI)."""
        self.wizard = WizardScreen()
        """The main screen: step list and step panes."""
        self._today = today
        self._linux_console = is_linux_console()
        """Whether the terminal is the Linux console (read once: every render asks)."""
        self._check_report: CheckReport | None = None
        self._edition = 0
        """How many edits the plan has had, counted as they are made (see :attr:`edition`)."""
        self.source = source
        """The parsed plan file while it is being validated (``None`` once it is)."""
        self.open_error: PlanError | None = None
        """Why the file could not be opened, when validating it failed (app exits with 2)."""
        self._holding = source is not None
        """Whether keys are held: from the start of an opening until they are replayed."""
        self._held: list[events.Key | events.Paste] = []
        self.keys_seen = 0  # see KeyBursts.keys_seen
        self._replaying: events.Key | events.Paste | None = None
        self._echoing = source is not None
        self._echoed = 0
        self._echo_hold: int | None = None
        self._unwatch_signals: Callable[[], None] | None = None
        self._signalled = False
        """Whether a signal asked the app to exit (an opening then stops where it is)."""
        self._turns_before: float | None = None
        """The thread switch interval before the app ran (see ``tui.turns``)."""
        self.guard: PlanGuard = None  # type: ignore[assignment]  # set with the plan
        """Lock, read-only mode, recovery file and conflict checks (see ``tui.guard``)."""
        if plan is not None:
            from model.saved import SavedPlan

            self._guard_plan(base, SavedPlan(plan, base))

    def _guard_plan(self, base: Fingerprint, saved: SavedPlan | None) -> None:
        """Guard the plan, read from the file ``base`` describes; ``saved`` keeps it as it
        was read, to tell an edit undone (``None``: every edit is unsaved)."""
        from tui.guard import PlanGuard

        self.guard = PlanGuard(self, base, saved)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then one dropping terminal control characters (plan text is
        data; not while the opening pane shows: it escapes them itself, and the filter
        would cost the first paint a fresh copy of every line), and on the Linux console
        one swapping the glyphs its font lacks (``tui.console_glyphs``)."""
        filters = [*super().get_line_filters()]
        if self.source is None:
            filters.append(CONTROL_FILTER)
        if self._linux_console:  # what Textual draws, in glyphs the console font has
            filters.append(CONSOLE_GLYPH_FILTER)
        return filters

    def get_key_display(self, binding: Binding) -> str:
        """Textual's key names, but ``enter`` spelt out on the Linux console, whose font
        has no ``⏎``."""
        display = super().get_key_display(binding)
        return display.replace("⏎", "enter") if self._linux_console else display

    def get_default_screen(self) -> Screen:
        return self.wizard

    def on_mount(self) -> None:
        self._turns_before = short_turns()
        self.refresh_title()
        self._watch_signals()
        if self.source is None:
            self.guard.start()
        else:
            self.call_after_refresh(self.run_worker, self._validate_source, group="opening")

    def on_unmount(self) -> None:
        if self._unwatch_signals is not None:
            self._unwatch_signals()
        if self.guard is not None:
            self.guard.finish()
        release_memory()
        if self._turns_before is not None:
            restore_turns(self._turns_before)

    def _watch_signals(self) -> None:
        """SIGHUP (an SSH drop) or SIGTERM: keep the unsaved edits (``tui.guard``), then
        exit through the event loop, so the terminal is put back even mid-opening."""
        if threading.current_thread() is not threading.main_thread():
            return  # tests running the app in a thread: signals are the runner's
        from tui.signals import install_exit_handlers

        loop = asyncio.get_running_loop()

        def kept(signum: int) -> None:
            self.keep_edits_on_signal(signum)

        def last_words() -> None:
            if self.guard is not None:
                self.guard.print_exit_notices()

        def request_exit(status: int) -> None:
            self._signalled = True
            loop.call_soon_threadsafe(partial(self.exit, return_code=status))

        self._unwatch_signals = install_exit_handlers(
            kept, last_words=last_words, request_exit=request_exit
        )

    def keep_edits_on_signal(self, signum: int) -> None:
        """SIGHUP or SIGTERM: keep the unsaved edits, those the opening pane shows typed
        included, and let go of the lock (``tui.guard``)."""
        self._keep_opening_edits()
        if self.guard is not None:
            self.guard.on_signal(signum)

    def _handle_exception(self, error: Exception) -> None:
        """A crash: keep the unsaved edits in the recovery file before Textual exits.

        After a signal the app is already leaving (edits kept): a widget still being
        built as the screen is taken down is not a crash to report with a traceback."""
        if self._signalled:
            return
        if self.guard is not None:
            self.guard.crashed()
        super()._handle_exception(error)

    # --- title and unsaved marker ---------------------------------------------------------

    def refresh_title(self) -> None:
        """Show the plan's title and whether it has unsaved changes (the file's name is
        the sub-title, so a plan without a title says so rather than naming it twice)."""
        title = self.plan.title if self.plan is not None else self._source_title()
        name = one_line(title.strip()) or t("tui.untitled")
        self.title = t("tui.title_unsaved", title=name) if self.dirty else name
        guard = getattr(self, "guard", None)
        if guard is not None and guard.read_only:
            self.title = t("safety.title_read_only", title=self.title)
        self.sub_title = one_line(str(self.path))

    def _source_title(self) -> str:
        title = self.source.head.get("title") if self.source is not None else None
        return title if isinstance(title, str) else ""

    def watch_dirty(self, dirty: bool) -> None:
        self.refresh_title()
        for step_list in self.wizard.query(StepList):
            step_list.dirty = dirty

    # --- actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The app's commands wait while a dialog that asks something is open (see
        ``Dialog.HOLDS_APP_KEYS``); quitting a plan with nothing unsaved never asks, so it
        still quits from any dialog."""
        if action in _HELD_BY_DIALOGS and getattr(self.screen, "HOLDS_APP_KEYS", False):
            return action == "quit" and not self.dirty
        return True

    async def action_save(self) -> None:
        """Write the plan to its file; on failure say why in one line and keep the plan.

        A read-only session asks for another file name; a file changed on disk since it
        was loaded asks what to do (``tui.guard``).
        """
        await self.settle()
        self.guard.save()

    async def action_save_as(self) -> None:
        """Ask for a file name, save there and go on editing that file."""
        await self.settle()
        self.guard.save_as()

    def report_saved(self) -> None:
        """Say the plan was saved (and how many fields still hold invalid text)."""
        invalid = len(self.wizard.query(".field-row.-error"))
        if invalid:
            message = t("tui.saved_with_errors", path=self.path, count=invalid)
            self.notify(message, severity="warning", markup=False)
        else:
            self.notify(t("tui.saved", path=self.path), markup=False)

    async def action_quit(self) -> None:
        """Quit, asking first when there are unsaved changes."""
        await self.settle()
        if not self.dirty:
            self.exit(0)
            return
        from tui.screens.dialogs import QuitDialog

        def answered(answer: bool | str | None) -> None:
            if answer == QuitDialog.SAVE:
                self.guard.save()  # a conflict or a read-only plan asks, and stays
                if not self.dirty:
                    self.exit(0)
            elif answer:
                self.guard.quit_discarding()
                self.exit(0)

        self.push_screen(QuitDialog(), answered)

    def action_help_quit(self) -> None:
        """Ctrl+C copies in text fields; say how to quit instead of quitting."""
        self.notify(t("tui.quit_hint"), markup=False)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        from tui.widgets.palette import OkrCommandPalette

        if self.use_command_palette and not OkrCommandPalette.is_open(self):
            self.push_screen(
                OkrCommandPalette(placeholder=t("tui.palette_placeholder"), id="--command-palette")
            )

    async def focus_field(self, path: str, *, step: str | None = None) -> bool:
        """Jump to the field at ``path`` (``objective.kgi``, ``kpis.cac.target``,
        ``items[2].text``...): the hook the review findings use."""
        return await self.wizard.focus_field(path, step=step)

    # --- method checks and export ------------------------------------------------------

    def today(self) -> dt.date:
        """The day the checks and exports are as of (fixed by the tests, else the clock)."""
        return self._today or dt.date.today()

    def check_report(self) -> CheckReport:
        """The method checks' report for the plan as it is now (run again only after
        :meth:`forget_checks`)."""
        if self._check_report is None:
            from model.checks import run_checks

            self._check_report = run_checks(self.plan, self.today())
        return self._check_report

    def last_check_report(self) -> CheckReport | None:
        """The report if the checks have run since the last change, else ``None``."""
        return self._check_report

    def forget_checks(self) -> None:
        """The plan changed: the next :meth:`check_report` runs the checks again."""
        self._check_report = None
        self._edition += 1

    @property
    def edition(self) -> int:
        """Changes with every edit, the moment it is made (:meth:`forget_checks`): work
        done off the UI thread from the plan (the checks, the autosave's text) is used
        only if the edition did not change meanwhile, for an edit may have changed the
        plan under it."""
        return self._edition

    def take_check_report(self, report: CheckReport, plan: Plan, edition: int) -> bool:
        """Take ``report``, made off the UI thread from ``plan`` as of ``edition``, unless
        the plan was replaced or edited since (then it may describe a plan half-way
        through an edit, and the edit runs the checks again anyway)."""
        if plan is not self.plan or edition != self._edition:
            return False
        self._check_report = report
        return True

    async def action_export(self) -> None:
        """Ask for a format, then write the export next to the plan file."""
        from tui.screens.export import ExportDialog, export_plan

        await self.settle()

        if not isinstance(self.screen, ExportDialog):
            self.push_screen(ExportDialog(self.path), lambda fmt: export_plan(self, fmt))


def make_app(
    plan: Plan,
    path: str | Path,
    *,
    is_new: bool = False,
    base: Fingerprint | None = None,
    today: dt.date | None = None,
) -> OkrApp:
    """The app for ``plan``, saving to ``path``.

    ``base`` is the fingerprint of the file ``plan`` was loaded from
    (``load_plan_with_fingerprint``); without it the file as it is now is taken as the
    base. Saving refuses to overwrite a file that no longer matches it. ``today`` fixes
    the day the checks, exports and tracking screens are as of (tests and snapshots;
    the clock otherwise).
    """
    if base is None:
        try:
            base = ABSENT if is_new else fingerprint_of(path)
        except PlanError:
            base = ABSENT
    return OkrApp(plan, Path(path), is_new=is_new, base=base, today=today)


def make_opening_app(source: PlanSource, path: str | Path, *, is_new: bool = False) -> OkrApp:
    """The app for the plan file read and parsed as ``source``, not validated yet: it
    paints the file first and validates it right after (``okr PLAN`` in a terminal).
    When validation fails the app exits with 2 and ``open_error`` says why. A new plan
    (``is_new``, no file yet) opens the same way from an empty source."""
    return OkrApp(None, Path(path), is_new=is_new, source=source)
