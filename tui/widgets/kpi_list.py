"""The list of core KPIs shown on the KPI steps, each with its state for that step."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip

from model.plan import Plan
from model.steps import Step, StepState, kpi_filled, state_at
from tui.widgets.row_list import RowList, one_line
from tui.widgets.step_list import STATE_MARKS

NAME_SHARE = 0.6
"""The names' column takes at least this share of a row when the ids are too long to
show whole beside the names; with short ids it takes all the room they leave."""


class KpiList(RowList):
    """One row per KPI: its state mark for ``step``, its name and its id, the ids lined
    up in a column after the longest name.

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
        self._names: tuple[tuple[str, str], ...] = ()
        self._names_width = 0
        self._ids_width = 0

    def set_states(self, states: list[StepState]) -> None:
        """Show new states, repainting only when they changed."""
        if states != self.states:
            self.states = states
            self.refresh()

    def row_count(self) -> int:
        return len(self.plan.kpis)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._measure_names()  # once a paint, not once a row
        return super().render_lines(crop)

    def refresh_row(self, index: int) -> None:
        """Repaint row ``index``, or every row when its name moved the ids' column."""
        if self._measure_names():
            self.refresh()
        else:
            super().refresh_row(index)

    def _measure_names(self) -> bool:
        """Measure the longest name and id again if one changed (moving the cursor through
        300 KPIs must not measure 300 names a row); ``True`` when the columns moved."""
        names = tuple((kpi.name, kpi.id) for kpi in self.plan.kpis)
        if names == self._names:
            return False
        self._names = names
        widths = (
            max((cell_len(one_line(name)) for name, _ in names), default=0),
            max((cell_len(kpi_id) for _, kpi_id in names), default=0),
        )
        moved = widths != (self._names_width, self._ids_width)
        self._names_width, self._ids_width = widths
        return moved

    def render_row(self, index: int, width: int) -> Text:
        kpi = self.plan.kpis[index]
        state = state_at(self.states, index)
        if state != "empty" and not kpi_filled(kpi, self.step):
            state = "empty"  # emptied since the checks ran
        row = Text(" ")
        row.append(STATE_MARKS[state], self.get_component_rich_style(f"kpi-list--{state}"))
        row.append(" ")
        if not kpi.name:
            row.append(kpi.id)
            return row
        name = Text(one_line(kpi.name))
        room = width - 3  # after the mark
        names_room = max(int(room * NAME_SHARE), room - 2 - self._ids_width)
        name.truncate(min(self._names_width, max(1, names_room)), overflow="ellipsis", pad=True)
        row.append_text(name)
        row.append(f"  {kpi.id}", self.get_component_rich_style("kpi-list--id"))
        return row
