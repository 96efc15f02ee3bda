"""What the three KPI steps share: the KPI list beside (or above) a form for the chosen KPI.

All three keep the same KPI chosen, so moving from Core KPIs to Formulas to Baselines
stays on the KPI being worked on. Text fields and drop-downs carry the name of the KPI
field they edit, so one handler stores them all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Select

from model.i18n import t
from model.plan import Kpi
from model.steps import kpi_states
from tui.keys import bind, localize_bindings
from tui.screens.base import StepPane
from tui.widgets.form import FieldRow
from tui.widgets.kpi_list import KpiList
from tui.widgets.row_list import RowList

if TYPE_CHECKING:
    from model.checks import CheckReport

STRUCTURE_FIELDS = frozenset({"name", "id"})
"""KPI fields shown in lists on other steps: changing them makes those lists reload."""


class KpiStepPane(StepPane):
    """A KPI list and, for the chosen KPI, the fields of this step."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "back_to_list", "editor.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        localize_bindings(self)

    def compose_body(self) -> ComposeResult:
        yield from self.compose_above_list()
        with Container(classes="kpi-split"):
            yield KpiList(
                self.plan, self.STEP, empty_text=self.empty_text(), id=f"kpi-list-{self.STEP}"
            )
            with VerticalScroll(classes="kpi-form", id=f"kpi-form-{self.STEP}"):
                yield from self.compose_form()

    def compose_above_list(self) -> ComposeResult:
        """Widgets between the guidance and the KPI list (none by default)."""
        yield from ()

    def compose_form(self) -> ComposeResult:
        """The fields of this step for one KPI."""
        yield from ()

    def fill_form(self, kpi: Kpi) -> None:
        """Show ``kpi``'s values in the fields (messages are held back while this runs)."""

    def empty_text(self) -> str:
        return t("tui.kpis_empty_elsewhere")

    # --- the chosen KPI ------------------------------------------------------------------

    @property
    def kpi_list(self) -> KpiList:
        return self.query_one(f"#kpi-list-{self.STEP}", KpiList)

    @property
    def form(self) -> Widget:
        return self.query_one(f"#kpi-form-{self.STEP}")

    @property
    def kpi_index(self) -> int | None:
        return self.kpi_list.cursor if self.plan.kpis else None

    @property
    def kpi(self) -> Kpi | None:
        index = self.kpi_index
        return None if index is None else self.plan.kpis[index]

    def on_mount(self) -> None:
        self.kpi_list.cursor = self.okr_app.kpi_cursor
        self.load_kpi()
        report = self.okr_app.last_check_report()
        if report is not None:  # else the checks are still loading, or about to rerun
            self.checks_updated(report, visible=True)

    def activate(self) -> None:
        if self.kpi_list.cursor != self.okr_app.kpi_cursor:
            self.kpi_list.cursor = self.okr_app.kpi_cursor
            self.stale = True
        super().activate()

    def load(self) -> None:
        self.kpi_list.rows_changed()
        self.load_kpi()

    def load_kpi(self) -> None:
        """Fill the form from the chosen KPI, or empty and disable it when there is none
        (the last KPI deleted: its values must not stay on screen as if it were there)."""
        kpi = self.kpi
        self.form.disabled = kpi is None
        for row in self.query(FieldRow):
            row.set_note()
        with self.prevent(Input.Changed, Select.Changed):
            self.fill_form(kpi or Kpi.model_construct(id=""))  # all blank
        if kpi is not None:
            self.show_hints(kpi)
        else:
            self.clear_hints()

    def checks_updated(self, report: CheckReport, *, visible: bool) -> None:
        for kpi_list in self.query(KpiList):  # none while the pane is still being built
            kpi_list.set_states(kpi_states(self.plan, self.STEP, report.findings))

    def show_hints(self, kpi: Kpi) -> None:
        """Refresh the hints under the fields (after loading or editing ``kpi``)."""

    def clear_hints(self) -> None:
        """Hide what :meth:`show_hints` shows beside the field notes (no KPI is chosen)."""

    def kpi_edited(self, *, structure: bool = False) -> None:
        """The chosen KPI changed: repaint its row and tell the app."""
        index = self.kpi_index
        if index is not None:
            self.kpi_list.refresh_row(index)
        self.edited(structure=structure)

    @on(RowList.Highlighted)
    def _kpi_highlighted(self, event: RowList.Highlighted) -> None:
        if event.row_list is self.kpi_list:
            self.okr_app.kpi_cursor = event.index
            self.load_kpi()

    @on(RowList.Chosen)
    def _kpi_chosen(self, event: RowList.Chosen) -> None:
        if event.row_list is self.kpi_list:
            self.focus_form()

    def focus_form(self, *, first_empty: bool = False) -> None:
        """Focus the form's first field, or (``first_empty``) its first empty one."""
        fields = [w for w in self.form.query("Input, Select") if w.focusable]
        empty = [w for w in fields if not (w.value if isinstance(w, Input) else w.selection)]
        widget = ((empty if first_empty else []) or fields or [None])[0]
        if widget is not None:
            widget.focus()

    def first_field(self) -> Widget | None:
        if self.kpi is None:
            return self.kpi_list
        return next((w for w in self.form.query("Input, Select") if w.focusable), self.kpi_list)

    # --- generic field handlers ---------------------------------------------------------

    @on(Input.Changed, ".kpi-text")
    def _text_typed(self, event: Input.Changed) -> None:
        kpi, name = self.kpi, event.input.name
        if kpi is None or name is None or getattr(kpi, name) == event.value:
            return
        setattr(kpi, name, event.value)
        self.kpi_edited(structure=name in STRUCTURE_FIELDS)
        self.field_changed(kpi, name)

    def field_changed(self, kpi: Kpi, name: str) -> None:
        """``kpi.<name>`` was just stored from a text field (a hook for subclasses)."""

    @on(Select.Changed, ".kpi-choice")
    def _choice_made(self, event: Select.Changed) -> None:
        kpi, name = self.kpi, event.select.name
        value = None if event.value is Select.NULL else event.value
        if kpi is None or name is None or getattr(kpi, name) == value:
            return
        setattr(kpi, name, value)
        self.kpi_edited()
        self.show_hints(kpi)

    # --- keys and jumps ------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back_to_list":
            return not self.kpi_list.has_focus
        return True

    def action_back_to_list(self) -> None:
        self.kpi_list.focus()

    def focus_path(self, path: str) -> bool:
        """Choose the KPI named in ``kpis.<id>.<field>`` (or ``kpis[<position>].<field>``
        when ids repeat) and focus that field."""
        head, _, rest = path.partition(".")
        index: int | None = None
        if head == "kpis" and rest:
            kpi_id, _, field = rest.partition(".")
            index = next((i for i, k in enumerate(self.plan.kpis) if k.id == kpi_id), None)
        elif head.startswith("kpis[") and head.endswith("]") and head[5:-1].isdigit():
            index, field = int(head[5:-1]), rest
        elif head == "kpis":
            field = ""
        else:
            return False
        if index is not None and index < len(self.plan.kpis):
            self.kpi_list.move_cursor(index)
            self.load_kpi()
        widget_id = self.FIELD_WIDGETS.get(field)
        if widget_id is None:
            self.kpi_list.focus()
            return True
        self.query_one(f"#{widget_id}").focus()
        return True
