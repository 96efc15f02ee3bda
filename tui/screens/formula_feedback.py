"""What the Formulas step says about a formula while it is typed, and the inputs dialog.

:func:`formula_feedback` parses the formula (``model.formula``) and answers the note under
the field: a caret under the error's position with the reason (a syntax error, or a
divisor that is always 0, as ``okr check`` reports them), or the preview
("with orders = 150 and visitors = 10,000: 1.5%"). :func:`input_lines` lists the inputs
the formula reads with their data sources. :class:`InputsDialog` (``i`` on the KPI list)
edits an input's description, source and unit (saved in the plan's ``[inputs]``) and a
value to try it with (kept only while the app runs: the preview's example).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from model import edit
from model.i18n import t
from model.plan import Kpi, Plan
from model.steps import field_label
from model.vocab import choices, label
from tui.keys import bind
from tui.screens.dialog import Dialog
from tui.widgets.form import FieldRow, SteadyInput, choice, text_input

if TYPE_CHECKING:
    from model.formula import FormulaError


class Feedback(NamedTuple):
    """The note under the formula field."""

    text: str
    error: bool = False


def example_values(plan: Plan, kpi: Kpi, tried: Mapping[str, float]) -> dict[str, float]:
    """Values to preview ``kpi`` with: those the user tried, else the latest check-in's."""
    values: dict[str, float] = {}
    for checkin in plan.checkins:  # oldest first: later ones win
        if checkin.kpi == kpi.id:
            values.update(checkin.inputs)
    return {**values, **tried}


def formula_feedback(
    plan: Plan, kpi: Kpi, tried: Mapping[str, float], *, scroll: int = 0, width: int = 0
) -> Feedback:
    """The caret and reason of a syntax error or of a divisor that is always 0, or the
    preview (or what it still needs).

    ``scroll`` is how many cells the field has scrolled its text to the left, so the
    caret stays under the character it points at; with the field's ``width`` (cells), a
    caret under text scrolled out of view is left out (the reason says which character).
    """
    from model.formula import FormulaError, FormulaSyntaxError, parse_formula, zero_divisor
    from model.inputs import formula_inputs, join_list, preview

    if not kpi.formula.strip():
        return Feedback("")
    parsed = parse_formula(kpi.formula)
    if isinstance(parsed, FormulaSyntaxError):
        return _pointed(parsed, scroll, width)
    always = zero_divisor(parsed)  # what okr check reports as kpi.formula_zero_divisor
    if always is not None:
        return _pointed(always, scroll, width)
    values = example_values(plan, kpi, tried)
    missing = [name for name in formula_inputs(kpi) if name not in values]
    if missing:
        return Feedback(t("assist.preview_needs", names=join_list(missing)))
    try:
        return Feedback(preview(plan, kpi, values))
    except FormulaError as error:
        return Feedback(error.located_message(), error=True)


def _pointed(error: FormulaError, scroll: int, width: int) -> Feedback:
    """A caret under the spot ``error`` is about (left out when that spot is scrolled
    out of the field, to the left or past its ``width``), and its reason."""
    _, carets = error.caret_lines()
    start = len(carets) - len(carets.lstrip(" "))  # the spot's column in the formula
    if start < scroll or (width and start - scroll >= width):
        return Feedback(error.located_message(), error=True)
    return Feedback(f"{carets[scroll:]}\n{error.located_message()}", error=True)


def input_lines(plan: Plan, kpi: Kpi) -> list[str]:
    """One line per input the formula reads: what it counts and where it comes from."""
    from model.inputs import kpi_inputs

    inputs = kpi_inputs(plan, kpi)
    if not inputs:
        return []
    lines = [t("assist.inputs_heading")]
    for name, declared in inputs:
        if declared is None:
            lines.append(t("assist.input_undeclared", name=name))
            continue
        lines.append(
            t(
                "assist.input_line",
                name=name,
                description=declared.description or t("assist.no_description"),
                source=declared.source or t("assist.no_source"),
                unit=label("unit", declared.unit) if declared.unit else t("assist.no_unit"),
            )
        )
    return lines


def field_scroll(field: Input) -> int:
    """How many cells ``field`` has scrolled its text to the left."""
    return int(field.scroll_offset.x)


def field_width(field: Input) -> int:
    """How many cells of text ``field`` shows (0 before it is laid out: no limit)."""
    return field.scrollable_content_region.width


