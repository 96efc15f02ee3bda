"""The list of core KPIs shown on the KPI steps, each with its state for that step."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text

from model.plan import Plan
from model.steps import Step, StepState, kpi_filled, state_at
from tui.widgets.row_list import RowList, one_line
from tui.widgets.step_list import STATE_MARKS


class KpiList(RowList):
    """One row per KPI: its state mark for ``step``, its name and its id.

    The states come from the method checks' findings (set by the wizard through
    :meth:`set_states` after the checks run), so a KPI's mark agrees with the step list
    and the review step.
    """

    DEFAULT_CSS = """
    KpiList {
        & > .kpi-list--done { color: $success; }
        & > .kpi-list--error { color: $error; text-style: bold; }
        & > .kpi-list--warning { color: $warning; }
        & > .kpi-list--empty { color: $text-muted; }
        & > .kpi-list--unchecked { color: $text-muted; }
        & > .kpi-list--id { color: $text-muted; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "kpi-list--done",
        "kpi-list--error",
        "kpi-list--warning",
        "kpi-list--empty",
        "kpi-list--unchecked",
        "kpi-list--id",
    }

    def __init__(self, plan: Plan, step: Step, *, empty_text: str, id: str | None = None) -> None:  # noqa: A002
        super().__init__(empty_text=empty_text, id=id)
        self.plan = plan
        self.step = step
        self.states: list[StepState] = []
        """Each KPI's state from the last run of the checks, in plan order."""

    def set_states(self, states: list[StepState]) -> None:
        """Show new states, repainting only when they changed."""
        if states != self.states:
            self.states = states
            self.refresh()

    def row_count(self) -> int:
        return len(self.plan.kpis)

    def render_row(self, index: int, width: int) -> Text:
        kpi = self.plan.kpis[index]
        state = state_at(self.states, index)
        if state != "empty" and not kpi_filled(kpi, self.step):
            state = "empty"  # emptied since the checks ran
        row = Text(" ")
        row.append(STATE_MARKS[state], self.get_component_rich_style(f"kpi-list--{state}"))
        row.append(" ")
        row.append(one_line(kpi.name or kpi.id))
        if kpi.name:
            row.append(f"  {kpi.id}", self.get_component_rich_style("kpi-list--id"))
        return row
