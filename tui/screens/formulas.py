"""Step 4: each KPI's definition, formula and data source.

Hooks for the formula language (``model.formula``): :meth:`FormulasPane.formula_changed`
runs after every keystroke stored a formula; :meth:`FormulasPane.show_formula_feedback`
writes under the formula field (a parse error at its position, or a preview), and the
``#formula-inputs`` area below is where the formula's declared inputs belong.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Static

from model.i18n import t
from model.plan import Kpi
from model.steps import field_label
from tui.screens.kpi_step import KpiStepPane
from tui.widgets.form import FieldRow, text_input

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

    def fill_form(self, kpi: Kpi) -> None:
        for field in FIELDS:
            widget = self.query_one(f"#kpi-{field}", Input)
            widget.value = getattr(kpi, field)
            widget.cursor_position = len(widget.value)

    def show_hints(self, kpi: Kpi) -> None:
        self.formula_changed(kpi)

    def field_changed(self, kpi: Kpi, name: str) -> None:
        if name == "formula":
            self.formula_changed(kpi)

    def formula_changed(self, kpi: Kpi) -> None:
        """``kpi.formula`` was just stored or shown: the hook for live parsing.

        Parse the formula, then call :meth:`show_formula_feedback` with the error (and
        its position) or a preview, and fill ``#formula-inputs`` with the inputs it uses.
        """
        self.show_formula_feedback("")

    def show_formula_feedback(self, text: str, *, error: bool = False) -> None:
        """Write ``text`` under the formula field (an error in the error colour)."""
        self.query_one("#row-kpi-formula", FieldRow).set_note(text, error=error)

    def show_formula_inputs(self, lines: list[str]) -> None:
        """List the formula's inputs (name, source) under the fields; empty hides it."""
        area = self.query_one("#formula-inputs", Static)
        area.update(Text("\n".join(lines)))
        area.display = bool(lines)
