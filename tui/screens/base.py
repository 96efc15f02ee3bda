"""What every step pane shares: its title and guidance, access to the plan, and the
message it posts after editing the plan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from model.i18n import t
from model.steps import STEP_GUIDES, STEPS, Step, step_name

if TYPE_CHECKING:
    from model.checks import CheckReport
    from model.plan import Plan
    from tui.app import OkrApp


@dataclass
class PlanEdited(Message):
    """The plan was changed through a ``model.edit`` function.

    ``structure`` is set when KPIs were added, removed, renamed or reordered, so panes
    that list KPIs elsewhere reload before they are shown again.
    """

    step: Step
    structure: bool = False


class StepPane(Vertical):
    """One step of the wizard: a title, the method's guidance, then the step's fields."""

    STEP: ClassVar[Step]
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {}
    """Field name -> id of the widget editing it, for jumping to a field by path."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id or f"pane-{self.STEP}", classes="step-pane")
        self.stale = False

    def compose(self) -> ComposeResult:
        number = STEPS.index(self.STEP) + 1
        yield Static(
            t("tui.pane_title", number=number, name=step_name(self.STEP)), classes="pane-title"
        )
        yield Static(t(STEP_GUIDES[self.STEP]), classes="pane-guide")
        yield from self.compose_body()

    def compose_body(self) -> ComposeResult:
        """The step's own widgets."""
        yield from ()

    @property
    def okr_app(self) -> OkrApp:
        return self.app  # type: ignore[return-value]

    @property
    def plan(self) -> Plan:
        return self.okr_app.plan

    def edited(self, *, structure: bool = False) -> None:
        """Tell the app the plan changed (marks it unsaved, updates the step states)."""
        self.okr_app.forget_checks()  # now: checks running in the background are stale
        self.post_message(PlanEdited(self.STEP, structure))

    def load(self) -> None:
        """Show the plan's current values (after a change made elsewhere)."""

    def activate(self) -> None:
        """The step is being opened: reload if the plan changed elsewhere meanwhile.

        Called by the screen before the pane is shown and focused (not from a Show
        event, which can arrive after the next key press has been handled).
        """
        if self.stale:
            self.stale = False
            self.load()

    def checks_updated(self, report: CheckReport, *, visible: bool) -> None:
        """The method checks ran again (after edits): show what the step shows of them."""

    def first_field(self) -> Widget | None:
        """The widget that gets the focus when the step is opened."""
        return next((w for w in self.query("Input, Select, RowList") if w.focusable), None)

    def focus_first(self) -> None:
        widget = self.first_field()
        if widget is not None:
            widget.focus()

    def focus_path(self, path: str) -> bool:
        """Focus the field at ``path`` (``objective.kgi``, ``kpis.cac.target``...)."""
        field = path.rsplit(".", 1)[-1]
        widget_id = self.FIELD_WIDGETS.get(field)
        if widget_id is None:
            return False
        widget = self.query_one(f"#{widget_id}")
        widget.focus()
        return True
