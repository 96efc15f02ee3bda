"""Step 4: each KPI's definition, formula and data source.

The formula is parsed on every keystroke (:meth:`FormulasPane.formula_changed`, through
:mod:`tui.screens.formula_feedback`): a syntax error shows a caret under its position with
the reason, a formula that parses shows its preview ("with orders = 150 and visitors =
10,000: 1.5%"), and ``#formula-inputs`` lists the inputs it reads with their sources.
``i`` on the KPI list opens the inputs dialog (source, unit, a value to try).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Input, Static

from model.i18n import t
from model.plan import Kpi
from model.steps import field_label
from tui.keys import bind
from tui.screens.kpi_step import KpiStepPane
from tui.widgets.form import FieldRow, SteadyInput, text_input

FIELDS = ("definition", "formula", "data_source")


class FormulasPane(KpiStepPane):
    """Definition, formula and data source of the chosen KPI."""

    STEP = "formulas"
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {field: f"kpi-{field}" for field in FIELDS}
    PLACEHOLDERS: ClassVar[dict[str, str]] = {
        "definition": "tui.ph_definition",
        "formula": "tui.ph_formula",
        "data_source": "tui.ph_data_source",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("i", "edit_inputs", "formulas.inputs"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.tried: dict[str, float] = {}
        """Values to try each input with (by name), for the preview; not saved."""

    def compose_form(self) -> ComposeResult:
        for field in FIELDS:
            yield FieldRow(
                field_label(field),
                text_input(
                    id=f"kpi-{field}",
                    name=field,
                    classes="kpi-text",
                    placeholder=t(self.PLACEHOLDERS[field]),
                ),
                id=f"row-kpi-{field}",
            )
        yield Static("", id="formula-inputs", markup=False)

    def on_mount(self) -> None:
        self.query_one("#formula-inputs").display = False
        # The caret under an error points at a cell of the field as scrolled: when the
        # field scrolls (leaving it shows the start of a long formula), it moves too.
        self.watch(self.query_one("#kpi-formula"), "scroll_x", self._formula_scrolled, init=False)

    def _formula_scrolled(self) -> None:
        kpi = self.kpi
        # Only a caret moves with the scroll: without an error shown there is none.
        if kpi is not None and self.query_one("#row-kpi-formula", FieldRow).has_error:
            self.show_feedback(kpi)  # the inputs it reads did not change

    def fill_form(self, kpi: Kpi) -> None:
        for field in FIELDS:
            widget = self.query_one(f"#kpi-{field}", SteadyInput)
            widget.show(getattr(kpi, field))

    def show_hints(self, kpi: Kpi) -> None:
        self.formula_changed(kpi)

    def clear_hints(self) -> None:
        self.show_formula_inputs([])

    def field_changed(self, kpi: Kpi, name: str) -> None:
        if name == "formula":
            self.formula_changed(kpi)

    def formula_changed(self, kpi: Kpi) -> None:
        """``kpi.formula`` was just stored or shown: parse it, show the error at its
        position or the preview, and list the inputs it reads."""
        from tui.screens.formula_feedback import input_lines

        self.show_feedback(kpi)
        self.show_formula_inputs(input_lines(self.plan, kpi))

    def show_feedback(self, kpi: Kpi) -> None:
        """The caret and reason of an error, under the field as it is scrolled, or the
        preview."""
        from tui.screens.formula_feedback import field_scroll, field_width, formula_feedback

        field = self.query_one("#kpi-formula", Input)
        feedback = formula_feedback(
            self.plan, kpi, self.tried, scroll=field_scroll(field), width=field_width(field)
        )
        self.show_formula_feedback(feedback.text, error=feedback.error)

    # --- the inputs dialog ---------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "edit_inputs":
            kpi = self.kpi  # with a formula, even a broken one (i then says why it cannot)
            return self.kpi_list.has_focus and kpi is not None and bool(kpi.formula.strip())
        return super().check_action(action, parameters)

    def focus_path(self, path: str) -> bool:
        """Also ``kpis.<id>.inputs.<name>[.<field>]``: that KPI chosen, its inputs dialog
        open on the input, the cursor in the field (a finding about an input)."""
        head, found, rest = path.partition(".inputs.")
        if not found:
            return super().focus_path(path)
        if not super().focus_path(head):
            return False
        name, _, field = rest.partition(".")
        self.action_edit_inputs(start=name, field=field or "source")
        return True

    def action_edit_inputs(self, start: str | None = None, field: str | None = None) -> None:
        kpi = self.kpi
        if kpi is None:
            return
        from model.inputs import formula_inputs, parsed_formula
        from tui.screens.formula_feedback import InputsDialog

        if not formula_inputs(kpi):  # a formula that does not parse, or reads no inputs
            key = (
                "assist.inputs_need_formula" if parsed_formula(kpi) is None else "assist.no_inputs"
            )
            self.notify(t(key), severity="warning", markup=False)
            return

        def closed(changed: bool | None) -> None:
            if changed:
                self.edited()
            if self.kpi is kpi:
                self.formula_changed(kpi)

        dialog = InputsDialog(self.plan, kpi, self.tried, start=start, field=field)
        self.app.push_screen(dialog, closed)

    def show_formula_feedback(self, text: str, *, error: bool = False) -> None:
        """Write ``text`` under the formula field (an error in the error colour)."""
        self.query_one("#row-kpi-formula", FieldRow).set_note(text, error=error)

    def show_formula_inputs(self, lines: list[str]) -> None:
        """List the formula's inputs (name, source) under the fields; empty hides it."""
        area = self.query_one("#formula-inputs", Static)
        area.update(Text("\n".join(lines)))
        area.display = bool(lines)
