"""Step 1: the objective, its KGI and period, and the items written under it."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from model import edit
from model.i18n import t
from model.steps import field_label
from tui.screens.base import StepPane
from tui.widgets.form import FieldRow, SteadyInput, text_input
from tui.widgets.items_editor import ItemsEditor


class ObjectivePane(StepPane):
    """Plan title, objective statement, KGI, period; then the items editor."""

    STEP = "objective"
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        "title": "plan-title",
        "statement": "objective-statement",
        "kgi": "objective-kgi",
        "start": "objective-start",
        "end": "objective-end",
    }
    TEXT_FIELDS: ClassVar[dict[str, str]] = {
        "objective-statement": "statement",
        "objective-kgi": "kgi",
    }

    def compose_body(self) -> ComposeResult:
        plan = self.plan
        objective = plan.objective
        yield FieldRow(
            field_label("title"),
            text_input(plan.title, id="plan-title", placeholder=t("tui.ph_title")),
        )
        yield FieldRow(
            field_label("statement"),
            text_input(
                objective.statement, id="objective-statement", placeholder=t("tui.ph_statement")
            ),
            id="row-objective-statement",
        )
        yield FieldRow(
            field_label("kgi"),
            text_input(objective.kgi, id="objective-kgi", placeholder=t("tui.ph_kgi")),
        )
        period = Horizontal(
            text_input(
                edit.format_date(objective.start),
                id="objective-start",
                placeholder=t("tui.ph_date"),
                one_value=True,
            ),
            Label("–", classes="period-dash"),
            text_input(
                edit.format_date(objective.end),
                id="objective-end",
                placeholder=t("tui.ph_date"),
                one_value=True,
            ),
            id="period",
        )
        yield FieldRow(field_label("period"), period, id="row-period")
        yield Static("", id="items-heading", markup=False)
        yield Static(t("steps.guide_items"), id="items-guide", classes="pane-guide")
        yield ItemsEditor(plan, id="items")

    _shown_count = -1

    def on_mount(self) -> None:
        self._show_item_count()

    @on(ItemsEditor.ClassifierReady)
    def _classifier_ready(self) -> None:
        """The classifier was loaded after the first paint: hint at the objective too."""
        self.objective_changed()

    def on_descendant_focus(self) -> None:
        self._focus_moved()

    def on_descendant_blur(self) -> None:
        self._focus_moved()

    def _focus_moved(self) -> None:
        """The SMART detail shows while the statement or KGI is edited; the guidance
        makes room for the item's reasons while the items are edited (24 rows are few)."""
        focused = self.app.focused
        in_items = focused is not None and self.editor in focused.ancestors_with_self
        self.set_class(in_items, "-editing-items")
        from tui import readings

        if readings.ready():
            self.objective_changed()

    def first_field(self):
        return self.query_one("#objective-statement")

    def load(self) -> None:
        plan = self.plan
        values = {
            "plan-title": plan.title,
            "objective-statement": plan.objective.statement,
            "objective-kgi": plan.objective.kgi,
            "objective-start": edit.format_date(plan.objective.start),
            "objective-end": edit.format_date(plan.objective.end),
        }
        with self.prevent(Input.Changed):
            for widget_id, value in values.items():
                self.query_one(f"#{widget_id}", SteadyInput).show(value)
        self.query_one("#row-period", FieldRow).set_note()
        self.editor.reload()
        self._show_item_count()
        from tui import readings

        if readings.ready():
            self.objective_changed()

    @property
    def editor(self) -> ItemsEditor:
        return self.query_one("#items", ItemsEditor)

    def _show_item_count(self) -> None:
        count = len(self.plan.items)
        if count != self._shown_count:
            self._shown_count = count
            self.query_one("#items-heading", Static).update(t("tui.items_heading", count=count))

    @on(Input.Changed, "#plan-title")
    def _title_typed(self, event: Input.Changed) -> None:
        if self.plan.title != event.value:
            self.plan.title = event.value
            self.okr_app.refresh_title()
            self.edited()

    @on(Input.Changed, "#objective-statement, #objective-kgi")
    def _text_typed(self, event: Input.Changed) -> None:
        name = self.TEXT_FIELDS[event.input.id or ""]
        if getattr(self.plan.objective, name) != event.value:
            setattr(self.plan.objective, name, event.value)
            self.edited()
            self.objective_changed()

    def objective_changed(self) -> None:
        """The statement or the KGI was just stored (on every keystroke): show the SMART
        hints under the statement (cached per text, see :mod:`tui.readings`)."""
        from tui import readings

        objective = self.plan.objective
        focused = self.app.focused
        editing = focused is not None and focused.id in self.TEXT_FIELDS
        hints = readings.smart_lines(
            objective.statement, objective.kgi, objective.end, detail=editing
        )
        self.query_one("#row-objective-statement", FieldRow).set_note(hints)

    @on(Input.Changed, "#objective-start, #objective-end")
    def _date_typed(self) -> None:
        objective = self.plan.objective
        before = (objective.start, objective.end)
        start = self.query_one("#objective-start", Input)
        end = self.query_one("#objective-end", Input)
        problems = edit.set_period(objective, start.value, end.value)
        row = self.query_one("#row-period", FieldRow)
        if problems:
            marked = [start] * ("start" in problems) + [end] * ("end" in problems)
            row.set_note("  ".join(problems.values()), error=True, invalid=marked)
        else:
            row.set_note()
        if (objective.start, objective.end) != before:
            self.edited()
            self.objective_changed()  # the end date makes the objective time-bound

    @on(ItemsEditor.Edited)
    def _items_edited(self) -> None:
        self._show_item_count()
        self.edited()

    def focus_path(self, path: str) -> bool:
        if path.startswith("items"):
            index, _, field = path.removeprefix("items").partition(".")
            if index.startswith("[") and index.endswith("]") and index[1:-1].isdigit():
                position = int(index[1:-1])
                if position < len(self.plan.items):
                    self.editor.focus_item(position, field if field in ("kind", "kpi") else "text")
                    return True
            self.editor.item_list.focus()
            return True
        return super().focus_path(path)
