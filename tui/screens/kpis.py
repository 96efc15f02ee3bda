"""Step 3: the core KPIs: add, remove, reorder, and describe each one.

Picking a KPI from the catalog is a hook: set :data:`CATALOG_PICKER` to a factory of a
modal screen that returns the chosen KPI's fields (``name``, ``formula``, ``unit``,
``direction``, ``indicator``, ``funnel_stage``...) or ``None``; the ``c`` key and the
palette command appear as soon as it is set, and the fields go to ``model.edit.add_kpi``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import ModalScreen
from textual.widgets import Input, Select

from model import edit
from model.i18n import t
from model.plan import Kpi
from model.steps import field_label
from model.vocab import choices
from tui.keys import bind
from tui.screens.kpi_step import KpiStepPane
from tui.widgets.form import FieldRow, SteadyInput, choice, text_input


def _catalog_picker() -> ModalScreen[dict[str, Any] | None]:
    from tui.screens.catalog_picker import open_catalog_picker  # the catalog loads on use

    return open_catalog_picker()


CATALOG_PICKER: Callable[[], ModalScreen[dict[str, Any] | None]] | None = _catalog_picker
"""The KPI catalog picker (:mod:`tui.screens.catalog_picker`); ``None`` hides it."""

TEXT_FIELDS = ("name", "owner")
CHOICE_FIELDS = ("unit", "direction", "indicator", "role", "level", "funnel_stage")
REQUIRED_CHOICES = frozenset({"direction"})
"""Choices a KPI always has (the file defaults ``direction`` to ``increase``)."""


class KpisPane(KpiStepPane):
    """The KPI list with add / delete / move keys, and each KPI's descriptive fields."""

    STEP = "kpis"
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        field: f"kpi-{field}" for field in ("id", *TEXT_FIELDS, *CHOICE_FIELDS)
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("a,insert", "add", "kpis.add", key_display="a"),
        bind("d,delete", "delete", "kpis.delete", key_display="d"),
        bind("left_square_bracket", "move(-1)", "kpis.move_up", key_display="[", show=False),
        bind("right_square_bracket", "move(1)", "kpis.move_down", key_display="]", show=False),
        bind("c", "pick_from_catalog", "kpis.catalog"),
    ]
    LIST_ACTIONS: ClassVar[set[str]] = {"add", "delete", "move", "pick_from_catalog"}

    def empty_text(self) -> str:
        return t("tui.kpis_empty")

    def compose_form(self) -> ComposeResult:
        kpi = self.kpi_or_none()
        prompt = t("tui.prompt_choose")
        yield FieldRow(
            field_label("name"),
            text_input(
                kpi.name if kpi else "",
                id="kpi-name",
                name="name",
                classes="kpi-text",
                placeholder=t("tui.ph_kpi_name"),
            ),
        )
        yield FieldRow(
            field_label("id"), text_input(kpi.id if kpi else "", id="kpi-id"), id="row-kpi-id"
        )
        for field in CHOICE_FIELDS:
            value = getattr(kpi, field) if kpi else None
            yield FieldRow(
                field_label(field),
                choice(
                    choices(field),
                    id=f"kpi-{field}",
                    name=field,
                    classes="kpi-choice",
                    prompt=prompt,
                    value=value,
                    allow_blank=field not in REQUIRED_CHOICES,
                ),
            )
        yield FieldRow(
            field_label("owner"),
            text_input(
                kpi.owner if kpi else "",
                id="kpi-owner",
                name="owner",
                classes="kpi-text",
                placeholder=t("tui.ph_owner"),
            ),
        )

    def kpi_or_none(self) -> Kpi | None:
        """The KPI to show when the form is first built."""
        kpis = self.plan.kpis
        return kpis[min(self.okr_app.kpi_cursor, len(kpis) - 1)] if kpis else None

    def fill_form(self, kpi: Kpi) -> None:
        for field in ("id", *TEXT_FIELDS):
            widget = self.query_one(f"#kpi-{field}", SteadyInput)
            widget.show(getattr(kpi, field))
        for field in CHOICE_FIELDS:
            value = getattr(kpi, field)
            self.query_one(f"#kpi-{field}", Select).value = Select.NULL if value is None else value

    @on(Input.Changed, "#kpi-id")
    def _id_typed(self, event: Input.Changed) -> None:
        index = self.kpi_index
        if index is None:
            return
        row = self.query_one("#row-kpi-id", FieldRow)
        try:
            changed = edit.rename_kpi(self.plan, index, event.value)
        except edit.EditError as error:
            row.set_note(str(error), error=True)
            return
        row.set_note()
        if changed:
            self.kpi_edited(structure=True)

    # --- list actions --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.LIST_ACTIONS:
            if not self.kpi_list.has_focus:
                return False
            if action == "pick_from_catalog":
                return CATALOG_PICKER is not None
            return action == "add" or bool(self.plan.kpis)
        return super().check_action(action, parameters)

    def action_add(self) -> None:
        self.add_kpi()

    def action_delete(self) -> None:
        self.delete_kpi()

    def action_move(self, offset: int) -> None:
        self.move_kpi(offset)

    def action_pick_from_catalog(self) -> None:
        self.pick_from_catalog()

    def add_kpi(self) -> None:
        """Ask for the new KPI's name, then add it after the chosen one."""
        from tui.screens.dialogs import PromptDialog

        self.app.push_screen(
            PromptDialog(t("tui.new_kpi_title"), placeholder=t("tui.ph_kpi_name")),
            self._add_named,
        )

    def _add_named(self, name: str | None) -> None:
        if name is not None and self.add_kpi_with(name.strip()) is not None:
            self.focus_form(first_empty=True)

    def add_kpi_with(self, name: str, **fields: Any) -> Kpi | None:
        """Add a KPI called ``name`` with ``fields`` pre-filled (the catalog's hook) after
        the chosen one, and choose it."""
        index = self.kpi_index
        at = 0 if index is None else index + 1
        try:
            kpi = edit.add_kpi(self.plan, name, at=at, **fields)
        except edit.EditError as error:
            self.notify(str(error), severity="error", markup=False)
            return None
        self.kpi_list.rows_changed()
        self.kpi_list.move_cursor(at)
        self.load_kpi()
        self.refresh_bindings()
        self.edited(structure=True)
        return kpi

    def delete_kpi(self) -> None:
        """Delete the chosen KPI after asking (its linked items are unlinked)."""
        index, kpi = self.kpi_index, self.kpi
        if index is None or kpi is None:
            return
        from tui.screens.dialogs import ConfirmDialog

        linked = sum(1 for item in self.plan.items if item.kpi == kpi.id)
        key = "tui.confirm_delete_kpi" if linked else "tui.confirm_delete_unlinked_kpi"
        question = t(key, name=kpi.name or kpi.id, count=linked)
        self.app.push_screen(
            ConfirmDialog(question, yes=t("tui.delete"), no=t("tui.keep")),
            lambda yes: self._remove(index) if yes else None,
        )

    def _remove(self, index: int) -> None:
        edit.remove_kpi(self.plan, index)
        self.kpi_list.rows_changed()
        self.okr_app.kpi_cursor = self.kpi_list.cursor
        self.load_kpi()
        self.refresh_bindings()
        self.edited(structure=True)

    def move_kpi(self, offset: int) -> None:
        index = self.kpi_index
        if index is None:
            return
        self.kpi_list.cursor = edit.move_kpi(self.plan, index, offset)
        self.okr_app.kpi_cursor = self.kpi_list.cursor
        self.kpi_list.rows_changed()
        self.edited(structure=True)

    def _declare_catalog_inputs(self, kpi: Kpi, entry_id: str) -> None:
        """Declare the inputs the catalog KPI's formula reads (those the plan lacks),
        and say which, so the user knows to fill in their sources on step 4."""
        from model.catalog import apply_catalog_entry, get_entry
        from model.inputs import join_list

        entry = get_entry(entry_id)
        if entry is None:
            return
        declared = apply_catalog_entry(self.plan, kpi, entry)
        if declared:
            self.edited()
            message = t("assist.catalog_declared", names=join_list(declared), name=kpi.name)
            self.notify(message, markup=False)

    def catalog_available(self) -> bool:
        return CATALOG_PICKER is not None

    def pick_from_catalog(self) -> None:
        """Open the catalog picker (when there is one) and add the KPI chosen there."""
        if CATALOG_PICKER is None:
            return

        def picked(fields: dict[str, Any] | None) -> None:
            if fields:
                fields = dict(fields)
                entry_id = fields.pop("catalog_entry", None)
                kpi = self.add_kpi_with(str(fields.pop("name", "")), **fields)
                if kpi is not None and entry_id:
                    self._declare_catalog_inputs(kpi, str(entry_id))
                    if kpi.id != entry_id:  # the plan has it already: say so, keep both
                        message = t("tui.catalog_again", id=str(entry_id), new_id=kpi.id)
                        self.notify(message, severity="warning", markup=False)

        self.app.push_screen(CATALOG_PICKER(), picked)
