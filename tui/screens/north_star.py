"""Step 2: the north star, the one outcome metric that matters most."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Select

from model.i18n import t
from model.steps import field_label
from model.vocab import choices
from tui.screens.base import StepPane
from tui.widgets.form import FieldRow, SteadyInput, choice, text_input


class NorthStarPane(StepPane):
    """The north star's name, definition and unit."""

    STEP = "north_star"
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        "name": "north-star-name",
        "definition": "north-star-definition",
        "unit": "north-star-unit",
    }

    def compose_body(self) -> ComposeResult:
        star = self.plan.north_star
        yield FieldRow(
            field_label("north_star.name"),
            text_input(star.name, id="north-star-name", placeholder=t("tui.ph_north_star")),
        )
        yield FieldRow(
            field_label("north_star.definition"),
            text_input(
                star.definition,
                id="north-star-definition",
                placeholder=t("tui.ph_north_star_definition"),
            ),
        )
        yield FieldRow(
            field_label("north_star.unit"),
            choice(
                choices("unit"),
                id="north-star-unit",
                prompt=t("tui.prompt_choose"),
                value=star.unit,
            ),
        )

    def load(self) -> None:
        star = self.plan.north_star
        with self.prevent(Input.Changed, Select.Changed):
            self.query_one("#north-star-name", SteadyInput).show(star.name)
            self.query_one("#north-star-definition", SteadyInput).show(star.definition)
            self.query_one("#north-star-unit", Select).value = star.unit or Select.NULL

    @on(Input.Changed, "#north-star-name, #north-star-definition")
    def _text_typed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("north-star-")
        if getattr(self.plan.north_star, name) != event.value:
            setattr(self.plan.north_star, name, event.value)
            self.edited()

    @on(Select.Changed, "#north-star-unit")
    def _unit_chosen(self, event: Select.Changed) -> None:
        unit = None if event.value is Select.NULL else event.value
        if self.plan.north_star.unit != unit:
            self.plan.north_star.unit = unit
            self.edited()
