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
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from model.i18n import get_language, t
from model.plan import Plan
from model.textwidth import display_width, pad, truncate
from tui.keys import bind
from tui.screens.dialog import Dialog
from tui.widgets.form import UndoableInput

RESULTS = 50
"""At most this many matches are listed (the catalog has about 60)."""
LIST_CELLS = 64
"""How wide a row of the list is in the dialog at 80 columns, its scrollbar aside (the
real width, once laid out, is what the columns are fitted to)."""
GAP = "  "


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


def column_widths(rows: list[tuple[str, str, str]], room: int) -> list[int]:
    """Widths for the columns of ``rows`` (name, the other language's name, area) in
    ``room`` cells: each as wide as its widest text; when they do not fit, the other
    language's name gives way first, then the name, each to no less than a third of its
    width (or 8 cells), the area last (Chinese characters take two cells)."""
    widths = [max(display_width(row[column]) for row in rows) for column in range(3)]
    for column in (1, 0, 2):
        excess = sum(widths) - room
        if excess <= 0:
            break
        floor = min(widths[column], max(8, widths[column] // 3))
        widths[column] = max(floor, widths[column] - excess)
    return widths


class CatalogPicker(Dialog[dict[str, Any] | None]):
    """A search field over the catalog's KPIs, the matches, and the highlighted one's formula."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "cancel", "dialog.close"),
        bind("down", "move(1)", "rows.down", show=False),
        bind("up", "move(-1)", "rows.up", show=False),
        bind("pagedown", "move(8)", "rows.page_down", show=False),
        bind("pageup", "move(-8)", "rows.page_up", show=False),
    ]

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [
        (0, "-tiny"),
        (22, "-short"),
        (30, "-tall"),
    ]
    """Fewer matches listed in a short terminal, so the formula and the hint stay on
    screen above the Footer."""

    def __init__(self) -> None:
        super().__init__()
        self.entry_ids: list[str] = []
        self._room = 0
        """The row width the listed matches were laid out for."""

    def compose_dialog(self) -> ComposeResult:
        with Vertical(classes="dialog", id="catalog-dialog"):
            yield Static(t("assist.catalog_title"), classes="dialog-question")
            yield UndoableInput(placeholder=t("assist.catalog_search"), id="catalog-search")
            yield OptionList(id="catalog-options")
            yield Static("", id="catalog-detail", markup=False)
            yield Static(t("assist.catalog_keys"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.show_matches("")
        self.query_one("#catalog-search").focus()
        self.call_after_refresh(self._fit)

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
        rows = [
            (entry.name.get(language), entry.name.get(other), area_label(entry.area))
            for entry in entries
        ]
        self._room = self._list_cells()
        widths = column_widths(rows, self._room - 2 * len(GAP) - 1)  # a cell before the bar
        for entry, row in zip(entries, rows, strict=True):
            cells = [
                pad(truncate(text, width), width) for text, width in zip(row, widths, strict=True)
            ]
            label = Text(cells[0])
            label.append(GAP + cells[1], style="dim")
            label.append(GAP + cells[2].rstrip(), style="italic dim")
            options.add_option(Option(label, id=entry.id))
        options.highlighted = 0

    def _list_cells(self) -> int:
        """The columns a row of the list has once it is laid out, leaving room for the
        scrollbar (there whenever more matches than the list shows)."""
        options = self.options
        width = options.content_region.width
        return width - options.styles.scrollbar_size_vertical if width else LIST_CELLS

    def _fit(self) -> None:
        """Lay the rows out again when the list's width is not the one they were laid out
        for (the first layout, a resized terminal), keeping the highlighted row."""
        if self._list_cells() == self._room:
            return
        highlighted = self.options.highlighted
        self.show_matches(self.query_one("#catalog-search", Input).value)
        if highlighted is not None and highlighted < len(self.entry_ids):
            self.options.highlighted = highlighted

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

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
