"""The tracking dashboard: where the plan stands today, after the planning is done.

At the top the north star, the period (how much of it has passed, or that it has
ended and the scores are final), the objective's status and score, and a line saying
what needs attention (crossed guardrails, overdue check-ins). Below, the KPI board: a
card per KPI, leading and lagging indicators side by side on wide screens. Enter on a
card opens the check-in screen on that KPI; Escape (or ctrl+t) goes back to the plan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, Static

from model.i18n import t
from model.progress import (
    JUDGED_STATUSES,
    KpiProgress,
    PlanProgress,
    plan_progress,
)
from model.progress_report import (
    format_score,
    format_share,
    missing_dates_key,
    status_label,
)
from tui.keys import bind, localize_bindings, localize_tree
from tui.widgets.attention_line import AttentionLine, AttentionPart
from tui.widgets.charts import glyphs_for
from tui.widgets.footer import KeyFooter
from tui.widgets.kpi_board import KpiBoard
from tui.widgets.row_list import one_line

if TYPE_CHECKING:
    import datetime as dt

    from tui.app import OkrApp


def _name(entry: KpiProgress) -> str:
    return one_line(entry.kpi.name or entry.kpi.id)


class DashboardScreen(Screen[None]):
    """North star, period, objective and attention lines above the KPI board."""

    AUTO_FOCUS = "#dashboard-board"
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape,ctrl+t", "back", "tracking.back_to_plan"),
        bind("c", "check_in", "tracking.check_in", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="dashboard-screen")
        localize_bindings(self)
        self.progress: PlanProgress | None = None
        self._shown: tuple[int, dt.date] | None = None
        """The plan's edition and the day the dashboard shows (:meth:`_now`)."""

    @property
    def okr_app(self) -> OkrApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="dashboard"):
            yield Static("", id="dashboard-north-star")
            yield Static("", id="dashboard-period")
            yield Static("", id="dashboard-objective")
            yield AttentionLine(id="dashboard-attention")
            yield KpiBoard(glyphs=glyphs_for(), id="dashboard-board")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.load()

    def on_screen_resume(self) -> None:
        if self._shown != self._now():  # back from a check-in: show the new values
            self.load()  # (not right after on_mount: a large plan's board takes a while)

    def _now(self) -> tuple[int, dt.date]:
        """What the dashboard shows depends on: the plan's edition, and the day."""
        return self.okr_app.edition, self.okr_app.today()

    async def relocalize(self) -> None:
        """Show everything again in the current language (after a language switch)."""
        localize_tree(self)
        self.load()
        self.refresh_bindings()

    @property
    def board(self) -> KpiBoard:
        return self.query_one(KpiBoard)

    def load(self) -> None:
        """Compute the plan's progress as of the app's today and show it."""
        plan = self.okr_app.plan
        self._shown = self._now()
        progress = self.progress = plan_progress(plan, self.okr_app.today())
        self.query_one("#dashboard-north-star", Static).update(self._north_star())
        self.query_one("#dashboard-period", Static).update(self._period(progress))
        self._objective(progress)
        self._attention(progress)
        self.board.show(plan, progress)

    def _north_star(self) -> Text:
        north_star = self.okr_app.plan.north_star
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(t("tracking_ui.north_star_label"), "bold")
        name = one_line(north_star.name)
        if not name:
            text.append(t("tracking_ui.north_star_unset"), "dim")
            return text
        text.append(name, "bold")
        if north_star.definition:
            text.append(" · " + one_line(north_star.definition), "dim")
        return text

    def _period(self, progress: PlanProgress) -> Text:
        objective = self.okr_app.plan.objective
        today = progress.today.isoformat()
        start, end = objective.start, objective.end
        if progress.closed:  # the end alone decides (model.progress.period_ended)
            key = "tracking_ui.period_closed" if progress.final else "tracking_ui.period_closing"
            line = t(key, date=today, start=start or "…", end=end)
        elif start is None or end is None:
            key = missing_dates_key(objective, "dashboard")
            line = t(key, date=today, start=start, end=end)
        elif progress.today < start:
            line = t("tracking_ui.period_not_started", date=today, start=start, end=end)
        else:
            share = format_share(progress.expected_today)
            line = t("tracking_ui.period_open", date=today, share=share, start=start, end=end)
        return Text(line, style="dim")

    def _objective(self, progress: PlanProgress) -> None:
        objective = progress.objective
        status = status_label(objective.status)
        if objective.progress is None:
            line = t("tracking_ui.objective_unjudged", status=status)
        else:
            key = "tracking_ui.objective"
            if progress.closed:
                key = (
                    "tracking_ui.objective_final"
                    if progress.final
                    else "tracking_ui.objective_closing"
                )
            line = t(
                key,
                status=status,
                progress=format_share(objective.progress),
                expected=format_share(objective.expected),
                score=format_score(objective.score),
                judged=objective.judged,
                total=objective.total,
            )
        widget = self.query_one("#dashboard-objective", Static)
        widget.update(Text(line))
        for name in JUDGED_STATUSES:
            widget.set_class(objective.status == name, f"-{name}")

    def _attention(self, progress: PlanProgress) -> None:
        parts = []
        crossed, overdue = progress.crossed, progress.overdue
        if crossed:
            names = tuple(_name(entry) for entry in crossed)
            parts.append(AttentionPart("tracking_ui.attention_crossed", names))
        if overdue:
            names = tuple(_name(entry) for entry in overdue)
            parts.append(AttentionPart("tracking_ui.attention_overdue", names))
        closing = progress.closing_missing
        if closing:
            names = tuple(_name(entry) for entry in closing)
            date = {"date": closing[0].next_due}
            parts.append(AttentionPart("tracking_ui.attention_closing", names, date))
        widget = self.query_one("#dashboard-attention", AttentionLine)
        widget.show(parts, t("tracking_ui.attention_none"))
        widget.set_class(bool(crossed), "-crossed")
        widget.set_class(bool(overdue or closing) and not crossed, "-overdue")

    # --- keys ---------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss()

    def action_check_in(self) -> None:
        entry = self.board.current
        self.open_checkin(entry.kpi.id if entry else None)

    @on(KpiBoard.Chosen)
    def _chosen(self, event: KpiBoard.Chosen) -> None:
        self.open_checkin(event.entry.kpi.id)

    def open_checkin(self, kpi_id: str | None) -> None:
        """The check-in screen on ``kpi_id``: back to the one below, when the dashboard
        was opened from it (ctrl+t there), with what was typed in it; else a new one."""
        from tui.screens.checkin import CheckinScreen

        below = [screen for screen in self.app.screen_stack if isinstance(screen, CheckinScreen)]
        if below:
            self.dismiss()
            below[-1].choose_kpi(kpi_id)
        else:
            self.app.push_screen(CheckinScreen(kpi_id))