class InputsDialog(Dialog[bool]):
    """The inputs a KPI's formula reads: pick one (↑ ↓), then edit its fields (Tab).

    Answers whether the plan changed. Values to try are written into ``tried``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "close", "dialog.close"),
    ]

    def __init__(
        self,
        plan: Plan,
        kpi: Kpi,
        tried: dict[str, float],
        *,
        start: str | None = None,
        field: str | None = None,
    ) -> None:
        """``start`` names the input to open on, ``field`` (``source``, ``description``,
        ``unit``) the field to put the cursor in, else the list has it."""
        super().__init__()
        from model.inputs import formula_inputs

        self.plan = plan
        self.kpi = kpi
        self.tried = tried
        self.names = list(formula_inputs(kpi))
        self.changed = False
        self.start = self.names.index(start) if start in self.names else 0
        self.field = field

    def compose_dialog(self) -> ComposeResult:
        with Vertical(classes="dialog", id="inputs-dialog"):
            yield Static(
                Text(t("assist.inputs_title", name=self.kpi.name or self.kpi.id)),
                classes="dialog-question",
            )
            yield OptionList(
                *[Option(Text(name), id=name) for name in self.names], id="inputs-options"
            )
            yield FieldRow(
                t("assist.field_counts"),
                text_input(
                    id="input-description",
                    name="description",
                    placeholder=t("tui.ph_definition"),
                ),
            )
            yield FieldRow(
                field_label("data_source"),
                text_input(id="input-source", name="source", placeholder=t("tui.ph_data_source")),
            )
            yield FieldRow(
                field_label("unit"),
                choice(choices("unit"), id="input-unit", prompt=t("tui.prompt_choose")),
            )
            yield FieldRow(
                t("assist.try_value"),
                text_input(id="input-try", placeholder=t("assist.ph_try_value")),
                id="row-input-try",
            )
            yield Static(t("assist.inputs_keys"), classes="dialog-hint")

    def on_mount(self) -> None:
        options = self.query_one("#inputs-options", OptionList)
        if self.names:
            options.highlighted = self.start
            self.load(self.names[self.start])
        fields = {
            "source": "#input-source",
            "description": "#input-description",
            "unit": "#input-unit",
        }
        if self.names and self.field in fields:
            self.query_one(fields[self.field]).focus()
        else:
            options.focus()

    @property
    def input_name(self) -> str | None:
        """The input being edited (the highlighted one)."""
        index = self.query_one("#inputs-options", OptionList).highlighted
        return self.names[index] if index is not None and index < len(self.names) else None

    @on(OptionList.OptionHighlighted, "#inputs-options")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.load(str(event.option.id))

    @on(OptionList.OptionSelected, "#inputs-options")
    def _selected(self) -> None:
        self.query_one("#input-description").focus()

    def load(self, name: str) -> None:
        """Show input ``name``'s fields."""
        from model.units import format_value

        declared = self.plan.inputs.get(name)
        with self.prevent(Input.Changed, Select.Changed):
            for field in ("description", "source"):  # show: another input, nothing to undo
                self.query_one(f"#input-{field}", SteadyInput).show(
                    getattr(declared, field) if declared else ""
                )
            unit = declared.unit if declared else None
            self.query_one("#input-unit", Select).value = Select.NULL if unit is None else unit
            tried = self.tried.get(name)
            self.query_one("#input-try", SteadyInput).show(
                "" if tried is None else format_value(tried, unit, currency=self.plan.currency)
            )
        self.query_one("#row-input-try", FieldRow).set_note()

    @on(Input.Changed, "#input-description, #input-source")
    def _text_typed(self, event: Input.Changed) -> None:
        name = self.input_name
        if name is not None and edit.set_input(
            self.plan, name, event.input.name or "", event.value
        ):
            self.changed = True

    @on(Select.Changed, "#input-unit")
    def _unit_chosen(self, event: Select.Changed) -> None:
        name = self.input_name
        unit = None if event.value is Select.NULL else str(event.value)
        if name is not None and edit.set_input(self.plan, name, "unit", unit):
            self.changed = True

    @on(Input.Changed, "#input-try")
    def _value_typed(self, event: Input.Changed) -> None:
        name = self.input_name
        if name is None:
            return
        declared = self.plan.inputs.get(name)
        row = self.query_one("#row-input-try", FieldRow)
        try:
            value = edit.parse_number(
                event.value, declared.unit if declared else None, currency=self.plan.currency
            )
        except edit.EditError as error:
            row.set_note(str(error), error=True)
            return
        row.set_note()
        if value is None:
            self.tried.pop(name, None)
        else:
            self.tried[name] = value

    def action_close(self) -> None:
        self.dismiss(self.changed)
