"""The main screen: the step list on the left, the current step's pane on the right.

Panes are built the first time their step is opened, so start-up only pays for the
first one. After an edit the other panes are marked stale and reload when next shown.
The method checks run after the first paint and again shortly after edits stop
(:data:`CHECKS_DELAY`), never per keystroke, and then off the UI thread, so a large
plan's checks do not hold up the next key; their findings mark the step list, the KPI
lists and the review step alike.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Header

from model.steps import STEPS, Step, step_of_path, step_states
from tui.keys import bind, localize_bindings
from tui.memory import SETTLE_DELAY, release_memory, settle_memory
from tui.screens.base import PlanEdited, StepPane
from tui.turns import giving_way
from tui.widgets.footer import KeyFooter
from tui.widgets.step_list import StepList

if TYPE_CHECKING:
    from model.checks import CheckReport
    from model.plan import Plan
    from tui.app import OkrApp

CHECKS_DELAY = 0.3
"""Seconds after the last edit before the checks run again and the marks update."""


def make_pane(step: Step) -> StepPane:
    """A new pane for ``step`` (modules are imported when the step is first opened)."""
    if step == "objective":
        from tui.screens.objective import ObjectivePane

        return ObjectivePane()
    if step == "north_star":
        from tui.screens.north_star import NorthStarPane

        return NorthStarPane()
    if step == "kpis":
        from tui.screens.kpis import KpisPane

        return KpisPane()
    if step == "formulas":
        from tui.screens.formulas import FormulasPane

        return FormulasPane()
    if step == "baselines":
        from tui.screens.baselines import BaselinesPane

        return BaselinesPane()
    from tui.screens.review import ReviewPane

    return ReviewPane()


class WizardScreen(Screen[None]):
    """Step list, current pane, header and footer; moves between steps."""

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]
    AUTO_FOCUS = None  # each step focuses its own first field (Textual would take the title)
    BINDINGS: ClassVar[list[BindingType]] = [
        # priority: the app then finishes the move (or opens the dialog) before it reads
        # the next key, so keys typed or pasted right after land in the new place
        bind("ctrl+n", "next_step", "okr.next_step", priority=True),
        bind("ctrl+r", "previous_step", "okr.previous_step", priority=True),
        bind("ctrl+g", "go_to_step", "okr.go_to_step", show=False, priority=True),
        *[
            # priority: a field would otherwise type the digit (alt+3 carries "3")
            bind(
                f"alt+{number}", f"step({number})", f"okr.step_{number}", show=False, priority=True
            )
            for number in range(1, len(STEPS) + 1)
        ],
    ]

    def __init__(self) -> None:
        super().__init__(id="wizard")
        localize_bindings(self)
        self.current: Step = "objective"
        self._requested: Step = "objective"
        self.panes: dict[Step, StepPane] = {}
        """The panes built so far, by step."""
        self._checks_timer: Timer | None = None
        self._checking = False
        """Whether the checks are running in a worker thread."""
        self._check_again = False
        """Whether they are due again once that run ends (an edit came meanwhile)."""

    @property
    def okr_app(self) -> OkrApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            yield StepList(id="steps")
            yield ContentSwitcher(id="panes")
        yield KeyFooter(compact=True)

    async def on_mount(self) -> None:
        source = self.okr_app.source
        if source is None:
            await self.open_plan()
            return
        # the file as parsed, painted at once; the app validates it next (open_plan)
        from tui.screens.opening import OpeningPane

        self.query_one(StepList).states = dict.fromkeys(STEPS, "unchecked")
        await self.query_one("#panes", ContentSwitcher).add_content(
            OpeningPane(source.head, item_count=source.item_count()), set_current=True
        )

    async def open_plan(self, *, checks: bool = True) -> None:
        """Show the app's plan: the step marks, the first step with its first field
        focused (in place of the opening pane, if any); then load the checks, unless
        the caller will (``checks=False``: the app taking over from the opening does,
        once the editor is painted, so their import does not slow that paint down)."""
        self.query_one(StepList).states = step_states(self.okr_app.plan)  # unchecked yet
        await self.go_to_step("objective")
        for opening in self.query("#pane-opening"):
            await opening.remove()
        if checks:
            self.load_checks()

    def load_checks(self) -> None:
        """The editor is on screen: set its objects aside from the garbage collector
        (:func:`settle_memory`), then load and run the checks (:meth:`_load_checks`)."""
        settle_memory()
        self._load_checks()

    @work(thread=True, exclusive=True, group="checks")
    def _load_checks(self) -> None:
        """Import the checks (with the classifier, the slow part) off the UI thread, then
        have them run the first time, off it too (:meth:`_checks_due`)."""
        import model.checks  # noqa: F401

        if self.app.is_running:
            self.app.call_from_thread(self._checks_due)

    # --- moving between steps --------------------------------------------------------------

    def pane(self, step: Step) -> StepPane | None:
        """The pane of ``step`` if it has been built."""
        return self.panes.get(step)

    async def go_to_step(self, step: Step, *, focus: bool = True) -> StepPane:
        """Show ``step`` (building its pane the first time) and focus its first field."""
        self._requested = step
        switcher = self.query_one("#panes", ContentSwitcher)
        pane = self.pane(step)
        if pane is None:
            pane = self.panes[step] = make_pane(step)
            await switcher.add_content(pane)
            if self._requested != step:
                return pane  # another step was asked for while this one was being built
        else:
            pane.activate()
        switcher.current = pane.id
        self.current = step
        self.query_one(StepList).current = step
        if focus:
            pane.focus_first()
        return pane

    async def focus_field(self, path: str, *, step: str | None = None) -> bool:
        """Go to the step of the field at ``path`` and focus it (see ``step_of_path``)."""
        target: Step = step if step in STEPS else step_of_path(path)  # type: ignore[assignment]
        pane = await self.go_to_step(target, focus=False)
        if not pane.focus_path(path):
            pane.focus_first()
            return False
        return True

    async def action_next_step(self) -> None:
        await self.go_to_step(STEPS[min(STEPS.index(self.current) + 1, len(STEPS) - 1)])

    async def action_previous_step(self) -> None:
        await self.go_to_step(STEPS[max(STEPS.index(self.current) - 1, 0)])

    async def action_step(self, number: int) -> None:
        await self.go_to_step(STEPS[number - 1])

    def action_go_to_step(self) -> None:
        from tui.screens.dialogs import GoToStepDialog

        async def chosen(step: Step | None) -> None:
            if step is not None:
                await self.go_to_step(step)

        self.app.push_screen(GoToStepDialog(self.current, self.query_one(StepList).states), chosen)

    @on(StepList.StepClicked)
    async def _step_clicked(self, event: StepList.StepClicked) -> None:
        await self.go_to_step(event.step)

    async def relocalize(self) -> None:
        """Show everything in the current language: rebuild the built panes from the plan
        (keeping the current step), re-translate the keys and redraw the step list."""
        localize_bindings(self)
        await self.rebuild_panes()
        self.query_one(StepList).refresh()
        self.refresh_bindings()

    async def rebuild_panes(self) -> None:
        """Throw the built panes away and open the current step again, built from the
        plan as it is now (after a language switch, a reload or a recovery)."""
        step = self.current
        self.panes.clear()
        switcher = self.query_one("#panes", ContentSwitcher)
        switcher.current = None  # the new pane reuses the id: let showing it count as a change
        await switcher.remove_children()
        await self.go_to_step(step)
        # The old panes are to be collected, not kept frozen; they let go of each other
        # only once their tasks have ended, so freeze again a moment later.
        release_memory()
        self.set_timer(SETTLE_DELAY, partial(self._settle_in_a_pause, self.okr_app.keys_seen))

    def _settle_in_a_pause(self, keys: int) -> None:
        """Collect the garbage and freeze what is alive again (:func:`settle_memory`), once
        no key came for :data:`SETTLE_DELAY`: on a large plan the collection takes a
        tenth of a second or more, and a key typed meanwhile would wait for it."""
        keys_now = self.okr_app.keys_seen
        if keys_now != keys:
            self.set_timer(SETTLE_DELAY, partial(self._settle_in_a_pause, keys_now))
        else:
            settle_memory(collect=True)

    # --- after an edit ---------------------------------------------------------------------

    @on(PlanEdited)
    def _plan_edited(self, event: PlanEdited) -> None:
        self.plan_edited(event.step)

    def plan_edited(self, step: Step | None = None) -> None:
        """The plan was just edited, in ``step``'s pane or elsewhere (a check-in): it is
        unsaved unless back to the file, the other panes reload when next shown, and the
        checks run again :data:`CHECKS_DELAY` after the last of a run of edits."""
        self.okr_app.guard.plan_edited()
        for other, pane in self.panes.items():
            if other != step:
                pane.stale = True
        self.okr_app.forget_checks()
        if self._checks_timer is not None:
            self._checks_timer.stop()
        self._checks_timer = self.set_timer(CHECKS_DELAY, self._checks_due)

    def _checks_due(self) -> None:
        """Typing stopped (or the checks were loaded): run them off the UI thread (on a
        large plan they take a tenth of a second or more, which would hold up the next
        key), then show them. One run at a time: a run made stale by an edit stops at
        its next check, and the next run starts when it has. After any other key the run
        waits at its next check until the keys pause (``tui.turns.giving_way``): Python
        runs one thread at a time, and the key would share the interpreter with it."""
        if self._checks_timer is not None:
            self._checks_timer.stop()
            self._checks_timer = None
        app = self.okr_app
        if app.last_check_report() is not None:  # up to date already (a save ran them)
            self.refresh_states()
        elif self._checking:
            self._check_again = True
        else:
            self._checking = True
            self._run_checks(app.plan, app.edition, app.today())

    @work(thread=True, group="checks-run")
    def _run_checks(self, plan: Plan, edition: int, today: dt.date) -> None:
        """Run the checks over ``plan`` as of ``edition`` in a worker thread, then show
        them on the UI thread, unless an edit came meanwhile: the edit changed the plan
        under them, and runs them again itself. (Edits happen on the UI thread and count
        an edition at once, so a report whose edition is still current was made from
        the plan as it is.)"""
        from model.checks import run_checks

        app = self.okr_app
        stop = giving_way(lambda: app.edition != edition, lambda: app.keys_seen)
        try:  # an edit makes the report stale: then the run stops at the next check
            report: CheckReport | None = run_checks(plan, today, stop=stop)
        except Exception:  # stopped; or the plan changed under the checks, or they broke
            report = None
        if self.app.is_running:
            self.app.call_from_thread(self._checks_ran, report, plan, edition)

    def _checks_ran(self, report: CheckReport | None, plan: Plan, edition: int) -> None:
        self._checking = False
        app = self.okr_app
        if app.plan is not plan or app.edition != edition:  # edited meanwhile
            if self._check_again:  # that edit's run waited for this one to end
                self._check_again = False
                self._checks_due()
            return
        if report is not None:
            app.take_check_report(report, plan, edition)
        self.refresh_states()  # after a failure, runs them here: a broken check shows

    def refresh_states(self) -> None:
        """Run the checks (if the plan changed) and show their findings: the step
        list's marks, the KPI lists' marks, and the review step when it is open."""
        if self._checks_timer is not None:
            self._checks_timer.stop()
            self._checks_timer = None
        report = self.okr_app.check_report()
        step_list = self.query_one(StepList)
        states = step_states(self.okr_app.plan, report.findings)
        if states != step_list.states:
            step_list.states = states
        for pane in self.panes.values():
            pane.checks_updated(report, visible=pane is self.pane(self.current))
