"""The KPI catalog picker: type to search (English or Chinese), arrows and Enter to choose.

Opened with ``c`` on the Core KPIs list (``tui.screens.kpis.CATALOG_PICKER``). It answers
the chosen KPI's fields for ``KpisPane.add_kpi_with`` (name, formula, unit, direction,
indicator, funnel stage, definition and a free id), plus ``catalog_entry``, the entry's
id, so the pane can declare the formula's inputs with ``model.catalog``; Escape answers
``None``. The catalog is read on first open (about 30 ms), never at start-up.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from model.i18n import get_language, t
from model.plan import Plan
from tui.keys import bind, localize_bindings

RESULTS = 50
"""At most this many matches are listed (the catalog has about 60)."""


def catalog_fields(plan: Plan, entry_id: str) -> dict[str, Any]:
    """The fields of a new KPI made from the catalog entry ``entry_id``: what
    ``model.catalog.add_catalog_kpi`` would set, for ``KpisPane.add_kpi_with``."""
    from model.catalog import apply_catalog_entry, get_entry
    from model.plan import Kpi

    entry = get_entry(entry_id)
    if entry is None:
        raise KeyError(entry_id)
    scratch_plan = plan.model_copy(update={"inputs": {}, "kpis": []})
    kpi = Kpi(id=entry.id)
    apply_catalog_entry(scratch_plan, kpi, entry)
    taken = {other.id for other in plan.kpis}
    kpi_id, number = entry.id, 1
    while kpi_id in taken:
        number += 1
        kpi_id = f"{entry.id}_{number}"
    fields = {
        "id": kpi_id,
        "catalog_entry": entry.id,
        **{
            name: getattr(kpi, name)
            for name in (
                "name",
                "formula",
                "unit",
                "direction",
                "indicator",
                "funnel_stage",
                "definition",
            )
        },
    }
    return fields


class CatalogPicker(ModalScreen[dict[str, Any] | None]):
    """A search field over the catalog's KPIs, the matches, and the highlighted one's formula."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "cancel", "dialog.close"),
        bind("down", "move(1)", "rows.down", show=False),
        bind("up", "move(-1)", "rows.up", show=False),
        bind("pagedown", "move(8)", "rows.page_down", show=False),
        bind("pageup", "move(-8)", "rows.page_up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")
        localize_bindings(self)
        self.entry_ids: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="catalog-dialog"):
            yield Static(t("assist.catalog_title"), classes="dialog-question")
            yield Input(placeholder=t("assist.catalog_search"), id="catalog-search")
            yield OptionList(id="catalog-options")
            yield Static("", id="catalog-detail", markup=False)
            yield Static(t("assist.catalog_keys"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.show_matches("")
        self.query_one("#catalog-search").focus()

    @property
    def options(self) -> OptionList:
        return self.query_one("#catalog-options", OptionList)

    @on(Input.Changed, "#catalog-search")
    def _typed(self, event: Input.Changed) -> None:
        self.show_matches(event.value)

    def show_matches(self, query: str) -> None:
        """List the entries matching ``query``, best first, and highlight the first."""
        from model.catalog import area_label, search

        language = get_language()
        other = "en" if language == "zh-TW" else "zh-TW"
        entries = search(query, RESULTS)
        self.entry_ids = [entry.id for entry in entries]
        options = self.options
        options.clear_options()
        if not entries:
            options.add_option(Option(Text(t("assist.catalog_none")), disabled=True))
            self._show_detail(None)
            return
        for entry in entries:
            label = Text(entry.name.get(language))
            label.append(f"  {entry.name.get(other)}", style="dim")
            label.append(f"  {area_label(entry.area)}", style="italic dim")
            options.add_option(Option(label, id=entry.id))
        options.highlighted = 0

    @on(OptionList.OptionHighlighted, "#catalog-options")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail(event.option.id)

    def _show_detail(self, entry_id: str | None) -> None:
        from model.catalog import get_entry

        detail = self.query_one("#catalog-detail", Static)
        entry = get_entry(entry_id) if entry_id else None
        if entry is None:
            detail.update("")
            return
        detail.update(
            Text(
                t(
                    "assist.catalog_detail",
                    formula=entry.formula,
                    description=entry.description.get(),
                )
            )
        )

    def action_move(self, offset: int) -> None:
        options = self.options
        if self.entry_ids:
            current = options.highlighted or 0
            options.highlighted = max(0, min(current + offset, len(self.entry_ids) - 1))

    @on(Input.Submitted, "#catalog-search")
    def _submitted(self) -> None:
        self._choose(self.options.highlighted)

    @on(OptionList.OptionSelected, "#catalog-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int | None) -> None:
        if index is None or not 0 <= index < len(self.entry_ids):
            return
        plan: Plan = self.app.plan  # type: ignore[attr-defined]
        self.dismiss(catalog_fields(plan, self.entry_ids[index]))

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_catalog_picker() -> CatalogPicker:
    """The factory ``tui.screens.kpis.CATALOG_PICKER`` points at."""
    return CatalogPicker()
